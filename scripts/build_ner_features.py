"""Build the word lists behind the NER model's extra features (deterministic, re-runnable).

Writes two files used by :mod:`kg.ner.features`:

``kg/data/ner_gazetteer.tsv`` (``word_hi classes``)
    Each word with the name lists it belongs to, joined by ``+``:

    * ``first`` / ``last``: Hindi, Nepali and Marathi first names and surnames of the
      Faker package (``faker.providers.person.{hi_IN,ne_NP,mr_IN}``, MIT licence),
      plus the first and last words of the people in ``kg/data/people.tsv``;
    * ``place``: one-word place names of ``kg/data/places.tsv``; ``placepart``: a
      word of a longer place name;
    * ``orgpart``: a word of an organisation name of ``kg/data/organizations.tsv``;
      ``orgword``: ``kg/data/org_words.tsv``; ``orghead`` and ``title``: the two kinds
      of ``kg/data/titles.tsv``;
    * ``demonym``: ``kg/data/demonyms.tsv``.

``kg/data/hi_wordfreq.tsv`` (``word_hi zipf_class``)
    The Devanagari words of wordfreq's Hindi list (``wordfreq.iter_wordlist("hi")``,
    wordfreq 3.x; its data is CC BY-SA 4.0) with their Zipf frequency in half steps
    (``"9"`` is Zipf 4.5–5.0).

Run ``python scripts/build_ner_features.py`` from the repository root (needs the
``data`` extra: ``pip install -e ".[data]"``).  Retrain the NER model after a change.
"""

from __future__ import annotations

import re
import unicodedata
from collections import defaultdict
from pathlib import Path

from kg.nlp.lexicon import data_rows

__all__ = ["name_lists", "lexicon_lists", "frequency_classes", "main"]

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / "kg" / "data"
DEVANAGARI_WORD = re.compile(r"^[\u0900-\u097F]+$")
FAKER_LOCALES = ("hi_IN", "ne_NP", "mr_IN")
# Head words that end organisation names in Hindi news, mostly English loans, beyond the
# org_head titles of kg/data/titles.tsv (hand-written; both spellings where the press uses both).
ORG_HEADS = """
इंडस्ट्रीज़ इंडस्ट्रीज कॉर्पोरेशन कार्पोरेशन कॉरपोरेशन कॉर्प लिमिटेड लि प्राइवेट एसोसिएशन फेडरेशन फ़ेडरेशन
काउंसिल कौंसिल कमीशन कॉन्फ्रेंस कॉन्फ़्रेंस कांफ्रेंस लीग फ्रंट फ़्रंट क्लब सोसाइटी सोसायटी यूनियन मिशन
सर्विसेज़ सर्विसेज टाइम्स एक्सप्रेस न्यूज़ न्यूज एयरलाइंस एयरलाइन्स एयरवेज़ एयरवेज मोटर्स होल्डिंग्स
टेक्नोलॉजीज़ टेक्नोलॉजीज सिस्टम्स ग्रुप इंक बैंक फाउंडेशन ट्रस्ट इंस्टिट्यूट इंस्टीट्यूट एकेडमी अकादमी
यूनिवर्सिटी कॉलेज स्कूल अस्पताल हॉस्पिटल कंपनी कम्पनी फर्म निगम मंडल महासंघ संघ परिषद आयोग समिति
प्रतिष्ठान संस्थान संस्था संगठन सभा दल पार्टी कांग्रेस मोर्चा सेना वाहिनी ब्रिगेड बटालियन रेजिमेंट पुलिस
मंत्रालय विभाग निदेशालय प्राधिकरण बोर्ड ब्यूरो एजेंसी केंद्र सेंटर न्यायालय अदालत कोर्ट विश्वविद्यालय
""".split()


def _clean(word: str) -> str | None:
    word = unicodedata.normalize("NFC", word.replace("\u200d", "").replace("\u200c", "").strip())
    return word if DEVANAGARI_WORD.match(word) else None


def name_lists() -> dict[str, set[str]]:
    """First names and surnames from Faker's South Asian person providers."""
    import importlib

    lists: dict[str, set[str]] = {"first": set(), "last": set()}
    for locale in FAKER_LOCALES:
        provider = importlib.import_module(f"faker.providers.person.{locale}").Provider
        for attr, kind in (("first_names", "first"), ("first_names_male", "first"),
                           ("first_names_female", "first"), ("last_names", "last")):
            for word in getattr(provider, attr, ()):
                if (clean := _clean(word)) is not None:
                    lists[kind].add(clean)
    return lists


def _aliases(row: dict[str, str], column: str) -> list[list[str]]:
    return [alias.split() for alias in row[column].split("|") if alias.strip()]


def lexicon_lists() -> dict[str, set[str]]:
    """Name-list classes taken from the project's own lexicon files."""
    lists: dict[str, set[str]] = defaultdict(set)
    for row in data_rows("people.tsv"):
        for words in _aliases(row, "aliases_hi"):
            if len(words) > 1:
                lists["first"].add(words[0])
                lists["last"].add(words[-1])
    for row in data_rows("places.tsv"):
        words = row["alias_hi"].split()
        lists["place" if len(words) == 1 else "placepart"].update(words)
    for row in data_rows("organizations.tsv"):
        for words in _aliases(row, "aliases_hi"):
            lists["orgpart"].update(words)
    lists["orgword"].update(row["word_hi"] for row in data_rows("org_words.tsv"))
    lists["orghead"].update(ORG_HEADS)
    for row in data_rows("titles.tsv"):
        lists["orghead" if row["kind"] == "org_head" else "title"].add(row["title_hi"])
    lists["demonym"].update(row["demonym_hi"] for row in data_rows("demonyms.tsv"))
    return {kind: {w for w in words if _clean(w) == w} for kind, words in lists.items()}


def frequency_classes() -> dict[str, str]:
    """Devanagari words of wordfreq's Hindi list -> Zipf frequency in half steps."""
    import wordfreq

    classes = {}
    for word in wordfreq.iter_wordlist("hi"):
        if (clean := _clean(word)) is not None and clean not in classes:
            classes[clean] = str(int(wordfreq.zipf_frequency(word, "hi") * 2))
    return classes


def _write(path: Path, header: tuple[str, str], rows: dict[str, str]) -> None:
    with open(path, "w", encoding="utf-8", newline="") as fh:
        fh.write("\t".join(header) + "\n")
        for word in sorted(rows):
            fh.write(f"{word}\t{rows[word]}\n")


def main() -> None:
    classes: dict[str, set[str]] = defaultdict(set)
    for lists in (name_lists(), lexicon_lists()):
        for kind, words in lists.items():
            for word in words:
                classes[word].add(kind)
    _write(DATA / "ner_gazetteer.tsv", ("word_hi", "classes"),
           {word: "+".join(sorted(kinds)) for word, kinds in classes.items()})
    freq = frequency_classes()
    _write(DATA / "hi_wordfreq.tsv", ("word_hi", "zipf_class"), freq)
    print(f"ner_gazetteer.tsv: {len(classes)} words; hi_wordfreq.tsv: {len(freq)} words")


if __name__ == "__main__":
    main()
