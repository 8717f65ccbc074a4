"""A persistent corpus store: records in SQLite, the graph in an on-disk Oxigraph store.

Layout of a store folder (default ``./kg-store``): ``records.sqlite`` (the source of truth:
documents, content hashes, records), ``oxigraph/`` (the RDF, kept in step with the records)
and ``lock``. Writing (``kg add``, ``kg remove``) holds the lock exclusively; a second writer,
or a reader while one writes, is told the store is busy.

Each document is added in one step: its records are written in an SQLite transaction, its
RDF changes in one Oxigraph transaction, and a generation counter in both says whether they
agree. A process killed between the two commits leaves Oxigraph one article ahead; the next
open sees the counters differ and rebuilds the RDF from the records. So a store holds whole
articles only, whenever it is killed.
"""

from __future__ import annotations

import fcntl
import hashlib
import os
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

from kg.errors import error
from kg.parallel import PipelineSpec, extract_many
from kg.records import Document, Entity, Relation
from kg.store.db import RecordsDB

__all__ = ["CorpusStore", "DEFAULT_STORE", "content_hash"]

DEFAULT_STORE = Path("kg-store")
_MARK_GRAPH = "urn:kg:store"

#: Articles between two flushes of the Oxigraph store's write buffers to disk: without them, a
#: long ``kg add`` held about 0.19 MB per article in memory (406 MB after 500 articles, 883 MB
#: after 3,000); with them, 349 MB after 500 and 389 MB after 2,000.
FLUSH_EVERY = 100


def content_hash(doc: Document) -> str:
    """SHA-256 of an article's text and metadata: a changed article is extracted again.

    Examples
    --------
    >>> content_hash(Document("a", "पाठ")) == content_hash(Document("b", "पाठ"))
    True
    """
    meta = "\x1f".join(str(x or "") for x in (doc.title, doc.date, doc.language, doc.source))
    return hashlib.sha256((meta + "\x1e" + doc.text).encode("utf-8")).hexdigest()


