"""spaCy's blank Hindi language with a tokenizer that splits the danda (।).

spaCy's ``hi`` tokenizer keeps ``है।यह`` as one token, since the danda is only
a suffix there; news text often omits the space after it.
"""

from __future__ import annotations

import spacy
from spacy.language import Language
from spacy.util import compile_infix_regex

__all__ = ["DANDAS", "blank_hindi"]

DANDAS = ("।", "॥")
_EXTRA_INFIXES = (r"[।॥]", r"(?<=[\u0900-\u097f])[?!:;](?=[\u0900-\u097f])")


def blank_hindi() -> Language:
    """A blank ``hi`` pipeline whose tokenizer also splits dandas inside tokens.

    Examples
    --------
    >>> nlp = blank_hindi()
    >>> [t.text for t in nlp("हो रही है।यह यात्रा")]
    ['हो', 'रही', 'है', '।', 'यह', 'यात्रा']
    """
    nlp = spacy.blank("hi")
    infixes = list(nlp.Defaults.infixes or []) + list(_EXTRA_INFIXES)
    nlp.tokenizer.infix_finditer = compile_infix_regex(infixes).finditer
    return nlp
