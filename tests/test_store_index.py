"""The store's incremental RDF update equals a rebuild from the records, for any sequence of
additions, changes and removals (hypothesis), including the cases that touch a statement's
IRI: a fact told with a place or a role in one article and without in another, an entity
listed twice in one article with different aliases, a direct triple kept by a second fact."""

from __future__ import annotations

from pathlib import Path

import pyoxigraph as ox
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from kg.parallel import PipelineSpec
from kg.rdf.io import dataset_bytes
from kg.records import Document, Entity, Evidence, Relation
from kg.store import CorpusStore
from kg.store.index import fact_id

RUSSIA = Entity("Q159", "Russia", "रूस", "Country", "Q159")
UKRAINE = Entity("Q212", "Ukraine", "यूक्रेन", "Country", "Q212")
PERSON = Entity("ivan-petrov", "Ivan Petrov", "इवान पेत्रोव", "Person")
MOSCOW = Entity("Q649", "Moscow", "मॉस्को", "City", "Q649")
PAIRS = [(RUSSIA, UKRAINE), (UKRAINE, RUSSIA), (PERSON, RUSSIA)]

relation = st.tuples(st.sampled_from(range(len(PAIRS))), st.sampled_from(["attacks", "meets"]),
                     st.sampled_from(["asserted", "planned"]), st.sampled_from([None, "2024"]),
                     st.booleans(), st.sampled_from([None, "President"]), st.sampled_from([0.5, 0.7, 0.9]),
                     st.integers(0, 2))
article = st.tuples(st.lists(relation, max_size=4), st.lists(st.sampled_from(["a", "b", "c"]), max_size=2))
step = st.tuples(st.sampled_from(["add", "add", "remove"]), st.integers(0, 3), article)


def _copy(ent: Entity, aliases: list[str]) -> Entity:
    return Entity(ent.id, ent.label, ent.label_hi, ent.type, ent.wikidata, aliases=list(aliases))


def records(doc_id: str, spec: tuple) -> tuple[list[Entity], list[Relation]]:
    """An article's records from a drawn description (no extraction: the store's part only)."""
    rels, aliases = spec
    relations = []
    for pair, predicate, modality, time, placed, role, confidence, sentence in rels:
        subject, obj = PAIRS[pair]
        relations.append(Relation(subject, predicate, obj, modality, time, MOSCOW if placed else None,
                                  confidence, evidence=[Evidence(doc_id, 10 * sentence, 10 * sentence + 9,
                                                                 f"वाक्य {sentence}")], role=role))
        assert fact_id(relations[-1]) == fact_id(Relation(subject, predicate, obj, modality, time))
    entities = [_copy(e, aliases[:1]) for e in (RUSSIA, UKRAINE, PERSON, MOSCOW)]
    entities.append(_copy(RUSSIA, aliases[1:]))  # the same entity twice in one article
    return entities, relations


def _quads(store: CorpusStore) -> set:
    return {q for q in store.graph.quads_for_pattern(None, None, None, None)
            if not (isinstance(q.graph_name, ox.NamedNode) and q.graph_name.value == "urn:kg:store")}


def _rebuilt(store: CorpusStore) -> set:
    fresh = ox.Store()
    fresh.bulk_load(dataset_bytes(store._rdf_run_dataset(), "nq"), format=ox.RdfFormat.N_QUADS)
    return set(fresh.quads_for_pattern(None, None, None, None))


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(steps=st.lists(step, min_size=1, max_size=6))
def test_any_sequence_of_changes_equals_a_rebuild(tmp_path_factory, steps: list) -> None:  # noqa: ANN001
    with CorpusStore(tmp_path_factory.mktemp("s") / "store") as store:
        for op, n, spec in steps:
            doc_id = f"doc-{n}"
            if op == "remove":
                if not store.remove(doc_id):
                    continue  # nothing changed (an empty store holds no run either)
            else:
                doc = Document(doc_id, repr(spec), title=doc_id)
                store.add([doc], PipelineSpec(model=False),
                          extract=lambda todo, *_, spec=spec: [records(d.id, spec) for d in todo])
            assert _quads(store) == _rebuilt(store)


def test_a_format_1_store_is_upgraded_by_its_first_writer(tmp_path: Path) -> None:
    import sqlite3

    with CorpusStore(tmp_path / "s") as store:
        for n in range(3):
            spec = ([(0, "attacks", "asserted", None, n == 1, None, 0.7, n)], ["a"])
            store.add([Document(f"doc-{n}", f"text {n}")], PipelineSpec(model=False),
                      extract=lambda todo, *_, spec=spec: [records(d.id, spec) for d in todo])
        expected = _quads(store)
    with sqlite3.connect(tmp_path / "s" / "records.sqlite") as db:  # what kg 0.x's format 1 had
        db.execute("DROP TABLE fact_docs")
        db.execute("DROP TABLE entity_aliases")
        db.execute("UPDATE meta SET value = '1' WHERE key = 'format'")
    with CorpusStore(tmp_path / "s", write=False) as reader:  # read as it is
        assert len(reader.documents()) == 3
    with CorpusStore(tmp_path / "s") as store:
        assert store.db.meta("format") == "2"
        assert _quads(store) == expected
        store.remove("doc-1")
        assert _quads(store) == _rebuilt(store)
