"""Opening and decoding input files (articles and their sidecars) without trusting them.

* **Open**: only regular files, checked before and after opening (the file is opened
  without blocking, so a FIFO never hangs a build), within a size limit; a missing path, a
  broken symbolic link, a link loop, a folder, a FIFO, a device or a socket each get their
  own one-line :class:`~kg.errors.InputError`.
* **Decode**: UTF-8 (a leading BOM is dropped), UTF-16 with a BOM, and UTF-16 without
  one, recognised by its alternate bytes (mostly NUL for ASCII and 0x09 for Devanagari
  code units U+0900-U+097F); a NUL byte or over 10 % control characters otherwise means
  binary. Files are decoded in 1 MiB chunks.

Examples
--------
>>> import io
>>> decode_stream(io.BytesIO("रूस ने कहा\\n".encode("utf-16-le")), "a.txt", 1000)
('रूस ने कहा\\n', 'utf-16-le')
"""

from __future__ import annotations

import codecs
import errno
import os
import stat
from pathlib import Path
from typing import BinaryIO

from kg.errors import InputError, error

__all__ = ["decode_stream", "open_regular", "read_small", "utf16_without_bom"]

SAMPLE = 64 * 1024
CHUNK = 1024 * 1024
_BINARY_SHARE = 0.10
_CONTROL_BYTES = bytes([*range(0, 9), 11, *range(14, 32), 127])
_UTF8_BOM = b"\xef\xbb\xbf"
_UTF16_BOMS = {b"\xff\xfe": "utf-16-le", b"\xfe\xff": "utf-16-be"}
_KINDS = ((stat.S_ISDIR, "folder"), (stat.S_ISFIFO, "FIFO (named pipe)"), (stat.S_ISCHR, "character device"),
          (stat.S_ISBLK, "block device"), (stat.S_ISSOCK, "socket"))
_FLAGS = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_NOCTTY", 0) | getattr(os, "O_CLOEXEC", 0)


def _kind(mode: int) -> str:
    return next((name for test, name in _KINDS if test(mode)), "special file")


def os_input_error(exc: OSError, path: Path, shown: str) -> InputError:
    """The one-line error for an :class:`OSError` met while reading ``path``."""
    if exc.errno == errno.ENOENT:
        return error("broken_link" if os.path.islink(path) else "missing", InputError, path=shown)
    if exc.errno == errno.ELOOP:
        return error("link_loop", InputError, path=shown)
    if exc.errno == errno.ENXIO:  # opening a socket
        return error("special_file", InputError, path=shown, kind="socket")
    return error("unreadable", InputError, path=shown, reason=exc.strerror or exc)


def _check_stat(info: os.stat_result, shown: str, limit: int, key: str) -> None:
    if not stat.S_ISREG(info.st_mode):
        raise error("special_file", InputError, path=shown, kind=_kind(info.st_mode))
    if info.st_size > limit:
        raise error(key, InputError, path=shown, size=info.st_size, limit=limit)


def open_regular(path: Path, shown: str, limit: int, too_big: str = "too_big") -> BinaryIO:
    """Open ``path`` for reading if it is a regular file of at most ``limit`` bytes.

    Raises
    ------
    InputError
        ``missing``, ``broken_link``, ``link_loop``, ``special_file``, ``unreadable`` or
        ``too_big`` (the key given as ``too_big``).
    """
    try:
        _check_stat(os.stat(path), shown, limit, too_big)
        fd = os.open(path, _FLAGS)
    except OSError as exc:
        raise os_input_error(exc, path, shown) from None
    try:
        _check_stat(os.fstat(fd), shown, limit, too_big)  # it may have changed since
        os.set_blocking(fd, True)
        return os.fdopen(fd, "rb")
    except BaseException:
        os.close(fd)
        raise


