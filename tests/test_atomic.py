"""Tests for kg.atomic: no half-written files, ever."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from kg.atomic import atomic_output_dir, atomic_path, atomic_write_bytes, atomic_write_text


class Boom(Exception):
    pass


def test_exception_inside_atomic_path_leaves_nothing(tmp_path: Path) -> None:
    target = tmp_path / "out" / "a.ttl"
    with pytest.raises(Boom), atomic_path(target) as tmp:
        tmp.write_text("half", encoding="utf-8")
        raise Boom
    assert not target.exists()
    assert list((tmp_path / "out").iterdir()) == []


def test_exception_keeps_previous_content(tmp_path: Path) -> None:
    target = atomic_write_text(tmp_path / "a.txt", "old")
    with pytest.raises(Boom), atomic_path(target) as tmp:
        tmp.write_text("new", encoding="utf-8")
        raise Boom
    assert target.read_text(encoding="utf-8") == "old"
    assert [p.name for p in tmp_path.iterdir()] == ["a.txt"]


def test_keyboard_interrupt_also_cleans_up(tmp_path: Path) -> None:
    target = tmp_path / "a.txt"
    with pytest.raises(KeyboardInterrupt), atomic_path(target):
        raise KeyboardInterrupt
    assert list(tmp_path.iterdir()) == []


def test_temp_file_is_in_same_directory(tmp_path: Path) -> None:
    target = tmp_path / "deep" / "er" / "x.json"
    with atomic_path(target) as tmp:
        assert tmp.parent == target.parent
        assert tmp != target
        tmp.write_bytes(b"{}")
    assert target.read_bytes() == b"{}"
    assert [p.name for p in target.parent.iterdir()] == ["x.json"]


def test_permissions_follow_umask(tmp_path: Path) -> None:
    mask = os.umask(0o022)
    os.umask(mask)
    path = atomic_write_bytes(tmp_path / "p.bin", b"x")
    assert path.stat().st_mode & 0o777 == 0o666 & ~mask


def test_write_is_deterministic_and_exact(tmp_path: Path) -> None:
    text = "पुतिन\r\nहनोई\n"
    a = atomic_write_text(tmp_path / "a.txt", text)
    b = atomic_write_text(tmp_path / "b.txt", text)
    assert a.read_bytes() == b.read_bytes() == text.encode("utf-8")


def test_unencodable_text_writes_nothing(tmp_path: Path) -> None:
    with pytest.raises(UnicodeEncodeError):
        atomic_write_text(tmp_path / "a.txt", "\ud800")
    assert list(tmp_path.iterdir()) == []


@settings(max_examples=75, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(text=st.text())
def test_atomic_write_text_round_trip(tmp_path: Path, text: str) -> None:
    path = atomic_write_text(tmp_path / "sub" / "rt.txt", text)
    assert path.read_bytes().decode("utf-8") == text
    assert [p.name for p in path.parent.iterdir()] == ["rt.txt"]


@settings(max_examples=50, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(data=st.binary())
def test_atomic_write_bytes_round_trip(tmp_path: Path, data: bytes) -> None:
    assert atomic_write_bytes(tmp_path / "rt.bin", data).read_bytes() == data


def test_output_dir_success_moves_all_and_keeps_others(tmp_path: Path) -> None:
    out = tmp_path / "output"
    atomic_write_text(out / "README.md", "keep")
    atomic_write_text(out / "triples.jsonl", "old")
    with atomic_output_dir(out) as stage:
        (stage / "triples.jsonl").write_text("new\n", encoding="utf-8")
        (stage / "rdf").mkdir()
        (stage / "rdf" / "graph.ttl").write_text("ttl\n", encoding="utf-8")
        assert (out / "triples.jsonl").read_text(encoding="utf-8") == "old"
    assert (out / "triples.jsonl").read_text(encoding="utf-8") == "new\n"
    assert (out / "rdf" / "graph.ttl").read_text(encoding="utf-8") == "ttl\n"
    assert (out / "README.md").read_text(encoding="utf-8") == "keep"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["output"]


def test_output_dir_failure_touches_nothing(tmp_path: Path) -> None:
    out = tmp_path / "output"
    atomic_write_text(out / "triples.jsonl", "old")
    with pytest.raises(Boom), atomic_output_dir(out) as stage:
        (stage / "triples.jsonl").write_text("half", encoding="utf-8")
        raise Boom
    assert (out / "triples.jsonl").read_text(encoding="utf-8") == "old"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["output"]
    assert [p.name for p in out.iterdir()] == ["triples.jsonl"]


def test_output_dir_failure_creates_no_dir(tmp_path: Path) -> None:
    with pytest.raises(Boom), atomic_output_dir(tmp_path / "new"):
        raise Boom
    assert list(tmp_path.iterdir()) == []
