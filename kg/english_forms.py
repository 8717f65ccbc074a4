"""English words that ``kg/data/english_words.tsv`` misses: affixed forms and loans spelled from letters.

:func:`kg.english.english_word` finds the English words whose pronunciation the word list
spells. Two kinds of loanword escape it:

* an affix on a listed word: ``ऑफसेटिंग`` (offset + ing), ``मिलीसेकंड`` (milli + second),
  ``अनलिस्टेड`` (un + listed): :func:`english_compound`;
* a word whose unstressed vowels the press spells from the English letters, not the sound:
  ``स्ट्रेटेजिक`` (strategic, said स्ट्रटीजिक), ``टेक्नॉलाजी``: :func:`english_by_consonants`
  matches the consonants only.
"""

from __future__ import annotations

import functools
import unicodedata
from collections.abc import Iterator
from pathlib import Path

from kg.english import english_word, lookup, strict_key
from kg.nlp.lexicon import DATA_DIR
from kg.sortedtable import SortedTable, compiled_tables

__all__ = ["PREFIXES", "SUFFIXES", "english_by_consonants", "english_compound", "skeleton"]


#: English prefixes as the press writes them, before an English word (अनलिस्टेड: unlisted).
PREFIXES = {unicodedata.normalize("NFC", k): v for k, v in
            {"अन": "un", "नॉन": "non", "मिली": "milli", "माइक्रो": "micro", "मल्टी": "multi"}.items()}
#: English endings as the press writes them after an English word's last consonant (मॉडेल + र्स).
SUFFIXES = {unicodedata.normalize("NFC", k): v for k, v in
            {"िंग": "ing", "र्स": "ers", "ेड": "ed"}.items()}
_MIN_STEM_KEY = 4


def english_compound(word: str) -> str | None:
    """The English spelling of an ordinary English word made of a frequent one and an affix, or None.

    The word list holds no "offsetting" or "millisecond", but it holds "offset" and "second":
    ``ऑफसेटिंग`` is offset + ing, ``मिलीसेकंड`` milli + second, ``अनलिस्टेड`` un + listed. The stem
    must be an ordinary English word (Zipf 3.5 or more, a key of four letters or more, no name of
    ``english_names.txt``), so names stay names (पीटर्स is Pete + ers, but Pete is a name).

    Examples
    --------
    >>> english_compound("ऑफसेटिंग"), english_compound("मिलीसेकंड"), english_compound("मॉडेलर्स")
    ('Offseting', 'Millisecond', 'Modelers')
    >>> [english_compound(w) for w in ("पीटर्स", "हार्डिंग", "अनवर", "बीजिंग")]
    [None, None, None, None]
    """
    from kg.nlp.spanrules import english_names

    word = unicodedata.normalize("NFC", word)
    found = None
    for prefix, latin in PREFIXES.items():
        if found is None and word.startswith(prefix):
            stem = _ordinary(word[len(prefix):]) or _suffixed(word[len(prefix):])
            found = (latin + stem.lower()).capitalize() if stem else None
    found = found or _suffixed(word)
    return None if found is None or found.lower() in english_names() else found  # हार्डिंग: Harding


def _suffixed(word: str) -> str | None:
    for suffix, latin in SUFFIXES.items():
        base = word[: -len(suffix)] if word.endswith(suffix) else ""
        stem = _ordinary(base) if base and "\u0915" <= base[-1] <= "\u0939" else None  # a consonant
        if stem:
            return stem + (latin[1:] if stem.endswith("e") and latin[0] == "e" else latin)
    return None


def _ordinary(word: str) -> str | None:
    """The English word ``word`` spells when it is a frequent ordinary English word, else None."""
    from kg.nlp.spanrules import ENGLISH_COMMON_ZIPF, english_names

    english = english_word(word) if word else None
    match = lookup(word) if english else None
    if match is None or match.key_len < _MIN_STEM_KEY or match.zipf < ENGLISH_COMMON_ZIPF:
        return None
    return None if english.lower() in english_names() else english


_VOWEL_LETTERS = frozenset("अआइईउऊएऐओऔऑ")
_MIN_SKELETON = 5  # consonants a skeleton needs to be looked up
_SKELETON_MARGIN = 1.0  # Zipf lead the best English word needs over the next one with the skeleton


def skeleton(word: str) -> str:
    """The consonants of a word's :func:`strict_key`, in order (``स्ट्रेटेजिक`` → स ट र ट ज क).

    Examples
    --------
    >>> skeleton("स्ट्रेटेजिक") == skeleton("स्ट्रटीजिक")
    True
    """
    return "".join(c for c in strict_key(word) if c not in _VOWEL_LETTERS)


def _parse_skeletons() -> dict[str, list]:
    """Skeleton -> the best ``[score, english, runner_up_score]`` over the word list's plain spellings."""
    table: dict[str, list] = {}
    path = DATA_DIR / "english_words.tsv"
    lines = path.read_text(encoding="utf-8").splitlines()[1:] if path.exists() else []
    for line in lines:
        english, zipf, *keys = line.split("\t")
        for key in {"".join(c for c in k if c not in _VOWEL_LETTERS) for k in keys[0].split()}:
            entry = table.setdefault(key, [-9.0, "", -9.0])
            if english != entry[1]:
                if float(zipf) > entry[0]:
                    table[key] = [float(zipf), english, entry[0]]
                else:
                    entry[2] = max(entry[2], float(zipf))
    return table


@functools.cache
def _skeletons() -> SortedTable:
    """Skeleton -> ``"score<TAB>english<TAB>runner_up_score"``, compiled once (:mod:`kg.sortedtable`)."""
    def rows() -> dict[str, Iterator[tuple[str, str]]]:
        return {"skeletons": ((key, f"{score!r}\t{english}\t{runner_up!r}")
                              for key, (score, english, runner_up) in _parse_skeletons().items())}

    return compiled_tables("english_forms", ("skeletons",), (DATA_DIR / "english_words.tsv", Path(__file__)),
                           rows)["skeletons"]


def english_by_consonants(word: str) -> str | None:
    """The English word a long loanword spells, matched on its consonants only, or None.

    The press spells unstressed English vowels from the letters (``स्ट्रेटेजिक``, strategic;
    ``इनिशिएटिव``, initiative), which :func:`lookup` misses. Five consonants or more, and one
    English word clearly the most frequent with them.

    Examples
    --------
    >>> english_by_consonants("स्ट्रेटेजिक"), english_by_consonants("टेक्नोलॉजीज़")
    ('Strategic', 'Technologies')
    >>> english_by_consonants("दलदल"), english_by_consonants("सरकार")
    (None, None)
    """
    key = skeleton(word)
    entry = _skeletons().get(key) if len(key) >= _MIN_SKELETON else None
    if entry is None:
        return None
    score, english, runner_up = entry.split("\t")
    if float(score) - float(runner_up) < _SKELETON_MARGIN:
        return None
    return english.capitalize()
