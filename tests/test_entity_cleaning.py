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



@pytest.mark.parametrize("determiner", ["इस", "उसी"])
def test_an_organ_after_a_demonstrative_is_no_name(nlp, determiner: str) -> None:  # noqa: ANN001
    doc = run(nlp, f"{determiner} अमेरिकी संस्थान के विश्लेषण के अनुसार हमला हुआ।", [])
    assert mentions(doc) == []  # neither the institute nor, out of it, the United States


def test_an_organ_without_a_determiner_stays(nlp) -> None:  # noqa: ANN001
    doc = run(nlp, "अमेरिकी संस्थान के विश्लेषण के अनुसार हमला हुआ।", [])
    assert [m[2] for m in mentions(doc)] == ["Institute of the United States"]


def test_a_latin_spelling_variant_of_a_known_person(nlp) -> None:  # noqa: ANN001
    doc = run(nlp, "राष्ट्रपति Volodymyr Zelensky ने कहा।", [])
    assert [m[1:] for m in mentions(doc)] == [("Person", "Volodymyr Zelenskyy")]
