"""From an annotated spaCy ``Doc`` to records, and merging records of many documents."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable

from spacy.attrs import IDX
from spacy.language import Language
from spacy.tokens import Doc

from kg.nlp.args import ARGS
from kg.nlp.canonical import DEMONYMS, ENTITIES, ORGANS, EntityInfo
from kg.nlp.entities import MENTIONS, ORGAN_DEMONYMS
from kg.nlp.normalize import Normalized
from kg.nlp.pipeline import NORM_KEY
from kg.nlp.rel import MIN_CONFIDENCE, RELATIONS, RelRec
from kg.nlp.sentences import token_texts
from kg.nlp.state import DATE_KEY, doc_value
from kg.records import Document, Entity, Evidence, Mention, Relation

__all__ = ["annotate", "doc_to_records", "merge_entities", "merge_relations"]

_NOT_ALIAS = {"pronoun", "group", "event"}


def annotate(nlp: Language, document: Document, min_confidence: float | None = None) -> Doc:
    """Run the pipeline on a document, with its date available to the time rules (and a
    minimum confidence of relations for the relation model, if given)."""
    doc = nlp.make_doc(document.text)
    if document.date:
        doc._.set(DATE_KEY, dt.date.fromisoformat(document.date))
    if min_confidence is not None:
        doc._.set(MIN_CONFIDENCE, min_confidence)
    for _, proc in nlp.pipeline:
        doc = proc(doc)
    return doc


def _entity(info: EntityInfo) -> Entity:
    return Entity(info.key, info.label, info.label_hi, info.type, info.wikidata)


def doc_to_records(doc: Doc, document: Document,
                   negated: bool = False) -> tuple[list[Entity], list[Relation]]:
    """Entities (with mentions) and relations (with evidence) of one annotated document.

    Offsets in the records point into ``document.text``, the original text. A relation
    the text says did not happen (modality ``negated``: "भारत ने रूस की निंदा नहीं की") is
    no fact of the graph, as in the gold guidelines; it stays in ``doc._.kg_relations``
    and ``negated=True`` keeps it. Denied facts (someone denies an act) are kept, and so
    are the relation model's own triples, whose negation is only a negation word near the
    pair ("अमेरिका की बात नहीं मानी" is itself a rejection).
    """
    norm: Normalized = doc._.get(NORM_KEY)
    infos: dict[str, EntityInfo] = doc_value(doc, ENTITIES, {})
    entities = {key: _entity(info) for key, info in infos.items()}
    offsets = doc.to_array(IDX).tolist()  # character offset of every token, read once
    texts = token_texts(doc)
    for start, end, key, kind in _mentions(doc):
        if key not in entities:
            continue
        first, last = norm.span(offsets[start], offsets[end - 1] + len(texts[end - 1]))
        text = document.text[first:last]
        entities[key].mentions.append(Mention(document.id, first, last, text))
        if kind not in _NOT_ALIAS:
            entities[key].aliases.append(text)
    relations = [_relation(rec, entities, norm, document) for rec in doc_value(doc, RELATIONS, [])
                 if negated or rec.modality != "negated" or rec.source == "model"]
    used = {e.id for r in relations for e in (r.subject, r.object, r.place) if e is not None}
    kept = [e for e in entities.values() if e.mentions or e.id in used]
    return kept, relations


def _mentions(doc: Doc) -> set[tuple[int, int, str, str]]:
    """Token spans of every mention: names (modifiers included) and resolved references."""
    organs = doc_value(doc, ORGANS, {})
    found = set()
    demonyms = doc_value(doc, DEMONYMS, {})
    for span in doc.spans.get(MENTIONS, []):
        found.add((span.start, span.end, span.kb_id_, span.id_))
        if span.id_ == "organ" and span.kb_id_ in organs and len(span) > 1:
            end = doc_value(doc, ORGAN_DEMONYMS, {}).get(span.start, span.end - 1)
            found.add((span.start, end, organs[span.kb_id_], "demonym"))
        elif span.label_ == "Organization" and span[0].norm_ in demonyms and len(span) > 1:
            # "भारतीय विदेश मंत्रालय": the demonym in an organization's name mentions its state
            found.add((span.start, span.start + 1, demonyms[span[0].norm_], "demonym"))
    for arg in doc_value(doc, ARGS, []):
        if arg.kind != "event" and len(arg.keys) == 1:
            found.add((arg.start, arg.end, arg.keys[0], arg.kind))
    return found


def _relation(rec: RelRec, entities: dict[str, Entity], norm: Normalized, document: Document) -> Relation:
    start, end = norm.span(rec.sent_start, rec.sent_end)
    sentence = document.text[start:end]
    stripped = sentence.strip()
    start += len(sentence) - len(sentence.lstrip())
    end = start + len(stripped)
    return Relation(
        subject=entities[rec.subject], predicate=rec.predicate, object=entities[rec.object],
        modality=rec.modality, time=rec.time, place=entities.get(rec.place) if rec.place else None,
        confidence=rec.confidence, derived=rec.derived,
        evidence=[Evidence(document.id, start, end, stripped)], role=rec.role,
    )


def merge_entities(entities: Iterable[Entity]) -> list[Entity]:
    """One entity per id: mentions and aliases are pooled."""
    merged: dict[str, Entity] = {}
    for ent in entities:
        known = merged.setdefault(ent.id, Entity(ent.id, ent.label, ent.label_hi, ent.type, ent.wikidata))
        known.mentions.extend(ent.mentions)
        known.aliases.extend(ent.aliases)
    for ent in merged.values():
        ent.mentions = sorted(set(ent.mentions))
        ent.aliases = sorted(set(ent.aliases))
    return sorted(merged.values(), key=lambda e: e.id)


def merge_relations(relations: Iterable[Relation], entities: dict[str, Entity]) -> list[Relation]:
    """Merge repeated statements of one fact (same key, time included); pool their evidence."""
    merged: dict[tuple, Relation] = {}
    for rel in relations:
        rel.subject, rel.object = entities[rel.subject.id], entities[rel.object.id]
        if rel.place is not None:
            rel.place = entities.get(rel.place.id, rel.place)
        known = merged.get(rel.key())
        if known is None:
            merged[rel.key()] = rel
            continue
        _absorb(known, rel)
    # An undated statement is kept apart from dated ones: "Putin's visit" may be the 2017 one
    # or this week's, and merging it into either would date evidence wrongly.
    relations = sorted(merged.values(), key=lambda r: r.key())
    for rel in relations:
        rel.evidence = sorted(set(rel.evidence))
    return relations


def _absorb(known: Relation, rel: Relation) -> None:
    known.evidence.extend(rel.evidence)  # de-duplicated and sorted once, at the end
    known.confidence = max(known.confidence, rel.confidence)
    known.place = known.place or rel.place
    known.role = known.role or rel.role
