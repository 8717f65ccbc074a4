"""Convert :class:`~kg.graph.KnowledgeGraph` records into an RDF dataset.

Layout of the dataset (see ``docs/rdf.md``):

* default graph: entities (type, labels, aliases, ``owl:sameAs`` Wikidata),
  document metadata, the extraction run (PROV-O), one ``prov:Bundle``
  description per named graph, and every relation statement **once**, with all its
  evidence and, for asserted relations, the direct triple (``ent:Q7747 kg:visits
  ent:Q881``): queries read it without counting a statement once per article;
* one named graph per document (``kgg:<doc id>``): the relation statements evidenced in
  that document, with what identifies them and that document's evidence (for ``GRAPH``
  queries; confidence and run, which depend on the other documents, are in the default graph).

Every node has an IRI computed from its content (no blank nodes), so the same
records always give the same dataset.
"""

from __future__ import annotations

import datetime as _dt
import hashlib
import json
import re
from collections.abc import Iterable, Iterator
from typing import TYPE_CHECKING
from urllib.parse import quote

from rdflib import OWL, RDF, RDFS, SKOS, XSD, Dataset, Graph, Literal, URIRef
from rdflib.namespace import DCTERMS, PROV, NamespaceManager

from kg.rdf.namespace import (
    DOCUMENT,
    ENTITY,
    EVIDENCE,
    GRAPH,
    KG,
    ONTOLOGY,
    PREFIXES,
    RUN,
    SOFTWARE,
    STATEMENT,
    WD,
)
from kg.records import Document, Entity, Evidence, Relation

if TYPE_CHECKING:  # pragma: no cover
    from kg.graph import KnowledgeGraph

__all__ = [
    "dataset_quads",
    "document_statement_triples",
    "evidence_triples",
    "run_iri",
    "run_triples",
    "document_triples",
    "entity_triples",
    "statement_triples",
    "document_iri",
    "entity_iri",
    "graph_iri",
    "new_dataset",
    "statement_iri",
    "time_literal",
    "to_rdf",
]

Quad = tuple[URIRef, URIRef, URIRef | Literal, URIRef | None]
Triple = tuple[URIRef, URIRef, URIRef | Literal]

_QID = re.compile(r"Q[1-9][0-9]*")
_DEVANAGARI = re.compile("[\u0900-\u097f]")
_KG_NS = str(KG._NS)


def _slug(key: str) -> str:
    """Percent-encode ``key`` for use as the last segment of an IRI."""
    return quote(key, safe="-._~") or "_"


def _digest(*parts: object) -> str:
    raw = json.dumps(parts, ensure_ascii=False, separators=(",", ":"), default=str)
    return hashlib.sha256(raw.encode("utf-8")).hexdigest()[:20]


def entity_iri(ent: Entity) -> URIRef:
    """The stable IRI of an entity: its QID when known, else its id slug.

    Examples
    --------
    >>> from kg.records import Entity
    >>> entity_iri(Entity("Q7747", "Vladimir Putin", "व्लादिमीर पुतिन", "Person", "Q7747"))
    rdflib.term.URIRef('https://w3id.org/kg-hindi/entity/Q7747')
    >>> entity_iri(Entity("nguyen-khac-giang", "Nguyen Khac Giang", "", "Person"))
    rdflib.term.URIRef('https://w3id.org/kg-hindi/entity/nguyen-khac-giang')
    """
    if ent.wikidata and _QID.fullmatch(ent.wikidata):
        return ENTITY[ent.wikidata]
    return ENTITY[_slug(ent.id)]


def document_iri(doc_id: str) -> URIRef:
    """The IRI of a document (``doc:<id>``)."""
    return DOCUMENT[_slug(doc_id)]


def graph_iri(doc_id: str) -> URIRef:
    """The name of the graph holding the statements evidenced in a document."""
    return GRAPH[_slug(doc_id)]


