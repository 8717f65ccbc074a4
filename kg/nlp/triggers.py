"""Trigger words of relation frames: parsing, matching, and where a trigger is only asked for.

Examples
--------
>>> hit("दौरे", parse_trigger("दौर*")[0])
True
"""

from __future__ import annotations

from collections.abc import Sequence

from spacy.tokens import Span

from kg.nlp.normalize import match_key

__all__ = ["Trigger", "FirstWords", "demanded", "hit", "is_headline", "match_rest", "parse_trigger"]

Trigger = tuple[tuple[tuple[str, bool], ...], ...]


def parse_trigger(text: str) -> Trigger:
    """Parse ``"संबंध*|रिश्त* + मजबूत"`` into parts of (word, is_prefix) alternatives.

    Examples
    --------
    >>> parse_trigger("वारंट + जारी")
    ((('वारंट', False),), (('जारी', False),))
    """
    return tuple(
        tuple((match_key(alt.rstrip("*")), alt.endswith("*")) for alt in part.strip().split("|"))
        for part in text.split("+")
    )


def hit(norm: str, alts: tuple[tuple[str, bool], ...]) -> bool:
    """Whether ``norm`` is one of the alternatives (a word, or a prefix when marked so)."""
    return any(norm.startswith(w) if prefix else norm == w for w, prefix in alts)


class FirstWords:
    """Which of some triggers can start with a word: the indices ``n`` (ascending, each once)
    for which ``hit(norm, triggers[n][0])``, memoized per word (news vocabulary repeats).

    Examples
    --------
    >>> first = FirstWords([parse_trigger("दौर*"), parse_trigger("यात्रा + की"), parse_trigger("दौरा|दौर*")])
    >>> first("दौरा"), first("यात्रा"), first("सरकार")
    ((0, 2), (1,), ())
    """

    def __init__(self, triggers: Sequence[Trigger]) -> None:
        self._seen: dict[str, tuple[int, ...]] = {}
        self._exact: dict[str, set[int]] = {}
        self._prefix: dict[str, list[tuple[str, int]]] = {}  # first letter ("" for "*") -> prefixes
        for n, parts in enumerate(triggers):
            for word, prefix in parts[0]:
                if prefix:
                    self._prefix.setdefault(word[:1], []).append((word, n))
                else:
                    self._exact.setdefault(word, set()).add(n)

    def __call__(self, norm: str) -> tuple[int, ...]:
        found = self._seen.get(norm)
        if found is None:
            hits = set(self._exact.get(norm, ()))
            for letter in {norm[:1], ""}:
                hits.update(n for word, n in self._prefix.get(letter, ()) if norm.startswith(word))
            found = self._seen[norm] = tuple(sorted(hits))
        return found


def match_rest(norms: Sequence[str], i: int, limit: int, parts: Trigger, gap: int) -> int | None:
    """End of a trigger whose first part is token ``i``: each later part at most ``gap`` tokens on.

    Examples
    --------
    >>> match_rest("आरोप भी लगाया कि".split(), 0, 4, parse_trigger("आरोप + लगा*"), 3)
    3
    """
    pos = i
    for part in parts[1:]:
        pos = next((j for j in range(pos + 1, min(pos + 1 + gap, limit)) if hit(norms[j], part)), -1)
        if pos < 0:
            return None
    return pos + 1


DEMANDS = {"आग्रह", "अपील", "मांग", "आह्वान", "अनुरोध", "निवेदन"}


def demanded(norms: list[str], end: int, limit: int) -> bool:
    """``... करने का आग्रह / की मांग``: the trigger names an action someone asks for."""
    window = norms[end:min(end + 4, limit)]
    return bool(window) and window[0].startswith(("कर", "दे", "ल")) and bool(DEMANDS & set(window[1:]))


def is_headline(texts: list[str], sent: Span) -> bool:
    """A first sentence that does not end with a sentence mark (news headlines have none)."""
    last = next((t for t in reversed(texts[sent.start : sent.end]) if not t.isspace()), "")
    return last not in {"।", "॥", ".", "?", "!"}
