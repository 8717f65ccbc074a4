"""Physical and material acts: attacks, military aid, sanctions, visits, meetings
(sentences written for these tests)."""

from __future__ import annotations

import pytest

import kg


def _facts(text: str) -> set[tuple[str, str, str]]:
    graph = kg.build(text, model=False, date="2024-06-20")
    return {(r.subject.label, r.predicate, r.object.label) for r in graph.relations}


@pytest.mark.parametrize(("text", "triple", "found"), [
    # "देश" right before a country's name heads that name: no reference to the country named before
    ("रूस के सहयोगी देश बेलारूस ने बयान दिया।", ("Belarus", "seeksTiesWith", "Russia"), True),
    ("जर्मनी ने कहा कि पड़ोसी देश पोलैंड यूक्रेन को हथियार भेज रहा है।",
     ("Poland", "providesMilitaryAid", "Ukraine"), True),
    ("जर्मनी ने कहा कि पड़ोसी देश पोलैंड यूक्रेन को हथियार भेज रहा है।",
     ("Germany", "providesMilitaryAid", "Ukraine"), False),
])
def test_country_noun_before_a_name(text: str, triple: tuple[str, str, str], found: bool) -> None:
    assert (triple in _facts(text)) is found
