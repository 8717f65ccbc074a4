"""Checks on the lexicon files in ``kg/data`` (format, identifiers, key lookups)."""

from __future__ import annotations

import csv
import re
import unicodedata
from collections import defaultdict
from pathlib import Path

import pytest

DATA = Path(__file__).resolve().parent.parent / "kg" / "data"
QID = re.compile(r"^Q\d+$")

COLUMNS = {
    "places.tsv": ["alias_hi", "label_en", "label_hi", "type", "wikidata", "country", "kind"],
    "places_manual.tsv": ["aliases_hi", "label_en", "label_hi", "type", "wikidata", "country"],
    "people.tsv": ["aliases_hi", "label_en", "label_hi", "wikidata", "country", "role", "role_hi"],
    "organizations.tsv": ["aliases_hi", "label_en", "label_hi", "wikidata", "country", "kind"],
    "demonyms.tsv": ["demonym_hi", "country"],
    "metonyms.tsv": ["alias_hi", "country", "note", "institution_en"],
    "titles.tsv": ["title_hi", "role_en", "kind"],
}
# Column holding the alias(es) and the columns that identify the entity it maps to.
KEYS = {
    "places.tsv": ("alias_hi", ("label_en", "type", "country")),
    "places_manual.tsv": ("aliases_hi", ("label_en", "type", "country")),
    "people.tsv": ("aliases_hi", ("label_en",)),
    "organizations.tsv": ("aliases_hi", ("label_en",)),
    "demonyms.tsv": ("demonym_hi", ("country",)),
    "metonyms.tsv": ("alias_hi", ("country",)),
    "titles.tsv": ("title_hi", ("role_en", "kind")),
}


def read(name: str) -> list[dict[str, str]]:
    with open(DATA / name, encoding="utf-8", newline="") as fh:
        return list(csv.DictReader(fh, delimiter="\t", quoting=csv.QUOTE_NONE))


@pytest.fixture(scope="module")
def iso2() -> set[str]:
    with open(DATA / "countries-wikidata.csv", encoding="utf-8", newline="") as fh:
        return {row["iso2"] for row in csv.DictReader(fh)}


@pytest.fixture(scope="module")
def places() -> dict[str, dict[str, str]]:
    return {row["alias_hi"]: row for row in read("places.tsv")}


@pytest.mark.parametrize("name", sorted(COLUMNS))
def test_header_and_shape(name: str) -> None:
    raw = (DATA / name).read_bytes()
    text = raw.decode("utf-8")
    assert b"\r" not in raw and text.endswith("\n")
    assert text == unicodedata.normalize("NFC", text)
    lines = text.splitlines()
    assert lines[0].split("\t") == COLUMNS[name]
    body = lines[1:]
    assert body == sorted(body), "rows must be sorted"
    assert body and len(body) == len(set(body)), "no rows, or duplicate rows"
    for line in body:
        cells = line.split("\t")
        assert len(cells) == len(COLUMNS[name]), line
        assert all(c == c.strip() for c in cells), line
        assert cells[0], line


@pytest.mark.parametrize("name", sorted(COLUMNS))
def test_identifiers(name: str, iso2: set[str]) -> None:
    for row in read(name):
        if row.get("wikidata"):
            assert QID.match(row["wikidata"]), row
        if row.get("country"):
            assert row["country"] in iso2, row


@pytest.mark.parametrize("name", sorted(KEYS))
def test_no_alias_maps_to_two_entities(name: str) -> None:
    alias_col, ident_cols = KEYS[name]
    seen: dict[str, set[tuple[str, ...]]] = defaultdict(set)
    for row in read(name):
        for alias in row[alias_col].split("|") if alias_col == "aliases_hi" else [row[alias_col]]:
            assert alias, row
            seen[alias].add(tuple(row[c] for c in ident_cols))
    clashes = {a: v for a, v in seen.items() if len(v) > 1}
    assert not clashes


def test_types_and_kinds() -> None:
    assert {r["type"] for r in read("places.tsv")} <= {"Country", "City", "Region"}
    assert {r["kind"] for r in read("places.tsv")} == {"name"}
    assert {r["kind"] for r in read("titles.tsv")} == {"person_title", "org_head"}
    for row in read("people.tsv") + read("organizations.tsv"):
        assert row["label_hi"] == row["aliases_hi"].split("|")[0]


#: Countries without an ISO 3166 code of their own: former states, and Kosovo (CLDR's XK).
FORMER_STATES = {"Soviet Union", "West Germany", "East Germany", "Kosovo"}


def test_countries_use_their_own_code(places: dict[str, dict[str, str]]) -> None:
    with open(DATA / "countries-wikidata.csv", encoding="utf-8", newline="") as fh:
        qid_of = {row["iso2"]: row["wikidata"] for row in csv.DictReader(fh)}
    for row in places.values():
        if row["type"] == "Country" and row["label_en"] in FORMER_STATES:
            assert row["country"] == "", row  # no ISO code of its own
        elif row["type"] == "Country":
            assert row["wikidata"] == qid_of[row["country"]], row


