"""Cross-document entity resolution measured on the gold: one node per real entity.

A real entity is a gold entity identified across articles by its QID, else by its first
English name (folded). In a graph built from many articles, each article's gold entity maps
to the nodes whose mentions in that article match it (:class:`~kg.evaluation.gold.EntityMatcher`).
Over the (article, real entity) occurrences that were found:

* merge recall: of the pairs of occurrences of one real entity, the share on one node;
* merge precision: of the pairs of occurrences sharing a node, the share of one real entity;
* nodes per real entity: how many nodes its occurrences landed on (ideal 1.0).

Examples
--------
>>> occ = [("a", "putin", "Q7747"), ("b", "putin", "Q7747"), ("c", "putin", "vladmir-putin")]
>>> scores(occ)["recall"], scores(occ)["precision"], scores(occ)["nodes_per_entity"]
(0.333, 1.0, 2.0)
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from itertools import combinations
from typing import Any

from kg.evaluation.gold import GoldArticle, norm

__all__ = ["real_entity", "occurrences", "scores"]

Occurrence = tuple[str, str, str]  # (article, real entity, node id)


def real_entity(gold: dict[str, Any]) -> str:
    """The identity of a gold entity across articles: QID, else its folded English name."""
    return gold.get("wikidata") or "name:" + norm((gold.get("en") or [""])[0])


def occurrences(golds: Iterable[GoldArticle], entities: list[dict[str, Any]]) -> list[Occurrence]:
    """(article, real entity, node) for every gold entity found among the graph's ``entities``
    (as in ``entities.jsonl``: each with its mentions and their documents)."""
    by_doc: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for ent in entities:
        for doc in {m.get("doc") for m in ent.get("mentions", [])}:
            by_doc[doc].append(ent)
    out: list[Occurrence] = []
    for gold in golds:
        matcher = gold.matcher()
        for ent in by_doc.get(gold.id, []):
            key = matcher.key(ent)
            if key is not None:
                out.append((gold.id, real_entity(gold.entities[key]), ent["id"]))
    return sorted(set(out))


def scores(occ: list[Occurrence]) -> dict[str, float]:
    """Merge precision and recall over pairs of occurrences, and nodes per real entity."""
    same_entity = same_node = both = 0
    for (a1, e1, n1), (a2, e2, n2) in combinations(occ, 2):
        if (a1, e1) == (a2, e2):
            continue  # one article's entity on two nodes is not a cross-document question
        same_entity += e1 == e2
        same_node += n1 == n2
        both += e1 == e2 and n1 == n2
    nodes: dict[str, set[str]] = defaultdict(set)
    for _, entity, node in occ:
        nodes[entity].add(node)
    return {
        "precision": round(both / same_node, 3) if same_node else 1.0,
        "recall": round(both / same_entity, 3) if same_entity else 1.0,
        "nodes_per_entity": round(sum(len(v) for v in nodes.values()) / len(nodes), 3) if nodes else 0.0,
        "entities": len(nodes),
        "occurrences": len(occ),
    }
