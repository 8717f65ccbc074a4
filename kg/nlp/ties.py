"""Ties between a named pair, sought by one side of it.

A noun of ties (``संबंध``, ``रिश्ते``, ``सहयोग``, ``साझेदारी``, ``दोस्ती``) whose genitive is a
pair of countries names both sides of the ties: ``दोनों देशों के रिश्ते``, ``भारत-जापान
संबंधों``. When the clause's agent (``X ने``) is one side of the pair, or a person who acts for
it, the agent seeks ties with the other side::

    भारत और जापान ... । मोदी ने दोनों देशों के संबंधों को मजबूत करने पर जोर दिया।
        Modi seeksTiesWith Japan
    भारत ने भारत-जापान संबंधों को आगे बढ़ाया।                 India seeksTiesWith Japan

An agent outside the pair (``अमेरिका ने भारत-चीन संबंधों पर ...``) states nothing here; a
group as agent (``दोनों नेताओं ने``) is left to the frames.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from spacy.tokens import Doc

from kg.nlp.args import TITLES, Arg, TitleLink
from kg.nlp.frames import Frame
from kg.nlp.lexicon import Lexicon
from kg.nlp.rel import RelRec
from kg.nlp.state import doc_value

__all__ = ["TIES_FRAME", "TIES_NOUNS", "pair_ties", "ties_relations"]

#: Noun stems of ties between two sides.
TIES_NOUNS = ("संबंध", "संबन्ध", "रिश्त", "सहयोग", "साझेदारी", "दोस्ती", "मित्रता")
#: The frame the relations are emitted with (trigger words for modality).
TIES_FRAME = Frame("seeksTiesWith", "|".join(w + "*" for w in TIES_NOUNS), frozenset(), confidence=0.7)
Emit = Callable[[Frame, int, int, list[tuple[Arg, Arg]]], list[RelRec]]
_BETWEEN = 2  # adjectives that may stand between the pair and the noun ("रणनीतिक", "द्विपक्षीय")
_GENITIVE = {"के", "की", "का"}



def _pair_before(norms: Sequence[str], noun: int, args: Sequence[Arg]) -> tuple[int, tuple[str, str]] | None:
    """The pair of countries named right before the ties noun at ``noun``: its first token and
    keys. ``दोनों देशों के``, ``भारत-जापान``, ``भारत और जापान के`` (with up to two words between)."""
    ends = {a.end: a for a in args}
    for gap in range(_BETWEEN + 1):
        end = noun - gap
        if end - 1 >= 0 and norms[end - 1] in _GENITIVE:
            end -= 1
        last = ends.get(end)
        if last is None or last.type != "Country":
            continue
        if last.kind == "group" and len(last.keys) == 2:
            return last.start, (last.keys[0], last.keys[1])
        first = ends.get(last.start - 1)
        if (first is not None and first.type == "Country" and len(first.keys) == len(last.keys) == 1
                and norms[last.start - 1] in {"-", "और", "व", "तथा"} and first.keys != last.keys):
            return first.start, (first.keys[0], last.keys[0])
    return None


def _country_of(lexicon: Lexicon, key: str) -> str | None:
    """The country a person of the lexicon acts for (its citizenship), or None."""
    entry = lexicon.entries.get(key)
    country = lexicon.country(entry.country) if entry and entry.type == "Person" else None
    return country.key if country else None


def pair_ties(norms: Sequence[str], bounds: tuple[int, int], args: Sequence[Arg],
              lexicon: Lexicon, titles: Sequence[TitleLink] = ()) -> list[tuple[Arg, Arg]]:
    """(agent, other side) pairs of ties nouns in the sentence ``bounds`` (see module doc).

    Parameters
    ----------
    norms : sequence of str
        The document's token norms.
    bounds : (int, int)
        The sentence's tokens.
    args : sequence of Arg
        The sentence's arguments, markers assigned.
    lexicon : Lexicon
        For the country of a person not titled in the text.
    titles : sequence of TitleLink
        The document's titles: a person titled in a country acts for it.

    Returns
    -------
    list of (Arg, Arg)
        The agent and a one-key argument for the other side of the pair.
    """
    anchors = {t.person: t.anchor for t in titles if t.anchor and t.anchor_type == "Country"}
    out: list[tuple[Arg, Arg]] = []
    for noun in range(*bounds):
        if not norms[noun].startswith(TIES_NOUNS):
            continue
        found = _pair_before(norms, noun, args)
        if found is None:
            continue
        start, pair = found
        agent = next((a for a in reversed(args) if a.end <= start and a.marker == "ने"), None)
        if agent is None or len(agent.keys) != 1 or agent.group >= 0 or agent.extra.get("anchor"):
            continue
        key = agent.keys[0]
        side = key if agent.type == "Country" else anchors.get(key) or _country_of(lexicon, key)
        if side not in pair:
            continue
        other = pair[1] if side == pair[0] else pair[0]
        out.append((agent, Arg(start, noun, (other,), "Country", "group", agent.sent)))
    return out


def ties_relations(norms: Sequence[str], bounds: tuple[int, int], args: Sequence[Arg], lexicon: Lexicon,
                   doc: Doc, found: Sequence[RelRec],
                   emit: Emit) -> list[RelRec]:
    """The records of :func:`pair_ties` in the sentence ``bounds``, built by ``emit(frame, start,
    end, pairs)`` (modality and time as for a frame, the ties noun as trigger); a triple the
    sentence's frames already read is not repeated."""
    seen = {(r.subject, r.predicate, r.object) for r in found}
    pairs = pair_ties(norms, bounds, args, lexicon, doc_value(doc, TITLES, []))
    return [r for s, o in pairs for r in emit(TIES_FRAME, o.end, o.end + 1, [(s, o)])
            if (r.subject, r.predicate, r.object) not in seen]
