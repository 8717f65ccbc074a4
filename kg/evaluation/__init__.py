"""Scoring ``kg`` on real news against gold annotations (the ``GUIDELINES.md`` format).

``kg eval`` uses this package for gold in that format and :mod:`kg.evaluate` for the
older in-house format (``tests/gold/*.gold.json``).
"""

from kg.evaluation.gold import EntityMatcher, GoldArticle, GoldRelation, load_gold, norm
from kg.evaluation.report import format_totals
from kg.evaluation.run import evaluate_corpus, gold_paths, records_from_build
from kg.evaluation.score import ArticleScore, Totals, expected_calibration_error, reliability, score_article

__all__ = [
    "ArticleScore", "EntityMatcher", "GoldArticle", "GoldRelation", "Totals", "evaluate_corpus",
    "expected_calibration_error", "format_totals", "gold_paths", "load_gold", "norm",
    "records_from_build", "reliability", "score_article",
]
