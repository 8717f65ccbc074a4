"""New city names cued by the noun "town" next to them, or by the country they lie in.

News introduces a town it has not named before with the noun ``शहर`` (town) or ``कस्बा``:
in apposition after it (``सीमावर्ती शहर वोवचांस्क``), before it (``किडल शहर``), before ``जैसे``
(``सुमी और चेरनोबिल जैसे शहरों``, every member of the list) or in brackets after the plural
(``दो शहरों (माखचकाला और डर्बेंट)``). The word is a name only when no dictionary lists it and
it is no frequent Hindi or English word (``बंदरगाह शहर`` is a port town, ``बड़े शहर`` a big one).
The genitive of a country before such a word with the locative after it places a town in that
country (``सऊदी अरब के जेद्दा में``, ``यूक्रेन के पोलटावा में``): the grammar of containment.
:class:`kg.nlp.entities.NamePatterns` adds the spans as new names (kind ``title``), so the
cleaning of new names checks them like any other.
"""

from __future__ import annotations

from collections.abc import Sequence

from spacy.tokens import Doc, Span

from kg.nlp.normalize import match_key
from kg.nlp.plausible import LIST_WORDS, dictionary_pos

__all__ = ["TOWN_NOUNS", "town_names"]

TOWN_NOUNS = frozenset(match_key(w) for w in ("शहर", "शहरों", "कस्बा", "कस्बे", "कस्बों"))
_LIKE = frozenset(match_key(w) for w in ("जैसे", "जैसी", "जैसा"))
_LISTS = frozenset(match_key(w) for w in LIST_WORDS)
_OF, _IN = match_key("के"), match_key("में")


def town_names(doc: Doc, norms: list[str], taken: set[int], kinds,  # noqa: ANN001
               spans: Sequence[Span] = ()) -> list[Span]:
    """City spans of one-word names next to a town noun or after a country's genitive.

    ``kinds`` is the pipeline's :class:`kg.nlp.spanrules.WordKinds`; ``taken`` tokens (found
    names) are left alone; ``spans`` are the names found so far (the countries).
    """
    found = set(_in_country(doc, norms, spans, taken, kinds))
    for i, norm in enumerate(norms):
        if norm not in TOWN_NOUNS:
            continue
        found.update(j for j in (i - 1, i + 1) if _name_word(doc, j, taken, kinds))
        if i >= 2 and norms[i - 1] in _LIKE:
            found.update(_listed(doc, norms, i - 2, taken, kinds))
        if i + 2 < len(doc) and doc[i + 1].text == "(":
            found.update(_bracketed(doc, norms, i + 2, taken, kinds))
    return [Span(doc, j, j + 1, label="City", span_id="title") for j in sorted(found)]


def _in_country(doc: Doc, norms: list[str], spans: Sequence[Span], taken: set[int], kinds) -> list[int]:  # noqa: ANN001
    """``सऊदी अरब के जेद्दा में``: the new word between a country's ``के`` and ``में``."""
    out = []
    for span in spans:
        i = span.end + 1
        if (span.label_ == "Country" and i + 1 < len(doc) and norms[span.end] == _OF
                and norms[i + 1] == _IN and _name_word(doc, i, taken, kinds)):
            out.append(i)
    return out


def _listed(doc: Doc, norms: list[str], last: int, taken: set[int], kinds) -> list[int]:  # noqa: ANN001
    """``सुमी और चेरनोबिल``: the list ending at token ``last`` before ``जैसे``, all name words."""
    out = []
    i = last
    while _name_word(doc, i, taken, kinds):
        out.append(i)
        if i < 2 or norms[i - 1] not in _LISTS:
            break
        i -= 2
    return out


def _bracketed(doc: Doc, norms: list[str], first: int, taken: set[int], kinds) -> list[int]:  # noqa: ANN001
    """``(माखचकाला और डर्बेंट)``: the names listed in brackets from token ``first``."""
    out = []
    i = first
    while _name_word(doc, i, taken, kinds):
        out.append(i)
        if i + 2 >= len(doc) or norms[i + 1] not in _LISTS:
            break
        i += 2
    return out


def _name_word(doc: Doc, i: int, taken: set[int], kinds) -> bool:  # noqa: ANN001
    """A word no dictionary, frequency list or lexicon knows (so a new name): वोवचांस्क, किडल."""
    if not 0 <= i < len(doc) or i in taken:
        return False
    text = doc[i].text
    if not text or not "\u0900" <= text[0] <= "\u097f":
        return False
    return kinds(text) == "plain" and dictionary_pos(text) is None and not kinds.english_noun(text)
