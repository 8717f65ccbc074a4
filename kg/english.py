"""English words and acronyms written in Devanagari: फाइनेंशियल टाइम्स → Financial Times.

Hindi news writes new names in English as they sound: ``इंटरनेशनल`` (International),
``एयर डिफेंस`` (Air Defense), and acronyms with the Hindi names of the Latin letters:
``एफएसबी`` (FSB). Spelled letter by letter (:func:`kg.romanize.romanize`) they come out
as "Intarneshnal" or "Efaesbi". This module finds the English spelling instead.

* :func:`spell_acronym` parses a word made only of letter names (ए बी सी … जेड).
* :func:`english_word` looks a word up in ``kg/data/english_words.tsv``: Devanagari
  spellings of about 30,000 frequent English words, generated from the CMU Pronouncing
  Dictionary the way the Hindi press spells English (``scripts/build_english_words.py``).
  Both sides are folded with :func:`strict_key` (nukta, anusvara and halant forms, geminates)
  and, when that finds nothing, with :func:`fold_key` (vowel length, ऐ/ए, ऑ/आ, औ/ओ), and for
  keys of five letters or more also without dental/retroflex त/ट द/ड (GeoNames-style
  spellings such as तोरोंतो). Among the English words sharing a key the most frequent one
  wins, less the cost of the less usual spellings it needed.
* A hit is refused when it is more likely a native Hindi word that merely sounds like
  English (कम "come", काम "calm", शेर "share"): keys shorter than three letters (unless
  they carry the English-only vowel ॉ), short keys reached by a second-choice spelling or
  only loosely, and words whose Hindi Zipf frequency (``kg/data/hi_wordfreq.tsv``) exceeds
  the English word's by more than a margin that grows with the key length.

Measured on the project's data (``tests/test_english.py``): 155 of 173 English loanwords of
``kg/data/common_words.txt`` spelled right, 23 of its 2,627 native words (0.9 %) given an
English spelling; ``english_word(w) or romanize_word(w)`` spells 65 % of the sound-alike words
of organization names right, against 26 % for the romanizer alone.
"""

from __future__ import annotations

import functools
import re
import unicodedata
from collections.abc import Iterator
from pathlib import Path
from typing import NamedTuple

from kg.nlp.lexicon import DATA_DIR, word_frequency_class
from kg.romanize import INITIALS
from kg.sortedtable import SortedTable, compiled_tables

__all__ = [
    "LETTER_NAMES", "Match", "english_phrase", "english_word", "fold_key", "lookup", "spell_acronym",
    "strict_key",
]

_NUKTA, _VIRAMA, _ANUSVARA, _CANDRABINDU = "\u093c", "\u094d", "\u0902", "\u0901"
# vowel signs and independent vowels -> one independent vowel letter per vowel
_VOWEL_CLASS = {
    "ा": "आ", "ॉ": "ऑ", "ि": "इ", "ी": "ई", "ु": "उ", "ू": "ऊ", "े": "ए", "ै": "ऐ", "ॅ": "ऐ", "ऍ": "ऐ",
    "ॆ": "ए", "ऎ": "ए", "ो": "ओ", "ौ": "औ", "ॊ": "ओ", "ऒ": "ओ", "ृ": "रइ", "ऋ": "रइ",
    "ङ": "न", "ञ": "न", "ण": "न",
}
# an anusvara before a consonant is the nasal of that consonant's class (म before labials)
_HOMORGANIC = {**dict.fromkeys("पफबभम", "म"), **dict.fromkeys("कखगघङचछजझञटठडढणतथदधनयरलवशषसह", "न")}
_LOOSE = str.maketrans({"ई": "इ", "ऊ": "उ", "ऐ": "ए", "ऑ": "आ", "औ": "ओ"})
_DENTAL = str.maketrans({"त": "ट", "द": "ड"})  # English t/d are ट/ड, but GeoNames-style names use त/द
_MIN_DENTAL_KEY = 5  # dental/retroflex folding only for keys this long
_DROP = {"\u200c", "\u200d", "\u0903", "\u093d", _NUKTA}  # ZWNJ, ZWJ, visarga, avagraha, nukta
_WORD = re.compile(r"[\u0900-\u0963\u0971-\u097f\u200c\u200d]+")

