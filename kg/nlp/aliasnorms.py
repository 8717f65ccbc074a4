"""The token norms of the lexicon's aliases, as the lexicon ruler's phrase patterns need them.

:class:`kg.nlp.entities.LexiconRuler` matches aliases on token norms (:func:`match_key` of each
token's text), so every alias has to be tokenized when the pipeline is built: some 5,600 aliases,
about a fifth of a second, most of it spent creating a vocabulary entry for each new word.
With kg's own tokenizer (:func:`kg.nlp.tokenizer.blank_hindi` behind a
:class:`~kg.nlp.pipeline.NormalizingTokenizer` that says so with its ``cache_key``), the norms
are compiled once into a table of :mod:`kg.sortedtable`, named after a hash of the aliases, the
spaCy version and the modules that decide tokenization; any other tokenizer is asked each time.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Sequence
from pathlib import Path

from spacy.language import Language

from kg.nlp.normalize import match_key
from kg.sortedtable import compiled_tables

__all__ = ["AliasNorms", "alias_norms", "cached_norms", "tokenized_norms"]

#: ``aliases -> the token norms of each alias``.
AliasNorms = Callable[[Sequence[str]], list[list[str]]]
_HERE = Path(__file__).resolve().parent
#: The modules whose code decides how an alias is tokenized and normalized.
_SOURCES = (_HERE / "tokenizer.py", _HERE / "normalize.py", _HERE / "pipeline.py", Path(__file__))


def tokenized_norms(nlp: Language) -> AliasNorms:
    """Norms from ``nlp``'s tokenizer, alias by alias."""

    def norms(aliases: Sequence[str]) -> list[list[str]]:
        return [[match_key(token.text) for token in nlp.make_doc(alias)] for alias in aliases]

    return norms


def cached_norms(nlp: Language, cache_key: str, folder: Path | None | bool = True) -> AliasNorms:
    """Norms from a compiled table of ``nlp``'s tokenizer (configuration named ``cache_key``).

    An alias the table lacks, or a set of aliases that cannot be stored, is tokenized.
    """
    import spacy

    tokenize = tokenized_norms(nlp)

    def norms(aliases: Sequence[str]) -> list[list[str]]:
        def rows() -> dict[str, list[tuple[str, str]]]:
            return {"norms": [(alias, json.dumps(found, ensure_ascii=False))
                              for alias, found in zip(aliases, tokenize(aliases), strict=True)]}

        extra = "\n".join([cache_key, spacy.__version__, *aliases])
        try:
            table = compiled_tables("alias_norms", ("norms",), _SOURCES, rows, folder=folder,
                                    extra=extra)["norms"]
        except ValueError:  # an alias with a tab or a line break: no table
            return tokenize(aliases)
        stored = dict(table.items())  # one pass over the file: faster than a search per alias
        return [json.loads(text) if (text := stored.get(alias)) is not None else tokenize([alias])[0]
                for alias in aliases]

    return norms


def alias_norms(nlp: Language) -> AliasNorms:
    """:func:`cached_norms` when ``nlp``'s tokenizer names its configuration, else :func:`tokenized_norms`."""
    cache_key = getattr(nlp.tokenizer, "cache_key", None)
    return cached_norms(nlp, cache_key) if isinstance(cache_key, str) and cache_key else tokenized_norms(nlp)
