"""Postposition markers of arguments, coordination groups and clause boundaries.

Hindi marks an argument's role with the postposition after it (``ने``, ``को``,
``से``, ``के साथ`` ...). Coordinated arguments (``चीन और उत्तर कोरिया की``,
``गुयेन फु ट्रोंग, नए राष्ट्रपति टो लैम और अन्य अधिकारियों से``) share the
marker of the last one.
"""

from __future__ import annotations

from collections.abc import Sequence

from kg.nlp.args import Arg
from kg.nlp.normalize import match_key

__all__ = ["POSTPOSITIONS", "BOUNDARIES", "CASES", "copula_follows", "SUBJECT_PRONOUNS", "assign_markers",
           "marker_at", "clause_start", "floating_both", "subject_carried"]

POSTPOSITIONS: tuple[tuple[str, ...], ...] = tuple(sorted((tuple(p.split()) for p in (
    "ने", "को", "से", "में", "पर", "का", "की", "के", "तक", "द्वारा",
    "के साथ", "के लिए", "के खिलाफ", "के ख़िलाफ़", "के विरुद्ध", "के बीच", "के बारे में", "को लेकर",
    "के आरोपों से", "के दावों से", "के आरोप", "के दावे", "के नेतृत्व वाले", "के नेतृत्व में",
    "के नेतृत्व वाली", "के नेतृत्व वाला", "की अगुवाई वाले", "की अगुवाई में", "की अगुआई वाले", "की अगुआई में",
    "के पास", "की ओर से", "की तरफ से", "के द्वारा", "के साथ-साथ", "की ओर",
    "के जरिए", "के जरिये", "के ज़रिए", "के ज़रिये", "के माध्यम से", "के रास्ते",  # via: no genitive
)), key=len, reverse=True))
# Its leaders, officials, members or forces stand for a body ("हमास के नेताओं पर प्रतिबंध");
# its companies, banks or citizens do not ("चीनी कंपनियों पर प्रतिबंध" is not a sanction on China).
# Its fighters, troops and drones stand for it as a target ("वैगनर के 84 लड़ाकों को मार गिराया").
MEMBER_NOUNS = {match_key(w) for w in (
    "नेताओं अधिकारियों सदस्यों कमांडरों सैनिकों ठिकानों प्रतिनिधियों राजनयिकों देशों सरकार सरकारों सेनाओं"
    " शहरों इलाकों लड़ाकों जवानों ड्रोनों").split()}
_QUANTIFIERS = {"कई", "सभी", "तमाम", "अनेक", "दूसरे", "अन्य"}
ACTION_NOUNS = {"कार्रवाई", "कार्रवाइयों", "नीति", "नीतियों", "फैसले", "फैसलों", "फैसला", "गतिविधियों",
                "बयान", "बयानों", "रुख", "कदम", "कदमों", "आक्रामकता", "भूमिका"}
# adjectival participles: "X द्वारा आयोजित सम्मेलन" is a summit X hosted, X acts in no later verb
PARTICIPLES = {"आयोजित", "समर्थित", "स्वीकृत", "अनुमोदित", "प्रायोजित", "निर्मित", "संचालित", "नियंत्रित",
               "प्रस्तावित", "शासित", "नियुक्त", "प्रकाशित", "घोषित", "वित्तपोषित"}
_BY_FIRST: dict[str, list[tuple[str, ...]]] = {}
for _phrase in POSTPOSITIONS:
    _BY_FIRST.setdefault(_phrase[0], []).append(_phrase)
_FUSED = {"उन्होंने": "ने", "उसने": "ने", "इसने": "ने", "इन्होंने": "ने", "उन्हें": "को", "उसे": "को",
          "उनका": "का", "उनकी": "की", "उनके": "के", "उसका": "का", "उसकी": "की", "उसके": "के"}
OPENING_QUOTES = {"'", '"', "‘", "“"}
SUBJECT_PRONOUNS = {"वह", "वे", "वो"}  # "यह" and "ये" mostly determine a noun ("यह लेनदेन")
_CONJ = {",", "और", "तथा", "एवं", "व", "या", "अथवा"}
_COORD = _CONJ | {"अब", "फिर", "भी"}
BOUNDARIES = {"जहां", "जहाँ", "जो", "जब", "कि", "क्योंकि", "जबकि", "लेकिन", "परंतु", "किंतु", "मगर",
              "जिसमें", "जिससे", "जिसका", "जिसकी", "जिसके", "जिन्होंने", "बल्कि", "ताकि", "हालांकि",
              ";", "।"}


