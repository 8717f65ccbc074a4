"""Sentence boundaries for Hindi news: dandas, headlines and datelines.

A line break ends a sentence (headlines have no danda), ``।`` / ``॥`` / ``?`` /
``!`` / ``.`` end one, and a dateline such as ``HANOI हनोई:`` at the start of a
paragraph becomes a segment of its own, recorded in ``doc.user_data``.
"""

from __future__ import annotations

from spacy.tokens import Doc, Token

from kg.nlp.normalize import match_key

__all__ = ["SentenceSplitter", "DATELINE_KEY", "dateline"]

DATELINE_KEY = "kg_dateline"
_ENDERS = {"।", "॥", "?", "!", "|"}
_MAX_DATELINE_TOKENS = 5


def _is_line_break(token: Token) -> bool:
    return token.is_space and "\n" in token.text


def _skip_space(doc: Doc, i: int) -> int:
    while i < len(doc) and doc[i].is_space:
        i += 1
    return i


def _dateline_end(doc: Doc, start: int, places: frozenset[str]) -> int | None:
    """Index of the ':' closing a dateline that starts at ``start``, if any.

    A dateline is a short run of words before ':' that starts with an upper-case
    Latin word (``HANOI``) or is a known place name (``नई दिल्ली``).
    """
    for i in range(start, min(start + _MAX_DATELINE_TOKENS + 1, len(doc))):
        tok = doc[i]
        if tok.text in {":", "—"} and i > start:
            words = [t.text for t in doc[start:i]]
            key = match_key(" ".join(w for w in words if not w.isascii()))
            return i if words[0].isupper() and words[0].isalpha() or key in places else None
        if tok.is_punct or tok.is_space or tok.like_num:
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
        starts = self._starts(doc)
        for i, tok in enumerate(doc):
            tok.is_sent_start = i in starts
        return doc

    def _starts(self, doc: Doc) -> set[int]:
        starts = {0}
        paragraph_start = True
        for i, tok in enumerate(doc):
            if paragraph_start and not tok.is_space:
                paragraph_start = False
                end = _dateline_end(doc, i, self.places)
                if end is not None and end + 1 < len(doc):
                    starts.add(i)
                    starts.add(end + 1)
                    doc.user_data.setdefault(DATELINE_KEY, (i, end))
            if _is_line_break(tok):
                paragraph_start = True
                starts.add(i + 1)
            elif self._ends_sentence(doc, i):
                starts.add(i + 1)
        return ({_skip_space(doc, s) for s in starts if s < len(doc)} - {len(doc)}) | {0}

    def _ends_sentence(self, doc: Doc, i: int) -> bool:
        tok = doc[i]
        if tok.text in self.enders:
            return True
        if tok.text == "." and i + 1 < len(doc):
            nxt = doc[i + 1].text
            return nxt[:1].isupper() or "\u0900" <= nxt[:1] <= "\u097f" or nxt[:1] in "\"'"
        return False


def dateline(doc: Doc) -> tuple[int, int] | None:
    """Token range ``(start, end)`` of the dateline (``end`` is the ':'), if any."""
    return doc.user_data.get(DATELINE_KEY)
