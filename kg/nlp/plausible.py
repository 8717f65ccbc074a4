"""Whether a new name is a name, and of which type: checks against a list of ordinary Hindi words.

The statistical model and the head-noun rule propose spans that are ordinary words
(``कूटनीति``, ``दलदल``, ``कूटनीतिक लचीलेपन``) or generic descriptions (``हैकर समूह``, ``सैन्य
गठबंधन``). Frequency does not tell these from names: ``कूटनीति`` is as rare in wordfreq's Hindi
list as the name of a district. Annotated text does: ``kg/data/hi_dictionary.tsv`` lists the word
forms that HiNER's annotators leave outside names and that the hindiPOS tagger's corpus tags as
nouns, adjectives, verbs or adverbs rather than proper nouns, with their regular inflections, less
the names the project knows (built by ``scripts/build_dictionary_words.py``; sources and licences in
``kg/data/SOURCES.md``). The checks, each measured on the dev articles of the real-news corpus
(``docs/evaluation.md``):

* a place made only of dictionary words is no place (``खाड़ी``, ``दक्षिणी बंदरगाह``);
* a one-word person that is a dictionary word is no person (``विजय`` "victory", ``नवीन`` "new")
  unless it is part of a longer name in the same article; a person with an adjective and no
  name word (``कूटनीतिक लचीलेपन``) or with a spelled-out acronym (``एफटीसी दिशानिर्देश``) is none;
* an organization needs a word that names it: a name, a word no dictionary lists, or a word of
  scope (``विश्व``, ``अंतर्राष्ट्रीय``, ``राष्ट्रीय``, a demonym) -- ``विश्व आर्थिक मंच`` is a name,
  ``हैकर समूह`` and ``सैन्य गठबंधन`` are not; after an indefinite word (``एक जर्मन अदालत``, ``कई
  हैकर समूह``) it is no name at all; a place followed only by ordinary words (``रूस सैन्य``) is none;
* a word with a digit glued to its letters is a formula (``सीओ2``), not a name;
* a term glossed in brackets is no name, in any of its mentions (:func:`glossed`: ``प्रतिस्पर्धा
  (एंटीट्रस्ट)``, ``ग्रीनहाउस गैस (जीएचजी)``, ``फोटोसिंथेसिस (प्रकाश संश्लेषण)``; dev HI_81, HI_132,
  HI_136), unlike an acronym after a head noun (``राष्ट्रीय खुफिया एजेंसी (एमआईटी)``);
* types: a two- or three-word place or body proposed by the model that opens with a given name of
  the NER gazetteer or ends in a Slavic surname (``श्याम बोहरे``, ``वादिम क्रासिकोव``, ``अलसू
  कुर्माशेवा``; dev HI_18, HI_49, HI_59) is a person (:func:`personal_name`); a person whose last
  word is an organization's head word or a country (``कल्याणी स्ट्रेटेजिक सिस्टम्स``, ``म्यूनिशंस
  इंडिया``) is an organization; a place written as a spelled acronym (``केएसए``) is dropped; a place
  next to a word for a region or a river (``खार्कोव प्रांत``, ``कोसी नदी``, ``प्रांत दागेस्तान``), in a
  list that ends with one (``सीवान, सारण और पटना जिलों``), opening with a compass word (``पश्चिम
  चंपारण``, a district; dev HI_142) or ending in ``-स्तान`` is a region, and is kept even when it is
  also an ordinary word; a region noun alone (``ओब्लास्ट`` of ``कुर्स्क ओब्लास्ट``, HI_91) is no place.
"""

from __future__ import annotations

import functools
import re
import unicodedata
from pathlib import Path

from spacy.tokens import Doc, Span

from kg.nlp.lexicon import DATA_DIR, data_rows
from kg.nlp.normalize import match_key
from kg.sortedtable import SortedTable, compiled_tables

__all__ = [
    "DEMONSTRATIVES", "SCOPE_WORDS", "STATE_ORGANS", "check_name", "cued_places", "dictionary_pos",
    "genitive_owner", "glossed", "indefinite", "personal_name",
]

