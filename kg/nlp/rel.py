"""The relation record produced inside the pipeline (entity keys, token offsets)."""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import Any

from kg.nlp.state import DATE_KEY, MIN_CONFIDENCE, RELATIONS

__all__ = ["RELATIONS", "DATE_KEY", "MIN_CONFIDENCE", "RelRec", "replace", "sentence_relation"]



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


def sentence_relation(subject: str, predicate: str, obj: str, sent: Any, confidence: float,
                      role: str | None = None, source: str = "") -> RelRec:
    """An asserted relation, with no time or place, read from the sentence ``sent`` (a Span).

    Examples
    --------
    >>> from types import SimpleNamespace
    >>> rec = sentence_relation("a", "memberOf", "b", SimpleNamespace(start_char=3, end_char=9), 0.7)
    >>> rec.modality, rec.sent_start, rec.sent_end
    ('asserted', 3, 9)
    """
    return RelRec(subject, predicate, obj, "asserted", None, None, confidence,
                  sent.start_char, sent.end_char, role=role, source=source)
