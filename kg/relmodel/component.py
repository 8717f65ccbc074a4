"""The spaCy component ``kg_relation_model``: the learned model decides which relations are emitted.

It runs after ``kg_relations``, scores every candidate of the document
(:mod:`kg.relmodel.candidates`) with the model, keeps for each distinct triple its best
candidate, turns the score into a calibrated confidence (the probability that the triple
is right, fitted on the dev articles by cross-validation) and replaces the rules' relations
with the triples whose confidence reaches the threshold (by default one chosen on dev for
triples a rule read too, and one for those only the model read). The rules' output is one of the
features; relations of an event (``इसे खारिज किया``) are kept from the rules as they are.
``doc._.kg_rel_candidates`` keeps the scored candidates.
"""

from __future__ import annotations

import datetime as dt
import logging
from collections.abc import Sequence

import numpy as np
from spacy.tokens import Doc, Span

from kg.nlp.args import ARGS
from kg.nlp.canonical import ENTITIES
from kg.nlp.entities import NORMS
from kg.nlp.modality import modality, sentence_times, time_of
from kg.nlp.rel import MIN_CONFIDENCE, RELATIONS, RelRec, replace
from kg.nlp.sentences import token_texts
from kg.nlp.state import DATE_KEY, doc_value
from kg.nlp.triggers import is_headline
from kg.relmodel.candidates import SYMMETRIC, Candidate, allowed, doc_candidates
from kg.relmodel.model import RelationModel

__all__ = ["RelationModelComponent", "CANDIDATES", "Triple", "best_triples", "candidates_of", "RULE_FEATURES",
           "redundant", "IMPLIES"]

log = logging.getLogger(__name__)

CANDIDATES = "kg_rel_candidates"
RULE_FEATURES = ("r:", "rs:", "rr:", "rd:", "ro:", "ros:", "roo:", "rule_only")
Triple = tuple[str, str, str]

if not Doc.has_extension(CANDIDATES):
    Doc.set_extension(CANDIDATES, default=None)


def candidates_of(doc: Doc, use_rules: bool = True) -> list[Candidate]:
    """A document's candidates, once the rules have run (``use_rules=False``: without their output)."""
    types = {k: e.type for k, e in doc_value(doc, ENTITIES, {}).items()}
    norms = doc._.get(NORMS) or [t.norm_ for t in doc]
    rules = doc_value(doc, RELATIONS, []) if use_rules else []
    first = next(iter(doc.sents), None)
    headline = first is not None and is_headline(token_texts(doc), first)
    return doc_candidates(doc, doc_value(doc, ARGS, []), rules, types, norms, headline)


def _mask(cands: Sequence[Candidate], predicates: Sequence[str], types: dict[str, str],
          ruled: np.ndarray | None = None) -> np.ndarray:
    """Which (candidate, predicate) cells are possible: types allow it; one order for symmetric
    ones; a rule's own candidate (no pair of mentions to read) only takes the rule's predicates.

    ``ruled`` is :func:`_ruled_cells` of the same candidates, if already at hand.
    """
    if not cands:
        return np.zeros((0, len(predicates)), dtype=bool)
    rows: dict[tuple[str, str], int] = {}  # pair of types -> its row of allowed predicates
    pair = [rows.setdefault((types.get(c.subject, ""), types.get(c.object, "")), len(rows)) for c in cands]
    by_types = np.array([[allowed(p, st, ot) for p in predicates] for st, ot in rows], dtype=bool)
    spans = np.array([c.s_span is not None for c in cands])
    forward = np.array([c.s_span is None or c.o_span is None or c.s_span[0] < c.o_span[0] for c in cands])
    symmetric = np.array([p in SYMMETRIC for p in predicates], dtype=bool)
    read = spans[:, None] & (forward[:, None] | ~symmetric[None, :])
    ruled = _ruled_cells(cands, predicates) if ruled is None else ruled
    return by_types[np.asarray(pair)] & (ruled | read)


MIN_RAW = 0.002  # scores below this never make a triple (far below any calibrated threshold)


