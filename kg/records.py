"""Plain records exchanged between the extractor, the serializers and the viewer.

Every consumer (RDF, NetworkX, HTML viewer, evaluation) works from these
records, never from spaCy objects, so the formats in ``triples.jsonl`` and
``entities.jsonl`` are the single contract of the project.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

__all__ = [
    "ENTITY_TYPES",
    "MODALITIES",
    "Document",
    "Entity",
    "Evidence",
    "Mention",
    "Relation",
]

ENTITY_TYPES = ("Person", "Organization", "Country", "City", "Region", "Event")
MODALITIES = ("asserted", "planned", "alleged", "denied", "negated")


@dataclass(frozen=True, order=True)
class Mention:
    """One occurrence of an entity in a document (offsets into the original text)."""

    doc: str
    start: int
    end: int
    text: str

    def to_dict(self) -> dict[str, Any]:
        return {"text": self.text, "start": self.start, "end": self.end, "doc": self.doc}


@dataclass(frozen=True, order=True)
class Evidence:
    """The sentence a relation was read from (offsets into the original text)."""

    doc: str
    start: int
    end: int
    sentence: str

    def to_dict(self) -> dict[str, Any]:
        return {"doc": self.doc, "sentence": self.sentence, "start": self.start, "end": self.end}


@dataclass
class Entity:
    """A canonical entity: one node per real-world thing.

    ``id`` is the Wikidata QID when known, otherwise a slug of the English label.
    """

    id: str
    label: str
    label_hi: str
    type: str
    wikidata: str | None = None
    aliases: list[str] = field(default_factory=list)
    mentions: list[Mention] = field(default_factory=list)

    def ref(self) -> dict[str, Any]:
        """The short form used inside ``triples.jsonl`` records."""
        return {
            "id": self.id,
            "label": self.label,
            "label_hi": self.label_hi,
            "type": self.type,
            "wikidata": self.wikidata,
        }

    def to_dict(self) -> dict[str, Any]:
        data = self.ref()
        data["aliases"] = sorted(set(self.aliases))
        data["mentions"] = [m.to_dict() for m in sorted(set(self.mentions))]
        return data

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Entity:
        return cls(
            id=data["id"],
            label=data["label"],
            label_hi=data.get("label_hi", ""),
            type=data["type"],
            wikidata=data.get("wikidata"),
            aliases=list(data.get("aliases", [])),
            mentions=[Mention(m["doc"], m["start"], m["end"], m["text"]) for m in data.get("mentions", [])],
        )


@dataclass
class Relation:
    """A typed relation between two entities, with its evidence."""

    subject: Entity
    predicate: str
    object: Entity
    modality: str = "asserted"
    time: str | None = None
    place: Entity | None = None
    confidence: float = 0.5
    derived: bool = False
    evidence: list[Evidence] = field(default_factory=list)
    role: str | None = None

    def key(self) -> tuple[str, str, str, str, str, bool]:
        """Identity of a fact: two extractions with the same key are merged."""
        return (self.subject.id, self.predicate, self.object.id, self.modality, self.time or "", self.derived)

    def to_dict(self) -> dict[str, Any]:
        data: dict[str, Any] = {
            "subject": self.subject.ref(),
            "predicate": self.predicate,
            "object": self.object.ref(),
            "modality": self.modality,
            "time": self.time,
            "place": self.place.ref() if self.place else None,
            "confidence": round(self.confidence, 3),
            "derived": self.derived,
            "evidence": [e.to_dict() for e in sorted(set(self.evidence))],
        }
        if self.role:
            data["role"] = self.role
        return data

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Relation:
        place = data.get("place")
        return cls(
            subject=Entity.from_dict(data["subject"]),
            predicate=data["predicate"],
            object=Entity.from_dict(data["object"]),
            modality=data.get("modality", "asserted"),
            time=data.get("time"),
            place=Entity.from_dict(place) if place else None,
            confidence=float(data.get("confidence", 0.5)),
            derived=bool(data.get("derived", False)),
            evidence=[
                Evidence(e["doc"], e["start"], e["end"], e["sentence"]) for e in data.get("evidence", [])
            ],
            role=data.get("role"),
        )


@dataclass
class Document:
    """An input article and its metadata (from the ``.meta.json`` sidecar when present)."""

    id: str
    text: str
    title: str | None = None
    date: str | None = None
    language: str = "hi"
    source: str | None = None
    path: str | None = None
    text_from: str | None = None  # "html": ``text`` was extracted from a page (kg.htmltext)

    def meta(self) -> dict[str, Any]:
        """The ``documents.jsonl`` record; a text extracted from HTML is kept in it, as offsets
        point into that text."""
        data: dict[str, Any] = {
            "id": self.id,
            "title": self.title,
            "date": self.date,
            "language": self.language,
            "source": self.source,
            "path": self.path,
        }
        if self.text_from:
            data["text_from"] = self.text_from
            data["text"] = self.text
        return data
