"""More entity cleaning on hand-made sentences: Latin titles, and the like.

The statistical model's spans are given by hand (token offsets found with ``at``).
"""

from __future__ import annotations

import pytest

from tests.test_entity_rules import mentions, run
from tests.test_mentionorder import at


@pytest.fixture(scope="module")
def nlp():  # noqa: ANN201 - spaCy Language
    from kg.nlp.pipeline import make_nlp

    return make_nlp(model=False)


@pytest.mark.parametrize("title", ["PM", "CM"])
def test_a_latin_title_is_no_part_of_the_name(nlp, title: str) -> None:  # noqa: ANN001
    text = f"रैली में {title} मोदी ने भाषण दिया।"
    doc = run(nlp, text, [at(nlp, text, f"{title} मोदी", "Person")])
    assert mentions(doc) == [("मोदी", "Person", "Narendra Modi")]