def statement_iri(rel: Relation) -> URIRef:
    """The content-addressed IRI of a relation statement."""
    return STATEMENT[
        _digest(
            str(entity_iri(rel.subject)), rel.predicate, str(entity_iri(rel.object)), rel.modality,
            rel.time or "", rel.derived, str(entity_iri(rel.place)) if rel.place else "", rel.role or "",
        )
    ]  # fmt: skip


def _evidence_iri(ev: Evidence) -> URIRef:
    return EVIDENCE[_digest(ev.doc, ev.start, ev.end, ev.sentence)]


def time_literal(value: str) -> Literal:
    """Type a record time: ``xsd:date``, ``xsd:gYearMonth``, ``xsd:gYear`` or a plain string.

    Examples
    --------
    >>> time_literal("2024-06-20").datatype == XSD.date
    True
    >>> time_literal("2023").datatype == XSD.gYear
    True
    >>> time_literal("last week").datatype is None
    True
    """
    if re.fullmatch(r"\d{4}-\d{2}-\d{2}", value):
        try:
            _dt.date.fromisoformat(value)
            return Literal(value, datatype=XSD.date)
        except ValueError:
            pass
    elif re.fullmatch(r"\d{4}-(0[1-9]|1[0-2])", value):
        return Literal(value, datatype=XSD.gYearMonth)
    elif re.fullmatch(r"\d{4}", value):
        return Literal(value, datatype=XSD.gYear)
    return Literal(value)


def _decimal(value: float) -> Literal:
    lexical = f"{round(float(value), 3):.3f}".rstrip("0")
    return Literal(lexical + "0" if lexical.endswith(".") else lexical, datatype=XSD.decimal)


def _text(value: str) -> Literal:
    """A literal tagged ``@hi`` when it contains Devanagari, else ``@en``."""
    return Literal(value, lang="hi" if _DEVANAGARI.search(value) else "en")


def _term(name: str) -> URIRef:
    """An ontology term; unknown names are minted (and reported by SHACL)."""
    return URIRef(_KG_NS + name)


def new_dataset() -> Dataset:
    """An empty dataset with the kg prefixes bound.

    Examples
    --------
    >>> dict(new_dataset().namespaces())["kg"]
    rdflib.term.URIRef('https://w3id.org/kg-hindi/ontology#')
    """
    ds = Dataset()
    ds.namespace_manager = NamespaceManager(ds, bind_namespaces="core")
    for prefix, ns in PREFIXES.items():
        ds.bind(prefix, ns, replace=True)
    return ds


def _labels(ent: Entity) -> tuple[str, str, list[str]]:
    """English label, Hindi label and aliases; a Devanagari ``label`` counts as Hindi."""
    english, hindi, aliases = ent.label, ent.label_hi, list(ent.aliases)
    if english and _DEVANAGARI.search(english):
        if not hindi:
            hindi = english
        elif english != hindi:
            aliases.append(english)
        english = ""
    return english, hindi, aliases


def entity_triples(ent: Entity) -> Iterator[Triple]:
    """An entity's type, labels, aliases and Wikidata link (default graph)."""
    node = entity_iri(ent)
    english, hindi, aliases = _labels(ent)
    yield node, RDF.type, _term(ent.type)
    if english:
        yield node, RDFS.label, Literal(english, lang="en")
    if hindi:
        yield node, RDFS.label, Literal(hindi, lang="hi")
    if ent.wikidata and _QID.fullmatch(ent.wikidata):
        yield node, OWL.sameAs, WD[ent.wikidata]
    for alias in aliases:
        if alias and alias not in (english, hindi):
            yield node, SKOS.altLabel, _text(alias)


