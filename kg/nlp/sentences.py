"""Sentence boundaries for Hindi news: dandas, headlines and datelines.

A line break ends a sentence (headlines have no danda), ``।`` / ``॥`` / ``?`` /
``!`` / ``|`` / ``.`` end one (web news writes ``.`` and ``|`` for the danda), except
a ``.`` after an initial or a short title (``एस. जयशंकर``, ``डॉ. सिंह``, ``J. Biden``),
and a dateline such as ``HANOI हनोई:`` at the start of a
paragraph becomes a segment of its own, recorded in ``doc._.kg_dateline``.
"""

from __future__ import annotations

import string

import numpy
from spacy.attrs import ORTH, SENT_START
from spacy.tokens import Doc

from kg.nlp.normalize import match_key
from kg.nlp.state import DATELINE_KEY, TEXTS

__all__ = ["SentenceSplitter", "DATELINE_KEY", "TEXTS", "dateline", "token_texts"]

_ENDERS = {"।", "॥", "?", "!", "|"}
_MAX_DATELINE_TOKENS = 5
# Devanagari spellings of English letter names and short titles: "एस. जयशंकर", "डॉ. सिंह"
INITIALS = frozenset("""ए बी सी डी ई एफ जी एच आई जे के एल एम एन ओ पी क्यू आर एस टी यू वी डब्ल्यू
एक्स वाई जेड जेड डॉ डा प्रो श्री श्रीमती सुश्री ले जन कर्नल मे ब्रि सं""".split())
_PUNCT = set(string.punctuation) | {"।", "॥", "—", "–", "’", "‘", "“", "”"}


def token_texts(doc: Doc) -> list[str]:
    """The text of every token, read once from the ORTH array and cached in ``doc._.kg_texts``.

    Much faster than iterating ``Token`` objects on long documents.
    """
    texts = doc._.get(TEXTS)
    if texts is None or len(texts) != len(doc):
        strings = doc.vocab.strings
        texts = [strings[int(h)] for h in doc.to_array(ORTH)] if len(doc) else []
        doc._.set(TEXTS, texts)
    return texts


def _skip_space(texts: list[str], i: int) -> int:
    while i < len(texts) and texts[i].isspace():
        i += 1
    return i


def _dateline_end(texts: list[str], start: int, places: frozenset[str]) -> int | None:
    """Index of the ':' closing a dateline that starts at ``start``, if any.

    A dateline is a short run of words before ':' that starts with an upper-case
    Latin word (``HANOI``) or is a known place name (``नई दिल्ली``).
    """
    for i in range(start, min(start + _MAX_DATELINE_TOKENS + 1, len(texts))):
        text = texts[i]
        if text in {":", "—"} and i > start:
            words = texts[start:i]
            key = match_key(" ".join(w for w in words if not w.isascii()))
            return i if words[0].isupper() and words[0].isalpha() or key in places else None
        if text in _PUNCT or text.isspace() or text[:1].isdigit():
            return None
    return None


class SentenceSplitter:
    """Set ``is_sent_start`` on every token of a Hindi news text.

    Parameters
    ----------
    enders : set of str
        Tokens that end a sentence.
    places : frozenset of str
        Match keys of place names, to recognize datelines without Latin words.
    """

    def __init__(self, enders: set[str] | None = None, places: frozenset[str] = frozenset()) -> None:
        self.enders = set(enders or _ENDERS)
        self.places = places

    def __call__(self, doc: Doc) -> Doc:
        if not len(doc):
            return doc
        starts = self._starts(doc, token_texts(doc))
        values = numpy.full(len(doc), -1, dtype="int64")
        values[sorted(starts)] = 1
        # One array write: setting Token.is_sent_start one by one is quadratic in spaCy.
        doc.from_array([SENT_START], values.astype("uint64").reshape(-1, 1))
        return doc

    def _starts(self, doc: Doc, texts: list[str]) -> set[int]:
        starts = {0}
        paragraph_start = True
        for i, text in enumerate(texts):
            if paragraph_start and not text.isspace():
                paragraph_start = False
                end = _dateline_end(texts, i, self.places)
                if end is not None and end + 1 < len(texts):
                    starts.update((i, end + 1))
                    if doc._.get(DATELINE_KEY) is None:
                        doc._.set(DATELINE_KEY, (i, end))
            if text.isspace() and "\n" in text:
                paragraph_start = True
                starts.add(i + 1)
            elif self._ends_sentence(texts, i):
                starts.add(i + 1)
        return ({_skip_space(texts, s) for s in starts if s < len(texts)} - {len(texts)}) | {0}

    def _ends_sentence(self, texts: list[str], i: int) -> bool:
        text = texts[i]
        if text in self.enders:
            return True
        if text == "." and i + 1 < len(texts):
            if i > 0 and _initial(texts[i - 1]):
                return False
            j = _skip_space(texts, i + 1)
            nxt = texts[j][:1] if j < len(texts) else ""
            return nxt.isupper() or "\u0900" <= nxt <= "\u097f" or nxt in "\"'"
        return False


def _initial(word: str) -> bool:
    """An initial or short title before a dot: ``एस``, ``डॉ``, ``J``.

    Examples
    --------
    >>> _initial("एस"), _initial("J"), _initial("है")
    (True, True, False)
    """
    return word in INITIALS or (len(word) == 1 and word.isalpha() and word.isupper())


def dateline(doc: Doc) -> tuple[int, int] | None:
    """Token range ``(start, end)`` of the dateline (``end`` is the ':'), if any."""
    return doc._.get(DATELINE_KEY)