CASES = frozenset({"में", "से", "को", "के", "की", "का", "ने"})  # case postpositions (not पर)
_COPULAS = frozenset({"है", "हैं", "था", "थे", "थी", "थीं", "रहा", "रहे", "रही", "हुआ", "हुए", "हुई", "हो"})


def copula_follows(norms: Sequence[str], end: int, limit: int) -> bool:
    """A copula within 3 words after ``end``, before any case postposition: the words before
    ``end`` are a predicate (``एफएसबी से जुड़ा अधिकारी है``), not an attribute of a noun
    (``नाटो से जुड़े देशों से``).

    Examples
    --------
    >>> copula_follows("से जुड़ा अधिकारी है".split(), 2, 4), copula_follows("से जुड़े देशों से".split(), 2, 4)
    (True, False)
    """
    for norm in norms[end:min(end + 4, limit)]:
        if norm in _COPULAS:
            return True
        if norm in CASES:
            return False
    return False


def marker_at(words: Sequence[str], i: int) -> str:
    """The longest postposition starting at word ``i`` of token norms (``""`` if none).

    Examples
    --------
    >>> marker_at("वियतनाम के साथ संबंध".split(), 1)
    'के साथ'
    """
    if i >= len(words):
        return ""
    for phrase in _BY_FIRST.get(words[i], ()):
        end = i + len(phrase)
        if end <= len(words) and tuple(words[i:end]) == phrase:
            return " ".join(phrase)
    return ""


def floating_both(words: Sequence[str], i: int) -> bool:
    """``रूस और यूक्रेन दोनों के साथ``: ``दोनों`` after a list, before its postposition, only
    says "both" of the list; it is no reference of its own.

    Examples
    --------
    >>> floating_both("रूस और यूक्रेन दोनों के साथ".split(), 3)
    True
    >>> floating_both("दोनों देशों के बीच".split(), 0)
    False
    """
    return 0 < i < len(words) and words[i] == "दोनों" and bool(marker_at(words, i + 1))


def _after_parenthesis(words: Sequence[str], end: int) -> int:
    """The word after a short parenthesis right after a name (``संयुक्त अरब अमीरात (UAE) के साथ``:
    the postposition is the name's), else ``end``.

    Examples
    --------
    >>> words = "संयुक्त अरब अमीरात ( UAE ) के साथ".split()
    >>> _after_parenthesis(words, 3), _after_parenthesis(words, 4)
    (6, 4)
    """
    if end >= len(words) or words[end] != "(":
        return end
    close = next((j for j in range(end + 1, min(end + 6, len(words))) if words[j] == ")"), None)
    return close + 1 if close is not None else end


def _own_marker(words: Sequence[str], arg: Arg) -> str:
    if arg.kind == "pronoun" and words[arg.start] in _FUSED:
        return _FUSED[words[arg.start]]
    end = arg.end + 1 if floating_both(words, arg.end) else arg.end
    end = _after_parenthesis(words, end)
    marker = marker_at(words, end) if end < len(words) else ""
    # "हमास के नेताओं पर प्रतिबंध", "नाटो देशों से अपील": its leaders / members stand for the body;
    # "चीन की कार्रवाई पर चिंता": criticism of or concern about its actions is about it
    if marker in {"द्वारा", "के द्वारा"} and end + len(marker.split()) < len(words):
        nxt = words[end + len(marker.split())]
        if nxt in PARTICIPLES:  # "पश्चिम द्वारा समर्थित पक्ष": the agent of an adjective, of no verb
            return f"{marker} {nxt}"
    if not marker and arg.type == "Organization":
        class_end = _class_nouns(words, end)  # "नाटो सैन्य गठबंधन का हिस्सा": the body named by its class
        if class_end > end:
            return marker_at(words, class_end)
    noun = end + 1 if marker in {"के", "की", "का"} else end if not marker else -1
    if 0 < noun < len(words) - 1 and marker and (words[noun] in _QUANTIFIERS or words[noun].isdigit()):
        noun += 1  # "यूक्रेन के कई शहरों पर हमला", "वैगनर के 84 लड़ाकों को"
    if 0 <= noun < len(words) and (words[noun] in MEMBER_NOUNS or marker and words[noun] in ACTION_NOUNS):
        return marker_at(words, noun + 1) or marker
    return marker


# "नाटो सहयोगियों से", "जी 7 राज्यों से": the body by its members (an organization only: "अमेरिकी सहयोगियों"
# are allies of the United States)
_CLASS_NOUNS = {"गठबंधन", "समूह", "संगठन", "गुट", "सहयोगियों", "राज्यों"}
_CLASS_ADJ = {"सैन्य", "आर्थिक", "राजनीतिक", "सुरक्षा", "व्यापारिक", "क्षेत्रीय"}


