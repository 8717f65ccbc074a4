"""Relations stated by the shape of a noun phrase, not by a verb.

- ``रूसी राष्ट्रपति व्लादिमीर पुतिन`` → ``leads`` (role President);
  ``ISEAS ... संस्थान के विश्लेषक गुयेन खाक गियांग`` → ``affiliatedWith``;
- ``अमेरिकी दूतावास`` → ``partOf`` the United States;
- ``हेग में अंतर्राष्ट्रीय आपराधिक न्यायालय`` → ``locatedIn``;
- a relation between leaders in :data:`~kg.nlp.frames.DERIVE_STATE` → the same
  relation between their states, flagged ``derived``.
"""

from __future__ import annotations

import bisect
import datetime as dt
from collections.abc import Sequence

from spacy.tokens import Doc, Span

from kg.nlp.allies import ally_gap, ally_predicates, drop_ally_nouns
from kg.nlp.args import Arg, TitleLink
from kg.nlp.frames import DERIVE_STATE, FRAMES, PLACES
from kg.nlp.lexicon import Lexicon, is_leader_role
from kg.nlp.markers import BOUNDARIES
from kg.nlp.membership import membership_phrase
from kg.nlp.normalize import match_key
from kg.nlp.rel import RelRec, replace, sentence_relation
from kg.nlp.roles import Roles
from kg.nlp.state import NORMS
from kg.nlp.triggers import hit, parse_trigger

__all__ = [
    "title_relations", "organ_relations", "located_relations", "media_places",
    "derived_relations", "apposition_places", "capital_places", "phrase_relations",
    "exchange_relations", "CITIZEN_ROLES",
]

CITIZEN_ROLES = ("journalist", "citizen", "national", "writer", "activist", "businessman",
                 "student", "tourist", "scientist", "player", "author", "industrialist", "actor",
                 "actress", "singer", "artist")
HEAD_OF_STATE = ("president", "prime minister", "king", "queen", "chancellor", "emir", "premier")
_GEN = {"के", "की", "का"}


_rec = sentence_relation


def title_relations(doc: Doc, titles: Sequence[TitleLink], args: Sequence[Arg], roles: Roles | None = None,
                    when: dt.date | None = None) -> list[RelRec]:
    """``leads`` / ``affiliatedWith`` / ``citizenOf`` from title links.

    A title with no body in the phrase (``प्रधानमंत्री नरेंद्र मोदी``) takes the body in which
    the person held that office (``roles``, at ``when`` if known); for people the tables do
    not know, a head-of-state title takes the nearest country of its clause.
    """
    out = []
    starts = [a.start for a in args]
    for link in titles:
        sent = doc[link.start].sent
        anchor, conf, anchor_type = link.anchor, 0.85, link.anchor_type
        current = not link.role.lower().startswith("former")  # "पूर्व प्रधानमंत्री": no longer leads
        term = roles.held(link.person, link.role, when) if roles and anchor is None and current else None
        if term is not None:
            anchor, anchor_type = term.body, None
        elif anchor is None and link.leader and link.role.lower().startswith(HEAD_OF_STATE):
            anchor, conf = _nearest_country(sent, args, starts, link.start), 0.6
        if anchor is None or anchor == link.person:
            continue
        role = link.role
        if role.lower() == "leader" and anchor_type == "Organization":
            predicate, role = "memberOf", None  # "कांग्रेस नेता राहुल गांधी": a leader in the party
        elif link.leader:
            predicate = "leads"
        elif role.lower().endswith(CITIZEN_ROLES) and anchor_type == "Country":
            predicate, role = "citizenOf", None
        else:
            predicate = "affiliatedWith"
        out.append(_rec(link.person, predicate, anchor, sent, conf, role, source="title"))
    return out


