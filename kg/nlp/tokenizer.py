"""spaCy's blank Hindi language with a tokenizer that splits the danda (।).

spaCy's ``hi`` tokenizer keeps ``है।यह`` as one token, since the danda is only
a suffix there; news text often omits the space after it. Web news also ends
sentences with ``.`` or ``|`` where print uses the danda, glued to the next
word as often (``है.पीएम``, ``है|``): those are split too, between Devanagari
letters only, so numbers (``3.5``) and Latin abbreviations (``U.S.``) stay whole.
"""

from __future__ import annotations

import re
from collections.abc import Callable

import spacy
from spacy.language import Language
from spacy.util import compile_infix_regex, compile_suffix_regex

__all__ = ["DANDAS", "blank_hindi"]

DANDAS = ("।", "॥")
_EXTRA_INFIXES = (r"[।॥]", r"(?<=[\u0900-\u097f])[?!:;.|](?=[\u0900-\u097f])")
_DEVANAGARI = re.compile(r"[\u0900-\u097f]")
# "|" ending a sentence; a hyphen left hanging after a word ("ईरान- ईरान और ...", a heading)
_EXTRA_SUFFIXES = (r"(?<=[\u0900-\u097f])\|", r"(?<=[\u0900-\u097f])-")


def _latin_url_match(match: Callable[[str], object] | None) -> Callable[[str], object] | None:
    """spaCy's URL matcher, except on Devanagari: it reads ``है.पीएम`` as a domain name."""
    if match is None:
        return None

    def url_match(text: str) -> object:
        return None if _DEVANAGARI.search(text) else match(text)

    return url_match


def blank_hindi() -> Language:
    """A blank ``hi`` pipeline whose tokenizer also splits dandas inside tokens.

    Examples
    --------
    >>> nlp = blank_hindi()
    >>> [t.text for t in nlp("हो रही है।यह यात्रा")]
    ['हो', 'रही', 'है', '।', 'यह', 'यात्रा']
    >>> [t.text for t in nlp("कहा है.पीएम ने 3.5 कहा| U.S. में")]
    ['कहा', 'है', '.', 'पीएम', 'ने', '3.5', 'कहा', '|', 'U.S.', 'में']
    >>> [t.text for t in nlp("ईरान- ईरान और रूस-यूक्रेन")]
    ['ईरान', '-', 'ईरान', 'और', 'रूस', '-', 'यूक्रेन']
    """
    nlp = spacy.blank("hi")
    infixes = list(nlp.Defaults.infixes or []) + list(_EXTRA_INFIXES)
    nlp.tokenizer.infix_finditer = compile_infix_regex(infixes).finditer
    suffixes = list(nlp.Defaults.suffixes or []) + list(_EXTRA_SUFFIXES)
    nlp.tokenizer.suffix_search = compile_suffix_regex(suffixes).search
    nlp.tokenizer.url_match = _latin_url_match(nlp.tokenizer.url_match)
    return nlp
