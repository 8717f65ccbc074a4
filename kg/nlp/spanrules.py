"""Clean the new names that title cues, head nouns and the statistical model propose.

A new name (not from the lexicon) is kept only when it looks like a name:

* punctuation at its edges goes (``ईरान-``, a heading);
* a person's or a place's name loses the descriptor words in front of it (``डीलर विक्टर बाउट``
  → Viktor Bout, ``जनरल चार्ल्स ब्राउन``, ``इतर जेलेंस्की``) and, for a person, everything up to
  a title inside it (``वागनेर चीफ येवगेनी प्रिगोझिन`` → Yevgeny Prigozhin);
* a span with no name word at all is dropped: ordinary Hindi words (``दलदल``, ``मिट्टी``,
  ``देशों``), ordinary English words written in Devanagari (``ड्रोन्स``, ``कॉन्सेप्ट``), titles
  (``पीएम``), or a mix of them (``कार्य समूह``, ``एयर डिफेंस``);
* a descriptor right before an organization's name gives way to the name (``समाचार एजेंसी
  रॉयटर्स``, ``सरकारी न्यूज ब्रॉडकास्टर आरटी``); a state organ before a name becomes that name,
  still an organ of the state (``रूसी खुफिया एजेंसी एफएसबी`` → FSB, part of Russia).

A lexicon name is kept except in the idioms ``गिनी चुनी`` / ``गिने-चुने`` (a handful), whose
participle is no Guinea (dev HI_92), and ``की सूरत में`` (in the case of), whose noun is no Surat.

What counts as an ordinary word was measured on the dev articles of the real-news corpus
(``docs/evaluation.md``): Hindi words of Zipf frequency 4 and more (wordfreq's Hindi list),
HiNER's words that are almost never names (``common_words.txt``), and English words of Zipf
3.5 and more that are no given name, surname or place (``english_names.txt``).
"""

from __future__ import annotations

import functools
import unicodedata
from collections.abc import Iterable

from spacy.tokens import Doc, Span

from kg.nlp.lexicon import DATA_DIR, Lexicon, word_frequency_class
from kg.nlp.normalize import match_key
from kg.nlp.plausible import DEMONSTRATIVES, check_name, cued_places, dictionary_pos, glossed, indefinite
from kg.nlp.spanjoin import join_names
from kg.nlp.state import ORGAN_DEMONYMS, doc_value

__all__ = ["ENGLISH_COMMON_ZIPF", "HINDI_COMMON_CLASS", "WordKinds", "clean_names"]

#: Hindi words at least this frequent (Zipf class, half steps: 8 = Zipf 4.0) are ordinary words.
HINDI_COMMON_CLASS = 8
#: English words at least this frequent (Zipf) that are no name are ordinary words.
ENGLISH_COMMON_ZIPF = 3.5
NEW = {"model", "title", "orghead"}
#: English words that end the names of news media and bodies (Financial Times, India Today).
MEDIA_WORDS = frozenset("""times journal post news today herald tribune express telegraph guardian gazette
daily network channel radio television press media forum association federation institution society league
club organisation organization alliance summit dialogue""".split())
PLACES = {"City", "Country", "Region"}
_CHOSEN = {"चुनी", "चुने", "चुना"}
_CASE_BEFORE = {"की", "हर", "इस", "उस", "भी", "किसी"}
_STOPS = {"ने", "को", "से", "में", "पर", "का", "की", "के", "और", "या", "तथा", "एवं", "व", "द्वारा", "लिए",
          "है", "हैं", "था", "थे", "थी", "भी", "ही", "तो", "कि", "जो", "यह", "वह", "इस", "उस", "एक", "करके",
          "इतर"}


@functools.cache
def _indian_names() -> frozenset[str]:
    """First names and surnames of the NER gazetteer (Faker's Indian lists, people.tsv), as match keys."""
    from kg.ner.features import gazetteer

    return frozenset(match_key(w) for w, classes in gazetteer().items()
                     if {"first", "last"} & set(classes.split("+")))


