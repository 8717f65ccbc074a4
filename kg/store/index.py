"""The store's index of entities and facts across documents (tables of ``records.sqlite``).

Merging one entity or fact across the documents of a store (as :func:`kg.api.merge_records`
merges them) needs only a few things, and each is one indexed lookup here, whatever the
number of documents:

* an entity: its first record in document order (label, type, Wikidata link) and the union of
  its aliases (kept as counts per alias, so removing a document is a decrement);
* a fact (a relation's merge key: subject, predicate, object, modality, time, derived): its
  first record in document order, its first place and first role in document order, and its
  highest confidence; its evidence is per document, so only the changed document's is touched;
* whether any document still asserts a direct triple (``subject predicate object``).
"""

from __future__ import annotations

import hashlib
import json
import sqlite3
from collections.abc import Iterable
from typing import Any

from kg.records import Entity, Relation

__all__ = ["INDEX_SCHEMA", "fact_id", "direct_key", "index_document", "unindex_document",
           "entity_heads", "fact_head", "fact_records", "asserted"]

INDEX_SCHEMA = """
CREATE TABLE IF NOT EXISTS entity_docs (entity TEXT NOT NULL, doc TEXT NOT NULL, record TEXT NOT NULL,
    aliases TEXT NOT NULL, PRIMARY KEY (entity, doc));
CREATE TABLE IF NOT EXISTS entity_aliases (entity TEXT NOT NULL, alias TEXT NOT NULL, n INTEGER NOT NULL,
    PRIMARY KEY (entity, alias));
CREATE TABLE IF NOT EXISTS fact_docs (fact TEXT NOT NULL, doc TEXT NOT NULL, records TEXT NOT NULL,
    confidence REAL NOT NULL, place TEXT, role TEXT, direct TEXT, PRIMARY KEY (fact, doc));
CREATE INDEX IF NOT EXISTS entity_docs_doc ON entity_docs (doc);
CREATE INDEX IF NOT EXISTS fact_docs_doc ON fact_docs (doc);
CREATE INDEX IF NOT EXISTS fact_docs_confidence ON fact_docs (fact, confidence);
CREATE INDEX IF NOT EXISTS fact_docs_direct ON fact_docs (direct) WHERE direct IS NOT NULL;
"""


def _json(data: Any) -> str:
    return json.dumps(data, ensure_ascii=False, sort_keys=True, separators=(",", ":"))


def fact_id(rel: Relation) -> str:
    """The id of the fact a relation states: its merge key (:meth:`Relation.key`), hashed.

    Examples
    --------
    >>> from kg.records import Entity, Relation
    >>> ru, ua = Entity("Q159", "Russia", "रूस", "Country"), Entity("Q212", "Ukraine", "यूक्रेन", "Country")
    >>> fact_id(Relation(ru, "attacks", ua)) == fact_id(Relation(ru, "attacks", ua, confidence=0.9))
    True
    """
    return hashlib.sha256(_json(list(rel.key())).encode("utf-8")).hexdigest()[:32]


def direct_key(rel: Relation) -> str | None:
    """``subject predicate object`` of an asserted relation (the direct triple it keeps), else None."""
    if rel.modality != "asserted":
        return None
    return "\x1f".join((rel.subject.id, rel.predicate, rel.object.id))


def index_document(db: sqlite3.Connection, doc_id: str, entities: list[Entity],
                   relations: list[Relation]) -> None:
    """Index one document's entities and facts (inside the caller's transaction)."""
    heads: dict[str, dict[str, Any]] = {}
    aliases: dict[str, set[str]] = {}
    for ent in entities:  # the first record of an id wins; aliases are pooled
        heads.setdefault(ent.id, {**ent.ref(), "aliases": [], "mentions": []})
        aliases.setdefault(ent.id, set()).update(ent.aliases)
    db.executemany("INSERT INTO entity_docs VALUES (?, ?, ?, ?)",
                   [(k, doc_id, _json(heads[k]), _json(sorted(aliases[k]))) for k in sorted(heads)])
    db.executemany("INSERT INTO entity_aliases VALUES (?, ?, 1) ON CONFLICT (entity, alias) DO UPDATE "
                   "SET n = n + 1", [(k, a) for k in sorted(aliases) for a in sorted(aliases[k])])
    facts: dict[str, list[Relation]] = {}
    for rel in relations:
        facts.setdefault(fact_id(rel), []).append(rel)
    db.executemany("INSERT INTO fact_docs VALUES (?, ?, ?, ?, ?, ?, ?)",
                   [_fact_row(f, doc_id, facts[f]) for f in sorted(facts)])


