"""English labels for new names, and a loose key that joins spelling variants of one name.

Hindi news writes foreign names as they sound. A new name gets its label word by word: the
English spelling of a loanword or acronym where :mod:`kg.english` knows one (``फाइनेंशियल
टाइम्स`` → Financial Times, ``एफएसबी`` → FSB), a gloss for words of organization names
(``खुफिया`` → Intelligence), the spelling English text uses for a foreign name's word
(:mod:`kg.spelling`; in an organization's name only for words that are no Hindi word: पॉलिटिको →
Politico), else the romanization of :func:`kg.romanize.romanize`.
"""

from __future__ import annotations

import functools
import re
import unicodedata
from collections.abc import Callable, Mapping

from kg.nlp.lexicon import Lexicon
from kg.nlp.normalize import match_key
from kg.romanize import WORD_OVERRIDES, romanize, romanize_word

__all__ = ["PersonIndex", "english_label", "foreign_spelling", "latin_key", "loanword", "name_key",
           "ordinary_loanword", "spell_word"]

# A Person's word takes its English spelling only when the word list clearly prefers one English
# word (लिन is Lin, not Lynn; जॉन is John): the score lead over the next word with that key.
PERSON_MARGIN = 0.3
_SPACES = re.compile(r"\s+")
PLACE_TYPES = {"City", "Region", "Country"}
#: Particles of Arabic names ("son of", "the"), romanized, never read as English (बिन is not "been").
NAME_PARTICLES = frozenset(match_key(w) for w in ("बिन", "बिंत", "इब्न", "अल", "अबू"))
#: Compass words that open place names: पूर्वी चंपारण → East Champaran, मध्य पोल्टावा → Central Poltava.
COMPASS_GLOSSES = {"उत्तर": "North", "उत्तरी": "North", "दक्षिण": "South", "दक्षिणी": "South", "पूर्व": "East",
                   "पूर्वी": "East", "पश्चिम": "West", "पश्चिमी": "West", "मध्य": "Central"}


def spell_word(word: str, etype: str | None = None, glosses: Mapping[str, str] | None = None) -> str | None:
    """The English spelling of one Devanagari word of a name, or None to romanize it.

    Parameters
    ----------
    word : str
        One Devanagari word.
    etype : str, optional
        The entity type; a Person's word needs a clear, strict English match.
    glosses : mapping, optional
        Match key -> English gloss, tried first (words of organization names).

    Examples
    --------
    >>> spell_word("इंटरनेशनल"), spell_word("एफएसबी"), spell_word("दलदल")
    ('International', 'FSB', None)
    >>> spell_word("जॉन", "Person"), spell_word("लिन", "Person"), spell_word("इवान", "Person")
    ('John', None, None)
    >>> spell_word("पूर्वी", "Region"), spell_word("कोसी", "Region"), spell_word("कोसी")
    ('East', None, 'Cosy')
    >>> spell_word("बिन", "Person"), spell_word("बिन")
    (None, None)
    >>> spell_word("सर्गेई", "Person"), spell_word("विडोडो", "Person"), spell_word("जायसवाल", "Person")
    ('Sergey', 'Widodo', None)
    >>> spell_word("स्ट्रेटेजिक", "Organization"), spell_word("संस्करण", "Organization")
    ('Strategic', None)
    """
    if glosses and match_key(word) in glosses:
        return glosses[match_key(word)]
    if match_key(word) in NAME_PARTICLES:
        return None  # "तमीम बिन हमद": Arabic "bin", not English "been"
    if etype in PLACE_TYPES and match_key(word) in COMPASS_GLOSSES:
        return COMPASS_GLOSSES[match_key(word)]
    english = _english_spelling(word, etype)
    if english is None and (etype == "Person" or etype in PLACE_TYPES):
        return foreign_spelling(word)
    if english is None and etype == "Organization":
        return loanword(word) or _foreign_word(word)
    return english


