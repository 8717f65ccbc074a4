"""Relations stated with nouns and light verbs, and lists that stay in their sentence
(sentences written for these tests)."""

from __future__ import annotations

import pytest

import kg


def _facts(text: str) -> set[tuple[str, str, str]]:
    graph = kg.build(text, model=False, date="2024-06-20")
    return {(r.subject.label, r.predicate, r.object.label) for r in graph.relations}


def test_a_list_of_places_stays_in_its_sentence() -> None:
    # the second sentence's list has the same group number as the first one's
    facts = _facts("यूक्रेन के खारकीव और कीव में धमाके हुए। भारत में दिल्ली और मुंबई में बारिश हुई।")
    assert ("Kharkiv", "locatedIn", "Ukraine") in facts
    assert ("Kyiv", "locatedIn", "Ukraine") in facts
    assert ("Mumbai", "locatedIn", "Ukraine") not in facts
