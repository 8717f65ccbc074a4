"""The RDF update of one document added to, replaced in, or removed from a store.

Only what the document touches is read and rewritten, so adding an article costs the same in a
store of ten documents or of ten thousand:

* each of its entities: the triples of the entity merged across documents (first record,
  pooled aliases; :func:`kg.store.index.entity_heads`);
* each of its facts: when the statement keeps its IRI, its confidence (the highest across
  documents) and this document's evidence; when the IRI changes (a first place or role came or
  went) or the fact comes or goes, the whole statement;
* each direct triple (``ent:Q159 kg:attacks ent:Q212``), kept while some document asserts it;
* the document's own metadata and named graph.

:func:`before` is taken while the records index still holds the old state, :func:`document_update`
after the new state is written (both inside the store's transaction).
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from rdflib import URIRef
from rdflib.namespace import PROV

from kg.extract import merge_relations
from kg.rdf.convert import (
    document_iri,
    document_statement_triples,
    document_triples,
    entity_iri,
    evidence_triples,
    graph_iri,
    run_triples,
    statement_iri,
)
from kg.rdf.namespace import KG
from kg.records import Document, Entity, Relation
from kg.store.index import direct_key, fact_id
from kg.store.quads import (
    ENTITY_PREDICATES,
    Update,
    entity_quads,
    ox_term,
    statement_quads,
)

if TYPE_CHECKING:  # pragma: no cover
    from kg.store.db import RecordsDB
    from kg.store.store import CorpusStore

__all__ = ["Before", "before", "document_update"]

Triple = tuple[Any, Any, Any]
Records = tuple[str, list[Entity], list[Relation]]


@dataclass
class Before:
    """What the store held before the change: the document's old records and the IRI each
    touched fact's statement had."""

    entities: list[Entity]
    relations: list[Relation]
    statements: dict[str, URIRef]


def _current(graph: Any, subject: URIRef, predicates: Iterable[URIRef] | None = None,
             name: str | None = None) -> Iterator[Triple]:
    """Triples of ``subject`` in the default graph (or graph ``name``), as rdflib terms."""
    import pyoxigraph as ox

    where = ox.NamedNode(name) if name else ox.DefaultGraph()
    for predicate in predicates or [None]:
        pred = ox.NamedNode(str(predicate)) if predicate is not None else None
        for q in graph.quads_for_pattern(ox.NamedNode(str(subject)), pred, None, where):
            yield ox_term(q.subject), ox_term(q.predicate), ox_term(q.object)


def _graph_triples(graph: Any, name: str) -> Iterator[Triple]:
    import pyoxigraph as ox

    for q in graph.quads_for_pattern(None, None, None, ox.NamedNode(name)):
        yield ox_term(q.subject), ox_term(q.predicate), ox_term(q.object)


def _statement_now(graph: Any, stmt: URIRef) -> list[Triple]:
    """A statement's triples in the default graph, with those of its evidence nodes."""
    triples = list(_current(graph, stmt))
    for _, p, o in list(triples):
        if p == KG.evidence:
            triples += _current(graph, o)
    return triples


def _merged_ends(db: RecordsDB, rel: Relation, heads: dict[str, Entity]) -> Relation:
    """``rel`` with its subject, object and place as merged across documents (their IRIs may
    come from another document's record), as :func:`kg.extract.merge_relations` gives them."""
    ends = [e for e in (rel.subject, rel.object, rel.place) if e is not None]
    missing = [e.id for e in ends if e.id not in heads]
    if missing:
        heads.update(db.entity_heads(missing))
    rel.subject = heads.get(rel.subject.id, rel.subject)
    rel.object = heads.get(rel.object.id, rel.object)
    if rel.place is not None:
        rel.place = heads.get(rel.place.id, rel.place)
    return rel


def _by_fact(relations: Iterable[Relation]) -> dict[str, list[Relation]]:
    facts: dict[str, list[Relation]] = {}
    for rel in relations:
        facts.setdefault(fact_id(rel), []).append(rel)
    return facts


def before(db: RecordsDB, doc_id: str, relations: list[Relation] | None) -> Before:
    """The store's state for a change of ``doc_id`` (new ``relations``; None when it is removed),
    read before the records index is written."""
    old = next(db.records([doc_id]), None)
    old_ents, old_rels = (old[1], old[2]) if old else ([], [])
    heads: dict[str, Entity] = {}
    statements = {}
    for fact in _by_fact(old_rels + (relations or [])):
        rel = db.fact_head(fact)
        if rel is not None:
            statements[fact] = statement_iri(_merged_ends(db, rel, heads))
    return Before(old_ents, old_rels, statements)