#: Words that open descriptive official names: World, International, National, Central, State, ...
SCOPE_WORDS = frozenset(unicodedata.normalize("NFC", w) for w in """विश्व अंतर्राष्ट्रीय अंतरराष्ट्रीय
अन्तर्राष्ट्रीय अन्तरराष्ट्रीय राष्ट्रीय केंद्रीय केन्द्रीय संयुक्त अखिल राज्य संघीय ग्लोबल इंटरनेशनल नेशनल वर्ल्ड
यूनाइटेड फेडरल यूरोपीय एशियाई अफ्रीकी""".split())
#: Words of ideology, which name parties: "कम्युनिस्ट पार्टी", "डेमोक्रेटिक पार्टी", "समाजवादी पार्टी".
IDEOLOGY_WORDS = frozenset(unicodedata.normalize("NFC", w) for w in """कम्युनिस्ट डेमोक्रेटिक रिपब्लिकन
गणतांत्रिक लोकतांत्रिक क्रांतिकारी समाजवादी राष्ट्रवादी प्रगतिशील इस्लामिक लेबर कंजर्वेटिव लिबरल""".split())
#: Scope words that with one noun make a common phrase: "अंतरराष्ट्रीय मंच" (the world stage).
WORLD_WORDS = frozenset(unicodedata.normalize("NFC", w) for w in """विश्व अंतर्राष्ट्रीय अंतरराष्ट्रीय
अन्तर्राष्ट्रीय अन्तरराष्ट्रीय ग्लोबल इंटरनेशनल वैश्विक""".split())
#: Compass words open place names (पूर्वी चंपारण, उत्तर बिहार): never trimmed as adjectives.
COMPASS = frozenset("उत्तर उत्तरी दक्षिण दक्षिणी पूर्व पूर्वी पश्चिम पश्चिमी मध्य".split())
#: English heads of institutions, whose names are often English words (King's College, Peace Research
#: Institute, Stanford University), unlike group or company heads (हैकर समूह, प्राइवेट आर्मी ग्रुप).
INSTITUTION_HEADS = frozenset("""university college institute centre center foundation academy school
association federation council commission committee forum dialogue times journal post""".split())
#: Head nouns of a state's organs: owned by a country in the genitive ("रूस के रक्षा मंत्रालय"), or
#: the article's state when bare ("विदेश मंत्रालय के प्रवक्ता").
STATE_ORGANS = frozenset(unicodedata.normalize("NFC", w) for w in ("मंत्रालय", "विभाग", "सेना", "वायुसेना",
                         "वायु सेना", "नौसेना", "संसद", "दूतावास", "कमान", "पुलिस"))
#: A state's ministries and departments, which news names bare for the article's state (विदेश मंत्रालय).
MINISTRIES = frozenset(unicodedata.normalize("NFC", w) for w in ("मंत्रालय", "विभाग"))
#: Words before a noun phrase that make it indefinite: "एक अदालत" (a court) names no court; and the
#: oblique demonstratives, which only stand before a noun: "इस अमेरिकी संस्थान" (this American
#: institute) describes one named elsewhere.
DEMONSTRATIVES = frozenset({"इस", "उस", "इसी", "उसी", "इन", "उन", "इन्हीं", "उन्हीं"})
INDEFINITE = frozenset({"एक", "कई", "किसी", "अन्य", "कुछ", "अनेक", "विभिन्न"}) | DEMONSTRATIVES
#: Nouns for a region or a river that stand next to its name.
REGION_NOUNS = frozenset({"प्रांत", "क्षेत्र", "ओब्लास्ट", "इलाके", "इलाका", "राज्य", "जिले", "जिला", "जिलों", "प्रदेश",
                          "नदी", "नदियों", "द्वीप", "द्वीपों", "सागर", "गणराज्य"})
#: Words that join the members of a list: "सीवान, सारण और पटना".
LIST_WORDS = frozenset({",", "और", "व", "तथा", "एवं"})
#: Endings of Russian, Ukrainian and Belarusian surnames (-ov, -ova, -ev, -eva, -ovich, -sky, -enko).
SLAVIC_SURNAME_ENDINGS = tuple(unicodedata.normalize("NFC", w) for w in (
    "ोव", "ोवा", "ेव", "ेवा", "यव", "यवा", "विच", "स्की", "स्काया", "ेंको", "ेन्को"))
