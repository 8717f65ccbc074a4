"""Records round-trip: JSON Lines written by KnowledgeGraph.save read back by KnowledgeGraph.load."""

from __future__ import annotations

import tempfile
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from kg.graph import KnowledgeGraph
from kg.output import jsonl
from kg.records import ENTITY_TYPES, MODALITIES, Document, Entity, Evidence, Mention, Relation

text = st.text(alphabet=st.characters(blacklist_categories=("Cs",)), max_size=30)
ids = st.from_regex(r"[a-z][a-z0-9-]{0,12}", fullmatch=True)


@st.composite
def entities(draw: st.DrawFn) -> Entity:
    mention = st.builds(Mention, st.just("d1"), st.integers(0, 99), st.integers(100, 200), text)
    mentions = draw(st.lists(mention, max_size=3))
    return Entity(draw(ids), draw(text), draw(text), draw(st.sampled_from(ENTITY_TYPES)),
                  draw(st.one_of(st.none(), st.from_regex(r"Q[1-9][0-9]{0,6}", fullmatch=True))),
                  sorted(set(draw(st.lists(text, max_size=3)))), sorted(set(mentions)))


@st.composite
def graphs(draw: st.DrawFn) -> KnowledgeGraph:
    ents = {e.id: e for e in draw(st.lists(entities(), min_size=2, max_size=5))}
    pool = list(ents.values())
    rels = []
    for _ in range(draw(st.integers(0, 4))):
        evidence = [Evidence("d1", 0, 10, draw(text))]
        rels.append(Relation(
            draw(st.sampled_from(pool)), draw(st.sampled_from(["visits", "meets", "leads"])),
            draw(st.sampled_from(pool)), draw(st.sampled_from(MODALITIES)),
            draw(st.one_of(st.none(), st.sampled_from(["2023", "2024-06-20"]))),
            draw(st.one_of(st.none(), st.sampled_from(pool))), round(draw(st.floats(0, 1)), 3),
            draw(st.booleans()), evidence, draw(st.one_of(st.none(), text)),
        ))
    return KnowledgeGraph([Document("d1", "", title=draw(text), date="2024-06-20")], pool, rels)


def _write_jsonl(graph: KnowledgeGraph, out: Path) -> None:
    records = graph.to_records()
    for name in ("documents", "entities", "triples"):
        (out / f"{name}.jsonl").write_text(jsonl(records[name]), encoding="utf-8")


@settings(max_examples=60, deadline=None)
@given(graphs())
def test_jsonl_round_trip(graph: KnowledgeGraph) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        _write_jsonl(graph, Path(tmp))
        again = KnowledgeGraph.load(tmp)
    assert again.to_records()["entities"] == graph.to_records()["entities"]
    assert again.to_records()["triples"] == graph.to_records()["triples"]
    assert again.to_records()["documents"] == graph.to_records()["documents"]
