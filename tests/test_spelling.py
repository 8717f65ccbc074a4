"""English spellings of foreign names (kg.spelling, kg.nlp.names.foreign_spelling)."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from kg.nlp.lexicon import DATA_DIR
from kg.nlp.names import english_label, foreign_spelling
from kg.romanize import romanize_word
from kg.spelling import in_english_text, known_spelling, variants

sys.path.insert(0, str(Path(__file__).parent))
from test_english import _name_pairs  # noqa: E402


@pytest.mark.parametrize(("latin", "english"), [
    ("sargei", "Sergei"), ("vidodo", "Widodo"), ("guteres", "Guterres"), ("prigojhin", "Prigozhin"),
    ("shulmain", "Shulman"), ("nahayan", "Nahyan"), ("jastin", "Justin"), ("kajan", "Kazan")])
def test_a_romanization_no_english_text_uses_becomes_the_english_spelling(latin: str, english: str) -> None:
    assert known_spelling(latin) == english


@pytest.mark.parametrize("latin", ["jaiswal", "randhir", "dev", "say", "modi", "nautan", "alsu", "xqzv"])
def test_a_known_word_short_word_or_far_word_stays(latin: str) -> None:
    assert known_spelling(latin) is None


def test_an_a_between_consonants_may_go_but_not_at_the_edges() -> None:
    assert "nahyan" in variants("nahayan", 1)
    assert "lsu" not in variants("alsu", 1)


def test_words_of_english_text() -> None:
    assert in_english_text("Ivan") and not in_english_text("Sargei")


def test_foreign_spelling_keeps_indian_names_and_uses_the_lexicon() -> None:
    assert foreign_spelling("मोदी") is None and foreign_spelling("इवान") is None  # "ivan" is English text
    assert foreign_spelling("सर्गेई") == "Sergey"  # as in the lexicon's Sergey Lavrov
    assert english_label("जोको विडोडो", "Person") == "Joko Widodo"
    assert english_label("डर्बेंट", "City") == "Derbent"


def test_only_organization_words_that_are_no_hindi_words_are_respelled() -> None:
    assert english_label("व्यापार संगठन", "Organization") == "Vyapar Sangthan"  # Hindi words stay
    assert english_label("पॉलिटिको", "Organization") == "Politico"
    assert english_label("मोसाद", "Organization") == "Mossad"


def test_ks_may_be_x_and_a_final_a_stays() -> None:
    assert known_spelling("intarfaiks") == "Interfax"
    assert all(not w.endswith("e") for w in variants("arbia", 1))


# measured on the lexicon's name words (see the kg.spelling docstring): words spelled right by
# the romanizer, and with the English variants
LEXICON_WORDS = [("people", 371, 226, 247), ("places", 3717, 1378, 1975)]


@pytest.mark.parametrize(("source", "total", "romanized", "respelled"), LEXICON_WORDS)
def test_variants_spell_more_lexicon_names_right(source: str, total: int, romanized: int,
                                                 respelled: int) -> None:
    pairs = _name_pairs(source)
    right = sum(romanize_word(h) == e.lower() for h, e in pairs)
    now = sum((known_spelling(romanize_word(h)) or romanize_word(h)).lower() == e.lower() for h, e in pairs)
    assert abs(len(pairs) - total) <= total // 50 and abs(right - romanized) <= total // 50
    assert now - right >= (respelled - romanized) * 0.9, (right, now)


def test_data_file_is_sorted() -> None:
    lines = (DATA_DIR / "english_spellings.tsv").read_text(encoding="utf-8").splitlines()
    words = [line.split("\t")[0] for line in lines]
    assert words == sorted(words) and len(words) > 200_000
    assert all(0 < float(line.split("\t")[1]) < 8 for line in lines[:500])
