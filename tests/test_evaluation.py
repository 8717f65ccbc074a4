"""``kg eval`` on gold in the GUIDELINES.md format: the project's gold copy, the scorer's counts,
agreement with the reference scorer, and the command's behaviour."""

from __future__ import annotations

import importlib.util
import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from kg.cli import main
from kg.evaluation import evaluate_corpus, gold_paths, load_gold, score_article
from kg.evaluation.gold import parse_gold
from tests.conftest import NEWS, NEWS_GOLD

GOLD = NEWS_GOLD / "gold"


def run(*args: str):  # noqa: ANN201
    return CliRunner().invoke(main, list(args))


def test_gold_copy_parses_and_split_is_disjoint() -> None:
    splits = json.loads((NEWS_GOLD / "splits.json").read_text(encoding="utf-8"))
    dev, test = set(splits["dev"]), set(splits["test"])
    assert not dev & test and len(dev) == 48 and len(test) == 20
    stems = {p.stem for p in GOLD.glob("*.json")}
    assert dev | test == stems
    for path in sorted(GOLD.glob("*.json")):
        gold = load_gold(path)
        assert gold.id == path.stem
        keys = set(gold.entities)
        assert set(gold.must_entities) <= keys, path
        for rel in gold.relations:
            assert set(rel.s) <= keys and set(rel.o) <= keys, (path, rel)


def _gold() -> object:
    return parse_gold({
        "entities": {"putin": {"type": "Person", "wikidata": "Q7747", "en": ["Vladimir Putin"],
                               "hi": ["पुतिन"]},
                     "vietnam": {"type": "Country", "en": ["Vietnam"], "hi": ["वियतनाम"]},
                     "hanoi": {"type": "City", "en": ["Hanoi"], "hi": ["हनोई"]}},
        "must_entities": ["putin", "vietnam"],
        "relations": [
            {"s": "putin", "p": ["visits"], "o": ["vietnam", "hanoi"], "level": "must"},
            {"s": "putin", "p": ["meets"], "o": "vietnam", "level": "should"},
            {"s": "hanoi", "p": ["locatedIn"], "o": "vietnam", "level": "ok"}]}, "x")


def _triple(s: dict, p: str, o: dict, conf: float = 0.5) -> dict:
    return {"subject": s, "predicate": p, "object": o, "confidence": conf}


def test_counts_follow_the_guidelines() -> None:
    putin = {"label": "Putin", "wikidata": "Q7747"}
    hanoi = {"label": "Hanoi"}
    viet = {"label": "x", "label_hi": "वियतनाम"}
    triples = [
        _triple(putin, "visits", hanoi, 0.9),   # must, via the city alternative
        _triple(putin, "visits", hanoi, 0.4),   # the same triple again: counted once, highest confidence
        _triple(hanoi, "locatedIn", viet, 0.8),  # ok level: right, but not in recall
        _triple(putin, "attacks", viet, 0.3),   # wrong
        _triple({"label": "Moscow"}, "visits", viet),  # unknown end: wrong
    ]
    s = score_article(_gold(), [], triples)
    assert s.must == (1, 1) and s.recall == (1, 2) and s.precision == (2, 4)
    assert s.entities == (2, 2)
    assert [r.p for r in s.missed] == [("meets",)]
    assert (0.9, True) in s.scored and (0.3, False) in s.scored and len(s.scored) == 4


def test_entity_recall_counts_extracted_entities_too() -> None:
    s = score_article(_gold(), [{"label": "Vladimir Putin"}], [])
    assert s.entities == (1, 2) and s.precision == (0, 0)


