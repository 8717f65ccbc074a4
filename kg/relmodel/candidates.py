"""Candidates of the relation model: pairs of entity mentions in one sentence, and rule outputs.

Every ordered pair of argument mentions (names, demonyms, resolved pronouns and role nouns)
of two different entities in one sentence is a candidate, whether or not a rule frame fired
on it; the predicates it may take are those its entity types allow (:func:`allowed`). A
relation that a rule produced without such a pair (a title's anchor, ``रूसी राष्ट्रपति
पुतिन``; an organ's state; a state-level copy of leaders' acts) is a candidate of its own.
Which rule fired on a pair is one of its features. A mention cited as the source of the sentence
(``X की (एक) रिपोर्ट के मुताबिक``, ``... के अनुसार``, ``... में``) reports the facts and takes
part in none of them: it is no argument of a candidate.
"""

from __future__ import annotations

import bisect
from collections.abc import Sequence
from dataclasses import dataclass, field

from spacy.tokens import Doc

from kg.nlp.args import Arg
from kg.nlp.rel import RelRec
from kg.relmodel.features import SentenceView, pair_features

__all__ = ["PREDICATES", "SYMMETRIC", "Candidate", "allowed", "doc_candidates", "MAX_GAP"]

PREDICATES = (
    "visits", "arrivesFrom", "meets", "seeksTiesWith", "signsAgreementWith", "criticizes", "accuses",
    "issuesArrestWarrantFor", "rejects", "sanctions", "attacks", "expressesConcernAbout",
    "providesMilitaryAid", "providesEconomicAid", "denies", "supports", "urges", "invites", "awards",
    "releases", "leads", "memberOf", "affiliatedWith", "locatedIn", "citizenOf", "partOf",
)
SYMMETRIC = frozenset({"meets", "signsAgreementWith"})
NAMED = frozenset({"Person", "Organization", "Country", "City", "Region"})
PLACES = frozenset({"Country", "City", "Region"})
MAX_GAP = 40  # tokens between two mentions of one candidate

# Hard type constraints only; type preferences are learned (features "t:").
_SUBJECT = {"citizenOf": {"Person"}, "leads": {"Person", "Country", "Organization"},
            "partOf": NAMED - {"Person"},
            "memberOf": NAMED - {"City"}, "awards": NAMED, "issuesArrestWarrantFor": NAMED - {"Region"}}
_OBJECT = {"visits": PLACES | {"Organization"}, "arrivesFrom": PLACES | {"Organization"},
           "citizenOf": PLACES | {"Organization"}, "locatedIn": PLACES | {"Organization"},
           "issuesArrestWarrantFor": {"Person"}, "releases": {"Person", "Country", "Organization"},
           "awards": {"Person", "Organization"}, "memberOf": NAMED - {"Person", "City"},
           "leads": NAMED - {"Person"}, "partOf": NAMED - {"Person"}}


def allowed(predicate: str, subj_type: str, obj_type: str) -> bool:
    """Whether the entity types admit the predicate at all.

    Examples
    --------
    >>> allowed("citizenOf", "Person", "Country"), allowed("citizenOf", "Country", "Country")
    (True, False)
    """
    if subj_type not in NAMED or obj_type not in NAMED:
        return False
    return subj_type in _SUBJECT.get(predicate, NAMED) and obj_type in _OBJECT.get(predicate, NAMED)


@dataclass
class Candidate:
    """A subject and object entity in one sentence, with the features of the pair."""

    subject: str
    object: str
    sent: int
    features: list[str]
    s_span: tuple[int, int] | None = None
    o_span: tuple[int, int] | None = None
    rules: dict[str, RelRec] = field(default_factory=dict)  # predicate -> the rule's record

    @property
    def anchor(self) -> int:
        """Token where the relation is read (after the later mention), for modality and time."""
        ends = [span[1] for span in (self.s_span, self.o_span) if span]
        return max(ends) if ends else -1


def _single(args: Sequence[Arg], types: dict[str, str]) -> list[Arg]:
    """Arguments with one named entity each (a group ``दोनों देश`` gives one per member)."""
    out = []
    for arg in args:
        for key in arg.keys:
            typ = types.get(key, arg.type)
            if typ in NAMED:
                one = Arg(arg.start, arg.end, (key,), typ, arg.kind, arg.sent, arg.marker, arg.group,
                          arg.extra)
                out.append(one)
    return out


