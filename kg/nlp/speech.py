"""Speech-clause relations: what a speaker alleges, condemns, warns of, asks for or blames.

Hindi news states many accusations, criticisms and appeals through a speech verb whose content
is a clause introduced by ``कि``, or through a word of blame for what someone did::

    X ने आरोप लगाया / जड़ा कि Y ने ...       X accuses Y
    X ने दावा किया है कि Y ...              X accuses Y
    X ने निंदा / आलोचना की कि Y ...          X criticizes Y
    X ने चेताया / चेतावनी दी कि अगर Y ...    X criticizes Y
    X ने अपील / आग्रह किया कि Y ...          X urges Y
    X ने चिंता जताई / X को चिंता है कि Y ...   X expressesConcernAbout Y
    X ने Y के कदम को अस्वीकार्य बताया         X criticizes Y
    X ने कहा, 'Y की रिपोर्ट भ्रामक है'         X criticizes Y

The speaker is the ``ने`` argument of the clause before the speech verb; the target is the
subject of the ``कि`` clause: its first argument, bare or marked ``ने``. A speech verb whose
main clause already has a marked object (``X ने Y पर आरोप लगाया कि``) is left to the frames.
A clause whose subject is the speaker (``रूस ने दावा किया कि उसने ...``) states no relation.
Calling something by a word of blame (``... को खतरनाक बताया``) criticizes the first argument of
the phrase so called: its possessor or agent (``Y के``, ``Y द्वारा``), or ``Y को`` itself; a word
of blame said in a speaker's words (after ``कहा``/``लिखा`` and ``कि`` or a quote) criticizes the
first argument of those words.

Examples
--------
>>> [f.predicate for f in SPEECH_FRAMES][:2]
['accuses', 'accuses']
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from kg.nlp.args import Arg
from kg.nlp.frames import AGENTS, Frame
from kg.nlp.markers import BOUNDARIES, clause_start
from kg.nlp.rel import RelRec
from kg.nlp.triggers import FirstWords, Trigger, match_rest

__all__ = ["EVALUATION_FRAMES", "SPEECH_FRAMES", "VERDICT_FRAMES", "speech_relations", "complement_start"]

_ACCUSED = frozenset({"Person", "Organization", "Country", "City"})


def _act(predicate: str, trigger: str, confidence: float = 0.7, obj_types: frozenset[str] = AGENTS,
         subj: frozenset[str] = frozenset({"ने"})) -> Frame:
    return Frame(predicate, trigger, frozenset(), subj=subj, obj_types=obj_types, confidence=confidence)


#: Speech verbs whose ``कि`` clause states the relation (triggers as in :mod:`kg.nlp.frames`).
SPEECH_FRAMES: tuple[Frame, ...] = (
    _act("accuses", "आरोप + लगाया|लगाई|लगाए|लगाते|जड़ा|जड़े|जड़ते", obj_types=_ACCUSED),
    _act("accuses", "दावा + किया|किए|करते", confidence=0.65, obj_types=_ACCUSED),
    _act("criticizes", "निंदा|आलोचना|भर्त्सना + की|किया|करते"),
    _act("criticizes", "चेताया|चेताते"),
    _act("criticizes", "चेतावनी + दी|दिया|देते", confidence=0.65),
    _act("urges", "अपील|आग्रह|आह्वान|अनुरोध + की|किया|करते"),
    _act("expressesConcernAbout", "चिंता|आशंका + जताई|जताया|जताते|व्यक्त|जाहिर"),
    _act("expressesConcernAbout", "चिंता|आशंका + है|हैं|थी", subj=frozenset({"को"})),  # "X को चिंता है कि"
)

_BLAME = ("अस्वीकार्य|खतरनाक|गैरजिम्मेदाराना|गैर-जिम्मेदाराना|भ्रामक|निराधार|बेबुनियाद|झूठा|झूठी|झूठे|"
          "पक्षपाती|पक्षपातपूर्ण|अलोकतांत्रिक|अवैध|गैरकानूनी|निंदनीय|शर्मनाक")
#: Calling a named actor's deed by a word of blame: ``X ने Y के कदम को अस्वीकार्य बताया``.
EVALUATION_FRAMES: tuple[Frame, ...] = (
    _act("criticizes", _BLAME + " + बताया|बताते|बताता|बताती|बताए|करार", confidence=0.6),
)
#: A word of blame said of what a named actor did: ``X ने कहा, 'Y की रिपोर्ट भ्रामक है'``.
VERDICT_FRAMES: tuple[Frame, ...] = (
    _act("criticizes", _BLAME + " + है|हैं|था|थी|थे", confidence=0.55),
)

# Words that may stand between the speech verb and its "कि": auxiliaries, "भी", "करते हुए कहा".
_BEFORE_KI = {"है", "हैं", "था", "थी", "थे", "भी", "हुए", "कहा", ","}
# A marked argument between speaker and verb is the verb's own object, read by the frames.
_OBJECT_MARKERS = {"पर", "को", "की", "के", "का", "से", "के खिलाफ"}
_SUBJECT_MARKERS = {"", "ने"}
_EVALUATED_MARKERS = {"के", "की", "का", "द्वारा", "के द्वारा", "को"}
_QUOTES = {"'", '"', "‘", "’", "“", "”", "भी"}
_SAYING = {"कहा", "लिखा", "बताया", "कहते"}
_OPENERS = {"कि", ",", ":", "'", '"', "‘", "“"}
_SAID_MARKERS = {"", "ने", "का", "की", "के"}
_GAP = 3

Emit = Callable[[Frame, int, int, list[tuple[Arg, Arg]]], list[RelRec]]


def complement_start(norms: Sequence[str], end: int, limit: int) -> int | None:
    """Token after the ``कि`` that follows a speech verb ending at ``end``, if one does.

    Examples
    --------
    >>> complement_start("ने दावा किया है कि रूस".split(), 3, 6)
    5
    """
    for j in range(end, min(end + 4, limit)):
        if norms[j] == "कि":
            return j + 1
        if norms[j] not in _BEFORE_KI:
            return None
    return None


def _speaker(args: Sequence[Arg], norms: Sequence[str], sent_start: int, start: int,
             markers: frozenset[str]) -> list[Arg]:
    """The ``ने`` (or other ``markers``) argument of the speech verb's clause, unless the verb has
    a marked object there."""
    inside = frozenset(i for a in args for i in range(a.start, a.end))
    first = clause_start(norms, sent_start, start, inside)
    left = [a for a in args if first <= a.start and a.end <= start and not a.extra.get("anchor")]
    agent = next((a for a in reversed(left) if a.marker in markers and a.type in AGENTS), None)
    if agent is None or any(a.start > agent.start and a.marker in _OBJECT_MARKERS for a in left):
        return []
    return [a for a in left if a.group == agent.group] if agent.group >= 0 else [agent]


def _clause_subject(args: Sequence[Arg], norms: Sequence[str], ki: int, limit: int,
                    types: frozenset[str]) -> list[Arg]:
    """The first argument of the ``कि`` clause when it is the clause's subject (and its group)."""
    first = next((a for a in args if a.start >= ki and not a.extra.get("anchor")), None)
    if first is None or any(norms[j] in BOUNDARIES for j in range(ki, min(first.start, limit))):
        return []
    if first.marker not in _SUBJECT_MARKERS or first.type not in types:
        return []
    if first.group < 0:
        return [first]
    return [a for a in args if a.group == first.group and a.type in types]


