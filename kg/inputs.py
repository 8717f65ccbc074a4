"""Reading input articles: validation, decoding and the metadata sidecar.

Every problem with an input is a one-line :class:`kg.errors.InputError`
(messages in :data:`kg.errors.MESSAGES`), never a traceback.

Behaviour
---------
* **Files** (:mod:`kg.readfile`): only regular files are read, opened without blocking
  (a FIFO never hangs a build); a broken link, a link loop, a folder, a FIFO, a device or a
  socket is named as such.
* **Encoding**: UTF-8, a leading UTF-8 BOM is stripped; UTF-16 with a BOM (Windows
  Notepad's "Unicode") or without one (recognised by its bytes).  Otherwise the
  ``encoding`` error gives the byte offset of the first invalid byte.
* **HTML** (:mod:`kg.htmltext`): a page (``.html``, or a file starting with a document
  type or page markup, or full of paragraph tags) is read for its text, never as markup;
  the document records ``text_from="html"`` and keeps that text.
* **Text is kept as decoded** (no newline or Unicode normalization), except that the
  characters XML 1.0 cannot hold (NUL, vertical tab, U+FFFF, ...) become spaces, one for
  one (:mod:`kg.xmlchars`), so extractor offsets point into :attr:`Document.text` and into
  the file's characters alike.
* **Binary**: a NUL byte anywhere, or over 10 % control characters in the first
  64 KiB.  **Language**: the text must contain Devanagari (Hindi only).
* **Size limit**: 25 MiB, or ``KG_MAX_BYTES`` (bytes, or with a ``K``/``M``/``G``
  suffix), or the ``max_bytes`` argument; checked before reading.  Files are
  decoded in 1 MiB chunks, so a 20 MB Hindi article peaks at about 1.5x its size.
* **Folders** give their ``*.txt`` entries, sorted, **not recursively** (hidden
  files skipped; a ``.txt`` entry that is not a regular file is reported and skipped);
  ``*.meta.json`` inputs (e.g. from ``seeds/*``) are skipped.  An empty path is an error.
* **Sidecar** ``article.meta.json`` (:mod:`kg.metadata`): the same file checks (at most
  1 MiB); invalid or too deeply nested JSON, a date not YYYY-MM-DD or a non-Hindi
  ``language`` (``hi``, ``hi-IN``, ``hin``, ``Hindi`` give ``"hi"``) reject the article;
  unknown keys are ignored.
* **Ids** come from the file name stem; on a clash the later inputs get
  ``-2``, ``-3``, ...; a file given twice is read once.

Examples
--------
>>> doc = document_from_text("पुतिन वियतनाम पहुंचे।\\nदूसरी पंक्ति")
>>> doc.id, doc.title, doc.date
('text', 'पुतिन वियतनाम पहुंचे।', None)
"""

from __future__ import annotations

import logging
import os
import re
import stat
import unicodedata
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any

from kg.errors import InputError, error
from kg.htmltext import html_to_text, looks_like_html
from kg.metadata import check_date, read_meta, sidecar_path
from kg.readfile import decode_stream, open_regular, os_input_error
from kg.records import Document
from kg.xmlchars import count_unsafe, xml_safe

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

log = logging.getLogger(__name__)
DEFAULT_MAX_BYTES = 25 * 1024 * 1024  # override with KG_MAX_BYTES
TEXT_PATH = "<text>"  # the input name in errors about text given directly
TITLE_CHARS = 200
_DEVANAGARI = re.compile("[\u0900-\u097f\ua8e0-\ua8ff]")
_NON_SPACE = re.compile(r"\S")
_SIZE = re.compile(r"(\d+)\s*([kmg]?)(?:i?b)?", re.IGNORECASE)
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


def _shown(path: Path) -> str:
    """A path as kg writes it in messages and records: POSIX, printable, XML-safe.

    Bytes of a file name that are not UTF-8 are written as ``\\xNN``.
    """
    return xml_safe(os.fsencode(path.as_posix()).decode("utf-8", "backslashreplace"), "?")


def _read_text(path: Path, shown: str, limit: int) -> str:
    """Check, read and decode the article at ``path``."""
    with open_regular(path, shown, limit) as handle:
        try:
            return decode_stream(handle, shown, limit)[0]
        except OSError as exc:
            raise os_input_error(exc, path, shown) from None