_PLACE_WORD = {"place", "placepart", "orgpart", "orghead"}  # NER gazetteer classes of place and body words
_COLON_VISARGA = re.compile("([\u0901\u0902])\u0903")
_AA = "\u093e"  # the vowel sign -ा
_MASCULINE_OBLIQUE = ("\u0947", "\u094b\u0902")  # -े, -ों
_GLUED_DIGIT = re.compile(r"[\u0900-\u0963\u0971-\u097f][0-9०-९]|[0-9०-९][\u0900-\u0963\u0971-\u097f]")


def _raw(word: str) -> str:
    """The word without nukta, and without a visarga after a nasal sign: no Hindi word has one, so
    it stands for a colon ("ये भी पढ़ेंः")."""
    return _COLON_VISARGA.sub(r"\1", unicodedata.normalize("NFC", word).replace("\u093c", ""))


def _parse_dictionary() -> dict[str, str]:
    if not (DATA_DIR / "hi_dictionary.tsv").exists():  # pragma: no cover - the list is shipped
        return {}
    return {_raw(row["word_hi"]): row["pos"] for row in data_rows("hi_dictionary.tsv")}


@functools.cache
def _dictionary() -> SortedTable:
    """:func:`_parse_dictionary`, compiled once (:mod:`kg.sortedtable`)."""
    return compiled_tables("plausible", ("dictionary",), (DATA_DIR / "hi_dictionary.tsv", Path(__file__)),
                           lambda: {"dictionary": _parse_dictionary().items()})["dictionary"]


def dictionary_pos(word: str) -> str | None:
    """The part of speech of an ordinary Hindi word form (``"n"``, ``"adj"``, ``"v"``, ``"adv"``), or None.

    Names are not listed (``kg/data/hi_dictionary.tsv``, from HiNER and hindiPOS's tagged corpus).

    Examples
    --------
    A masculine noun in ``-ा`` counts when the dictionary lists only its inflected forms: its
    oblique or plural in ``-े`` or oblique plural in ``-ों`` (``गलियारा`` from ``गलियारे``,
    ``गलियारों``), the paradigm of ``लड़का``, ``लड़के``, ``लड़कों``.

    Examples
    --------
    >>> dictionary_pos("कूटनीति"), dictionary_pos("कूटनीतिक"), dictionary_pos("पुतिन"), dictionary_pos("पढ़ेंः")
    ('n', 'adj', None, 'v')
    >>> dictionary_pos("गलियारा"), dictionary_pos("अंकारा")
    ('n', None)
    """
    raw = _raw(word)
    pos = _dictionary().get(raw)
    if pos is None and len(raw) > 2 and raw.endswith(_AA):
        stem = raw[:-1]
        if any(_dictionary().get(stem + ending) == "n" for ending in _MASCULINE_OBLIQUE):
            return "n"
    return pos


def indefinite(span: Span) -> bool:
    """Whether an indefinite word (एक, कई, किसी, अन्य) stands right before the span.

    Examples
    --------
    >>> import spacy
    >>> doc = spacy.blank("hi")("एक जर्मन अदालत ने कहा")
    >>> indefinite(doc[1:3]), indefinite(doc[0:3])
    (True, False)
    """
    return span.start > 0 and span.doc[span.start - 1].text in INDEFINITE


def cued_places(spans: list[Span]) -> set[tuple[str, ...]]:
    """Norms of the places that a region or river noun stands next to somewhere in the article.

    Such a word is a place name in every mention, even when it is also a common word (कोसी नदी).
    The noun after a list cues every place of the list (``सीतामढी, शिवहर, ... और भोजपुर जिलों``).

    Examples
    --------
    >>> import spacy
    >>> doc = spacy.blank("hi")("सीवान, सारण और पटना जिलों में बारिश")
    >>> places = [Span(doc, i, i + 1, label="City") for i in (0, 2, 4)]
    >>> len(cued_places(places)), len(cued_places(places[:2]))
    (3, 0)
    """
    places = sorted((s for s in spans if s.label_ in {"City", "Region"}), key=lambda s: s.start, reverse=True)
    ends = {s.end: s for s in places}
    cued: list[Span] = [s for s in places if _region_cue(s)]
    for span in cued:  # grows while it is read: each list member cues the one before it
        before = span.doc[span.start - 1].text if span.start > 0 else ""
        previous = ends.get(span.start - 1) if before in LIST_WORDS else None
        if previous is not None and previous not in cued:
            cued.append(previous)
    return {tuple(t.norm_ for t in s) for s in cued}


