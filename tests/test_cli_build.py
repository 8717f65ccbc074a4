"""`kg build` and `kg eval` through click's test runner, bad input included."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from kg.cli import main

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"
GOLD = ROOT / "tests" / "gold" / "000_f11f25e23ec2aca4.gold.json"
OUTPUTS = {"documents.jsonl", "entities.jsonl", "triples.jsonl", "graph.ttl", "graph.graphml", "graph.html"}


def run(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(main, list(args))
    return result.exit_code, result.stdout, result.stderr


@pytest.fixture(scope="module")
def seed_out(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("out")
    code, _, err = run("build", str(SEEDS), "--out", str(out))
    assert code == 0, err
    return out


def test_build_writes_every_output(seed_out: Path) -> None:
    assert {p.name for p in seed_out.iterdir()} >= OUTPUTS
    triples = [json.loads(line) for line in (seed_out / "triples.jsonl").read_text("utf-8").splitlines()]
    first = triples[0]
    assert set(first) >= {"subject", "predicate", "object", "modality", "time", "place", "confidence",
                          "derived", "evidence"}
    assert set(first["subject"]) == {"id", "label", "label_hi", "type", "wikidata"}
    entities = [json.loads(line) for line in (seed_out / "entities.jsonl").read_text("utf-8").splitlines()]
    assert entities and all({"mentions", "aliases"} <= set(e) for e in entities)
    doc = json.loads((seed_out / "documents.jsonl").read_text("utf-8"))
    assert doc["date"] == "2024-06-20" and doc["language"] == "hi"


def test_eval_prints_scores(seed_out: Path) -> None:
    code, out, _ = run("eval", str(GOLD), str(seed_out))
    assert code == 0
    assert "precision" in out and "relations" in out
    code, out, _ = run("eval", str(GOLD), str(seed_out), "--json")
    assert json.loads(out)["relations"]["recall"] >= 0.85


def test_same_input_gives_identical_files(seed_out: Path, tmp_path: Path) -> None:
    code, _, _ = run("build", str(SEEDS), "--out", str(tmp_path))
    assert code == 0
    for name in OUTPUTS:
        assert (tmp_path / name).read_bytes() == (seed_out / name).read_bytes(), name


def _write(path: Path, data: bytes) -> Path:
    path.write_bytes(data)
    return path


@pytest.mark.parametrize(("name", "data", "message"), [
    ("empty.txt", b"", "empty"),
    ("binary.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "binary"),
    ("latin1.txt", "café déjà vu ".encode("latin-1") * 3, "UTF-8"),
    ("english.txt", b"Putin arrived in Hanoi on Thursday.", "only Hindi"),
])
def test_bad_file_gives_one_line_error(tmp_path: Path, name: str, data: bytes, message: str) -> None:
    out = tmp_path / "out"
    code, _, err = run("build", str(_write(tmp_path / name, data)), "--out", str(out))
    assert code != 0
    assert message in err and "Traceback" not in err
    assert not out.exists()


def test_missing_path_and_empty_folder(tmp_path: Path) -> None:
    code, _, err = run("build", str(tmp_path / "nope.txt"), "--out", str(tmp_path / "o"))
    assert code != 0 and "no such file" in err and "Traceback" not in err
    (tmp_path / "empty").mkdir()
    code, _, err = run("build", str(tmp_path / "empty"), "--out", str(tmp_path / "o"))
    assert code != 0 and "no articles" in err


def test_one_bad_file_is_skipped(tmp_path: Path) -> None:
    good = _write(tmp_path / "good.txt", "अमेरिका ने ईरान पर नए प्रतिबंध लगाए।".encode())
    bad = _write(tmp_path / "bad.txt", b"\x00\x01\x02")
    out = tmp_path / "out"
    code, _, err = run("build", str(good), str(bad), "--out", str(out))
    assert code == 0
    assert "skipped" in err and "bad.txt" in err
    assert "sanctions" in (out / "triples.jsonl").read_text("utf-8")


def test_script_in_article_is_kept_as_text_and_not_executable_in_viewer(tmp_path: Path) -> None:
    text = ('अमेरिका ने ईरान पर <script>alert(1)</script> "नए" प्रतिबंध लगाए '
            '<img src=x onerror=alert(2)> <a href="javascript:alert(3)">x</a>।')
    out = tmp_path / "out"
    code, _, _ = run("build", str(_write(tmp_path / "x.txt", text.encode())), "--out", str(out))
    assert code == 0
    assert "<script>alert(1)</script>" in (out / "triples.jsonl").read_text("utf-8")
    html = (out / "graph.html").read_text("utf-8")
    assert "<script>alert(1)" not in html and "<img src=x" not in html


@pytest.mark.slow
def test_twenty_megabyte_article_builds(tmp_path: Path) -> None:
    seed = (SEEDS / "000_f11f25e23ec2aca4.txt").read_text("utf-8")
    big = tmp_path / "big.txt"
    big.write_text((seed + "\n") * (20_000_000 // len(seed.encode())), encoding="utf-8")
    assert big.stat().st_size > 19_000_000
    out = tmp_path / "out"
    code, _, err = run("build", str(big), "--out", str(out), "--no-model")
    assert code == 0, err
    triples = (out / "triples.jsonl").read_text("utf-8").splitlines()
    visits = [json.loads(t) for t in triples if '"predicate": "visits"' in t]
    assert max(len(v["evidence"]) for v in visits) >= 3000  # repeated statements merged into one fact
