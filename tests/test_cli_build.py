"""`kg build` and `kg eval` through click's test runner, bad input included."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
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


# -- the output folder (issue 11) -------------------------------------------------------------------

SANCTIONS = "अमेरिका ने ईरान पर नए प्रतिबंध लगाए।\n"
FAST = ("--no-model", "-j", "1")


def _tree(folder: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in sorted(folder.iterdir())}


def _count(out: Path) -> str:
    count = "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }"
    code, stdout, err = run("query", str(out), count, "--format", "csv")
    assert code == 0, err
    return stdout.split()[-1]


def test_a_build_leaves_nothing_of_the_one_before(tmp_path: Path) -> None:
    other = _write(tmp_path / "other.txt", SANCTIONS.encode())
    out, fresh = tmp_path / "d", tmp_path / "fresh"
    assert run("build", str(SEEDS), "--out", str(out), "--format", "trig", *FAST)[0] == 0
    seed_count = _count(out)
    code, _, err = run("build", str(other), "--out", str(out), "--no-html", *FAST)
    assert code == 0, err
    assert run("build", str(other), "--out", str(fresh), "--no-html", *FAST)[0] == 0
    assert _tree(out) == _tree(fresh)  # graph.trig and graph.html of the seed build are gone
    assert _count(out) == _count(fresh) != seed_count
    assert sorted(p.name for p in tmp_path.iterdir()) == ["d", "fresh", "other.txt"]


def test_a_folder_of_the_users_files_is_refused_before_any_work(tmp_path: Path) -> None:
    mine = tmp_path / "mine"
    _write(tmp_path / "a.txt", SANCTIONS.encode())
    mine.mkdir()
    _write(mine / "notes.txt", b"keep me")
    code, _, err = run("build", str(tmp_path / "a.txt"), "--out", str(mine), *FAST)
    assert code == 1
    assert err == (f"Error: {mine}: holds files kg does not write (notes.txt); the output folder is "
                   "replaced as a whole, so give a new or empty folder, or remove them\n")
    assert _tree(mine) == {"notes.txt": b"keep me"}


def test_a_readme_in_the_output_folder_is_kept_across_builds(tmp_path: Path) -> None:
    # the repository's output/ holds a README.md: make demo on a fresh clone must build into it
    out = tmp_path / "output"
    out.mkdir()
    _write(out / "README.md", b"Generated by kg build.\n")
    a = _write(tmp_path / "a.txt", SANCTIONS.encode())
    for _ in range(2):
        code, stdout, err = run("build", str(a), "--out", str(out), "--no-html", *FAST)
        assert code == 0, err
        assert _tree(out)["README.md"] == b"Generated by kg build.\n"
        assert "README.md" not in stdout and "documents.jsonl" in stdout
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a.txt", "output"]


def test_the_current_folder_and_a_path_under_a_file_are_refused(tmp_path: Path,
                                                                monkeypatch: pytest.MonkeyPatch) -> None:
    article = _write(tmp_path / "a.txt", SANCTIONS.encode())
    monkeypatch.chdir(tmp_path)
    code, _, err = run("build", "a.txt", "--out", ".", *FAST)
    assert code == 1 and err.startswith("Error: .: is the current folder or contains it")
    code, _, err = run("build", "a.txt", "--out", "a.txt/sub", *FAST)
    assert (code, err) == (1, f"Error: a.txt/sub: cannot write the output ({article} is not a folder)\n")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a.txt"]
    assert article.read_bytes() == SANCTIONS.encode()


def test_a_second_build_into_a_busy_folder_fails_at_once(tmp_path: Path) -> None:
    out = tmp_path / "out"
    article = _write(tmp_path / "a.txt", SANCTIONS.encode())
    holder = subprocess.Popen(
        [sys.executable, "-c", "import sys; from kg.output import claim_output\n"
         "with claim_output(sys.argv[1]):\n    print('held', flush=True); sys.stdin.read()", str(out)],
        stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)
    try:
        assert holder.stdout is not None and holder.stdout.readline() == "held\n"
        code, _, err = run("build", str(article), "--out", str(out), *FAST)
    finally:
        holder.communicate("")
    assert (code, err) == (1, f"Error: {out}: another kg command is writing this folder; try again when "
                              "it has finished\n")
    assert not out.exists()


# -- inputs on the command line -------------------------------------------------------------------------


def test_an_empty_path_is_not_the_current_folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    _write(tmp_path / "a.txt", SANCTIONS.encode())
    code, _, err = run("build", "", "--out", "o", *FAST)
    assert code == 1 and err == ("Error: no usable input: every input was rejected (an empty path was given "
                                 "as input (no file or folder is named ''))\n")
    code, _, err = run("build", "", "a.txt", "--out", "o", *FAST)
    assert code == 0 and "kg: skipped: an empty path was given" in err
    assert json.loads((tmp_path / "o" / "documents.jsonl").read_text("utf-8"))["id"] == "a"


def _no_read_override() -> list[str]:
    if os.geteuid() != 0:
        return []
    if shutil.which("setpriv") is None:
        pytest.skip("running as root without setpriv: cannot make a file unreadable")
    return [str(shutil.which("setpriv")), "--bounding-set=-dac_override,-dac_read_search"]


def test_an_unreadable_file_among_several_is_skipped(tmp_path: Path) -> None:
    good = _write(tmp_path / "good.txt", SANCTIONS.encode())
    locked = _write(tmp_path / "locked.txt", SANCTIONS.encode())
    locked.chmod(0)
    os.mkfifo(tmp_path / "pipe.txt")
    proc = subprocess.run([*_no_read_override(), sys.executable, "-c", "from kg.cli import main; main()",
                           "build", str(good), str(locked), str(tmp_path / "pipe.txt"), "--out",
                           str(tmp_path / "out"), *FAST], capture_output=True, text=True, timeout=300)
    assert proc.returncode == 0, proc.stderr
    assert f"kg: skipped: {locked}: cannot be read (Permission denied)\n" in proc.stderr
    assert f"kg: skipped: {tmp_path}/pipe.txt: not a regular file but a FIFO (named pipe)\n" in proc.stderr
    assert "sanctions" in (tmp_path / "out" / "triples.jsonl").read_text("utf-8")


def test_an_html_page_is_built_from_its_text(tmp_path: Path) -> None:
    page = ("<!DOCTYPE html><html><head><title>प्रतिबंध</title><script>var a='<p>x</p>';</script></head>"
            "<body><nav>होम</nav><p>अमेरिका ने ईरान पर &quot;नए&quot; प्रतिबंध लगाए।</p>"
            "<p>भारत के प्रधानमंत्री नरेंद्र मोदी ने जापान का दौरा किया।</p></body></html>")
    out = tmp_path / "out"
    code, _, err = run("build", str(_write(tmp_path / "news.html", page.encode())), "--out", str(out), *FAST)
    assert code == 0, err
    doc = json.loads((out / "documents.jsonl").read_text("utf-8"))
    assert (doc["title"], doc["text_from"]) == ("प्रतिबंध", "html")
    text = doc["text"]
    assert "<" not in text and text.startswith("अमेरिका ने ईरान पर \"नए\" प्रतिबंध")
    triples = [json.loads(line) for line in (out / "triples.jsonl").read_text("utf-8").splitlines()]
    assert {t["predicate"] for t in triples} >= {"sanctions", "visits"}
    for ev in (e for t in triples for e in t["evidence"]):
        assert text[ev["start"]:ev["end"]] == ev["sentence"]
    for ent in (json.loads(line) for line in (out / "entities.jsonl").read_text("utf-8").splitlines()):
        assert not set("<>") & set(ent["label"] + ent["label_hi"]), ent
        assert all(text[m["start"]:m["end"]] == m["text"] for m in ent["mentions"])


def test_xml_forbidden_characters_do_not_break_graphml(tmp_path: Path) -> None:
    import networkx as nx

    text = "भारत के प्रधानमंत्री \ufffe\uffffनरेंद्र मोदी ने \x0bजापान का दौरा किया।\x0c\n"
    out = tmp_path / "out"
    code, _, err = run("build", str(_write(tmp_path / "x.txt", text.encode())), "--out", str(out), *FAST)
    assert code == 0, err
    graph = nx.read_graphml(out / "graph.graphml")
    assert {d["label"] for _, d in graph.nodes(data=True)} >= {"Narendra Modi", "Japan"}
    triples = (out / "triples.jsonl").read_text("utf-8")
    assert "\uffff" not in triples and "\\u000b" not in triples


def test_an_output_folder_that_cannot_be_written_is_one_line(tmp_path: Path) -> None:
    article = _write(tmp_path / "a.txt", SANCTIONS.encode())
    parent = tmp_path / "read-only"
    parent.mkdir()
    parent.chmod(0o555)
    try:
        proc = subprocess.run([*_no_read_override(), sys.executable, "-c", "from kg.cli import main; main()",
                               "build", str(article), "--out", str(parent / "out"), *FAST],
                              capture_output=True, text=True, timeout=300)
    finally:
        parent.chmod(0o755)
    assert proc.returncode == 1
    assert proc.stderr == f"Error: {parent}/out: cannot write the output (Permission denied)\n"
    assert list(parent.iterdir()) == []