class CorpusStore:
    """Open (or create) a store folder; ``write=False`` opens it for reading only.

    Examples
    --------
    >>> import tempfile
    >>> with CorpusStore(Path(tempfile.mkdtemp()) / "s") as store:
    ...     report = store.add([Document("a", "रूस ने यूक्रेन पर हमला किया।")], PipelineSpec(model=False))
    ...     report["added"], len(store.knowledge_graph().relations)
    (['a'], 1)
    """

    def __init__(self, path: str | os.PathLike[str] = DEFAULT_STORE, write: bool = True) -> None:
        self.path = Path(path)
        if not write and not (self.path / "records.sqlite").is_file():
            raise error("no_store", path=self.path)
        self.path.mkdir(parents=True, exist_ok=True)
        self._lock = open(self.path / "lock", "a+")  # noqa: SIM115 - held while the store is open
        try:
            fcntl.flock(self._lock, (fcntl.LOCK_EX if write else fcntl.LOCK_SH) | fcntl.LOCK_NB)
        except BlockingIOError:
            self._lock.close()
            raise error("store_busy", path=self.path) from None
        self.write = write
        self.db = RecordsDB(self.path / "records.sqlite", write=write)
        self._graph: Any = None
        if write and (self.db.upgraded or self._graph_generation() != self.db.generation):
            self.rebuild_graph()

    # -- the Oxigraph side ------------------------------------------------------------------
    @property
    def graph(self) -> Any:
        """The ``pyoxigraph.Store`` (opened on first use; read-only for readers)."""
        if self._graph is None:
            import pyoxigraph as ox

            folder = self.path / "oxigraph"
            if self.write:
                self._graph = ox.Store(str(folder))
            elif folder.is_dir():
                self._graph = ox.Store.read_only(str(folder))
            else:
                self._graph = ox.Store()
        return self._graph

    def _graph_generation(self) -> int:
        if not (self.path / "oxigraph").is_dir():
            return -1 if self.db.generation else 0
        import pyoxigraph as ox

        marks = self.graph.quads_for_pattern(ox.NamedNode("urn:kg:store"), ox.NamedNode("urn:kg:generation"),
                                             None, ox.NamedNode(_MARK_GRAPH))
        return next((int(q.object.value) for q in marks), 0)

    def rebuild_graph(self) -> None:
        """Replace the RDF with what the records give (after a crash between the two commits)."""
        from kg.rdf.nquads import load_records
        from kg.store.quads import Update

        self.graph.clear()
        load_records(self.graph, self.knowledge_graph(), run=self.run_iri())
        mark = Update()
        mark.add([_generation_triple(self.db.generation)], _MARK_GRAPH)
        self.graph.update(mark.sparql())
        self.graph.flush()

    def run_iri(self) -> Any:
        """The one extraction run of a store (its software version): statements keep it when articles come."""
        from kg import __version__
        from kg.rdf.convert import run_iri

        return run_iri(__version__, ["store"])

    # -- records --------------------------------------------------------------------------
    def knowledge_graph(self) -> Any:
        """All documents' records merged, as :func:`kg.build` would give them."""
        from kg.api import merge_records

        entities: list[Entity] = []
        relations: list[Relation] = []
        for _, ents, rels in self.db.records():
            entities += ents
            relations += rels
        return merge_records(self.db.documents(), entities, relations)

    def documents(self) -> list[dict[str, Any]]:
        return self.db.listing()

    # -- changes --------------------------------------------------------------------------
    def add(self, documents: Sequence[Document], spec: PipelineSpec, jobs: int = 1,
            min_confidence: float | None = None, progress: Callable[[Document], None] | None = None,
            extract: Callable[..., Any] | None = None, negated: bool = False) -> dict[str, list[str]]:
        """Extract the new and changed documents (by content hash) and add them, one by one
        (``negated``: keep the relations the text says did not happen)."""
        from kg.api import keep_confident

        self._writable()
        known = self.db.hashes()
        todo = [d for d in documents if known.get(d.id) != content_hash(d)]
        report: dict[str, list[str]] = {"added": [], "changed": [], "unchanged": [
            d.id for d in documents if known.get(d.id) == content_hash(d)]}
        results = (extract or extract_many)(todo, spec, jobs, min_confidence, negated)
        for n, (doc, (ents, rels)) in enumerate(zip(todo, results, strict=True), 1):
            ents, rels = keep_confident(ents, rels, min_confidence or 0.0)
            report["changed" if doc.id in known else "added"].append(doc.id)
            self._commit(doc, ents, rels)
            if n % FLUSH_EVERY == 0:
                self.graph.flush()  # RocksDB's write buffers would otherwise grow with the batch
            if progress:
                progress(doc)
        return report

    def remove(self, doc_id: str) -> bool:
        """Take a document and everything only it evidences out of the store."""
        self._writable()
        if doc_id not in self.db.hashes():
            return False
        self._commit(Document(doc_id, ""), None, None)
        return True

    def _writable(self) -> None:
        if not self.write:
            raise error("store_read_only", path=self.path)

    def _commit(self, doc: Document, entities: list[Entity] | None, relations: list[Relation] | None) -> None:
        from kg.store.changes import before, document_update

        db = self.db.db
        db.execute("BEGIN IMMEDIATE")
        try:
            was = before(self.db, doc.id, relations)
            if entities is None:
                self.db.delete(doc.id)
            else:
                self.db.put(doc, content_hash(doc), entities, relations or [])
            update = document_update(self, doc, was, entities, relations)
            generation = self.db.generation + 1
            update.remove([_generation_triple(generation - 1)], _MARK_GRAPH)
            update.add([_generation_triple(generation)], _MARK_GRAPH)
            self.graph.update(update.sparql())
            self.db.set_meta("generation", str(generation))
            db.execute("COMMIT")
        except BaseException:
            db.execute("ROLLBACK")
            raise

    # -- queries and output ---------------------------------------------------------------
    def query(self, sparql: str, **kwargs: Any) -> Any:
        """SPARQL over the store (the default graph holds every statement once)."""
        from kg.rdf.sparql import evaluate

        return evaluate(self.graph, sparql, **kwargs)

    def export(self, out_dir: str | os.PathLike[str], formats: tuple[str, ...] = ("ttl",),
               html: bool = True) -> list[Path]:
        """Write the files of ``kg build`` from the store (atomically)."""
        return self.knowledge_graph().save(Path(out_dir), formats=formats, html=html)

    def close(self) -> None:
        if self._graph is not None and self.write:
            self._graph.flush()
        self._graph = None
        self.db.close()
        self._lock.close()

    def __enter__(self) -> CorpusStore:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


def _generation_triple(n: int) -> tuple[Any, Any, Any]:
    from rdflib import XSD, Literal, URIRef

    return URIRef("urn:kg:store"), URIRef("urn:kg:generation"), Literal(str(n), datatype=XSD.integer)
