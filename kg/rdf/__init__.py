"""Linked Data view of the knowledge graph (issue 3).

* :func:`to_rdf` - records to an rdflib ``Dataset`` (one named graph per document);
* :func:`serialize` / :data:`FORMATS` - Turtle, TriG, JSON-LD, N-Triples, N-Quads;
* :func:`validate` - SHACL validation against ``ontology/shapes.ttl``;
* :func:`run_query` - SPARQL (rdflib, or Oxigraph where it pays);
* ``kg query``, ``kg validate``, ``kg serve`` - see :mod:`kg.rdf.cli`.

Examples
--------
>>> from kg.rdf import to_rdf, run_query
>>> from kg.rdf.sample import sample_graph
>>> ds = to_rdf(sample_graph())
>>> q = "SELECT ?t WHERE { ?st rdf:predicate kg:visits ; kg:time ?t } ORDER BY STR(?t)"
>>> [str(row.t) for row in run_query(ds, q)]
['2017', '2024-06-20']
"""

from __future__ import annotations

from typing import Any

__all__ = ["FORMATS", "load_dataset", "open_store", "run_query", "serialize", "to_rdf", "validate"]

_LAZY = {
    "to_rdf": "kg.rdf.convert",
    "serialize": "kg.rdf.io",
    "load_dataset": "kg.rdf.io",
    "FORMATS": "kg.rdf.io",
    "validate": "kg.rdf.shacl",
    "run_query": "kg.rdf.sparql",
    "open_store": "kg.rdf.sparql",
}


def __getattr__(name: str) -> Any:
    # Lazy so that `import kg.rdf` does not import rdflib plugins, pyshacl or pyoxigraph.
    module = _LAZY.get(name)
    if module is None:
        raise AttributeError(f"module 'kg.rdf' has no attribute {name!r}")
    import importlib

    return getattr(importlib.import_module(module), name)
