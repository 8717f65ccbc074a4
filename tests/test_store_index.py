"""The store's incremental RDF update equals a rebuild from the records, for any sequence of
additions, changes and removals (hypothesis), including the cases that touch a statement's
IRI: a fact told with a place or a role in one article and without in another, an entity
listed twice in one article with different aliases, a direct triple kept by a second fact."""

from __future__ import annotations

from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from kg.parallel import PipelineSpec
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
    entities = [_copy(e, aliases[:1]) for e in (RUSSIA, UKRAINE, PERSON, MOSCOW)]
    entities.append(_copy(RUSSIA, aliases[1:]))  # the same entity twice in one article
    return entities, relations






def test_a_fact_is_its_merge_key_whatever_its_place_role_and_confidence() -> None:
    told = Relation(RUSSIA, "attacks", UKRAINE, "asserted", "2024", MOSCOW, 0.9, role="President")
    assert fact_id(told) == fact_id(Relation(RUSSIA, "attacks", UKRAINE, "asserted", "2024"))
    assert fact_id(told) != fact_id(Relation(RUSSIA, "attacks", UKRAINE, "planned", "2024"))
    assert fact_id(told) != fact_id(Relation(UKRAINE, "attacks", RUSSIA, "asserted", "2024"))


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(steps=st.lists(step, min_size=1, max_size=6))
def test_any_sequence_of_changes_equals_a_rebuild(tmp_path_factory, store_rdf, steps: list) -> None:  # noqa: ANN001
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
            assert store_rdf.quads(store) == store_rdf.rebuilt(store)


def test_a_format_1_store_is_upgraded_by_its_first_writer(tmp_path: Path, store_rdf) -> None:
    import sqlite3

    with CorpusStore(tmp_path / "s") as store:
        for n in range(3):
            spec = ([(0, "attacks", "asserted", None, n == 1, None, 0.7, n)], ["a"])
            store.add([Document(f"doc-{n}", f"text {n}")], PipelineSpec(model=False),
                      extract=lambda todo, *_, spec=spec: [records(d.id, spec) for d in todo])
        expected = store_rdf.quads(store)
    with sqlite3.connect(tmp_path / "s" / "records.sqlite") as db:  # what kg 0.x's format 1 had
        db.execute("DROP TABLE fact_docs")
        db.execute("DROP TABLE entity_aliases")
        db.execute("UPDATE meta SET value = '1' WHERE key = 'format'")
    with CorpusStore(tmp_path / "s", write=False) as reader:  # read as it is
        assert len(reader.documents()) == 3
    with CorpusStore(tmp_path / "s") as store:
        assert store.db.meta("format") == "2"
        assert store_rdf.quads(store) == expected
        store.remove("doc-1")
        assert store_rdf.quads(store) == store_rdf.rebuilt(store)
