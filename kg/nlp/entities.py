"""Entity recognition rules: the lexicon ruler and the name-pattern rules.

Both components write to ``doc.spans["kg_mentions"]``: each span's label is
the entity type, ``kb_id_`` the lexicon key (empty for new names) and ``id_``
the kind of mention (``name``, ``demonym``, ``metonym``, ``title``, ``orghead``,
``model``).
"""

from __future__ import annotations

from collections.abc import Callable

import numpy
from spacy.attrs import NORM
from spacy.lang.hi.stop_words import STOP_WORDS
from spacy.language import Language
from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc, Span
from spacy.util import filter_spans

from kg.nlp.aliasnorms import AliasNorms, tokenized_norms
from kg.nlp.compass import compass_names
from kg.nlp.foreignnames import foreign_names
from kg.nlp.lexicon import Lexicon, word_frequency_class
from kg.nlp.mediacues import media_names
from kg.nlp.normalize import match_key
from kg.nlp.placecues import town_names
from kg.nlp.plausible import genitive_owner
from kg.nlp.sentences import dateline, token_texts
from kg.nlp.spanrules import WordKinds, clean_names
from kg.nlp.state import MENTIONS, NORMS, ORGAN_DEMONYMS, setdefault
from kg.nlp.timex import MONTHS, WEEKDAYS

__all__ = ["MENTIONS", "LexiconRuler", "NamePatterns", "is_name_like"]

LOCATIVE = {"में", "से", "स्थित", "पहुंचे", "पहुंचा", "पहुंची", "पहुंचने", "तक"}
_STOP = (
    {match_key(w) for w in STOP_WORDS}
    | {match_key(w) for w in (*MONTHS, *WEEKDAYS)}
    | {
        "ने",
        "को",
        "से",
        "में",
        "पर",
        "का",
        "की",
        "के",
        "और",
        "या",
        "तथा",
        "एवं",
        "व",
        "द्वारा",
        "लिए",
    }
)
MAX_NAME_TOKENS = 4
# Titles that are titles only after a genitive ("सरकार के प्रमुख X"); alone "प्रमुख" means "main"
GENITIVE_TITLES = {("प्रमुख",)}
# Words at most this common (Zipf < 4.5 in wordfreq's Hindi list) can end an organization's
# name after a place: इंडियंस, किंग्स, रेंजर्स; not सरकार, टीम, सैनिक.
RARE_ZIPF_CLASS = 8
# Words before a company's name: "विमान निर्माता एयरबस", "अमेरिकी कंपनी बोइंग"
_ORG_CUES: dict[str, list[tuple[str, ...]]] = {w: [(w,)] for w in ("निर्माता", "कंपनी", "फर्म", "समूह")}
# Generic adjectives that do not open an organization's name ("एक निचली अदालत" is no name)
_NOT_IN_NAMES = {match_key(w) for w in ("निचली", "निचले", "ऊपरी", "स्थानीय", "विशेष", "किसी", "नई", "नया",
                                         "नए", "पुरानी", "पुराने", "बड़ी", "बड़े", "छोटी", "अपनी", "अपने",
                                         "सरकारी", "निजी", "संबंधित")}


def is_name_like(token_key: str, common: frozenset[str]) -> bool:
    """Whether a token (given by its match key) can be part of a proper name.

    Examples
    --------
    >>> is_name_like("पुतिन", frozenset())
    True
    >>> is_name_like("ने", frozenset())
    False
    """
    if not token_key or token_key in _STOP or token_key in common:
        return False
    first = token_key[0]
    return first.isalpha() or "\u0900" <= first <= "\u097f"




def set_norms(doc: Doc) -> list[str]:
    """Store the lexicon match key of every token in ``token.norm_``.

    The list of keys is also kept in ``doc._.kg_norms`` for later
    components (reading it is much faster than iterating tokens again).
    """
    norms = [match_key(text) for text in token_texts(doc)]
    if norms:
        hashes = numpy.array([doc.vocab.strings.add(k) for k in norms], dtype="uint64")
        doc.from_array([NORM], hashes.reshape(-1, 1))
    doc._.set(NORMS, norms)
    return norms


