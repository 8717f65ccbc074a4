"""Canonicalization: every mention of one real entity becomes one entity key.

Lexicon mentions already carry their key. New names (from title cues, head
nouns or the statistical model) get a key from their romanized English label,
and a later short form (``पुतिन``) joins an earlier full name (``व्लादिमीर पुतिन``)
that ends with it.
"""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Doc, Span

from kg.nlp import names as name_rules
from kg.nlp.entities import MENTIONS, NORMS
from kg.nlp.lexicon import LexEntry, Lexicon, slugify
from kg.nlp.mentionorder import bracketed_acronyms, key_order
from kg.nlp.state import DEMONYMS, ENTITIES, ORGANS

__all__ = [
    "DEMONYMS", "ENTITIES", "ORGANS", "Canonicalizer", "EntityInfo",
    "add_entry", "english_label", "with_article",
]



@dataclass
class EntityInfo:
    """What the pipeline knows of one entity of a document."""

    key: str
    label: str
    label_hi: str
    type: str
    wikidata: str | None = None


def add_entry(entities: dict[str, EntityInfo], entry: LexEntry) -> str:
    """Make a lexicon entity one of the document's entities (once) and return its key."""
    entities.setdefault(entry.key, EntityInfo(entry.key, entry.label, entry.label_hi, entry.type,
                                              entry.wikidata))
    return entry.key


def english_label(text: str, etype: str | None = None, glosses: dict[str, str] | None = None) -> str:
    """A readable English label for a Devanagari name (:func:`kg.nlp.names.english_label`).

    Examples
    --------
    >>> english_label("Putin"), english_label("एफएसबी")
    ('Putin', 'FSB')
    """
    return name_rules.english_label(text, etype, glosses)


