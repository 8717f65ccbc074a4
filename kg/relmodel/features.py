"""Features of a candidate pair: what lies between, around and after two mentions in a sentence.

Hindi is verb-final and marks roles with postpositions, so the features that matter are the
case marker after each argument (``ने``, ``को``, ``से``, ``पर``, ``का/के/की``, ``के साथ``,
``के बीच``, ``के खिलाफ``, ``के लिए``), the words between the two and after the later one up
to the end of its clause (where the verb is), their order and distance, clause and list
boundaries between them (``कि``, ``जबकि``, commas, coordination), the trigger words of the
rule frames, which rule fired on the pair, negation, and whether the sentence is the headline.

Words are used as their lexicon keys (:func:`kg.nlp.normalize.match_key`) and as a crude stem
(:func:`stem`: inflection endings removed), since blank spaCy has no Hindi lemmatizer.
"""

from __future__ import annotations

import functools
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field

from kg.nlp.args import Arg
from kg.nlp.frames import FRAMES
from kg.nlp.markers import BOUNDARIES
from kg.nlp.modality import NEGATIONS, PLANNED_WORDS
from kg.nlp.triggers import parse_trigger

__all__ = ["SentenceView", "pair_features", "stem", "trigger_predicates", "distance_bucket"]

# Inflection endings of nouns, adjectives and verbs (longest first): हमलों/हमले/हमला -> हमल
_ENDINGS = tuple(sorted("""ों ें ीं ाएं ाएँ ियों ियां ाओं ाई ाए ाया ाये ाती ाते ाता ाना ाने ेंगे ेगा ेगी ोगे ा े ी ीय
ीयों ता ते ती ना ने नी या ये ई ए""".split(), key=len, reverse=True))
_PUNCT = {",", "।", ".", "|", ";", ":", "-", "–", "—", "'", '"', "(", ")", "‘", "’", "“", "”", "!", "?"}
_COMMA = {",", ";"}
_WINDOW_AFTER = 8
_WINDOW_BETWEEN = 6  # words kept from each end of a long stretch between the two mentions


@functools.lru_cache(maxsize=200_000)
def stem(word: str) -> str:
    """The word without its inflection ending (at least two letters are kept).

    Examples
    --------
    >>> stem("हमलों"), stem("हमले"), stem("हमला"), stem("यात्रा"), stem("पर")
    ('हमल', 'हमल', 'हमल', 'यात्र', 'पर')
    """
    for ending in _ENDINGS:
        if word.endswith(ending) and len(word) - len(ending) >= 2:
            return word[: -len(ending)]
    return word


@functools.cache
def _trigger_index() -> tuple[dict[str, frozenset[str]], tuple[tuple[str, str], ...]]:
    """Exact words and prefixes that open a frame's trigger, with their predicates."""
    exact: dict[str, set[str]] = {}
    prefixes: set[tuple[str, str]] = set()
    for frame in FRAMES:
        for word, is_prefix in parse_trigger(frame.trigger)[0]:
            if is_prefix:
                prefixes.add((word, frame.predicate))
            else:
                exact.setdefault(word, set()).add(frame.predicate)
    return {w: frozenset(p) for w, p in exact.items()}, tuple(sorted(prefixes))


@functools.lru_cache(maxsize=65536)
def trigger_predicates(norm: str) -> frozenset[str]:
    """Predicates whose rule trigger can start with this word.

    Examples
    --------
    >>> sorted(trigger_predicates("हमले")), sorted(trigger_predicates("सरकार"))
    (['attacks'], [])
    """
    exact, prefixes = _trigger_index()
    found = set(exact.get(norm, ()))
    found.update(p for w, p in prefixes if norm.startswith(w))
    return frozenset(found)


def distance_bucket(gap: int) -> str:
    """Coarse distance in tokens: ``0``, ``1``, ``2``, ``3-4``, ``5-7``, ``8-12``, ``13-20``, ``21+``.

    Examples
    --------
    >>> [distance_bucket(n) for n in (0, 3, 9, 40)]
    ['0', '3-4', '8-12', '21+']
    """
    for limit, name in ((0, "0"), (1, "1"), (2, "2"), (4, "3-4"), (7, "5-7"), (12, "8-12"), (20, "13-20")):
        if gap <= limit:
            return name
    return "21+"


