"""Singular object pronouns (``उसे``, ``उस पर``) resolved to a country of their sentence, on
sentences written for these tests."""

from __future__ import annotations

import kg


def _facts(text: str) -> set[tuple[str, str, str]]:
    graph = kg.build(text, model=False, date="2024-06-20")
    return {(r.subject.label, r.predicate, r.object.label) for r in graph.relations}


def test_us_par_is_the_country_named_before() -> None:
    assert ("Russia", "attacks", "Poland") in _facts("पोलैंड की सीमा पर तनाव के बीच रूस ने उस पर हमला किया।")


def test_use_is_the_country_named_before() -> None:
    facts = _facts("अमेरिका ने यूक्रेन के संकट में उसे हथियार दिए।")
    assert ("United States", "providesMilitaryAid", "Ukraine") in facts


def test_country_of_an_earlier_sentence_is_not_taken() -> None:
    assert not _facts("पोलैंड ने बयान जारी किया। रूस ने उस पर हमला किया।")


def test_organization_is_not_taken() -> None:
    assert not _facts("नाटो की बैठक के बाद रूस ने उस पर हमला किया।")


def test_subject_of_its_own_clause_is_not_taken() -> None:
    assert not _facts("रूस ने उस पर हमला किया।")
    facts = _facts("भारत ने कहा कि रूस ने उसे हथियार दिए।")  # "it" is India, the speaker
    assert ("Russia", "providesMilitaryAid", "India") in facts


def test_pronoun_opening_a_clause_takes_up_the_subject_before() -> None:
    facts = _facts("रूस यूक्रेन के शहरों की ओर बढ़ रहा है, लेकिन अमेरिका ने उस पर प्रतिबंध लगाए।")
    assert ("United States", "sanctions", "Russia") in facts
    assert ("United States", "sanctions", "Ukraine") not in facts
    assert ("United States", "sanctions", "Russia") in _facts("रूस ने कहा कि अमेरिका ने उस पर प्रतिबंध लगाए।")


def test_demonstrative_us_is_no_pronoun() -> None:
    assert _facts("उस समय चीन ने ताइवान पर हमला किया।") == {("China", "attacks", "Taiwan")}
    assert not _facts("फ्रांस के दौरे के बाद उस देश पर रूस ने हमला किया।")