#: Hindi names of the Latin letters: :data:`kg.romanize.INITIALS` plus G and common variants.
LETTER_NAMES: dict[str, str] = {**INITIALS, "जी": "G", "ऐक्स": "X", "डबल्यू": "W", "डब्लू": "W"}
_BY_LENGTH = sorted(LETTER_NAMES, key=len, reverse=True)
#: Hindi words that read as two letter names (found among the 2-letter parses of hi_wordfreq.tsv).
_NOT_ACRONYMS = frozenset({"बीबी", "बीवी", "टीके", "सीटी", "आईए"})
#: Function words inside English names, written as the press says them (ऑफ = "of", not "off").
_FUNCTION_WORDS = {unicodedata.normalize("NFC", hindi): english for hindi, english in
                   {"ऑफ": "of", "ऑफ़": "of", "द": "the", "एंड": "and", "फॉर": "for", "फ़ॉर": "for",
                    "टू": "to"}.items()}
#: Homophones where news means the slightly less frequent word (peace/piece, flu/flew): a bonus.
_PREFERRED = {"peace": 0.3, "flu": 0.3, "council": 0.3, "capital": 0.3, "missile": 0.3, "site": 0.3,
              "rights": 0.3, "principal": 0.3, "naval": 0.3, "seoul": 0.3}
_COST_WEIGHT = 0.6  # Zipf points one second-choice spelling costs
_MIN_KEY = 3  # shorter keys are refused unless the word has ॉ/ऑ
_MAX_FREQ_GAP = {2: 0.3, 3: 0.3, 4: 0.6}  # Hindi Zipf - English Zipf allowed, by key length (else 1.0)


class Match(NamedTuple):
    """The English word a Devanagari word's key leads to, with the evidence for it."""

    english: str
    zipf: float  # English Zipf frequency
    cost: int  # second-choice spellings needed
    loose: bool  # found only with fold_key
    margin: float  # score lead over the next English word with the key (9.0 if none)
    key_len: int


def strict_key(word: str) -> str:
    """Fold a Devanagari word to a lookup key: vowels as independent letters, no halant or nukta.

    Anusvara and chandrabindu before a consonant become its class nasal (then ण/ङ/ञ → न), so
    ``इंटर`` = ``इण्टर`` = ``इन्टर``; geminates are single (``ट्ट`` → ``ट``).

    Examples
    --------
    >>> strict_key("इंटरनेशनल") == strict_key("इण्टरनेशनल") == strict_key("इन्टरनेशनल")
    True
    >>> strict_key("कंपनी"), strict_key("मैनहट्टन")
    ('कमपनई', 'मऐनहटन')
    """
    chars = [c for c in unicodedata.normalize("NFD", word) if c not in _DROP]
    out: list[str] = []
    joined = False  # the previous letter had a virama, or was an anusvara turned into a nasal
    for i, ch in enumerate(chars):
        if ch == _VIRAMA:
            joined = True
            continue
        if ch in (_ANUSVARA, _CANDRABINDU):
            ch = _HOMORGANIC.get(chars[i + 1] if i + 1 < len(chars) else "", _ANUSVARA)
            joined = ch != _ANUSVARA
            if not (out and out[-1] == ch == _ANUSVARA):
                out.append(ch)
            continue
        ch = _VOWEL_CLASS.get(ch, ch)
        if not (out and ch == out[-1] and joined):  # geminate: ट्ट -> ट
            out.append(ch)
        joined = False
    return "".join(out)


def fold_key(word: str) -> str:
    """:func:`strict_key` without vowel length, ऐ/ए, ऑ/आ, औ/ओ and त/ट, द/ड distinctions.

    Examples
    --------
    >>> fold_key("इंस्टीट्यूट") == fold_key("इंस्टिट्युट"), fold_key("डॉक्टर") == fold_key("डाक्टर")
    (True, True)
    """
    return strict_key(word).translate(_LOOSE)


