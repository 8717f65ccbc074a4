"""Offices and their holders over time (``kg/data/roles.tsv``).

Each row says that a person of the lexicon held a role in a body (a country, by its ISO
code, or an organization, by its English label) from ``start`` to ``end`` (empty: still
holds it). The rows are facts of Wikidata's "position held" (P39), written out for the
office-holders of the lexicon. They let the rules

* read ``प्रधानमंत्री नरेंद्र मोदी`` (a title and a known name, no country in the phrase)
  as Narendra Modi leading India, with the role Prime Minister;
* resolve an office named without a name, ``अमेरिकी राष्ट्रपति``, to its holder at the
  article's date (Joe Biden in 2023, Donald Trump in 2025): the date of its metadata, else
  the latest full date the text writes out (:func:`article_date`).

Examples
--------
>>> from kg.nlp.lexicon import load_lexicon
>>> roles = load_roles()
>>> lex = load_lexicon()
>>> us = lex.country("US").key
>>> [lex.entries[k].label for k in (roles.holder(us, "President", dt.date(2023, 5, 1)),
...                                  roles.holder(us, "President", dt.date(2025, 5, 1)))]
['Joe Biden', 'Donald Trump']
"""

from __future__ import annotations

import datetime as dt
import functools
from dataclasses import dataclass

from spacy.tokens import Doc

from kg.nlp.lexicon import Lexicon, data_rows, load_lexicon
from kg.nlp.rel import DATE_KEY
from kg.nlp.sentences import token_texts
from kg.nlp.state import TEXT_DATE
from kg.nlp.timex import text_date

__all__ = ["Role", "Roles", "load_roles", "same_role", "article_date"]



@dataclass(frozen=True)
class Role:
    """One term of office: ``person`` (entity key) was ``role`` of ``body`` (entity key)."""

    person: str
    role: str
    body: str
    start: dt.date | None
    end: dt.date | None

    def holds(self, when: dt.date | None) -> bool:
        """Whether the term covers ``when`` (without a date: whether it is current)."""
        if when is None:
            return self.end is None
        return (self.start is None or self.start <= when) and (self.end is None or when < self.end)


def same_role(title: str, role: str) -> bool:
    """Whether a title read in the text names this role (case and a "former" aside).

    Examples
    --------
    >>> same_role("prime minister", "Prime Minister"), same_role("President", "Vice President")
    (True, False)
    """
    return title.lower().removeprefix("former ").strip() == role.lower()


def article_date(doc: Doc) -> dt.date | None:
    """The date offices are resolved at: the article's (``kg_date``, from its metadata), else the
    latest full date written in the text (read once per document), else none (now)."""
    if doc._.get(DATE_KEY):
        return doc._.get(DATE_KEY)
    if doc._.get(TEXT_DATE) is None:
        doc._.set(TEXT_DATE, text_date(token_texts(doc)) or False)
    return doc._.get(TEXT_DATE) or None


def _date(text: str) -> dt.date | None:
    return dt.date.fromisoformat(text) if text else None


class Roles:
    """The terms of office of ``roles.tsv``, indexed by person and by body."""

    def __init__(self, terms: list[Role]) -> None:
        self.terms = terms
        self.by_person: dict[str, list[Role]] = {}
        self.by_body: dict[str, list[Role]] = {}
        for term in terms:
            self.by_person.setdefault(term.person, []).append(term)
            self.by_body.setdefault(term.body, []).append(term)

    def held(self, person: str, title: str, when: dt.date | None = None) -> Role | None:
        """The term in which ``person`` held the role ``title``: the one covering ``when`` if
        any, else the latest (a title names an office whenever it was held)."""
        terms = [t for t in self.by_person.get(person, ()) if same_role(title, t.role)]
        covering = [t for t in terms if when is not None and t.holds(when)]
        pool = covering or terms
        return max(pool, key=lambda t: t.start or dt.date.min) if pool else None

    def holder(self, body: str, title: str, when: dt.date | None = None) -> str | None:
        """Who held ``title`` in ``body`` at ``when`` (now, without a date)."""
        found = [t for t in self.by_body.get(body, ()) if same_role(title, t.role) and t.holds(when)]
        return max(found, key=lambda t: t.start or dt.date.min).person if found else None


def _keys(lexicon: Lexicon) -> dict[str, str]:
    """English label (and ISO code of countries) -> entity key."""
    keys = {e.label: e.key for e in lexicon.entries.values() if e.type in {"Person", "Organization"}}
    keys.update(lexicon.countries)
    return keys


@functools.cache
def load_roles() -> Roles:
    """The shipped table (loaded once per process); rows naming unknown entities are skipped."""
    lexicon = load_lexicon()
    keys = _keys(lexicon)
    terms = []
    for row in data_rows("roles.tsv"):
        person, body = keys.get(row["person"]), keys.get(row["body"])
        if person and body:
            terms.append(Role(person, row["role"], body, _date(row["start"]), _date(row["end"])))
    return Roles(terms)