def _nearest_country(sent: Span, args: Sequence[Arg], starts: list[int], before: int) -> str | None:
    """``वियतनाम के सबसे शक्तिशाली राजनेता, ..., नए राष्ट्रपति टो लैम``: the country of an apposition.

    Only within one clause: a relative word or conjunction in between ends the search.
    """
    k = bisect.bisect_right(starts, before)
    for arg in reversed(args[:k]):
        if arg.start < sent.start:
            break
        if arg.end <= before and arg.type == "Country" and arg.marker in _GEN and len(arg.keys) == 1:
            between = {t.text for t in sent.doc[arg.end:before]}
            return None if between & BOUNDARIES else arg.keys[0]
    return None


def organ_relations(doc: Doc, args: Sequence[Arg], organs: dict[str, str], lexicon: Lexicon,
                    demonyms: dict[str, str]) -> list[RelRec]:
    """``partOf``: a state organ belongs to its state.

    Organs found by rule (``अमेरिकी दूतावास``), and known bodies whose name opens with a
    demonym and ends with a state-body noun (``अमेरिकी विदेश विभाग``).
    """
    seen: set[str] = set()
    out = []
    for arg in args:
        key = arg.keys[0]
        state = organs.get(key) if arg.kind == "organ" else None
        first, head = doc[arg.start].norm_, lexicon.org_heads.get(doc[arg.end - 1].norm_, "")
        if state is None and arg.type == "Organization" and first in demonyms:
            state = demonyms[first] if head.lower().startswith(STATE_BODIES) else None
        if state and key not in seen:
            seen.add(key)
            out.append(_rec(key, "partOf", state, doc[arg.start].sent, 0.9, source="organ"))
    return out


STATE_BODIES = ("ministry", "department", "army", "navy", "air force", "embassy", "consulate",
                "high commission", "police", "parliament", "government", "commission", "agency",
                "directorate", "bureau")


def own_marker(doc: Doc, arg: Arg) -> bool:
    """Whether ``arg``'s marker stands right after it, not shared from the end of a list.

    In ``उत्तरी अमेरिका और यूरोप के 12 सदस्य`` both places carry ``के``, but only Europe's is
    its own: North America is not a place right before Europe.

    Examples
    --------
    >>> from spacy.lang.hi import Hindi
    >>> doc = Doc(Hindi().vocab, words="रूस और चीन के नेता".split())
    >>> for token in doc:
    ...     token.norm_ = token.text
    >>> own_marker(doc, Arg(0, 1, ("russia",), "Country", "name", marker="के"))
    False
    >>> own_marker(doc, Arg(2, 3, ("china",), "Country", "name", marker="के"))
    True
    """
    words = arg.marker.split()
    return [t.norm_ for t in doc[arg.end:arg.end + len(words)]] == words


def located_relations(doc: Doc, args: Sequence[Arg], lexicon: Lexicon) -> list[RelRec]:
    """``locatedIn`` for a place in ``में`` / ``के`` / ``स्थित`` right before an organization.

    ``partOf`` instead when a country's genitive precedes a state body (``चीन के विदेश मंत्रालय``);
    also a medium's country before the medium noun (:func:`media_places`).
    """
    out = []
    for place, org in zip(args, args[1:], strict=False):
        if place.type not in PLACES or org.type != "Organization" or len(place.keys) != 1:
            continue
        if place.marker not in {"में", "के", "की", "का"} or place.sent != org.sent:
            continue
        if not own_marker(doc, place) or (place.marker == "का" and org.marker):
            continue  # "उत्तरी अमेरिका और यूरोप के": shared; "मास्को का ब्रिक्स को": का heads no oblique noun
        gap = org.start - place.end - len(place.marker.split())
        if gap == 0 or (gap == 1 and doc[org.start - 1].text in {"स्थित", "स्थापित"}):
            head = lexicon.org_heads.get(doc[org.end - 1].norm_, "")
            body = place.type == "Country" and place.marker != "में" and head.lower().startswith(STATE_BODIES)
            if place.marker == "में" and _is_army(org.keys[0], head, lexicon):
                continue  # "कुर्स्क में यूक्रेनी सेना": where an army fights, not where it is based
            if _event_after(doc, org):
                continue  # "X में तालिबान के हमले", "X के नाटो में शामिल होने": the place is the act's
            out.append(_rec(org.keys[0], "partOf" if body else "locatedIn", place.keys[0],
                            doc[org.start].sent, 0.8, source="located"))
    return out + media_places(doc, args)