def _rule_features(rule_preds: dict[str, RelRec], reverse: dict[str, RelRec]) -> list[str]:
    feats = [f"r:{p}" for p in rule_preds] + [f"rs:{r.source.split(':')[0]}" for r in rule_preds.values()]
    feats += [f"rr:{p}" for p in reverse] + [f"rd:{p}" for p, r in rule_preds.items() if r.derived]
    return feats


def _elsewhere(rules: Sequence[RelRec], s: str, o: str) -> list[str]:
    """A rule gave the sentence's trigger to another pair: with this subject, this object, or neither."""
    feats = set()
    for rec in rules:
        if (rec.subject, rec.object) in {(s, o), (o, s)}:
            continue
        tag = "ros" if rec.subject == s else "roo" if rec.object == o else "ro"
        feats.add(f"{tag}:{rec.predicate}")
    return sorted(feats)


def doc_candidates(doc: Doc, args: Sequence[Arg], relations: Sequence[RelRec], types: dict[str, str],
                   norms: Sequence[str], headline: bool) -> list[Candidate]:
    """All candidates of a document (see the module doc)."""
    sents = list(doc.sents)
    starts = [s.start_char for s in sents]
    by_sent: dict[tuple[int, str, str], dict[str, RelRec]] = {}
    for rec in relations:
        n = max(0, bisect.bisect_right(starts, rec.sent_start) - 1)
        by_sent.setdefault((n, rec.subject, rec.object), {}).setdefault(rec.predicate, rec)
    in_sent: dict[int, list[RelRec]] = {}
    for (n, _, _), rules in by_sent.items():
        in_sent.setdefault(n, []).extend(rules.values())
    arg_starts = [a.start for a in args]
    out: list[Candidate] = []
    seen: set[tuple[int, str, str]] = set()
    for n, sent in enumerate(sents):
        view = SentenceView(norms, sent.start, sent.end, headline and n == 0, n)
        inside = _single(args[bisect.bisect_left(arg_starts, sent.start):
                              bisect.bisect_left(arg_starts, sent.end)], types)
        inside = [a for a in inside if not cited_source(norms, a.end)]
        for a in inside:
            for b in inside:
                if a.keys[0] == b.keys[0] or abs(a.start - b.start) > MAX_GAP or _overlap(a, b):
                    continue
                rules = by_sent.get((n, a.keys[0], b.keys[0]), {})
                reverse = by_sent.get((n, b.keys[0], a.keys[0]), {})
                feats = pair_features(view, a, b) + _rule_features(rules, reverse)
                feats += _elsewhere(in_sent.get(n, ()), a.keys[0], b.keys[0])
                out.append(Candidate(a.keys[0], b.keys[0], n, feats, (a.start, a.end), (b.start, b.end),
                                     rules))
                seen.add((n, a.keys[0], b.keys[0]))
    for (n, s, o), rules in sorted(by_sent.items(), key=lambda kv: kv[0]):
        if (n, s, o) in seen or types.get(s) not in NAMED or types.get(o) not in NAMED:
            continue
        feats = [f"t:{types[s]}>{types[o]}", "rule_only"] + _rule_features(rules, by_sent.get((n, o, s), {}))
        out.append(Candidate(s, o, n, feats, rules=rules))
    return out


def cited_source(norms: Sequence[str], end: int) -> bool:
    """Whether the mention ending at token ``end`` is cited as a report's source.

    Examples
    --------
    >>> cited_source("एक्स की एक रिपोर्ट के मुताबिक रूस ने".split(), 1), cited_source("एक्स की रिपोर्ट में".split(), 1)
    (True, True)
    >>> cited_source("एक्स की रिपोर्ट दी".split(), 1), cited_source("एक्स के मुताबिक".split(), 1)
    (False, False)
    """
    i = end
    if i + 1 >= len(norms) or norms[i] != _OF_REPORT:
        return False
    i += 2 if norms[i + 1] == _ONE else 1
    if i >= len(norms) or norms[i] not in _REPORT:
        return False
    after = tuple(norms[i + 1:i + 3])
    return after[:1] == (_IN,) or (len(after) == 2 and after[0] == _OF and after[1] in _ACCORDING)


_OF_REPORT, _ONE, _IN, _OF = "की", "एक", "में", "के"
_REPORT = frozenset({"रिपोर्ट", "रिपोर्टों"})
_ACCORDING = frozenset({"मुताबिक", "अनुसार"})


def _overlap(a: Arg, b: Arg) -> bool:
    return a.start < b.end and b.start < a.end