def _ruled_cells(cands: Sequence[Candidate], predicates: Sequence[str]) -> np.ndarray:
    cells = np.zeros((len(cands), len(predicates)), dtype=bool)
    column = {p: j for j, p in enumerate(predicates)}
    for i, c in enumerate(cands):
        for p in c.rules:
            if p in column:
                cells[i, column[p]] = True
    return cells


def best_triples(cands: Sequence[Candidate], raw: np.ndarray, predicates: Sequence[str],
                 types: dict[str, str]) -> dict[Triple, tuple[float, int, str]]:
    """For each distinct triple: its highest score, its candidate, and its calibration group
    (``"rule"`` when a rule read the triple from one of its candidates, which is then the
    candidate kept; else the best-scoring one).

    A symmetric predicate's triple is keyed with its ends in sorted order.
    """
    ruled_cells = _ruled_cells(cands, predicates)
    mask = _mask(cands, predicates, types, ruled_cells) & ((raw >= MIN_RAW) | ruled_cells)
    best: dict[Triple, tuple[float, int, str]] = {}
    ruled: dict[Triple, int] = {}  # the first candidate a rule read the triple from
    rows, cols = np.nonzero(mask)
    for i, j in zip(rows.tolist(), cols.tolist(), strict=True):
        c, p = cands[i], predicates[j]
        key = (c.subject, p, c.object)
        if p in SYMMETRIC and c.object < c.subject:
            key = (c.object, p, c.subject)
        if p in c.rules:
            ruled.setdefault(key, i)
        score = float(raw[i, j])
        if key not in best or score > best[key][0]:
            best[key] = (score, i, "model")
    # a triple a rule read keeps the rule's candidate (its sentence, time, place and role)
    return {k: (v[0], ruled[k], "rule") if k in ruled else v for k, v in best.items()}


# A more specific relation of a pair makes these of the same pair redundant ("Putin leads Russia"
# says he is Russian; "Blinken affiliatedWith the United States" too).
IMPLIES = {"leads": ("citizenOf", "affiliatedWith", "memberOf"), "memberOf": ("affiliatedWith",),
           "partOf": ("affiliatedWith",), "affiliatedWith": ("citizenOf",)}


def redundant(confidence: dict[Triple, float]) -> set[Triple]:
    """Triples that a more specific, at least as likely triple of the same pair implies.

    Examples
    --------
    >>> conf = {("a", "leads", "b"): 0.9, ("a", "citizenOf", "b"): 0.8, ("a", "memberOf", "b"): 0.95}
    >>> sorted(redundant(conf))
    [('a', 'citizenOf', 'b')]
    """
    out = set()
    for (s, p, o), conf in confidence.items():
        out.update((s, q, o) for q in IMPLIES.get(p, ()) if confidence.get((s, q, o), 2.0) <= conf)
    return out


# A leader and the state or body they lead are one side: no relation but belonging holds
# between them ("Russia meets Putin", "Zelensky attacks Ukraine": seen on dev in HI_2, HI_43,
# HI_87). The pair comes from ``leads`` only: with a government folded into its country, a
# member may well criticize his own.
BELONGING = ("leads", "memberOf", "partOf", "affiliatedWith", "citizenOf")


def own_side(confidence: dict[Triple, float], kept: set[Triple]) -> set[Triple]:
    """The triples in ``confidence`` that relate a leader and what he leads (by a kept ``leads``
    triple at least as likely) by anything but belonging (:data:`BELONGING`).

    Examples
    --------
    >>> conf = {("putin", "leads", "russia"): 0.9, ("russia", "meets", "putin"): 0.6,
    ...         ("putin", "affiliatedWith", "russia"): 0.8, ("putin", "meets", "modi"): 0.7,
    ...         ("modi", "leads", "japan"): 0.1, ("modi", "visits", "japan"): 0.9}
    >>> sorted(own_side(conf, set(conf)))
    [('russia', 'meets', 'putin')]
    """
    leads: dict[frozenset[str], float] = {}
    for s, p, o in kept:
        if p == "leads":
            pair = frozenset((s, o))
            leads[pair] = max(leads.get(pair, 0.0), confidence.get((s, p, o), 0.0))
    return {(s, p, o) for (s, p, o), conf in confidence.items()
            if p not in BELONGING and conf <= leads.get(frozenset((s, o)), -1.0)}


