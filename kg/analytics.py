"""Graph analytics over a knowledge graph, as small functions on its NetworkX view.

Examples
--------
>>> import networkx as nx
>>> g = nx.MultiDiGraph()
>>> g.add_edge("Q7747", "Q881", key="visits")
'visits'
>>> g.add_edge("Q7747", "Q423", key="visits")
'visits'
>>> central_entities(g, 1)
[('Q7747', 1.0)]
"""

from __future__ import annotations

import networkx as nx

__all__ = ["central_entities", "neighbourhood", "relations_between", "predicate_counts"]


def central_entities(graph: nx.MultiDiGraph, k: int = 10) -> list[tuple[str, float]]:
    """The ``k`` entities with the highest degree centrality, highest first.

    Parameters
    ----------
    graph : nx.MultiDiGraph
        A graph from :attr:`kg.graph.KnowledgeGraph.nx`.
    k : int
        How many entities to return.

    Returns
    -------
    list of (str, float)
        Entity ids and their degree centrality, ties broken by id.

    Examples
    --------
    >>> g = nx.MultiDiGraph([("a", "b"), ("a", "c"), ("b", "c")])
    >>> central_entities(g, 2)
    [('a', 1.0), ('b', 1.0)]
    """
    if graph.number_of_nodes() == 0:
        return []
    scores = nx.degree_centrality(graph)
    return sorted(scores.items(), key=lambda item: (-item[1], item[0]))[:k]


def neighbourhood(graph: nx.MultiDiGraph, entity: str, radius: int = 1) -> nx.MultiDiGraph:
    """The subgraph within ``radius`` hops of ``entity``, in either direction.

    Examples
    --------
    >>> g = nx.MultiDiGraph([("a", "b"), ("b", "c"), ("c", "d")])
    >>> sorted(neighbourhood(g, "b").nodes)
    ['a', 'b', 'c']
    """
    return nx.ego_graph(graph, entity, radius=radius, undirected=True)


def relations_between(graph: nx.MultiDiGraph, a: str, b: str) -> list[tuple[str, str, str]]:
    """Every relation between two entities, both directions, as (subject, predicate, object).

    Examples
    --------
    >>> g = nx.MultiDiGraph()
    >>> _ = g.add_edge("Q159", "Q423", key="signsAgreementWith", predicate="signsAgreementWith")
    >>> _ = g.add_edge("Q423", "Q159", key="providesMilitaryAid", predicate="providesMilitaryAid")
    >>> relations_between(g, "Q423", "Q159")
    [('Q159', 'signsAgreementWith', 'Q423'), ('Q423', 'providesMilitaryAid', 'Q159')]
    """
    found = []
    for s, o in ((a, b), (b, a)):
        if graph.has_node(s):
            for _, target, data in graph.out_edges(s, data=True):
                if target == o:
                    found.append((s, data.get("predicate", ""), o))
    return sorted(found)


def predicate_counts(graph: nx.MultiDiGraph) -> dict[str, int]:
    """How many relations of each predicate the graph has.

    Examples
    --------
    >>> g = nx.MultiDiGraph()
    >>> _ = g.add_edge("a", "b", predicate="visits")
    >>> _ = g.add_edge("a", "c", predicate="visits")
    >>> predicate_counts(g)
    {'visits': 2}
    """
    counts: dict[str, int] = {}
    for _, _, data in graph.edges(data=True):
        predicate = data.get("predicate", "")
        counts[predicate] = counts.get(predicate, 0) + 1
    return dict(sorted(counts.items()))
