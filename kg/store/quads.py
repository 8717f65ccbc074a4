"""What one document changes in the store's RDF: the quads to remove and to add.

The default graph holds each merged entity and statement once; the named graph of a document
holds that document's statements (see :mod:`kg.rdf.convert`). Adding, replacing or removing
a document turns what it changes (:mod:`kg.store.changes`) into one SPARQL update.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import Any

from rdflib import OWL, RDF, RDFS, SKOS, BNode, Literal, URIRef

from kg.rdf.convert import (
    entity_triples,
    statement_triples,
)
from kg.records import Entity, Relation

__all__ = ["ENTITY_PREDICATES", "ox_term", "nt", "entity_quads", "statement_quads", "Update"]

ENTITY_PREDICATES = (RDF.type, RDFS.label, SKOS.altLabel, OWL.sameAs)
Triple = tuple[Any, Any, Any]


def nt(term: URIRef | Literal | BNode) -> str:
    """A term in N-Triples syntax (for SPARQL ``DATA`` blocks).

    Examples
    --------
    >>> nt(Literal("पुतिन", lang="hi")), nt(URIRef("https://w3id.org/kg-hindi/entity/Q7747"))
    ('"पुतिन"@hi', '<https://w3id.org/kg-hindi/entity/Q7747>')
    """
    return term.n3()


def ox_term(term: Any) -> Any:
    """A pyoxigraph term as an rdflib one (for comparing with what rdflib generates)."""
    import pyoxigraph as ox

    if isinstance(term, ox.NamedNode):
        return URIRef(term.value)
    if isinstance(term, ox.Literal):
        if term.language:
            return Literal(term.value, lang=term.language)
        return Literal(term.value, datatype=URIRef(term.datatype.value))
    return BNode(getattr(term, "value", str(term)))


def entity_quads(entities: Iterable[Entity]) -> Iterator[Triple]:
    """The default-graph triples describing each entity (not the relations it takes part in)."""
    for ent in entities:
        yield from (t for t in entity_triples(ent) if t[1] in ENTITY_PREDICATES)


def statement_quads(relations: Iterable[Relation], run: URIRef) -> Iterator[Triple]:
    for rel in relations:
        yield from statement_triples(rel, run)


class Update:
    """Quads to delete and insert, as one transactional SPARQL update."""

    def __init__(self) -> None:
        self.delete: dict[str | None, set[Triple]] = {}
        self.insert: dict[str | None, set[Triple]] = {}

    def remove(self, triples: Iterable[Triple], graph: str | None = None) -> None:
        self.delete.setdefault(graph, set()).update(triples)

    def add(self, triples: Iterable[Triple], graph: str | None = None) -> None:
        self.insert.setdefault(graph, set()).update(triples)

    def sparql(self) -> str:
        """``DELETE DATA {…} ; INSERT DATA {…}``: the result holds every inserted triple and none
        of the removed ones that are not inserted (a triple both removed and added stays)."""
        parts = []
        for verb, table, other in (("DELETE", self.delete, self.insert), ("INSERT", self.insert, {})):
            blocks = []
            for graph in sorted(table, key=lambda g: g or ""):
                triples = sorted(" ".join(map(nt, t)) + " ." for t in table[graph] - other.get(graph, set()))
                if triples:
                    body = "\n".join(triples)
                    blocks.append(body if graph is None else f"GRAPH <{graph}> {{\n{body}\n}}")
            if blocks:
                parts.append(f"{verb} DATA {{\n" + "\n".join(blocks) + "\n}")
        return " ;\n".join(parts)
