"""Terms of office (kg/data/roles.tsv): who held which office when, and the rules that use them."""

from __future__ import annotations

import datetime as dt

import kg
from kg.nlp.lexicon import load_lexicon
from kg.nlp.roles import load_roles


def _key(label: str) -> str:
    return next(e.key for e in load_lexicon().entries.values() if e.label == label)


def test_every_row_names_known_entities_and_sane_dates() -> None:
    from kg.nlp.lexicon import data_rows

    rows = list(data_rows("roles.tsv"))
    assert len(load_roles().terms) == len(rows) > 50
    for row in rows:
        start = dt.date.fromisoformat(row["start"])
        assert not row["end"] or dt.date.fromisoformat(row["end"]) > start, row


def test_holder_at_a_date() -> None:
    roles, lex = load_roles(), load_lexicon()
    us, gb = lex.country("US").key, lex.country("GB").key
    assert roles.holder(us, "President", dt.date(2019, 3, 1)) == _key("Donald Trump")
    assert roles.holder(us, "President", dt.date(2023, 3, 1)) == _key("Joe Biden")
    assert roles.holder(gb, "Prime Minister", dt.date(2023, 3, 1)) == _key("Rishi Sunak")
    assert roles.holder(gb, "Prime Minister", dt.date(2024, 8, 1)) == _key("Keir Starmer")
    assert roles.holder(gb, "Prime Minister", dt.date(1990, 1, 1)) is None


def test_held_prefers_the_term_at_the_date() -> None:
    roles = load_roles()
    putin = _key("Vladimir Putin")
    assert roles.held(putin, "Prime Minister", dt.date(2010, 1, 1)).end == dt.date(2012, 5, 7)
    assert roles.held(putin, "President", dt.date(2005, 1, 1)).end == dt.date(2008, 5, 7)
    assert roles.held(putin, "President").end is None
    assert roles.held(putin, "Chancellor") is None


def test_unnamed_office_resolves_at_the_article_date() -> None:
    text = "अमेरिकी राष्ट्रपति ने चीन की यात्रा की।"
    for date, who in (("2023-04-02", "Joe Biden"), ("2025-04-02", "Donald Trump")):
        graph = kg.build(text, model=False, date=date)
        visits = [(r.subject.label, r.object.label) for r in graph.relations if r.predicate == "visits"]
        assert visits == [(who, "China")], date


def test_office_resolves_at_a_date_written_in_the_text() -> None:
    text = "अमेरिकी राष्ट्रपति ने 12 मार्च {} को चीन की यात्रा की।"
    for year, who in (("2023", "Joe Biden"), ("2025", "Donald Trump")):
        graph = kg.build(text.format(year), model=False)  # no metadata date
        visits = [(r.subject.label, r.object.label) for r in graph.relations if r.predicate == "visits"]
        assert visits == [(who, "China")], year
