"""Alliances stated by a noun phrase or a predicate noun (called by :mod:`kg.nlp.structural`):

- ``रूस के करीबी सहयोगी बेलारूस``, ``रूस के सहयोगी देश बेलारूस``, ``चीन के परमाणु-शक्ति संपन्न
  सहयोगी उत्तर कोरिया`` → Belarus / North Korea ``seeksTiesWith`` its ally;
- ``ओमान ब्रिटेन और ईरान दोनों का सहयोगी रहा है``, ``X, Y का एक अहम सहयोगी है`` → X ``seeksTiesWith``
  each of them.

An ally is a state that keeps close ties with another (the gold admits ``seeksTiesWith`` and
``supports`` for both readings); only the ally's side is stated, the other side may not return it.
"""

from __future__ import annotations

from collections.abc import Sequence

from spacy.tokens import Doc

from kg.nlp.args import Arg
from kg.nlp.markers import BOUNDARIES, POSTPOSITIONS
from kg.nlp.normalize import match_key
from kg.nlp.rel import RelRec, sentence_relation

__all__ = ["ALLY", "ALLY_WORDS", "ally_gap", "ally_predicates", "drop_ally_nouns"]

ALLY = frozenset(match_key(w) for w in "सहयोगी मित्र दोस्त साझेदार".split())
ALLY_WORDS = frozenset(match_key(w) for w in "करीबी प्रमुख पुराने पुराना घनिष्ठ सबसे बड़े देश राष्ट्र".split())
_COUNTRY_NOUNS = frozenset(match_key(w) for w in "देश राष्ट्र".split())
_GEN = frozenset({"के", "की", "का"})
_STOPS = frozenset(p[0] for p in POSTPOSITIONS) | BOUNDARIES | {",", "और", "तथा", "या", "ने"}
_MODIFIERS = 4  # words that may describe the ally before the noun: "परमाणु - शक्ति संपन्न"
_BE = frozenset(match_key(w) for w in "है हैं था थे थी रहा रहे रही बना बने बनी रहेगा".split())
_BOTH = frozenset({"दोनों", "का", "की", "के"})


def ally_gap(gap: Sequence[str]) -> bool:
    """Whether the words between ``X के`` and a name make that name X's ally: an ally noun,
    after at most a few describing words (no postposition or clause word) and before at most
    words like ``देश``.

    Examples
    --------
    >>> ally_gap("करीबी सहयोगी".split()), ally_gap("परमाणु - शक्ति संपन्न सहयोगी".split())
    (True, True)
    >>> ally_gap("सहयोगी देशों से".split()), ally_gap("राष्ट्रपति के सहयोगी".split())
    (False, False)
    """
    last = max((n for n, w in enumerate(gap) if w in ALLY), default=-1)
    if last < 0 or not all(w in ALLY_WORDS for w in gap[last + 1:]):
        return False
    before = gap[:last]
    return len(before) <= _MODIFIERS and not any(w in _STOPS for w in before)


def drop_ally_nouns(norms: Sequence[str], args: Sequence[Arg]) -> list[Arg]:
    """``args`` without a reference made of ``देश`` right after an ally noun (``रूस के सहयोगी देश
    बेलारूस``: the noun only describes the name after it)."""
    return [a for a in args if not (a.kind == "definite" and a.end - a.start == 1 and a.start > 0
                                    and norms[a.start] in _COUNTRY_NOUNS and norms[a.start - 1] in ALLY)]


def _predicate_ally(norms: Sequence[str], end: int, limit: int) -> bool:
    """An ally noun as a predicate after a genitive ending at ``end``: ``(दोनों का) (एक) (अहम)
    सहयोगी रहा है`` (a copula or बना within two words after the noun)."""
    j = end
    while j < limit and norms[j] in _BOTH:
        j += 1
    noun = next((k for k in range(j, min(j + 3, limit)) if norms[k] in ALLY), None)
    if noun is None or any(w in _STOPS for w in norms[j:noun]):
        return False
    return any(w in _BE for w in norms[noun + 1:min(noun + 3, limit)])


def ally_predicates(doc: Doc, norms: Sequence[str], args: Sequence[Arg]) -> list[RelRec]:
    """``Y X का सहयोगी है``: the bare subject right before the genitive (group) is X's ally."""
    out: list[RelRec] = []
    for n, subject in enumerate(args[:-1]):
        first = args[n + 1]
        if subject.marker or len(subject.keys) != 1 or first.start - subject.end > 1:
            continue
        allies = [a for a in args[n + 1:] if a is first or first.group >= 0 and a.group == first.group]
        if allies[-1].marker not in _GEN or subject.sent != first.sent:
            continue
        sent = doc[subject.start].sent
        if not _predicate_ally(norms, allies[-1].end + 1, sent.end):
            continue
        out += [sentence_relation(subject.keys[0], "seeksTiesWith", a.keys[0], sent, 0.65, source="ally")
                for a in allies
                if len(a.keys) == 1 and a.keys[0] != subject.keys[0]]
    return out
