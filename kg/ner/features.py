"""Word features for the NER model that spaCy's built-in attributes lack.

spaCy's ``MultiHashEmbed`` embeds ``ORTH``, ``NORM``, ``PREFIX`` (one code point),
``SUFFIX`` (three code points) and ``SHAPE``.  For Hindi that leaves out what
tells a name from a word when the word itself was never seen in training:

* longer and shorter affixes of the word without its punctuation (HiNER glues
  sentence punctuation to the next word, e.g. ``.स्मिथ``);
* membership in name lists: Hindi first names and surnames, place names,
  organisation head words and person titles (``kg/data/ner_gazetteer.tsv``);
* how common the word is in general Hindi text (a frequency class from
  wordfreq, ``kg/data/hi_wordfreq.tsv``): a frequent word is rarely a name;
* whether the word spells out an English acronym (बीजेपी, एलटीटीई).

The shipped model uses ``gazetteer``, ``frequency`` and ``acronym``; the affix
features are there for experiments (they did not help on HiNER's dev split).

:func:`kg_multi_hash_embed` is registered as the spaCy architecture
``kg.MultiHashEmbed.v1``: spaCy's hashed embeddings over the given attributes
plus one hashed embedding table per feature here, mixed by a maxout layer as
in ``spacy.MultiHashEmbed.v2``.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Callable, Sequence
from functools import lru_cache

import numpy
from spacy.tokens import Doc
from spacy.util import registry
from thinc.api import HashEmbed, Maxout, Model, chain, concatenate, list2ragged, ragged2list, with_array
from thinc.types import Floats2d, Ints2d

from kg.nlp.lexicon import data_rows, word_frequency_class

__all__ = [
    "FEATURES",
    "LETTER_NAMES",
    "WORD_IDENTITY",
    "gazetteer",
    "is_acronym",
    "word_features",
    "feature_extractor",
    "kg_multi_hash_embed",
]

_PUNCT = "\"'`.,;:!?()[]{}<>-–—‘’“”|।॥/\\*"


def _core(text: str) -> str:
    core = text.strip(_PUNCT)
    return core or text


@lru_cache(maxsize=1)
def gazetteer() -> dict[str, str]:
    """Word without nukta -> its name-list classes (e.g. ``"first+last"``), from ``ner_gazetteer.tsv``."""
    classes: dict[str, set[str]] = {}
    for row in data_rows("ner_gazetteer.tsv"):
        classes.setdefault(_without_nukta(row["word_hi"]), set()).update(row["classes"].split("+"))
    return {word: "+".join(sorted(kinds)) for word, kinds in classes.items()}


#: English letter names as Hindi writes them, for spelled-out acronyms (बीजेपी, एलटीटीई).
LETTER_NAMES = (
    "ए बी सी डी ई एफ एफ़ जी एच आई जे के एल एम एन ओ पी क्यू आर एस टी यू वी डब्ल्यू डबल्यू एक्स वाई ज़ेड जेड"
).split()
_ACRONYM = re.compile("(?:" + "|".join(sorted(LETTER_NAMES, key=len, reverse=True)) + "){2,}")


def is_acronym(word: str) -> bool:
    """Whether ``word`` spells out two or more English letter names.

    Examples
    --------
    >>> is_acronym("एलटीटीई"), is_acronym("आरआईएल"), is_acronym("सरकार"), is_acronym("के")
    (True, True, False, False)
    """
    return _ACRONYM.fullmatch(word) is not None


def _without_nukta(word: str) -> str:
    return word.replace("\u093c", "")


#: Feature name -> function of the word's text without surrounding punctuation.
FEATURES: dict[str, Callable[[str], str]] = {
    "prefix2": lambda w: w[:2],
    "prefix3": lambda w: w[:3],
    "suffix2": lambda w: w[-2:],
    "suffix4": lambda w: w[-4:],
    "gazetteer": lambda w: gazetteer().get(_without_nukta(w), "-"),
    "acronym": lambda w: str(is_acronym(w)),
    "frequency": word_frequency_class,
}


def _hash(feature: str, value: str) -> int:
    digest = hashlib.blake2b(f"{feature}={value}".encode(), digest_size=8).digest()
    return int.from_bytes(digest, "little")


@lru_cache(maxsize=200_000)
def word_features(text: str, names: tuple[str, ...]) -> tuple[int, ...]:
    """The hashed values of the features ``names`` for one token text.

    Examples
    --------
    >>> a = word_features(".स्मिथ", ("suffix2",))
    >>> a == word_features("स्मिथ", ("suffix2",))
    True
    """
    core = _core(text)
    return tuple(_hash(name, FEATURES[name](core)) for name in names)


#: Attributes that identify the word itself; word dropout hides them.
WORD_IDENTITY = ("ORTH", "NORM", "LOWER")
_UNKNOWN_WORD = _hash("word", "<unknown>")


def feature_extractor(
    attrs: Sequence[str], extra: Sequence[str], word_dropout: float = 0.0
) -> Model[list[Doc], list[Ints2d]]:
    """A layer giving, per ``Doc``, one row per token: spaCy ``attrs`` then ``extra`` features.

    In training, ``word_dropout`` is the share of tokens whose identity attributes
    (:data:`WORD_IDENTITY`) are replaced by one "unknown word" value, so that the model
    also learns to tag words it has not seen from their affixes, name lists and context.
    """
    unknown = [name for name in extra if name not in FEATURES]
    if unknown:
        raise ValueError(f"unknown NER feature(s) {unknown}; known: {sorted(FEATURES)}")
    hidden = [i for i, attr in enumerate(attrs) if attr in WORD_IDENTITY]
    return Model(
        "kg_features",
        _extract_forward,
        attrs={"attrs": list(attrs), "extra": tuple(extra), "word_dropout": word_dropout, "hidden": hidden},
    )


def _extract_forward(model: Model, docs: list[Doc], is_train: bool) -> tuple[list[Ints2d], Callable]:
    attrs, extra = model.attrs["attrs"], tuple(model.attrs["extra"])
    rate, hidden = model.attrs["word_dropout"], list(model.attrs["hidden"])
    out = []
    for doc in docs:
        base = doc.to_array(attrs).astype("uint64").reshape((len(doc), len(attrs)))
        if is_train and rate > 0 and hidden:
            drop = numpy.random.random(len(doc)) < rate  # seeded by spaCy's fix_random_seed
            base[numpy.ix_(drop, hidden)] = _UNKNOWN_WORD
        if extra:
            rows = [word_features(token.text, extra) for token in doc]
            more = numpy.asarray(rows, dtype="uint64").reshape((len(doc), len(extra)))
            base = numpy.hstack([base, more])
        out.append(model.ops.asarray2i(base, dtype="uint64"))
    return out, lambda d_features: []


@registry.architectures("kg.MultiHashEmbed.v1")
def kg_multi_hash_embed(
    width: int,
    attrs: list[str],
    rows: list[int],
    extra: list[str],
    extra_rows: list[int],
    word_dropout: float = 0.0,
    extra_width: int | None = None,
) -> Model[list[Doc], list[Floats2d]]:
    """``spacy.MultiHashEmbed.v2`` (without static vectors) plus the features of :data:`FEATURES`.

    Parameters
    ----------
    width : int
        Output width, and the width of the attribute tables.
    attrs, rows : list
        spaCy token attributes and the number of rows of each one's table.
    extra, extra_rows : list
        Names from :data:`FEATURES` and the number of rows of each one's table.
    word_dropout : float
        Share of training tokens whose word identity is hidden (see :func:`feature_extractor`).
    extra_width : int, optional
        Width of the ``extra`` tables (default ``width``); the features have few
        values, and narrower tables make the mixing layer cheaper.
    """
    if len(attrs) != len(rows) or len(extra) != len(extra_rows):
        raise ValueError("each attribute and feature needs its number of rows")
    widths = [width] * len(rows) + [extra_width or width] * len(extra_rows)
    tables = [
        HashEmbed(w, n, column=i, seed=7 + i, dropout=0.0)
        for i, (w, n) in enumerate(zip(widths, [*rows, *extra_rows], strict=True))
    ]
    mix = Maxout(width, sum(widths), nP=3, dropout=0.0, normalize=True)
    return chain(
        feature_extractor(attrs, extra, word_dropout),
        list2ragged(),
        with_array(concatenate(*tables)),
        with_array(mix),
        ragged2list(),
    )


