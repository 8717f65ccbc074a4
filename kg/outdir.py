"""Replacing an output folder as one step: a reader sees the old build or the new one, never a mix.

:func:`atomic_output_dir` writes every file into a hidden sibling of the folder,
``.NAME.kg-new-XXXXXXXX``, and then puts the sibling in the folder's place:

* **Exchange.** On Linux, ``renameat2(RENAME_EXCHANGE)`` swaps the two folders in one
  system call, so the path always names a complete folder (the old or the new one);
  the old one, now at the sibling's name, is deleted afterwards.
* **Fallback** (a file system or system without the exchange): the old folder is renamed
  away to ``.NAME.kg-old-XXXXXXXX`` and the new one renamed in. For the instant between
  the two renames the folder is absent, never mixed; a build killed exactly there is
  recovered by the next one (the old folder is renamed back).

A zero-byte lock file ``.NAME.kg-lock`` beside the folder, held with ``flock`` while the
folder is written, makes a second writer fail at once with the ``out_busy`` error; under
the lock, the leftovers of killed builds (``.NAME.kg-new-*``, ``.NAME.kg-old-*`` and the
staging folders of earlier kg versions) are deleted. The lock file is removed on exit.
Ctrl+C (or SIGTERM) during the swap and the clean-up takes effect right after them, so an
interrupted writer leaves nothing beside the folder; only SIGKILL does, for the next one.

Nothing of an earlier build survives a new one, so an existing folder is only replaced
when it looks like output of the same command (``check``), never when it is the current
folder or contains it.

Examples
--------
>>> import tempfile
>>> out = Path(tempfile.mkdtemp()) / "output"
>>> with atomic_output_dir(out) as stage:
...     _ = (stage / "a.jsonl").write_text("{}\\n", encoding="utf-8")
...     out.exists()
False
>>> sorted(p.name for p in out.iterdir()), sorted(p.name for p in out.parent.iterdir())
(['a.jsonl'], ['output'])
"""

from __future__ import annotations

import contextlib
import ctypes
import errno
import functools
import os
import re
import secrets
import shutil
import signal
import tempfile
import threading
from collections.abc import Callable, Iterator
from pathlib import Path

from kg.errors import KGError, error

try:
    import fcntl
except ImportError:  # pragma: no cover - not on POSIX: no lock
    fcntl = None  # type: ignore[assignment]

__all__ = ["atomic_output_dir", "checkpoint", "output_lock", "recover"]

Check = Callable[[list[str]], list[str]]
"""Given the names in an existing output folder, the ones the writer does not own."""

_held: dict[str, int] = {}  # folders locked by this process -> nesting depth
_hook: Callable[[str], None] | None = None  # tests set it to kill the process at a named step
_LEGACY = r"\.{}\.[a-z0-9_]{{8}}\.tmp"  # staging folders of kg before the exchange
_AT_FDCWD = -100
_RENAME_EXCHANGE = 2
_NO_EXCHANGE = {errno.ENOSYS, errno.EINVAL, errno.ENOTSUP, errno.EOPNOTSUPP, errno.EXDEV}


def checkpoint(step: str) -> None:
    """A named step of writing an output folder (a hook for fault-injection tests; no-op)."""
    if _hook is not None:
        _hook(step)


@contextlib.contextmanager
def _deferred_interrupts() -> Iterator[None]:
    """Hold back SIGINT, SIGTERM and SIGHUP while a folder is swapped and cleaned up.

    A signal that arrives meanwhile is delivered (with its usual effect: Ctrl+C raises
    :class:`KeyboardInterrupt`) once the block is done, so an interrupt never leaves a
    staging folder or the lock file behind. Only in the main thread, where Python runs
    signal handlers.
    """
    if threading.current_thread() is not threading.main_thread():
        yield
        return
    caught: list[int] = []
    wanted = [getattr(signal, name) for name in ("SIGINT", "SIGTERM", "SIGHUP") if hasattr(signal, name)]
    previous = {sig: signal.signal(sig, lambda number, _frame: caught.append(number)) for sig in wanted}
    try:
        yield
    finally:
        for sig, handler in previous.items():
            signal.signal(sig, handler)
        for sig in dict.fromkeys(caught):
            signal.raise_signal(sig)


