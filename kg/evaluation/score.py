"""Scoring extracted records of one article against its gold, and adding scores up.

The counting rules are those of ``GUIDELINES.md`` and the reference scorer:

* precision: distinct extracted (subject, predicate, object) triples that match a gold
  relation of any level, over all distinct extracted triples (an end that matches no gold
  entity is kept apart under its label, so it counts as wrong);
* recall: ``must`` and ``should`` relations matched by some triple, over all of them;
  must recall on its own;
* entity recall: the article's ``must_entities`` found among the extracted entities or
  the ends of extracted triples.

Every distinct triple keeps its highest confidence, so the scores also give a reliability
table (confidence bins against observed precision) and the expected calibration error.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from typing import Any

from kg.evaluation.gold import GoldArticle, GoldRelation

__all__ = ["ArticleScore", "Totals", "score_article", "reliability", "expected_calibration_error"]

Triple = tuple[str, str, str]


@dataclass
class ArticleScore:
    """Counts for one article, plus what was missed and what was wrong."""

    doc: str
    must: tuple[int, int]
    recall: tuple[int, int]
    precision: tuple[int, int]
    entities: tuple[int, int]
    by: Counter = field(default_factory=Counter)
    missed: list[GoldRelation] = field(default_factory=list)
    wrong: list[Triple] = field(default_factory=list)
    scored: list[tuple[float, bool]] = field(default_factory=list)  # (confidence, correct) per triple


def _end_key(matcher: Any, ent: Any) -> str:
    key = matcher.key(ent)
    return key or "?" + str((ent or {}).get("label") if isinstance(ent, dict) else ent)


def score_article(gold: GoldArticle, entities: list[dict[str, Any]],
                  triples: list[dict[str, Any]]) -> ArticleScore:
    """Score one article's extracted entities and triples (dicts as in the JSON Lines files).

    Examples
    --------
    >>> from kg.evaluation.gold import parse_gold
    >>> gold = parse_gold({"entities": {"a": {"en": ["A"]}, "b": {"en": ["B"]}},
    ...                    "must_entities": ["a"],
    ...                    "relations": [{"s": "a", "p": ["visits"], "o": "b", "level": "must"}]}, "x")
    >>> t = {"subject": {"label": "A"}, "predicate": "visits", "object": {"label": "B"}, "confidence": 0.9}
    >>> s = score_article(gold, [], [t, {**t, "predicate": "meets"}])
    >>> s.must, s.recall, s.precision, s.entities
    ((1, 1), (1, 1), (1, 2), (1, 1))
    """
    m = gold.matcher()
    confidence: dict[Triple, float] = {}
    for t in triples:
        trip = (_end_key(m, t.get("subject")), t.get("predicate"), _end_key(m, t.get("object")))
        conf = float(t.get("confidence", 0.0) or 0.0)
        confidence[trip] = max(conf, confidence.get(trip, 0.0))
    extracted = set(confidence)
    found = {m.key(e) for e in entities} | {k for t in extracted for k in (t[0], t[2])}
    correct = {t for t in extracted if any(r.matches(t) for r in gold.relations)}
    needed = [r for r in gold.relations if r.required]
    got = [r for r in needed if any(r.matches(t) for t in extracted)]
    by: Counter = Counter()
    for r in needed:
        by["gold", r.p[0]] += 1
        by["found", r.p[0]] += r in got
    for t in extracted:
        by["pred", t[1]] += 1
        by["right", t[1]] += t in correct
    musts = [r for r in needed if r.level == "must"]
    return ArticleScore(
        doc=gold.id,
        must=(sum(r in got for r in musts), len(musts)),
        recall=(len(got), len(needed)),
        precision=(len(correct), len(extracted)),
        entities=(sum(k in found for k in gold.must_entities), len(gold.must_entities)),
        by=by,
        missed=[r for r in needed if r not in got],
        wrong=sorted(extracted - correct),
        scored=sorted((confidence[t], t in correct) for t in extracted),
    )


def _ratio(pair: tuple[int, int]) -> float:
    return pair[0] / pair[1] if pair[1] else 0.0


@dataclass
class Totals:
    """Micro totals over articles."""

    articles: list[ArticleScore] = field(default_factory=list)
    failed: list[str] = field(default_factory=list)

    def add(self, score: ArticleScore) -> None:
        self.articles.append(score)

    def _sum(self, name: str) -> tuple[int, int]:
        pairs = [getattr(a, name) for a in self.articles]
        return sum(p[0] for p in pairs), sum(p[1] for p in pairs)

    @property
    def by(self) -> Counter:
        total: Counter = Counter()
        for a in self.articles:
            total.update(a.by)
        return total

    @property
    def scored(self) -> list[tuple[float, bool]]:
        return [pair for a in self.articles for pair in a.scored]

    def figures(self) -> dict[str, Any]:
        """Micro precision, recall, F1, must recall and entity recall, with their counts."""
        p, r = self._sum("precision"), self._sum("recall")
        prec, rec = _ratio(p), _ratio(r)
        return {
            "articles": len(self.articles),
            "precision": round(prec, 3), "recall": round(rec, 3),
            "f1": round(2 * prec * rec / (prec + rec), 3) if prec + rec else 0.0,
            "must_recall": round(_ratio(self._sum("must")), 3),
            "entity_recall": round(_ratio(self._sum("entities")), 3),
            "counts": {name: list(self._sum(name)) for name in ("precision", "recall", "must", "entities")},
            "ece": round(expected_calibration_error(self.scored), 3),
            "failed": list(self.failed),
        }


def reliability(scored: list[tuple[float, bool]], bins: int = 10) -> list[dict[str, Any]]:
    """Confidence bins against observed precision: ``[{"low", "high", "n", "confidence", "precision"}]``.

    Examples
    --------
    >>> reliability([(0.95, True), (0.91, False), (0.15, False)], bins=2)[1]
    {'low': 0.5, 'high': 1.0, 'n': 2, 'confidence': 0.93, 'precision': 0.5}
    """
    rows = []
    for b in range(bins):
        low, high = b / bins, (b + 1) / bins
        inside = [(c, ok) for c, ok in scored if low <= c < high or (b == bins - 1 and c == 1.0)]
        if not inside:
            rows.append({"low": low, "high": high, "n": 0, "confidence": None, "precision": None})
            continue
        rows.append({"low": low, "high": high, "n": len(inside),
                     "confidence": round(sum(c for c, _ in inside) / len(inside), 3),
                     "precision": round(sum(ok for _, ok in inside) / len(inside), 3)})
    return rows


def expected_calibration_error(scored: list[tuple[float, bool]], bins: int = 10) -> float:
    """Mean gap between confidence and precision over equal-width bins, weighted by bin size.

    Examples
    --------
    >>> expected_calibration_error([(0.9, True)] * 9 + [(0.9, False)])
    0.0
    """
    if not scored:
        return 0.0
    rows = reliability(scored, bins)
    gap = sum(r["n"] * abs(r["confidence"] - r["precision"]) for r in rows if r["n"])
    return round(gap / len(scored), 6)