@dataclass
class SentenceView:
    """One sentence as the features see it (token norms of the whole document)."""

    norms: Sequence[str]
    start: int
    end: int
    headline: bool = False
    index: int = 0
    memo: dict[tuple[str | int, ...], list[str]] = field(default_factory=dict, repr=False, compare=False)

    def cached(self, key: tuple[str | int, ...], make: Callable[[], list[str]]) -> list[str]:
        """``make()``, made once per ``key`` in this sentence (its pairs share stretches of words)."""
        found = self.memo.get(key)
        if found is None:
            found = self.memo[key] = make()
        return found

    def clause_end(self, i: int) -> int:
        """First boundary word at or after ``i`` (or the sentence end)."""
        for j in range(i, self.end):
            if self.norms[j] in BOUNDARIES:
                return j
        return self.end


@functools.lru_cache(maxsize=400_000)
def _word_features(tag: str, word: str) -> tuple[str, ...]:
    """``tag:word`` and ``tags:stem`` (when the stem differs); nothing for punctuation."""
    if word in _PUNCT or word.isspace():
        return ()
    s = stem(word)
    return (f"{tag}:{word}",) if s == word else (f"{tag}:{word}", f"{tag}s:{s}")


def _words(norms: Sequence[str], start: int, end: int, tag: str) -> Iterable[str]:
    for w in norms[start:end]:
        yield from _word_features(tag, w)


def _between(view: SentenceView, left: Arg, right: Arg) -> list[str]:
    norms, lo, hi = view.norms, left.end, right.start
    feats = []
    if hi - lo > 2 * _WINDOW_BETWEEN:
        feats += _words(norms, lo, lo + _WINDOW_BETWEEN, "bw")
        feats += _words(norms, hi - _WINDOW_BETWEEN, hi, "bw")
    else:
        feats += _words(norms, lo, hi, "bw")
    commas = 0
    for w in norms[lo:hi]:
        if w in BOUNDARIES:
            feats.append(f"bb:{w}")
        commas += w in _COMMA
        feats += (f"tb:{p}" for p in trigger_predicates(w))
    feats.append(f"nc:{min(commas, 3)}")
    if hi > lo and all(w in {"-", "–"} for w in norms[lo:hi]) and hi < view.end:
        # a compound "रूस-यूक्रेन युद्ध", "भारत-जापान वार्ता": the noun after it says what links them
        feats += ["hy", f"hy:{stem(norms[right_end(view, right)])}"]
    return feats


def right_end(view: SentenceView, right: Arg) -> int:
    """The token after the later mention (the sentence's last token if there is none)."""
    return min(right.end, view.end - 1)


def _after(view: SentenceView, right: Arg) -> list[str]:
    norms = view.norms
    stop = min(view.clause_end(right.end), right.end + _WINDOW_AFTER)
    feats = list(_words(norms, right.end, stop, "aw"))
    for w in norms[right.end:view.clause_end(right.end)]:
        feats += (f"ta:{p}" for p in trigger_predicates(w))
        if w in NEGATIONS:
            feats.append("neg")
        if w in PLANNED_WORDS:
            feats.append("plan")
    return feats


def pair_features(view: SentenceView, subj: Arg, obj: Arg) -> list[str]:
    """Features of ``subj`` as subject and ``obj`` as object of some relation in ``view``.

    Examples
    --------
    >>> norms = "रूस ने यूक्रेन पर हमला किया".split()
    >>> s, o = Arg(0, 1, ("Q159",), "Country", "name"), Arg(2, 3, ("Q212",), "Country", "name")
    >>> s.marker, o.marker = "ने", "पर"
    >>> feats = pair_features(SentenceView(norms, 0, len(norms)), s, o)
    >>> [f for f in feats if f.startswith(("mm:", "ord:", "ta:", "d:"))]
    ['mm:ने>पर', 'ord:so', 'd:1', 'ta:attacks']
    """
    left, right = (subj, obj) if subj.start < obj.start else (obj, subj)
    feats = [
        f"t:{subj.type}>{obj.type}", f"ms:{subj.marker}", f"mo:{obj.marker}",
        f"mm:{subj.marker}>{obj.marker}",
        f"ord:{'so' if subj is left else 'os'}", f"d:{distance_bucket(right.start - left.end)}",
        f"ks:{subj.kind}", f"ko:{obj.kind}", f"ml:{left.marker}", f"mr:{right.marker}",
    ]
    if subj.group >= 0 and subj.group == obj.group:
        feats.append("coord")
    for tag, arg in (("s", subj), ("o", obj)):
        if arg.extra.get("anchor"):
            feats.append(f"anchor_{tag}")
    if view.headline:
        feats.append("head")
    elif view.index <= 2:
        feats.append("lead")
    feats += view.cached(("between", left.end, right.start, right.end), lambda: _between(view, left, right))
    feats += view.cached(("after", right.end), lambda: _after(view, right))
    feats += _words(view.norms, max(view.start, left.start - 2), left.start, "lw")
    return feats
