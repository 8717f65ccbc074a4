"""Tests for kg.atomic: no half-written files, ever."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from kg import outdir
from kg.atomic import atomic_output_dir, atomic_path, atomic_write_bytes, atomic_write_text
from kg.errors import KGError, error
from kg.outdir import output_lock


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


# -- whole folders (kg.outdir) ----------------------------------------------------------------


def _tree(folder: Path) -> dict[str, bytes]:
    files = sorted(p for p in folder.rglob("*") if p.is_file())
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in files}


def _kg_names(names: list[str]) -> list[str]:
    return [n for n in names if not n.endswith(".jsonl")]


def test_output_dir_replaces_the_whole_folder(tmp_path: Path) -> None:
    out = tmp_path / "output"
    atomic_write_text(out / "triples.jsonl", "old")
    atomic_write_text(out / "entities.jsonl", "old, not written again")
    with atomic_output_dir(out, _kg_names) as stage:
        (stage / "triples.jsonl").write_text("new\n", encoding="utf-8")
        (stage / "rdf").mkdir()
        (stage / "rdf" / "graph.ttl").write_text("ttl\n", encoding="utf-8")
        assert (out / "triples.jsonl").read_text(encoding="utf-8") == "old"
    assert _tree(out) == {"rdf/graph.ttl": b"ttl\n", "triples.jsonl": b"new\n"}
    assert sorted(p.name for p in tmp_path.iterdir()) == ["output"]  # no staging, no lock left


def test_output_dir_refuses_a_folder_with_foreign_files(tmp_path: Path) -> None:
    out = tmp_path / "output"
    atomic_write_text(out / "notes.txt", "mine")
    with pytest.raises(KGError, match=r"output: holds files kg does not write \(notes.txt\)"), \
            atomic_output_dir(out, _kg_names):
        raise AssertionError("the block must not run")
    assert _tree(out) == {"notes.txt": b"mine"}
    assert sorted(p.name for p in tmp_path.iterdir()) == ["output"]


def test_output_dir_without_check_keeps_what_it_would_lose(tmp_path: Path) -> None:
    out = tmp_path / "model"
    atomic_write_text(out / "model.json", "old")
    atomic_write_text(out / "MODEL_CARD.md", "card")
    with atomic_output_dir(out) as stage:  # the same names: replaced
        (stage / "model.json").write_text("new", encoding="utf-8")
        (stage / "MODEL_CARD.md").write_text("card 2", encoding="utf-8")
    assert _tree(out) == {"MODEL_CARD.md": b"card 2", "model.json": b"new"}
    with pytest.raises(KGError, match=r"holds files kg does not write \(MODEL_CARD.md\)"), \
            atomic_output_dir(out) as stage:
        (stage / "model.json").write_text("newer", encoding="utf-8")
    assert _tree(out) == {"MODEL_CARD.md": b"card 2", "model.json": b"new"}
    assert sorted(p.name for p in tmp_path.iterdir()) == ["model"]


def test_output_dir_failure_touches_nothing(tmp_path: Path) -> None:
    out = tmp_path / "output"
    atomic_write_text(out / "triples.jsonl", "old")
    with pytest.raises(Boom), atomic_output_dir(out) as stage:
        (stage / "triples.jsonl").write_text("half", encoding="utf-8")
        raise Boom
    assert _tree(out) == {"triples.jsonl": b"old"}
    assert sorted(p.name for p in tmp_path.iterdir()) == ["output"]


def test_output_dir_failure_creates_no_dir(tmp_path: Path) -> None:
    with pytest.raises(Boom), atomic_output_dir(tmp_path / "new"):
        raise Boom
    assert list(tmp_path.iterdir()) == []


def test_write_errors_name_the_output_folder_not_the_staging_one(tmp_path: Path) -> None:
    out = tmp_path / "out"
    with pytest.raises(KGError) as info, atomic_output_dir(out) as stage:
        (stage / "no" / "such" / "dir.txt").write_text("x", encoding="utf-8")
    assert str(info.value) == f"{out}: cannot write the output (No such file or directory)"
    with pytest.raises(KGError) as info, atomic_output_dir(out) as stage:
        raise error("viewer_write", path=stage / "graph.html", reason="disk full")
    assert str(info.value) == f"{out}/graph.html: cannot write the HTML viewer (disk full)"
    assert list(tmp_path.iterdir()) == []


def test_fallback_without_exchange(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(outdir, "_use_exchange", False)
    out = tmp_path / "out"
    for content in ("one", "two"):
        with atomic_output_dir(out) as stage:
            (stage / "a.txt").write_text(content, encoding="utf-8")
        assert _tree(out) == {"a.txt": content.encode()}
        assert sorted(p.name for p in tmp_path.iterdir()) == ["out"]


def test_leftovers_of_killed_writers_are_removed(tmp_path: Path) -> None:
    out = tmp_path / "out"
    atomic_write_text(out / "a.txt", "current")
    for name in (".out.kg-new-1234abcd", ".out.kg-old-1234abcd", ".out.x1y2z3_4.tmp"):
        atomic_write_text(tmp_path / name / "a.txt", "leftover")
    atomic_write_text(tmp_path / ".other.kg-new-1234abcd" / "a.txt", "another folder's")
    with atomic_output_dir(out) as stage:
        (stage / "a.txt").write_text("new", encoding="utf-8")
    assert sorted(p.name for p in tmp_path.iterdir()) == [".other.kg-new-1234abcd", "out"]
    assert _tree(out) == {"a.txt": b"new"}


def test_a_folder_moved_away_by_a_killed_writer_comes_back(tmp_path: Path) -> None:
    """Killed between the two renames of the fallback: the old folder is restored first."""
    old = tmp_path / ".out.kg-old-0badf00d"
    atomic_write_text(old / "a.txt", "old build")
    atomic_write_text(tmp_path / ".out.kg-new-0badf00d" / "a.txt", "new build, never moved in")
    with output_lock(tmp_path / "out") as target:
        assert _tree(target) == {"a.txt": b"old build"}
    assert sorted(p.name for p in tmp_path.iterdir()) == ["out"]


def test_current_folder_and_files_are_refused(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    atomic_write_text(tmp_path / "file", "x")
    with pytest.raises(KGError, match="file: exists and is not a folder"), \
            atomic_output_dir(tmp_path / "file"):
        pass
    monkeypatch.chdir(tmp_path)
    for out in (".", str(tmp_path.parent), ""):
        with pytest.raises(KGError, match="is the current folder or contains it"), atomic_output_dir(out):
            pass
    assert sorted(p.name for p in tmp_path.iterdir()) == ["file"]


def test_a_symbolic_link_keeps_pointing_at_the_new_folder(tmp_path: Path) -> None:
    real = tmp_path / "builds" / "v1"
    atomic_write_text(real / "a.txt", "old")
    link = tmp_path / "current"
    link.symlink_to(real, target_is_directory=True)
    with atomic_output_dir(link) as stage:
        (stage / "a.txt").write_text("new", encoding="utf-8")
    assert link.is_symlink() and _tree(link) == {"a.txt": b"new"} == _tree(real)


def test_the_lock_is_reentrant_in_a_process(tmp_path: Path) -> None:
    out = tmp_path / "out"
    with output_lock(out):
        assert (tmp_path / ".out.kg-lock").exists()
        with atomic_output_dir(out) as stage:
            (stage / "a.txt").write_text("x", encoding="utf-8")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["out"]


def test_a_second_process_is_told_the_folder_is_busy(tmp_path: Path) -> None:
    out = tmp_path / "out"
    code = ("import sys; from kg.outdir import output_lock\n"
            "with output_lock(sys.argv[1]):\n    print('locked', flush=True); sys.stdin.read()")
    holder = subprocess.Popen([sys.executable, "-c", code, str(out)], stdin=subprocess.PIPE,
                              stdout=subprocess.PIPE, text=True)
    try:
        assert holder.stdout is not None and holder.stdout.readline() == "locked\n"
        with pytest.raises(KGError) as info, atomic_output_dir(out):
            pass
        assert str(info.value) == (f"{out}: another kg command is writing this folder; "
                                   "try again when it has finished")
    finally:
        holder.communicate("")
    assert holder.returncode == 0
    with atomic_output_dir(out) as stage:  # free again, and the lock file is gone
        (stage / "a.txt").write_text("x", encoding="utf-8")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["out"]
