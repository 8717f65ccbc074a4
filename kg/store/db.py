"""The store's records index: one SQLite database, the source of truth of a store.

Per document it keeps the metadata, the content hash of its text, and its extracted records
(entities with their mentions, relations with their evidence) as JSON; two index tables say
which documents mention an entity and which evidence a statement, so that adding or removing
one document recomputes only the merged entities and statements it touches.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

from kg.errors import error
from kg.records import Document, Entity, Relation

__all__ = ["RecordsDB", "STORE_FORMAT"]

STORE_FORMAT = 1  # bump when the layout changes; older stores are refused with a clear message

_SCHEMA = """
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS documents (
    id TEXT PRIMARY KEY, sha256 TEXT NOT NULL, path TEXT, title TEXT, date TEXT, language TEXT,
    source TEXT, n_entities INTEGER NOT NULL, n_relations INTEGER NOT NULL,
    entities TEXT NOT NULL, relations TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS entity_docs (entity TEXT NOT NULL, doc TEXT NOT NULL, record TEXT NOT NULL,
    PRIMARY KEY (entity, doc));
CREATE TABLE IF NOT EXISTS statement_docs (statement TEXT NOT NULL, doc TEXT NOT NULL, record TEXT NOT NULL,
    PRIMARY KEY (statement, doc));
CREATE INDEX IF NOT EXISTS entity_docs_doc ON entity_docs (doc);
CREATE INDEX IF NOT EXISTS statement_docs_doc ON statement_docs (doc);
"""


def _dumps(rows: Iterable[dict[str, Any]]) -> str:
    return json.dumps(list(rows), ensure_ascii=False, separators=(",", ":"), sort_keys=True)


def _brief(ent: Entity) -> str:
    """An entity as the RDF needs it: no mentions (they are in the document's own record)."""
    data = ent.to_dict()
    data["mentions"] = []
    return json.dumps(data, ensure_ascii=False, sort_keys=True)


class RecordsDB:
    """The SQLite part of a store (see the module doc)."""

    def __init__(self, path: Path) -> None:
        self.path = path
        new = not path.exists()
        try:
            self.db = sqlite3.connect(path, isolation_level=None, timeout=30)
            self.db.execute("PRAGMA journal_mode=WAL")
            self.db.execute("PRAGMA synchronous=FULL")
            if new:
                self.db.executescript(_SCHEMA)
                self.set_meta("format", str(STORE_FORMAT))
                self.set_meta("generation", "0")
            found = self.meta("format")
        except sqlite3.DatabaseError as exc:
            raise error("bad_store", path=path.parent, reason=str(exc)) from None
        if found != str(STORE_FORMAT):
            raise error("store_version", path=path.parent, found=found, wanted=STORE_FORMAT)

    # -- metadata ------------------------------------------------------------------------
    def meta(self, key: str) -> str | None:
        row = self.db.execute("SELECT value FROM meta WHERE key = ?", (key,)).fetchone()
        return row[0] if row else None

    def set_meta(self, key: str, value: str) -> None:
        self.db.execute("INSERT OR REPLACE INTO meta (key, value) VALUES (?, ?)", (key, value))

    @property
    def generation(self) -> int:
        return int(self.meta("generation") or 0)

    # -- documents -----------------------------------------------------------------------
    def hashes(self) -> dict[str, str]:
        """Document id -> content hash."""
        return dict(self.db.execute("SELECT id, sha256 FROM documents"))

    def put(self, doc: Document, sha256: str, entities: list[Entity], relations: list[Relation],
            statements: list[str]) -> None:
        """Insert or replace one document's records (inside the caller's transaction).

        Each entity and statement of the document is also indexed with what the RDF needs of
        it (an entity without its mentions; a relation with this document's evidence), so that
        merging one entity across articles reads only its own rows.
        """
        self.delete(doc.id)
        self.db.execute(
            "INSERT INTO documents VALUES (?,?,?,?,?,?,?,?,?,?,?)",
            (doc.id, sha256, doc.path, doc.title, doc.date, doc.language, doc.source, len(entities),
             len(relations), _dumps(e.to_dict() for e in entities), _dumps(r.to_dict() for r in relations)))
        ents = {e.id: _brief(e) for e in reversed(entities)}  # the first record of an id wins
        self.db.executemany("INSERT INTO entity_docs VALUES (?, ?, ?)",
                            sorted((k, doc.id, v) for k, v in ents.items()))
        rels: dict[str, list[str]] = {}
        for stmt, rel in zip(statements, relations, strict=True):
            rels.setdefault(stmt, []).append(json.dumps(rel.to_dict(), ensure_ascii=False, sort_keys=True))
        self.db.executemany("INSERT INTO statement_docs VALUES (?, ?, ?)",
                            sorted((k, doc.id, "[" + ",".join(v) + "]") for k, v in rels.items()))

    def delete(self, doc_id: str) -> bool:
        found = self.db.execute("DELETE FROM documents WHERE id = ?", (doc_id,)).rowcount > 0
        self.db.execute("DELETE FROM entity_docs WHERE doc = ?", (doc_id,))
        self.db.execute("DELETE FROM statement_docs WHERE doc = ?", (doc_id,))
        return found

    def documents(self) -> list[Document]:
        rows = self.db.execute("SELECT id, path, title, date, language, source FROM documents ORDER BY id")
        return [Document(i, "", title=t, date=d, language=lang or "hi", source=src, path=p)
                for i, p, t, d, lang, src in rows]

    def listing(self) -> list[dict[str, Any]]:
        """What ``kg list`` shows: id, date, title, counts."""
        rows = self.db.execute(
            "SELECT id, date, title, n_entities, n_relations, path FROM documents ORDER BY id")
        return [{"id": i, "date": d, "title": t, "entities": ne, "relations": nr, "path": p}
                for i, d, t, ne, nr, p in rows]

    def records(self, doc_ids: Iterable[str] | None = None
                ) -> Iterator[tuple[str, list[Entity], list[Relation]]]:
        """Each document's entities and relations (all documents, or the ones named), by id."""
        if doc_ids is None:
            rows = self.db.execute("SELECT id, entities, relations FROM documents ORDER BY id")
        else:
            ids = sorted(set(doc_ids))
            marks = ",".join("?" * len(ids))
            rows = self.db.execute(f"SELECT id, entities, relations FROM documents WHERE id IN ({marks}) "
                                   "ORDER BY id", ids)
        for doc_id, ents, rels in rows:
            yield (doc_id, [Entity.from_dict(e) for e in json.loads(ents)],
                   [Relation.from_dict(r) for r in json.loads(rels)])

    def entity_records(self, entities: Iterable[str]) -> list[Entity]:
        """Every document's record of these entities (without mentions), in document order."""
        rows = self._rows("entity_docs", "entity", entities)
        return [Entity.from_dict(json.loads(record)) for _, record in rows]

    def statement_records(self, statements: Iterable[str]) -> list[Relation]:
        """Every document's records of these statements (with that document's evidence)."""
        rows = self._rows("statement_docs", "statement", statements)
        return [Relation.from_dict(r) for _, record in rows for r in json.loads(record)]

    def _rows(self, table: str, column: str, keys: Iterable[str]) -> list[tuple[str, str]]:
        keys = sorted(set(keys))
        found: list[tuple[str, str]] = []
        for n in range(0, len(keys), 500):
            chunk = keys[n:n + 500]
            marks = ",".join("?" * len(chunk))
            found += self.db.execute(
                f"SELECT doc, record FROM {table} WHERE {column} IN ({marks}) ORDER BY doc, {column}",  # noqa: S608
                chunk).fetchall()
        return sorted(found)

    def close(self) -> None:
        self.db.close()
