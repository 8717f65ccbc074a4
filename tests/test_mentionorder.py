"""Mentions that share a key whatever their order: bracketed abbreviations, short names first.

Short hand-made sentences; the statistical model's spans are given by hand.
"""

from __future__ import annotations

import pytest

from tests.test_entity_rules import mentions, run


@pytest.fixture(scope="module")
def nlp():  # noqa: ANN201 - spaCy Language
    from kg.nlp.pipeline import make_nlp

    return make_nlp(model=False)


def at(nlp, text: str, words: str, label: str) -> tuple[int, int, str]:  # noqa: ANN001
    """Token offsets of the first occurrence of ``words`` in ``text``, as a model span."""
    tokens = [t.text for t in nlp.make_doc(text)]
    wanted = [t.text for t in nlp.make_doc(words)]
    for i in range(len(tokens)):
        if tokens[i:i + len(wanted)] == wanted:
            return (i, i + len(wanted), label)
    raise AssertionError(words)


def test_a_bracketed_abbreviation_is_the_organization(nlp) -> None:  # noqa: ANN001
    text = "राष्ट्रीय खुफिया एजेंसी (एमआईटी) ने बयान दिया।"
    doc = run(nlp, text, [at(nlp, text, "एमआईटी", "Organization")])
    assert {m[2] for m in mentions(doc)} == {"National Intelligence Agency"}


def test_a_latin_abbreviation_in_brackets_names_the_later_hindi_one(nlp) -> None:  # noqa: ANN001
    text = "संघीय व्यापार आयोग (FTC) ने जांच की। बाद में एफटीसी ने जुर्माना लगाया।"
    doc = run(nlp, text, [at(nlp, text, "एफटीसी", "Organization")])
    assert [m[0] for m in mentions(doc)] == ["संघीय व्यापार आयोग", "एफटीसी"]
    assert {m[2] for m in mentions(doc)} == {"Federal Trade Commission"}


def test_an_abbreviation_after_a_country_stays_apart(nlp) -> None:  # noqa: ANN001
    text = "भारत और चीन (आरआईसी) की बैठक हुई।"
    doc = run(nlp, text, [at(nlp, text, "आरआईसी", "Organization")])
    assert [m[2] for m in mentions(doc)] == ["India", "China", "RIC"]


def test_an_abbreviation_apart_from_its_name_is_its_own(nlp) -> None:  # noqa: ANN001
    text = "संघीय व्यापार आयोग ने कहा कि एमआईटी दोषी है।"
    doc = run(nlp, text, [at(nlp, text, "एमआईटी", "Organization")])
    assert [m[2] for m in mentions(doc)] == ["Federal Trade Commission", "MIT"]


def test_a_first_name_before_the_known_full_name(nlp) -> None:  # noqa: ANN001
    text = "इमरान बोले। पाकिस्तान के पूर्व प्रधानमंत्री इमरान खान ने कहा।"
    doc = run(nlp, text, [at(nlp, text, "इमरान", "Person")])
    assert [m[2] for m in mentions(doc) if m[1] == "Person"] == ["Imran Khan", "Imran Khan"]


def test_a_surname_before_a_new_full_name(nlp) -> None:  # noqa: ANN001
    text = "ग्रोबेल ने चेताया। वैज्ञानिक मार्तिन ग्रोबेल ने कहा।"
    doc = run(nlp, text, [at(nlp, text, "ग्रोबेल", "Person"), at(nlp, text, "मार्तिन ग्रोबेल", "Person")])
    labels = [m[2] for m in mentions(doc)]
    assert len(labels) == 2 and len(set(labels)) == 1 and " " in labels[0]


def test_an_abbreviation_before_its_bracketed_definition(nlp) -> None:  # noqa: ANN001
    text = "एफटीसी ने जुर्माना लगाया। संघीय व्यापार आयोग (FTC) ने जांच की।"
    doc = run(nlp, text, [at(nlp, text, "एफटीसी", "Organization")])
    assert {m[2] for m in mentions(doc)} == {"Federal Trade Commission"}
