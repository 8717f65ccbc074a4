"""Subjects that Hindi drops because the sentence or the discourse has just given them.

Within a sentence, the agent of an earlier clause stands in for a later clause's missing
subject (``रूस ने कहा कि वह ... और यूक्रेन पर हमले करेगा``). Across sentences, a sentence that opens with ``इस
दौरान`` ("meanwhile, during this"), ``इसी दौरान`` or ``(इस) यात्रा/दौरे के दौरान`` goes on
with the event of the sentence before, and an act it states with no subject of its own is
that sentence's subject's::

    मोदी दो दिन के दौरे पर जापान गए। इस दौरान किशिदा से मुलाकात में ...    Modi meets Kishida

Elsewhere a subject-less clause is left alone (reaching into the previous sentence in general
was measured on dev: a quarter of what it added was right).
"""

from __future__ import annotations

from collections.abc import Sequence

from kg.nlp.args import Arg
from kg.nlp.frames import Frame
from kg.nlp.markers import BOUNDARIES, subject_carried

__all__ = ["carried_subject", "dropped_subject", "opens_with_during", "zero_subject"]

_DURING = "दौरान"
_POINTERS = frozenset({"इस", "इसी", "उस", "उसी", "यात्रा", "दौरे", "बैठक"})  # "इस दौरान", "यात्रा के दौरान"
_OPENING = 4  # tokens at the sentence start that may hold the "दौरान" phrase
_SUBJECT_MARKERS = frozenset({"ने", ""})
_CLAUSE = 12  # words after a trigger read for a passive
_PASSIVE = frozenset({"गया", "गए", "गये", "गई", "गयी", "जाएगा", "जाएंगे", "जाएगी", "जाता", "जाते", "जाती"})


def opens_with_during(norms: Sequence[str], sent_start: int, args: Sequence[Arg]) -> bool:
    """Whether the sentence starting at ``sent_start`` opens with ``इस दौरान`` (or ``इसी``/
    ``यात्रा के``/``दौरे के दौरान``), no argument named before ``दौरान``.

    Examples
    --------
    >>> opens_with_during("इस दौरान पुतिन से मुलाकात हुई".split(), 0, [])
    True
    >>> opens_with_during("युद्ध के दौरान".split(), 0, [])
    False
    """
    for i in range(sent_start + 1, min(sent_start + _OPENING, len(norms))):
        if norms[i] == _DURING:
            head = norms[i - 2] if norms[i - 1] == "के" and i - 2 >= sent_start else norms[i - 1]
            return head in _POINTERS and not any(a.start < i for a in args if a.start >= sent_start)
    return False


def _passive(norms: Sequence[str], end: int) -> bool:
    """Whether the clause goes on after a trigger ending at ``end`` in the passive (a form of
    जाना after the verb: ``प्रतिबंध लगाए गए``, ``समझौते पर हस्ताक्षर किए गए``). A trigger noun
    in ``में`` is the clause's setting, not its object, and has an agent of its own
    (``X से मुलाकात में फैसले लिए गए``: the meeting was the visitor's).

    Examples
    --------
    >>> _passive("प्रतिबंध लगाए गए".split(), 1)
    True
    >>> _passive("मुलाकात में फैसले लिए गए".split(), 1)
    False
    """
    if end < len(norms) and norms[end] == "में":
        return False
    for norm in norms[end:end + _CLAUSE]:
        if norm in BOUNDARIES or norm in {".", "?", "!"}:
            return False
        if norm in _PASSIVE:
            return True
    return False


def carried_subject(previous: Sequence[Arg], subj_types: frozenset[str]) -> list[Arg]:
    """The subject of the sentence before (its arguments ``previous``, markers assigned): the
    first ``X ने``, else a bare X opening that sentence, as a ``zero`` argument; ``[]`` if none.

    Examples
    --------
    >>> modi = Arg(0, 1, ("modi",), "Person", "name", 0, "")
    >>> japan = Arg(5, 6, ("japan",), "Country", "name", 0, "")
    >>> [a.keys for a in carried_subject([modi, japan], frozenset({"Person"}))]
    [('modi',)]
    """
    candidates = [a for a in previous if not a.extra.get("anchor") and a.kind not in {"event", "group"}]
    agent = next((a for a in candidates if a.marker == "ने"), None)
    if agent is None and candidates and candidates[0].marker in _SUBJECT_MARKERS:
        agent = candidates[0]
    if agent is None or agent.type not in subj_types or len(agent.keys) != 1:
        return []
    return [Arg(agent.start, agent.end, agent.keys, agent.type, "zero", agent.sent)]


def zero_subject(norms: Sequence[str], args: Sequence[Arg], frame: Frame, left: Sequence[Arg],
                 objects: Sequence[Arg], start: int) -> list[Arg]:
    """The agent of an earlier clause of the sentence (marked ने, or bare at the sentence start)
    for a trigger at ``start`` whose own clause (``left``) names no subject: ``रूस ने कहा कि वह
    ... और यूक्रेन पर हमले करेगा``. ``args`` are the sentence's arguments."""
    earlier = [a for a in args if a.end <= start and a not in left and a not in objects]
    agent = next((a for a in earlier if a.type in frame.subj_types and not a.extra.get("anchor")
                  and (a.marker == "ने" or (a.marker == "" and a is earlier[0]))), None)
    if agent is None or any(agent.keys == o.keys for o in objects):
        return []
    if not subject_carried(norms, agent.end, start):
        return []
    return [Arg(agent.start, agent.end, agent.keys, agent.type, "zero", agent.sent)]


def dropped_subject(norms: Sequence[str], span: tuple[int, int, int], args: Sequence[Arg],
                    previous: Sequence[Arg], frame: Frame,
                    clause: tuple[Sequence[Arg], Sequence[Arg]]) -> list[Arg]:
    """The subject of a trigger whose clause names none: an earlier clause's agent (not for
    symmetric predicates), else the previous sentence's subject after ``इस दौरान`` when no
    ``ने`` stands before the trigger (an ergative subject that is no known entity) and the
    trigger is not told in the passive (see :func:`_passive`).

    Parameters
    ----------
    norms : sequence of str
        The document's token norms.
    span : (int, int, int)
        The sentence's first token and the trigger's tokens ``[start, end)``.
    args, previous : sequence of Arg
        The arguments of the sentence and of the sentence before (markers assigned).
    frame : Frame
        The trigger's frame.
    clause : (sequence of Arg, sequence of Arg)
        The arguments of the trigger's clause and the objects found there.

    Returns
    -------
    list of Arg
        The stand-in subject (``zero`` kind), or ``[]``.
    """
    (sent_start, start, end), (left, objects) = span, clause
    if not frame.symmetric and (found := zero_subject(norms, args, frame, left, objects, start)):
        return found
    if not opens_with_during(norms, sent_start, args) or "ने" in norms[sent_start:start]:
        return []  # "इस दौरान अधिकारियों ने ...": a subject kg does not know is still a subject
    if _passive(norms, end):
        return []  # "इस दौरान रूस पर प्रतिबंध लगाए गए": a passive's agent is not said
    return [a for a in carried_subject(previous, frame.subj_types) if all(a.keys != o.keys for o in objects)]