def _region_cue(span: Span) -> bool:
    doc = span.doc
    after = doc[span.end].text if span.end < len(doc) else ""
    before = doc[span.start - 1].text if span.start > 0 else ""
    return after in REGION_NOUNS or before in REGION_NOUNS


def check_name(span: Span, kinds, people: set[str], cued: frozenset = frozenset()) -> Span | None:  # noqa: ANN001
    """The new name with its type checked, or None when it is no name (see the module docstring).

    ``kinds`` is the pipeline's :class:`kg.nlp.spanrules.WordKinds`; ``people`` holds the norms
    of the words of the article's multi-word person names, ``cued`` those of :func:`cued_places`.
    """
    if any(_GLUED_DIGIT.search(t.text) for t in span):
        return None
    label = span.label_
    if label != "Person" and span.id_ == "model" and personal_name(span, kinds):
        span = Span(span.doc, span.start, span.end, label="Person", kb_id=span.kb_id_, span_id=span.id_)
        label = "Person"
    was_cued = tuple(t.norm_ for t in span) in cued  # "निर्जन सेनकाकू द्वीपों": still cued once trimmed
    if label != "Person":
        span = _trim_adjectives(span, kinds)
    if label == "Person":
        return _person(span, kinds, people)
    if label == "Organization":
        return span if _organization(span, kinds) else None
    if label in {"City", "Region", "Country"}:
        return _place(span, kinds, was_cued or tuple(t.norm_ for t in span) in cued)
    return span


def personal_name(span: Span, kinds) -> bool:  # noqa: ANN001
    """Whether a two- or three-word place or organization is a person's name: a given name first
    (``श्याम बोहरे``) or a Slavic surname last (``वादिम क्रासिकोव``, ``अलसू कुर्माशेवा``).

    No word may be a lexicon name, a place word of the NER gazetteer, an English, frequent or head
    word (``माधव नेशनल पार्क``, ``सेंट पीटर्सबर्ग`` stay what they are; see ``tests/test_plausible.py``).
    """
    from kg.ner.features import gazetteer

    words = list(span)
    classes = [set(gazetteer().get(_raw(t.text), "").split("+")) for t in words]
    if not 2 <= len(words) <= 3 or any(_PLACE_WORD & c for c in classes):
        return False
    if any(_lexicon_name(t, kinds) or kinds.is_head(t.text) or kinds(t.text) not in {"name", "plain"}
           for t in words):
        return False
    return "first" in classes[0] or _raw(words[-1].text).endswith(SLAVIC_SURNAME_ENDINGS)


def glossed(span: Span, kinds) -> bool:  # noqa: ANN001
    """Whether the span is a term glossed in brackets: "प्रतिस्पर्धा (एंटीट्रस्ट)", "ग्रीनहाउस गैस
    (जीएचजी)", "फोटोसिंथेसिस (प्रकाश संश्लेषण)".

    News writes a technical term next to its translation in brackets. A name in brackets follows
    a name, a head noun or a title instead ("राष्ट्रीय खुफिया एजेंसी (एमआईटी)", "मंत्री (जयशंकर)"),
    and a name is followed by a description, not by ordinary words only.

    Examples
    --------
    >>> import spacy
    >>> from kg.nlp.lexicon import load_lexicon
    >>> from kg.nlp.spanrules import WordKinds
    >>> kinds = WordKinds(load_lexicon())
    >>> doc = spacy.blank("hi")("गैस ( जीएचजी ) और एजेंसी ( एमआईटी )")
    >>> glossed(doc[2:3], kinds), glossed(doc[7:8], kinds)
    (True, False)
    """
    doc = span.doc
    before = doc[span.start - 1].text if span.start > 0 else ""
    after = doc[span.end].text if span.end < len(doc) else ""
    if before == "(" and after == ")":
        return span.start > 1 and _ordinary_noun(doc[span.start - 2], kinds)
    if after != "(":
        return False
    close = next((i for i in range(span.end + 1, min(span.end + 6, len(doc))) if doc[i].text == ")"), None)
    inside = list(doc[span.end + 1:close]) if close is not None else []
    return any(_ordinary_noun(t, kinds) for t in inside) \
        and all(_ordinary_noun(t, kinds) or kinds(t.text) == "stop" for t in inside)


