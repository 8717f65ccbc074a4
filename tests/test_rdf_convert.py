"""Records to RDF: IRIs, labels, statements, named graphs, provenance, determinism."""

from __future__ import annotations

import os
import subprocess
import sys
from decimal import Decimal

import pytest
from rdflib import OWL, RDF, RDFS, SKOS, XSD, Dataset, Literal, URIRef
from rdflib.namespace import DCTERMS, PROV

import kg
from kg.graph import KnowledgeGraph
from kg.rdf import to_rdf
from kg.rdf.convert import entity_iri, graph_iri, statement_iri
from kg.rdf.io import FORMATS, dataset_bytes
from kg.rdf.namespace import DOCUMENT, ENTITY, KG, WD
from kg.rdf.sample import SEED_DOC, sample_graph
from kg.records import Document, Entity, Evidence, Relation

PUTIN = Entity("Q7747", "Vladimir Putin", "व्लादिमीर पुतिन", "Person", "Q7747", aliases=["पुतिन"])
VIETNAM = Entity("Q881", "Vietnam", "वियतनाम", "Country", "Q881")
GIANG = Entity("nguyen-khac-giang", "Nguyen Khac Giang", "गुयेन खाक गियांग", "Person")


@pytest.fixture(scope="module")
def ds() -> Dataset:
    return to_rdf(sample_graph())


def _statement(ds: Dataset, subject: URIRef, predicate: str, obj: URIRef) -> list[URIRef]:
    return sorted(
        s for s in ds.subjects(RDF.subject, subject)
        if (s, RDF.predicate, KG[predicate]) in ds and (s, RDF.object, obj) in ds
    )  # fmt: skip


def _union(ds: Dataset) -> Dataset:
    return Dataset(store=ds.store, default_union=True)


def test_entity_iris_are_stable_and_qid_based() -> None:
    assert entity_iri(PUTIN) == ENTITY.Q7747
    assert entity_iri(GIANG) == ENTITY["nguyen-khac-giang"]
    odd = Entity("a b/ç", "A B", "", "Person")
    assert str(entity_iri(odd)) == "https://w3id.org/kg-hindi/entity/a%20b%2F%C3%A7"
    # the QID wins over the id, so a slug-id entity later linked to Wikidata gets the QID IRI
    assert entity_iri(Entity("vladimir-putin", "Vladimir Putin", "", "Person", "Q7747")) == ENTITY.Q7747


def test_entities(ds: Dataset) -> None:
    putin = ENTITY.Q7747
    assert (putin, RDF.type, KG.Person) in ds
    assert (putin, OWL.sameAs, WD.Q7747) in ds
    assert (putin, RDFS.label, Literal("Vladimir Putin", lang="en")) in ds
    assert (putin, RDFS.label, Literal("व्लादिमीर पुतिन", lang="hi")) in ds
    assert (putin, SKOS.altLabel, Literal("पुतिन", lang="hi")) in ds
    assert (putin, SKOS.altLabel, Literal("Putin", lang="en")) in ds
    giang = ENTITY["nguyen-khac-giang"]
    assert (giang, RDF.type, KG.Person) in ds and not list(ds.objects(giang, OWL.sameAs))


def test_direct_triple_and_statement(ds: Dataset) -> None:
    graph = ds.graph(graph_iri(SEED_DOC))
    assert (ENTITY.Q7747, KG.visits, ENTITY.Q881) in graph
    u = _union(ds)
    stmts = _statement(u, ENTITY.Q7747, "visits", ENTITY.Q881)
    assert len(stmts) == 2  # 2024-06-20 and 2017
    times = {u.value(s, KG.time) for s in stmts}
    assert times == {Literal("2024-06-20", datatype=XSD.date), Literal("2017", datatype=XSD.gYear)}
    st = next(s for s in stmts if u.value(s, KG.time).datatype == XSD.date)
    assert (st, RDF.type, KG.RelationStatement) in graph
    assert u.value(st, KG.modality) == Literal("asserted")
    assert u.value(st, KG.confidence) == Literal(Decimal("0.9"), datatype=XSD.decimal)
    assert u.value(st, KG.derived) == Literal(False)
    assert u.value(st, KG.place) == ENTITY.Q1858
    assert u.value(st, PROV.wasDerivedFrom) == DOCUMENT[SEED_DOC]
    ev = u.value(st, KG.evidence)
    assert (ev, RDF.type, KG.Evidence) in graph
    assert u.value(ev, KG.sentence).language == "hi"
    assert (u.value(ev, KG.start).toPython(), u.value(ev, KG.end).toPython()) == (89, 229)
    assert u.value(ev, KG.document) == DOCUMENT[SEED_DOC]