def _load_word_lists() -> None:
    english_names()
    dictionary_pos("")
    _common_words()
    _indian_names()
    try:
        from kg.english import english_word
    except ImportError:  # pragma: no cover
        return
    english_word("टाइम्स")


def _raw(text: str) -> str:
    return unicodedata.normalize("NFC", text).replace("\u093c", "")


@functools.cache
def _common_words() -> frozenset[str]:
    path = DATA_DIR / "common_words.txt"
    return frozenset(map(_raw, path.read_text(encoding="utf-8").split())) if path.exists() else frozenset()


@functools.cache
def english_names() -> frozenset[str]:
    """Lower-case given names, surnames and one-word place names (``kg/data/english_names.txt``)."""
    path = DATA_DIR / "english_names.txt"
    return frozenset(path.read_text(encoding="utf-8").split()) if path.exists() else frozenset()


class WordKinds:
    """Sort the words of a candidate name.

    ``punct``; ``stop`` (function words, HiNER's never-name words, oblique plurals in -ों);
    ``title`` (a person title); ``name`` (a lexicon alias, an Indian name of the NER gazetteer,
    an acronym, Latin letters, an English name); ``english`` (an ordinary English word);
    ``common`` (a frequent Hindi word); ``plain`` (none of these: most new names).
    """

    def __init__(self, lexicon: Lexicon) -> None:
        self.lexicon = lexicon
        self.titles = {k for k in lexicon.person_titles if " " not in k}
        from kg.english import spell_acronym

        self.latin_titles = frozenset(filter(None, map(spell_acronym, self.titles)))  # PM मोदी: पीएम
        self.heads = {w.lower() for w in lexicon.org_heads.values()} | MEDIA_WORDS
        _load_word_lists()  # when the pipeline is built, not on the first new name

    def __call__(self, text: str) -> str:
        return self._kind(text)

    @functools.lru_cache(maxsize=20_000)  # noqa: B019 - one instance per pipeline
    def english_noun(self, text: str) -> bool:
        """An ordinary English word however frequent its Hindi homophone (चीफ, डीलर; not जॉन, पॉल)."""
        from kg.english import english_word, lookup

        english = english_word(text)
        match = lookup(text) if english else None
        return match is not None and english.lower() not in english_names() \
            and match.zipf >= ENGLISH_COMMON_ZIPF

    @staticmethod
    def acronym(text: str) -> bool:
        """Whether a word spells English letter names (एफएसबी) or is a Latin capital acronym."""
        from kg.english import spell_acronym

        return bool(spell_acronym(text)) or (text.isascii() and text.isupper() and len(text) > 1)

    @staticmethod
    def acronym_letters(text: str) -> str:
        """The English letters a word spells out (``एफएसबी`` → FSB), or ``""``."""
        from kg.english import spell_acronym

        return spell_acronym(text) or ""

    @staticmethod
    def org_head_word(text: str) -> bool:
        """Whether the NER gazetteer lists the word as an organization's head word (सिस्टम्स, लिमिटेड)."""
        from kg.ner.features import gazetteer

        return "orghead" in gazetteer().get(_raw(text), "").split("+")

    def country_word(self, token) -> bool:  # noqa: ANN001 - spaCy Token
        """Whether a word names a country, in Hindi (भारत) or as an English loan (इंडिया)."""
        key = self.lexicon.names.get(token.norm_)
        if key is not None:
            return self.lexicon.entries[key].type == "Country"
        from kg.nlp.names import spell_word

        english = spell_word(token.text)
        return english is not None and self.lexicon.names.get(match_key(english)) in self._countries

    @functools.cached_property
    def _countries(self) -> frozenset[str]:
        return frozenset(k for k, e in self.lexicon.entries.items() if e.type == "Country")

    def title_at(self, doc: Doc, start: int, end: int) -> int:
        """The end of the longest person title opening ``doc[start:end]`` (``start`` if none)."""
        best = start
        for stop in range(start + 1, min(end, start + 4)):
            if " ".join(t.norm_ for t in doc[start:stop]) in self.lexicon.person_titles:
                best = stop
        return best

    def is_head(self, text: str) -> bool:
        """Whether a word ends organization names: a head noun (संगठन, ग्रुप) or a media word (टाइम्स)."""
        if match_key(text) in self.lexicon.org_heads:
            return True
        from kg.nlp.names import spell_word

        english = spell_word(text)
        return english is not None and english.lower() in self.heads

    @functools.lru_cache(maxsize=50_000)  # noqa: B019 - one instance per pipeline
    def _kind(self, text: str) -> str:
        norm = match_key(text)
        if not any(c.isalnum() for c in text):
            return "punct"
        if norm in self.titles or text in self.latin_titles:
            return "title"
        if text.isascii():
            return "name" if any(c.isalpha() for c in text) else "plain"
        if norm in _STOPS:
            return "stop"
        if norm in self.lexicon.names or norm in _indian_names():
            return "name"
        if _raw(text) in _common_words() or norm.endswith("ों") or norm.endswith("ओं"):
            return "stop"  # (not by match key: जॉन would be जान, "life")
        return self._by_frequency(text)

    def _by_frequency(self, text: str) -> str:
        try:
            from kg.english import english_word, lookup, spell_acronym
            from kg.english_forms import english_compound
            from kg.nlp.names import ordinary_loanword
        except ImportError:  # pragma: no cover
            english_word = None  # type: ignore[assignment]
        if english_word is not None and spell_acronym(text):
            return "name"
        english = english_word(text) if english_word is not None else None
        if english is None and english_word is not None and (english_compound(text)
                                                             or ordinary_loanword(text)):
            return "english"  # "ऑफसेटिंग", "मिलीसेकंड", "टेक्नॉलाजी": ordinary English words
        if english is not None and english.lower() in english_names():
            return "name"
        frequency = word_frequency_class(text)
        if frequency != "none" and int(frequency) >= HINDI_COMMON_CLASS:
            return "common"
        if english is None:
            return "plain"
        match = lookup(text)
        return "english" if match is not None and match.zipf >= ENGLISH_COMMON_ZIPF else "plain"


