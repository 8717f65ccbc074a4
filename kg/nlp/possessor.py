"""The genitive possessor of a noun trigger: ``X की Y यात्रा`` is X's visit to Y.

A verbal noun takes its subject as a genitive right before its object: in ``चीन ने पेलोसी की
ताइपे यात्रा के बाद अभ्यास किया`` Pelosi visits Taipei, China only holds exercises. The ``ने``
agent of the clause is the subject of its own verb, not of the noun.
"""

from __future__ import annotations

from collections.abc import Sequence

from kg.nlp.args import Arg
from kg.nlp.frames import GEN, PLACES, Frame

__all__ = ["meeting_owner", "noun_possessor"]


def noun_possessor(frame: Frame, norms: Sequence[str], left: Sequence[Arg],
                   objects: Sequence[Arg]) -> list[Arg] | None:
    """The subject of a noun trigger read from the genitive before its object.

    Returns
    -------
    list of Arg or None
        None when no genitive stands right before the object (the usual rules apply);
        the possessor (and its list) when it is an argument; ``[]`` when the possessor is
        no named argument (``उनकी``, ``अमेरिकी स्पीकर की``): then no one named visits.

    Examples
    --------
    >>> from kg.nlp.frames import FRAMES
    >>> visit = next(f for f in FRAMES if f.trigger.startswith("यात्रा"))
    >>> words = "चीन ने पेलोसी की ताइपे यात्रा के बाद".split()
    >>> china = Arg(0, 1, ("china",), "Country", "name", marker="ने")
    >>> pelosi = Arg(2, 3, ("pelosi",), "Person", "name", marker="की")
    >>> taipei = Arg(4, 5, ("taipei",), "City", "name", marker="")
    >>> [a.keys for a in noun_possessor(visit, words, [china, pelosi], [taipei])]
    [('pelosi',)]
    >>> noun_possessor(visit, words, [china], [taipei])
    []
    """
    if not objects or frame.event != "visit" or not frame.subj >= GEN:
        return None
    first = min(o.start for o in objects)
    if first == 0 or norms[first - 1] not in GEN:
        return None
    owner = next((a for a in left if a.end == first - 1 and a not in objects), None)
    if owner is None:
        return []
    if owner.type in PLACES - {"Country"} or owner.type not in frame.subj_types:
        return None  # "यूक्रेन के कीव की यात्रा": the genitive places the object
    if owner.type == "Country" and any(o.type != "Country" for o in objects):
        return None
    if owner.group >= 0:
        return [a for a in left if a.group == owner.group and a.type in frame.subj_types]
    return [owner]


def meeting_owner(frame: Frame, left: Sequence[Arg], objects: Sequence[Arg]) -> list[Arg] | None:
    """The genitive that owns a meeting noun: ``मोदी की पुतिन से मुलाकात``, also across a place
    or a title's body before the other side (``मोदी की मास्को में पुतिन से``, ``मोदी की यूक्रेन
    के राष्ट्रपति ज़ेलेंस्की से``). None when no genitive stands there (the usual rules apply).

    Examples
    --------
    >>> from kg.nlp.frames import FRAMES
    >>> meet = next(f for f in FRAMES if f.trigger.startswith("मुलाकात"))
    >>> modi = Arg(0, 1, ("modi",), "Person", "name", marker="की")
    >>> moscow = Arg(2, 3, ("moscow",), "City", "name", marker="में")
    >>> putin = Arg(4, 5, ("putin",), "Person", "name", marker="से")
    >>> [a.keys for a in meeting_owner(meet, [modi, moscow, putin], [putin])]
    [('modi',)]
    >>> russia = Arg(0, 1, ("russia",), "Country", "name", marker="की")  # रूस की यात्रा में पुतिन से
    >>> meeting_owner(meet, [russia, putin], [putin]) is None
    True
    """
    if frame.predicate != "meets" or not frame.symmetric or not objects:
        return None
    first = min(o.start for o in objects)
    before = [a for a in left if a.end <= first and a not in objects]
    covered: set[int] = set()
    for arg in reversed(before):
        if arg.marker in GEN and not arg.extra.get("anchor"):
            rest = [i for i in range(arg.end + 1, first) if i not in covered]
            if len(rest) > 1 or (rest and rest[0] != first - 1) or arg.type not in frame.subj_types:
                return None  # "रूस की यात्रा में पुतिन से": the genitive owns another noun
            return [arg]
        if arg.marker != "में" and not arg.extra.get("anchor"):
            return None
        covered.update(range(arg.start, arg.end + len(arg.marker.split())))
    return None
