"""Quality on the seed article, measured against the gold file written by reading it."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

import kg
from kg.evaluate import evaluate

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "seeds" / "000_f11f25e23ec2aca4.txt"
GOLD = json.loads((ROOT / "tests" / "gold" / "000_f11f25e23ec2aca4.gold.json").read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def graph() -> kg.KnowledgeGraph:
    return kg.build(SEED)


@pytest.fixture(scope="module")
def report(graph: kg.KnowledgeGraph) -> dict:
    records = graph.to_records()
    return evaluate(GOLD, records["entities"], records["triples"])


@pytest.mark.parametrize(("subject", "predicate", "obj"), [
    ("Q7747", "visits", "Q881"),  # Putin visits Vietnam
    ("Q159", "signsAgreementWith", "Q423"),  # Russia - North Korea (derived from the leaders)
    ("Q47488", "issuesArrestWarrantFor", "Q7747"),  # ICC - Putin
])
def test_design_card_facts(graph: kg.KnowledgeGraph, subject: str, predicate: str, obj: str) -> None:
    assert any(r.subject.id == subject and r.predicate == predicate and r.object.id == obj
               for r in graph.relations)


def test_relation_recall_and_precision(report: dict) -> None:
    """The rules were written on the seed and score 1.00 there: any drop is a regression.

    (Issue 5 asks that the NER model costs the seed nothing; a new model or merge rule
    once lost "Russia rejects the ICC" by reading "मास्को न्यायालय" as one court.)
    """
    rel = report["relations"]
    assert rel["recall"] == 1.0, rel["missing"]
    assert rel["precision"] == 1.0, rel["spurious"]


def test_every_named_entity_found_and_canonicalized(report: dict) -> None:
    ent = report["entities"]
    assert ent["missing"] == []
    assert ent["not_canonicalized"] == []
    assert ent["typed"]["recall"] == 1.0


def test_putin_is_one_node_with_all_his_names(graph: kg.KnowledgeGraph) -> None:
    putin = graph.entity("Q7747")
    assert putin is not None and putin.label == "Vladimir Putin" and putin.type == "Person"
    assert {"Putin", "पुतिन", "व्लादिमीर पुतिन", "रूसी नेता"} <= set(putin.aliases)
    assert [e.id for e in graph.entities if e.label == "Vladimir Putin"] == ["Q7747"]


def test_metonyms_and_demonyms_keep_surface_form(graph: kg.KnowledgeGraph) -> None:
    russia = graph.entity("Q159")
    assert {"रूसी", "मास्को", "क्रेमलिन", "रूस"} <= {m.text for m in russia.mentions}
    north_korea = graph.entity("Q423")
    assert {"उत्तर कोरियाई", "प्योंगयांग", "उत्तर कोरिया"} <= {m.text for m in north_korea.mentions}


def test_visit_has_time_place_and_evidence_offsets(graph: kg.KnowledgeGraph) -> None:
    text = SEED.read_text(encoding="utf-8")
    visit = next(r for r in graph.relations
                 if r.predicate == "visits" and r.object.id == "Q881" and r.time == "2024-06-20")
    assert visit.place is not None and visit.place.id == "Q1858"  # Hanoi, from the dateline
    for ev in visit.evidence:
        assert text[ev.start:ev.end] == ev.sentence
    assert 0 < visit.confidence <= 1


def test_mention_offsets_point_into_original_text(graph: kg.KnowledgeGraph) -> None:
    text = SEED.read_text(encoding="utf-8")
    for ent in graph.entities:
        for m in ent.mentions:
            assert text[m.start:m.end] == m.text


def test_modalities(graph: kg.KnowledgeGraph) -> None:
    by = {(r.subject.id, r.predicate, r.object.label): r.modality for r in graph.relations}
    assert by[("Q7747", "meets", "To Lam")] == "planned"
    assert by[("Q423", "providesMilitaryAid", "Russia")] == "alleged"


def test_analytics_on_seed(graph: kg.KnowledgeGraph) -> None:
    from kg.analytics import central_entities, neighbourhood, relations_between

    assert central_entities(graph.nx, 1)[0][0] == "Q7747"  # Putin is the hub of the article
    assert ("Q159", "signsAgreementWith", "Q423") in relations_between(graph.nx, "Q423", "Q159")
    assert {"Q881", "Q47488"} <= set(neighbourhood(graph.nx, "Q7747").nodes)
