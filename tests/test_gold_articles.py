"""The development articles (the seed and the in-house articles of tests/gold/) scored with the
GUIDELINES.md scorer against their gold in tests/gold/inhouse/ (converted from the in-house
format on 2026-12-01 by reading the texts, without looking at kg's output).

These articles were used to write the rules, so their scores are regression floors, not
evaluation figures: measured when the gold was converted (default pipeline: pooled must recall
1.00, recall 0.88, precision 0.96; the rules alone: 1.00, 0.88, 0.97), they must not drop.
The real-news figures are in docs/evaluation.md.
"""

from __future__ import annotations

from pathlib import Path

import pytest

import kg
from kg.evaluation.gold import load_gold
from kg.evaluation.score import Totals, score_article

ROOT = Path(__file__).resolve().parent.parent
GOLD = ROOT / "tests" / "gold"
ARTICLES = sorted((GOLD / "inhouse").glob("*.json"))


def article_of(gold_path: Path) -> Path:
    """The text of an in-house gold file: in seeds/ or beside the old gold."""
    stem = gold_path.stem
    return next(p for p in (ROOT / "seeds" / f"{stem}.txt", GOLD / "dev" / f"{stem}.txt",
                            GOLD / "heldout" / f"{stem}.txt") if p.exists())


@pytest.fixture(scope="module")
def scores() -> dict[str, object]:
    out = {}
    for path in ARTICLES:
        records = kg.build(article_of(path)).to_records()
        out[path.stem] = score_article(load_gold(path), records["entities"], records["triples"])
    return out


@pytest.mark.parametrize("gold_path", ARTICLES, ids=lambda p: p.stem)
def test_article_keeps_its_headline_facts(scores: dict, gold_path: Path) -> None:
    s = scores[gold_path.stem]
    assert s.must[0] == s.must[1], [r for r in s.missed if r.level == "must"]
    assert s.recall[0] >= 0.6 * s.recall[1], s.missed
    assert s.precision[0] >= 0.8 * s.precision[1], s.wrong
    assert s.entities[0] >= s.entities[1] - 1


def test_development_articles_do_not_drop(scores: dict) -> None:
    totals = Totals(list(scores.values()))
    figures = totals.figures()
    assert figures["must_recall"] == 1.0
    assert figures["recall"] >= 0.88 and figures["precision"] >= 0.95, figures


def test_every_article_has_both_golds() -> None:
    assert len(ARTICLES) == 19
    legacy = {p.name.removesuffix(".gold.json") for p in GOLD.rglob("*.gold.json")}
    assert {p.stem for p in ARTICLES} == legacy
