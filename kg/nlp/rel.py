"""The relation record produced inside the pipeline (entity keys, token offsets)."""

from __future__ import annotations

from dataclasses import dataclass, replace

from kg.nlp.state import DATE_KEY, MIN_CONFIDENCE, RELATIONS

__all__ = ["RELATIONS", "DATE_KEY", "MIN_CONFIDENCE", "RelRec", "replace"]



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
