"""Subjects fixed by the grammar of the phrase around a trigger, before the usual search.

- ``X की Y यात्रा``: the genitive is the visitor (:func:`kg.nlp.possessor.noun_possessor`);
- ``रूस की निंदा करने वाले प्रस्ताव``: a participial relative clause (``V-ने वाले N``)
  states the act of the noun after ``वाले``, not of the clause's subject.
"""

from __future__ import annotations

from collections.abc import Sequence

from spacy.tokens import Doc, Span

from kg.nlp.args import Arg
from kg.nlp.frames import Frame
from kg.nlp.possessor import noun_possessor

__all__ = ["relative_head", "bound_subjects", "recent"]

_VAALE = {"वाले", "वाली", "वाला", "वालों"}
_COPULA = {"है", "हैं", "था", "थे", "थी", "हो", "होंगे"}  # "मिलने वाले हैं": about to, not a relative


def relative_head(norms: Sequence[str], end: int, sent_end: int, args: Sequence[Arg]) -> list[Arg] | None:
    """The noun a ``V-ने वाले`` participle after the trigger describes.

    Returns None when no such participle follows the trigger ``[.., end)``; else the
    argument right after ``वाले`` (its head), or ``[]`` when the head is no named argument.

    Examples
    --------
    >>> words = "वह रूस की निंदा करने वाले प्रस्तावों से दूर रहा".split()
    >>> relative_head(words, 4, len(words), [])
    []
    >>> words = "मोदी पुतिन से मिलने वाले हैं".split()
    >>> relative_head(words, 4, len(words), []) is None
    True
    """
    for i in range(end, min(end + 2, sent_end)):
        if norms[i] in _VAALE and i > 0 and norms[i - 1].endswith("ने"):
            if i + 1 < sent_end and norms[i + 1] in _COPULA:
                return None
            head = next((a for a in args if i < a.start <= i + 2), None)
            return [head] if head is not None else []
        if not norms[i].endswith("ने"):
            return None
    return None


def bound_subjects(frame: Frame, norms: Sequence[str], left: Sequence[Arg], objects: Sequence[Arg],
                   end: int, sent_end: int, args: Sequence[Arg]) -> list[Arg] | None:
    """Subjects the phrase fixes (possibly none named), or None to search as usual."""
    head = relative_head(norms, end, sent_end, args)
    if head is not None:
        return [a for a in head if a.type in frame.subj_types and a not in objects]
    return noun_possessor(frame, norms, left, objects)


def recent(doc: Doc, sent: Span, where: int) -> bool:
    """Whether an event stated in the sentence starting at token ``where`` is near enough for a
    bare ``इसे`` / ``इस पर`` in ``sent``: the same sentence or the one before. (A bare "this"
    further on names a deed the article said in between, rarely an event read earlier.)"""
    previous = doc[sent.start - 1].sent.start if sent.start > 0 else sent.start
    return where >= previous
