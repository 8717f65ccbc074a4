"""Relations stated by the shape of a noun phrase (kg/nlp/structural.py), on sentences written
for these tests."""

from __future__ import annotations

import pytest

import kg


def _facts(text: str) -> set[tuple[str, str, str]]:
    graph = kg.build(text, model=False, date="2024-06-20")
    return {(r.subject.label, r.predicate, r.object.label) for r in graph.relations}


@pytest.mark.parametrize(("text", "triple"), [
    # a title held in a state's organ: affiliated with the organ and with its state
    ("चीनी विदेश मंत्रालय के प्रवक्ता लिन जियान ने कहा।", ("Lin Jian", "affiliatedWith", "China")),
    ("चीनी विदेश मंत्रालय के प्रवक्ता लिन जियान ने कहा।",
     ("Lin Jian", "affiliatedWith", "Foreign Ministry of China")),
    ("भारत के विदेश मंत्रालय के प्रवक्ता रणधीर जायसवाल ने कहा।", ("Randhir Jaiswal", "affiliatedWith", "India")),
])
def test_relation(text: str, triple: tuple[str, str, str]) -> None:
    assert triple in _facts(text)


@pytest.mark.parametrize(("text", "triple"), [
    # a body only located in a place (no organ of it) passes no state on to its staff
    ("अमेरिका में संयुक्त राष्ट्र के प्रवक्ता स्टीफन दुजारिक ने कहा।",
     ("Stefan Dujarric", "affiliatedWith", "United States")),
])
def test_no_relation(text: str, triple: tuple[str, str, str]) -> None:
    assert triple not in _facts(text)
