"""Taking part in an event held in a place is a visit to the place (sentences written for these tests)."""

from __future__ import annotations

import pytest

from tests.test_precision_rules import _facts


@pytest.mark.parametrize(("text", "triple"), [
    ("फ्रांस ने पेरिस में आयोजित शिखर सम्मेलन में भाग लिया।", ("France", "visits", "Paris")),
    ("जर्मनी की नौसेना जापान में चल रहे अभ्यास में हिस्सा ले रही है।", ("Navy of Germany", "visits", "Japan")),
    ("मोदी दिल्ली में आयोजित सम्मेलन में शामिल हुए।", ("Narendra Modi", "visits", "Delhi")),
])
def test_taking_part_in_an_event_held_in_a_place(text: str, triple: tuple[str, str, str]) -> None:
    assert triple in _facts(text)


@pytest.mark.parametrize(("text", "triple"), [
    # joining a country is no visit to it
    ("क्रीमिया रूस में शामिल हुआ।", ("Crimea", "visits", "Russia")),
    # no participle of an event held there: the place is what the event is about
    ("भारत ने यूक्रेन में शांति पर सम्मेलन में भाग लिया।", ("India", "visits", "Ukraine")),
    # not taken part in
    ("मोदी ने मास्को में हुई बैठक में भाग नहीं लिया।", ("Narendra Modi", "visits", "Moscow")),
])
def test_no_visit_without_an_event_held_there(text: str, triple: tuple[str, str, str]) -> None:
    assert triple not in _facts(text)