def _umask() -> int:
    from kg.atomic import _umask as umask

    return umask()


def _fsync(path: str | Path) -> None:
    """Flush a file or folder to disk (best effort: some file systems refuse)."""
    with contextlib.suppress(OSError):
        fd = os.open(path, os.O_RDONLY)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)


def _sync_tree(root: Path) -> None:
    for folder, _, files in os.walk(root):
        for name in files:
            _fsync(os.path.join(folder, name))
        _fsync(folder)


def _target(out_dir: str | os.PathLike[str]) -> Path:
    """The folder to replace: symbolic links resolved, so a link keeps pointing at the new build."""
    shown = os.fspath(out_dir)
    target = Path(os.path.realpath(out_dir))
    if os.path.lexists(target) and not target.is_dir():
        raise error("out_not_dir", path=shown)
    try:
        cwd = Path.cwd().resolve()
    except OSError:
        cwd = None
    if target.parent == target or (cwd is not None and (cwd == target or target in cwd.parents)):
        raise error("out_is_cwd", path=shown)
    above = target.parent
    while not os.path.lexists(above):
        above = above.parent
    if not above.is_dir():
        raise error("out_write", path=shown, reason=f"{above} is not a folder")
    return target


def _acquire(lock: Path, shown: str) -> int | None:
    """Hold the lock file ``lock`` (created if needed), or raise ``out_busy``."""
    if fcntl is None:  # pragma: no cover
        return None
    while True:
        fd = os.open(lock, os.O_RDWR | os.O_CREAT | getattr(os, "O_CLOEXEC", 0), 0o666 & ~_umask())
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except OSError:
            os.close(fd)
            raise error("out_busy", path=shown) from None
        try:
            if os.stat(lock).st_ino == os.fstat(fd).st_ino:
                return fd
        except FileNotFoundError:
            pass
        os.close(fd)  # the holder before us removed the file after we opened it: try again


def _release(fd: int | None, lock: Path) -> None:
    with contextlib.suppress(OSError):
        lock.unlink()  # while still holding it, so whoever opened it meanwhile retries
    if fd is not None:
        os.close(fd)


def recover(target: Path) -> None:
    """Clean up after killed writers of ``target`` (call with the lock held).

    A folder moved away but not replaced (killed between the two renames of the fallback)
    is renamed back; every other leftover sibling is deleted.
    """
    prefix = f".{target.name}.kg-"
    legacy = re.compile(_LEGACY.format(re.escape(target.name)))
    try:
        entries = [e for e in os.scandir(target.parent) if e.is_dir(follow_symlinks=False)
                   and (e.name.startswith(prefix) or legacy.fullmatch(e.name))]
    except OSError:
        return
    olds = sorted((e for e in entries if e.name.startswith(prefix + "old-")), key=lambda e: e.stat().st_mtime)
    if olds and not os.path.lexists(target):
        os.rename(olds[-1].path, target)
        entries.remove(olds[-1])
    for entry in entries:
        shutil.rmtree(entry.path, ignore_errors=True)


def _foreign(target: Path, check: Check) -> list[str]:
    try:
        return check(sorted(os.listdir(target)))
    except FileNotFoundError:
        return []


def _refuse(shown: str, names: list[str]) -> KGError:
    listed = ", ".join(names[:5]) + (f" and {len(names) - 5} more" if len(names) > 5 else "")
    return error("out_not_ours", path=shown, names=listed)


@contextlib.contextmanager
def output_lock(out_dir: str | os.PathLike[str], check: Check | None = None) -> Iterator[Path]:
    """Hold the lock of an output folder (re-entrant in a process) and check it may be replaced.

    Leftovers of killed writers are cleaned up first. Yields the resolved folder.

    Raises
    ------
    KGError
        ``out_busy`` when another process holds the lock, ``out_not_ours`` when ``check``
        finds names the writer does not own, ``out_is_cwd`` / ``out_not_dir``.
    """
    shown = os.fspath(out_dir)
    target = _target(out_dir)
    key = str(target)
    if key in _held:
        _held[key] += 1
        try:
            yield target
        finally:
            _held[key] -= 1
        return
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        lock = target.parent / f".{target.name}.kg-lock"
        fd = _acquire(lock, shown)
    except OSError as exc:
        raise error("out_write", path=shown, reason=exc.strerror or exc) from None
    _held[key] = 1
    try:
        recover(target)
        foreign = _foreign(target, check) if check is not None else []
        if foreign:
            raise _refuse(shown, foreign)
        yield target
    finally:
        with _deferred_interrupts():
            del _held[key]
            _release(fd, lock)


