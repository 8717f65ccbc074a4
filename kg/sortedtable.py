"""Word tables compiled once into sorted files and searched in place: fast pipeline start-up.

Some word lists of ``kg/data`` take most of a cold ``kg add`` to turn into Python dicts
(``english_words.tsv`` gives three tables of about 120,000 keys each). :func:`compiled_tables`
does that work once: it writes each table as sorted ``key<TAB>value`` lines into a cache file
named after a hash of everything the table is made from, and later processes map the file and
binary-search it (:class:`SortedTable`), so loading a table costs a file open.

* **Versioned by content**: the file name holds a SHA-256 of the table's name, this module's
  :data:`FORMAT`, and the bytes of each source (the data files and the module that builds the
  table), so a changed word list or build rule never reads a stale table; the header repeats the
  hash and the body's length, so a foreign or truncated file is rebuilt.
* **Written atomically** (:func:`kg.atomic.atomic_write_bytes`); older versions of the same table
  in the folder are removed.
* **Where**: ``$KG_CACHE_DIR`` if set (set to the empty string: no cache), else
  ``$XDG_CACHE_HOME/kg`` or ``~/.cache/kg``. A folder that cannot be written (a read-only home)
  is no error: the table is then built and searched in memory, as fast to query.

A table holds the same keys and values as the dict it replaces (the last value of a repeated key
wins), so results do not depend on whether a cache was used.

Examples
--------
>>> table = SortedTable.from_items([("b", "2"), ("a", "1"), ("ab", "3"), ("b", "4")])
>>> table.get("a"), table.get("b"), table.get("c"), "ab" in table, len(table)
('1', '4', None, True, 3)
>>> table.has_prefix("a"), table.has_prefix("ac")
(True, False)
"""

from __future__ import annotations

import bisect
import contextlib
import functools
import hashlib
import mmap
import os
from collections.abc import Callable, Iterable, Mapping, Sequence
from pathlib import Path

__all__ = ["FORMAT", "MemoryTable", "SortedTable", "cache_dir", "compiled_tables", "table_digest"]

#: Version of the file layout (part of every table's hash).
FORMAT = 1
_MAGIC = b"kg-sorted-table"


