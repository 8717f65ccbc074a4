"""Subjects dropped after ``इस दौरान`` and carried over from the sentence before, on sentences
written for these tests."""

from __future__ import annotations

import kg


def _facts(text: str) -> set[tuple[str, str, str]]:
    graph = kg.build(text, model=False, date="2024-06-20")
    return {(r.subject.label, r.predicate, r.object.label) for r in graph.relations}


_VISIT = "मोदी दो दिन के दौरे पर जापान गए। "


def test_during_this_carries_the_subject_of_the_sentence_before() -> None:
    facts = _facts(_VISIT + "इस दौरान किशिदा से मुलाकात में कई फैसले लिए गए।")
    assert ("Narendra Modi", "meets", "Fumio Kishida") in facts


def test_during_the_visit_carries_the_subject_to_each_act() -> None:
    facts = _facts(_VISIT + "यात्रा के दौरान किशिदा से मुलाकात की और चीन की आलोचना की।")
    assert {("Narendra Modi", "meets", "Fumio Kishida"), ("Narendra Modi", "criticizes", "China")} <= facts


def test_no_subject_is_carried_without_during_this() -> None:
    facts = _facts(_VISIT + "किशिदा से मुलाकात में कई फैसले लिए गए।")
    assert not any(p == "meets" for _, p, _ in facts)
    facts = _facts(_VISIT + "युद्ध के दौरान किशिदा से मुलाकात हुई।")  # not "this"
    assert not any(p == "meets" for _, p, _ in facts)


def test_an_unknown_ergative_subject_is_still_a_subject() -> None:
    facts = _facts(_VISIT + "इस दौरान अधिकारियों ने किशिदा से मुलाकात की।")
    assert not any(p == "meets" for _, p, _ in facts)


def test_a_passive_has_no_carried_agent() -> None:
    assert not _facts("मोदी ने कहा कि भारत शांति चाहता है। इस दौरान रूस पर प्रतिबंध लगाए गए।")
    facts = _facts("पुतिन ने बीजिंग का दौरा किया। इस दौरान चीन के साथ समझौते पर हस्ताक्षर किए गए।")
    assert not any(p == "signsAgreementWith" for _, p, _ in facts)
