"""Who belongs to what, read from a noun phrase (called by :mod:`kg.nlp.structural` and
:mod:`kg.nlp.relations`):

- ``अमेरिका समेत नाटो देशों``, ``नाटो के सदस्य देश पोलैंड`` → ``memberOf``;
- ``अल-कायदा से जुड़े संगठन X`` → ``affiliatedWith``;
- ``चीनी विदेश मंत्रालय के प्रवक्ता X`` → affiliated with China too (the organ's state);
- ``क्रेमलिन के प्रवक्ता X`` → affiliated with the Kremlin too (the seat, not only Russia).
"""

from __future__ import annotations

from collections.abc import Sequence

from spacy.tokens import Doc, Span

from kg.nlp.args import Arg, TitleLink
from kg.nlp.lexicon import LexEntry, Lexicon, slugify
from kg.nlp.normalize import match_key
from kg.nlp.rel import RelRec, replace, sentence_relation
from kg.nlp.state import NORMS

__all__ = ["membership_phrase", "organ_staff", "seat_staff"]


_rec = sentence_relation


_COUNTRIES = frozenset(match_key(w) for w in "देश देशों राष्ट्र राष्ट्रों".split())
_INCLUDING = frozenset(match_key(w) for w in "समेत सहित".split())
_MEMBER = frozenset(match_key(w) for w in "सदस्य सदस्यों".split())
_TIED = frozenset(match_key(w) for w in "जुड़ा जुड़े जुड़ी".split())  # "अल-कायदा से जुड़े संगठन X"
_BODY_NOUNS = frozenset(match_key(w) for w in """संगठन संगठनों समूह गुट गुटों संस्था आतंकी आतंकवादी
उग्रवादी चरमपंथी विद्रोही नेता अधिकारी एजेंट जासूस""".split())
_MEMBER_WORDS = _COUNTRIES | frozenset(match_key(w) for w in "नए नया स्थायी संस्थापक प्रमुख बड़े अहम".split())


def membership_phrase(norms: Sequence[str], args: Sequence[Arg], a: Arg, b: Arg, gap: Sequence[str],
                      sent: Span) -> list[RelRec]:
    """Membership stated between neighbouring arguments ``a`` and ``b`` (``gap``: the words
    between them after ``a``'s marker):

    - ``अमेरिका समेत नाटो देशों`` / ``X सहित पश्चिमी देशों``: X is one of the bloc's countries
      (``memberOf`` an organization, ``partOf`` a region such as the West);
    - ``नाटो के सदस्य देश पोलैंड``: the member named in apposition after the bloc's genitive;
    - ``अल-कायदा से जुड़े संगठन X``: X tied to the organization.
    """
    after = norms[b.end] if b.end < len(norms) else ""
    if (a.type == "Country" and list(gap) in ([w] for w in _INCLUDING)
            and (after in _COUNTRIES or norms[b.end - 1] in _COUNTRIES)):
        predicate = {"Organization": "memberOf", "Region": "partOf"}.get(b.type)
        members = [m for m in args if a.group >= 0 and m.group == a.group and m.sent == a.sent
                   and m.type == "Country" and len(m.keys) == 1] or [a]
        return [_rec(m.keys[0], predicate, b.keys[0], sent, 0.7, source="phrase") for m in members
                if predicate and m.keys[0] != b.keys[0]]
    if (a.type == "Organization" and a.marker == "से" and b.type in {"Person", "Organization"} and gap
            and gap[0] in _TIED and len(gap) <= 3 and all(w in _BODY_NOUNS for w in gap[1:])):
        return [_rec(b.keys[0], "affiliatedWith", a.keys[0], sent, 0.7, source="phrase")]
    if (a.type == "Organization" and a.marker in {"के", "की", "का"} and b.type in {"Country", "Organization"}
            and any(w in _MEMBER for w in gap) and all(w in _MEMBER | _MEMBER_WORDS for w in gap)):
        return [_rec(b.keys[0], "memberOf", a.keys[0], sent, 0.75, source="phrase")]
    return []


def organ_staff(relations: Sequence[RelRec]) -> list[RelRec]:
    """``चीनी विदेश मंत्रालय के प्रवक्ता X``: whoever holds a title in a state's organ is affiliated
    with the state too (the organ is ``partOf`` it), with the same role."""
    states = {r.subject: r.object for r in relations
              if r.predicate == "partOf" and r.source in {"organ", "located"}}
    known = {(r.subject, r.object) for r in relations}
    out = []
    for rel in relations:
        state = states.get(rel.object) if rel.source == "title" else None
        if state and rel.predicate in {"affiliatedWith", "leads"} and (rel.subject, state) not in known:
            known.add((rel.subject, state))
            out.append(replace(rel, predicate="affiliatedWith", object=state, source="organ-title",
                               confidence=round(rel.confidence * 0.9, 3)))
    return out


def seat_staff(doc: Doc, titles: Sequence[TitleLink], lexicon: Lexicon) -> list[tuple[RelRec, LexEntry]]:
    """``क्रेमलिन के प्रवक्ता X``: a title held in a seat of power read as its state (the Kremlin
    stands for Russia) is held in the seat itself too: X ``affiliatedWith`` the Kremlin.

    Returns the relations with the seat's entity (not in the lexicon: the caller adds it).
    """
    out = []
    norms = doc._.get(NORMS) or [t.norm_ for t in doc]
    for link in titles:
        if link.anchor_type != "Country" or not link.anchor or not link.role:
            continue
        n = next((n for n in (3, 2, 1) if " ".join(norms[link.start:link.start + n]) in lexicon.seats), 0)
        if not n:
            continue
        label = lexicon.seats[" ".join(norms[link.start:link.start + n])]
        state = lexicon.entries.get(link.anchor)
        seat = LexEntry(slugify(label), label, doc[link.start:link.start + n].text, "Organization",
                        country=state.country if state else None)
        predicate = "leads" if link.leader else "affiliatedWith"
        rec = _rec(link.person, predicate, seat.key, doc[link.start].sent, 0.8, link.role, source="seat")
        out.append((rec, seat))
    return out