class SortedTable:
    """A read-only ``str -> str`` table of sorted ``key<TAB>value`` lines, searched in place.

    Parameters
    ----------
    data : bytes or mmap.mmap
        A header line, then the lines sorted by key (UTF-8 byte order, which is code point order),
        each key once.
    """

    def __init__(self, data: bytes | mmap.mmap) -> None:
        self._data = data
        self._start = data.find(b"\n") + 1
        self.get = functools.lru_cache(maxsize=100_000)(self._get)

    @classmethod
    def from_items(cls, items: Iterable[tuple[str, str]], digest: str = "") -> SortedTable:
        """A table in memory from ``(key, value)`` pairs (a repeated key keeps its last value)."""
        return cls(encode(items, digest))

    def _lower_bound(self, key: bytes) -> int:
        """Offset of the first line whose key is not below ``key`` (the end if none)."""
        data, lo, hi = self._data, self._start, len(self._data)
        while lo < hi:  # lo and hi are line starts
            line = max(data.rfind(b"\n", lo, (lo + hi) // 2) + 1, lo)
            tab = data.find(b"\t", line)
            if data[line:tab] < key:
                lo = data.find(b"\n", tab) + 1
            else:
                hi = line
        return lo

    def _get(self, key: str, default: str | None = None) -> str | None:
        """The value of ``key``, or ``default``."""
        if "\t" in key or "\n" in key:
            return default  # no stored key holds one
        raw = key.encode("utf-8")
        data = self._data
        line = self._lower_bound(raw)
        tab = line + len(raw)
        if data[line:tab] != raw or data[tab:tab + 1] != b"\t":
            return default
        return data[tab + 1:data.find(b"\n", tab)].decode("utf-8")

    def __contains__(self, key: object) -> bool:
        return isinstance(key, str) and self.get(key) is not None

    def __getitem__(self, key: str) -> str:
        value = self.get(key)
        if value is None:
            raise KeyError(key)
        return value

    def __len__(self) -> int:
        return bytes(self._data[self._start:]).count(b"\n")

    def has_prefix(self, prefix: str) -> bool:
        """Whether some key starts with ``prefix``."""
        if "\t" in prefix or "\n" in prefix:
            return False
        raw = prefix.encode("utf-8")
        line = self._lower_bound(raw)
        return line < len(self._data) and self._data[line:line + len(raw)] == raw

    def items(self) -> list[tuple[str, str]]:
        """Every ``(key, value)``, in key order."""
        body = bytes(self._data[self._start:]).decode("utf-8")
        return [tuple(line.split("\t", 1)) for line in body.split("\n")[:-1]]  # type: ignore[misc]


class MemoryTable(SortedTable):
    """A :class:`SortedTable` held as a dict: what :func:`compiled_tables` gives without a cache folder.

    Examples
    --------
    >>> table = MemoryTable([("b", "2"), ("a", "1"), ("b", "4")])
    >>> table.get("b"), table.has_prefix("a"), table.items()
    ('4', True, [('a', '1'), ('b', '4')])
    """

    def __init__(self, items: Iterable[tuple[str, str]]) -> None:  # noqa: D107 - see the class
        self._table = dict(items)
        self._keys: list[str] | None = None
        self.get = self._get

    def _get(self, key: str, default: str | None = None) -> str | None:
        return self._table.get(key, default)

    def __len__(self) -> int:
        return len(self._table)

    def has_prefix(self, prefix: str) -> bool:
        """Whether some key starts with ``prefix``."""
        if self._keys is None:
            self._keys = sorted(self._table)
        i = bisect.bisect_left(self._keys, prefix)
        return i < len(self._keys) and self._keys[i].startswith(prefix)

    def items(self) -> list[tuple[str, str]]:
        """Every ``(key, value)``, in key order."""
        return sorted(self._table.items())


def encode(items: Iterable[tuple[str, str]], digest: str = "") -> bytes:
    """The file of a table: header line, then sorted ``key<TAB>value`` lines.

    Raises
    ------
    ValueError
        For a key holding a tab or a line break, or a value holding a line break.
    """
    table = dict(items)
    keys = sorted(table)
    lines = [f"{key}\t{table[key]}" for key in keys]
    body = "\n".join(lines)
    if body.count("\n") != max(len(lines) - 1, 0) or body.count("\t") != "".join(table.values()).count("\t") \
            + len(lines):
        raise ValueError("sortedtable: a key holds a tab or a line break, or a value a line break")
    data = (body + "\n").encode("utf-8") if lines else b""
    return b"%s %d %s %d\n" % (_MAGIC, FORMAT, digest.encode("ascii"), len(data)) + data


def table_digest(name: str, sources: Sequence[Path], extra: str = "") -> str:
    """SHA-256 of ``name``, :data:`FORMAT`, ``extra`` and the bytes of each source (a missing one counts)."""
    hasher = hashlib.sha256(f"{name}\0{FORMAT}\0{len(extra)}\0{extra}\0".encode())
    for path in sources:
        try:
            data = Path(path).read_bytes()
        except OSError:
            data = b"\0missing"
        hasher.update(b"%d\0" % len(data) + data)
    return hasher.hexdigest()


def cache_dir() -> Path | None:
    """The folder of compiled tables (see the module docstring); None when caching is off."""
    explicit = os.environ.get("KG_CACHE_DIR")
    if explicit is not None:
        return Path(explicit) if explicit else None
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return Path(base) / "kg"


def _file(folder: Path, name: str, part: str, digest: str) -> Path:
    return folder / f"{name}.{part}-{digest[:24]}.tsv"


def _open(path: Path, digest: str) -> SortedTable | None:
    """The table in ``path`` if it is there, whole and of ``digest``; else None."""
    try:
        with open(path, "rb") as handle:
            data = mmap.mmap(handle.fileno(), 0, access=mmap.ACCESS_READ)
    except (OSError, ValueError):  # absent, unreadable, or empty (mmap refuses length 0)
        return None
    header = data[:data.find(b"\n") + 1].split()
    expected = [_MAGIC, b"%d" % FORMAT, digest.encode("ascii")]
    if header[:3] != expected or len(header) != 4 or not header[3].isdigit() \
            or int(header[3]) != len(data) - data.find(b"\n") - 1:
        data.close()
        return None
    return SortedTable(data)


def _save(folder: Path, name: str, files: Mapping[str, bytes], digest: str) -> None:
    """Write the tables (best effort); of their other versions in ``folder`` keep the newest only.

    One other version stays so that two kg versions used side by side (two checkouts) do not
    delete each other's tables on every run.
    """
    from kg.atomic import atomic_write_bytes

    with contextlib.suppress(OSError):
        for part, data in files.items():
            target = _file(folder, name, part, digest)
            atomic_write_bytes(target, data)
            others = [old for old in folder.glob(f"{name}.{part}-*.tsv") if old != target]
            for old in sorted(others, key=_modified, reverse=True)[1:]:
                old.unlink(missing_ok=True)


def _modified(path: Path) -> tuple[float, str]:
    try:
        return path.stat().st_mtime, path.name
    except OSError:
        return 0.0, path.name


def compiled_tables(name: str, parts: Sequence[str], sources: Sequence[Path],
                    build: Callable[[], Mapping[str, Iterable[tuple[str, str]]]],
                    folder: Path | None | bool = True, extra: str = "") -> dict[str, SortedTable]:
    """The tables ``build`` makes, from the cache when it holds this version of them.

    Parameters
    ----------
    name : str
        The name of the group of tables (a file name part).
    parts : sequence of str
        The names of the tables ``build`` makes.
    sources : sequence of Path
        Everything the tables are made from: data files and the module holding ``build``.
    build : callable
        Returns ``{part: (key, value) pairs}``; called only when the cache lacks a table.
    folder : Path, None or True
        Where to keep them; True (the default) for :func:`cache_dir`, None for no cache.
    extra : str
        Anything else the tables depend on (a library version, the keys asked for): hashed too.

    Returns
    -------
    dict of str to SortedTable
        One table per part (the same keys and values whether read or built).
    """
    where = cache_dir() if folder is True else folder
    digest = table_digest(name, sources, extra)
    if where is not None:
        found = {part: _open(_file(where, name, part, digest), digest) for part in parts}
        if all(table is not None for table in found.values()):
            return found  # type: ignore[return-value]
    made = build()
    if set(made) != set(parts):
        raise ValueError(f"sortedtable: {name} built {sorted(made)}, not {sorted(parts)}")
    if where is None:
        return {part: MemoryTable(made[part]) for part in parts}
    files = {part: encode(made[part], digest) for part in parts}
    _save(where, name, files, digest)
    return {part: SortedTable(data) for part, data in files.items()}
