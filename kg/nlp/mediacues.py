"""New names of news media, cued by the words around them.

News cites its sources in a few fixed ways: a medium noun in apposition before the name
(``जर्मन अखबार हैंडेल्सब्लैट``, ``यूक्रेनी मीडिया इंटरफैक्स``, ``समाचार एजेंसी X``) and the
genitive of a report after it (``पॉलिटिको की रिपोर्ट के अनुसार``, ``जकार्ता पोस्ट की एक रिपोर्ट``).
The name is a run of up to four words that are no Hindi function or common words; it needs a
word no dictionary lists (``पॉलिटिको``) or, of two words or more, a media head at its end
(``संडे मॉर्निंग हेराल्ड``). A place just before a media head is part of the name (``जकार्ता
पोस्ट`` is a newspaper, not Indonesia). :class:`kg.nlp.entities.NamePatterns` adds the spans as
new organization names (kind ``title``): a cued span wins over the statistical model's reading
inside it (``इंटरफैक्स`` read as a person).
"""

from __future__ import annotations

from spacy.tokens import Doc, Span

from kg.nlp.normalize import match_key
from kg.nlp.plausible import dictionary_pos
from kg.nlp.state import NORMS

__all__ = ["MEDIA_NOUNS", "REPORT_NOUNS", "media_names"]

MAX_WORDS = 4
MEDIA_NOUNS: tuple[tuple[str, ...], ...] = tuple(
    tuple(match_key(w) for w in cue.split())
    for cue in ("अखबार", "अख़बार", "समाचार पत्र", "समाचारपत्र", "पत्रिका", "मीडिया", "ब्रॉडकास्टर",
                "समाचार एजेंसी", "न्यूज एजेंसी", "न्यूज़ एजेंसी", "मीडिया संस्थान")
)
REPORT_NOUNS = frozenset(match_key(w) for w in ("रिपोर्ट", "रिपोर्टों"))
_GENITIVE = frozenset(match_key(w) for w in ("की", "के"))
_ARTICLE = match_key("एक")
_WORD_KINDS = frozenset({"name", "plain", "english"})
_PLACES = frozenset({"City", "Country", "Region"})


def media_names(doc: Doc, spans: list[Span], taken: set[int], kinds) -> list[Span]:  # noqa: ANN001
    """Organization spans of media names after a medium noun or before ``की रिपोर्ट``.

    ``spans`` are the names found so far (a place there can open a name before a media head),
    ``taken`` their tokens; ``kinds`` is the pipeline's :class:`kg.nlp.spanrules.WordKinds`.
    """
    norms = doc._.get(NORMS) or [t.norm_ for t in doc]
    out: list[Span] = []
    for _start, end in _cued_runs(norms):
        stop = end
        while stop < len(doc) and stop - end < MAX_WORDS and _run_word(doc, stop, taken, kinds):
            stop += 1
        if _is_name(doc, end, stop, kinds):
            out.append(Span(doc, end, stop, label="Organization", span_id="title"))
    for i in _report_genitives(norms):
        left = i
        while left > 0 and i - left < MAX_WORDS and _run_word(doc, left - 1, taken, kinds):
            left -= 1
        left = _with_place(doc, spans, left, i, kinds)
        if _is_name(doc, left, i, kinds):
            out.append(Span(doc, left, i, label="Organization", span_id="title"))
    return _disjoint(out)


def _cued_runs(norms: list[str]) -> list[tuple[int, int]]:
    """(start, end) of each medium noun; the longest cue wins at a position."""
    found = []
    for i in range(len(norms)):
        ends = [i + len(cue) for cue in MEDIA_NOUNS if tuple(norms[i:i + len(cue)]) == cue]
        if ends:
            found.append((i, max(ends)))
    return found


def _report_genitives(norms: list[str]) -> list[int]:
    """The index of each ``की``/``के`` before ``(एक) रिपोर्ट``."""
    out = []
    for i, norm in enumerate(norms):
        if norm not in _GENITIVE or i == 0:
            continue
        nxt = i + 2 if i + 1 < len(norms) and norms[i + 1] == _ARTICLE else i + 1
        if nxt < len(norms) and norms[nxt] in REPORT_NOUNS:
            out.append(i)
    return out


def _run_word(doc: Doc, i: int, taken: set[int], kinds) -> bool:  # noqa: ANN001
    """A word that can be part of a media name: no function, common Hindi word or title."""
    if i in taken or not doc[i].text[:1].isalpha():
        return False
    return kinds(doc[i].text) in _WORD_KINDS or kinds.is_head(doc[i].text)


def _new_word(text: str, kinds) -> bool:  # noqa: ANN001
    """A word neither the dictionary nor the English word lists know (पॉलिटिको, इंटरफैक्स)."""
    kind = kinds(text)
    if kind == "name":
        return True
    return kind == "plain" and dictionary_pos(text) is None and not kinds.english_noun(text)


def _is_name(doc: Doc, start: int, end: int, kinds) -> bool:  # noqa: ANN001
    if end <= start:
        return False
    words = [t.text for t in doc[start:end]]
    if kinds.is_head(words[-1]) and len(words) > 1:
        return True
    return any(_new_word(w, kinds) for w in words) and not kinds.is_head(words[0])


def _with_place(doc: Doc, spans: list[Span], left: int, end: int, kinds) -> int:  # noqa: ANN001
    """Open the name at a place just before it when the name ends in a media head (जकार्ता पोस्ट)."""
    if end <= left or not kinds.is_head(doc[end - 1].text):
        return left
    for span in spans:
        if span.end == left and span.label_ in _PLACES and span.id_ in {"name", "metonym"}:
            return span.start
    return left


def _disjoint(spans: list[Span]) -> list[Span]:
    """The spans in document order, each once, none overlapping an earlier one."""
    out: list[Span] = []
    used: set[int] = set()
    for span in sorted(spans, key=lambda s: (s.start, -len(s))):
        if not used.intersection(range(span.start, span.end)):
            out.append(span)
            used.update(range(span.start, span.end))
    return out
