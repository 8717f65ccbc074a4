"""Gold annotations of real news (the format of ``GUIDELINES.md``) and matching entities to them.

A gold file names the entities taking part in the article's relations, keyed by a short id,
and the relations between those keys, each with a level (``must``, ``should``, ``ok``) and
alternatives for subject, predicate and object::

    {"doc": "HI_2.txt",
     "entities": {"modi": {"type": "Person", "wikidata": "Q1058", "en": ["Narendra Modi"],
                           "hi": ["नरेंद्र मोदी", "मोदी"]}, ...},
     "must_entities": ["modi", ...],
     "relations": [{"s": "modi", "p": ["visits"], "o": ["moscow", "russia"], "level": "must"}]}

An extracted entity is matched to a gold key by QID, else by any English or Hindi name of
the gold entity (ignoring case, punctuation and a leading "the"), exactly as the reference
scorer ``evaluate.py`` does.
"""

from __future__ import annotations

import json
import re
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from kg.errors import error

__all__ = ["GoldArticle", "GoldRelation", "EntityMatcher", "load_gold", "norm", "is_guidelines_gold",
           "from_legacy",
           "parse_gold"]

LEVELS = ("must", "should", "ok")


def norm(name: str | None) -> str:
    """A name folded for matching: no accents, case or punctuation, no leading "the".

    Devanagari signs are kept (they distinguish words), Latin accents are not.

    Examples
    --------
    >>> norm("The  Kremlin") == norm("kremlin")
    True
    >>> norm("U.S.") == norm("U S")
    True
    """
    text = unicodedata.normalize("NFKD", name or "")
    text = "".join(c for c in text if not unicodedata.combining(c) or "\u0900" <= c <= "\u097f")
    text = unicodedata.normalize("NFC", text).casefold()
    text = re.sub(r"[\s\-–—_.,'’\"()]+", " ", text).strip()
    return re.sub(r"^the ", "", text)


def _as_tuple(value: str | list[str]) -> tuple[str, ...]:
    return tuple(value) if isinstance(value, list) else (value,)


@dataclass(frozen=True)
class GoldRelation:
    """One gold relation: alternatives for each end and for the predicate."""

    s: tuple[str, ...]
    p: tuple[str, ...]
    o: tuple[str, ...]
    level: str
    why: str = ""

    def matches(self, triple: tuple[str, str, str]) -> bool:
        """Whether an extracted ``(subject key, predicate, object key)`` is this relation."""
        return triple[0] in self.s and triple[1] in self.p and triple[2] in self.o

    @property
    def required(self) -> bool:
        """Counted in recall (``must`` and ``should``)."""
        return self.level in ("must", "should")


@dataclass
class GoldArticle:
    """The gold annotation of one article."""

    id: str
    entities: dict[str, dict[str, Any]]
    relations: list[GoldRelation]
    must_entities: list[str] = field(default_factory=list)
    note: str = ""

    def matcher(self) -> EntityMatcher:
        return EntityMatcher(self.entities)


class EntityMatcher:
    """Maps an extracted entity record (a dict as in ``entities.jsonl``) to a gold key.

    Examples
    --------
    >>> m = EntityMatcher({"russia": {"wikidata": "Q159", "en": ["Russia"], "hi": ["रूस"]}})
    >>> m.key({"label": "Rus", "wikidata": "Q159"}), m.key({"label": "x", "label_hi": "रूस"})
    ('russia', 'russia')
    >>> m.key({"label": "India"}) is None
    True
    """

    def __init__(self, entities: dict[str, dict[str, Any]]) -> None:
        self.by_qid: dict[str, str] = {}
        self.by_name: dict[str, str] = {}
        for key, ent in entities.items():
            if ent.get("wikidata"):
                self.by_qid[ent["wikidata"]] = key
            for name in list(ent.get("en", [])) + list(ent.get("hi", [])):
                self.by_name.setdefault(norm(name), key)

    def key(self, ent: Any) -> str | None:
        if not isinstance(ent, dict):
            return None
        qid = (ent.get("wikidata") or "").rsplit("/", 1)[-1]
        if qid in self.by_qid:
            return self.by_qid[qid]
        for name in [ent.get("label"), ent.get("label_hi"), *(ent.get("aliases") or [])]:
            if isinstance(name, str) and norm(name) in self.by_name:
                return self.by_name[norm(name)]
        return None


def is_guidelines_gold(data: Any) -> bool:
    """Whether parsed JSON is in the ``GUIDELINES.md`` format (entities keyed by id)."""
    return isinstance(data, dict) and isinstance(data.get("entities"), dict)


def parse_gold(data: dict[str, Any], name: str) -> GoldArticle:
    """A :class:`GoldArticle` from parsed JSON; ``name`` (the file stem) is the fallback id."""
    relations = []
    for rel in data["relations"]:
        level = rel.get("level", "should")
        if level not in LEVELS:
            raise ValueError(f"unknown level {level!r}")
        relations.append(GoldRelation(_as_tuple(rel["s"]), _as_tuple(rel["p"]), _as_tuple(rel["o"]),
                                      level, rel.get("why", "")))
    doc = str(data.get("doc") or name)
    doc_id = doc[:-4] if doc.endswith(".txt") else doc
    return GoldArticle(doc_id, dict(data["entities"]), relations, list(data.get("must_entities", [])),
                       data.get("note", ""))


def from_legacy(data: dict[str, Any], name: str) -> GoldArticle:
    """A :class:`GoldArticle` from the in-house format (``tests/gold/*.gold.json``).

    Each entity gets its label as key; every relation is ``should`` (they are all stated);
    relations to ends that are not listed entities (events) are left out.

    Examples
    --------
    >>> g = from_legacy({"entities": [{"label": "Russia", "type": "Country", "mentions": ["रूस"]},
    ...                               {"label": "Ukraine", "type": "Country"}],
    ...                  "relations": [{"subject": "Russia", "predicate": "attacks", "object": "Ukraine"}]},
    ...                 "x")
    >>> g.relations[0].matches(("Russia", "attacks", "Ukraine")), g.must_entities
    (True, [])
    """
    entities = {
        e["label"]: {"type": e["type"], "wikidata": e.get("wikidata"), "en": [e["label"], *e.get("also", [])],
                     "hi": list(e.get("mentions", []))}
        for e in data["entities"] if e.get("type") != "Event"
    }
    relations = [GoldRelation((r["subject"],), (r["predicate"],), (r["object"],), "should")
                 for r in data["relations"] if r["subject"] in entities and r["object"] in entities]
    doc = str(data.get("doc") or name)
    return GoldArticle(doc.removesuffix(".txt"), entities, relations, [], data.get("note", ""))


def load_gold(path: str | Path, legacy: bool = False) -> GoldArticle:
    """Read one gold file in the ``GUIDELINES.md`` format (or, with ``legacy``, also the in-house one).

    Raises
    ------
    KGError
        ``bad_gold`` when the file cannot be read or is not in that format.
    """
    path = Path(path)
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
        if legacy and isinstance(data, dict) and isinstance(data.get("entities"), list):
            return from_legacy(data, path.name.removesuffix(".gold.json"))
        if not is_guidelines_gold(data):
            raise ValueError("'entities' must be an object keyed by entity id")
        return parse_gold(data, path.stem)
    except (OSError, ValueError, KeyError, TypeError) as exc:
        raise error("bad_gold", path=path, reason=f"{type(exc).__name__}: {exc}") from None
