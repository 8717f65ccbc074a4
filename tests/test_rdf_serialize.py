"""Serialization: formats, atomic writes, round trips (also over generated records)."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from rdflib import Dataset, Graph
from rdflib.compare import isomorphic

from kg.errors import KGError
from kg.graph import KnowledgeGraph
from kg.rdf import FORMATS, load_dataset, serialize, to_rdf
from kg.rdf.io import dataset_bytes, union_graph
from kg.rdf.namespace import PREDICATES
from kg.rdf.sample import sample_graph
from kg.records import ENTITY_TYPES, MODALITIES, Document, Entity, Evidence, Relation


def _graphs(ds: Graph) -> dict[str, Graph]:
    if not isinstance(ds, Dataset):
        return {"": ds}
    return {str(g.identifier): g for g in ds.graphs() if len(g)}


def assert_same(a: Graph, b: Graph, fmt: str) -> None:
    if fmt in ("ttl", "nt"):
        assert isomorphic(union_graph(a), union_graph(b))
        return
    ga, gb = _graphs(a), _graphs(b)
    assert sorted(ga) == sorted(gb)
    for name, graph in ga.items():
        assert isomorphic(graph, gb[name]), name


def _parse(data: bytes, fmt: str) -> Graph:
    names = {"ttl": "turtle", "trig": "trig", "jsonld": "json-ld", "nt": "nt", "nq": "nquads"}
    target = Dataset() if fmt in ("trig", "nq", "jsonld") else Graph()
    return target.parse(data=data.decode("utf-8"), format=names[fmt])


@pytest.fixture(scope="module")
def ds() -> Dataset:
    return to_rdf(sample_graph())


def test_formats() -> None:
    assert FORMATS == {"ttl": ".ttl", "trig": ".trig", "jsonld": ".jsonld", "nt": ".nt", "nq": ".nq"}


@pytest.mark.parametrize("fmt", sorted(FORMATS))
def test_round_trip_through_files(ds: Dataset, tmp_path: Path, fmt: str) -> None:
    path = serialize(ds, tmp_path / f"graph{FORMATS[fmt]}")
    assert path.is_file() and [p.name for p in tmp_path.iterdir()] == [path.name]  # no temp file left
    assert_same(ds, load_dataset(path), fmt)


def test_explicit_format_and_replace(ds: Dataset, tmp_path: Path) -> None:
    target = tmp_path / "out.data"
    target.write_text("old", encoding="utf-8")
    serialize(ds, target, "nq")
    assert target.read_text(encoding="utf-8").startswith("<")
    assert [p.name for p in tmp_path.iterdir()] == ["out.data"]


def test_unknown_format(ds: Dataset, tmp_path: Path) -> None:
    with pytest.raises(KGError, match="unknown output format"):
        serialize(ds, tmp_path / "graph.xyz")
    assert list(tmp_path.iterdir()) == []


def test_jsonld_uses_the_shipped_context(ds: Dataset) -> None:
    import json

    from kg.rdf.io import jsonld_context

    data = json.loads(dataset_bytes(ds, "jsonld"))
    assert data["@context"] == jsonld_context()
    assert data["@context"]["kg"] == "https://w3id.org/kg-hindi/ontology#"


def test_line_formats_are_sorted(ds: Dataset) -> None:
    lines = dataset_bytes(ds, "nq").splitlines()
    assert lines == sorted(lines)


# --- property test over generated records ------------------------------------------------------

_TEXT = st.text(
    alphabet=st.sampled_from(list("कखगपुतिनवियतामरूस। ") + list("abcXYZ09 \"'\\\n\t{}<>@#&")),
    min_size=1,
    max_size=20,
)
_ENTITY = st.builds(
    Entity,
    id=st.from_regex(r"[a-z][a-z0-9-]{0,8}", fullmatch=True),
    label=_TEXT,
    label_hi=st.one_of(st.just(""), _TEXT),
    type=st.sampled_from(ENTITY_TYPES),
    wikidata=st.one_of(st.none(), st.from_regex(r"Q[1-9][0-9]{0,6}", fullmatch=True)),
    aliases=st.lists(_TEXT, max_size=2),
)
_EVIDENCE = st.builds(
    Evidence, doc=st.sampled_from(["d1", "doc two", "डॉक"]), start=st.integers(0, 5000),
    end=st.integers(0, 5000), sentence=_TEXT,
)  # fmt: skip
_RELATION = st.builds(
    Relation,
    subject=_ENTITY,
    predicate=st.sampled_from(PREDICATES),
    object=_ENTITY,
    modality=st.sampled_from(MODALITIES),
    time=st.one_of(st.none(), st.sampled_from(["2024-06-20", "2023", "2024-06", "कल"])),
    place=st.one_of(st.none(), _ENTITY),
    confidence=st.floats(0, 1),
    derived=st.booleans(),
    evidence=st.lists(_EVIDENCE, max_size=3),
    role=st.one_of(st.none(), _TEXT),
)


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    entities=st.lists(_ENTITY, max_size=4),
    relations=st.lists(_RELATION, max_size=4),
    title=st.one_of(st.none(), _TEXT),
)
def test_round_trip_generated_records(
    entities: list[Entity], relations: list[Relation], title: str | None
) -> None:
    graph = KnowledgeGraph([Document("d1", "", title=title, date="2024-06-20")], entities, relations)
    ds = to_rdf(graph)
    for fmt in sorted(FORMATS):
        data = dataset_bytes(ds, fmt)
        assert data == dataset_bytes(to_rdf(graph), fmt)  # deterministic
        assert_same(ds, _parse(data, fmt), fmt)
