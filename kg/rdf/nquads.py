"""N-Quads of a knowledge graph, written straight from the records.

Loading a ``kg build`` folder or rebuilding a store's RDF goes records → N-Quads → Oxigraph,
without an rdflib ``Dataset`` in between (building one costs more than everything else);
the quads are those of :func:`kg.rdf.convert.to_rdf`.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING, Any

from rdflib import URIRef

from kg.rdf.convert import dataset_quads

if TYPE_CHECKING:  # pragma: no cover
    from kg.graph import KnowledgeGraph

__all__ = ["load_records", "nquad_lines", "nquads"]


def nquad_lines(kg: KnowledgeGraph, run: URIRef | None = None) -> Iterator[str]:
    """One N-Quads line per quad of :func:`kg.rdf.convert.to_rdf` (repeats possible).

    Examples
    --------
    >>> from kg.rdf.sample import sample_graph
    >>> next(nquad_lines(sample_graph())).endswith(" .\\n")
    True
    """
    for s, p, o, g in dataset_quads(kg, run):
        graph = f" {g.n3()}" if g is not None else ""
        yield f"{s.n3()} {p.n3()} {o.n3()}{graph} .\n"


def nquads(kg: KnowledgeGraph, run: URIRef | None = None) -> bytes:
    """The N-Quads document of :func:`nquad_lines`, UTF-8 (for ``pyoxigraph.Store.bulk_load``).

    Examples
    --------
    >>> import pyoxigraph as ox
    >>> from kg.rdf.convert import to_rdf
    >>> from kg.rdf.io import dataset_bytes
    >>> from kg.rdf.sample import sample_graph
    >>> direct, via_rdflib = ox.Store(), ox.Store()
    >>> direct.bulk_load(nquads(sample_graph()), format=ox.RdfFormat.N_QUADS)
    >>> via_rdflib.bulk_load(dataset_bytes(to_rdf(sample_graph()), "nq"), format=ox.RdfFormat.N_QUADS)
    >>> set(direct) == set(via_rdflib), len(direct) > 100
    (True, True)
    """
    return "".join(nquad_lines(kg, run)).encode("utf-8")


def load_records(store: Any, kg: KnowledgeGraph, run: URIRef | None = None) -> None:
    """Load the RDF of a knowledge graph's records into a ``pyoxigraph.Store`` (no rdflib
    dataset is built)."""
    import pyoxigraph as ox

    store.bulk_load(nquads(kg, run), format=ox.RdfFormat.N_QUADS)
