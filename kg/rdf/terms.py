"""Turn Oxigraph answers into rdflib objects (for :func:`kg.rdf.run_query`).

Examples
--------
>>> import pyoxigraph as ox
>>> to_rdflib_term(ox.Literal("पुतिन", language="hi"))
rdflib.term.Literal('पुतिन', lang='hi')
>>> to_rdflib_term(ox.NamedNode("https://w3id.org/kg-hindi/entity/Q7747"))
rdflib.term.URIRef('https://w3id.org/kg-hindi/entity/Q7747')
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from rdflib import BNode, Graph, Literal, URIRef, Variable
from rdflib.query import Result

from kg.rdf.namespace import PREFIXES

if TYPE_CHECKING:  # pragma: no cover
    from kg.rdf.sparql import Answer

__all__ = ["as_result", "to_rdflib_term"]

_XSD_STRING = "http://www.w3.org/2001/XMLSchema#string"


def to_rdflib_term(term: Any) -> Any:
    """Convert a pyoxigraph term to the equivalent rdflib term (``None`` stays ``None``)."""
    import pyoxigraph as ox

    if term is None or isinstance(term, URIRef | BNode | Literal):
        return term
    if isinstance(term, ox.NamedNode):
        return URIRef(term.value)
    if isinstance(term, ox.BlankNode):
        return BNode(term.value)
    if isinstance(term, ox.Literal):
        if term.language:
            return Literal(term.value, lang=term.language)
        datatype = term.datatype.value
        return Literal(term.value, datatype=None if datatype == _XSD_STRING else URIRef(datatype))
    raise TypeError(f"unsupported term {term!r}")  # RDF-star triples are not produced by kg


class _Converter(dict):
    """Memoized :func:`to_rdflib_term`: answers repeat terms (labels, predicates, types)."""

    def __missing__(self, term: Any) -> Any:
        value = self[term] = to_rdflib_term(term)
        return value


def as_result(answer: Answer) -> Result:
    """Wrap an :class:`~kg.rdf.sparql.Answer` as an rdflib ``Result`` (SELECT, ASK or CONSTRUCT)."""
    convert = _Converter()
    if answer.kind == "ask":
        result = Result("ASK")
        result.askAnswer = answer.boolean
        return result
    if answer.kind == "graph":
        result = Result("CONSTRUCT")
        graph = Graph()
        for prefix, ns in PREFIXES.items():
            graph.bind(prefix, ns)
        for t in answer.triples:
            graph.add((convert[t.subject], convert[t.predicate], convert[t.object]))
        result.graph = graph
        return result
    result = Result("SELECT")
    names = [Variable(v) for v in answer.variables]
    result.vars = names
    result.bindings = [
        {n: convert[t] for n, t in zip(names, row, strict=True) if t is not None} for row in answer.rows
    ]
    return result
