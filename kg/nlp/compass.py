"""Places named with a compass word: parts of a country, and the West named bare.

:class:`kg.nlp.entities.LexiconRuler` adds these spans to its phrase matcher's before choosing
the longest; each span's ``id_`` says which rule found it:

* ``part``: a compass adjective before a country of the lexicon names a part of it, a region
  of its own (``पूर्वी यूक्रेन`` Eastern Ukraine, ``उत्तर-पूर्वी यूक्रेन`` Northeastern Ukraine). The
  bare noun (``उत्तर``) before a country makes a country's own name (``उत्तर कोरिया``) or means
  "former" (``पूर्व सोवियत``); a sea or a region noun after it makes a longer name of its own
  (``पूर्वी चीन सागर``), left to the lexicon. Parts of a region (``उत्तर बिहार``) stay the region:
  the places listed around them are located in the region itself (dev HI_142).
* ``name`` (the West): ``पश्चिम`` alone before a postposition or a conjunction is the West
  (``पश्चिम के साथ``, ``पश्चिम ने``, ``पश्चिम द्वारा``), not a direction: after a genitive, "X के पश्चिम
  में" is west of X (and "चीन के पश्चिम" reads as the west of China as often as China and the West),
  ``पश्चिम की ओर`` (westwards), ``पश्चिम और पूर्वी चंपारण`` (a list of compass words).
"""

from __future__ import annotations

from spacy.tokens import Doc, Span

from kg.nlp.lexicon import Lexicon
from kg.nlp.normalize import match_key
from kg.nlp.plausible import REGION_NOUNS

__all__ = ["compass_names", "compass_parts", "bare_west"]

_ADJECTIVES = {match_key(w): e for w, e in (("उत्तरी", "Northern"), ("दक्षिणी", "Southern"),
                                            ("पूर्वी", "Eastern"), ("पश्चिमी", "Western"), ("मध्य", "Central"))}
_NOUNS = {match_key(w): e for w, e in (("उत्तर", "North"), ("दक्षिण", "South"), ("पूर्व", "East"),
                                       ("पश्चिम", "West"))}
_SEAS = {match_key(w) for w in ("सागर", "महासागर", "तट", "द्वीप", "द्वीपों", "नदी", "घाटी")} | REGION_NOUNS
_WEST = match_key("पश्चिम")
_GENITIVE = {"के", "की", "का"}
#: Words after which bare पश्चिम is the West (postpositions, conjunctions, a clause's end).
_WEST_AFTER = {match_key(w) for w in ("ने", "को", "के", "का", "की", "से", "में", "पर", "द्वारा", "और", "व", "तथा",
                                      "एवं", "बनाम", "दूसरी", ",", "।", ".")}
_DIRECTION_NEXT = {match_key(w) for w in ("ओर", "तरफ", "दिशा", "दिशाओं")}


def compass_names(doc: Doc, norms: list[str], spans: list[Span], lexicon: Lexicon) -> list[Span]:
    """The spans of both rules, given the lexicon's matches ``spans`` (``norms``: the tokens' keys)."""
    taken = {i for s in spans for i in range(s.start, s.end)}
    return [*compass_parts(doc, norms, spans, lexicon), *bare_west(doc, norms, taken, lexicon)]


def compass_parts(doc: Doc, norms: list[str], spans: list[Span], lexicon: Lexicon) -> list[Span]:
    """``पूर्वी यूक्रेन``: a compass adjective and the country after it, one Region.

    ``kb_id_`` is ``"<country key>|<English compass word>"`` (Eastern, Northeastern).
    """
    taken = {i for s in spans for i in range(s.start, s.end)}
    out = []
    for span in spans:
        entry = lexicon.entries.get(span.kb_id_)
        if span.id_ != "name" or entry is None or entry.type != "Country" or entry.label.startswith("the "):
            continue
        if span.start == 0 or span.start - 1 in taken or span.end < len(norms) and norms[span.end] in _SEAS:
            continue
        word = norms[span.start - 1]
        compass = _ADJECTIVES.get(word)
        if compass is None:
            continue
        start = span.start - 1
        if compass in {"Eastern", "Western"} and start >= 2 and norms[start - 1] == "-" \
                and norms[start - 2] in {match_key("उत्तर"), match_key("दक्षिण")}:
            start -= 2  # उत्तर-पूर्वी: Northeastern
            compass = _NOUNS[norms[start]] + compass.lower()
        out.append(Span(doc, start, span.end, label="Region", kb_id=f"{span.kb_id_}|{compass}",
                        span_id="part"))
    return out


def bare_west(doc: Doc, norms: list[str], taken: set[int], lexicon: Lexicon) -> list[Span]:
    """``पश्चिम`` as the West (see the module docstring), linked to the lexicon's West."""
    key = lexicon.names.get(match_key("पश्चिमी देश"))
    if key is None:
        return []
    out = []
    for i, norm in enumerate(norms):
        if norm != _WEST or i in taken or i + 1 >= len(norms) or norms[i + 1] not in _WEST_AFTER:
            continue
        nxt = norms[i + 2] if i + 2 < len(norms) else ""
        listed = norms[i + 1] in {"और", "व", "तथा", ","} and nxt in {*_ADJECTIVES, *_NOUNS}
        if nxt in _DIRECTION_NEXT or listed:
            continue  # पश्चिम की ओर; पश्चिम और पूर्वी चंपारण
        if i > 0 and norms[i - 1] in {*_GENITIVE, "-"}:
            continue  # शहर के पश्चिम में (west of the town); उत्तर-पश्चिम
        out.append(Span(doc, i, i + 1, label=lexicon.entries[key].type, kb_id=key, span_id="name"))
    return out
