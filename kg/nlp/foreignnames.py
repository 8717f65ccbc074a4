"""Names in a foreign form: Latin capital acronyms, and English names in English word order.

:class:`kg.nlp.entities.LexiconRuler` adds these spans to its phrase matcher's before choosing
the longest; each span's ``id_`` says which rule found it:

* ``acronym``: a Latin capital acronym inside Hindi text (``RIA``, ``ISIS-K``, ``JNIM``): a
  lexicon entry when a Devanagari alias spells the same letters (``US`` = ``यूएस``), else a new
  organization. Not in a run of Latin words (an English headline, a tweet), after a number
  (``10 हजार KM``), an English word, a title (``PM``), a Roman numeral, or a gloss in brackets
  after a name or an ordinary noun (``शंघाई सहयोग संगठन (SCO)``, ``क्रय शक्ति समता (PPP)``).
* ``loan``: an English name written in Devanagari in English word order, with ``ऑफ``, ``फॉर``,
  ``टू`` or ``एंड`` inside and an institution's head word (``इंस्टीट्यूट फॉर द स्टडी ऑफ वॉर``,
  ``पोलिश इंस्टीट्यूट ऑफ इंटरनेशनल अफेयर्स``); a degree (``मास्टर ऑफ साइंस``) has no head word.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterator
from pathlib import Path

from spacy.tokens import Doc, Span

from kg.nlp.lexicon import DATA_DIR, Lexicon, word_frequency_class
from kg.nlp.normalize import match_key
from kg.nlp.plausible import INSTITUTION_HEADS, dictionary_pos
from kg.sortedtable import SortedTable, compiled_tables

__all__ = ["foreign_names", "latin_acronyms", "loan_names"]

_ACRONYM = re.compile(r"[A-Z]{2,8}")
_ROMAN = re.compile(r"[IVXLC]+")
_BIG_NUMBERS = {match_key(w) for w in ("हजार", "हज़ार", "लाख", "करोड़", "सौ", "अरब")}
#: Function words inside English names (ऑफ "of"); ``द`` (the) only inside, never alone.
_JOINERS = {match_key(w) for w in ("ऑफ", "ऑफ़", "फॉर", "फ़ॉर", "टू", "एंड")}
_GLOSSED_CLASS = 6  # a Hindi word this frequent (Zipf 3) before "(ACRONYM)" is glossed: समता (PPP)
_COMMON_CLASS = 8  # Zipf 4: an ordinary Hindi word (``kg.nlp.spanrules.HINDI_COMMON_CLASS``)
_INSIDE = _JOINERS | {match_key("द")}
_STOPWORDS = {match_key(w) for w in ("के", "की", "का", "ने", "को", "से", "में", "पर", "और", "है", "हैं", "था", "थे")}
_HEADS = INSTITUTION_HEADS | {"campaign", "agency", "organization", "organisation", "society", "league",
                              "alliance", "union", "bank", "fund", "court", "programme", "program", "network"}
_FREQUENT_ENGLISH = 3.2  # Zipf: gunmen, stride, synagogue in capitals; not ria (RIA)




def foreign_names(doc: Doc, norms: list[str], spans: list[Span], lexicon: Lexicon) -> list[Span]:
    """The spans of both rules, given the lexicon's matches ``spans`` (``norms``: the tokens' keys)."""
    taken = {i for s in spans for i in range(s.start, s.end)}
    return [*latin_acronyms(doc, spans, taken, lexicon), *loan_names(doc, norms, spans, taken)]


def latin_acronyms(doc: Doc, spans: list[Span], taken: set[int], lexicon: Lexicon) -> list[Span]:
    """Latin capital acronyms (``RIA``, ``ISIS-K``) that name something (see the module docstring).

    An acronym glossing an ordinary noun in brackets (``विशेष आर्थिक क्षेत्र (EEZ)``) is a term in
    each of its mentions.
    """
    ends = {s.end for s in spans}
    found = []
    i = 0
    while i < len(doc):
        end = _acronym_end(doc, i)
        if end > i and not any(j in taken for j in range(i, end)):
            found.append((i, end, doc[i:end].text.replace(" ", "")))
        i = max(end, i + 1)
    terms = {text for start, end, text in found if _gloss(doc, start, end, ends) == "term"}
    out = []
    for start, end, text in found:
        key = _acronym_entries(lexicon).get(text)
        if key is not None:
            out.append(Span(doc, start, end, label=lexicon.entries[key].type, kb_id=key, span_id="name"))
        elif text not in terms and _new_acronym(doc, start, end, text, ends):
            out.append(Span(doc, start, end, label="Organization", span_id="acronym"))
    return out


def _gloss(doc: Doc, start: int, end: int, name_ends: set[int]) -> str:
    """``"term"`` for an acronym in brackets after an ordinary noun, ``"name"`` after a name
    (``name_ends``: where the lexicon's names end) or another word, ``""`` outside brackets."""
    from kg.english import english_word

    if not (start > 1 and end < len(doc) and doc[start - 1].text == "(" and doc[end].text == ")"):
        return ""
    if start - 1 in name_ends:
        return "name"
    word = doc[start - 2].text
    frequency = word_frequency_class(word)
    common = frequency != "none" and int(frequency) >= _GLOSSED_CLASS and english_word(word) is None
    return "term" if dictionary_pos(word) or common else "name"


def _acronym_end(doc: Doc, i: int) -> int:
    """The end of the acronym starting at token ``i`` (parts joined by hyphens), or ``i``."""
    if not _ACRONYM.fullmatch(doc[i].text):
        return i
    end = i + 1
    while end + 1 < len(doc) and doc[end].text == "-" and re.fullmatch(r"[A-Z]{1,8}", doc[end + 1].text):
        end += 2
    return end


def _new_acronym(doc: Doc, start: int, end: int, text: str, name_ends: set[int]) -> bool:
    """Whether an acronym the lexicon lacks is a name here (see the module docstring)."""
    if _ROMAN.fullmatch(text) or text.lower() in _english_words() or text in _title_letters():
        return False
    before = doc[start - 1] if start > 0 else None
    after = doc[end] if end < len(doc) else None
    if any(t is not None and t.text.isascii() and t.text[:1].isalpha() for t in (before, after)):
        return False  # inside English text
    if before is not None and (before.like_num or match_key(before.text) in _BIG_NUMBERS):
        return False  # a unit or a weapon counted: "10 हजार KM", "तीन HIMARS"
    return not (_gloss(doc, start, end, name_ends) and start - 1 in name_ends)  # "(SCO)" after its name


@functools.cache
def _english_words() -> SortedTable:
    """Frequent English words of ``english_words.tsv`` (``AND``, ``WATCH``), lower case.

    Rare ones stay possible acronyms: ``ria`` (Zipf 3.0) is also RIA, the news agency.
    Compiled once (:mod:`kg.sortedtable`): the words are the keys.
    """
    def rows() -> dict[str, Iterator[tuple[str, str]]]:
        lines = (DATA_DIR / "english_words.tsv").read_text(encoding="utf-8").splitlines()[1:]
        split = (line.split("\t", 2) for line in lines)
        return {"frequent": ((row[0], "") for row in split if float(row[1]) >= _FREQUENT_ENGLISH)}

    return compiled_tables("foreignnames", ("frequent",), (DATA_DIR / "english_words.tsv", Path(__file__)),
                           rows)["frequent"]


@functools.cache
def _title_letters() -> frozenset[str]:
    """Latin letters of titles spelled as acronyms (``पीएम`` → PM)."""
    from kg.english import spell_acronym
    from kg.nlp.lexicon import load_lexicon

    return frozenset(filter(None, (spell_acronym(t.replace(" ", "")) for t in load_lexicon().person_titles)))


def _acronym_entries(lexicon: Lexicon) -> dict[str, str]:
    """Latin letters -> lexicon key, from aliases that spell an acronym (``यूएस`` → US, ``बीबीसी``)."""
    from kg.english import spell_acronym

    cached = _ACRONYMS.get(id(lexicon))
    if cached is not None and cached[0] is lexicon:
        return cached[1]
    out: dict[str, str] = {}
    for alias, key in sorted(lexicon.names.items()):
        letters = spell_acronym(alias) if " " not in alias else None
        if letters and len(letters) > 1:
            out.setdefault(letters, key)
    _ACRONYMS[id(lexicon)] = (lexicon, out)
    return out


_ACRONYMS: dict[int, tuple[Lexicon, dict[str, str]]] = {}  # id of a lexicon -> (it, its acronyms)


def loan_names(doc: Doc, norms: list[str], spans: list[Span], taken: set[int]) -> list[Span]:
    """English names in English word order (``इंस्टीट्यूट फॉर द स्टडी ऑफ वॉर``), as Organizations.

    Words may be lexicon demonyms (``पोलिश``, ``अमेरिकन``): the name replaces them.
    """
    from kg.english import english_word

    demonyms = {i for s in spans if s.id_ == "demonym" for i in range(s.start, s.end)}
    free = taken - demonyms
    words = [None if i in free else english_word(t.text) for i, t in enumerate(doc)]
    out: list[Span] = []
    for i, norm in enumerate(norms):
        if norm not in _JOINERS or (out and i < out[-1].end):
            continue
        start = i
        while start > 0 and i - start < 4 and _content(words, norms, start - 1):
            start -= 1
        end, last = i + 1, i
        while end < len(doc) and end - i < 6 and (_content(words, norms, end) or norms[end] in _INSIDE):
            last = end if norms[end] not in _INSIDE else last
            end += 1
        named = [w.lower() for w in words[start:last + 1] if w]
        cut = last + 1 < len(doc) and _unknown_word(doc[last + 1], norms[last + 1])
        if start < i < last and any(w in _HEADS for w in named) and not cut:
            out.append(Span(doc, start, last + 1, label="Organization", span_id="loan"))
    return out


def _content(words: list[str | None], norms: list[str], i: int) -> bool:
    """An English word that can stand in a name (not a function word)."""
    return words[i] is not None and norms[i] not in _INSIDE and words[i][:1].isupper()


def _unknown_word(token, norm: str) -> bool:  # noqa: ANN001 - spaCy Token
    """A Devanagari word that is no English word, function word or ordinary Hindi word: a name
    goes on (``फेडरेशन ऑफ अमेरिकन साइंटिस्ट``, the last word unread), so no cut name is taken."""
    from kg.english import english_word

    if not token.text[:1] or not "\u0900" <= token.text[0] <= "\u097f" or norm in _STOPWORDS:
        return False
    return english_word(token.text) is None and dictionary_pos(token.text) is None \
        and word_frequency_class(token.text) in {"none", *map(str, range(_COMMON_CLASS))}
