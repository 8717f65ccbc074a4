"""The relation record produced inside the pipeline (entity keys, token offsets)."""

from __future__ import annotations

from dataclasses import dataclass, replace

__all__ = ["RELATIONS", "DATE_KEY", "MIN_CONFIDENCE", "RelRec", "replace"]

RELATIONS = "kg_relations"
DATE_KEY = "kg_date"  # the article's date (a datetime.date), set before the pipeline runs
MIN_CONFIDENCE = "kg_min_confidence"  # a caller's minimum confidence of relations (float), if any


@dataclass(frozen=True)
class RelRec:
    """A relation between entity keys, with its sentence as ``[sent_start, sent_end)`` chars."""

    subject: str
    predicate: str
    object: str
    modality: str
    time: str | None
    place: str | None
    confidence: float
    sent_start: int
    sent_end: int
    derived: bool = False
    role: str | None = None
    source: str = ""  # the rule that produced it: "frame:<n>", "title", "organ", "located", ...