def spell_acronym(word: str) -> str | None:
    """The acronym a word spells with Hindi letter names (at least two), or None.

    Examples
    --------
    >>> spell_acronym("एफएसबी"), spell_acronym("टीएएसएस"), spell_acronym("डब्ल्यूएचओ")
    ('FSB', 'TASS', 'WHO')
    >>> spell_acronym("एसीपी"), spell_acronym("एक्सपी"), spell_acronym("ज़ेडटीई")
    ('ACP', 'XP', 'ZTE')
    >>> spell_acronym("सरकार"), spell_acronym("के"), spell_acronym("बीबी")
    (None, None, None)
    """
    clean = unicodedata.normalize("NFC", word).replace(_NUKTA, "").replace("\u200d", "").replace("\u200c", "")
    letters = _parse_letters(clean)
    if letters is None or len(letters) < 2 or clean in _NOT_ACRONYMS:
        return None
    if len(letters) == 2 and clean in _common_words():
        return None  # बीवी: a word of general Hindi text, never a name
    return "".join(LETTER_NAMES[letter] for letter in letters)


def _parse_letters(word: str) -> list[str] | None:
    """Split ``word`` into letter names, trying longer names first (None if it cannot be split)."""
    if not word:
        return []
    for name in _BY_LENGTH:
        if word.startswith(name):
            rest = _parse_letters(word[len(name):])
            if rest is not None:
                return [name, *rest]
    return None


@functools.cache
def _common_words() -> frozenset[str]:
    path = DATA_DIR / "common_words.txt"
    return frozenset(path.read_text(encoding="utf-8").split()) if path.exists() else frozenset()


def _add(table: dict[str, list], key: str, score: float, english: str, zipf: float, cost: int) -> None:
    """Keep, per key, the best ``[score, english, zipf, cost, runner_up_score]``."""
    entry = table.get(key)
    if entry is None:
        table[key] = [score, english, zipf, cost, -9.0]
    elif entry[1] == english:
        if score > entry[0]:
            entry[0], entry[3] = score, cost
    elif score > entry[0] or (score == entry[0] and english < entry[1]):
        table[key] = [score, english, zipf, cost, entry[0]]
    else:
        entry[4] = max(entry[4], score)


def _parse_tables() -> tuple[dict[str, list], dict[str, list], dict[str, list]]:
    """Strict, loose and loose-dental key -> entry, from ``english_words.tsv``."""
    strict: dict[str, list] = {}
    loose: dict[str, list] = {}
    dental: dict[str, list] = {}
    path = DATA_DIR / "english_words.tsv"
    lines = path.read_text(encoding="utf-8").splitlines()[1:] if path.exists() else []
    for line in lines:
        english, zipf_text, *keys = line.split("\t")
        zipf = float(zipf_text)
        for cost, group in enumerate(keys):
            score = zipf - _COST_WEIGHT * cost + _PREFERRED.get(english, 0.0)
            for key in group.split():
                _add(strict, key, score, english, zipf, cost)
                folded = key.translate(_LOOSE)
                _add(loose, folded, score, english, zipf, cost)
                if len(key) >= _MIN_DENTAL_KEY:
                    _add(dental, folded.translate(_DENTAL), score, english, zipf, cost)
    return strict, loose, dental


def _entry_text(entry: list) -> str:
    """``[score, english, zipf, cost, runner_up]`` as one line's value (floats exact with ``repr``)."""
    score, english, zipf, cost, runner_up = entry
    return f"{score!r}\t{english}\t{zipf!r}\t{cost}\t{runner_up!r}"


def _table_rows() -> dict[str, Iterator[tuple[str, str]]]:
    """The tables of :func:`_parse_tables` as ``key -> entry text`` pairs, for :func:`_tables`."""
    return {part: ((key, _entry_text(entry)) for key, entry in table.items())
            for part, table in zip(_PARTS, _parse_tables(), strict=True)}