@pytest.mark.parametrize(
    ("alias", "label", "type_", "qid", "country"),
    [
        ("रूस", "Russia", "Country", "Q159", "RU"),
        ("वियतनाम", "Vietnam", "Country", "Q881", "VN"),
        ("हनोई", "Hanoi", "City", "Q1858", "VN"),
        ("प्योंगयांग", "Pyongyang", "City", "Q18808", "KP"),
        ("सिंगापुर", "Singapore", "Country", "Q334", "SG"),
        ("अमेरिका", "United States", "Country", "Q30", "US"),
        ("अमरीका", "United States", "Country", "Q30", "US"),
        ("उत्तर कोरिया", "North Korea", "Country", "Q423", "KP"),
        ("मास्को", "Moscow", "City", "Q649", "RU"),
        ("मॉस्को", "Moscow", "City", "Q649", "RU"),
        ("हेग", "The Hague", "City", "Q36600", "NL"),
        ("द हेग", "The Hague", "City", "Q36600", "NL"),
        ("दक्षिण पूर्व एशिया", "Southeast Asia", "Region", "Q11708", ""),
        ("दक्षिण-पूर्व एशिया", "Southeast Asia", "Region", "Q11708", ""),
        ("नई दिल्ली", "New Delhi", "City", "Q987", "IN"),
        ("यूक्रेन", "Ukraine", "Country", "Q212", "UA"),
        ("चीन", "China", "Country", "Q148", "CN"),
        ("अंटार्कटिका", "Antarctica", "Region", "Q21590062", "AQ"),  # a continent, no state
    ],
)
def test_place_lookups(places: dict[str, dict[str, str]], alias: str, label: str, type_: str, qid: str,
                       country: str) -> None:
    row = places[unicodedata.normalize("NFC", alias)]
    assert (row["label_en"], row["type"], row["wikidata"], row["country"]) == (label, type_, qid, country)


@pytest.mark.parametrize("word", ["भारत", "सोल", "मान", "सारी", "हिन्दी", "बारी"])
def test_common_words_are_not_city_aliases(places: dict[str, dict[str, str]], word: str) -> None:
    assert places.get(word, {}).get("type") != "City"


def _lookup(name: str, alias: str) -> dict[str, str]:
    alias = unicodedata.normalize("NFC", alias)
    return next(r for r in read(name) if alias in r["aliases_hi"].split("|"))


def test_people_and_org_lookups() -> None:
    assert _lookup("people.tsv", "पुतिन")["wikidata"] == "Q7747"
    assert _lookup("people.tsv", "किम जोंग उन")["wikidata"] == "Q56226"
    assert _lookup("people.tsv", "नरेंद्र मोदी")["label_en"] == "Narendra Modi"
    assert _lookup("organizations.tsv", "अंतरराष्ट्रीय आपराधिक न्यायालय")["wikidata"] == "Q47488"
    assert _lookup("organizations.tsv", "संयुक्त राष्ट्र सुरक्षा परिषद")["wikidata"] == "Q37470"
    assert _lookup("organizations.tsv", "ISEAS-यूसुफ इशाक संस्थान")["country"] == "SG"
    # the US Congress as "US" + Congress, and in the spelling कॉन्ग्रेस
    assert _lookup("organizations.tsv", "यूएस कॉन्ग्रेस")["label_en"] == "United States Congress"
    demonyms = {r["demonym_hi"]: r["country"] for r in read("demonyms.tsv")}
    assert (demonyms["रूसी"], demonyms["उत्तर कोरियाई"], demonyms["अमेरिकी"]) == ("RU", "KP", "US")
    metonyms = {r["alias_hi"]: r["country"] for r in read("metonyms.tsv")}
    assert metonyms["क्रेमलिन"] == "RU" and metonyms["व्हाइट हाउस"] == "US"


@pytest.mark.parametrize("name", sorted(KEYS))
def test_alias_words_start_with_a_letter(name: str) -> None:
    alias_col = KEYS[name][0]
    for row in read(name):
        for alias in row[alias_col].split("|"):
            for word in re.split(r"[ \-–]+", alias):
                assert word and unicodedata.category(word[0])[0] != "M", (alias, row)


def test_places_tsv_is_up_to_date() -> None:
    """``places.tsv`` is exactly what ``scripts/build_lexicon.py`` generates."""
    import importlib.util
    import sys

    path = DATA.parent.parent / "scripts" / "build_lexicon.py"
    spec = importlib.util.spec_from_file_location("build_lexicon", path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules["build_lexicon"] = module  # dataclasses look the module up
    spec.loader.exec_module(module)
    rows, _ = module.build_places()
    expected = ["\t".join(module.COLUMNS)] + ["\t".join(r) for r in rows]
    assert (DATA / "places.tsv").read_text(encoding="utf-8").splitlines() == expected


def test_qids_identify_one_entity() -> None:
    """A QID names one row across people and organizations, and one place identity."""
    owners: dict[str, set[tuple[str, ...]]] = defaultdict(set)
    for name in ("people.tsv", "organizations.tsv"):
        for row in read(name):
            if row["wikidata"]:
                owners[row["wikidata"]].add((name, row["label_en"]))
    for row in read("places.tsv"):
        if row["wikidata"]:
            owners[row["wikidata"]].add(("places.tsv", row["label_en"], row["type"]))
    assert {q: o for q, o in owners.items() if len(o) > 1} == {}


def test_a_state_without_an_iso_code_from_cldr(places: dict[str, dict[str, str]]) -> None:
    kosovo = [row for row in places.values() if row["label_en"] == "Kosovo"]
    assert kosovo and all(r["type"] == "Country" and r["wikidata"] == "Q1246" for r in kosovo)