def _rule_records(cands: Sequence[Candidate]) -> dict[Triple, list[RelRec]]:
    """The rules' records of each triple, in candidate order, without repeats."""
    out: dict[Triple, list[RelRec]] = {}
    for c in cands:
        for p, rec in c.rules.items():
            key = (rec.subject, p, rec.object)
            if p in SYMMETRIC and rec.object < rec.subject:
                key = (rec.object, p, rec.subject)
            if rec not in out.setdefault(key, []):
                out[key].append(rec)
    return out


class RelationModelComponent:
    """Emit the relations whose calibrated confidence reaches the threshold (see the module doc).

    Parameters
    ----------
    model : RelationModel
    min_confidence : float, optional
        One threshold for every triple. Without it, the model's defaults chosen on dev
        apply, one for triples a rule read too and one for the model's own; a caller can
        also set ``doc._.kg_min_confidence`` for one document.
    use_rules : bool
        Whether the rules' output is among the features (as the model was trained).
    """

    def __init__(self, model: RelationModel, min_confidence: float | None = None,
                 use_rules: bool = True) -> None:
        self.model = model
        self.min_confidence = min_confidence
        self.use_rules = use_rules

    def _threshold(self, doc: Doc, group: str) -> float:
        wanted = doc._.get(MIN_CONFIDENCE)
        wanted = self.min_confidence if wanted is None else wanted
        return float(wanted) if wanted is not None else self.model.thresholds.get(group, 0.5)

    def __call__(self, doc: Doc) -> Doc:
        entities = doc_value(doc, ENTITIES, {})
        types = {k: e.type for k, e in entities.items()}
        rules: list[RelRec] = doc_value(doc, RELATIONS, [])
        cands = candidates_of(doc, self.use_rules)
        raw = self.model.raw([c.features for c in cands])
        best = best_triples(cands, raw, self.model.predicates, types)
        out = [r for r in rules if types.get(r.subject) == "Event" or types.get(r.object) == "Event"]
        confidence = self.model.calibration.many(best)
        limits = {group: self._threshold(doc, group) for group in {v[2] for v in best.values()}}
        confident = {k for k, v in best.items() if not confidence[k] < limits[v[2]]}
        dropped = redundant(confidence) | own_side(confidence, confident)
        sents = list(doc.sents)
        read = _rule_records(cands)
        kept = [(k, v) for k, v in best.items() if k in confident and k not in dropped]
        for (s, p, o), (_, i, _) in sorted(kept):
            conf = confidence[s, p, o]
            if (s, p, o) in read:  # every statement a rule read (they may differ in time or modality)
                out += [replace(r, confidence=round(conf, 3), source=f"model+{r.source}")
                        for r in read[s, p, o]]
            else:
                out.append(self._record(doc, sents[cands[i].sent], cands[i], s, p, o, round(conf, 3)))
        doc._.set(CANDIDATES, (cands, raw))
        doc._.set(RELATIONS, out)
        return doc

    @staticmethod
    def _record(doc: Doc, sent: Span, cand: Candidate, s: str, p: str, o: str, conf: float) -> RelRec:
        if p in SYMMETRIC and cand.subject != s:
            s, o = o, s
        norms = doc._.get(NORMS) or [t.norm_ for t in doc]
        at = cand.anchor if cand.anchor > 0 else sent.end
        mode = modality(norms, (sent.start, sent.end), at - 1, at, p)
        date: dt.date | None = doc._.get(DATE_KEY)
        texts = token_texts(doc)
        times = sentence_times(texts[sent.start:sent.end], sent.start, date)
        when = time_of(times, texts, at, date, mode == "planned")
        return RelRec(s, p, o, mode, when, None, conf, sent.start_char, sent.end_char, source="model")