_PARTS = ("strict", "loose", "dental")


@functools.cache
def _tables() -> tuple[SortedTable, SortedTable, SortedTable]:
    """Strict, loose and loose-dental key -> entry text, compiled once (:mod:`kg.sortedtable`)."""
    tables = compiled_tables("english_words", _PARTS, (DATA_DIR / "english_words.tsv", Path(__file__)),
                             _table_rows)
    return tables["strict"], tables["loose"], tables["dental"]


def lookup(word: str) -> Match | None:
    """The English word whose spellings share ``word``'s key (strict first), with its evidence.

    No check that the word is not native Hindi: see :func:`english_word`.

    Examples
    --------
    >>> lookup("रिसर्च").english, lookup("डाक्टर").english, lookup("डाक्टर").loose
    ('research', 'doctor', True)
    >>> lookup("दलदल") is None
    True
    """
    strict, loose, dental = _tables()
    key = strict_key(word)
    entry, is_loose = strict.get(key), False
    if entry is None:
        entry, is_loose = loose.get(key.translate(_LOOSE)), True
    if entry is None and len(key) >= _MIN_DENTAL_KEY:
        entry = dental.get(key.translate(_LOOSE).translate(_DENTAL))
    if entry is None:
        return None
    score_text, english, zipf_text, cost_text, runner_text = entry.split("\t")
    score, runner_up = float(score_text), float(runner_text)
    return Match(english, float(zipf_text), int(cost_text), is_loose, min(round(score - runner_up, 2), 9.0),
                 len(key))


def _native_like(word: str, match: Match) -> bool:
    """Whether the evidence says ``word`` is a Hindi word that only sounds like ``match``."""
    if "ॉ" in word or "ऑ" in word:
        return match.key_len < 2
    if match.key_len < _MIN_KEY:
        return True
    if match.key_len <= 3 and (match.cost > 0 or match.loose):
        return True
    hindi = word_frequency_class(word)
    if hindi == "none":
        return False
    gap = int(hindi) / 2 + 0.25 - match.zipf  # class k holds Zipf k/2 .. k/2 + 0.5
    return gap > _MAX_FREQ_GAP.get(match.key_len, 1.0)


@functools.lru_cache(maxsize=100_000)
def english_word(word: str) -> str | None:
    """The English spelling of a Devanagari English word or acronym, capitalized as in a name.

    Parameters
    ----------
    word : str
        One Devanagari word (no spaces or punctuation).

    Returns
    -------
    str or None
        ``"International"``, ``"FSB"``; function words in lower case (ऑफ → ``"of"``); None
        when the word is not confidently English.

    Examples
    --------
    >>> [english_word(w) for w in "फाइनेंशियल टाइम्स इंटरनेशनल ग्रुप एफएसबी".split()]
    ['Financial', 'Times', 'International', 'Group', 'FSB']
    >>> [english_word(w) for w in "सरकार मिट्टी दलदल कूटनीति युद्ध देशों".split()]
    [None, None, None, None, None, None]
    """
    word = unicodedata.normalize("NFC", word)
    if not _WORD.fullmatch(word):
        return None
    if word in _FUNCTION_WORDS:
        return _FUNCTION_WORDS[word]
    acronym = spell_acronym(word)
    if acronym:
        return acronym
    match = lookup(word)
    if match is None or _native_like(word, match):
        return None
    return match.english.capitalize()


def english_phrase(words: list[str]) -> list[str | None]:
    """:func:`english_word` of each word of a name; a leading function word is capitalized.

    Examples
    --------
    >>> english_phrase("चीफ ऑफ डिफेंस स्टाफ".split())
    ['Chief', 'of', 'Defense', 'Staff']
    >>> english_phrase("द फाइनेंशियल टाइम्स".split())
    ['The', 'Financial', 'Times']
    """
    out = [english_word(w) for w in words]
    if out and out[0]:
        out[0] = out[0][:1].upper() + out[0][1:]
    return out

