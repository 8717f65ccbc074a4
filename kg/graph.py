"""The in-memory knowledge graph: records plus lazy views (RDF, NetworkX, HTML)."""

from __future__ import annotations

import json
from collections.abc import Iterable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from kg.records import Document, Entity, Relation

if TYPE_CHECKING:  # pragma: no cover
    import networkx as nx
    import rdflib

__all__ = ["KnowledgeGraph"]


class KnowledgeGraph:
    """Entities and relations extracted from one or more documents.

    Build one with :func:`kg.build`; the RDF and NetworkX views are computed
    on first use.

    Examples
    --------
    >>> from kg.records import Entity, Relation
    >>> a = Entity("Q7747", "Vladimir Putin", "व्लादिमीर पुतिन", "Person", "Q7747")
    >>> b = Entity("Q881", "Vietnam", "वियतनाम", "Country", "Q881")
    >>> g = KnowledgeGraph([], [a, b], [Relation(a, "visits", b)])
    >>> [(r.subject.label, r.predicate, r.object.label) for r in g.relations]
    [('Vladimir Putin', 'visits', 'Vietnam')]
    >>> g.nx.number_of_edges()
    1
    """

    def __init__(
        self,
        documents: Iterable[Document],
        entities: Iterable[Entity],
        relations: Iterable[Relation],
    ) -> None:
        self.documents = sorted(documents, key=lambda d: d.id)
        self.entities = sorted(entities, key=lambda e: e.id)
        self.relations = sorted(relations, key=lambda r: r.key())
        self.warnings: list[str] = []  # inputs that were skipped, one line each
        self._rdf: rdflib.Dataset | None = None
        self._nx: nx.MultiDiGraph | None = None
        self._store: Any = None  # pyoxigraph.Store of self.rdf, built on the first query

    def __repr__(self) -> str:
        return (
            f"<KnowledgeGraph documents={len(self.documents)} "
            f"entities={len(self.entities)} relations={len(self.relations)}>"
        )

    @property
    def rdf(self) -> rdflib.Dataset:
        """The graph as an rdflib ``Dataset`` (one named graph per document)."""
        if self._rdf is None:
            from kg.rdf import to_rdf

            self._rdf = to_rdf(self)
        return self._rdf

    @property
    def nx(self) -> nx.MultiDiGraph:
        """The graph as a NetworkX ``MultiDiGraph`` (nodes are entity ids)."""
        if self._nx is None:
            from kg.nxgraph import to_networkx

            self._nx = to_networkx(self)
        return self._nx

    def entity(self, key: str) -> Entity | None:
        """Find an entity by id, QID, English or Hindi label or alias."""
        for ent in self.entities:
            if key in (ent.id, ent.wikidata, ent.label, ent.label_hi) or key in ent.aliases:
                return ent
        return None

    def query(self, sparql: str, **kwargs: Any) -> Any:
        """Run a SPARQL query over :attr:`rdf` and return the rdflib result.

        Oxigraph answers (the dataset is loaded into it once, on the first query);
        ``engine="rdflib"`` asks rdflib instead.
        """
        from kg.rdf import open_store, run_query

        if kwargs.get("engine", "auto") == "rdflib":
            return run_query(self.rdf, sparql, **kwargs)
        if self._store is None:
            self._store = open_store(self.rdf) if self._rdf is not None else self._records_store()
        return run_query(self._store, sparql, **kwargs)

    def _records_store(self) -> Any:
        """An Oxigraph store of the records' RDF, loaded without building :attr:`rdf`."""
        import pyoxigraph as ox

        from kg.rdf.nquads import load_records

        store = ox.Store()
        load_records(store, self)
        return store

    def to_html(self, path: str | Path) -> Path:
        """Write the interactive viewer to ``path`` and return the path."""
        from kg.viewer import write_html

        path = Path(path)
        write_html(self, path)
        return path

    def save(self, out_dir: str | Path, formats: Iterable[str] = ("ttl",), html: bool = True) -> list[Path]:
        """Write all output files into ``out_dir`` (atomically) and return their paths."""
        from kg.output import save_all

        return save_all(self, Path(out_dir), tuple(formats), html=html)

    def to_records(self) -> dict[str, list[dict[str, Any]]]:
        """The JSON-ready records: ``documents``, ``entities`` and ``triples``."""
        return {
            "documents": [d.meta() for d in self.documents],
            "entities": [e.to_dict() for e in self.entities],
            "triples": [r.to_dict() for r in self.relations],
        }

    @classmethod
    def load(cls, out_dir: str | Path) -> KnowledgeGraph:
        """Read a graph back from the JSON Lines files written by :meth:`save`."""
        out_dir = Path(out_dir)

        def rows(name: str) -> list[dict[str, Any]]:
            path = out_dir / name
            if not path.exists():
                return []
            # split on "\n" only: str.splitlines() also breaks at U+2028 inside JSON strings
            return [json.loads(line) for line in path.read_text(encoding="utf-8").split("\n") if line]

        docs = [
            Document(id=d["id"], text="", title=d.get("title"), date=d.get("date"),
                     language=d.get("language", "hi"), source=d.get("source"), path=d.get("path"))
            for d in rows("documents.jsonl")
        ]
        ents = [Entity.from_dict(e) for e in rows("entities.jsonl")]
        rels = [Relation.from_dict(t) for t in rows("triples.jsonl")]
        return cls(docs, ents, rels)