class LexiconRuler:
    """Mark lexicon names, demonyms and metonyms with a phrase matcher on norms.

    Parameters
    ----------
    nlp : Language
        The pipeline (its tokenizer splits the lexicon aliases).
    lexicon : Lexicon
        The tables to match.
    alias_norms : callable, optional
        ``aliases -> their token norms`` by ``nlp``'s tokenizer (:mod:`kg.nlp.aliasnorms`; default: tokenize).
    """

    def __init__(self, nlp: Language, lexicon: Lexicon, alias_norms: AliasNorms | None = None) -> None:
        self.lexicon = lexicon
        self.matcher = PhraseMatcher(nlp.vocab, attr="NORM")
        tables = {"name": lexicon.names, "demonym": lexicon.demonyms, "metonym": lexicon.metonyms}
        aliases = sorted(set().union(*tables.values()))
        norms = dict(zip(aliases, (alias_norms or tokenized_norms(nlp))(aliases), strict=True))
        # Keyed by the aliases' token norms joined with spaces, as matched in a Doc; a pattern is
        # the NORM hashes of an alias's tokens (what PhraseMatcher reads from a Doc of it).
        self._tables: dict[str, dict[str, str]] = {kind: {} for kind in tables}
        for kind, table in tables.items():
            for alias in sorted(table):
                self._tables[kind].setdefault(" ".join(norms[alias]), table[alias])
            self.matcher.add(kind, [[nlp.vocab.strings.add(n) for n in norms[a]] for a in sorted(table)])

    def __call__(self, doc: Doc) -> Doc:
        norms = set_norms(doc)
        candidates = [self._span(doc, norms, m, s, e) for m, s, e in self.matcher(doc)]
        spans = filter_spans([c for c in candidates if c is not None])
        lexicon = self.lexicon
        found = [*compass_names(doc, norms, spans, lexicon), *foreign_names(doc, norms, spans, lexicon)]
        spans = filter_spans([*found, *spans])
        doc.spans[MENTIONS] = sorted(spans, key=lambda s: s.start)
        return doc

    def _span(self, doc: Doc, norms: list[str], match_id: int, start: int, end: int) -> Span | None:
        kind = doc.vocab.strings[match_id]
        alias = " ".join(norms[start:end])
        key = self._tables[kind].get(alias)
        if key is None:
            return None
        if kind == "demonym" and end < len(norms) and norms[end] == "मूल":
            return None  # "भारतीय मूल की X": an origin, no state acting
        if kind == "metonym" and alias in self._tables["name"] and self._locative(doc, norms, start, end):
            return None  # "मास्को में": the city itself, not the government
        entry = self.lexicon.entries[key]
        return Span(doc, start, end, label=entry.type, kb_id=key, span_id=kind)

    def _locative(self, doc: Doc, norms: list[str], start: int, end: int) -> bool:
        """The place itself, not its government: in the dateline, before ``में`` / ``से`` ..., or
        owning a local body (``दिल्ली की एक अदालत``, ``मास्को के अस्पताल``)."""
        line = dateline(doc)
        if line and line[0] <= start <= line[1]:
            return True
        if start > 0 and (norms[start - 1] in self.lexicon.org_heads or norms[start - 1] == "राजधानी"):
            return True  # "किंग्स कॉलेज लंदन": in an organization's name; "राजधानी कीव": the city
        if end < len(norms) and norms[end] in LOCATIVE:
            return True
        if end + 1 < len(norms) and norms[end] in {"के", "की", "का"}:
            head = norms[end + 2] if norms[end + 1] == "एक" and end + 2 < len(norms) else norms[end + 1]
            return head in self.lexicon.org_heads
        return False


