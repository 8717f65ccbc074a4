"""Build kg/data/hi_dictionary.tsv: Hindi word forms that are ordinary words, never names.

The rules that clean new names (``kg.nlp.plausible``) need to know whether a word such as
``कूटनीति`` (diplomacy), ``दलदल`` (swamp) or ``कूटनीतिक`` (diplomatic) is an ordinary noun or
adjective: such words are as rare in wordfreq's Hindi list as the names of Bihar's districts,
so frequency cannot tell them apart. Two annotated corpora can, both under licences the project
accepts (see ``kg/data/SOURCES.md``):

* **HiNER** (CC BY-SA 4.0), the training split only (the sentences ``kg train-ner`` holds out as
  dev, seed 0, are left out, as for ``common_words.txt``): a word the annotators leave outside
  names (``O``, or a date or number) at least as often as inside one is ordinary. A word inside a
  name counts fully when it opens the name (``B-``) and a quarter when it continues it (``I-``):
  head nouns such as सरकार, पार्टी, सेना continue many names (भारत सरकार) and are still ordinary,
  whereas names and surnames open names or stand alone (मोदी, सिंह).
* **hindiPOS** (MIT; ``wdpos.csv``, word and tag counts of a part-of-speech-tagged Hindi corpus,
  BIS tag set): a word tagged as a common noun, adjective, verb or adverb at least twice and as
  a proper noun (NNP) at most a quarter of the time, unless HiNER shows it mostly inside names.
  The tagger behind these counts often calls foreign names common nouns (जिनपिंग), so such a word
  is also left out when the project knows it as a name: a lexicon alias or demonym, a first name,
  surname or place of the NER gazetteer, or a word whose English spelling is a name or a place
  (``english_names.txt``).

A word that is both a name and an ordinary word (विजय "victory", नवीन "new") is listed when both
corpora show the ordinary use: HiNER at least twice and a fifth of the time outside names, and
hindiPOS at least ten times with the share above. The parts of speech (``n``, ``adj``, ``v``,
``adv``, ``other``) are hindiPOS's most frequent tag other than NNP; a word ending in a Sanskrit
adjective suffix (-इक, -ईय, -आत्मक, -पूर्ण, ...) is an adjective unless hindiPOS never tags it so.
Regular inflected forms of the listed nouns, adjectives and verbs are added by rule (Hindi
grammar: गलियारा → गलियारे, तोप → तोपें, परियोजना → परियोजनाएं, लचीलापन → लचीलेपन, चेताना → चेताया)
when one of the corpora or wordfreq's Hindi list has the form and it is no name by the tests above.

Run from the repository root (the hindiPOS package is needed for its data file only)::

    pip install --no-deps hindiPOS==0.0.6
    python scripts/build_dictionary_words.py ../shared/data/hiner/hiner-original-train.conll
"""

from __future__ import annotations

import bisect
import csv
import sys
import unicodedata
from collections import Counter, defaultdict
from importlib import metadata
from pathlib import Path

__all__ = ["hiner_counts", "hindipos_counts", "inflections", "main", "part_of_speech", "select"]

OUT = Path(__file__).resolve().parent.parent / "kg" / "data" / "hi_dictionary.tsv"
#: HiNER tags that mark names (TIMEX, NUMEX and GAME tag ordinary words: सप्ताह, हजार, क्रिकेट).
NAME_TAGS = {"PERSON", "LOCATION", "ORGANIZATION", "MISC", "LANGUAGE", "RELIGION", "FESTIVAL", "LITERATURE"}
#: Weight of a word that continues a name (I-) against one that opens it (B-).
INSIDE_WEIGHT = 0.25
#: hindiPOS: least count as a common word, and highest share of proper-noun tags.
MIN_COMMON, MAX_PROPER = 2, 0.25
#: Words that are names and ordinary words: least HiNER count and share outside names, least hindiPOS count.
DUAL_MIN_O, DUAL_SHARE, DUAL_MIN_COMMON = 2, 0.2, 10
#: Sanskrit derivational suffixes that make adjectives (आर्थिक, राष्ट्रीय, प्रतीकात्मक, विवादित).
ADJECTIVE_SUFFIXES = ("िक", "ीय", "ात्मक", "पूर्ण", "शील", "हीन", "वादी", "कारी", "जनक", "नीय", "ित")
_TAGS = {"NN": "n", "NST": "n", "JJ": "adj", "VM": "v", "VAUX": "v", "RB": "adv"}
_DEVANAGARI = {chr(c) for c in range(0x0900, 0x0964)} | {chr(c) for c in range(0x0971, 0x0980)}