def clean_names(doc: Doc, spans: Iterable[Span], kinds: WordKinds) -> list[Span]:
    """The mentions with the new names cleaned: trimmed, descriptors dropped, non-names removed.

    Lexicon mentions pass unchanged.
    """
    spans = sorted(spans, key=lambda s: s.start)
    people = _people(spans, kinds)
    nicknames = _nicknames(doc, spans)
    cued = frozenset(cued_places(spans))
    terms = {_norms(s) for s in spans if s.id_ in NEW and glossed(s, kinds)}  # a term in every mention
    surnames = _lexicon_surnames(spans, kinds.lexicon)
    last_words = {words[-1] for words in _person_words(spans, kinds)}
    out: list[Span] = []
    for span in spans:
        if span.id_ in NEW and _norms(span) in terms:
            continue
        if span.id_ == "name" and (_counted(span) or _in_case(span)):
            continue
        if span.id_ == "organ" and indefinite(span):  # "एक जर्मन अदालत": a German court; the demonym stays
            pointed = span.start > 0 and doc[span.start - 1].text in DEMONSTRATIVES  # "इस अमेरिकी संस्थान"
            out.extend([] if pointed else _owner(span, kinds.lexicon))
            continue
        if span.id_ not in NEW or tuple(t.norm_ for t in span) in nicknames:
            out.append(span)
            continue
        cleaned = _trim(span, kinds)
        if cleaned is not None and _is_name(cleaned, kinds, people):
            cleaned = check_name(cleaned, kinds, people, cued)
        if cleaned is not None and _is_name(cleaned, kinds, people):
            if cleaned.label_ in PLACES and len(cleaned) == 1 and cleaned[0].norm_ in last_words:
                cleaned = Span(doc, cleaned.start, cleaned.end, label="Person", span_id=cleaned.id_)  # कसीकोव
            out.append(_relink(cleaned, kinds.lexicon, surnames))
    return _descriptors(join_names(out, kinds))


