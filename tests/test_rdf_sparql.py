"""SPARQL: the example queries answer the seed facts, on both engines; limits and errors."""

from __future__ import annotations

from pathlib import Path

import pytest
from rdflib import Dataset

from kg.errors import KGError
from kg.rdf import open_store, run_query, serialize, to_rdf
from kg.rdf.io import ontology_path
from kg.rdf.sample import sample_graph
from kg.rdf.sparql import QueryTimeout, UpdateRefused, evaluate, is_update

QUERIES = sorted(ontology_path("queries").glob("*.rq"))


@pytest.fixture(scope="module")
def ds() -> Dataset:
    return to_rdf(sample_graph())


@pytest.fixture(scope="module")
def store(ds: Dataset):  # noqa: ANN201 - pyoxigraph.Store
    return open_store(ds)


def rows(result) -> list[tuple[str | None, ...]]:  # noqa: ANN001
    return [tuple(None if v is None else str(v) for v in row) for row in result]


def ask(name: str, graph, engine: str = "auto") -> list[dict[str, str | None]]:  # noqa: ANN001
    result = run_query(
        graph, (ontology_path("queries") / f"{name}.rq").read_text(encoding="utf-8"), engine=engine
    )
    names = [str(v) for v in result.vars]
    return [dict(zip(names, r, strict=True)) for r in rows(result)]


def test_the_six_example_queries_exist() -> None:
    assert {q.stem for q in QUERIES} == {
        "visits",
        "agreements",
        "warrants",
        "entity",
        "modality",
        "no_wikidata",
    }


@pytest.mark.parametrize("query", QUERIES, ids=lambda p: p.stem)
def test_engines_agree(ds: Dataset, store, query: Path) -> None:  # noqa: ANN001
    text = query.read_text(encoding="utf-8")
    expected = rows(run_query(ds, text, engine="rdflib"))
    assert expected, "every example query has answers on the seed facts"
    assert rows(run_query(store, text)) == expected


def test_visits(ds: Dataset) -> None:
    got = [(r["visitorLabel"], r["placeLabel"], r["time"], r["modality"]) for r in ask("visits", ds)]
    assert got == [("Vladimir Putin", "Vietnam", "2017", "asserted"),
                   ("Vladimir Putin", "Vietnam", "2024-06-20", "asserted")]  # fmt: skip


def test_agreements(ds: Dataset) -> None:
    got = {(r["partyLabel"], r["otherPartyLabel"], r["derived"]) for r in ask("agreements", ds)}
    assert got == {("Russia", "North Korea", "true"), ("Vladimir Putin", "Kim Jong Un", "false")}


def test_warrants(ds: Dataset) -> None:
    (row,) = ask("warrants", ds)
    assert row["issuer"].endswith("/entity/Q47488") and row["target"].endswith("/entity/Q7747")
    assert (row["issuerLabel"], row["time"], row["placeLabel"]) == (
        "International Criminal Court",
        "2023",
        "The Hague",
    )


def test_entity(ds: Dataset) -> None:
    got = ask("entity", ds)
    preds = {r["predicate"].rsplit("#", 1)[1] for r in got}
    assert preds == {
        "visits",
        "leads",
        "arrivesFrom",
        "signsAgreementWith",
        "meets",
        "issuesArrestWarrantFor",
    }
    warrant = next(r for r in got if r["predicate"].endswith("issuesArrestWarrantFor"))
    assert "गिरफ्तारी वारंट" in warrant["sentence"]
    assert all(r["sentence"] for r in got)


def test_modality(ds: Dataset) -> None:
    counts = {
        (r["modality"], r["predicate"].rsplit("#", 1)[1]): int(r["relations"]) for r in ask("modality", ds)
    }
    assert counts[("planned", "meets")] == 2
    assert counts[("alleged", "providesMilitaryAid")] == counts[("denied", "providesMilitaryAid")] == 1
    assert counts[("asserted", "visits")] == 2
    assert sum(counts.values()) == len(sample_graph().relations)


def test_no_wikidata(ds: Dataset) -> None:
    got = {r["label"] for r in ask("no_wikidata", ds)}
    assert got == {
        "Nguyen Phu Trong", "To Lam", "Nguyen Khac Giang", "ISEAS-Yusof Ishak Institute", "Kremlin",
        "ICC arrest warrant for Putin",
    }  # fmt: skip


def test_graph_clause_selects_a_document(ds: Dataset) -> None:
    q = "SELECT DISTINCT ?g WHERE { GRAPH ?g { ?s kg:visits ?o } }"
    assert rows(run_query(ds, q, engine="rdflib")) == rows(run_query(ds, q, engine="oxigraph"))
    assert [r[0] for r in rows(run_query(ds, q))] == ["https://w3id.org/kg-hindi/graph/000_f11f25e23ec2aca4"]