def _ordinary_noun(token, kinds) -> bool:  # noqa: ANN001
    """A dictionary word that is no name, title or head noun of a name."""
    return dictionary_pos(token.text) is not None and not _lexicon_name(token, kinds) \
        and kinds(token.text) != "title" and match_key(token.text) not in kinds.lexicon.org_heads


def _lexicon_name(token, kinds) -> bool:  # noqa: ANN001
    return token.norm_ in kinds.lexicon.names or token.norm_ in kinds.lexicon.demonyms


def _common(token, kinds) -> bool:  # noqa: ANN001
    """An ordinary word: listed by the dictionary, or a frequent Hindi or English word, not a lexicon name."""
    if _lexicon_name(token, kinds):
        return False
    return dictionary_pos(token.text) is not None or kinds(token.text) in {"common", "english", "stop"}


def _naming(token, kinds) -> bool:  # noqa: ANN001
    """A word that can name an organization: a name, a scope word, or a word no dictionary lists."""
    if _lexicon_name(token, kinds) or _raw(token.text) in SCOPE_WORDS | IDEOLOGY_WORDS:
        return True
    kind = kinds(token.text)
    return kind == "name" or (kind == "plain" and dictionary_pos(token.text) is None)


def _trim_adjectives(span: Span, kinds) -> Span | None:  # noqa: ANN001
    """Leading adjectives off a name (``वार्षिक रायसीना डायलॉग``, ``निर्जन सेनकाकू``)."""
    doc, start = span.doc, span.start
    while start < span.end - 1 and _adjective(doc[start], kinds) \
            and any(_naming(t, kinds) and not _common(t, kinds) for t in doc[start + 1:span.end]):
        start += 1
    if start == span.start:
        return span
    return Span(span.doc, start, span.end, label=span.label_, kb_id=span.kb_id_, span_id=span.id_)


def _adjective(token, kinds) -> bool:  # noqa: ANN001
    """A descriptive adjective: the dictionary's, not a compass, scope or organization-name word."""
    return dictionary_pos(token.text) == "adj" and token.text not in COMPASS and not _naming(token, kinds) \
        and token.norm_ not in kinds.lexicon.org_words


def _person(span: Span, kinds, people: set[str]) -> Span | None:  # noqa: ANN001
    words = list(span)
    if any(len(kinds.acronym_letters(t.text)) > 1 for t in words):
        return None  # "एफटीसी दिशानिर्देश", "एससी"
    first, last = words[0], words[-1]
    if len(words) == 1 and first.norm_ not in people and not _lexicon_name(first, kinds) \
            and dictionary_pos(first.text) is not None:
        return None  # "विजय" (victory), "नवीन" (new)
    named = any(kinds(t.text) == "name" and len(t.text.strip("-")) > 1 for t in words)  # not "D-"
    if not named and any(dictionary_pos(t.text) == "adj" for t in words):
        return None  # "कूटनीतिक लचीलेपन"
    org_end = kinds.is_head(last.text) or kinds.org_head_word(last.text) or kinds.country_word(last)
    if len(words) > 1 and org_end:
        return Span(span.doc, span.start, span.end, label="Organization", kb_id=span.kb_id_, span_id=span.id_)
    return span