def loanword(word: str) -> str | None:
    """An English word of an organization's name that the press spells from its letters
    (स्ट्रेटेजिक: Strategic), matched on consonants; not a frequent Hindi word (संस्करण)."""
    from kg.english_forms import english_by_consonants
    from kg.nlp.lexicon import word_frequency_class
    from kg.nlp.spanrules import HINDI_COMMON_CLASS

    frequency = word_frequency_class(word)
    if frequency != "none" and int(frequency) >= HINDI_COMMON_CLASS:
        return None
    return english_by_consonants(word)


def _foreign_word(word: str) -> str | None:
    """:func:`foreign_spelling` of a word of an organization's name that is no Hindi word
    (पॉलिटिको: Politico, मोसाद: Mossad; but व्यापार and की stay as romanized)."""
    from kg.nlp.lexicon import word_frequency_class
    from kg.nlp.plausible import dictionary_pos

    if word_frequency_class(word) != "none" or dictionary_pos(word):
        return None
    return foreign_spelling(word)


def ordinary_loanword(word: str) -> bool:
    """Whether :func:`loanword` finds an English word that is no name (टेक्नॉलाजी, हिमालयन)."""
    from kg.nlp.spanrules import english_names

    english = loanword(word)
    return english is not None and english.lower() not in english_names()


def foreign_spelling(word: str) -> str | None:
    """How English text spells a foreign name's word that the romanizer gets wrong (:mod:`kg.spelling`).

    A romanization that English text uses stays. A word of a lexicon person's name is spelled as
    in the lexicon's English label (सर्गेई → Sergey, as in Sergey Lavrov); other Indian first
    names and surnames of the NER gazetteer, and the romanizer's own overrides, keep their
    romanization.

    Examples
    --------
    >>> foreign_spelling("प्रिगोझिन"), foreign_spelling("शुलमैन"), foreign_spelling("सर्गेई")
    ('Prigozhin', 'Shulman', 'Sergey')
    >>> foreign_spelling("मोदी") is None
    True
    """
    from kg.nlp.spanrules import _indian_names
    from kg.spelling import in_english_text, known_spelling

    latin = romanize_word(word)
    key = match_key(word)
    if in_english_text(latin) or unicodedata.normalize("NFC", word) in WORD_OVERRIDES:
        return None  # इवान is Ivan
    if key in _person_words():
        return _person_words()[key]
    return None if key in _indian_names() else known_spelling(latin)


@functools.cache
def _person_words() -> dict[str, str]:
    """Match key of a word of a lexicon person's Hindi name -> its word of the English label.

    Only names with as many words in both scripts, and words with one English spelling.
    """
    from kg.nlp.lexicon import data_rows

    found: dict[str, set[str]] = {}
    for row in data_rows("people.tsv"):
        english = row["label_en"].split()
        for alias in {row["label_hi"], *row["aliases_hi"].split("|")}:
            words = alias.split()
            if len(words) == len(english) > 1:
                for hindi, latin in zip(words, english, strict=True):
                    found.setdefault(match_key(hindi), set()).add(latin)
    return {k: next(iter(v)) for k, v in found.items() if len(v) == 1 and next(iter(v)).isalpha()}


def _english_spelling(word: str, etype: str | None) -> str | None:
    """The English word (:mod:`kg.english`) a Devanagari word of a name spells, or None."""
    try:
        from kg.english import english_word, lookup, spell_acronym
    except ImportError:  # pragma: no cover - the English word list is optional
        return None
    english = english_word(word)
    if english is not None and etype in PLACE_TYPES and not spell_acronym(word):
        from kg.nlp.spanrules import english_names

        return english if english.lower() in english_names() else None  # कोसी is Kosi, not "Cosy"
    if english is None or etype != "Person" or spell_acronym(word):
        return english
    match = lookup(word)  # a loose match is no spelling of a name (इवान is Ivan, not Yvonne)
    return english if match is not None and not match.loose and match.margin >= PERSON_MARGIN else None


