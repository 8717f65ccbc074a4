"""Join the pieces of a long organization name that the statistical model cuts apart.

The model often stops inside a long English name written in Devanagari: in "स्टॉकहोम
इंटरनेशनल पीस रिसर्च इंस्टीट्यूट" it marks "स्टॉकहोम इंटरनेशनल", and the head-noun rule makes
"पीस रिसर्च इंस्टीट्यूट" a second organization; in "कार्नेगी रूस यूरेशिया सेंटर" it marks a
place "कार्नेगी" and an organization "रूस यूरेशिया" and leaves the head noun out. Here a new
name (not a lexicon one) takes the head noun right after it, and new names that touch join into
one organization when the last of them ends in a head noun.
"""

from __future__ import annotations

from spacy.tokens import Span

__all__ = ["join_names"]

NEW = {"model", "title", "orghead"}
_JOINABLE = {"Organization", "City", "Region"}


def join_names(spans: list[Span], kinds) -> list[Span]:  # noqa: ANN001
    """The spans (sorted) with cut organization names made whole.

    ``kinds`` is the pipeline's :class:`kg.nlp.spanrules.WordKinds`.
    """
    taken = {i for s in spans for i in range(s.start, s.end)}
    out: list[Span] = []
    for span in spans:
        span = _with_head(span, taken, kinds)
        prev = out[-1] if out else None
        if prev is not None and _joins(prev, span, kinds):
            out[-1] = Span(span.doc, prev.start, span.end, label="Organization", span_id=span.id_)
            continue
        out.append(span)
    return out


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