# Nouns of an attack, the attack frame's own triggers: "अफगानिस्तान में तालिबान के हमले" places the
# attack. (Not meetings: the gold counts "भारत में जी20 शिखर सम्मेलन" as the body's place.)
_ACT_NOUNS = parse_trigger(next(f.trigger for f in FRAMES if f.predicate == "attacks"))[0]


def _event_after(doc: Doc, org: Arg) -> bool:
    """Whether ``org`` is the genitive of an act (``तालिबान के हमले``, ``X (ACR) के हमले``) or joins
    something (``यूक्रेन के नाटो में शामिल होने``): a place before it then belongs to the act."""
    norms = doc._.get(NORMS) or [t.norm_ for t in doc]
    k = org.end
    if k < len(norms) and norms[k] == "(" and ")" in norms[k:k + 4]:
        k = norms.index(")", k) + 1  # "X (ACR) के": the acronym in brackets
    if k < len(norms) and norms[k] in _GEN:
        k += 1
    if k < len(norms) and hit(norms[k], _ACT_NOUNS):
        return True
    return norms[k:k + 2] == ["में", "शामिल"]


def _is_army(key: str, head: str, lexicon: Lexicon) -> bool:
    """An armed force: by its lexicon kind, or by its head noun (``माली की सेना``)."""
    if entry := lexicon.entries.get(key):
        return entry.kind == "army"
    return head.lower().startswith(("army", "navy", "air force"))


def capital_places(doc: Doc, args: Sequence[Arg], lexicon: Lexicon, named: set[str]) -> list[RelRec]:
    """``राजधानी कीव``: a city called the capital lies in its country (the lexicon's), when the
    article names that country (``named``: the document's entity keys). ``X की राजधानी Y`` is
    :func:`apposition_places`'."""
    out = []
    norms = doc._.get(NORMS) or [t.norm_ for t in doc]
    for arg in args:
        if arg.type != "City" or len(arg.keys) != 1 or arg.start == 0 or norms[arg.start - 1] != "राजधानी":
            continue
        if arg.start > 1 and norms[arg.start - 2] in _GEN:
            continue  # "यूक्रेन की राजधानी कीव": the genitive says whose
        entry = lexicon.entries.get(arg.keys[0])
        country = lexicon.country(entry.country if entry else None)
        if country and country.key in named and country.key != arg.keys[0]:
            sent = doc[arg.start].sent
            out.append(_rec(arg.keys[0], "locatedIn", country.key, sent, 0.75, source="capital"))
    return out


# The nouns of a news medium between its country and its name: "रूस की न्यूज एजेंसी RIA"
_MEDIUM_WORDS = frozenset(match_key(w) for w in """अखबार अख़बार समाचार पत्र समाचारपत्र पत्रिका मीडिया
न्यूज न्यूज़ एजेंसी ब्रॉडकास्टर संस्थान टीवी चैनल रेडियो प्रसारक""".split())
# adjectives of a medium before its noun; a state's own ("सरकारी न्यूज ब्रॉडकास्टर") is partOf it
_MEDIUM_ADJ = frozenset(match_key(w) for w in "स्वतंत्र निजी प्रमुख सबसे बड़े बड़ा".split())
_STATE_ADJ = frozenset(match_key(w) for w in "सरकारी राज्य सरकार-नियंत्रित".split())