def _counted(span: Span) -> bool:
    """"गिनी चुनी" / "गिने-चुने" (a handful): the participle गिनी is no Guinea."""
    doc, i = span.doc, span.end
    i += i < len(doc) and doc[i].text == "-"
    return len(span) == 1 and span[0].norm_.startswith("गिन") and i < len(doc) and doc[i].norm_ in _CHOSEN


def _in_case(span: Span) -> bool:
    """"की सूरत में", "हर सूरत में" (in the case of, in any case): the noun सूरत is no Surat."""
    doc = span.doc
    before = doc[span.start - 1].text if span.start > 0 else ""
    after = doc[span.end].text if span.end < len(doc) else ""
    return span.text == "सूरत" and after == "में" and before in _CASE_BEFORE


def _norms(span: Span) -> tuple[str, ...]:
    return tuple(t.norm_ for t in span)


def _people(spans: list[Span], kinds: WordKinds) -> set[str]:
    """Norms of the name words of the article's multi-word person names (``इमरान खान``).

    Only words that can name (no titles, ordinary words or spaces): the model's "टोटल एनर्जीज़"
    or "ड्रोन्स" plus a line break makes no one-word person of ``एनर्जीज़`` or ``ड्रोन्स``.
    """
    return {w for words in _person_words(spans, kinds) for w in words}


def _person_words(spans: list[Span], kinds: WordKinds) -> list[list[str]]:
    """The name words of each person span with more than one of them."""
    found = []
    for span in spans:
        if span.label_ == "Person":
            words = [t.norm_ for t in span if kinds(t.text) in {"name", "plain"}]
            if len(words) > 1:
                found.append(words)
    return found


def _owner(organ: Span, lexicon: Lexicon) -> list[Span]:
    """The state's own mention inside an organ span (its demonym or genitive name), if known."""
    end = doc_value(organ.doc, ORGAN_DEMONYMS, {}).get(organ.start)
    key = organ.kb_id_.split("|")[0]
    if end is None or key not in lexicon.entries:
        return []
    return [Span(organ.doc, organ.start, end, label=lexicon.entries[key].type, kb_id=key, span_id="demonym")]


def _nicknames(doc: Doc, spans: list[Span]) -> set[tuple[str, ...]]:
    """Norms of quoted nicknames right after a person's name (``पुष्प कमल दहल 'प्रचंड'``): the
    nickname is a name wherever it appears, even when it is also a Hindi word."""
    found = set()
    for span in spans:
        i = span.end
        if span.label_ == "Person" and i < len(doc) and doc[i].text in {"'", '"', "‘", "“"}:
            for j in range(i + 2, min(i + 5, len(doc))):
                if doc[j].text in {"'", '"', "’", "”"}:
                    found.add(tuple(t.norm_ for t in doc[i + 1:j]))
                    break
    return found


def _lexicon_surnames(spans: list[Span], lexicon: Lexicon) -> dict[str, str]:
    """Last word -> key of the lexicon people the article names in full (one person per word)."""
    found: dict[str, str | None] = {}
    for span in spans:
        entry = lexicon.entries.get(span.kb_id_)
        if entry is not None and entry.type == "Person" and len(span) > 1:
            last = span[-1].norm_
            found[last] = entry.key if found.get(last, entry.key) == entry.key else None
    return {k: v for k, v in found.items() if v}


