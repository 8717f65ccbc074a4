"""Compiled word tables (kg.sortedtable): same answers as the dicts they replace, and a safe cache."""

from __future__ import annotations

import random
from pathlib import Path

import pytest

from kg import english, english_forms, spelling
from kg.nlp import foreignnames, lexicon, plausible
from kg.sortedtable import MemoryTable, SortedTable, cache_dir, compiled_tables, encode

_LETTERS = "कखगनमरसअआइ" + "abz" + "ाीे्ं"


def _random_items(seed: int, n: int) -> list[tuple[str, str]]:
    rng = random.Random(seed)
    return [("".join(rng.choice(_LETTERS) for _ in range(rng.randint(0, 6))), str(rng.randint(0, 9)))
            for _ in range(n)]


@pytest.mark.parametrize("kind", [SortedTable.from_items, MemoryTable])
@pytest.mark.parametrize("seed", range(5))
def test_table_answers_like_a_dict(seed: int, kind) -> None:  # noqa: ANN001
    items = _random_items(seed, 300)
    table, expected = kind(items), dict(items)
    assert len(table) == len(expected) and table.items() == sorted(expected.items())
    for key, _ in _random_items(seed + 100, 300) + items:
        assert table.get(key) == expected.get(key)
        assert (key in table) == (key in expected)
        assert table.has_prefix(key) == any(k.startswith(key) for k in expected)


def test_tabs_and_line_breaks_in_a_query_find_nothing() -> None:
    table = SortedTable.from_items([("", "x\ty"), ("a", "b\tc")])
    assert table.get("") == "x\ty" and table.get("\tx") is None and table.get("a\tb") is None
    assert table.get("a\n") is None and not table.has_prefix("a\t") and not table.has_prefix("\n")


def test_empty_table() -> None:
    table = SortedTable.from_items([])
    assert table.get("") is None and not table.has_prefix("") and len(table) == 0
    with pytest.raises(KeyError):
        table["क"]


def test_keys_that_cannot_be_stored_are_refused() -> None:
    with pytest.raises(ValueError):
        encode([("a\tb", "1")])
    with pytest.raises(ValueError):
        encode([("a", "1\n2")])
    with pytest.raises(ValueError):
        encode([("a\nb", "1")])
    table = SortedTable.from_items([("a\rb\u2028", "x\ty\rz"), ("a", "")])  # other line ends are plain text
    assert table.items() == [("a", ""), ("a\rb\u2028", "x\ty\rz")] and table.get("a\rb\u2028") == "x\ty\rz"


def _compiler(tmp_path: Path, calls: list[int]):  # noqa: ANN202
    source = tmp_path / "words.tsv"
    if not source.exists():
        source.write_text("a\t1\nb\t2\n", encoding="utf-8")

    def build() -> dict[str, list[tuple[str, str]]]:
        calls.append(1)
        rows = [tuple(line.split("\t")) for line in source.read_text(encoding="utf-8").splitlines()]
        return {"main": rows, "upper": [(k.upper(), v) for k, v in rows]}

    return source, lambda folder: compiled_tables("t", ("main", "upper"), (source,), build, folder=folder)


def test_tables_are_built_once_then_read(tmp_path: Path) -> None:
    calls: list[int] = []
    _, compile_ = _compiler(tmp_path, calls)
    first = compile_(tmp_path / "cache")
    second = compile_(tmp_path / "cache")
    assert calls == [1]
    assert first["main"].items() == second["main"].items() == [("a", "1"), ("b", "2")]
    assert second["upper"].get("B") == "2"
    assert len(list((tmp_path / "cache").glob("t.*.tsv"))) == 2


def test_a_changed_source_rebuilds_and_keeps_one_older_version(tmp_path: Path) -> None:
    calls: list[int] = []
    source, compile_ = _compiler(tmp_path, calls)
    compile_(tmp_path / "cache")
    source.write_text("a\t1\nc\t3\n", encoding="utf-8")
    tables = compile_(tmp_path / "cache")
    assert calls == [1, 1] and tables["main"].get("c") == "3" and tables["main"].get("b") is None
    assert len(list((tmp_path / "cache").glob("t.main-*.tsv"))) == 2
    source.write_text("a\t1\n", encoding="utf-8")
    assert compile_(tmp_path / "cache")["main"].items() == [("a", "1")]
    assert len(list((tmp_path / "cache").glob("t.main-*.tsv"))) == 2  # the oldest went


@pytest.mark.parametrize("damage", [b"", b"junk\n", "truncate"])
def test_a_damaged_file_is_rebuilt(tmp_path: Path, damage: bytes | str) -> None:
    calls: list[int] = []
    _, compile_ = _compiler(tmp_path, calls)
    compile_(tmp_path / "cache")
    path = next((tmp_path / "cache").glob("t.main-*.tsv"))
    path.write_bytes(path.read_bytes()[:-3] if damage == "truncate" else damage)
    assert compile_(tmp_path / "cache")["main"].get("b") == "2"
    assert calls == [1, 1]
    assert compile_(tmp_path / "cache")["main"].get("b") == "2" and calls == [1, 1]  # rewritten whole


def test_no_cache_or_an_unwritable_one_builds_in_memory(tmp_path: Path) -> None:
    calls: list[int] = []
    _, compile_ = _compiler(tmp_path, calls)
    blocker = tmp_path / "file"
    blocker.write_text("", encoding="utf-8")
    assert isinstance(compile_(None)["main"], MemoryTable) and compile_(None)["main"].get("a") == "1"
    assert compile_(blocker / "cache")["main"].get("a") == "1"  # cannot be created: no error
    assert calls == [1, 1, 1]


def test_cache_dir_follows_the_environment(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setenv("KG_CACHE_DIR", str(tmp_path))
    assert cache_dir() == tmp_path
    monkeypatch.setenv("KG_CACHE_DIR", "")
    assert cache_dir() is None
    monkeypatch.delenv("KG_CACHE_DIR")
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    assert cache_dir() == tmp_path / "kg"


def test_english_tables_equal_the_tsv_parse() -> None:
    for table, parsed in zip(english._tables(), english._parse_tables(), strict=True):
        assert table.items() == sorted((k, english._entry_text(v)) for k, v in parsed.items())


def test_other_compiled_word_lists_equal_their_parse() -> None:
    skeletons = english_forms._parse_skeletons()
    assert english_forms._skeletons().items() == sorted((k, f"{s!r}\t{e}\t{r!r}") for k, (s, e, r) in
                                                        skeletons.items())
    assert spelling._words().items() == sorted(spelling._parse_words().items())
    assert plausible._dictionary().items() == sorted(plausible._parse_dictionary().items())
    assert lexicon._frequency_table().items() == sorted(lexicon._parse_frequencies().items())
    frequent = foreignnames._english_words()
    assert "and" in frequent and "ria" not in frequent
