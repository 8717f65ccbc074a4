"""Modality, time and place of a stated relation, read from its sentence."""

from __future__ import annotations

import datetime as dt
import re

from spacy.tokens import Doc, Span

from kg.nlp.timex import WEEKDAYS, find_times, resolve_weekday

__all__ = ["modality", "time_of", "PLANNED_WORDS", "ALLEGED_WORDS", "DENIAL_WORDS", "NEGATIONS"]

NEGATIONS = {"नहीं", "न", "ना", "मत"}
DENIAL_WORDS = {"इनकार", "इंकार", "खंडन"}
ALLEGED_WORDS = {"आरोप", "आरोपों", "कथित", "संभावित", "आरोपित", "अपुष्ट"}
PLANNED_WORDS = {"योजना", "प्रस्तावित", "जाएंगे", "जाएगा", "जाएगी", "कार्यक्रम"}
_FUTURE = re.compile(r"(ेंगे|ेंगी|ेगा|ेगी|एंगे|एगा|एगी|ऊंगा|ूंगा|ओगे)$")
_WINDOW = 6
_INTRINSIC = {"denies": DENIAL_WORDS | ALLEGED_WORDS, "accuses": ALLEGED_WORDS}


def _after(doc: Doc, sent: Span, end: int) -> list[str]:
    return [t.norm_ for t in doc[end:min(end + _WINDOW, sent.end)]]


def modality(doc: Doc, sent: Span, start: int, end: int, predicate: str,
             trigger_words: frozenset[str] = frozenset()) -> str:
    """The modality of a relation whose trigger is tokens ``[start, end)``.

    ``negated`` when a negation follows the trigger, ``denied`` when a denial
    verb does, ``planned`` for future forms, ``वाले हैं`` and plan words,
    ``alleged`` for allegation and possibility words in the sentence.
    """
    after = _after(doc, sent, end)
    inside = {t.norm_ for t in doc[start:end]}
    intrinsic = _INTRINSIC.get(predicate, set())
    if NEGATIONS & (set(after) | inside) and not NEGATIONS & trigger_words:
        return "negated"
    if predicate != "denies" and DENIAL_WORDS & {t.norm_ for t in doc[end:sent.end]}:
        return "denied"
    if _planned([doc[end - 1].norm_, *after]):
        return "planned"
    words = {t.norm_ for t in sent}
    if (ALLEGED_WORDS - intrinsic) & words:
        return "alleged"
    return "asserted"


def _planned(after: list[str]) -> bool:
    for n, word in enumerate(after):
        if word in PLANNED_WORDS or _FUTURE.search(word):
            return True
        if word in {"वाले", "वाला", "वाली"} and n + 1 < len(after) and after[n + 1] in {"हैं", "है", "थे", "था"}:
            return True
    return False


def time_of(doc: Doc, sent: Span, trigger: int, anchor: dt.date | None, planned: bool) -> str | None:
    """The time expression of the sentence nearest the trigger, as ISO text."""
    words = [t.text for t in sent]
    best: tuple[int, str] | None = None
    for expr in find_times(words, anchor):
        value = expr.value
        if expr.kind == "weekday" and anchor and planned:
            value = resolve_weekday(WEEKDAYS[words[expr.start]], anchor, forward=True).isoformat()
        if value is None:
            continue
        distance = abs(sent.start + expr.start - trigger)
        if best is None or distance < best[0]:
            best = (distance, value)
    return best[1] if best else None