def test_derived_role_and_modalities(ds: Dataset) -> None:
    u = _union(ds)
    (agreement,) = _statement(u, ENTITY.Q159, "signsAgreementWith", ENTITY.Q423)
    assert u.value(agreement, KG.derived) == Literal(True)
    (leads,) = _statement(u, ENTITY.Q7747, "leads", ENTITY.Q159)
    assert u.value(leads, KG.role) == Literal("President")
    aid = _statement(u, ENTITY.Q423, "providesMilitaryAid", ENTITY.Q159)
    assert {str(u.value(s, KG.modality)) for s in aid} == {"alleged", "denied"}
    # only asserted relations become direct triples
    assert (ENTITY.Q423, KG.providesMilitaryAid, ENTITY.Q159) not in u
    assert (ENTITY.Q7747, KG.meets, ENTITY["to-lam"]) not in u


def test_documents_and_provenance(ds: Dataset) -> None:
    doc = DOCUMENT[SEED_DOC]
    default = ds.default_graph
    assert (doc, RDF.type, KG.Document) in default
    assert default.value(doc, DCTERMS.date) == Literal("2024-06-20", datatype=XSD.date)
    assert default.value(doc, DCTERMS.language) == Literal("hi", datatype=XSD.language)
    assert default.value(doc, DCTERMS.title).language == "hi"
    (run,) = set(default.subjects(RDF.type, PROV.Activity))
    assert default.value(run, KG.softwareVersion) == Literal(kg.__version__)
    assert (graph_iri(SEED_DOC), PROV.wasDerivedFrom, doc) in default
    for st in _union(ds).subjects(RDF.type, KG.RelationStatement):
        assert (st, PROV.wasGeneratedBy, run) in _union(ds)


def test_one_named_graph_per_document() -> None:
    ev_a = Evidence("doc-a", 0, 10, "पुतिन वियतनाम गए।")
    ev_b = Evidence("doc-b", 5, 20, "पुतिन ने वियतनाम का दौरा किया।")
    both = Relation(PUTIN, "visits", VIETNAM, time="2024-06-20", confidence=0.9, evidence=[ev_a, ev_b])
    only_b = Relation(GIANG, "visits", VIETNAM, confidence=0.4, evidence=[ev_b])
    graph = KnowledgeGraph(
        [Document("doc-a", ""), Document("doc-b", "")], [PUTIN, VIETNAM, GIANG], [both, only_b]
    )
    ds = to_rdf(graph)
    a, b = ds.graph(graph_iri("doc-a")), ds.graph(graph_iri("doc-b"))
    st = statement_iri(both)
    assert (st, RDF.type, KG.RelationStatement) in a and (st, RDF.type, KG.RelationStatement) in b
    assert (ENTITY.Q7747, KG.visits, ENTITY.Q881) in a and (ENTITY.Q7747, KG.visits, ENTITY.Q881) in b
    assert (ENTITY["nguyen-khac-giang"], KG.visits, ENTITY.Q881) in b
    assert (ENTITY["nguyen-khac-giang"], KG.visits, ENTITY.Q881) not in a
    assert len(list(a.objects(st, KG.evidence))) == 1 and len(list(b.objects(st, KG.evidence))) == 1
    # same entity in two documents: one node
    assert len(set(ds.default_graph.subjects(RDF.type, KG.Person))) == 2


def test_relation_without_evidence_goes_to_default_graph() -> None:
    ds = to_rdf(KnowledgeGraph([], [PUTIN, VIETNAM], [Relation(PUTIN, "visits", VIETNAM)]))
    assert (ENTITY.Q7747, KG.visits, ENTITY.Q881) in ds.default_graph
    assert [g for g in ds.graphs() if len(g) and g.identifier != ds.default_graph.identifier] == []