def _fact_row(fact: str, doc_id: str, rels: list[Relation]) -> tuple[Any, ...]:
    records = [r.to_dict() for r in rels]  # as the documents table keeps them (rounded confidence)
    place = next((r["place"] for r in records if r["place"] is not None), None)
    role = next((r["role"] for r in records if r.get("role")), None)
    return (fact, doc_id, _json(records), max(r["confidence"] for r in records),
            _json(place) if place else None, role, direct_key(rels[0]))


def unindex_document(db: sqlite3.Connection, doc_id: str) -> None:
    """Take one document out of the index (inside the caller's transaction)."""
    rows = db.execute("SELECT entity, aliases FROM entity_docs WHERE doc = ?", (doc_id,)).fetchall()
    pairs = [(entity, alias) for entity, found in rows for alias in json.loads(found)]
    db.executemany("UPDATE entity_aliases SET n = n - 1 WHERE entity = ? AND alias = ?", pairs)
    db.executemany("DELETE FROM entity_aliases WHERE entity = ? AND alias = ? AND n <= 0", pairs)
    db.execute("DELETE FROM entity_docs WHERE doc = ?", (doc_id,))
    db.execute("DELETE FROM fact_docs WHERE doc = ?", (doc_id,))


def entity_heads(db: sqlite3.Connection, ids: Iterable[str]) -> dict[str, Entity]:
    """Each entity merged across the store's documents (without mentions), by id; entities no
    document has any more are left out."""
    found: dict[str, Entity] = {}
    for entity in sorted(set(ids)):
        row = db.execute("SELECT record FROM entity_docs WHERE entity = ? ORDER BY doc LIMIT 1",
                         (entity,)).fetchone()
        if row is None:
            continue
        ent = Entity.from_dict(json.loads(row[0]))
        ent.aliases = [a for (a,) in db.execute(
            "SELECT alias FROM entity_aliases WHERE entity = ? ORDER BY alias", (entity,))]
        found[entity] = ent
    return found


def fact_head(db: sqlite3.Connection, fact: str) -> Relation | None:
    """A fact merged across documents without its evidence: the first record, with the first
    place and role in document order and the highest confidence; None once no document has it."""
    row = db.execute("SELECT records FROM fact_docs WHERE fact = ? ORDER BY doc LIMIT 1", (fact,)).fetchone()
    if row is None:
        return None
    rel = Relation.from_dict(json.loads(row[0])[0])
    rel.evidence = []
    place = db.execute("SELECT place FROM fact_docs WHERE fact = ? AND place IS NOT NULL ORDER BY doc "
                       "LIMIT 1", (fact,)).fetchone()
    rel.place = Entity.from_dict(json.loads(place[0])) if place else None
    role = db.execute("SELECT role FROM fact_docs WHERE fact = ? AND role IS NOT NULL ORDER BY doc LIMIT 1",
                      (fact,)).fetchone()
    rel.role = role[0] if role else None
    rel.confidence = db.execute("SELECT MAX(confidence) FROM fact_docs WHERE fact = ?", (fact,)).fetchone()[0]
    return rel


def fact_records(db: sqlite3.Connection, fact: str) -> list[Relation]:
    """Every document's records of a fact (each with that document's evidence), in document order."""
    rows = db.execute("SELECT records FROM fact_docs WHERE fact = ? ORDER BY doc", (fact,))
    return [Relation.from_dict(r) for (records,) in rows for r in json.loads(records)]


def asserted(db: sqlite3.Connection, key: str) -> bool:
    """Whether some document still asserts the direct triple ``key`` (see :func:`direct_key`)."""
    return db.execute("SELECT 1 FROM fact_docs WHERE direct = ? LIMIT 1", (key,)).fetchone() is not None
