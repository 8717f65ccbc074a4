"""What kg's components pass on to each other: registered ``Doc`` extensions.

Each name below is a ``Doc`` extension (default ``None``), read and written as
``doc._.kg_entities`` or ``doc._.get(ENTITIES)``. Registering happens when this module is
imported, which every component module does.

Examples
--------
>>> import spacy
>>> doc = spacy.blank("hi")("रूस ने यूक्रेन पर हमला किया।")
>>> doc._.kg_relations is None
True
>>> doc_value(doc, RELATIONS, [])
[]
>>> setdefault(doc, ENTITIES, dict)["Q159"] = "Russia"
>>> doc._.kg_entities
{'Q159': 'Russia'}
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, TypeVar

from spacy.tokens import Doc

__all__ = [
    "ARGS", "DATELINE_KEY", "DATE_KEY", "DEMONYMS", "ENTITIES", "EXTENSIONS", "MENTIONS",
    "MIN_CONFIDENCE", "NORMS", "NORM_KEY", "ORGANS", "ORGAN_DEMONYMS", "RELATIONS", "TEXTS",
    "TEXT_DATE", "TITLES", "doc_value", "setdefault",
]

NORM_KEY = "kg_norm"
TEXTS = "kg_texts"
DATELINE_KEY = "kg_dateline"
NORMS = "kg_norms"
MENTIONS = "kg_mentions"
ORGAN_DEMONYMS = "kg_organ_demonyms"
ENTITIES = "kg_entities"
ORGANS = "kg_organs"
DEMONYMS = "kg_org_demonyms"
ARGS = "kg_args"
TITLES = "kg_titles"
RELATIONS = "kg_relations"
DATE_KEY = "kg_date"
TEXT_DATE = "kg_text_date"
MIN_CONFIDENCE = "kg_min_confidence"

#: Every extension, with what it holds and which component sets it.
EXTENSIONS = {
    NORM_KEY: "the Normalized text and offset map (tokenizer)",
    TEXTS: "every token's text, read once (kg.nlp.sentences.token_texts)",
    DATELINE_KEY: "(start, end) tokens of the dateline, if any (kg_sentences)",
    NORMS: "every token's spelling-folded lexicon key (kg_lexicon)",
    MENTIONS: "lexicon mentions found by kg_lexicon",
    ORGAN_DEMONYMS: "start of a state organ span -> end of its owner's mention (kg_patterns)",
    ENTITIES: "entity key -> EntityInfo (kg_canonical; roles add office holders)",
    ORGANS: "organ key -> the key of its state (kg_canonical)",
    DEMONYMS: "organization key -> demonym keys in its name (kg_canonical)",
    ARGS: "relation arguments: mentions and resolved references (kg_coref)",
    TITLES: "title links such as रूसी राष्ट्रपति व्लादिमीर पुतिन (kg_coref)",
    RELATIONS: "RelRec relations (kg_relations, then kg_relation_model)",
    DATE_KEY: "the article's date, a datetime.date, set by the caller before the pipeline",
    TEXT_DATE: "the latest full date the text writes out (kg.nlp.roles), False if none",
    MIN_CONFIDENCE: "a caller's minimum confidence for this document (float), if any",
}

for _name in EXTENSIONS:
    if not Doc.has_extension(_name):
        Doc.set_extension(_name, default=None)

T = TypeVar("T")


def doc_value(doc: Doc, name: str, default: T) -> T | Any:
    """``doc._.<name>``, or ``default`` when it is unset (None)."""
    value = doc._.get(name)
    return default if value is None else value


def setdefault(doc: Doc, name: str, factory: Callable[[], T]) -> T | Any:
    """``doc._.<name>``, set first to ``factory()`` when it is unset (None)."""
    value = doc._.get(name)
    if value is None:
        value = factory()
        doc._.set(name, value)
    return value
