"""Text normalization that keeps every offset pointing into the original text.

The pipeline works on a normalized copy of the article (NFC, decomposed nukta
letters, no zero-width characters, straight quotes). :func:`normalize` returns
that copy together with an offset map, so any span found in the normalized
text can be mapped back to the original characters.
"""

from __future__ import annotations

import functools
import re
import unicodedata
from dataclasses import dataclass

__all__ = ["Normalized", "normalize", "match_key", "has_devanagari"]

_DROP = {"\u200b", "\u200c", "\u200d", "\u2060", "\ufeff", "\u00ad"}
_QUOTES = {
    "\u2018": "'",
    "\u2019": "'",
    "\u201a": "'",
    "\u201b": "'",
    "\u2032": "'",
    "\u201c": '"',
    "\u201d": '"',
    "\u201e": '"',
    "\u201f": '"',
    "\u2033": '"',
    "\u00ab": '"',
    "\u00bb": '"',
}
_NUKTA = "\u093c"
_CHANDRABINDU = "\u0901"
_ANUSVARA = "\u0902"
# Precomposed nukta letters (and a few others) that NFC leaves composed or decomposes
# inconsistently; we always use base letter + U+093C.
_DECOMPOSE = {
    chr(c): unicodedata.normalize("NFD", chr(c)) for c in (*range(0x0958, 0x0960), 0x0929, 0x0931, 0x0934)
}
_SPECIAL = re.compile("[" + "".join(sorted(_DROP | set(_QUOTES) | set(_DECOMPOSE))) + "]")
_ANY = re.compile("[^\x00-\x7f]")
_KEY_TABLE = str.maketrans({_NUKTA: None, _CHANDRABINDU: _ANUSVARA, "\u0945": "\u0947", "\u0949": "\u093e"})


@dataclass(frozen=True)
class Normalized:
    """A normalized text and, for each of its characters, the index in the original.

    ``origin`` has ``len(text) + 1`` entries; the last one is ``len(original)``.
    """

    text: str
    origin: tuple[int, ...]

    def span(self, start: int, end: int) -> tuple[int, int]:
        """Map a ``[start, end)`` span of the normalized text to the original text."""
        if end <= start:
            return self.origin[start], self.origin[start]
        return self.origin[start], self.origin[end - 1] + 1


def _replace(char: str) -> str:
    if char in _DROP:
        return ""
    if char in _QUOTES:
        return _QUOTES[char]
    if char in _DECOMPOSE:
        return _DECOMPOSE[char]
    if char.isascii():
        return char
    return unicodedata.normalize("NFC", char)


def normalize(text: str) -> Normalized:
    """Normalize ``text`` and keep the map back to original offsets.

    Examples
    --------
    >>> n = normalize("पु\u200dतिन “हनोई”")
    >>> n.text
    'पुतिन "हनोई"'
    >>> n.span(6, 12)  # '"हनोई"' in the normalized text
    (7, 13)
    """
    if text.isascii() or (unicodedata.is_normalized("NFC", text) and not _SPECIAL.search(text)):
        return Normalized(text, tuple(range(len(text) + 1)))
    out: list[str] = []
    origin: list[int] = []
    last = 0
    # Copy unchanged runs in one piece; only special or non-NFC characters are rewritten.
    for match in _SPECIAL.finditer(text) if unicodedata.is_normalized("NFC", text) else _ANY.finditer(text):
        index = match.start()
        out.append(text[last:index])
        origin.extend(range(last, index))
        repl = _replace(text[index])
        out.append(repl)
        origin.extend([index] * len(repl))
        last = index + 1
    out.append(text[last:])
    origin.extend(range(last, len(text) + 1))
    return Normalized("".join(out), tuple(origin))


@functools.lru_cache(maxsize=200_000)
def match_key(text: str) -> str:
    """A spelling-insensitive key used for lexicon look-up.

    Drops the nukta, folds chandrabindu into anusvara and the "candra" vowels
    (ॉ, ॅ) into their plain forms, and lower-cases Latin letters.

    Examples
    --------
    >>> match_key("मॉस्को") == match_key("मास्को")
    True
    >>> match_key("ज़ेलेंस्की") == match_key("जेलेंस्की")
    True
    >>> match_key("Putin")
    'putin'
    """
    return unicodedata.normalize("NFC", text).translate(_KEY_TABLE).lower()


def has_devanagari(text: str, minimum: int = 1) -> bool:
    """Whether ``text`` has at least ``minimum`` Devanagari letters.

    Examples
    --------
    >>> has_devanagari("Putin visits Hanoi")
    False
    >>> has_devanagari("पुतिन")
    True
    """
    count = 0
    for char in text:
        if "\u0900" <= char <= "\u097f":
            count += 1
            if count >= minimum:
                return True
    return False
