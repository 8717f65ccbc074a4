"""Group references (``दोनों देश``, ``X और Y दोनों``) on sentences written for these tests."""

from __future__ import annotations

import kg


def _facts(text: str) -> set[tuple[str, str, str]]:
    graph = kg.build(text, model=False, date="2024-06-20")
    return {(r.subject.label, r.predicate, r.object.label) for r in graph.relations}


def test_leader_state_not_named_in_the_text() -> None:
    facts = _facts("पुतिन और शी जिनपिंग ने बैठक की। दोनों ने समझौते पर हस्ताक्षर किए।")
    assert ("Russia", "signsAgreementWith", "China") in facts