def test_ask_and_construct(ds: Dataset) -> None:
    for engine in ("rdflib", "oxigraph"):
        assert run_query(
            ds, "ASK { ent:Q47488 kg:issuesArrestWarrantFor ent:Q7747 }", engine=engine
        ).askAnswer
        graph = run_query(ds, "CONSTRUCT { ?s kg:visits ?o } WHERE { ?s kg:visits ?o }", engine=engine).graph
        assert len(graph) == 1


def test_query_a_file_and_a_folder(ds: Dataset, tmp_path: Path) -> None:
    path = serialize(ds, tmp_path / "graph.trig")
    assert run_query(path, "ASK { ent:Q7747 kg:visits ent:Q881 }").askAnswer
    assert run_query(tmp_path, "ASK { ent:Q7747 kg:visits ent:Q881 }").askAnswer


def test_knowledge_graph_query() -> None:
    result = sample_graph().query("SELECT ?o WHERE { ent:Q7747 kg:visits ?o }")
    assert rows(result) == [("https://w3id.org/kg-hindi/entity/Q881",)]


def test_auto_engine_uses_oxigraph_for_big_graphs(ds: Dataset, monkeypatch: pytest.MonkeyPatch) -> None:
    import kg.rdf.sparql as sparql

    monkeypatch.setattr(sparql, "AUTO_OXIGRAPH_TRIPLES", 10)
    calls = []
    monkeypatch.setattr(sparql, "_rdflib_query", lambda *a, **k: calls.append(a))
    assert run_query(ds, "ASK { ?s ?p ?o }").askAnswer and not calls
    run_query(ds, "ASK { ?s ?p ?o }", engine="rdflib")
    assert calls


@pytest.mark.parametrize("engine", ["rdflib", "oxigraph"])
def test_bad_and_update_queries(ds: Dataset, engine: str) -> None:
    with pytest.raises(KGError, match="could not be parsed"):
        run_query(ds, "SELECT ?x WHERE {", engine=engine)
    with pytest.raises(UpdateRefused, match="read-only"):
        run_query(ds, "PREFIX ex: <http://e/#x>\n# c\nDELETE WHERE { ?s ?p ?o }", engine=engine)
    with pytest.raises(KGError, match="empty"):
        run_query(ds, "  ", engine=engine)


def test_is_update() -> None:
    assert is_update("insert data { <a> <b> <c> }")
    assert is_update("BASE <http://x/> WITH <g> DELETE { ?s ?p ?o } WHERE { ?s ?p ?o }")
    assert not is_update('SELECT ("INSERT" AS ?x) WHERE {}')
    assert not is_update("# INSERT\nASK {}")


def test_row_cap(store) -> None:  # noqa: ANN001
    answer = evaluate(store, "SELECT * WHERE { ?s ?p ?o }", max_rows=5)
    assert len(answer.rows) == 5 and answer.truncated
    assert not evaluate(store, "SELECT * WHERE { ?s a kg:Document }", max_rows=5).truncated


def test_timeout() -> None:
    import pyoxigraph as ox

    big = ox.Store()
    big.extend(
        ox.Quad(
            ox.NamedNode(f"http://e/{i}"), ox.NamedNode("http://e/p"), ox.Literal(str(i)), ox.DefaultGraph()
        )
        for i in range(250)
    )  # ~1 s to count: over the limit, and the abandoned thread ends soon after
    slow = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i }"
    with pytest.raises(QueryTimeout, match="stopped after 0.2 s"):
        evaluate(big, slow, timeout=0.2)


def test_errors_in_worker_thread_free_oxigraph_objects_there(store, monkeypatch: pytest.MonkeyPatch) -> None:  # noqa: ANN001
    import gc
    import sys

    from kg.rdf.results import execute

    seen = []
    monkeypatch.setattr(sys, "unraisablehook", seen.append)
    with pytest.raises(KGError, match="does not fit"):
        execute(store, "CONSTRUCT WHERE { ?s ?p ?o }", lambda kind: "csv", timeout=5)
    gc.collect()
    assert seen == []


def test_a_statement_of_many_articles_is_counted_once(tmp_path: Path) -> None:
    """Issue 10: the per-document graphs queried as a union gave a statement once per article."""
    import kg as kg_api

    for n in range(3):
        (tmp_path / f"a{n}.txt").write_text(f"लेख {n}\nरूस ने यूक्रेन पर हमला किया।\n", encoding="utf-8")
    graph = kg_api.build(tmp_path, model=False)
    once = "SELECT ?st WHERE { ?st rdf:predicate kg:attacks }"
    per_doc = "SELECT ?g ?st WHERE { GRAPH ?g { ?st rdf:predicate kg:attacks } }"
    assert len(list(graph.query(once))) == 1
    assert len(list(graph.query(per_doc))) == 3
    evidence = "SELECT ?ev WHERE { ?st rdf:predicate kg:attacks ; kg:evidence ?ev }"
    assert len(list(graph.query(evidence))) == 3  # the one statement keeps every article's evidence
    out = tmp_path / "out"
    graph.save(out, formats=("ttl", "trig"), html=False)
    for source in (out, out / "graph.ttl", out / "graph.trig"):
        assert len(list(run_query(source, once))) == 1, source
