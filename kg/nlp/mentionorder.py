"""In which order the canonicalizer gives mentions their keys, and which mentions share one.

Two habits of news text split one entity into two when keys are found strictly in text order:

* an abbreviation in brackets right after an organization's name is that organization
  (``संघीय व्यापार आयोग (FTC)``, ``राष्ट्रीय खुफिया एजेंसी (एमआईटी)``, ``मौसम विज्ञान विभाग
  (आईएमडी)``): :func:`bracketed_acronyms` pairs the two mentions;
* a headline names a person by part of the name (``पूर्व PM इमरान बोले``) before the body
  gives it in full: :func:`key_order` finds the keys of full person names first, so the
  short form can join the full name wherever it stands.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence

from spacy.tokens import Span

__all__ = ["acronym_letters", "bracketed_acronyms", "bracketed_letters", "is_acronym", "key_order"]

_LATIN_ACRONYM = re.compile(r"[a-z]?[A-Z][A-Z0-9&]*(?:[-.][A-Z0-9&]+)*\.?")
_OPEN, _CLOSE = {"(", "["}, {")", "]"}


def is_acronym(span: Span) -> bool:
    """Whether a mention is an abbreviation: Latin capitals (``FTC``, ``CSP-DPA``, ``iCET``) or
    Hindi letter names (``एफटीसी``).

    Examples
    --------
    >>> import spacy
    >>> doc = spacy.blank("hi")("FTC एफटीसी आयोग Reuters")
    >>> [is_acronym(doc[i:i + 1]) for i in range(4)]
    [True, True, False, False]
    """
    from kg.english import spell_acronym

    text = span.text.replace(" ", "")
    if text.isascii():
        return len(re.sub(r"[^A-Z]", "", text)) >= 2 and _LATIN_ACRONYM.fullmatch(text) is not None
    words = [t.text for t in span if t.text not in {"-", "."}]
    return bool(words) and all(spell_acronym(w) for w in words)


def acronym_letters(span: Span) -> str:
    """The Latin letters an abbreviation spells, the same in both scripts (``एफटीसी``, ``FTC``).

    Examples
    --------
    >>> import spacy
    >>> doc = spacy.blank("hi")("एफटीसी FTC")
    >>> acronym_letters(doc[0:1]), acronym_letters(doc[1:2])
    ('FTC', 'FTC')
    """
    from kg.english import spell_acronym

    if span.text.isascii():
        return re.sub(r"[^A-Z0-9]", "", span.text.upper())
    return "".join(spell_acronym(t.text) or "" for t in span if t.text not in {"-", "."})


def _bracketed(span: Span) -> Span | None:
    """The words in brackets right after a mention (``आयोग (FTC)``), at most three, or None."""
    doc = span.doc
    if span.end >= len(doc) or doc[span.end].text not in _OPEN:
        return None
    for end in range(span.end + 2, min(span.end + 5, len(doc))):
        if doc[end].text in _CLOSE:
            return doc[span.end + 1:end]
    return None


def bracketed_letters(spans: Sequence[Span]) -> dict[str, int]:
    """``letters -> index`` of the organization an abbreviation in brackets after it names,
    also where the abbreviation itself is no mention (a Latin ``(FTC)`` the model skips)."""
    found: dict[str, int] = {}
    for i, span in enumerate(spans):
        inside = _bracketed(span) if span.label_ == "Organization" and not is_acronym(span) else None
        if inside is not None and is_acronym(inside):
            found.setdefault(acronym_letters(inside), i)
    return found


def bracketed_acronyms(spans: Sequence[Span], known: Callable[[Span], bool]) -> dict[int, int]:
    """``target index -> source index``: mentions that take the key of another mention.

    An abbreviation in brackets right after an organization's name (or after a name of its
    own type) names the same entity. The abbreviation takes the name's key, except that a
    new name takes the key of a known abbreviation (``known``: a lexicon mention). Two known
    entities are left apart. A new abbreviation anywhere else in the text that spells the same
    letters as a bracketed one (:func:`bracketed_letters`) takes that organization's key too.
    """
    found: dict[int, int] = {}
    for j in range(1, len(spans)):
        name, abbr = spans[j - 1], spans[j]
        doc = abbr.doc
        if not (name.end + 1 == abbr.start and doc[name.end].text in _OPEN and abbr.end < len(doc)
                and doc[abbr.end].text in _CLOSE):
            continue
        if not is_acronym(abbr) or is_acronym(name):
            continue
        if name.label_ != "Organization" and name.label_ != abbr.label_:
            continue  # "रूस-भारत-चीन (RIC)": China is not RIC
        if not known(abbr):
            found[j] = j - 1
        elif not known(name) and abbr.label_ == "Organization":
            found[j - 1] = j
    letters = bracketed_letters(spans)
    for i, span in enumerate(spans):  # the abbreviation elsewhere, even before (a headline's आईएमडी)
        source = letters.get(acronym_letters(span)) if i not in found and is_acronym(span) else None
        if source is not None and source != i and not known(span):
            found[i] = source
    return found


def key_order(spans: Sequence[Span], joined: dict[int, int]) -> list[int]:
    """Indices of ``spans`` in the order their keys are found.

    Multi-word person names come first, then the rest in text order; a mention that takes
    another's key (``joined``) comes right after that one.
    """
    first = [i for i, s in enumerate(spans) if s.label_ == "Person" and len(s) > 1 and i not in joined]
    firsts = set(first)
    rest = [i for i in range(len(spans)) if i not in joined and i not in firsts]
    after: dict[int, list[int]] = {}
    for target, source in joined.items():
        after.setdefault(source, []).append(target)
    order: list[int] = []

    def put(i: int) -> None:
        order.append(i)
        for target in after.get(i, []):
            put(target)

    for i in first + rest:
        put(i)
    return order