def media_places(doc: Doc, args: Sequence[Arg]) -> list[RelRec]:
    """``locatedIn`` for a medium named after its country and a medium noun: ``जर्मन अखबार X``
    (a demonym), ``रूस की न्यूज एजेंसी X`` (a genitive); ``partOf`` for the state's own medium
    (``रूस के सरकारी न्यूज ब्रॉडकास्टर X``)."""
    out = []
    norms = doc._.get(NORMS) or [t.norm_ for t in doc]
    for place, org in zip(args, args[1:], strict=False):
        if place.type != "Country" or org.type != "Organization" or place.sent != org.sent:
            continue
        if place.marker not in {"", "के", "की", "का"} or len(place.keys) != 1:
            continue
        between = norms[place.end + len(place.marker.split()):org.start]
        if (any(w in _MEDIUM_WORDS for w in between)
                and all(w in _MEDIUM_WORDS | _MEDIUM_ADJ | _STATE_ADJ for w in between)):
            predicate = "partOf" if _STATE_ADJ & set(between) else "locatedIn"
            sent = doc[org.start].sent
            out.append(_rec(org.keys[0], predicate, place.keys[0], sent, 0.8, source="located"))
    return out


# Words that may stand between a country and a place of it: "यूक्रेन के दूसरे सबसे बड़े शहर खारकीव"
_PLACE_WORDS = frozenset(match_key(w) for w in """शहर शहरों राजधानी प्रांत प्रांतों क्षेत्र इलाके इलाका राज्य
दूसरे दूसरा तीसरे सबसे बड़े बड़ा प्रमुख पूर्वी पश्चिमी उत्तरी दक्षिणी बंदरगाह सीमावर्ती औद्योगिक ऐतिहासिक""".split())


def apposition_places(doc: Doc, args: Sequence[Arg]) -> list[RelRec]:
    """``locatedIn`` for a place named right after a genitive country or region:
    ``जापान के हिरोशिमा``, ``यूक्रेन के दूसरे सबसे बड़े शहर खारकीव``."""
    out = []
    norms = doc._.get(NORMS) or [t.norm_ for t in doc]  # the lexicon keys, read once (kg_lexicon)
    for place, inner in zip(args, args[1:], strict=False):
        if place.type not in {"Country", "Region"} or inner.type not in {"City", "Region"}:
            continue
        if place.sent != inner.sent:
            continue
        if place.marker not in {"के", "की", "का"} or len(place.keys) != 1 or len(inner.keys) != 1:
            continue
        if not own_marker(doc, place):
            continue  # "उत्तरी अमेरिका और यूरोप के": the list shares the genitive, Europe is no part of it
        between = norms[place.end + 1:inner.start]
        if place.keys[0] == inner.keys[0] or not all(w in _PLACE_WORDS or w.isdigit() for w in between):
            continue
        # "रूस के कजान और येकातेरिनबर्ग": every place coordinated with the first
        listed = [a for a in args if inner.group >= 0 and a.group == inner.group and a.start >= inner.start
                  and a.sent == inner.sent  # group numbers restart in each sentence
                  and a.type in {"City", "Region"} and len(a.keys) == 1] or [inner]
        out += [_rec(a.keys[0], "locatedIn", place.keys[0], doc[a.start].sent, 0.8, source="apposition")
                for a in listed if a.keys[0] != place.keys[0]]
    return out


_LED = {"के नेतृत्व वाले", "के नेतृत्व वाली", "के नेतृत्व वाला", "के नेतृत्व में", "की अगुवाई वाले",
        "की अगुवाई में", "की अगुआई वाले", "की अगुआई में"}
# the noun after "X-Y" that states a relation of both: "भारत-सोवियत संधि", "भारत-जापान वार्ता"
_COMPOUND = {**{match_key(w): "signsAgreementWith" for w in "संधि समझौता समझौते करार डील".split()},
             **{match_key(w): "meets" for w in "वार्ता बैठक शिखर मुलाकात बातचीत".split()}}