def _relink(span: Span, lexicon: Lexicon, surnames: dict[str, str] | None = None) -> Span:
    """A trimmed name that is a lexicon alias is that entity (``इतर जेलेंस्की`` → Zelensky), and
    a lone surname of a lexicon person named in full in the article is that person (``कमला हैरिस``
    ... ``हैरिस``)."""
    key = lexicon.names.get(" ".join(t.norm_ for t in span))
    if key is None and surnames and span.label_ == "Person" and len(span) == 1:
        key = surnames.get(span[0].norm_)
    entry = lexicon.entries.get(key or "")
    if entry is None or (entry.type == "Person") != (span.label_ == "Person"):
        return span
    return Span(span.doc, span.start, span.end, label=entry.type, kb_id=entry.key, span_id="name")


def _trim(span: Span, kinds: WordKinds) -> Span | None:
    """Edge punctuation off; titles and descriptor words off a person's name; the type refined."""
    doc = span.doc
    start, end = _strip_punct(doc, span.start, span.end, kinds)
    label = span.label_
    opening = kinds.title_at(doc, start, end)
    if opening > start:  # "क्राउन प्रिंस सलमान": a title opens it, so it names a person
        start, label = opening, "Person"
    if label == "Person" and span.id_ == "model":  # (a title cue's name is cut by its own rule)
        titles = [i for i in range(start, end - 1)
                  if kinds(doc[i].text) == "title" or kinds.english_noun(doc[i].text)]
        start = titles[-1] + 1 if titles else start
        while end - start > 1 and kinds(doc[start].text) in {"stop", "title", "english"}:
            start += 1  # (a place keeps its first word: पश्चिम चंपारण, उत्तर बिहार)
    elif label in PLACES and end - start > 1 and kinds.is_head(doc[end - 1].text):
        label = "Organization"  # "स्टैनफोर्ड विश्वविद्यालय", "किंग्स कॉलेज"
    if start >= end:
        return None
    if label == "Organization" and end - start > 1 and kinds.acronym(doc[start].text) \
            and not any(kinds(t.text) in {"name", "plain"} for t in doc[start + 1:end]):
        end = start + 1  # "एफएसबी सुरक्षा सेवा": the acronym, then what it is
    if (start, end, label) == (span.start, span.end, span.label_):
        return span
    return Span(doc, start, end, label=label, kb_id=span.kb_id_, span_id=span.id_)


def _strip_punct(doc: Doc, start: int, end: int, kinds: WordKinds) -> tuple[int, int]:
    while start < end and kinds(doc[start].text) == "punct":
        start += 1
    while end > start and kinds(doc[end - 1].text) == "punct":
        end -= 1
    return start, end


def _is_name(span: Span, kinds: WordKinds, people: set[str]) -> bool:
    """Whether a new name has a name word, and is no sentence adverb (``लिहाजा ,``)."""
    words = [kinds(t.text) for t in span]
    if len(span) == 1 and span[0].norm_ in people and span.label_ == "Person":
        return True  # "इमरान" after "इमरान खान"
    if span[-1].norm_.endswith(("ों", "ओं")):
        return False  # an oblique plural: "बख्तरबंद गाड़ियों", "अंतरराष्ट्रीय संगठनों"
    if not any(k in {"name", "plain"} for k in words):
        return len(span) > 1 and span.label_ == "Organization" and kinds.is_head(span[-1].text)
    doc = span.doc
    opens = span.start == 0 or bool(doc[span.start].is_sent_start)
    return not (len(span) == 1 and opens and span.end < len(doc) and doc[span.end].text == ",")


def _descriptors(spans: list[Span]) -> list[Span]:
    """A descriptor right before an organization's name gives way to it (an organ keeps its state)."""
    out: list[Span] = []
    for span in spans:
        prev = out[-1] if out else None
        if (prev is not None and prev.end == span.start and span.label_ == "Organization"
                and prev.label_ == "Organization" and prev.id_ in {"orghead", "organ", "model"}
                and span.id_ in {"name", "model"}):
            out.pop()
            if prev.id_ == "organ":
                key = f"{prev.kb_id_}|{span.kb_id_}|{span.start}"
                span = Span(span.doc, prev.start, span.end, label="Organization", kb_id=key, span_id="organ")
        out.append(span)
    return out
