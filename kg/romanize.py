"""Romanize Devanagari names into readable English-style labels.

The scheme follows the conventions of the Indian English press rather than a
scholarly transliteration: no diacritics, ``ई``/``ऊ`` as ``i``/``u``, ``श``/``ष`` as
``sh``, ``छ`` as ``chh``, ``फ`` as ``f`` (``ph`` only word-initially before ``u``),
nukta letters as ``z``/``f``/``q``, and Hindi **schwa deletion**:

* the inherent ``a`` of the last letter is dropped (पुतिन → Putin), unless the
  word ends in a conjunct whose last member is ``य र ल व`` or a nasal after a
  non-nasal (नरेंद्र → Narendra, कृष्ण → Krishna);
* inside a word, an inherent ``a`` in the context ``V C _ C V`` is dropped, scanning
  from right to left (रणधीर → Randhir, ममता → Mamta, कमलनाथ → Kamalnath).

A few orthographic rules then give the usual English spellings (``आय``/``अय`` before a
consonant → ``ai``: जयपुर → Jaipur; ``िया``/``ियो`` → ``ia``/``io`` except after ``र``:
सोनिया → Sonia, प्रिया → Priya; ``व`` after a consonant or in ``-वाल`` → ``w``;
anusvara → ``m`` before labials and ``ng`` in ``सिंह``; ``-स्की`` → ``-sky``; ``-राव`` → ``-rao``
but गौरव → Gaurav; Georgian ``-श्विली`` → ``-shvili``; a ``ढ`` after a vowel is the flap ``ढ़``
written without its nukta: अलीगढ → Aligarh; a compound in ``-नगर`` keeps the schwas of each part:
रामनगर → Ramnagar, not Ramangar; measured on the lexicon's Indian place names, 275 → 296 of 690
spelled as their English label), and a small
table of name words whose conventional spelling cannot be derived from the Hindi
(गुयेन → Nguyen, ट्रंप → Trump, बनर्जी → Banerjee, …) is consulted first.

Latin letters, digits and punctuation pass through unchanged (Devanagari digits
become ASCII digits, dandas full stops); every romanized word is title-cased.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass

__all__ = ["INITIALS", "WORD_OVERRIDES", "romanize", "romanize_word"]

_CONSONANTS = {
    "क": "k", "ख": "kh", "ग": "g", "घ": "gh", "ङ": "n", "च": "ch", "छ": "chh", "ज": "j", "झ": "jh",
    "ञ": "n", "ट": "t", "ठ": "th", "ड": "d", "ढ": "dh", "ण": "n", "त": "t", "थ": "th", "द": "d",
    "ध": "dh", "न": "n", "प": "p", "फ": "ph", "ब": "b", "भ": "bh", "म": "m", "य": "y", "र": "r",
    "ल": "l", "व": "v", "श": "sh", "ष": "sh", "स": "s", "ह": "h", "ळ": "l",
    "ऩ": "n", "ऱ": "r", "ऴ": "l",
}
_NUKTA_FORMS = {"क": "q", "ख": "kh", "ग": "gh", "ज": "z", "झ": "zh", "ड": "r", "ढ": "rh", "फ": "f", "य": "y"}
_PRECOMPOSED = {"क़": "क", "ख़": "ख", "ग़": "ग", "ज़": "ज", "ड़": "ड", "ढ़": "ढ", "फ़": "फ", "य़": "य"}
_VOWELS = {
    "अ": "a", "आ": "a", "इ": "i", "ई": "i", "उ": "u", "ऊ": "u", "ऋ": "ri", "ॠ": "ri", "ए": "e", "ऐ": "ai",
    "ओ": "o", "औ": "au", "ऑ": "o", "ऍ": "e", "ऎ": "e", "ऒ": "o", "ऌ": "li",
}
_MATRAS = {
    "ा": "a", "ि": "i", "ी": "i", "ु": "u", "ू": "u", "ृ": "ri", "ॄ": "ri", "े": "e", "ै": "ai",
    "ो": "o", "ौ": "au", "ॉ": "o", "ॅ": "a", "ॆ": "e", "ॊ": "o", "ॢ": "li",
}
_VIRAMA, _NUKTA, _ANUSVARA, _CANDRABINDU, _VISARGA = "्", "़", "ं", "ँ", "ः"
_LABIALS = set("पफबभम")
_FINAL_KEEP = set("यरलव")  # conjunct-final letters that keep a word-final schwa (नरेंद्र, मिश्र)
_NASALS = set("ङञणनम")
_FINAL_AAY = "ाय"
_NAGAR = "नगर"  # "town": the second part of compound place names
#: Hindi spellings of Latin letters used as initials (एस जयशंकर -> S. Jaishankar).
INITIALS: dict[str, str] = {
    "ए": "A", "बी": "B", "सी": "C", "डी": "D", "ई": "E", "एफ": "F", "एच": "H", "आई": "I", "जे": "J",
    "के": "K", "एल": "L", "एम": "M", "एन": "N", "ओ": "O", "पी": "P", "क्यू": "Q", "आर": "R", "एस": "S",
    "टी": "T", "यू": "U", "वी": "V", "डब्ल्यू": "W", "एक्स": "X", "वाई": "Y", "जेड": "Z",
}
_DIGITS = str.maketrans({**{chr(0x966 + d): str(d) for d in range(10)}, "।": ".", "॥": ".", "॰": "."})
_DEVANAGARI_WORD = re.compile(r"[\u0900-\u0963\u0971-\u097F]+")

#: Name words whose usual English spelling cannot be derived by rule (checked first).
WORD_OVERRIDES: dict[str, str] = {
    "गुयेन": "Nguyen", "लैम": "Lam", "शी": "Xi", "बाइडन": "Biden", "बाइडेन": "Biden",
    "ट्रंप": "Trump", "ट्रम्प": "Trump", "मैक्रों": "Macron", "मैक्रॉन": "Macron", "शेख": "Sheikh",
    "शेख़": "Sheikh", "बनर्जी": "Banerjee", "मुखर्जी": "Mukherjee", "चटर्जी": "Chatterjee",
    "चौधरी": "Chaudhary", "तिवारी": "Tiwari", "हैरिस": "Harris", "जॉनसन": "Johnson", "ब्लिंकन": "Blinken",
    "शोल्ज": "Scholz", "शोल्ज़": "Scholz", "हुसैन": "Hussain", "जेलेंस्की": "Zelensky",
    "वोलोदिमीर": "Volodymyr", "कमला": "Kamala", "अल्बनीज": "Albanese", "स्टार्मर": "Starmer",
    "ठाकरे": "Thackeray", "फडणवीस": "Fadnavis", "सीतारमण": "Sitharaman",
}
WORD_OVERRIDES = {unicodedata.normalize("NFC", k): v for k, v in WORD_OVERRIDES.items()}


@dataclass
class _Unit:
    """One akshara: an optional consonant and its vowel."""

    src: str  # Devanagari consonant letter ('' for an independent vowel)
    cons: str
    vowel: str
    inherent: bool = False
    halant: bool = False
    nasal: bool = False
    visarga: bool = False
    dropped: bool = False  # inherent vowel removed by schwa deletion

    @property
    def voiced(self) -> bool:
        """True when the unit still carries a vowel."""
        return bool(self.vowel) and not self.halant and not self.dropped


def _parse(word: str) -> list[_Unit]:
    units: list[_Unit] = []
    for ch in word:
        if ch in _PRECOMPOSED:
            units.append(_Unit(ch, _NUKTA_FORMS[_PRECOMPOSED[ch]], "a", inherent=True))
        elif ch in _CONSONANTS:
            unit = _Unit(ch, _CONSONANTS[ch], "a", inherent=True)
            if ch == "ञ" and units and units[-1].src == "ज" and units[-1].halant:  # ज्ञ -> gy
                units[-1].cons, unit.cons = "g", "y"
            units.append(unit)
        elif ch == _NUKTA and units and units[-1].src in _NUKTA_FORMS:
            units[-1].cons = _NUKTA_FORMS[units[-1].src]
        elif ch in _MATRAS and units:
            units[-1].vowel, units[-1].inherent = _MATRAS[ch], False
        elif ch == _VIRAMA and units:
            units[-1].vowel, units[-1].inherent, units[-1].halant = "", False, True
        elif ch in _VOWELS:
            units.append(_Unit("", "", _VOWELS[ch]))
        elif ch == "ॐ":
            units.append(_Unit("", "", "om"))
        elif ch in (_ANUSVARA, _CANDRABINDU) and units:
            units[-1].nasal = True
        elif ch == _VISARGA and units:
            units[-1].visarga = True
    for prev, unit in zip(units, units[1:], strict=False):  # ढ after a vowel is the flap ढ़: गढ -> garh
        if unit.src == "ढ" and unit.cons == "dh" and not unit.halant and prev.vowel and not prev.halant \
                and not prev.nasal:
            unit.cons = "rh"
    return units


def _delete_schwas(units: list[_Unit]) -> None:
    last = units[-1]
    if last.inherent and not last.nasal and not last.visarga and sum(u.voiced for u in units) > 1:
        prev = units[-2]
        keeps = prev.halant and (last.src in _FINAL_KEEP or (last.src in _NASALS and prev.src not in _NASALS))
        last.dropped = not keeps
    # -वती / -मती (मायावती, श्रीमती): the suffix keeps its vowel
    protected = len(units) - 2 if len(units) > 2 and units[-2].src in "वम" and units[-1].src == "त" \
        and units[-1].vowel == "i" else -1
    for i in range(len(units) - 2, 0, -1):
        unit, before, after = units[i], units[i - 1], units[i + 1]
        if (unit.inherent and unit.cons and not unit.nasal and not unit.visarga and before.voiced
                and after.cons and after.voiced and after.src != "य" and i != protected):
            unit.dropped = True  # (no deletion before य: विजयन, मलयालम)


def _render(units: list[_Unit]) -> str:
    out: list[str] = []
    n = len(units)
    for i, unit in enumerate(units):
        prev = units[i - 1] if i else None
        nxt = units[i + 1] if i + 1 < n else None
        cons = unit.cons
        if unit.src == "फ" and cons == "ph" and not (i == 0 and unit.vowel == "u"):
            cons = "f"  # शरीफ, यूसुफ, फ्रांस; but फु, फूलन keep ph
        if unit.src == "व" and prev is not None and prev.cons and not prev.voiced and prev.src != "र":
            cons = "w"  # स्वामी, अश्विनी, जायसवाल
        elif unit.src == "व" and i + 2 == n and unit.vowel == "a" and not unit.inherent \
                and units[-1].src == "ल":
            cons = "w"  # -वाल: केजरीवाल, अग्रवाल
        if unit.src == "य" and unit.inherent and prev is not None and prev.vowel == "a" and prev.voiced \
                and nxt is not None and nxt.cons and (unit.dropped or (not prev.inherent and nxt.dropped)):
            out.append("i")  # जयपुर -> Jaipur, जायसवाल -> Jaiswal
            continue
        if unit.src == "य" and prev is not None and prev.vowel == "i" and prev.voiced and prev.src \
                and prev.src != "र" and unit.vowel in ("a", "o") and not unit.dropped:
            cons = ""  # सोनिया -> Sonia, गियांग -> Giang (but प्रिया, पीयूष keep y)
        vowel = "" if unit.dropped or unit.halant else unit.vowel
        out.append(cons + vowel)
        if unit.nasal:
            follower = nxt.src if nxt else ""
            if follower in _LABIALS:
                out.append("m")
            elif follower == "ह" and i + 2 == n:
                out.append("ng")  # सिंह -> Singh
            else:
                out.append("n")
        if unit.visarga:
            out.append("h")
    text = "".join(out)
    if text.endswith("rav") and units[-1].src == "व" and units[-2].src == "र" and not units[-2].inherent:
        text = text[:-1] + "o"  # राव -> Rao, भीमराव -> Bhimrao (but गौरव -> Gaurav)
    if text.endswith("shwili") and units[-1].src == "ल" and units[-2].src == "व":
        text = text[:-6] + "shvili"  # Georgian -श्विली: साकाश्विली -> Saakashvili
    if text.endswith("ulla") and units[-1].src == "ल" and units[-2].halant:
        text += "h"  # अब्दुल्ला -> Abdullah
    if text.endswith("ski") and units[-1].src == "क" and n > 1 and units[-2].src == "स":
        text = text[:-1] + "y"  # ज़ेलेंस्की -> Zelensky
    return text


def romanize_word(word: str) -> str:
    """Romanize one Devanagari word (lower case, no title-casing).

    Parameters
    ----------
    word : str
        A run of Devanagari letters and signs.

    Returns
    -------
    str
        The romanized word; overrides from :data:`WORD_OVERRIDES` are lower-cased.

    Examples
    --------
    >>> romanize_word("रणधीर"), romanize_word("नरेंद्र"), romanize_word("जायसवाल")
    ('randhir', 'narendra', 'jaiswal')
    >>> romanize_word("रामनगर"), romanize_word("अलीगढ"), romanize_word("गौरव"), romanize_word("भीमराव")
    ('ramnagar', 'aligarh', 'gaurav', 'bhimrao')
    >>> romanize_word("खांगोशविली"), romanize_word("ढाका"), romanize_word("चड्ढा")
    ('khangoshvili', 'dhaka', 'chaddha')
    >>> romanize_word("राय"), romanize_word("साय"), romanize_word("सायना")
    ('rai', 'sai', 'saina')
    """
    word = unicodedata.normalize("NFC", word)
    if word in WORD_OVERRIDES:
        return WORD_OVERRIDES[word].lower()
    if word.endswith(_NAGAR) and len(word) > len(_NAGAR) + 1:  # a compound: each part has its schwas
        return romanize_word(word[: -len(_NAGAR)]) + "nagar"  # रामनगर -> Ramnagar, not Ramangar
    units = _parse(word)
    if not units:
        return ""
    _delete_schwas(units)
    out = _render(units)
    # a final -ाय of a Hindi name is -ai (राय Rai, साय Sai), as the Hunterian convention writes it
    return out[:-2] + "ai" if word.endswith(_FINAL_AAY) and out.endswith("ay") else out


def _title(word: str) -> str:
    return word[:1].upper() + word[1:]


def romanize(text: str, spell: Callable[[str], str | None] | None = None) -> str:
    """Turn Devanagari names into a readable English-style label.

    Parameters
    ----------
    text : str
        Hindi text, usually a name (may mix Latin letters, digits, hyphens).
    spell : callable, optional
        Asked first for every Devanagari word that is not an initial; a string it returns is
        used as it is (for instance the English spelling of a loanword), None means romanize.

    Returns
    -------
    str
        Title-cased romanization with Hindi schwa deletion; Latin letters and
        punctuation are kept as they are.

    Examples
    --------
    >>> romanize("व्लादिमीर पुतिन")
    'Vladimir Putin'
    >>> romanize("किम जोंग उन")
    'Kim Jong Un'
    >>> romanize("रणधीर जायसवाल")
    'Randhir Jaiswal'
    >>> romanize("गुयेन फु ट्रोंग")
    'Nguyen Phu Trong'
    >>> romanize("ISEAS-यूसुफ इशाक")
    'ISEAS-Yusuf Ishak'
    >>> romanize("ज़ाकिर हुसैन"), romanize("शिवराज सिंह चौहान")
    ('Zakir Hussain', 'Shivraj Singh Chauhan')
    >>> romanize("एस. जयशंकर"), romanize("के पी शर्मा ओली")
    ('S. Jaishankar', 'K. P. Sharma Oli')
    >>> romanize("पीस रिसर्च", spell={"रिसर्च": "Research"}.get)
    'Pis Research'
    """
    text = unicodedata.normalize("NFC", text)
    words = list(_DEVANAGARI_WORD.finditer(text))
    out, pos = [], 0
    for k, m in enumerate(words):
        out.append(text[pos:m.start()])
        word, rest = m.group(0), text[m.end():]
        followed_by_name = k + 1 < len(words) and rest[:1] in (" ", ".")
        if word in INITIALS and followed_by_name:
            out.append(INITIALS[word] + ("" if rest.startswith(".") else "."))
        else:
            spelled = spell(word) if spell is not None and word not in WORD_OVERRIDES else None
            out.append(spelled if spelled else _title(romanize_word(word)))
        pos = m.end()
    out.append(text[pos:])
    return "".join(out).translate(_DIGITS)