class NamePatterns:
    """Find names the lexicon lacks: after person titles, before organization head nouns.

    Also adds spans predicted by a statistical model (``doc.spans[model_key]``)
    where no rule or lexicon span overlaps them.
    """

    def __init__(
        self, lexicon: Lexicon, model_key: str = "ner_model", refine: Callable[[Span], str] | None = None
    ) -> None:
        self.lexicon = lexicon
        self.model_key = model_key
        self.refine = refine or (lambda span: "City" if span.label_ == "Location" else span.label_)
        self._titles = _by_length(lexicon.person_titles)
        self._title_words = {w for key in lexicon.person_titles for w in key.split()}
        self._heads = _by_length(lexicon.org_heads)
        self._kinds = WordKinds(lexicon)

    def __call__(self, doc: Doc) -> Doc:
        # Priority, measured on HiNER dev (bench/eval_ner_combination.py): lexicon names first;
        # a name after a title cue next, where it covers a model span (the model often cuts
        # foreign names short); then the statistical model; head-noun patterns last.
        spans = self._without_bare_surnames(doc, list(doc.spans.get(MENTIONS, [])))
        taken = {i for s in spans for i in range(s.start, s.end)}
        titled = self._title_names(doc, set(taken))
        named = taken | {i for t in titled for i in range(t.start, t.end)}
        titled += town_names(doc, _norms(doc), named, self._kinds, spans)
        titled += media_names(doc, spans, named, self._kinds)
        places = {s.end: s for s in spans if s.label_ in {"City", "Country", "Region"} and s.id_ != "demonym"}
        model = []
        for span, absorbed in self._model_spans(doc, places):
            own = range(absorbed.end if absorbed else span.start, span.end)
            if not taken.intersection(own):
                model.append(span)
                if absorbed is not None:
                    spans.remove(absorbed)
        model = [m for m in model if not any(t.start <= m.start and m.end <= t.end for t in titled)]
        covered = {i for s in model for i in range(s.start, s.end)}
        titled = [t for t in titled if not covered.intersection(range(t.start, t.end))]
        taken |= covered | {i for t in titled for i in range(t.start, t.end)}
        new = titled + self._org_names(doc, spans, taken)
        merged = filter_spans([*new, *spans, *model])  # organs replace their demonym
        doc.spans[MENTIONS] = clean_names(doc, merged, self._kinds)
        return doc

    def _without_bare_surnames(self, doc: Doc, spans: list[Span]) -> list[Span]:
        """Drop a one-word lexicon name that the model reads as part of a longer name.

        "मिशेल ओबामा" is not Barack Obama and "यूनुस खान" not Muhammad Yunus: where a model
        Person span adds name words (not titles) around a one-word lexicon person, the
        lexicon match goes and the model's longer name can take its place.
        """
        inside = set()
        for m in doc.spans.get(self.model_key, []):
            if m.label_ == "Person" and len(m) > 1 and not any(t.norm_ in self._title_words for t in m):
                inside.update(range(m.start, m.end))
        return [s for s in spans if not (s.label_ == "Person" and len(s) == 1 and s.start in inside)]

    def _title_names(self, doc: Doc, taken: set[int]) -> list[Span]:
        """Names after person titles (राष्ट्रपति X) and after company cues (विमान निर्माता X)."""
        found = []
        norms = _norms(doc)
        cues = [(s, e, "Person") for s, e in _find(norms, self._titles)
                if tuple(norms[s:e]) not in GENITIVE_TITLES or (s > 0 and norms[s - 1] in {"के", "की", "का"})]
        cues += [(s, e, "Organization") for s, e in _find(norms, _ORG_CUES)]
        for _start, end, label in sorted(cues):
            stop = end
            while stop < len(doc) and stop - end < MAX_NAME_TOKENS and stop not in taken:
                if not self._name_word(norms, stop, first=stop == end):
                    break
                stop += 1
            if stop > end and norms[stop - 1] == "-":
                stop -= 1
            if stop > end:
                found.append(Span(doc, end, stop, label=label, span_id="title"))
                taken.update(range(end, stop))
        return found

    def _name_word(self, norms: list[str], i: int, first: bool) -> bool:
        """Can word ``i`` continue a name after a title?

        A common word may open a name (``लाई चिंग-ते``, ``ली क्यांग``) only when it is very short
        or a hyphenated part follows; a hyphen joins two name words.
        """
        common = self.lexicon.common_words
        if _find_at(norms, i, self._titles) is not None:
            return False
        nxt = norms[i + 1] if i + 1 < len(norms) else ""
        if norms[i] == "-":
            return not first and is_name_like(nxt, frozenset())
        if is_name_like(norms[i], common):
            return True
        hyphen = "-" in norms[i + 1:i + 4]
        return (first and is_name_like(norms[i], frozenset()) and (is_name_like(nxt, common) or nxt == "-")
                and (hyphen or len(norms[i]) <= 2))

    def _org_names(self, doc: Doc, spans: list[Span], taken: set[int]) -> list[Span]:
        demonym_end = {s.end: s for s in spans if s.id_ == "demonym"}
        place_end = {s.end: s for s in spans if s.label_ in {"City", "Country", "Region"}}
        found = []
        for start, end in _find(_norms(doc), self._heads):
            if any(i in taken for i in range(start, end)):
                continue
            inner = start
            while inner > 0 and doc[inner - 1].norm_ in self.lexicon.org_words and inner - 1 not in taken:
                inner -= 1  # "अमेरिकी वाणिज्य विभाग": glossed words between demonym and head
            owner = demonym_end.get(inner) or genitive_owner(doc, spans, inner, start, end)
            if owner is not None:  # "अमेरिकी दूतावास", "माली की सेना": an organ of that state
                dem = owner
                words = [self.lexicon.org_words[t.norm_] for t in doc[inner:start]]
                setdefault(doc, ORGAN_DEMONYMS, dict)[dem.start] = dem.end
                head = " ".join([*words, self.lexicon.org_heads[" ".join(t.norm_ for t in doc[start:end])]])
                found.append(
                    Span(
                        doc,
                        dem.start,
                        end,
                        label="Organization",
                        kb_id=f"{dem.kb_id_}|{head}",
                        span_id="organ",
                    )
                )
                continue
            left = start
            while (
                start - left < MAX_NAME_TOKENS
                and left - 1 >= 0
                and left - 1 not in taken
                and _org_word(doc[left - 1], self.lexicon)
            ):
                left -= 1
            place = place_end.get(left) if left < start else None
            if place is not None and place.id_ in {"name", "metonym"}:
                left = place.start  # "इस्लामाबाद उच्च न्यायालय": the place is part of the name
                spans.remove(place)
            if left < start:
                found.append(Span(doc, left, end, label="Organization", span_id="orghead"))
                taken.update(range(left, end))
        return found

    def _model_spans(self, doc: Doc, places: dict[int, Span]) -> list[tuple[Span, Span | None]]:
        """Model spans to use, each with the lexicon place it absorbs (or None).

        An organization absorbs the place just before it when it ends in a head noun
        ("इस्लामाबाद" + "उच्च न्यायालय"), and the place it opens with when its last word is
        rare ("चेन्नई सुपर किंग्स", "पाकिस्तान रेंजर्स"; not "पाकिस्तान सरकार", "मास्को न्यायालय").
        """
        out = []
        opening = {s.start: s for s in places.values()}
        for span in doc.spans.get(self.model_key, []):
            if span.label_ not in {"Person", "Organization", "Location"} or self._place_adjective(span):
                continue
            if not any("\u0900" <= c <= "\u097f" for c in span.text):
                continue  # trained on Devanagari: a Latin "HANOI" is a dateline, not a name it knows
            place = places.get(span.start)
            if span.label_ != "Organization" or len(span) < 2 or span[-1].norm_ not in self.lexicon.org_heads:
                place = None
            inner = opening.get(span.start)
            if (span.label_ == "Organization" and inner is not None and inner.end < span.end
                    and self._name_tail(span[inner.end - span.start :])):
                place = inner
            start = place.start if place else span.start
            out.append((Span(doc, start, span.end, label=self.refine(span), span_id="model"), place))
        return out

    @staticmethod
    def _name_tail(tail: Span) -> bool:
        """Whether the words after a place make it a name of its own: the last one is rare.

        A common head noun is not enough: in "मास्को न्यायालय के अधिकार क्षेत्र को मान्यता नहीं
        देता" Moscow (Russia) is the subject and the court is another one.
        """
        frequency = word_frequency_class(tail[-1].text)
        return frequency == "none" or int(frequency) <= RARE_ZIPF_CLASS

    def _place_adjective(self, span: Span) -> bool:
        """``एशियाई``, ``पश्चिमी देशों``: an adjective of a known place, or a common noun, not a name."""
        last = span[-1].norm_
        if last in self.lexicon.common_words:
            return True
        for suffix in ("ीय", "ई", "ी"):
            stem = last[: -len(suffix)]
            if last.endswith(suffix) and (stem in self.lexicon.names or stem + "ा" in self.lexicon.names):
                return True
        return last in self.lexicon.demonyms


