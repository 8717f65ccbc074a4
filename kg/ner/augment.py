"""Mention replacement: extra training sentences with swapped entity names.

Each copy of a sentence keeps its context words but replaces every entity of
a chosen label with another mention of that label seen in training.  The model
then sees the same names in more contexts and the same contexts with more
names, which pushes it to use context rather than memorised names.
"""

from __future__ import annotations

import random
from collections.abc import Sequence

from kg.ner.conll import Sentence

__all__ = ["mention_pool", "replace_mentions", "augment"]

DEFAULT_LABELS = ("Person", "Organization")


def mention_pool(sentences: Sequence[Sentence], labels: Sequence[str]) -> dict[str, list[tuple[str, ...]]]:
    """Every distinct mention of each label, in a deterministic order."""
    pool: dict[str, set[tuple[str, ...]]] = {label: set() for label in labels}
    for sentence in sentences:
        for start, end, label in sentence.spans():
            if label in pool:
                pool[label].add(sentence.tokens[start:end])
    return {label: sorted(mentions) for label, mentions in pool.items()}


def replace_mentions(
    sentence: Sentence, pool: dict[str, list[tuple[str, ...]]], rng: random.Random
) -> Sentence:
    """A copy of ``sentence`` with each entity of a pooled label replaced.

    Examples
    --------
    >>> s = Sentence(("राम", "आए"), ("B-PERSON", "O"))
    >>> replace_mentions(s, {"Person": [("सीता", "देवी")]}, random.Random(0))
    Sentence(tokens=('सीता', 'देवी', 'आए'), tags=('B-PERSON', 'I-PERSON', 'O'))
    """
    tokens: list[str] = []
    tags: list[str] = []
    position = 0
    for start, end, label in sentence.spans():
        if label not in pool or not pool[label]:
            continue
        tokens += sentence.tokens[position:start]
        tags += sentence.tags[position:start]
        new = rng.choice(pool[label])
        tag = sentence.tags[start][2:]
        tokens += new
        tags += [f"B-{tag}"] + [f"I-{tag}"] * (len(new) - 1)
        position = end
    tokens += sentence.tokens[position:]
    tags += sentence.tags[position:]
    return Sentence(tuple(tokens), tuple(tags))


def augment(
    sentences: Sequence[Sentence], copies: int = 1, labels: Sequence[str] = DEFAULT_LABELS, seed: int = 0
) -> list[Sentence]:
    """The sentences plus ``copies`` mention-replaced copies of those with a pooled label.

    Deterministic for a given ``seed``.

    Examples
    --------
    >>> data = [Sentence(("राम", "आए"), ("B-PERSON", "O")), Sentence(("कल",), ("O",))]
    >>> len(augment(data, copies=2))
    4
    """
    pool = mention_pool(sentences, labels)
    rng = random.Random(seed)
    extra = [
        replace_mentions(s, pool, rng)
        for _ in range(copies)
        for s in sentences
        if any(label in pool for *_, label in s.spans())
    ]
    return [*sentences, *extra]