def document_triples(doc: Document, run: URIRef) -> Iterator[Triple]:
    """A document's metadata and its named graph's provenance (default graph)."""
    node, graph = document_iri(doc.id), graph_iri(doc.id)
    yield node, RDF.type, KG.Document
    yield node, DCTERMS.identifier, Literal(doc.id)
    if doc.title:
        yield node, DCTERMS.title, Literal(doc.title, lang=doc.language or None)
    if doc.date:
        date = time_literal(doc.date)
        yield node, DCTERMS.date, date if date.datatype else Literal(doc.date)
    if doc.language:
        yield node, DCTERMS.language, Literal(doc.language, datatype=XSD.language)
    if doc.source:
        src = doc.source
        yield node, DCTERMS.source, URIRef(src) if re.match(r"https?://\S+$", src) else Literal(src)
    yield run, PROV.used, node
    yield graph, RDF.type, PROV.Bundle
    yield graph, PROV.wasDerivedFrom, node
    yield graph, PROV.wasGeneratedBy, run


def _statement_identity(rel: Relation, stmt: URIRef) -> Iterator[Triple]:
    """What the statement IRI is computed from: the same wherever the statement is told."""
    yield stmt, RDF.type, KG.RelationStatement
    yield stmt, RDF.subject, entity_iri(rel.subject)
    yield stmt, RDF.predicate, _term(rel.predicate)
    yield stmt, RDF.object, entity_iri(rel.object)
    yield stmt, KG.modality, Literal(rel.modality)
    yield stmt, KG.derived, Literal(bool(rel.derived))
    if rel.time:
        yield stmt, KG.time, time_literal(rel.time)
    if rel.place:
        yield stmt, KG.place, entity_iri(rel.place)
    if rel.role:
        yield stmt, KG.role, Literal(rel.role)
    if rel.modality == "asserted":
        yield entity_iri(rel.subject), _term(rel.predicate), entity_iri(rel.object)


def evidence_triples(stmt: URIRef, evidence: Iterable[Evidence]) -> Iterator[Triple]:
    """A statement's evidence nodes and the documents they come from."""
    evidence = sorted(set(evidence))
    for doc_id in sorted({ev.doc for ev in evidence}):
        yield stmt, PROV.wasDerivedFrom, document_iri(doc_id)
    for ev in evidence:
        node = _evidence_iri(ev)
        yield stmt, KG.evidence, node
        yield node, RDF.type, KG.Evidence
        yield node, KG.sentence, Literal(ev.sentence, lang="hi")
        yield node, KG.start, Literal(int(ev.start))
        yield node, KG.end, Literal(int(ev.end))
        yield node, KG.document, document_iri(ev.doc)


def statement_triples(rel: Relation, run: URIRef) -> Iterator[Triple]:
    """A relation statement as the default graph holds it: once, with its confidence (the
    highest of its statements across articles), the run and all its evidence."""
    stmt = statement_iri(rel)
    yield from _statement_identity(rel, stmt)
    yield stmt, KG.confidence, _decimal(rel.confidence)
    yield stmt, PROV.wasGeneratedBy, run
    yield from evidence_triples(stmt, rel.evidence)


def document_statement_triples(rel: Relation, doc_id: str,
                               evidence: Iterable[Evidence] | None = None) -> Iterator[Triple]:
    """A relation statement as the named graph of one document holds it: what identifies it,
    and that document's evidence (nothing that other documents could change; ``evidence``:
    that document's, when the caller has it already)."""
    stmt = statement_iri(rel)
    yield from _statement_identity(rel, stmt)
    if evidence is None:
        evidence = [ev for ev in rel.evidence if ev.doc == doc_id]
    yield from evidence_triples(stmt, evidence)


def _relation_quads(rel: Relation, run: URIRef) -> Iterator[Quad]:
    """The statement once in the default graph (graph None), and in the graph of each document
    evidencing it (by graph IRI)."""
    for s, p, o in statement_triples(rel, run):
        yield s, p, o, None
    by_doc: dict[str, list[Evidence]] = {}
    for ev in rel.evidence:
        by_doc.setdefault(ev.doc, []).append(ev)
    stmt = statement_iri(rel)
    identity = list(_statement_identity(rel, stmt))
    for doc_id in sorted(by_doc):
        graph = graph_iri(doc_id)
        for s, p, o in [*identity, *evidence_triples(stmt, by_doc[doc_id])]:
            yield s, p, o, graph


