"""Atomic file output: a reader never sees a half-written file.

Every file is first written to a temporary file in the *same directory* as
its target and then moved onto the target with :func:`os.replace`, which is
atomic on POSIX and Windows.  On any exception the temporary file is removed
and the target is left as it was (absent or with its previous content).
Parent directories are created as needed.  Nothing here adds timestamps or
other varying content, so equal input gives byte-identical files.

:func:`atomic_output_dir` goes one step further for a whole folder: its files
are written into a staging folder that then takes the folder's place in one
step (:mod:`kg.outdir`), so a failure or a kill leaves the old folder whole.

Examples
--------
>>> import tempfile
>>> from pathlib import Path
>>> out = Path(tempfile.mkdtemp()) / "out" / "a.txt"
>>> atomic_write_text(out, "नमस्ते\\n").read_text(encoding="utf-8")
'नमस्ते\\n'
"""

from __future__ import annotations

import contextlib
import functools
import os
import tempfile
from collections.abc import Callable, Iterator
from pathlib import Path

__all__ = ["atomic_output_dir", "atomic_path", "atomic_write_bytes", "atomic_write_text"]


@functools.lru_cache(maxsize=1)
def _umask() -> int:
    """The process umask (read once; ``os.umask`` can only be read by setting it)."""
    mask = os.umask(0o022)
    os.umask(mask)
    return mask


def _fsync_file(path: Path) -> None:
    """Flush ``path`` to disk (best effort: some file systems refuse fsync)."""
    with contextlib.suppress(OSError), open(path, "rb") as handle:
        os.fsync(handle.fileno())


@contextlib.contextmanager
def atomic_path(path: str | os.PathLike[str]) -> Iterator[Path]:
    """Yield a temporary path that replaces ``path`` when the block succeeds.

    Write the content to the yielded path (for example with a library that
    only accepts file names); when the ``with`` block ends normally the file
    is moved onto ``path`` atomically.  If the block raises, the temporary file
    is deleted and ``path`` is left unchanged.  The temporary file is created
    empty in the target's directory (parents are created), with the permissions
    a newly created file would get (``0o666`` minus the umask).

    Parameters
    ----------
    path : str or os.PathLike
        The final file name.

    Yields
    ------
    Path
        A temporary file name in the same directory as ``path``.

    Examples
    --------
    >>> import tempfile
    >>> from pathlib import Path
    >>> target = Path(tempfile.mkdtemp()) / "data.txt"
    >>> with atomic_path(target) as tmp:
    ...     _ = tmp.write_text("ok", encoding="utf-8")
    ...     target.exists()
    False
    >>> target.read_text(encoding="utf-8")
    'ok'
    """
    target = Path(path)
    target.parent.mkdir(parents=True, exist_ok=True)
    fd, name = tempfile.mkstemp(dir=target.parent, prefix=f".{target.name}.", suffix=".tmp")
    os.close(fd)
    tmp = Path(name)
    try:
        os.chmod(tmp, 0o666 & ~_umask())
        yield tmp
        _fsync_file(tmp)
        os.replace(tmp, target)
    except BaseException:
        with contextlib.suppress(OSError):
            tmp.unlink()
        raise


def atomic_write_bytes(path: str | os.PathLike[str], data: bytes) -> Path:
    """Write ``data`` to ``path`` atomically and return the path.

    Parameters
    ----------
    path : str or os.PathLike
        The file to (re)place; parent directories are created.
    data : bytes
        The exact content.

    Returns
    -------
    Path
        ``path`` as a :class:`~pathlib.Path`.

    Examples
    --------
    >>> import tempfile
    >>> from pathlib import Path
    >>> atomic_write_bytes(Path(tempfile.mkdtemp()) / "b.bin", b"\\x00\\x01").read_bytes()
    b'\\x00\\x01'
    """
    target = Path(path)
    with atomic_path(target) as tmp, open(tmp, "wb") as handle:
        handle.write(data)
        handle.flush()
    return target


def atomic_write_text(path: str | os.PathLike[str], text: str, encoding: str = "utf-8") -> Path:
    """Write ``text`` to ``path`` atomically, exactly as given, and return the path.

    No newline translation is done (``"\\n"`` stays ``"\\n"`` on every
    platform), so the file reads back identical with ``newline=""`` or
    :meth:`bytes.decode`.  If ``text`` cannot be encoded nothing is written.

    Parameters
    ----------
    path : str or os.PathLike
        The file to (re)place; parent directories are created.
    text : str
        The content.
    encoding : str, optional
        The text encoding, UTF-8 by default (no byte-order mark).

    Returns
    -------
    Path
        ``path`` as a :class:`~pathlib.Path`.

    Examples
    --------
    >>> import tempfile
    >>> from pathlib import Path
    >>> p = atomic_write_text(Path(tempfile.mkdtemp()) / "t.txt", "a\\r\\nb")
    >>> p.read_bytes()
    b'a\\r\\nb'
    """
    return atomic_write_bytes(path, text.encode(encoding))


def atomic_output_dir(out_dir: str | os.PathLike[str],
                      check: Callable[[list[str]], list[str]] | None = None,
                      ) -> contextlib.AbstractContextManager[Path]:
    """A staging folder that replaces ``out_dir`` as a whole on success.

    The same as :func:`kg.outdir.atomic_output_dir` (see there), kept here beside the
    single-file writers.
    """
    from kg.outdir import atomic_output_dir as replace_dir

    return replace_dir(out_dir, check)