def _raw(word: str) -> str:
    word = unicodedata.normalize("NFC", word)
    return word.replace("\u200c", "").replace("\u200d", "").replace("\u093c", "").replace("\ufeff", "")


def _word(word: str) -> bool:
    return len(word) > 1 and set(word) <= _DEVANAGARI


def hiner_counts(conll: str) -> dict[str, tuple[int, int, int]]:
    """Word -> (outside names, opening a name, inside a name) in HiNER's training split."""
    from kg.ner.conll import read_conll, split_dev

    counts: dict[str, list[int]] = defaultdict(lambda: [0, 0, 0])
    train, _ = split_dev(read_conll(conll), 0.1, seed=0)
    for sentence in train:
        for token, tag in zip(sentence.tokens, sentence.tags, strict=True):
            prefix, _, label = tag.partition("-")
            counts[_raw(token)][0 if label not in NAME_TAGS else 1 if prefix == "B" else 2] += 1
    return {w: (o, b, i) for w, (o, b, i) in counts.items()}


def hindipos_counts(path: str | None = None) -> dict[str, Counter[str]]:
    """Word -> tag -> count, from hindiPOS's ``wdpos.csv``.

    The file gives each (word, tag) a smoothed probability that grows with the count and is the
    same for every tag; the k-th smallest probability of the common-noun tag is a count of k.
    """
    if path is None:
        path = str(metadata.distribution("hindiPOS").locate_file("hindiPOS/wdpos.csv"))
    with open(path, encoding="utf-8-sig", newline="") as fh:
        rows = [(r["Word"], r["POS"], r["Prob"]) for r in csv.DictReader(fh) if r["Prob"]]
    scale = sorted({float(p) for _, tag, p in rows if tag == "NN"})
    counts: dict[str, Counter[str]] = defaultdict(Counter)
    for word, tag, prob in rows:
        counts[_raw(word.strip("“”\"'"))][tag] += bisect.bisect_left(scale, float(prob) - 1e-12) + 1
    return counts


class _Names:
    """Words the project knows as names (lexicon, NER gazetteer, English names)."""

    def __init__(self) -> None:
        from kg.ner.features import gazetteer
        from kg.nlp.lexicon import load_lexicon
        from kg.nlp.spanrules import english_names

        lexicon = load_lexicon()
        self.lexicon = set(lexicon.names) | set(lexicon.demonyms)
        self.gazetteer = {w for w, c in gazetteer().items() if {"first", "last", "place"} & set(c.split("+"))}
        self.english = english_names()

    def lexical(self, word: str) -> bool:
        """A lexicon alias or demonym, or spelled English letters (आरटी, एफटीसी: acronyms name things)."""
        from kg.english import spell_acronym
        from kg.nlp.normalize import match_key

        return match_key(word) in self.lexicon or bool(spell_acronym(word))

    def known(self, word: str) -> bool:
        """A lexical name, a name or place of the NER gazetteer, or a word spelling an English name."""
        return self.lexical(word) or word in self.gazetteer or self.english_name(word)

    def english_name(self, word: str) -> bool:
        """Whether the word spells an English given name, surname or place (ब्राउन: Brown)."""
        from kg.english import english_word

        english = english_word(word)
        return english is not None and english.lower() in self.english


def _shares(tags: Counter[str]) -> tuple[int, int]:
    proper = tags.get("NNP", 0)
    return sum(tags.values()) - proper, proper


def select(hiner: dict[str, tuple[int, int, int]], tagged: dict[str, Counter[str]],
           attested: set[str], names: _Names) -> dict[str, str]:
    """Word -> its source (``hiner``, ``hindipos`` or ``both``) for the ordinary words of the corpora."""
    out: dict[str, str] = {}
    for word in sorted(set(hiner) | set(tagged)):
        if not _word(word) or names.lexical(word):
            continue
        o, b, i = hiner.get(word, (0, 0, 0))
        name = b + INSIDE_WEIGHT * i
        common, proper = _shares(tagged.get(word, Counter()))
        tagged_common = common >= MIN_COMMON and proper <= MAX_PROPER * (common + proper)
        if (o >= 2 and o >= name) or (o == 1 and b + i == 0 and word in attested):
            if proper <= common:  # hindiPOS does not call it a proper noun
                out[word] = "both" if tagged_common else "hiner"
        elif tagged_common and name <= o and not names.known(word):
            out[word] = "hindipos"
        elif tagged_common and common >= DUAL_MIN_COMMON and o >= max(DUAL_MIN_O, DUAL_SHARE * (o + b + i)) \
                and not names.english_name(word):
            out[word] = "both"  # विजय, नवीन: names, and ordinary words too (not ब्राउन: Brown)
    return out


