"""Reading input articles: validation, decoding and the metadata sidecar.

Every problem with an input is a one-line :class:`kg.errors.InputError`
(messages in :data:`kg.errors.MESSAGES`), never a traceback.

Behaviour
---------
* **Encoding**: UTF-8, a leading UTF-8 BOM is stripped; UTF-16 only with a BOM
  (Windows Notepad's "Unicode").  Otherwise the ``encoding`` error gives the
  byte offset of the first invalid byte.
* **Text is kept exactly as decoded** (no newline or Unicode normalization),
  so extractor offsets point into :attr:`Document.text`.
* **Binary**: a NUL byte anywhere, or over 10 % control characters in the first
  64 KiB.  **Language**: the text must contain Devanagari (Hindi only).
* **Size limit**: 25 MiB, or ``KG_MAX_BYTES`` (bytes, or with a ``K``/``M``/``G``
  suffix), or the ``max_bytes`` argument; checked before reading.  Files are
  decoded in 1 MiB chunks, so a 20 MB Hindi article peaks at about 1.5x its size.
* **Folders** give their ``*.txt`` files, sorted, **not recursively** (hidden
  files skipped); ``*.meta.json`` inputs (e.g. from ``seeds/*``) are skipped.
* **Sidecar** ``article.meta.json``: invalid JSON, a date not YYYY-MM-DD or a
  non-Hindi ``language`` (``hi``, ``hi-IN``, ``hin``, ``Hindi`` give ``"hi"``)
  reject the article; unknown keys are ignored.
* **Ids** come from the file name stem; on a clash the later inputs get
  ``-2``, ``-3``, ...; a file given twice is read once.

Examples
--------
>>> doc = document_from_text("पुतिन वियतनाम पहुंचे।\\nदूसरी पंक्ति")
>>> doc.id, doc.title, doc.date
('text', 'पुतिन वियतनाम पहुंचे।', None)
"""

from __future__ import annotations

import codecs
import os
import re
import stat
import unicodedata
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any, BinaryIO

from kg.errors import InputError, error
from kg.metadata import check_date, read_meta, sidecar_path
from kg.records import Document

__all__ = [
    "DEFAULT_MAX_BYTES",
    "TEXT_PATH",
    "document_from_text",
    "iter_input_paths",
    "max_input_bytes",
    "read_document",
    "read_documents",
    "sidecar_path",
]

DEFAULT_MAX_BYTES = 25 * 1024 * 1024  # override with KG_MAX_BYTES
TEXT_PATH = "<text>"  # the input name in errors about text given directly
TITLE_CHARS = 200
_BINARY_SAMPLE = 64 * 1024
_CHUNK = 1024 * 1024
_BINARY_SHARE = 0.10
_CONTROL_BYTES = bytes([*range(0, 9), 11, *range(14, 32), 127])
_DEVANAGARI = re.compile("[\u0900-\u097f\ua8e0-\ua8ff]")
_NON_SPACE = re.compile(r"\S")
_SIZE = re.compile(r"(\d+)\s*([kmg]?)(?:i?b)?", re.IGNORECASE)
_UTF8_BOM = b"\xef\xbb\xbf"
_UTF16_BOMS = (b"\xff\xfe", b"\xfe\xff")
PathOrPaths = str | os.PathLike[str] | Sequence[str | os.PathLike[str]]


def max_input_bytes() -> int:
    """The input size limit in bytes: ``KG_MAX_BYTES`` if set, else 25 MiB.

    ``KG_MAX_BYTES`` is a number of bytes, optionally with a ``K``/``M``/``G``
    suffix (binary units); anything else raises the ``bad_size_env`` error.

    Examples
    --------
    >>> import os
    >>> os.environ["KG_MAX_BYTES"] = "2M"
    >>> max_input_bytes()
    2097152
    >>> del os.environ["KG_MAX_BYTES"]
    """
    raw = os.environ.get("KG_MAX_BYTES", "").strip()
    if not raw:
        return DEFAULT_MAX_BYTES
    match = _SIZE.fullmatch(raw)
    if not match:
        raise error("bad_size_env", InputError, name="KG_MAX_BYTES", value=raw)
    scale = {"": 1, "k": 1024, "m": 1024**2, "g": 1024**3}[match.group(2).lower()]
    return int(match.group(1)) * scale


