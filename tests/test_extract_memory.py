"""Extracting one article after another keeps spaCy's vocabulary at its size.

Each article's new words leave the string table with it (spaCy memory zones), so a
long ``kg add`` of a year of news does not grow with every word it has read.
"""

from __future__ import annotations

import pytest

from kg.api import extract_document
from kg.records import Document


@pytest.fixture(scope="module")
def nlp():  # noqa: ANN201 - spaCy Language
    from kg.nlp.pipeline import make_nlp

    return make_nlp(model=False)


def _words(n: int, start: int) -> str:
    """Made-up Devanagari words that no lexicon holds (a number written in letters)."""
    letters = [chr(c) for c in range(0x915, 0x939)]
    words = []
    for k in range(start, start + n):
        word = ""
        for _ in range(5):
            k, r = divmod(k, len(letters))
            word += letters[r]
        words.append(word)
    return " ".join(words)


def test_new_words_leave_the_vocabulary_with_their_article(nlp) -> None:  # noqa: ANN001
    extract_document(nlp, Document("warm", "भारत के प्रधानमंत्री नरेंद्र मोदी ने जापान का दौरा किया।"))
    size = len(nlp.vocab.strings)
    for i in range(3):
        text = f"प्रधानमंत्री नरेंद्र मोदी ने {_words(200, 1000 + 200 * i)} जापान का दौरा किया।"
        ents, rels = extract_document(nlp, Document(f"d{i}", text, date="2024-06-20"))
        assert ("Narendra Modi", "visits", "Japan") in {(r.subject.label, r.predicate, r.object.label)
                                                         for r in rels}
    assert len(nlp.vocab.strings) == size
