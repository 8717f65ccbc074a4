"""Modality and time of a stated relation, read from its sentence.

Both work on the token norms of the document (``norms``) and the token range
of the sentence, so a sentence is read once however many relations it states.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Sequence

from kg.nlp.timex import WEEKDAYS, TimeExpr, find_times, resolve_weekday

__all__ = ["modality", "time_of", "PLANNED_WORDS", "ALLEGED_WORDS", "DENIAL_WORDS", "NEGATIONS"]

NEGATIONS = {"नहीं", "न", "ना", "मत"}
DENIAL_WORDS = {"इनकार", "इंकार", "खंडन"}
REJECTION_WORDS = {"खारिज", "नकारा", "नकार", "ठुकराया", "ठुकरा"}
ALLEGED_WORDS = {"आरोप", "आरोपों", "कथित", "संभावित", "आरोपित", "अपुष्ट"}
PLANNED_WORDS = {"योजना", "प्रस्तावित", "जाएंगे", "जाएगा", "जाएगी", "कार्यक्रम", "वादा", "वादे", "वचन",
                 "उम्मीद", "संभावना"}
_FUTURE = re.compile(r"(ेंगे|ेंगी|ेगा|ेगी|एंगे|एगा|एगी|ऊंगा|ूंगा|ओगे)$")
SPEECH_VERBS = {"कहा", "कहना", "बताया"}
_WINDOW = 6
_INTRINSIC = {"denies": DENIAL_WORDS | ALLEGED_WORDS, "accuses": ALLEGED_WORDS}


def modality(norms: Sequence[str], sent: tuple[int, int], start: int, end: int, predicate: str,
             trigger_words: frozenset[str] = frozenset()) -> str:
    """The modality of a relation whose trigger is tokens ``[start, end)``.

    ``negated`` when a negation follows (or splits) the trigger, ``denied`` when
    a denial verb follows or a speaker says a past act did not happen, ``planned`` for
    future forms, ``वाले हैं`` and plan words, ``alleged`` for allegation and possibility
    words in the sentence.

    Examples
    --------
    >>> words = "भारत ने रूस पर प्रतिबंध नहीं लगाए".split()
    >>> modality(words, (0, len(words)), 4, 7, "sanctions")
    'negated'
    >>> words = "मोदी बाइडेन से मिलेंगे".split()
    >>> modality(words, (0, 4), 3, 4, "meets")
    'planned'
    """
    after = list(norms[end:min(end + _WINDOW, sent[1])])
    inside = set(norms[start:end])
    if NEGATIONS & (set(after) | inside) and not NEGATIONS & trigger_words or _avoided(after):
        return "denied" if _reported_denial(norms, sent[0], start, [norms[end - 1], *after]) else "negated"
    rest = set(norms[end:sent[1]])
    if predicate != "denies" and (DENIAL_WORDS & rest or REJECTION_WORDS & rest and ALLEGED_WORDS & rest):
        return "denied"  # "... देने के आरोपों को खारिज कर दिया": rejecting the allegation denies it
    if _planned([norms[end - 1], *after]):
        return "planned"
    if (ALLEGED_WORDS - _INTRINSIC.get(predicate, set())) & set(norms[sent[0]:sent[1]]):
        return "alleged"
    return "asserted"


def _reported_denial(norms: Sequence[str], first: int, start: int, after: list[str]) -> bool:
    """``उन्होंने कहा कि भारत ने ... नहीं भेजे``: a negated past act in what someone said is a denial.

    A future form (``नहीं लगाएगा``) announces a refusal instead: the act has not happened.

    Examples
    --------
    >>> words = "मंत्री ने कहा कि भारत ने गोले नहीं भेजे".split()
    >>> _reported_denial(words, 0, 6, words[6:])
    True
    >>> words = "मंत्री ने कहा कि भारत प्रतिबंध नहीं लगाएगा".split()
    >>> _reported_denial(words, 0, 5, words[5:])
    False
    """
    said = any(norms[n] == "कि" and SPEECH_VERBS & set(norms[max(first, n - 3):n])
               for n in range(first, start))
    return said and not _planned(after)


def _avoided(after: list[str]) -> bool:
    """``आलोचना करने से बचता रहा``, ``से परहेज किया``: avoiding an act says it was not done.

    Examples
    --------
    >>> _avoided("करने से भी बचता रहा है".split()), _avoided("करने से पहले".split())
    (True, False)
    """
    for n, word in enumerate(after[:-1]):
        if word == "से":
            rest = [w for w in after[n + 1:n + 3] if w != "भी"]
            return bool(rest) and (rest[0].startswith(("बच", "परहेज")) or rest[:2] == ["दूर", "रहा"])
    return False


def _planned(after: list[str]) -> bool:
    for n, word in enumerate(after):
        if word in PLANNED_WORDS or _FUTURE.search(word):
            return True
        if word in {"वाले", "वाला", "वाली"} and n + 1 < len(after) and after[n + 1] in {"हैं", "है", "थे", "था"}:
            return True
    return False


def sentence_times(words: Sequence[str], offset: int, anchor: dt.date | None) -> list[TimeExpr]:
    """Time expressions of a sentence, with token offsets in the document."""
    return [TimeExpr(t.start + offset, t.end + offset, t.value, t.kind) for t in find_times(words, anchor)]


def time_of(times: Sequence[TimeExpr], words: Sequence[str], trigger: int, anchor: dt.date | None,
            planned: bool) -> str | None:
    """The value of the time expression nearest the trigger (weekdays forward if planned)."""
    best: tuple[int, str] | None = None
    for expr in times:
        value = expr.value
        if expr.kind == "weekday" and anchor and planned:
            value = resolve_weekday(WEEKDAYS[words[expr.start]], anchor, forward=True).isoformat()
        if value is None:
            continue
        distance = abs(expr.start - trigger)
        if best is None or distance < best[0]:
            best = (distance, value)
    return best[1] if best else None
