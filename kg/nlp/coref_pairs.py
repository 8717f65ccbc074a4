"""Pairs that ``दोनों`` can refer to, for :mod:`kg.nlp.coref`.

``X और Y``, ``X-Y``, ``X और Y दोनों`` and an earlier resolved ``दोनों देश``.
"""

from __future__ import annotations

from spacy.tokens import Doc

from kg.nlp.args import Arg

__all__ = ["latest_pair", "with_chains"]

_PAIR_JOINERS = {"और", "व", "तथा", "एवं", "-"}


def latest_pair(doc: Doc, before: list[Arg], etype: str | None) -> tuple[tuple[str, ...], str] | None:
    """The keys and type of the latest pair named together before: ``X और Y``, ``X-Y`` (two
    entities of one type joined by nothing else, not part of a longer list) or a resolved group."""
    best: tuple[int, tuple[str, ...], str] | None = None
    for n, arg in enumerate(before):
        if etype is not None and arg.type != etype or arg.type == "Event":
            continue
        if arg.kind == "group" and len(arg.keys) == 2:
            found = (arg.end, arg.keys, arg.type)
        elif n > 0 and _joined_pair(doc, before, n):
            found = (arg.end, (before[n - 1].keys[0], arg.keys[0]), arg.type)
        else:
            continue
        if best is None or found[0] >= best[0]:
            best = found
    return (best[1], best[2]) if best else None


def _joined_pair(doc: Doc, before: list[Arg], n: int) -> bool:
    left, right = before[n - 1], before[n]
    if len(left.keys) != 1 or len(right.keys) != 1 or left.type != right.type or left.keys == right.keys:
        return False
    if right.start - left.end != 1 or doc[left.end].norm_ not in _PAIR_JOINERS:
        return False
    start = left.start  # "A, B और C" is a list, not a pair
    return start == 0 or doc[start - 1].norm_ not in {",", "और", "-"}


def with_chains(before: list[Arg], found: list[Arg], sent: int) -> list[Arg]:
    """The antecedent candidates plus the groups and subject pronouns already resolved in the
    last three sentences.

    A resolved ``दोनों देश`` stands for its pair, so a later ``दोनों देश`` can take it up again;
    ``उन्होंने ... । वह ...`` keeps the same person.
    """
    chains = [a for a in found if (a.kind == "group" or a.extra.get("nominative")) and sent - a.sent <= 3]
    if not chains:
        return before
    return sorted(before + chains, key=lambda a: (a.end, a.start))
