"""English spellings of foreign names that Hindi writes as they sound: सर्गेई → Sergei, not Sargei.

The romanizer (:func:`kg.romanize.romanize_word`) spells a Devanagari word letter by letter, which
is right for Indian names (Randhir, Jaiswal) but not for foreign ones: ``सर्गेई`` comes out as
"Sargei", ``विडोडो`` as "Vidodo", ``शुलमैन`` as "Shulmain". Where the romanization is no word of
English text, :func:`known_spelling` tries the few letter changes by which Hindi spellings of
foreign names differ from the English ones (a → e, v → w, j → z, ai → a, ks → x, a doubled consonant,
an ``a`` between consonants left out ...)
and returns the variant that English text uses (``kg/data/english_spellings.tsv``: the words of
wordfreq's English list, built by ``scripts/build_spellings.py``): fewest changes first, then the
most frequent. A variant as frequent in English as :data:`MAX_ZIPF` must be a given name, surname
or place of ``english_names.txt`` (Justin, Francis): other frequent words are ordinary words.

Measured on the lexicon's names (people.tsv, places.tsv) whose words align with their English
labels: the romanizer spells 226 of 371 words of people's names right, with the variants 247 (21
changed right, 1 right romanization changed wrong); of 3,717 words of place names, 1,378 and 1,975
(``ks`` may be ``x``: Texas, Oxford; a final ``a`` is kept: Kolda, not Koldo).
"""

from __future__ import annotations

import functools
from collections.abc import Iterable
from pathlib import Path

from kg.nlp.lexicon import DATA_DIR
from kg.sortedtable import SortedTable, compiled_tables

__all__ = ["MAX_CHANGES", "MAX_ZIPF", "in_english_text", "known_spelling", "variants"]

#: At most this many letter changes: one in words of fewer than five letters, two in words of
#: fewer than :data:`LONG_WORD`.
MAX_CHANGES = 3
LONG_WORD = 8
#: Variants at least this frequent in English are ordinary words unless they are names.
MAX_ZIPF = 4.0
#: Latin letter groups of the romanizer -> how English spells them in foreign names.
CHANGES: dict[str, tuple[str, ...]] = {
    "a": ("e", "u", "o"), "ai": ("a", "ay", "ei"), "i": ("e", "y"),
    "u": ("oo", "o"), "o": ("au",), "v": ("w",), "j": ("z", "g"), "jh": ("zh",),
    "k": ("c", "ck", "q"), "s": ("ss", "z", "c"), "r": ("rr",), "t": ("tt", "th"), "l": ("ll",),
    "n": ("nn",), "d": ("dd",), "m": ("mm",), "p": ("pp",), "b": ("bb",), "g": ("gh",), "ph": ("f",),
    "sh": ("sch",), "y": ("i", "e"), "f": ("ff",), "ks": ("x",),
}
_LONGEST = max(map(len, CHANGES))


def _parse_words() -> dict[str, str]:
    """Words of English text -> their Zipf frequency (as written in ``english_spellings.tsv``)."""
    path = DATA_DIR / "english_spellings.tsv"
    zipf: dict[str, str] = {}
    if path.exists():
        for line in path.read_text(encoding="utf-8").splitlines():
            word, _, freq = line.partition("\t")
            zipf[word] = freq
    return zipf


@functools.cache
def _words() -> SortedTable:
    """The words of English text -> their Zipf frequency text, compiled once (:mod:`kg.sortedtable`)."""
    def rows() -> dict[str, Iterable[tuple[str, str]]]:
        return {"words": _parse_words().items()}

    return compiled_tables("english_spellings", ("words",),
                           (DATA_DIR / "english_spellings.tsv", Path(__file__)), rows)["words"]


@functools.cache
def _names() -> frozenset[str]:
    from kg.nlp.spanrules import english_names

    return english_names()


def in_english_text(latin: str) -> bool:
    """Whether a Latin word (any case) is a word of English text.

    Examples
    --------
    >>> in_english_text("Ivan"), in_english_text("Sargei")
    (True, False)
    """
    return latin.lower() in _words()


def _has_prefix(prefix: str) -> bool:
    return _words().has_prefix(prefix)


def _silent(latin: str, i: int) -> bool:
    """Whether letter ``i`` is an ``a`` between consonants, which English may not write (Nahyan)."""
    return latin[i] == "a" and 0 < i < len(latin) - 1 and not {latin[i - 1], latin[i + 1]} & set("aeiou")


def variants(latin: str, max_changes: int) -> dict[str, int]:
    """Words of English text that ``latin`` becomes by at most ``max_changes`` changes -> changes.

    Examples
    --------
    >>> variants("sargei", 1)
    {'sergei': 1}
    """
    words = _words()
    found: dict[str, int] = {}

    def walk(i: int, done: str, changes: int) -> None:
        if done and not _has_prefix(done):
            return
        if i == len(latin):
            if done in words and changes < found.get(done, max_changes + 1):
                found[done] = changes
            return
        walk(i + 1, done + latin[i], changes)
        if changes < max_changes and _silent(latin, i):
            walk(i + 1, done, changes + 1)
        if changes < max_changes and latin[i:] != "a":  # a final आ stays a (अरबिया: Arabia, not Arbie)
            for size in range(1, min(_LONGEST, len(latin) - i) + 1):
                for other in CHANGES.get(latin[i:i + size], ()):
                    walk(i + size, done + other, changes + 1)

    walk(0, "", 0)
    return found


@functools.lru_cache(maxsize=20_000)
def known_spelling(latin: str) -> str | None:
    """The spelling English text uses for a romanized foreign name, or None to keep it.

    Parameters
    ----------
    latin : str
        One romanized word (:func:`kg.romanize.romanize_word`), any case.

    Returns
    -------
    str or None
        The variant, capitalized (``"Sergei"``); None when the romanization is itself a word of
        English text, or no variant is one.

    Examples
    --------
    >>> known_spelling("Sargei"), known_spelling("vidodo"), known_spelling("Shulmain")
    ('Sergei', 'Widodo', 'Shulman')
    >>> known_spelling("Jaiswal"), known_spelling("Dev"), known_spelling("Xqzv")
    (None, None, None)
    """
    word = latin.lower()
    table = _words()
    if not word.isascii() or not word.isalpha() or len(word) < 3 or word in table:
        return None
    limit = MAX_CHANGES - (len(word) < LONG_WORD) - (len(word) < 5)
    changed = variants(word, limit)
    zipf = {w: float(table[w]) for w in changed}
    found = {w: n for w, n in changed.items() if zipf[w] < MAX_ZIPF or w in _names()}
    if not found:
        return None
    best = min(found, key=lambda w: (found[w], -zipf[w], w))
    return best.capitalize()
