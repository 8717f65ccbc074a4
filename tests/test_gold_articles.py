"""Every gold-annotated article in tests/gold/ (seed, development, held-out) scored with kg eval."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

import kg
from kg.evaluate import evaluate

GOLD = Path(__file__).resolve().parent / "gold"
SEEDS = GOLD.parent.parent / "seeds"


def article_of(gold_path: Path) -> Path:
    """The article next to its gold file, or in seeds/ (the seed article)."""
    name = gold_path.name.replace(".gold.json", ".txt")
    beside = gold_path.with_name(name)
    return beside if beside.exists() else SEEDS / name


ARTICLES = sorted(p for p in GOLD.rglob("*.gold.json") if article_of(p).exists())


@pytest.mark.parametrize("gold_path", ARTICLES, ids=lambda p: p.name.replace(".gold.json", ""))
def test_article_scores(gold_path: Path) -> None:
    gold = json.loads(gold_path.read_text(encoding="utf-8"))
    graph = kg.build(article_of(gold_path))
    records = graph.to_records()
    report = evaluate(gold, records["entities"], records["triples"])
    assert report["relations"]["recall"] >= 0.85, report["relations"]["missing"]
    assert report["relations"]["precision"] >= 0.90, report["relations"]["spurious"]
    assert report["entities"]["recall"] >= 0.9, report["entities"]["missing"]


def test_there_are_articles_beyond_the_seed() -> None:
    assert len(ARTICLES) >= 4
