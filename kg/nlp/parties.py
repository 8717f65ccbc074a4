"""The parties of an agreement listed as taking part in it: ``समझौते में अमेरिका, जर्मनी और रूस
शामिल रहे`` -- each party signs with each other one (the list is read as a whole)."""

from __future__ import annotations

from collections.abc import Sequence
from itertools import combinations

from spacy.tokens import Doc

from kg.nlp.args import Arg
from kg.nlp.normalize import match_key
from kg.nlp.rel import RelRec, sentence_relation
from kg.nlp.state import NORMS

__all__ = ["agreement_parties"]

_AGREEMENTS = tuple(match_key(w) for w in ("समझौत", "करार", "संधि", "डील", "सौद", "बदली"))
_TAKE_PART = {match_key("शामिल")}
_SKIPPED = {"भी", "ही", "तो"}
_PARTIES = {"Country", "Organization"}


def _listed(args: Sequence[Arg], start: int) -> list[Arg]:
    """The coordinated list of bare arguments that opens at token ``start`` (or a lone one)."""
    first = next((a for a in args if a.start == start), None)
    if first is None or first.marker or first.group < 0:
        return []
    return [a for a in args if a.sent == first.sent and a.group == first.group]


def agreement_parties(doc: Doc, args: Sequence[Arg]) -> list[RelRec]:
    """``signsAgreementWith`` between every two parties of a list named after ``<agreement> में``
    and before ``शामिल`` (not negated): ``कैदी अदला-बदली समझौते में अमेरिका, नॉर्वे और रूस शामिल रहे``.

    Examples
    --------
    >>> import kg
    >>> graph = kg.build("व्यापार समझौते में भारत, जापान और फ्रांस शामिल रहे।", model=False)
    >>> sorted((r.subject.label, r.object.label) for r in graph.relations
    ...        if r.predicate == "signsAgreementWith")
    [('India', 'France'), ('India', 'Japan'), ('Japan', 'France')]
    """
    norms = doc._.get(NORMS) or [t.norm_ for t in doc]
    out: list[RelRec] = []
    for i in range(len(norms) - 2):
        if norms[i + 1] != "में" or not norms[i].startswith(_AGREEMENTS):
            continue
        listed = [a for a in _listed(args, i + 2) if a.type in _PARTIES and len(a.keys) == 1]
        if len(listed) < 2:
            continue
        j = listed[-1].end
        while j < len(norms) and norms[j] in _SKIPPED:
            j += 1
        if j >= len(norms) or norms[j] not in _TAKE_PART or "नहीं" in norms[j + 1:j + 3]:
            continue
        sent = doc[i].sent
        out += [sentence_relation(a.keys[0], "signsAgreementWith", b.keys[0], sent, 0.7, source="parties")
                for a, b in combinations(listed, 2) if a.keys[0] != b.keys[0]]
    return out
