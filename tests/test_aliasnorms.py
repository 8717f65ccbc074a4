"""Cached alias norms (kg.nlp.aliasnorms): the lexicon ruler matches as it does with tokenized aliases."""

from __future__ import annotations

from pathlib import Path

import pytest
import spacy

from kg.nlp.aliasnorms import alias_norms, cached_norms, tokenized_norms
from kg.nlp.entities import LexiconRuler, set_norms
from kg.nlp.lexicon import load_lexicon
from kg.nlp.pipeline import make_nlp

ALIASES = ["नरेंद्र मोदी", "मॉस्को", "व्हाइट हाउस", "U.S.", "है।यह", "रूस-यूक्रेन", "Vladimir Putin"]


@pytest.fixture(scope="module")
def nlp() -> spacy.Language:
    return make_nlp(model=False)


def test_cached_norms_equal_the_tokenizers(nlp: spacy.Language, tmp_path: Path) -> None:
    expected = tokenized_norms(nlp)(ALIASES)
    assert ["रूस", "-", "यूक्रेन"] in expected and ["मास्को"] in expected
    assert cached_norms(nlp, "blank_hindi", folder=tmp_path)(ALIASES) == expected  # built
    assert cached_norms(nlp, "blank_hindi", folder=tmp_path)(ALIASES) == expected  # read
    assert cached_norms(nlp, "blank_hindi", folder=tmp_path)(ALIASES[:3]) == expected[:3]  # other aliases
    assert len(list(tmp_path.glob("alias_norms.*.tsv"))) == 2  # the first set kept as the older version


def test_an_alias_that_cannot_be_stored_is_tokenized(nlp: spacy.Language, tmp_path: Path) -> None:
    assert cached_norms(nlp, "blank_hindi", folder=tmp_path)(["अ\tब"]) == tokenized_norms(nlp)(["अ\tब"])


def test_only_kgs_own_tokenizer_is_cached(nlp: spacy.Language) -> None:
    assert nlp.tokenizer.cache_key == "blank_hindi"
    assert alias_norms(nlp).__qualname__.startswith("cached_norms")
    assert alias_norms(spacy.blank("hi")).__qualname__.startswith("tokenized_norms")


def test_ruler_patterns_equal_those_of_tokenized_aliases(nlp: spacy.Language) -> None:
    lexicon = load_lexicon()
    cached = nlp.get_pipe("kg_lexicon")
    tokenized = LexiconRuler(nlp, lexicon, alias_norms=tokenized_norms(nlp))
    assert cached._tables == tokenized._tables
    doc = nlp.make_doc("मॉस्को में पुतिन ने भारत के प्रधानमंत्री नरेंद्र मोदी से मुलाकात की। रूसी और अमेरिकी "
                       "अधिकारी व्हाइट हाउस पहुंचे, वाशिंगटन ने कहा।")
    set_norms(doc)
    assert cached.matcher(doc) == tokenized.matcher(doc) and len(cached.matcher(doc)) >= 5
