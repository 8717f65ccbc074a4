"""Pairs that ``दोनों`` and ``एक-दूसरे`` can refer to, for :mod:`kg.nlp.coref`.

``X और Y``, ``X-Y``, ``X और Y दोनों`` and an earlier resolved ``दोनों देश``. The reciprocal
``एक-दूसरे`` (``एक दूसरे``) binds to the pair of its own sentence: ``भारत और जापान एक-दूसरे का
समर्थन करते हैं`` states support both ways.
"""

from __future__ import annotations

from spacy.tokens import Doc

from kg.nlp.args import Arg

__all__ = ["earlier_group", "latest_pair", "reciprocal", "with_chains"]

_PAIR_JOINERS = {"और", "व", "तथा", "एवं", "-"}
_OTHER = {"दूसरे", "दूसरी", "दूसरा", "दूसरों"}  # "एक-दूसरे की", "एक दूसरे का"
_CASES = {"का", "की", "के", "को", "से", "पर", "में"}  # a reciprocal is followed by its postposition


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


def reciprocal(doc: Doc, i: int, before: list[Arg], sent: int) -> Arg | None:
    """``एक-दूसरे`` at token ``i`` as the latest pair named in its sentence (a ``group`` argument
    over the reciprocal's tokens), or None when there is no reciprocal or no pair.

    A relation from the pair to this argument then holds both ways (a member is never related
    to itself).
    """
    end = i + 2 if i + 2 < len(doc) and doc[i + 1].norm_ == "-" else i + 1
    if doc[i].norm_ != "एक" or end + 1 >= len(doc) or doc[end].norm_ not in _OTHER:
        return None
    if doc[end + 1].norm_ not in _CASES:
        return None  # "एक दूसरे देश की मदद": "another country", no reciprocal
    pair = latest_pair(doc, [a for a in before if a.sent == sent], None)
    return Arg(i, end + 1, pair[0], pair[1], "group", sent) if pair else None


def earlier_group(found: list[Arg], sent: int, norm: str) -> list[Arg]:
    """For ``दोनों`` (``norm``) in sentence ``sent``: the latest resolved ``दोनों देश`` older than
    the chains of :func:`with_chains`, marked ``earlier`` (a last resort for :mod:`kg.nlp.coref`:
    the pair an article is about is taken up again after a stretch about one of them)."""
    if norm != "दोनों":
        return []
    old = next((a for a in reversed(found) if a.kind == "group" and sent - a.sent > 3), None)
    if old is None:
        return []
    return [Arg(old.start, old.end, old.keys, old.type, old.kind, old.sent, extra={"earlier": True})]
