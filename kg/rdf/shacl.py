"""SHACL validation of kg graphs against ``ontology/shapes.ttl`` (pyshacl, imported lazily).

Examples
--------
>>> from kg.rdf.convert import to_rdf
>>> from kg.rdf.sample import sample_graph
>>> validate(to_rdf(sample_graph()))
(True, 'conforms: no SHACL violations')
"""

from __future__ import annotations

from pathlib import Path

from rdflib import RDF, Graph, URIRef
from rdflib.namespace import SH

from kg.errors import error
from kg.rdf.io import load_dataset, ontology_path, union_graph

__all__ = ["load_shapes", "validate"]


def load_shapes(path: str | Path | None = None) -> Graph:
    """Parse the shapes graph (default ``ontology/shapes.ttl``)."""
    path = Path(path) if path else ontology_path("shapes.ttl")
    if not path.is_file():
        raise error("missing", path=path)
    try:
        return Graph().parse(path, format="turtle")
    except Exception as exc:  # parser-specific exception types
        raise error("bad_shapes", path=path, reason=" ".join(str(exc).split())[:200]) from None


def _short(graph: Graph, node: object) -> str:
    if isinstance(node, URIRef):
        try:
            return graph.namespace_manager.normalizeUri(node)
        except Exception:  # pragma: no cover - unusual IRIs
            return f"<{node}>"
    return repr(str(node)) if node is not None else "-"


def _report_lines(results: Graph, data: Graph) -> list[str]:
    lines = []
    for res in results.subjects(RDF.type, SH.ValidationResult):
        severity = str(results.value(res, SH.resultSeverity) or SH.Violation).rsplit("#", 1)[-1]
        focus = _short(data, results.value(res, SH.focusNode))
        path = results.value(res, SH.resultPath)
        where = f"{focus} {_short(data, path)}" if path is not None else focus
        message = str(results.value(res, SH.resultMessage) or "constraint not met")
        value = results.value(res, SH.value)
        tail = f" (value: {_short(data, value)})" if value is not None else ""
        lines.append(f"{severity}: {where}: {message}{tail}")
    return sorted(set(lines))


def validate(graph: Graph | str | Path, shapes: str | Path | None = None) -> tuple[bool, str]:
    """Validate a kg graph with SHACL.

    Parameters
    ----------
    graph
        An rdflib graph or dataset (validated as the union of its graphs), a
        graph file or a ``kg build`` output folder.
    shapes
        A shapes file; default ``ontology/shapes.ttl``.

    Returns
    -------
    tuple of (bool, str)
        Whether the graph conforms, and a readable report: one line per
        problem, ``Severity: focus-node path: message (value: ...)``.

    Examples
    --------
    >>> from kg.rdf.convert import to_rdf
    >>> from kg.rdf.sample import sample_graph
    >>> ds = to_rdf(sample_graph())
    >>> from kg.rdf.namespace import KG
    >>> ds.remove((None, KG.confidence, None))  # doctest: +ELLIPSIS
    <Graph identifier=...>
    >>> ok, report = validate(ds)
    >>> ok, report.splitlines()[1]  # doctest: +ELLIPSIS
    (False, 'Violation: stmt:... kg:confidence: kg:confidence must be one xsd:decimal between 0 and 1')
    """
    import pyshacl

    data = graph if isinstance(graph, Graph) else load_dataset(graph)
    flat = union_graph(data)
    ontology = Graph().parse(ontology_path("kg.ttl"), format="turtle")  # class hierarchy for sh:class
    conforms, results, _ = pyshacl.validate(
        flat, shacl_graph=load_shapes(shapes), ont_graph=ontology, inference="none", advanced=True,
        allow_warnings=True,
    )  # fmt: skip
    if conforms:
        return True, "conforms: no SHACL violations"
    lines = _report_lines(results, flat)
    return False, "\n".join([f"does not conform: {len(lines)} problem(s)", *lines])