def phrase_relations(doc: Doc, args: Sequence[Arg]) -> list[RelRec]:
    """Relations stated by a noun phrase between two neighbouring arguments:

    - ``अमेरिका के नेतृत्व वाले पश्चिमी गठबंधन`` → the United States ``leads`` the West;
    - ``रूस के करीबी सहयोगी बेलारूस`` → Belarus ``seeksTiesWith`` Russia (and ``Y X का सहयोगी है``,
      :mod:`kg.nlp.allies`);
    - ``भारत-सोवियत संधि``, ``भारत-जापान वार्ता`` → ``signsAgreementWith`` / ``meets`` (both
      ends do the same, so the compound's order does not matter).
    """
    norms = doc._.get(NORMS) or [t.norm_ for t in doc]  # the lexicon keys, read once (kg_lexicon)
    args = drop_ally_nouns(norms, args)
    out = ally_predicates(doc, norms, args)
    for a, b in zip(args, args[1:], strict=False):
        if a.sent != b.sent or len(a.keys) != 1 or len(b.keys) != 1 or a.keys[0] == b.keys[0]:
            continue
        gap = norms[a.end + len(a.marker.split()):b.start]
        sent = doc[a.start].sent
        if a.marker in _LED and len(gap) <= 2 and b.type in {"Organization", "Region", "Country"}:
            out.append(_rec(a.keys[0], "leads", b.keys[0], sent, 0.75, source="phrase"))
        elif a.marker in {"के", "की", "का"} and ally_gap(gap):
            out.append(_rec(b.keys[0], "seeksTiesWith", a.keys[0], sent, 0.7, source="phrase"))
        elif norms[a.end:b.start] in (["-"], ["–"]) and b.end < len(doc) and norms[b.end] in _COMPOUND:
            out.append(_rec(a.keys[0], _COMPOUND[norms[b.end]], b.keys[0], sent, 0.75, source="compound"))
        else:
            out += membership_phrase(norms, args, a, b, gap, sent)
    return out


def _state_of(key: str, titles: Sequence[TitleLink], lexicon: Lexicon) -> str | None:
    for link in titles:
        if link.person == key and link.leader and link.anchor_type == "Country" and link.anchor:
            return link.anchor
    entry = lexicon.entries.get(key)
    if entry and entry.type == "Person" and entry.role and is_leader_role(entry.role):
        country = lexicon.country(entry.country)
        return country.key if country else None
    return None


def derived_relations(relations: Sequence[RelRec], types: dict[str, str], titles: Sequence[TitleLink],
                      lexicon: Lexicon) -> list[RelRec]:
    """State-level copies of relations between leaders (``derived=True``)."""
    out = []
    for rel in relations:
        if rel.predicate not in DERIVE_STATE or rel.derived:
            continue
        ends = []
        for key in (rel.subject, rel.object):
            state = _state_of(key, titles, lexicon) if types.get(key) == "Person" else None
            ends.append(state or (key if types.get(key) == "Country" else None))
        if None in ends or ends == [rel.subject, rel.object] or ends[0] == ends[1]:
            continue
        out.append(replace(rel, subject=ends[0], object=ends[1], derived=True, source="derived",
                           confidence=round(rel.confidence * 0.9, 3)))
    return out


_AID = {"providesMilitaryAid", "providesEconomicAid"}
_EXCHANGE_GOODS = {
    "providesEconomicAid": ("आर्थिक", "वित्तीय", "प्रौद्योगिकी", "तकनीक", "धन", "पैसे"),
    "providesMilitaryAid": ("हथियार", "सैन्य", "गोला"),
}


def exchange_relations(norms: Sequence[str], relations: Sequence[RelRec]) -> list[RelRec]:
    """``X, Y को हथियार देता है ... आर्थिक सहायता के बदले में``: Y gives X the aid named.

    An aid relation in a sentence with ``के बदले`` (in exchange for) implies aid
    flowing back; its kind is read from the words before ``के बदले``. ``norms`` are the
    sentence's token norms.
    """
    if not relations or "बदले" not in norms:
        return []
    before = norms[max(0, norms.index("बदले") - 7):norms.index("बदले")]
    kinds = [p for p, words in _EXCHANGE_GOODS.items() if any(w.startswith(words) for w in before)]
    out = []
    for rel in relations:
        if rel.predicate in _AID and not rel.derived:
            out += [replace(rel, subject=rel.object, object=rel.subject, predicate=kind, source="exchange",
                            confidence=round(rel.confidence * 0.9, 3)) for kind in kinds]
    return out