def _check_text(text: str, path: str) -> None:
    """Reject text that is blank or has no Devanagari at all."""
    if _NON_SPACE.search(text) is None:
        raise error("empty", InputError, path=path)
    if _DEVANAGARI.search(text) is None:
        raise error("no_devanagari", InputError, path=path)


def _looks_binary(sample: bytes | str) -> bool:
    """True if ``sample`` has a NUL or more than 10 % control characters."""
    if isinstance(sample, str):
        sample = sample[:_BINARY_SAMPLE].encode("utf-8", "replace")
    if b"\x00" in sample:
        return True
    controls = len(sample) - len(sample.translate(None, _CONTROL_BYTES))
    return controls > _BINARY_SHARE * max(len(sample), 1)


def _check_file(path: Path, shown: str, limit: int) -> None:
    """Reject a missing path, a non-regular file (folder, FIFO, device) or a too big file."""
    try:
        info = path.stat()
    except FileNotFoundError:
        raise error("missing", InputError, path=shown) from None
    except OSError as exc:
        raise error("unreadable", InputError, path=shown, reason=exc.strerror or exc) from None
    if not stat.S_ISREG(info.st_mode):
        raise error("not_file", InputError, path=shown)
    if info.st_size > limit:
        raise error("too_big", InputError, path=shown, size=info.st_size, limit=limit)


def _decode_stream(handle: BinaryIO, shown: str, limit: int) -> str:
    """Decode an open article chunk by chunk (peak memory about 2 bytes per character)."""
    chunk = handle.read(_CHUNK)
    if not chunk or chunk in (_UTF8_BOM, *_UTF16_BOMS):
        raise error("empty", InputError, path=shown)
    utf16 = chunk.startswith(_UTF16_BOMS)
    if not utf16 and _looks_binary(chunk[:_BINARY_SAMPLE]):
        raise error("binary", InputError, path=shown)
    pos = len(_UTF8_BOM) if chunk.startswith(_UTF8_BOM) else 0  # file offset of ``chunk``
    chunk = chunk[pos:]
    decoder = codecs.getincrementaldecoder("utf-16" if utf16 else "utf-8")()
    parts: list[str] = []
    while True:
        if not utf16 and b"\x00" in chunk:
            raise error("binary", InputError, path=shown)
        pending = len(decoder.getstate()[0])
        try:
            parts.append(decoder.decode(chunk, final=not chunk))
        except UnicodeDecodeError as exc:
            key = "bad_utf16" if utf16 else "encoding"
            raise error(key, InputError, path=shown, pos=pos - pending + exc.start) from None
        if utf16 and (len(parts) == 1 and _looks_binary(parts[0]) or "\x00" in parts[-1]):
            raise error("binary", InputError, path=shown)
        if not chunk:
            return "".join(parts)
        pos += len(chunk)
        if pos > limit:  # the file grew after it was checked
            raise error("too_big", InputError, path=shown, size=pos, limit=limit)
        chunk = handle.read(_CHUNK)


def _read_text(path: Path, shown: str, limit: int) -> str:
    """Check, read and decode the article at ``path``."""
    _check_file(path, shown, limit)
    try:
        with open(path, "rb") as handle:
            return _decode_stream(handle, shown, limit)
    except OSError as exc:
        raise error("unreadable", InputError, path=shown, reason=exc.strerror or exc) from None


