"""Precomputed node positions for graphs too big for in-browser physics.

Small components are laid out with :func:`networkx.spring_layout` (dense,
numpy only); a component too big for that gets a sampled Fruchterman-Reingold
layout whose repulsion uses a fixed number of random partners per node, which
costs O(n) per iteration instead of O(n^2). Components are then packed on
shelves, biggest first. Every random choice uses a fixed seed, and positions
are rounded to whole pixels, so the same graph always gets the same layout.
"""

from __future__ import annotations

import math
from collections.abc import Iterable

import networkx as nx
import numpy as np

__all__ = ["SPACING", "layout_positions"]

SPACING = 90.0
"""Rough distance in pixels between neighbouring nodes."""

_DENSE_MAX = 400


def _sampled_fr(graph: nx.Graph, seed: int, iterations: int = 60, samples: int = 24) -> np.ndarray:
    """Positions (n x 2, unit edge length) of a big connected component."""
    nodes = list(graph)
    index = {n: i for i, n in enumerate(nodes)}
    n = len(nodes)
    src = np.array([index[u] for u, _ in graph.edges], dtype=np.int64)
    dst = np.array([index[v] for _, v in graph.edges], dtype=np.int64)
    rng = np.random.default_rng(seed)
    pos = rng.random((n, 2)) * math.sqrt(n)
    temp = math.sqrt(n) / 4
    for _ in range(iterations):
        partners = rng.integers(0, n, size=(n, samples))
        delta = pos[:, None, :] - pos[partners]
        dist2 = np.maximum((delta ** 2).sum(axis=2), 1e-4)
        disp = (delta / dist2[:, :, None]).sum(axis=1) * (n / samples)
        pull = pos[src] - pos[dst]
        pull *= np.sqrt((pull ** 2).sum(axis=1))[:, None]
        np.add.at(disp, src, -pull)
        np.add.at(disp, dst, pull)
        length = np.maximum(np.sqrt((disp ** 2).sum(axis=1)), 1e-9)
        pos += disp * (np.minimum(length, temp) / length)[:, None]
        temp = max(temp * 0.93, 0.05)
    return pos


def _component(graph: nx.Graph, seed: int) -> tuple[list[str], np.ndarray]:
    """Node list and positions (unit spacing, centred on 0) of one component."""
    nodes = sorted(graph)
    n = len(nodes)
    if n == 1:
        return nodes, np.zeros((1, 2))
    sub = nx.Graph()
    sub.add_nodes_from(nodes)
    sub.add_edges_from(sorted(tuple(sorted(e)) for e in graph.edges))
    if n <= _DENSE_MAX:
        pos = nx.spring_layout(sub, seed=seed, iterations=50, k=1.0 / math.sqrt(n))
        arr = np.array([pos[v] for v in nodes]) * math.sqrt(n) * 1.2
    else:
        arr = _sampled_fr(sub, seed)
    return nodes, arr - arr.mean(axis=0)


def _pack(parts: list[tuple[list[str], np.ndarray]]) -> dict[str, tuple[int, int]]:
    """Place components on shelves, biggest first, in a roughly square area."""
    boxes = []
    for nodes, arr in parts:
        lo, hi = arr.min(axis=0), arr.max(axis=0)
        boxes.append((nodes, arr - lo, (hi - lo) + 2.0))
    total = sum(float(w * h) for _, _, (w, h) in boxes)
    row_width = max(math.sqrt(total) * 1.2, max(float(b[2][0]) for b in boxes))
    out: dict[str, tuple[int, int]] = {}
    x = y = shelf = 0.0
    for nodes, arr, (w, h) in boxes:
        if x > 0 and x + w > row_width:
            x, y, shelf = 0.0, y + shelf, 0.0
        for v, (px, py) in zip(nodes, arr, strict=True):
            out[v] = (round((x + px) * SPACING), round((y + py) * SPACING))
        x, shelf = x + float(w), max(shelf, float(h))
    return out


def layout_positions(
    nodes: Iterable[str], edges: Iterable[tuple[str, str]], seed: int = 7
) -> dict[str, tuple[int, int]]:
    """Deterministic pixel positions for every node.

    Parameters
    ----------
    nodes : iterable of str
        Node ids (isolated nodes included).
    edges : iterable of (str, str)
        Edges; direction and multiplicity are ignored.
    seed : int
        Seed of every random choice.

    Returns
    -------
    dict
        ``{node_id: (x, y)}`` in whole pixels.

    Examples
    --------
    >>> pos = layout_positions(["a", "b", "c"], [("a", "b")])
    >>> sorted(pos) == ["a", "b", "c"], pos == layout_positions(["c", "b", "a"], [("b", "a")])
    (True, True)
    """
    graph = nx.Graph()
    graph.add_nodes_from(sorted(set(nodes)))
    graph.add_edges_from((u, v) for u, v in edges if u != v)
    if graph.number_of_nodes() == 0:
        return {}
    comps = sorted((sorted(c) for c in nx.connected_components(graph)), key=lambda c: (-len(c), c[0]))
    parts = [_component(graph.subgraph(c), seed) for c in comps]
    return _pack(parts)