def _organization(span: Span, kinds) -> bool:  # noqa: ANN001
    if indefinite(span) and span.id_ != "model":
        return False  # "कई हैकर समूह", "एक तेल और गैस निगम"
    words = list(span)
    headed = len(words) > 1 and kinds.is_head(words[-1].text)
    body = words[:-1] if headed else words
    if headed and words[-1].norm_ in MINISTRIES and all(t.norm_ in kinds.lexicon.org_words for t in body):
        return True  # "विदेश मंत्रालय": a ministry of the article's state
    if headed:  # a scope word alone does not name one: "अंतरराष्ट्रीय मंच" (an international stage)
        named = [t for t in body if _naming(t, kinds)]
        scope_only = len(body) == 1 and _raw(body[0].text) in WORLD_WORDS
        return (bool(named) and not scope_only) or _english_institution(words, kinds)
    if span.id_ != "model":
        return True
    if _lexicon_name(words[0], kinds) and len(words) > 1:
        return not all(_hindi_common(t, kinds) for t in words[1:])  # "रूस सैन्य", not "चेन्नई सुपर किंग्स"
    return any(_naming(t, kinds) and not _common(t, kinds) for t in words)


def _hindi_common(token, kinds) -> bool:  # noqa: ANN001
    """An ordinary Hindi word, not an English loan (सैन्य, शीत; not सुपर, किंग्स)."""
    from kg.english import english_word

    return _common(token, kinds) and english_word(token.text) is None


def _english_noun(token, kinds) -> bool:  # noqa: ANN001
    """An English word that is no name or place of the English name lists (बराज: barrage)."""
    from kg.english import english_word
    from kg.nlp.spanrules import english_names

    english = None if kinds(token.text) == "name" else english_word(token.text)
    return english is not None and english.lower() not in english_names()


def _english_institution(words: list, kinds) -> bool:  # noqa: ANN001
    """An institution's head after English words only: "किंग्स कॉलेज", "स्टैनफोर्ड विश्वविद्यालय"."""
    from kg.nlp.names import spell_word

    head = kinds.lexicon.org_heads.get(words[-1].norm_) or spell_word(words[-1].text) or ""
    return head.lower() in INSTITUTION_HEADS and all(spell_word(t.text) is not None for t in words[:-1])


def _place(span: Span, kinds, cued: bool) -> Span | None:  # noqa: ANN001
    words = list(span)
    if span.id_ != "model":
        return span
    if not cued and all(_common(t, kinds) or _english_noun(t, kinds) for t in words):
        return None  # "खाड़ी", "दलदल", "दक्षिणी बंदरगाह", "बराज" (barrage)
    if len(words) == 1 and kinds.acronym_letters(words[0].text):
        return None  # "केएसए": a spelled acronym is no city
    if all(t.text in REGION_NOUNS for t in words):
        return None  # "कुर्स्क ओब्लास्ट": the noun after a place is no place of its own
    doc = span.doc
    compass = len(words) > 1 and words[0].text in COMPASS  # पश्चिम चंपारण: a district, not a town
    if span.label_ == "City" and (cued or compass or words[-1].text.endswith("स्तान")):
        return Span(doc, span.start, span.end, label="Region", kb_id=span.kb_id_, span_id=span.id_)
    return span


def genitive_owner(doc: Doc, spans: list[Span], inner: int, start: int, end: int) -> Span | None:
    """The country in "X के/की/का <state organ>" (``रूस के रक्षा मंत्रालय``, ``माली की सेना``), or None.

    ``doc[start:end]`` is the organ's head word, ``doc[inner:start]`` the words glossed before it
    and ``spans`` the names found so far. Two owners (``भारत और ब्रिटेन की सेना``) give None.
    """
    if inner < 2 or doc[inner - 1].norm_ not in {"के", "की", "का"}:
        return None
    if " ".join(t.norm_ for t in doc[start:end]) not in STATE_ORGANS:
        return None
    countries = {s.end: s for s in spans if s.label_ == "Country" and s.id_ in {"name", "metonym"}}
    owner = countries.get(inner - 1)
    if owner is not None and owner.start > 0 and doc[owner.start - 1].norm_ in {"और", "व", "तथा", ","} \
            and owner.start - 1 in countries:
        return None
    return owner