def part_of_speech(word: str, tags: Counter[str]) -> str:
    """``n``, ``adj``, ``v``, ``adv`` or ``other``: hindiPOS's most frequent tag other than NNP,
    or ``adj`` for a word with an adjective suffix that hindiPOS tags JJ at least once (or not at all).

    Examples
    --------
    >>> part_of_speech("दलदल", Counter({"NN": 64})), part_of_speech("नवीन", Counter({"JJ": 592}))
    ('n', 'adj')
    >>> part_of_speech("वाणिज्यिक", Counter({"NN": 13, "JJ": 6})), part_of_speech("असुविधा", Counter())
    ('adj', 'n')
    """
    common = {t: c for t, c in tags.items() if t != "NNP"}
    top = max(sorted(common), key=common.__getitem__) if common else "NN"
    if word.endswith(ADJECTIVE_SUFFIXES) and ("JJ" in common or not common):
        return "adj"
    return _TAGS.get(top, "other")


def inflections(word: str, pos: str) -> list[str]:
    """Regular inflected forms of a noun, adjective or verb (Hindi grammar; forms in -ों are left
    out: the pipeline treats every oblique plural as an ordinary word).

    Examples
    --------
    >>> inflections("गलियारा", "n"), inflections("तोप", "n")
    (['गलियारे', 'गलियाराएं', 'गलियाराएँ'], ['तोपें', 'तोपेँ'])
    >>> inflections("लचीलापन", "n"), inflections("नीति", "n")
    (['लचीलेपन'], ['नीतियां', 'नीतियाँ'])
    >>> inflections("चेताना", "v")[:6]
    ['चेता', 'चेताता', 'चेताती', 'चेताते', 'चेताने', 'चेतानी']
    """
    if pos == "v":
        return _verb_forms(word) if word.endswith("ना") and len(word) > 3 else []
    if word.endswith("ापन"):
        return [word[:-3] + "ेपन"]
    if pos == "adj":
        return [word[:-1] + "े", word[:-1] + "ी"] if word.endswith("ा") else []
    if pos != "n":
        return []
    if word.endswith("ा"):
        return [word[:-1] + "े", word + "एं", word + "एँ"]
    if word.endswith(("ी", "ि")):
        return [word[:-1] + "ियां", word[:-1] + "ियाँ"]
    if word[-1] not in "ुूेैोौंँः":  # a consonant: feminine plural in -ें
        return [word + "ें", word + "ेँ"]
    return []


def _verb_forms(infinitive: str) -> list[str]:
    stem = infinitive[:-2]
    forms = [stem] + [stem + s for s in ("ता", "ती", "ते", "ने", "नी", "कर", "ते हुए")]
    if stem[-1] in "ाोेू":  # vowel stems: पा-या, पा-ए, पा-एगा
        endings = ("या", "यी", "ई", "ये", "ए", "ईं", "एं", "एगा", "एगी", "एंगे", "एंगी", "ओ", "ऊं", "ऊंगा")
    else:
        endings = ("ा", "ी", "े", "ीं", "ें", "ेगा", "ेगी", "ेंगे", "ेंगी", "ो", "ूं", "ूंगा")
    return [f for f in forms + [stem + e for e in endings] if " " not in f]


def build(conll: str, hindipos: str | None = None) -> dict[str, tuple[str, str]]:
    """Word form -> (part of speech, source) for the output table."""
    from kg.nlp.lexicon import data_rows

    hiner, tagged = hiner_counts(conll), hindipos_counts(hindipos)
    attested = {_raw(row["word_hi"]) for row in data_rows("hi_wordfreq.tsv")}
    names = _Names()
    words = {w: (part_of_speech(w, tagged.get(w, Counter())), s)
             for w, s in select(hiner, tagged, attested, names).items()}
    seen = set(hiner) | set(tagged) | attested  # a form no corpus has is left out: it would be noise
    for word, (pos, _) in sorted(words.items()):
        for form in inflections(word, pos):
            if form in words or form not in seen or names.known(form):
                continue
            o, b, i = hiner.get(form, (0, 0, 0))
            common, proper = _shares(tagged.get(form, Counter()))
            if b + INSIDE_WEIGHT * i <= o and proper <= common:
                words[form] = (pos, "rule")
    return words


def main(conll: str, hindipos: str | None = None) -> None:
    words = build(conll, hindipos)
    with open(OUT, "w", encoding="utf-8", newline="") as fh:
        fh.write("word_hi\tpos\tsource\n")
        for word in sorted(words):
            fh.write(f"{word}\t{words[word][0]}\t{words[word][1]}\n")
    print(f"{len(words)} words written to {OUT}: {dict(Counter(s for _, s in words.values()))}")


if __name__ == "__main__":
    main(*sys.argv[1:])
