"""Ties with a named pair sought by one side of it (``दोनों देशों के संबंध``, ``भारत-जापान
संबंध``), on sentences written for these tests."""

from __future__ import annotations

import kg


def _facts(text: str) -> set[tuple[str, str, str]]:
    graph = kg.build(text, model=False, date="2024-06-20")
    return {(r.subject.label, r.predicate, r.object.label) for r in graph.relations}


def test_side_of_a_compound_pair_seeks_ties_with_the_other() -> None:
    facts = _facts("मोदी ने भारत-जापान संबंधों को मजबूत करने पर जोर दिया।")
    assert ("Narendra Modi", "seeksTiesWith", "Japan") in facts
    assert ("Narendra Modi", "seeksTiesWith", "India") not in facts


def test_both_countries_of_a_ties_noun_are_the_pair_named_before() -> None:
    facts = _facts("भारत और जापान के बीच बैठक हुई। भारत ने दोनों देशों के रणनीतिक संबंधों को आगे बढ़ाया।")
    assert ("India", "seeksTiesWith", "Japan") in facts


def test_agent_outside_the_pair_states_no_ties() -> None:
    facts = _facts("अमेरिका ने भारत-चीन संबंधों पर चिंता जताई।")
    assert not any(p == "seeksTiesWith" for _, p, _ in facts)


def test_group_agent_is_left_to_the_frames() -> None:
    facts = _facts("भारत और जापान के बीच बैठक हुई। दोनों नेताओं ने दोनों देशों के संबंधों पर चर्चा की।")
    assert not any(p == "seeksTiesWith" for _, p, _ in facts)