def _as_text(text: str, shown: str, suffix: str = "") -> tuple[str, str | None, str | None]:
    """The text to extract from (HTML pages read for their text, unsafe characters replaced),
    the page's title, and ``"html"`` when it was a page."""
    title = text_from = None
    if looks_like_html(text, suffix):
        text, title = html_to_text(text)
        text_from = "html"
        if _DEVANAGARI.search(text) is None:
            raise error("no_devanagari", InputError, path=shown)
    unsafe = count_unsafe(text)
    if unsafe:
        log.info("%s: %d characters XML cannot hold replaced by spaces", shown, unsafe)
        text = xml_safe(text)
    _check_text(text, shown)
    return text, title and xml_safe(title), text_from


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
        ``text`` as decoded (the text of an HTML page, ``text_from="html"``; characters XML
        cannot hold replaced by spaces); ``title`` from the sidecar, else the page's title,
        else the first non-blank line (at most about 200 characters); ``path`` as given (POSIX).

    Raises
    ------
    InputError
        For a missing, unreadable, special (FIFO, device, ...), empty, binary, too big,
        non-UTF-8 or non-Hindi file, or a bad sidecar.

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
    shown = _shown(path)
    limit = max_input_bytes() if max_bytes is None else max_bytes
    text, title, text_from = _as_text(_read_text(path, shown, limit), shown, path.suffix)
    meta = read_meta(path)
    return Document(
        id=doc_id or _stem_id(path),
        text=text,
        title=meta.get("title") or title or _title_from_text(text),
        date=meta.get("date"),
        language=meta.get("language", "hi"),
        source=meta.get("source"),
        path=shown,
        text_from=text_from,
    )


def document_from_text(text: str, doc_id: str = "text", date: str | None = None) -> Document:
    """Make a :class:`Document` from Hindi text given directly (Python API).

    ``text`` is kept as given (an HTML page is read for its text, characters XML cannot
    hold become spaces, as for files) and ``path`` is ``None``; errors (blank text, no
    Devanagari, ``date`` not YYYY-MM-DD, not a string) name the input ``<text>``.

    Examples
    --------
    >>> document_from_text("मोदी", date="2024-06-20").date
    '2024-06-20'
    >>> document_from_text("मोदी\\x0bने").text
    'मोदी ने'
    >>> document_from_text("Modi")
    Traceback (most recent call last):
    kg.errors.InputError: <text>: no Devanagari text found; only Hindi is supported yet
    """
    if not isinstance(text, str):
        raise error("not_text", InputError)
    text, title, text_from = _as_text(text, TEXT_PATH)
    return Document(id=doc_id, text=text, title=title or _title_from_text(text),
                    date=check_date(date, TEXT_PATH), language="hi", source=None, path=None,
                    text_from=text_from)


def _as_list(inputs: PathOrPaths) -> list[Any]:
    """A single path or a list of paths, as a list."""
    return [inputs] if isinstance(inputs, str | os.PathLike) else list(inputs)


def _expand(item: str | os.PathLike[str]) -> list[Path]:
    """The article files an input names: itself, or a folder's ``*.txt`` entries."""
    if not os.fspath(item).strip():
        raise error("empty_path", InputError)
    path = Path(item)
    shown = _shown(path)
    try:
        is_dir = stat.S_ISDIR(os.stat(path).st_mode)
    except OSError as exc:
        raise os_input_error(exc, path, shown) from None
    if not is_dir:
        return [] if path.name.endswith(".meta.json") else [path]
    try:
        found = [p for p in path.iterdir() if p.suffix.lower() == ".txt" and p.name[0] != "."]
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

    Folders give their ``*.txt`` entries, sorted by name, **not recursively**
    (hidden files skipped; entries that are not regular files are listed, for
    :func:`read_document` to report); files are taken whatever their extension, except
    ``*.meta.json`` sidecars.  A file reached twice is listed once.  Raises the
    ``missing`` error for a path that does not exist (``broken_link``, ``link_loop``,
    ``empty_path`` ...), ``no_articles`` for a folder without ``*.txt`` files.

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