def test_entities_only_in_relations_get_nodes() -> None:
    ds = to_rdf(KnowledgeGraph([], [], [Relation(PUTIN, "visits", VIETNAM, place=GIANG)]))
    assert (ENTITY.Q881, RDFS.label, Literal("Vietnam", lang="en")) in ds.default_graph
    assert (ENTITY["nguyen-khac-giang"], RDF.type, KG.Person) in ds.default_graph


def test_time_and_confidence_literals() -> None:
    rels = [
        Relation(PUTIN, "visits", VIETNAM, time=t, confidence=c, evidence=[Evidence("d", 0, 1, "क")])
        for t, c in [("2024-06", 1), ("2024-02-30", 0.12345), ("पिछले साल", 0)]
    ]
    u = _union(to_rdf(KnowledgeGraph([], [], rels)))
    times = {str(o): o.datatype for o in u.objects(None, KG.time)}
    assert times == {"2024-06": XSD.gYearMonth, "2024-02-30": None, "पिछले साल": None}
    assert {str(o) for o in u.objects(None, KG.confidence)} == {"1.0", "0.123", "0.0"}


def test_unknown_predicate_is_minted_not_fatal() -> None:
    rel = Relation(PUTIN, "praises", VIETNAM, evidence=[Evidence("d", 0, 1, "क")])
    assert (ENTITY.Q7747, KG._NS.praises, ENTITY.Q881) in _union(to_rdf(KnowledgeGraph([], [], [rel])))


def test_no_blank_nodes(ds: Dataset) -> None:
    from rdflib import BNode

    assert not [q for q in ds.quads() if any(isinstance(t, BNode) for t in q[:3])]


def test_knowledge_graph_rdf_property() -> None:
    graph = sample_graph()
    assert (ENTITY.Q7747, KG.visits, ENTITY.Q881) in _union(graph.rdf)


@pytest.mark.parametrize("fmt", sorted(FORMATS))
def test_two_builds_give_the_same_bytes(fmt: str) -> None:
    assert dataset_bytes(to_rdf(sample_graph()), fmt) == dataset_bytes(to_rdf(sample_graph()), fmt)


def test_same_bytes_across_processes() -> None:
    code = (
        "import sys; from kg.rdf import to_rdf; from kg.rdf.io import dataset_bytes;"
        "from kg.rdf.sample import sample_graph; ds = to_rdf(sample_graph());"
        "sys.stdout.buffer.write(b''.join(dataset_bytes(ds, f) for f in ('ttl', 'trig', 'nq', 'jsonld')))"
    )
    outs = {
        subprocess.run([sys.executable, "-c", code], capture_output=True, check=True,
                       env={**os.environ, "PYTHONHASHSEED": seed}).stdout
        for seed in ("1", "2")
    }  # fmt: skip
    assert len(outs) == 1


def test_devanagari_label_counts_as_hindi() -> None:
    only_hi = Entity("x-1", "गुयेन खाक गियांग", "गुयेन खाक गियांग", "Person")
    two_hi = Entity("x-2", "गुयेन खाक", "गुयेन खाक गियांग", "Person")
    default = to_rdf(KnowledgeGraph([], [only_hi, two_hi], [])).default_graph
    assert set(default.objects(ENTITY["x-1"], RDFS.label)) == {Literal("गुयेन खाक गियांग", lang="hi")}
    assert set(default.objects(ENTITY["x-2"], RDFS.label)) == {Literal("गुयेन खाक गियांग", lang="hi")}
    assert set(default.objects(ENTITY["x-2"], SKOS.altLabel)) == {Literal("गुयेन खाक", lang="hi")}


def test_include_ontology() -> None:
    from kg.rdf.namespace import ONTOLOGY

    ds = to_rdf(sample_graph(), include_ontology=True)
    assert (KG.visits, RDFS.label, Literal("visits", lang="en")) in ds.graph(ONTOLOGY)
    assert (KG.visits, RDFS.label, None) not in ds.default_graph