def english_label(text: str, etype: str | None = None, glosses: Mapping[str, str] | None = None) -> str:
    """A readable English label for a Devanagari name, word by word.

    Examples
    --------
    >>> english_label("फाइनेंशियल टाइम्स"), english_label("रणधीर जायसवाल", "Person")
    ('Financial Times', 'Randhir Jaiswal')
    >>> english_label("इंस्टीट्यूट ऑफ इंटरनेशनल अफेयर्स", "Organization")
    'Institute of International Affairs'
    >>> english_label("पॉल व्हेलन", "Person"), english_label("Putin")
    ('Paul Whelan', 'Putin')
    """
    spell: Callable[[str], str | None] = functools.partial(spell_word, etype=etype, glosses=glosses)
    label = romanize(text, spell=spell).strip() or text
    label = _SPACES.sub(" ", label).replace(" - ", "-").replace(" -", "-")
    return label[:1].upper() + label[1:]


def name_key(text: str) -> str:
    """A loose key for one name: spelling variants of it share the key.

    Vowel length, nukta, anusvara or half nasal, halant, geminates and ऐ/ए, औ/ओ are ignored
    (:func:`kg.english.fold_key` word by word).

    Examples
    --------
    >>> name_key("जेलेंस्की") == name_key("ज़ेलेंस्की") == name_key("जेलेन्स्की")
    True
    >>> name_key("व्लादिमिर पुतिन") == name_key("व्लादिमीर पुतिन"), name_key("पुतिन") == name_key("पटना")
    (True, False)
    """
    from kg.english import fold_key

    return " ".join(fold_key(w) for w in text.replace("-", " ").split())


def latin_key(text: str) -> str:
    """A loose key for a name in Latin letters: lower case, letters only, no doubled letters.

    Examples
    --------
    >>> latin_key("Volodymyr Zelensky") == latin_key("Volodymyr Zelenskyy")
    True
    """
    letters = re.sub(r"[^a-z ]", "", text.lower())
    return re.sub(r"(.)\1+", r"\1", " ".join(letters.split()))


class PersonIndex:
    """Find the lexicon person a new spelling of a name refers to.

    A name matches a lexicon person when its :func:`name_key` is that of one of the person's
    aliases (``वलोडिमिर ज़ेलेन्स्की``), or when its surname has the key of the person's surname
    and its first name starts like theirs (``दिमित्री पेसकोव`` → Dmitry Peskov, ``वलोदिमीर
    जेलेंस्की`` → Volodymyr Zelenskyy; but ``मिशेल ओबामा`` is not Barack Obama). Keys shared by
    two people are dropped.

    Examples
    --------
    >>> from kg.nlp.lexicon import LexEntry, Lexicon
    >>> lex = Lexicon()
    >>> lex.add(LexEntry("Q1", "Dmitry Peskov", "दिमित्री पेस्कोव", "Person"), ["दिमित्री पेस्कोव", "पेस्कोव"])
    >>> index = PersonIndex(lex)
    >>> index.find("दिमित्री पेसकोव"), index.find("द्मित्री पेसकोव"), index.find("मिशेल पेसकोव")
    ('Q1', 'Q1', None)
    """

    def __init__(self, lexicon: Lexicon) -> None:
        self.full: dict[str, str | None] = {}
        self.surnames: dict[str, str | None] = {}
        self.lexicon = lexicon
        for alias, key in lexicon.names.items():
            entry = lexicon.entries[key]
            if entry.type == "Person" and alias.isascii():
                _add_unique(self.full, latin_key(alias), key)  # Zelensky as in Volodymyr Zelenskyy
            if entry.type != "Person" or not any("\u0900" <= c <= "\u097f" for c in alias):
                continue
            _add_unique(self.full, name_key(alias), key)
            words = entry.label_hi.split()
            if len(words) > 1:
                _add_unique(self.surnames, name_key(words[-1]), key)

    def find(self, text: str) -> str | None:
        """The lexicon key of the person ``text`` names, or None."""
        key = self.full.get(latin_key(text) if text.isascii() else name_key(text))
        if key:
            return key
        words = text.split()
        if len(words) < 2:
            return None
        key = self.surnames.get(name_key(words[-1]))
        first = self.lexicon.entries[key].label_hi.split()[0] if key else ""
        return key if key and name_key(first)[:1] == name_key(words[0])[:1] else None


def _add_unique(table: dict[str, str | None], loose: str, key: str) -> None:
    if loose:
        table[loose] = key if table.get(loose, key) == key else None