def read_small(path: Path, shown: str, limit: int, too_big: str = "too_big") -> bytes:
    """The bytes of a small regular file (at most ``limit``, even if it grows meanwhile)."""
    with open_regular(path, shown, limit, too_big) as handle:
        try:
            data = handle.read(limit + 1)
        except OSError as exc:
            raise os_input_error(exc, path, shown) from None
    if len(data) > limit:
        raise error(too_big, InputError, path=shown, size=len(data), limit=limit)
    return data


def _looks_binary(sample: bytes | str) -> bool:
    """True if ``sample`` has a NUL or more than 10 % control characters."""
    if isinstance(sample, str):
        sample = sample[:SAMPLE].encode("utf-8", "replace")
    if b"\x00" in sample:
        return True
    controls = len(sample) - len(sample.translate(None, _CONTROL_BYTES))
    return controls > _BINARY_SHARE * max(len(sample), 1)


def utf16_without_bom(sample: bytes) -> str | None:
    """``"utf-16-le"`` or ``"utf-16-be"`` if ``sample`` reads as UTF-16 Hindi text without a BOM.

    In such text nearly every high byte is 0x00 (ASCII: spaces, digits, punctuation, line
    breaks) or 0x09 (Devanagari), and both occur; UTF-8 text never looks like that.

    Examples
    --------
    >>> utf16_without_bom("मोदी ने कहा".encode("utf-16-be")), utf16_without_bom("मोदी".encode())
    ('utf-16-be', None)
    """
    units = len(sample) // 2
    if units < 2:
        return None
    for codec, first in (("utf-16-le", 1), ("utf-16-be", 0)):
        high = sample[first::2][:units]
        ascii_units, devanagari = high.count(0), high.count(9)
        if ascii_units and devanagari >= 0.05 * units and ascii_units + devanagari >= 0.9 * units:
            return codec
    return None


def _encoding(chunk: bytes) -> tuple[str, int]:
    """The codec of a file starting with ``chunk`` and the length of its byte-order mark."""
    if chunk.startswith(_UTF8_BOM):
        return "utf-8", len(_UTF8_BOM)
    if chunk[:2] in _UTF16_BOMS:
        return _UTF16_BOMS[chunk[:2]], 2
    return utf16_without_bom(chunk[:SAMPLE]) or "utf-8", 0


def decode_stream(handle: BinaryIO, shown: str, limit: int) -> tuple[str, str]:
    """Decode an open file chunk by chunk: the text and the codec used.

    Peak memory is about 2 bytes per character. Raises ``empty``, ``binary``, ``encoding``,
    ``bad_utf16``, ``utf16_no_bom`` or ``too_big`` (when the file grew past ``limit``).
    """
    chunk = handle.read(CHUNK)
    if not chunk or chunk in (_UTF8_BOM, *_UTF16_BOMS):
        raise error("empty", InputError, path=shown)
    codec, pos = _encoding(chunk)
    utf8 = codec == "utf-8"
    if utf8 and _looks_binary(chunk[:SAMPLE]):
        raise error("binary", InputError, path=shown)
    key = "encoding" if utf8 else "bad_utf16" if pos else "utf16_no_bom"
    chunk = chunk[pos:]
    decoder = codecs.getincrementaldecoder(codec)()
    parts: list[str] = []
    while True:
        if utf8 and b"\x00" in chunk:
            raise error("binary", InputError, path=shown)
        pending = len(decoder.getstate()[0])
        try:
            parts.append(decoder.decode(chunk, final=not chunk))
        except UnicodeDecodeError as exc:
            raise error(key, InputError, path=shown, pos=pos - pending + exc.start) from None
        if not utf8 and (len(parts) == 1 and _looks_binary(parts[0]) or "\x00" in parts[-1]):
            raise error("binary", InputError, path=shown)
        if not chunk:
            return "".join(parts), codec
        pos += len(chunk)
        if pos > limit:  # the file grew after it was checked
            raise error("too_big", InputError, path=shown, size=pos, limit=limit)
        chunk = handle.read(CHUNK)
