"""Join the pieces of a long organization name that the statistical model cuts apart.

The model often stops inside a long English name written in Devanagari: in "स्टॉकहोम
इंटरनेशनल पीस रिसर्च इंस्टीट्यूट" it marks "स्टॉकहोम इंटरनेशनल", and the head-noun rule makes
"पीस रिसर्च इंस्टीट्यूट" a second organization; in "कार्नेगी रूस यूरेशिया सेंटर" it marks a
place "कार्नेगी" and an organization "रूस यूरेशिया" and leaves the head noun out. Here a new
name (not a lexicon one) takes the head noun right after it, and new names that touch join into
one organization when the last of them ends in a head noun.

Names of people are cut too: after the Arabic article or a kinship word, which never ends a name
("अबू बकर अल" + "-बगदादी"), and after an initial ("एन." + "चंद्रबाबू नायडू"). The name takes the
word after the particle, and an initial joins the name after it; an initial alone is no name.
"""

from __future__ import annotations

import unicodedata

from spacy.tokens import Span

from kg.romanize import INITIALS

__all__ = ["join_names"]

NEW = {"model", "title", "orghead"}
_JOINABLE = {"Organization", "City", "Region"}
#: Arabic particles ("the", "son of", "father of") that stand before a name word, never last.
PARTICLES = frozenset(unicodedata.normalize("NFC", w) for w in ("अल", "बिन", "बिंत", "इब्न", "अबू"))
_INITIALS = frozenset(unicodedata.normalize("NFC", w) for w in INITIALS)


def join_names(spans: list[Span], kinds) -> list[Span]:  # noqa: ANN001
    """The spans (sorted) with cut organization names made whole.

    ``kinds`` is the pipeline's :class:`kg.nlp.spanrules.WordKinds`.
    """
    taken = {i for s in spans for i in range(s.start, s.end)}
    out: list[Span] = []
    for span in spans:
        if out and span.start < out[-1].end:
            continue  # taken by the name before it (the word after a particle)
        span = _after_particle(_with_head(span, taken, kinds))
        prev = out[-1] if out else None
        if prev is not None and _joins(prev, span, kinds):
            out[-1] = Span(span.doc, prev.start, span.end, label="Organization", span_id=span.id_)
        elif prev is not None and _initial(prev) and span.label_ == "Person" and _gap(prev, span):
            out[-1] = Span(span.doc, prev.start, span.end, label="Person", kb_id=span.kb_id_,
                           span_id=span.id_)
        else:
            if prev is not None and _initial(prev):
                out.pop()  # "एन" alone
            out.append(span)
    if out and _initial(out[-1]):
        out.pop()
    return out


def _initial(span: Span) -> bool:
    """A new person's name made of initials only (``एन``, ``एन.``)."""
    return span.label_ == "Person" and span.id_ in NEW \
        and all(t.text in _INITIALS or t.text == "." for t in span)


def _gap(prev: Span, span: Span) -> bool:
    """Nothing but a full stop between an initial and a name."""
    between = [t.text for t in span.doc[prev.end:span.start]]
    return between in ([], ["."])


def _after_particle(span: Span) -> Span:
    """A person's name that ends in a particle takes the word after it (``अल-बगदादी``), or loses it."""
    doc, end = span.doc, span.end
    if span.label_ != "Person" or span[-1].text not in PARTICLES:
        return span
    stop = end + 1 if end < len(doc) and doc[end].text == "-" else end
    if stop < len(doc) and _word(doc[stop].text) and not (stop == end and doc[stop].text in PARTICLES):
        return Span(doc, span.start, stop + 1, label="Person", kb_id=span.kb_id_, span_id=span.id_)
    if len(span) > 1:
        return Span(doc, span.start, end - 1, label="Person", kb_id=span.kb_id_, span_id=span.id_)
    return span


def _word(text: str) -> bool:
    return len(text) > 1 and all("\u0900" <= c <= "\u097f" for c in text) and text not in _FUNCTION


_FUNCTION = frozenset({"ने", "को", "से", "में", "पर", "का", "की", "के", "और", "या", "है", "हैं", "था", "थे", "भी"})


def _new(span: Span) -> bool:
    return span.id_ in NEW and not span.kb_id_ and span.label_ in _JOINABLE


def _with_head(span: Span, taken: set[int], kinds) -> Span:  # noqa: ANN001
    """A new organization or place followed by a free head noun (सेंटर) takes it: an organization."""
    doc, end = span.doc, span.end
    if not _new(span) or end >= len(doc) or end in taken or not kinds.is_head(doc[end].text):
        return span
    taken.add(end)
    return Span(doc, span.start, end + 1, label="Organization", span_id=span.id_)


def _joins(prev: Span, span: Span, kinds) -> bool:  # noqa: ANN001
    """Two touching new names, the second an organization ending in a head noun."""
    return (prev.end == span.start and _new(prev) and _new(span) and span.label_ == "Organization"
            and len(span) > 1 and kinds.is_head(span[-1].text))