def _class_nouns(words: Sequence[str], end: int) -> int:
    """End of a class noun phrase right after an organization's name (``सैन्य गठबंधन``), else ``end``."""
    i = end + 1 if end < len(words) and words[end] in _CLASS_ADJ else end
    return i + 1 if i < len(words) and words[i] in _CLASS_NOUNS else end


def _joined(words: Sequence[str], left: Arg, right: Arg, skip: set[int]) -> bool:
    between = range(left.end, right.start)
    if not between or words[left.end] not in _CONJ:
        return False
    return all(words[i] in _COORD or i in skip for i in between)


def _range_pair(words: Sequence[str], left: Arg, right: Arg) -> str | None:
    """``अमेरिका से लेकर यूरोपीय संघ तक ने``: "from X to Y" names both; the marker after ``तक``
    (None when the two are no such pair).

    Examples
    --------
    >>> words = "अमेरिका से लेकर जापान तक ने".split()
    >>> _range_pair(words, Arg(0, 1, ("us",), "Country", "name"), Arg(3, 4, ("jp",), "Country", "name"))
    'ने'
    """
    if list(words[left.end:right.start]) != ["से", "लेकर"]:
        return None
    if right.end >= len(words) or words[right.end] != "तक":
        return None
    return marker_at(words, right.end + 1) or None


def _tail_marker(words: Sequence[str], arg: Arg) -> str:
    """``... और अन्य अधिकारियों से``: the marker after a trailing 'and other X'."""
    i = arg.end
    if i + 2 < len(words) and words[i] == "और" and words[i + 1] in {"अन्य", "दूसरे", "कई"}:
        return marker_at(words, i + 3)
    return ""


def assign_markers(words: Sequence[str], args: Sequence[Arg], skip: set[int]) -> None:
    """Set ``marker`` and ``group`` on ``args`` (sorted, one sentence).

    ``skip`` holds token indices that may stand between coordinated arguments
    (title words, modifiers), e.g. ``नए राष्ट्रपति`` in a list of names.
    """
    for arg in args:
        arg.marker = _own_marker(words, arg)
    args = [a for a in args if not a.extra.get("anchor")]  # "जापान के प्रधानमंत्री X": part of a title
    for left, right in zip(args, args[1:], strict=False):
        if (marker := _range_pair(words, left, right)) is not None:
            left.marker, right.marker = "", marker  # joined below like "X और Y ने"
    group_id = 0
    members: list[Arg] = []
    for n, arg in enumerate(args):
        members.append(arg)
        nxt = args[n + 1] if n + 1 < len(args) else None
        if nxt is not None and (not arg.marker or arg.kind == "pronoun") and (
                _joined(words, arg, nxt, skip) or _range_pair(words, arg, nxt) is not None):
            continue
        last = members[-1].marker or _tail_marker(words, members[-1])
        for member in members:
            if len(members) > 1:
                member.group = group_id
            if not member.marker or member is members[-1]:
                member.marker = last
        group_id += 1
        members = []


def clause_start(words: Sequence[str], sent_start: int, i: int, inside: frozenset[int] = frozenset(),
                 quotes: bool = False) -> int:
    """First token of the clause that token ``i`` is in (after the last boundary word).

    Tokens in ``inside`` (parts of names, like ``जो`` in ``जो बाइडेन``) are not boundaries.
    With ``quotes``, a quotation opened after a comma or colon (``X ने बताया, '...``) starts
    a clause too: the speaker is no argument of what the quote states.

    Examples
    --------
    >>> words = "एजेंसी ने बताया , ' मोदी ने यात्रा की".split()
    >>> clause_start(words, 0, 7), clause_start(words, 0, 7, quotes=True)
    (0, 5)
    """
    for j in range(i - 1, sent_start - 1, -1):
        if words[j] in BOUNDARIES and j not in inside:
            return j + 1
        if quotes and words[j] in OPENING_QUOTES and j > sent_start and words[j - 1] in {",", ":"}:
            return j + 1
    return sent_start


def subject_carried(norms: Sequence[str], agent_end: int, start: int) -> bool:
    """Whether a ``कि`` clause (if any) between the agent and the trigger takes up its subject
    with a pronoun: ``रूस ने कहा कि वह ... हमले करेगा``, not ``X ने दावा किया कि ... रखा गया``."""
    words = list(norms[agent_end:start])
    if "कि" not in words:
        return True
    after = words[len(words) - 1 - words[::-1].index("कि"):]
    return any(w in SUBJECT_PRONOUNS for w in after)
