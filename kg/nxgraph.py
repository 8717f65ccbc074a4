"""The knowledge graph as a NetworkX ``MultiDiGraph``, and a copy of it fit for GraphML."""

from __future__ import annotations

import json
from typing import TYPE_CHECKING

import networkx as nx

from kg.xmlchars import UNSAFE, xml_safe

if TYPE_CHECKING:  # pragma: no cover
    from kg.graph import KnowledgeGraph

__all__ = ["graphml_safe", "to_networkx"]


def to_networkx(kg: KnowledgeGraph) -> nx.MultiDiGraph:
    """Entities as nodes (keyed by id), relations as edges (keyed by predicate).

    Attribute values are strings, numbers or booleans only, so the graph can be
    written to GraphML as it is; ``evidence`` is a JSON string.

    Examples
    --------
    >>> from kg.graph import KnowledgeGraph
    >>> from kg.records import Entity, Relation
    >>> a = Entity("Q7747", "Vladimir Putin", "व्लादिमीर पुतिन", "Person", "Q7747")
    >>> b = Entity("Q881", "Vietnam", "वियतनाम", "Country", "Q881")
    >>> g = to_networkx(KnowledgeGraph([], [a, b], [Relation(a, "visits", b, time="2024-06-20")]))
    >>> g.nodes["Q881"]["label"], list(g.edges(keys=True))
    ('Vietnam', [('Q7747', 'Q881', 'visits')])
    """
    graph = nx.MultiDiGraph()
    for ent in kg.entities:
        graph.add_node(ent.id, label=ent.label, label_hi=ent.label_hi, type=ent.type,
                       wikidata=ent.wikidata or "", aliases="|".join(sorted(set(ent.aliases))),
                       mentions=len(ent.mentions))
    for rel in kg.relations:
        for ent in (rel.subject, rel.object):
            if ent.id not in graph:
                graph.add_node(ent.id, label=ent.label, label_hi=ent.label_hi, type=ent.type,
                               wikidata=ent.wikidata or "", aliases="", mentions=0)
        graph.add_edge(
            rel.subject.id, rel.object.id, key=_edge_key(graph, rel), predicate=rel.predicate,
            modality=rel.modality, time=rel.time or "", place=rel.place.id if rel.place else "",
            confidence=rel.confidence, derived=rel.derived, role=rel.role or "",
            evidence=json.dumps([e.to_dict() for e in rel.evidence], ensure_ascii=False),
        )
    return graph


def _edge_key(graph: nx.MultiDiGraph, rel) -> str:  # noqa: ANN001
    key = rel.predicate
    n = 1
    while graph.has_edge(rel.subject.id, rel.object.id, key):
        n += 1
        key = f"{rel.predicate}#{n}"
    return key


def _safe(value: object) -> object:
    return xml_safe(value, "\ufffd") if isinstance(value, str) else value


def graphml_safe(graph: nx.MultiDiGraph) -> nx.MultiDiGraph:
    """``graph`` itself, or a copy whose strings hold no character XML 1.0 forbids (U+FFFD instead).

    Articles are cleaned when they are read (:mod:`kg.inputs`), so only graphs built from
    other records need the copy; GraphML with such a character is not well-formed.

    Examples
    --------
    >>> g = nx.MultiDiGraph()
    >>> g.add_node("a", label="\\uffffBharat")
    >>> graphml_safe(g).nodes["a"]["label"]
    '\\ufffdBharat'
    """
    def unsafe(item: object) -> bool:
        return isinstance(item, str) and UNSAFE.search(item) is not None

    parts = [*graph.nodes(data=True), *graph.edges(keys=True, data=True)]
    if not any(unsafe(x) for *ids, data in parts for x in (*ids, *data, *data.values())):
        return graph
    safe = nx.MultiDiGraph()
    safe.add_nodes_from((_safe(n), {_safe(k): _safe(v) for k, v in d.items()})
                        for n, d in graph.nodes(data=True))
    safe.add_edges_from((_safe(u), _safe(v), _safe(key), {_safe(k): _safe(x) for k, x in d.items()})
                        for u, v, key, d in graph.edges(keys=True, data=True))
    return safe
