"""Mention-replacement augmentation of the NER training data."""

from __future__ import annotations

import random

from kg.ner.augment import augment, mention_pool, replace_mentions
from kg.ner.conll import Sentence

DATA = [
    Sentence(("कल", "अनिल", "कपूर", "पुणे", "गए"), ("O", "B-PERSON", "I-PERSON", "B-LOCATION", "O")),
    Sentence(("रीना", "ने", "नगर", "निगम", "से", "बात", "की"),
             ("B-PERSON", "O", "B-ORGANIZATION", "I-ORGANIZATION", "O", "O", "O")),
    Sentence(("बारिश", "हुई"), ("O", "O")),
]


def test_pool_collects_mentions_per_label() -> None:
    pool = mention_pool(DATA, ["Person", "Organization"])
    assert pool["Person"] == sorted([("अनिल", "कपूर"), ("रीना",)])
    assert pool["Organization"] == [("नगर", "निगम")]


def test_replacement_keeps_context_and_tags_consistent() -> None:
    pool = {"Person": [("सीमा",)]}
    new = replace_mentions(DATA[0], pool, random.Random(0))
    assert new.tokens == ("कल", "सीमा", "पुणे", "गए")
    assert new.spans() == [(1, 2, "Person"), (2, 3, "Location")]
    assert len(new.tokens) == len(new.tags)


def test_augment_is_deterministic_and_only_copies_sentences_with_entities() -> None:
    out = augment(DATA, copies=2, seed=3)
    assert out[:3] == DATA
    assert len(out) == 3 + 2 * 2
    assert augment(DATA, copies=2, seed=3) == out
    for sentence in out[3:]:
        labels = [label for *_, label in sentence.spans()]
        assert "Person" in labels