@functools.lru_cache(maxsize=1)
def _renameat2() -> Callable[..., int] | None:
    if os.name != "posix":  # pragma: no cover
        return None
    return getattr(ctypes.CDLL(None, use_errno=True), "renameat2", None)


def _exchange(a: Path, b: Path) -> bool:
    """Swap two paths in one step (Linux ``renameat2``); False when the system cannot."""
    func = _renameat2()
    if func is None:
        return False
    if func(_AT_FDCWD, os.fsencode(a), _AT_FDCWD, os.fsencode(b), _RENAME_EXCHANGE) == 0:
        return True
    code = ctypes.get_errno()
    if code in _NO_EXCHANGE:
        return False
    raise OSError(code, os.strerror(code), os.fspath(b))


_use_exchange = True  # tests turn it off to run the fallback


def _commit(stage: Path, target: Path) -> None:
    """Put ``stage`` in the place of ``target``; what was there ends at ``stage`` or is deleted."""
    if not os.path.lexists(target):
        os.rename(stage, target)
    elif not (_use_exchange and _exchange(stage, target)):
        old = target.parent / f".{target.name}.kg-old-{secrets.token_hex(4)}"
        os.rename(target, old)
        try:
            checkpoint("moved-away")
            os.rename(stage, target)
        except BaseException:
            os.rename(old, target)
            raise
        _fsync(target.parent)
        checkpoint("committed")
        shutil.rmtree(old, ignore_errors=True)
        return
    _fsync(target.parent)
    checkpoint("committed")


def _staged_names(stage: Path, target: Path, check: Check | None, shown: str) -> None:
    """Without a ``check``, the new folder must hold every name of the old one."""
    if check is None and os.path.isdir(target):
        missing = sorted(set(os.listdir(target)) - set(os.listdir(stage)))
        if missing:
            raise _refuse(shown, missing)


@contextlib.contextmanager
def atomic_output_dir(out_dir: str | os.PathLike[str], check: Check | None = None) -> Iterator[Path]:
    """Yield a staging folder that replaces ``out_dir`` as a whole when the block succeeds.

    Parameters
    ----------
    out_dir : str or os.PathLike
        The output folder; it and its parents are created when missing.
    check : callable, optional
        Given the names in an existing ``out_dir``, the ones this writer does not own; when
        there are any, the folder is not touched (``out_not_ours``), checked before the block
        runs. Without ``check``, the new folder must hold every name the old one holds.

    Yields
    ------
    Path
        A fresh, empty staging folder beside ``out_dir``.

    Raises
    ------
    KGError
        See :func:`output_lock`; ``out_write`` naming ``out_dir`` for a failed write.
        If the block raises, ``out_dir`` is not touched and the staging folder is deleted.
    """
    shown = os.fspath(out_dir)
    with output_lock(out_dir, check) as target:
        try:
            stage = Path(tempfile.mkdtemp(dir=target.parent, prefix=f".{target.name}.kg-new-"))
        except OSError as exc:
            raise error("out_write", path=shown, reason=exc.strerror or exc) from None
        try:
            os.chmod(stage, 0o777 & ~_umask())
            yield stage
            _sync_tree(stage)
            _staged_names(stage, target, check, shown)
            checkpoint("staged")
            with _deferred_interrupts():
                _commit(stage, target)
                shutil.rmtree(stage, ignore_errors=True)  # the old folder, after an exchange
        except OSError as exc:
            raise error("out_write", path=shown, reason=exc.strerror or exc) from None
        except KGError as exc:
            if str(stage) not in str(exc):
                raise
            raise type(exc)(str(exc).replace(str(stage), shown)) from None
        finally:
            with _deferred_interrupts():
                shutil.rmtree(stage, ignore_errors=True)
