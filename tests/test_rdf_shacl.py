"""SHACL: graphs built from records conform; broken graphs give readable one-line reports."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner
from rdflib import RDFS, XSD, Dataset, Literal

from kg.cli import main
from kg.errors import KGError
from kg.rdf import serialize, to_rdf, validate
from kg.rdf.namespace import ENTITY, KG
from kg.rdf.sample import sample_graph


@pytest.fixture
def ds() -> Dataset:
    return to_rdf(sample_graph())


def _union(ds: Dataset) -> Dataset:
    return Dataset(store=ds.store, default_union=True)


def test_graph_from_records_conforms(ds: Dataset) -> None:
    assert validate(ds) == (True, "conforms: no SHACL violations")


def test_missing_label(ds: Dataset) -> None:
    ds.default_graph.remove((ENTITY.Q881, RDFS.label, None))
    ok, report = validate(ds)
    assert not ok
    assert "Violation: ent:Q881 rdfs:label: entity has no rdfs:label" in report.splitlines()


def test_confidence_out_of_range(ds: Dataset) -> None:
    for g in ds.graphs():
        for st, _, _ in list(g.triples((None, KG.confidence, Literal("0.9", datatype=XSD.decimal)))):
            g.set((st, KG.confidence, Literal("1.5", datatype=XSD.decimal)))
    ok, report = validate(ds)
    assert not ok
    lines = [x for x in report.splitlines() if "kg:confidence" in x]
    assert lines and all("between 0 and 1" in x and "(value: '1.5')" in x for x in lines)


def test_statement_without_evidence(ds: Dataset) -> None:
    st = min(_union(ds).subjects(KG.evidence, None))
    for g in ds.graphs():
        g.remove((st, KG.evidence, None))
    ok, report = validate(ds)
    assert not ok
    (line,) = [x for x in report.splitlines() if "no evidence" in x]
    assert line.startswith("Violation: stmt:") and line.endswith(
        "relation statement has no evidence (kg:evidence)"
    )


def test_bad_modality_and_predicate(ds: Dataset) -> None:
    from rdflib import RDF

    st = next(ds.default_graph.subjects(KG.modality, None))
    for graph in ds.graphs():  # a statement is in the default graph and in its document's graph
        if (st, KG.modality, None) in graph:
            graph.set((st, KG.modality, Literal("rumoured")))
            graph.set((st, RDF.predicate, KG._NS.praises))
    ok, report = validate(ds)
    assert "kg:modality must be one of asserted, planned, alleged, denied, negated" in report
    assert "rdf:predicate is not a relation predicate of the kg ontology" in report
    assert report.splitlines()[0] == "does not conform: 2 problem(s)"


def test_validate_a_file(ds: Dataset, tmp_path: Path) -> None:
    path = serialize(ds, tmp_path / "graph.trig")
    assert validate(path)[0]
    assert validate(serialize(ds, tmp_path / "graph.ttl"))[0]


def test_validate_bad_input(tmp_path: Path) -> None:
    with pytest.raises(KGError, match="no such file"):
        validate(tmp_path / "nope.ttl")
    (tmp_path / "bad.ttl").write_text("this is not turtle", encoding="utf-8")
    with pytest.raises(KGError, match="not a valid ttl graph"):
        validate(tmp_path / "bad.ttl")


def test_cli_validate(ds: Dataset, tmp_path: Path) -> None:
    good = serialize(ds, tmp_path / "good" / "graph.trig")
    result = CliRunner().invoke(main, ["validate", str(good.parent)])
    assert result.exit_code == 0 and "conforms" in result.output
    ds.default_graph.remove((ENTITY.Q7747, RDFS.label, None))
    bad = serialize(ds, tmp_path / "bad.trig")
    result = CliRunner().invoke(main, ["validate", str(bad)])
    assert result.exit_code == 1
    assert "ent:Q7747 rdfs:label: entity has no rdfs:label" in result.output


def test_cli_validate_errors(tmp_path: Path) -> None:
    result = CliRunner().invoke(main, ["validate", str(tmp_path / "missing.trig")])
    assert result.exit_code != 0 and "no such file" in result.output and "Traceback" not in result.output
    assert "kg validate output/" in CliRunner().invoke(main, ["validate", "--help"]).output


def test_unknown_entity_type() -> None:
    from kg.graph import KnowledgeGraph
    from kg.records import Entity, Evidence, Relation

    odd = Entity("mars", "Mars", "मंगल", "Planet")
    putin = Entity("Q7747", "Vladimir Putin", "व्लादिमीर पुतिन", "Person", "Q7747")
    rel = Relation(putin, "visits", odd, confidence=0.5, evidence=[Evidence("d", 0, 5, "पुतिन मंगल गए।")])
    ok, report = validate(to_rdf(KnowledgeGraph([], [putin, odd], [rel])))
    assert not ok and "rdf:object is not an entity of a known type" in report