def _reference_scorer():  # noqa: ANN202
    path = NEWS / "evaluate.py"
    if not path.is_file():
        pytest.skip(f"the reference scorer is not on this machine ({path})")
    spec = importlib.util.spec_from_file_location("reference_evaluate", path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.mark.slow
def test_agrees_with_reference_scorer_on_real_builds(news_texts: Path, tmp_path: Path) -> None:
    ref = _reference_scorer()
    ids = ["HI_2", "HI_8", "HI_70", "HI_82"]
    result = run("eval", str(GOLD), "--texts", str(news_texts), "--only", ",".join(ids),
                 "--save", str(tmp_path), "--json")
    assert result.exit_code == 0, result.output
    ours = {a["doc"]: a for a in json.loads(result.output)["articles"]}
    for doc in ids:
        theirs = ref.score(json.loads((GOLD / f"{doc}.json").read_text(encoding="utf-8")), tmp_path / doc)
        assert tuple(ours[doc]["must"]) == theirs["must"]
        assert tuple(ours[doc]["recall"]) == theirs["should"]
        assert tuple(ours[doc]["precision"]) == (theirs["correct"], theirs["extracted"])
        assert tuple(ours[doc]["entities"]) == theirs["entities"]
    # the saved builds scored again, as a build folder, give the same figures
    again = evaluate_corpus(gold_paths(GOLD, only=ids), build=tmp_path)
    assert again.figures()["counts"] == json.loads(result.output)["totals"]["counts"]


def test_test_split_prints_totals_only(news_texts: Path) -> None:
    result = run("eval", str(GOLD), "--split", "test", "--texts", str(news_texts), "-v", "--no-model")
    assert result.exit_code == 0, result.output
    lines = result.output.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("20 articles: must recall")


def test_missing_texts_folder_is_one_line(tmp_path: Path) -> None:
    result = run("eval", str(GOLD), "--split", "dev", "--texts", str(tmp_path / "absent"))
    assert result.exit_code == 1
    assert "the articles' folder does not exist" in result.output and "Traceback" not in result.output


def test_nothing_to_score_and_bad_gold(tmp_path: Path) -> None:
    result = run("eval", str(GOLD / "HI_2.json"))
    assert result.exit_code == 1 and "nothing to score" in result.output
    bad = tmp_path / "HI_1.json"
    bad.write_text('{"entities": {"a": {}}, "relations": [{"s": "a"}]}', encoding="utf-8")
    result = run("eval", str(bad), str(tmp_path))
    assert result.exit_code == 1 and "gold file is not valid" in result.output


def test_build_folder_without_the_article_counts_as_failed(tmp_path: Path) -> None:
    (tmp_path / "triples.jsonl").write_text("", encoding="utf-8")
    (tmp_path / "entities.jsonl").write_text("", encoding="utf-8")
    (tmp_path / "documents.jsonl").write_text('{"id": "HI_999"}\n', encoding="utf-8")
    result = run("eval", str(GOLD / "HI_2.json"), str(tmp_path))
    assert result.exit_code == 1
    assert "build failed on HI_2" in result.output


def test_legacy_gold_still_scored(tmp_path: Path) -> None:
    legacy = Path(__file__).parent / "gold" / "000_f11f25e23ec2aca4.gold.json"
    result = run("eval", str(legacy))
    assert result.exit_code == 1 and "kg build output folder" in result.output


def test_resolution_of_a_merged_build(news_texts: Path, tmp_path: Path) -> None:
    ids = ["HI_2", "HI_16", "HI_21"]  # three dev articles about Modi and Putin
    build = run("build", *[str(news_texts / f"{i}.txt") for i in ids], "--out", str(tmp_path), "--no-model",
                "--no-html", "--jobs", "1")
    assert build.exit_code == 0, build.output
    result = run("eval", str(GOLD), str(tmp_path), "--only", ",".join(ids), "--resolution")
    line = next(x for x in result.output.splitlines() if x.startswith("cross-document resolution"))
    precision = float(line.split("merge precision ")[1].split(",")[0])
    recall = float(line.split("recall ")[1].split(",")[0])
    assert 0.9 <= precision <= 1.0 and 0.8 <= recall <= 1.0