class Canonicalizer:
    """Give every mention in ``doc.spans["kg_mentions"]`` its entity key.

    Results: ``span.kb_id_`` on each mention and ``doc._.kg_entities``
    (key -> :class:`EntityInfo`); state organs such as ``अमेरिकी दूतावास`` are
    recorded in ``doc._.kg_organs`` (organ key -> state key).
    """

    def __init__(self, lexicon: Lexicon) -> None:
        self.lexicon = lexicon
        self._by_label: dict[tuple[str, str], str] = {}  # (slug of the English label, type) -> key
        for key, entry in lexicon.entries.items():
            self._by_label.setdefault((slugify(entry.label), entry.type), key)
        self._people = name_rules.PersonIndex(lexicon)

    def __call__(self, doc: Doc) -> Doc:
        entities: dict[str, EntityInfo] = {}
        organs: dict[str, str] = {}
        names: dict[tuple[str, ...], str] = {}  # token norms of new names -> key
        spans = list(doc.spans.get(MENTIONS, []))
        joined = bracketed_acronyms(spans, self._known)
        keys: dict[int, str] = {}
        for i in key_order(spans, joined):
            if i in joined:  # "आयोग (FTC)": the abbreviation is the organization
                keys[i] = names[tuple(t.norm_ for t in spans[i])] = keys[joined[i]]
            else:
                keys[i] = self._key(spans[i], entities, organs, names)
        resolved = [Span(doc, span.start, span.end, label=entities[keys[i]].type, kb_id=keys[i],
                         span_id=span.id_) for i, span in enumerate(spans)]
        resolved += self._surnames(doc, resolved)
        doc.spans[MENTIONS] = sorted(resolved, key=lambda s: s.start)
        doc._.set(ENTITIES, entities)
        doc._.set(ORGANS, organs)
        doc._.set(DEMONYMS, self._name_demonyms(resolved, entities))
        return doc

    def _key(self, span: Span, entities: dict[str, EntityInfo], organs: dict[str, str],
             names: dict[tuple[str, ...], str]) -> str:
        if span.id_ == "organ":
            return self._organ(span, entities, organs)
        if span.id_ == "part":
            return self._part(span, entities)
        if span.kb_id_ and span.kb_id_ in self.lexicon.entries:
            if span.label_ == "Person" and len(span) > 1:  # "इमरान" after the lexicon's "इमरान खान"
                names.setdefault(tuple(t.norm_ for t in span), span.kb_id_)
            return add_entry(entities, self.lexicon.entries[span.kb_id_])
        norms = tuple(t.norm_ for t in span)
        key = names.get(norms) or self._short_form(norms, span.label_, names, entities)
        known = self._people.find(span.text) if key is None and span.label_ == "Person" else None
        if known is not None:  # another spelling of a lexicon person's name
            key = add_entry(entities, self.lexicon.entries[known])
        if key is None:
            headed = span.label_ == "Organization" and span[-1].norm_ in self.lexicon.org_heads
            glosses = self.lexicon.org_words if span.label_ == "Organization" else None
            label = self._org_label(span) if headed else english_label(span.text, span.label_, glosses)
            key = self._lexicon_key(label, span.label_) or slugify(label)
            entities.setdefault(key, EntityInfo(key, label, span.text, span.label_))
        names[norms] = key
        nickname = _quoted_after(span)
        if nickname and span.label_ == "Person":
            names.setdefault(nickname, key)  # "पुष्प कमल दहल 'प्रचंड'": the nickname is the same person
        info = entities[key]
        if len(span.text) > len(info.label_hi) and info.key not in self.lexicon.entries:
            info.label_hi = span.text
        return key

    def _known(self, span: Span) -> bool:
        """Whether a mention is a lexicon entity (its key is given, not made from its label)."""
        return span.id_ not in {"organ", "part"} and span.kb_id_ in self.lexicon.entries

    def _name_demonyms(self, spans: list[Span], entities: dict[str, EntityInfo]) -> dict[str, str]:
        """Demonyms that open an organization's name (``भारतीय`` विदेश मंत्रालय) -> their state."""
        found = {}
        for span in spans:
            key = self.lexicon.demonyms.get(span[0].norm_) if span.label_ == "Organization" else None
            if key and len(span) > 1 and key in self.lexicon.entries:
                country = self.lexicon.entries[key]
                add_entry(entities, country)
                found[span[0].norm_] = key
        return found

    def _surnames(self, doc: Doc, spans: list[Span]) -> list[Span]:
        """``बनर्जी`` after ``ममता बनर्जी``: a surname alone is the person named before.

        Only surnames that belong to one person of the document and are not common words.
        """
        owners: dict[str, set[str]] = {}
        first: dict[str, int] = {}
        for span in spans:
            if span.label_ == "Person" and len(span) > 1:
                surname = span[-1].norm_
                owners.setdefault(surname, set()).add(span.kb_id_)
                first.setdefault(surname, span.end)
        wanted = {s: next(iter(k)) for s, k in owners.items()
                  if len(k) == 1 and len(s) > 2 and s not in self.lexicon.common_words}
        if not wanted:
            return []
        taken = {i for span in spans for i in range(span.start, span.end)}
        norms = doc._.get(NORMS) or [t.norm_ for t in doc]
        return [Span(doc, i, i + 1, label="Person", kb_id=wanted[norm], span_id="surname")
                for i, norm in enumerate(norms)
                if norm in wanted and i not in taken and i >= first[norm]]

    def _org_label(self, span: Span) -> str:
        """``कम्युनिस्ट पार्टी`` → "Communist Party": glossed words, romanized names, English head."""
        words = [self.lexicon.org_words.get(t.norm_) or self._place_label(t.norm_)
                 or english_label(t.text, "Organization") for t in span[:-1]]
        head = self.lexicon.org_heads.get(span[-1].norm_) or english_label(span[-1].text, "Organization")
        return " ".join([*words, head.title()]).replace(" - ", "-").replace(" -", "-")

    def _place_label(self, norm: str) -> str | None:
        """English name of a place word inside an organization's name (इस्लामाबाद → Islamabad)."""
        entry = self.lexicon.entries.get(self.lexicon.names.get(norm, ""))
        return entry.label if entry and entry.type in {"City", "Country", "Region"} else None

    def _lexicon_key(self, label: str, etype: str) -> str | None:
        """A new name whose English label is a known entity's label is that entity."""
        return self._by_label.get((slugify(label), etype))

    @staticmethod
    def _short_form(norms: tuple[str, ...], etype: str, names: dict[tuple[str, ...], str],
                    entities: dict[str, EntityInfo]) -> str | None:
        """A person named by part of a name met before: the surname, the first name alone
        (``इमरान`` after ``इमरान खान``), or the full name without a suffix (``चार्ल्स ब्राउन``)."""
        loose = tuple(name_rules.name_key(n) for n in norms)
        for known, key in names.items():
            if entities[key].type != etype or len(known) <= len(norms) or etype != "Person":
                continue
            folded = tuple(name_rules.name_key(n) for n in known)
            if folded[-len(norms):] == loose or folded[:len(norms)] == loose:
                return key
        return None

    def _part(self, span: Span, entities: dict[str, EntityInfo]) -> str:
        """``पूर्वी यूक्रेन`` (kb_id ``"Q212|Eastern"``): Eastern Ukraine, a region of its own."""
        place_key, compass = span.kb_id_.split("|")
        label = f"{compass} {self.lexicon.entries[place_key].label}"
        key = self._lexicon_key(label, "Region") or slugify(label)
        entities.setdefault(key, EntityInfo(key, label, span.text, "Region"))
        return key

    def _organ(self, span: Span, entities: dict[str, EntityInfo], organs: dict[str, str]) -> str:
        country_key, head, *named = span.kb_id_.split("|")
        country = self.lexicon.entries[country_key]
        if named:  # "रूसी खुफिया एजेंसी एफएसबी": the organ is called by its name (FSB)
            name_key, start = named[0], int(named[1])
            if name_key in self.lexicon.entries:
                key = add_entry(entities, self.lexicon.entries[name_key])
            else:
                name = span.doc[start:span.end]
                label = english_label(name.text, "Organization", self.lexicon.org_words)
                key = self._lexicon_key(label, "Organization") or slugify(label)
                entities.setdefault(key, EntityInfo(key, label, name.text, "Organization"))
            organs[key] = add_entry(entities, country)
            return key
        label = f"{head.title()} of {with_article(country.label)}"
        key = slugify(label)
        organs[key] = add_entry(entities, country)
        entities.setdefault(key, EntityInfo(key, label, span.text, "Organization"))
        return key


def _quoted_after(span: Span) -> tuple[str, ...] | None:
    """Norms of a short quoted nickname right after a name (``'प्रचंड'``), if any."""
    doc = span.doc
    i = span.end
    if i < len(doc) and doc[i].text in {"'", '"'}:
        for j in range(i + 2, min(i + 5, len(doc))):
            if doc[j].text == doc[i].text:
                return tuple(t.norm_ for t in doc[i + 1:j])
    return None


_THE = ("United ", "Netherlands", "Philippines", "Bahamas", "Maldives", "Gambia", "Czech Republic",
        "Central African Republic", "Dominican Republic", "Democratic Republic")


def with_article(country: str) -> str:
    """Prefix "the" where English uses it with a country name.

    Examples
    --------
    >>> with_article("United States"), with_article("India")
    ('the United States', 'India')
    """
    return f"the {country}" if country.startswith(_THE) else country
