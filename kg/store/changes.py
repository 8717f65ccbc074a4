"""The RDF update of one document added to, replaced in, or removed from a store.

The records index says which documents share the document's entities and statements; their
records give the merged state of those entities and statements after the change; the update
removes what the default graph holds of them now and adds the merged state, replaces the
document's own graph, and keeps a direct triple (``ent:Q159 kg:attacks ent:Q212``) while
some asserted statement still says it.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import TYPE_CHECKING, Any

from rdflib import RDF, Literal, URIRef

from kg.rdf.convert import document_iri, entity_iri, graph_iri, run_triples, statement_iri
from kg.rdf.namespace import KG
from kg.records import Document, Entity, Relation
from kg.store.quads import (
    ENTITY_PREDICATES,
    Update,
    document_quads,
    entity_quads,
    merged,
    ox_term,
    statement_quads,
)

if TYPE_CHECKING:  # pragma: no cover
    from kg.store.store import CorpusStore

__all__ = ["document_update"]

Triple = tuple[Any, Any, Any]
Records = tuple[str, list[Entity], list[Relation]]


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


def _asserted_elsewhere(graph: Any, key: Triple, skip: set[URIRef]) -> bool:
    """Whether a statement not in ``skip`` asserts ``subject predicate object``."""
    import pyoxigraph as ox

    s, p, o = key
    for q in graph.quads_for_pattern(None, ox.NamedNode(str(RDF.subject)), ox.NamedNode(str(s)),
                                     ox.DefaultGraph()):
        stmt = URIRef(q.subject.value)
        if stmt in skip:
            continue
        facts = {(t[1], t[2]) for t in _current(graph, stmt, (RDF.predicate, RDF.object, KG.modality))}
        if {(RDF.predicate, p), (RDF.object, o), (KG.modality, Literal("asserted"))} <= facts:
            return True
    return False


def _direct(rel: Relation) -> Triple:
    return entity_iri(rel.subject), URIRef(str(KG._NS) + rel.predicate), entity_iri(rel.object)


def document_update(store: CorpusStore, doc: Document, old: Records | None,
                    entities: list[Entity] | None, relations: list[Relation] | None) -> Update:
    """The update that brings the RDF in step with the records after ``doc`` changed (the records
    index already holds the new state: ``entities`` None means the document was removed)."""
    graph, run = store.graph, store.run_iri()
    old_ents, old_rels = (old[1], old[2]) if old else ([], [])
    new_ents, new_rels = entities or [], relations or []
    entity_ids = {e.id for e in old_ents + new_ents}
    stmts = {statement_iri(r) for r in old_rels + new_rels}
    m_ents, m_rels = merged(store.db.entity_records(entity_ids),
                            store.db.statement_records(str(s) for s in stmts))
    from kg import __version__

    update = Update()
    update.add(run_triples(run, __version__))
    for node in {entity_iri(e) for e in old_ents + new_ents}:
        update.remove(_current(graph, node, ENTITY_PREDICATES))
    update.add(entity_quads(m_ents))
    for stmt in stmts:
        update.remove(_statement_now(graph, stmt))
    update.add(statement_quads(m_rels, run))
    still = {_direct(r) for r in m_rels if r.modality == "asserted"}
    for key in {_direct(r) for r in old_rels if r.modality == "asserted"} - still:
        if not _asserted_elsewhere(graph, key, stmts):
            update.remove([key])
    node, name = document_iri(doc.id), str(graph_iri(doc.id))
    update.remove(_current(graph, node))
    update.remove(_current(graph, graph_iri(doc.id)))
    update.remove(t for t in _current(graph, run) if t[2] == node)
    update.remove(_graph_triples(graph, name), name)
    if entities is not None:
        default, named = document_quads(doc, new_rels, run)
        update.add(default)
        update.add(named, name)
    return update