def _full(db: RecordsDB, fact: str, heads: dict[str, Entity]) -> Relation | None:
    """A fact merged across documents with all its evidence; None once no document has it."""
    records = [_merged_ends(db, r, heads) for r in db.fact_records(fact)]
    if not records:
        return None
    return merge_relations(records, {e.id: e for r in records for e in (r.subject, r.object)})[0]


def _evidence(rels: Iterable[Relation]) -> list[Any]:
    return [ev for rel in rels for ev in rel.evidence]


def _graph_statement(graph: Any, stmt: URIRef, name: str) -> list[Triple]:
    """A statement's triples in the named graph ``name``, with those of its evidence nodes."""
    triples = list(_current(graph, stmt, name=name))
    for _, p, o in list(triples):
        if p == KG.evidence:
            triples += _current(graph, o, name=name)
    return triples


def _rewrite(update: Update, graph: Any, db: RecordsDB, fact: str, was: URIRef | None, doc_id: str,
             run: URIRef, heads: dict[str, Entity]) -> Relation | None:
    """The whole statement of a fact whose IRI changed, came or went; the other documents'
    graphs that hold it too (the changed document's own graph is rewritten by the caller)."""
    full = _full(db, fact, heads)
    others = sorted({ev.doc for ev in full.evidence} - {doc_id}) if full else []
    if was is not None:
        update.remove(_statement_now(graph, was))
        for other in others:
            name = str(graph_iri(other))
            update.remove(_graph_statement(graph, was, name), name)
    if full is not None:
        update.add(statement_quads([full], run))
        for other in others:
            update.add(document_statement_triples(full, other), str(graph_iri(other)))
    return full


def _facts(update: Update, graph: Any, db: RecordsDB, run: URIRef, doc_id: str, was: Before,
           relations: list[Relation]) -> list[Triple]:
    """Update the statements of every fact the document had or has; return its named graph."""
    old, new = _by_fact(was.relations), _by_fact(relations)
    heads: dict[str, Entity] = {}
    named: list[Triple] = []
    for fact in sorted(set(old) | set(new)):
        after = db.fact_head(fact)
        stmt = statement_iri(_merged_ends(db, after, heads)) if after is not None else None
        if stmt is not None and stmt == was.statements.get(fact):
            update.remove(_current(graph, stmt, [KG.confidence]))
            update.add(statement_quads([after], run))  # what identifies it, its confidence
            update.remove(evidence_triples(stmt, _evidence(old.get(fact, []))))
            update.add(evidence_triples(stmt, _evidence(new.get(fact, []))))
        else:
            after = _rewrite(update, graph, db, fact, was.statements.get(fact), doc_id, run, heads)
        if after is not None and _evidence(new.get(fact, [])):
            after.evidence = _evidence(new[fact])
            named += document_statement_triples(after, doc_id)
    for key, triple in _directs(was.relations + relations, heads).items():
        (update.add if db.asserted(key) else update.remove)([triple])
    return named


def _directs(relations: Iterable[Relation], heads: dict[str, Entity]) -> dict[str, Triple]:
    """The direct triple of each asserted relation, by :func:`direct_key`."""
    found = {}
    for rel in relations:
        key = direct_key(rel)
        if key is not None:
            s, o = heads.get(rel.subject.id, rel.subject), heads.get(rel.object.id, rel.object)
            found[key] = (entity_iri(s), URIRef(str(KG._NS) + rel.predicate), entity_iri(o))
    return found


def document_update(store: CorpusStore, doc: Document, was: Before, entities: list[Entity] | None,
                    relations: list[Relation] | None) -> Update:
    """The update that brings the RDF in step with the records after ``doc`` changed (the records
    index already holds the new state: ``entities`` None means the document was removed)."""
    from kg import __version__

    graph, run, db = store.graph, store.run_iri(), store.db
    new_ents, new_rels = entities or [], relations or []
    update = Update()
    update.add(run_triples(run, __version__))
    for node in {entity_iri(e) for e in was.entities + new_ents}:
        update.remove(_current(graph, node, ENTITY_PREDICATES))
    heads = db.entity_heads(e.id for e in was.entities + new_ents)
    update.add(entity_quads(heads[k] for k in sorted(heads)))
    named = _facts(update, graph, db, run, doc.id, was, new_rels)
    node, name = document_iri(doc.id), str(graph_iri(doc.id))
    update.remove(_current(graph, node))
    update.remove(_current(graph, graph_iri(doc.id)))
    update.remove([(run, PROV.used, node)])
    update.remove(_graph_triples(graph, name), name)
    if entities is not None:
        update.add(document_triples(doc, run))
        update.add(named, name)
    return update