def _evaluated(args: Sequence[Arg], norms: Sequence[str], sent_start: int, start: int) -> list[Arg]:
    """The first argument of the ``को`` phrase before a word of blame, and the ``ने`` speaker before it."""
    j = start - 1
    while j > sent_start and norms[j] in _QUOTES:
        j -= 1
    if norms[j] != "को":
        return []
    inside = frozenset(i for a in args for i in range(a.start, a.end))
    first = clause_start(norms, sent_start, start, inside)
    left = [a for a in args if first <= a.start and a.end <= j and not a.extra.get("anchor")]
    agent = next((a for a in reversed(left) if a.marker == "ने" and a.type in AGENTS), None)
    if agent is None:
        return []
    target = next((a for a in left if a.start > agent.start), None)
    if target is None or target.marker not in _EVALUATED_MARKERS or target.type not in AGENTS:
        return []
    return [agent, target]


def _said(args: Sequence[Arg], norms: Sequence[str], sent_start: int, start: int) -> list[Arg]:
    """The speaker of the saying verb before a predicative word of blame, and the first argument
    of what was said (its subject or possessor: "Y ने ...", "Y की रिपोर्ट")."""
    verb = next((j for j in range(start - 2, sent_start - 1, -1)
                 if norms[j] in _SAYING and norms[j + 1] in _OPENERS), None)
    speakers = [] if verb is None else _speaker(args, norms, sent_start, verb, frozenset({"ने"}))
    said = [a for a in args if verb is not None and verb < a.start and a.end <= start
            and not a.extra.get("anchor")]
    if len(speakers) != 1 or not said or said[0].marker not in _SAID_MARKERS or said[0].type not in AGENTS:
        return []
    return [speakers[0], said[0]]


def _pairs(frame: Frame, args: Sequence[Arg], norms: Sequence[str], bounds: tuple[int, int], start: int,
           end: int) -> list[tuple[Arg, Arg]]:
    """Speaker-target pairs of the speech (or blame) trigger ``[start, end)``."""
    if frame in EVALUATION_FRAMES or frame in VERDICT_FRAMES:
        read = _evaluated if frame in EVALUATION_FRAMES else _said
        found = read(args, norms, bounds[0], start)
        return [(found[0], found[1])] if found else []
    ki = complement_start(norms, end, bounds[1])
    speakers = _speaker(args, norms, bounds[0], start, frame.subj) if ki is not None else []
    targets = _clause_subject(args, norms, ki, bounds[1], frame.obj_types) if speakers and ki else []
    return [(s, o) for s in speakers for o in targets]


def speech_relations(norms: Sequence[str], bounds: tuple[int, int], args: Sequence[Arg],
                     frames: Sequence[tuple[Frame, Trigger]], found: Sequence[RelRec],
                     emit: Emit, first: FirstWords | None = None) -> list[RelRec]:
    """Relations stated through a speech verb and its ``कि`` clause in the sentence ``bounds``.

    ``emit(frame, start, end, pairs)`` builds the records (modality and time as for a frame);
    a triple the frames already found in the sentence is not repeated. ``first`` is the
    :class:`~kg.nlp.triggers.FirstWords` of the frames' triggers (made here if not given).
    """
    first = first or FirstWords([parts for _, parts in frames])
    seen = {(r.subject, r.predicate, r.object) for r in found}
    out: list[RelRec] = []
    for i in range(*bounds):
        for n in first(norms[i]):
            frame, parts = frames[n]
            end = match_rest(norms, i, bounds[1], parts, _GAP)
            if end is None:
                continue
            pairs = _pairs(frame, args, norms, bounds, i, end)
            for rec in emit(frame, i, end, [(s, o) for s, o in pairs if not set(s.keys) & set(o.keys)]):
                if (rec.subject, rec.predicate, rec.object) not in seen:
                    seen.add((rec.subject, rec.predicate, rec.object))
                    out.append(rec)
    return out