def _all_entities(kg: KnowledgeGraph) -> list[Entity]:
    """Entities of the graph plus any only referenced from relations (first wins)."""
    seen: dict[URIRef, Entity] = {}
    refs: Iterable[Entity | None] = (
        x for r in kg.relations for x in (r.subject, r.object, r.place)
    )  # fmt: skip
    for ent in [*kg.entities, *refs]:
        if ent is not None:
            seen.setdefault(entity_iri(ent), ent)
    return [seen[k] for k in sorted(seen)]


def _all_documents(kg: KnowledgeGraph) -> list[Document]:
    docs = {d.id: d for d in kg.documents}
    for rel in kg.relations:
        for ev in rel.evidence:
            docs.setdefault(ev.doc, Document(id=ev.doc, text=""))
    return [docs[k] for k in sorted(docs)]


def run_triples(run: URIRef, version: str) -> Iterator[Triple]:
    """The extraction run and the software that made it."""
    agent = SOFTWARE[f"kg-hindi-news/{_slug(version)}"]
    yield run, RDF.type, KG.ExtractionRun
    yield run, RDF.type, PROV.Activity
    yield run, KG.softwareVersion, Literal(version)
    yield run, PROV.wasAssociatedWith, agent
    yield agent, RDF.type, PROV.SoftwareAgent
    yield agent, RDFS.label, Literal(f"kg-hindi-news {version}")
    yield agent, KG.softwareVersion, Literal(version)


def run_iri(version: str, doc_ids: Iterable[str]) -> URIRef:
    """The IRI of an extraction run: of a software version over a set of documents."""
    return RUN[_digest(version, list(doc_ids))]


def dataset_quads(kg: KnowledgeGraph, run: URIRef | None = None) -> Iterator[Quad]:
    """The quads of :func:`to_rdf` (graph None for the default graph), without building a
    dataset: what :func:`kg.rdf.nquads.nquads` writes and stores load directly."""
    from kg import __version__

    docs = _all_documents(kg)
    run = run or run_iri(__version__, [d.id for d in docs])
    for s, p, o in run_triples(run, __version__):
        yield s, p, o, None
    for ent in _all_entities(kg):
        for s, p, o in entity_triples(ent):
            yield s, p, o, None
    for doc in docs:
        for s, p, o in document_triples(doc, run):
            yield s, p, o, None
    for rel in kg.relations:
        yield from _relation_quads(rel, run)


def to_rdf(kg: KnowledgeGraph, *, include_ontology: bool = False, run: URIRef | None = None) -> Dataset:
    """Build the RDF dataset of a knowledge graph.

    Parameters
    ----------
    kg
        The records (documents, entities, relations).
    include_ontology
        Also copy ``ontology/kg.ttl`` into the named graph
        ``https://w3id.org/kg-hindi/ontology``.
    run
        The run's IRI (default: from the software version and the documents).

    Returns
    -------
    rdflib.Dataset
        Entities, documents and provenance in the default graph; one named
        graph per document with the statements evidenced in it.

    Examples
    --------
    >>> from kg.rdf.sample import SEED_DOC, sample_graph
    >>> ds = to_rdf(sample_graph())
    >>> from kg.rdf.namespace import ENTITY
    >>> (ENTITY.Q7747, KG.visits, ENTITY.Q881) in ds.graph(graph_iri(SEED_DOC))
    True
    """
    ds = new_dataset()
    default = ds.default_graph
    graphs: dict[URIRef, Graph] = {}

    def graph(name: URIRef | None) -> Graph:
        if name is None:
            return default
        if name not in graphs:
            graphs[name] = ds.graph(name)
        return graphs[name]

    for doc in _all_documents(kg):
        graph(graph_iri(doc.id))  # every document has its graph, even with no statement
    ds.addN((s, p, o, graph(g)) for s, p, o, g in dataset_quads(kg, run))
    if include_ontology:
        from kg.rdf.io import ontology_path

        ds.graph(ONTOLOGY).parse(ontology_path("kg.ttl"), format="turtle")
    return ds