def _title_from_text(text: str, limit: int = TITLE_CHARS) -> str | None:
    """The first non-blank line, trimmed to about ``limit`` characters."""
    match = _NON_SPACE.search(text)
    if match is None:
        return None
    start = match.start()
    end = text.find("\n", start)
    end = len(text) if end < 0 else end
    line = text[start : min(end, start + limit + 1)].rstrip()
    if len(line) <= limit:
        return line
    cut = line.rfind(" ", 0, limit)
    return line[: cut if cut > limit // 2 else limit].rstrip() + "…"


def _stem_id(path: Path) -> str:
    """A document id from a file name stem: letters, marks, digits, ``._-`` kept."""
    chars = [c if unicodedata.category(c)[0] in "LMN" or c in "._-" else "-" for c in path.stem]
    return re.sub("-{2,}", "-", "".join(chars)).strip("-") or "doc"


def read_document(path: str | os.PathLike[str], doc_id: str | None = None,
                  max_bytes: int | None = None) -> Document:
    """Read, validate and decode one article, with its metadata sidecar if any.

    Parameters
    ----------
    path : str or os.PathLike
        The article.  ``article.meta.json`` next to ``article.txt`` gives
        ``title``, ``date`` (YYYY-MM-DD), ``language`` and ``source``; other
        keys are ignored.
    doc_id : str, optional
        The document id; by default derived from the file name stem.
    max_bytes : int, optional
        Size limit; by default :func:`max_input_bytes`.

    Returns
    -------
    Document
        ``text`` exactly as decoded; ``title`` from the sidecar, else the first
        non-blank line (at most about 200 characters); ``path`` as given (POSIX).

    Raises
    ------
    InputError
        For a missing, unreadable, empty, binary, too big, non-UTF-8 or
        non-Hindi file, or a bad sidecar.

    Examples
    --------
    >>> import tempfile
    >>> p = Path(tempfile.mkdtemp()) / "a.txt"
    >>> _ = p.write_bytes("\\ufeffपुतिन हनोई में\\r\\n".encode("utf-8"))
    >>> doc = read_document(p)
    >>> doc.id, doc.text, doc.title
    ('a', 'पुतिन हनोई में\\r\\n', 'पुतिन हनोई में')
    """
    path = Path(path)
    shown = path.as_posix()
    limit = max_input_bytes() if max_bytes is None else max_bytes
    text = _read_text(path, shown, limit)
    _check_text(text, shown)
    meta = read_meta(path)
    return Document(
        id=doc_id or _stem_id(path),
        text=text,
        title=meta.get("title") or _title_from_text(text),
        date=meta.get("date"),
        language=meta.get("language", "hi"),
        source=meta.get("source"),
        path=shown,
    )


def document_from_text(text: str, doc_id: str = "text", date: str | None = None) -> Document:
    """Make a :class:`Document` from Hindi text given directly (Python API).

    ``text`` is kept exactly as given and ``path`` is ``None``; errors (blank
    text, no Devanagari, ``date`` not YYYY-MM-DD, not a string) name the
    input ``<text>``.

    Examples
    --------
    >>> document_from_text("मोदी", date="2024-06-20").date
    '2024-06-20'
    >>> document_from_text("Modi")
    Traceback (most recent call last):
    kg.errors.InputError: <text>: no Devanagari text found; only Hindi is supported yet
    """
    if not isinstance(text, str):
        raise error("not_text", InputError)
    _check_text(text, TEXT_PATH)
    return Document(id=doc_id, text=text, title=_title_from_text(text),
                    date=check_date(date, TEXT_PATH), language="hi", source=None, path=None)


def _as_list(inputs: PathOrPaths) -> list[Any]:
    """A single path or a list of paths, as a list."""
    return [inputs] if isinstance(inputs, str | os.PathLike) else list(inputs)


def _expand(item: str | os.PathLike[str]) -> list[Path]:
    """The article files an input names: itself, or a folder's ``*.txt`` files."""
    path = Path(item)
    shown = path.as_posix() if str(item).strip() else repr(str(item))
    if not str(item).strip() or not path.exists():
        raise error("missing", InputError, path=shown)
    if not path.is_dir():
        return [] if path.name.endswith(".meta.json") else [path]
    try:
        found = [p for p in path.iterdir() if p.suffix.lower() == ".txt" and p.name[0] != "." and p.is_file()]
    except OSError as exc:
        raise error("unreadable", InputError, path=shown, reason=exc.strerror or exc) from None
    if not found:
        raise error("no_articles", InputError, path=shown)
    return sorted(found, key=lambda p: p.name)


def _unique(paths: Iterable[Path], seen: set[str]) -> list[Path]:
    """Drop paths naming a file already in ``seen`` (by real path); update ``seen``."""
    kept = []
    for path in paths:
        real = os.path.realpath(path)
        if real not in seen:
            seen.add(real)
            kept.append(path)
    return kept


def iter_input_paths(inputs: PathOrPaths) -> list[Path]:
    """Expand input files and folders (or one path) into article paths, in input order.

    Folders give their ``*.txt`` files, sorted by name, **not recursively**
    (hidden files skipped); files are taken whatever their extension, except
    ``*.meta.json`` sidecars.  A file reached twice is listed once.  Raises the
    ``missing`` error for a path that does not exist, ``no_articles`` for a
    folder without ``*.txt`` files.

    Examples
    --------
    >>> import tempfile
    >>> d = Path(tempfile.mkdtemp())
    >>> for name in ("b.txt", "a.txt", "a.meta.json"):
    ...     _ = (d / name).write_text("क", encoding="utf-8")
    >>> [p.name for p in iter_input_paths([d, d / "a.txt", d / "a.meta.json"])]
    ['a.txt', 'b.txt']
    """
    seen: set[str] = set()
    paths: list[Path] = []
    for item in _as_list(inputs):
        paths.extend(_unique(_expand(item), seen))
    return paths


def _unique_id(stem_id: str, used: set[str]) -> str:
    """``stem_id``, or ``stem_id-2``, ``-3``, ... if already used; marks it used."""
    candidate, n = stem_id, 1
    while candidate in used:
        n += 1
        candidate = f"{stem_id}-{n}"
    used.add(candidate)
    return candidate


def _summary(errors: list[str], shown: int = 3) -> str:
    """The first few error messages on one line."""
    text = "; ".join(errors[:shown])
    if len(errors) > shown:
        text += f"; and {len(errors) - shown} more"
    return text


def read_documents(inputs: PathOrPaths, max_bytes: int | None = None) -> tuple[list[Document], list[str]]:
    """Read every article of ``inputs``, skipping and reporting the bad ones.

    Parameters
    ----------
    inputs : path or sequence of paths
        Files and folders, expanded as by :func:`iter_input_paths`.
    max_bytes : int, optional
        Per-file size limit; by default :func:`max_input_bytes`.

    Returns
    -------
    documents : list of Document
        The usable articles, in input order, with unique ids.
    errors : list of str
        A one-line message per rejected input (bad file, missing path, empty folder).

    Raises
    ------
    InputError
        ``no_input_because`` (with the first errors) when no article is usable.

    Examples
    --------
    >>> import tempfile
    >>> d = Path(tempfile.mkdtemp())
    >>> _ = (d / "good.txt").write_text("पुतिन", encoding="utf-8")
    >>> _ = (d / "bad.txt").write_bytes(b"")
    >>> docs, errors = read_documents(d)
    >>> [doc.id for doc in docs], [e.split("/")[-1] for e in errors]
    (['good'], ['bad.txt: the file is empty'])
    """
    limit = max_input_bytes() if max_bytes is None else max_bytes
    documents: list[Document] = []
    errors: list[str] = []
    seen: set[str] = set()
    used: set[str] = set()
    for item in _as_list(inputs):
        try:
            paths = _unique(_expand(item), seen)
        except InputError as exc:
            errors.append(str(exc))
            continue
        for path in paths:
            try:
                doc = read_document(path, max_bytes=limit)
            except InputError as exc:
                errors.append(str(exc))
                continue
            doc.id = _unique_id(doc.id, used)
            documents.append(doc)
    if not documents:
        raise error("no_input_because", InputError, details=_summary(errors) or "no article given")
    return documents, errors