def _norms(doc: Doc) -> list[str]:
    return doc._.get(NORMS) or [t.norm_ for t in doc]


def _org_word(token, lexicon: Lexicon) -> bool:  # noqa: ANN001 - spaCy Token
    """A word that can stand in an organization's name before its head noun.

    Common Hindi words stop the name unless they are usual in names (``राष्ट्रीय``).
    """
    key = token.norm_
    if not key or key in _STOP or token.is_punct and token.text != "-":
        return False
    if key in _NOT_IN_NAMES or key in lexicon.common_words and key not in lexicon.org_words:
        return False
    return key[0].isalpha() or "\u0900" <= key[0] <= "\u097f" or token.text == "-"


Phrases = dict[str, list[tuple[str, ...]]]


def _by_length(table: dict[str, str]) -> Phrases:
    """Index multi-word keys by their first word, longest first."""
    index: Phrases = {}
    for phrase in sorted({tuple(k.split()) for k in table}, key=lambda p: (-len(p), p)):
        index.setdefault(phrase[0], []).append(phrase)
    return index


def _find_at(norms: list[str], i: int, phrases: Phrases) -> int | None:
    for phrase in phrases.get(norms[i], ()):
        end = i + len(phrase)
        if end <= len(norms) and tuple(norms[i:end]) == phrase:
            return end
    return None


def _find(norms: list[str], phrases: Phrases) -> list[tuple[int, int]]:
    hits = []
    i = 0
    while i < len(norms):
        end = _find_at(norms, i, phrases)
        if end is not None:
            hits.append((i, end))
            i = end
        else:
            i += 1
    return hits
