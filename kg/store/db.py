"""The store's records: one SQLite database, the source of truth of a store.

Per document it keeps the metadata, the content hash of its text, and its extracted records
(entities with their mentions, relations with their evidence) as JSON; the index tables of
:mod:`kg.store.index` say what each entity and fact is merged across documents, so that
adding or removing one document touches only its own entities and facts.
"""

from __future__ import annotations

import json
import logging
import sqlite3
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

from kg.errors import error
from kg.records import Document, Entity, Relation
from kg.store.index import (
    INDEX_SCHEMA,
    asserted,
    entity_heads,
    fact_head,
    fact_records,
    index_document,
    unindex_document,
)

__all__ = ["RecordsDB", "STORE_FORMAT"]

log = logging.getLogger(__name__)

# Bump when the layout changes. Format 1 (kg 0.x before the fact index) is read as it is and
# upgraded in place by the first writer; other formats are refused with a clear message.
STORE_FORMAT = 2
_UPGRADABLE = {"1"}

_SCHEMA = """
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS documents (
    id TEXT PRIMARY KEY, sha256 TEXT NOT NULL, path TEXT, title TEXT, date TEXT, language TEXT,
    source TEXT, n_entities INTEGER NOT NULL, n_relations INTEGER NOT NULL,
    entities TEXT NOT NULL, relations TEXT NOT NULL);
""" + INDEX_SCHEMA


def _dumps(rows: Iterable[dict[str, Any]]) -> str:
    return json.dumps(list(rows), ensure_ascii=False, separators=(",", ":"), sort_keys=True)


class RecordsDB:
    """The SQLite part of a store (see the module doc)."""

    def __init__(self, path: Path, write: bool = True) -> None:
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
            self.upgraded = write and found in _UPGRADABLE and self._upgrade(found)
        except sqlite3.DatabaseError as exc:
            raise error("bad_store", path=path.parent, reason=str(exc)) from None
        if found != str(STORE_FORMAT) and not (found in _UPGRADABLE and (self.upgraded or not write)):
            raise error("store_version", path=path.parent, found=found, wanted=STORE_FORMAT)

    def _upgrade(self, found: str | None) -> bool:
        """Rebuild the index of an older store from its documents' records (one transaction)."""
        log.warning("%s: upgrading the store from format %s to %s", self.path.parent, found, STORE_FORMAT)
        self.db.execute("BEGIN IMMEDIATE")
        try:
            for table in ("entity_docs", "statement_docs", "entity_aliases", "fact_docs"):
                self.db.execute(f"DROP TABLE IF EXISTS {table}")  # noqa: S608 - fixed names
            for statement in filter(str.strip, INDEX_SCHEMA.split(";")):  # not executescript: it commits
                self.db.execute(statement)
            for doc_id, ents, rels in list(self.records()):
                index_document(self.db, doc_id, ents, rels)
            self.set_meta("format", str(STORE_FORMAT))
            self.db.execute("COMMIT")
        except BaseException:
            self.db.execute("ROLLBACK")
            raise
        return True

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

    def put(self, doc: Document, sha256: str, entities: list[Entity], relations: list[Relation]) -> None:
        """Insert or replace one document's records (inside the caller's transaction), and index
        its entities and facts (:mod:`kg.store.index`)."""
        self.delete(doc.id)
        self.db.execute(
            "INSERT INTO documents VALUES (?,?,?,?,?,?,?,?,?,?,?)",
            (doc.id, sha256, doc.path, doc.title, doc.date, doc.language, doc.source, len(entities),
             len(relations), _dumps(e.to_dict() for e in entities), _dumps(r.to_dict() for r in relations)))
        index_document(self.db, doc.id, entities, relations)

    def delete(self, doc_id: str) -> bool:
        found = self.db.execute("DELETE FROM documents WHERE id = ?", (doc_id,)).rowcount > 0
        unindex_document(self.db, doc_id)
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

    def entity_heads(self, ids: Iterable[str]) -> dict[str, Entity]:
        """Entities merged across documents, by id (see :func:`kg.store.index.entity_heads`)."""
        return entity_heads(self.db, ids)

    def fact_head(self, fact: str) -> Relation | None:
        return fact_head(self.db, fact)

    def fact_records(self, fact: str) -> list[Relation]:
        return fact_records(self.db, fact)

    def asserted(self, key: str) -> bool:
        return asserted(self.db, key)

    def close(self) -> None:
        self.db.close()
