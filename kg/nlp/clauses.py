"""Subjects fixed by the grammar of the phrase around a trigger, before the usual search.

- ``X की Y यात्रा``: the genitive is the visitor (:func:`kg.nlp.possessor.noun_possessor`);
- ``रूस की निंदा करने वाले प्रस्ताव``: a participial relative clause (``V-ने वाले N``)
  states the act of the noun after ``वाले``, not of the clause's subject;
- ``भारत ने रूस पर आक्रमण के बाद से ...``: an event noun in a time phrase names a known
  event, whose agent is only one inside the phrase (``यूक्रेन पर रूस के हमले के बाद``).
"""

from __future__ import annotations

from collections.abc import Sequence

from spacy.tokens import Doc, Span

from kg.nlp.args import Arg
from kg.nlp.frames import Frame
from kg.nlp.markers import BOUNDARIES, CASES
from kg.nlp.possessor import meeting_owner, noun_possessor

__all__ = ["relative_head", "adverbial_event", "participant_after", "noun_agent", "bound_subjects", "recent",
           "infinitive_adverbial", "agent_after"]

_VAALE = {"वाले", "वाली", "वाला", "वालों"}
_COPULA = {"है", "हैं", "था", "थे", "थी", "हो", "होंगे"}  # "मिलने वाले हैं": about to, not a relative


def relative_head(norms: Sequence[str], end: int, sent_end: int, args: Sequence[Arg]) -> list[Arg] | None:
    """The noun a ``V-ने वाले`` participle after the trigger describes.

    Returns None when no such participle follows the trigger ``[.., end)``; else the
    argument right after ``वाले`` (its head), or ``[]`` when the head is no named argument.

    Examples
    --------
    >>> words = "वह रूस की निंदा करने वाले प्रस्तावों से दूर रहा".split()
    >>> relative_head(words, 4, len(words), [])
    []
    >>> words = "मोदी पुतिन से मिलने वाले हैं".split()
    >>> relative_head(words, 4, len(words), []) is None
    True
    """
    for i in range(end, min(end + 2, sent_end)):
        if norms[i] in _VAALE and i > 0 and norms[i - 1].endswith("ने"):
            if i + 1 < sent_end and norms[i + 1] in _COPULA:
                return None
            head = next((a for a in args if i < a.start <= i + 2), None)
            return [head] if head is not None else []
        if not norms[i].endswith("ने"):
            return None
    return None


_TIME_PHRASES = {("के", "बाद"), ("से", "पहले"), ("के", "दौरान"), ("के", "बीच"), ("की", "सूरत")}
_GENITIVES = {"का", "के", "की"}


def adverbial_event(frame: Frame, norms: Sequence[str], left: Sequence[Arg], objects: Sequence[Arg],
                    span: tuple[int, int]) -> list[Arg] | None:
    """The agent of an event noun that heads a time phrase (``के बाद``, ``से पहले``, ``के दौरान``).

    Returns None when the trigger ``span`` is no bare noun of an agent-after-object frame
    before such a phrase; else the genitive or demonym agent between the object and the
    noun, or ``[]``: the clause's ``ने`` / ``द्वारा`` agent does something else.

    Examples
    --------
    >>> from kg.nlp.frames import FRAMES
    >>> attack = next(f for f in FRAMES if f.trigger.startswith("हमल"))
    >>> words = "भारत ने रूस पर आक्रमण के बाद से बैठकों में भाग लिया".split()
    >>> india, russia = (Arg(0, 1, ("india",), "Country", "name", marker="ने"),
    ...                  Arg(2, 3, ("russia",), "Country", "name", marker="पर"))
    >>> adverbial_event(attack, words, [india, russia], [russia], (4, 5))
    []
    >>> words = "भारत ने रूस पर आक्रमण की निंदा की".split()
    >>> adverbial_event(attack, words, [india, russia], [russia], (4, 5)) is None
    True
    """
    start, end = span
    if not frame.agent_after_object or end != start + 1 or tuple(norms[end:end + 2]) not in _TIME_PHRASES:
        return None
    limit = max((o.end for o in objects), default=start)
    inside = [a for a in left if a not in objects and a.start >= limit and a.type in frame.subj_types
              and not a.extra.get("anchor")
              and (a.marker in _GENITIVES or (a.kind == "demonym" and a.end == start))]
    return inside[-1:]


_PARTICIPANT_EVENTS = {"meets", "visits"}
_DURING = {("में",), ("के", "दौरान")}


def participant_after(frame: Frame, norms: Sequence[str], left: Sequence[Arg], objects: Sequence[Arg],
                      span: tuple[int, int]) -> bool:
    """``पुतिन के साथ मुलाकात में मोदी ने कहा``: the subject of a meeting or visit noun that
    heads a ``में`` / ``के दौरान`` phrase, none named before it, is the clause's subject after it.

    Not when a genitive owns the noun (``मोदी की पुतिन से मुलाकात में``), nor for acts done
    to others (``हमले के दौरान``): only who meets or visits takes part in what follows.

    Examples
    --------
    >>> from kg.nlp.frames import FRAMES
    >>> meet = next(f for f in FRAMES if f.trigger.startswith("मुलाकात"))
    >>> words = "पुतिन के साथ मुलाकात में मोदी ने कहा".split()
    >>> putin = Arg(0, 1, ("putin",), "Person", "name", marker="के साथ")
    >>> participant_after(meet, words, [putin], [putin], (3, 4))
    True
    >>> words = "मोदी की पुतिन के साथ मुलाकात में अमेरिका ने कहा".split()
    >>> modi, putin = (Arg(0, 1, ("modi",), "Person", "name", marker="की"),
    ...                Arg(2, 3, ("putin",), "Person", "name", marker="के साथ"))
    >>> participant_after(meet, words, [modi, putin], [putin], (5, 6))
    False
    """
    start, end = span
    if frame.predicate not in _PARTICIPANT_EVENTS or end != start + 1 or not objects:
        return False
    if tuple(norms[end:end + 1]) not in _DURING and tuple(norms[end:end + 2]) not in _DURING:
        return False
    first = min(o.start for o in objects)
    return not any(a.marker in _GENITIVES and a.end <= first for a in left if a not in objects)


_BEFORE_AFTER = {"बाद", "दौरान"}


def infinitive_adverbial(norms: Sequence[str], end: int, sent_end: int) -> bool:
    """Whether the trigger ending at ``end`` is an infinitive heading a time phrase (``हमला करने
    के कुछ दिनों बाद``, ``बात करने से पहले``): its subject is the main clause's, named after it
    (``यूक्रेन पर हमला करने के कुछ दिनों बाद पुतिन ने कहा``). A passive (``दिए जाने के बाद``) has none.

    Examples
    --------
    >>> infinitive_adverbial("यूक्रेन पर हमला करने के कुछ दिनों बाद पुतिन ने कहा".split(), 3, 11)
    True
    >>> infinitive_adverbial("यूक्रेन पर हमले के बाद पुतिन ने कहा".split(), 3, 8)
    False
    >>> infinitive_adverbial("मान्यता दिए जाने के बाद मंत्री ने कहा".split(), 2, 8)
    False
    """
    if _while_doing(norms, end, sent_end):
        return True
    i = end
    if i < sent_end and norms[i].endswith("ने") and norms[i] not in {"ने", "अपने", "सामने"}:
        i += 1  # the light verb after a noun trigger: "हमला करने"
    elif not (end > 0 and norms[end - 1].endswith("ने") and norms[end - 1] != "ने"):
        return False
    if norms[i - 1] == "जाने" or i >= sent_end:
        return False
    if tuple(norms[i:i + 2]) == ("से", "पहले"):
        return True
    return norms[i] == "के" and any(w in _BEFORE_AFTER for w in norms[i + 1:min(i + 5, sent_end)])


def _while_doing(norms: Sequence[str], end: int, sent_end: int) -> bool:
    """``आलोचना करते हुए``, ``हमला करते हुए``: an adverbial participle; its subject is the
    main clause's (``X की आलोचना करते हुए Y ने कहा``).

    Examples
    --------
    >>> _while_doing("रूस की आलोचना करते हुए मोदी ने कहा".split(), 3, 7), _while_doing("करते हैं".split(), 1, 2)
    (True, False)
    """
    if end < sent_end and norms[end] == "हुए":
        return end > 0 and norms[end - 1].endswith("ते")
    return end + 1 < sent_end and norms[end].endswith("ते") and norms[end + 1] == "हुए"


def agent_after(args: Sequence[Arg], norms: Sequence[str], end: int, types: frozenset[str]) -> list[Arg]:
    """The first ``ने`` agent after token ``end`` in the same clause (none past a boundary)."""
    for arg in args:
        if arg.start < end or arg.extra.get("anchor"):
            continue
        if any(w in BOUNDARIES for w in norms[end:arg.start]):
            return []
        if arg.marker == "ने":
            return [Arg(arg.start, arg.end, arg.keys, arg.type, "zero", arg.sent)] if arg.type in types \
                else []
    return []


_GO = {"गया", "गए", "गये", "गई", "जाने", "जाते", "जाता", "जाती"}
_PARTICLES = {"भी", "ही", "तो"}


def auxiliary_go(frame: Frame, norms: Sequence[str], start: int, objects: Sequence[Arg]) -> bool:
    """``मारे गए``, ``भड़क गया``: a form of जाना after a verb stem is an auxiliary (passive,
    completion), not "went"; a visit names the place right before it (``मोदी रूस गए``).

    Examples
    --------
    >>> from kg.nlp.frames import FRAMES
    >>> go = next(f for f in FRAMES if "गया" in f.trigger.split("|"))
    >>> ukraine = Arg(0, 1, ("ukraine",), "Country", "demonym")
    >>> auxiliary_go(go, "यूक्रेनियन मारे गए".split(), 2, [ukraine])
    True
    >>> auxiliary_go(go, "मोदी रूस भी गए".split(), 3, [Arg(1, 2, ("russia",), "Country", "name")])
    False
    """
    if frame.predicate != "visits" or not _GO & set(frame.trigger.split("|")) or norms[start] not in _GO:
        return False
    nearest = max((o.end for o in objects), default=start)
    # a converb ("छोड़कर जाने") is left to the usual rules: जाना is a main verb there
    return any(norms[i] not in _PARTICLES and not norms[i].endswith("कर") for i in range(nearest, start))


_CASE_WORDS = CASES | {"पर", "और", ",", "तथा", "व"}  # a case word or a coordinator between


def noun_agent(frame: Frame, norms: Sequence[str], left: Sequence[Arg], objects: Sequence[Arg],
               start: int) -> list[Arg] | None:
    """The agent a noun trigger carries itself: a demonym or genitive right before it (at most
    one modifier between), after the object: ``यूक्रेन पर रूसी आक्रमण``, ``यूक्रेन पर रूस के
    ताजा हमले``. It is the noun's agent even when the clause has a ``ने`` agent of its own
    (``जेलेंस्की ने यूक्रेन पर रूसी आक्रमण की जांच ...``).

    Returns None when the frame takes no such agent or none stands there (the usual rules apply),
    except for a frame whose agent can only stand there (``agent_before_noun``): then ``[]``.

    Examples
    --------
    >>> from kg.nlp.frames import FRAMES
    >>> attack = next(f for f in FRAMES if f.trigger.startswith("हमल"))
    >>> words = "जेलेंस्की ने यूक्रेन पर रूसी आक्रमण की जांच मांगी".split()
    >>> zel, ukr, rus = (Arg(0, 1, ("zel",), "Person", "name", marker="ने"),
    ...                  Arg(2, 3, ("ukr",), "Country", "name", marker="पर"),
    ...                  Arg(4, 5, ("rus",), "Country", "demonym"))
    >>> [a.keys for a in noun_agent(attack, words, [zel, ukr, rus], [ukr], 5)]
    [('rus',)]
    >>> noun_agent(attack, words, [zel, ukr], [ukr], 5) is None
    True
    """
    if not frame.agent_after_object:
        return None
    limit = max((o.end for o in objects), default=start)
    for arg in reversed(left):
        if arg in objects or arg.start < limit or arg.extra.get("anchor") or arg.type not in frame.subj_types:
            continue
        if arg.kind == "group" or len(arg.keys) != 1:
            break  # "दोनों देशों के संबंध": a pair is read by the symmetric rules
        tail = arg.end + (1 if arg.marker in _GENITIVES else 0)
        if (arg.kind == "demonym" or arg.marker in _GENITIVES) and 0 <= start - tail <= 1 \
                and not _CASE_WORDS & set(norms[tail:start]):
            if arg.group >= 0:  # "अमेरिकी और यूरोपीय हथियारों"
                return [a for a in left
                        if a.group == arg.group and a not in objects and a.type in frame.subj_types]
            return [arg]
        break
    return [] if frame.agent_before_noun else None


def bound_subjects(frame: Frame, norms: Sequence[str], left: Sequence[Arg], objects: Sequence[Arg],
                   span: tuple[int, int], sent_end: int, args: Sequence[Arg]) -> list[Arg] | None:
    """Subjects the phrase fixes (possibly none named), or None to search as usual."""
    start, end = span
    if auxiliary_go(frame, norms, start, objects):
        return []
    head = relative_head(norms, end, sent_end, args)
    if head is not None:
        return [a for a in head if a.type in frame.subj_types and a not in objects]
    agent = adverbial_event(frame, norms, left, objects, span)
    if agent is not None:
        return agent
    agent = noun_agent(frame, norms, left, objects, start)
    if agent is not None:
        return agent
    owner = noun_possessor(frame, norms, left, objects)
    return owner if owner is not None else meeting_owner(frame, left, objects)


def recent(doc: Doc, sent: Span, where: int) -> bool:
    """Whether an event stated in the sentence starting at token ``where`` is near enough for a
    bare ``इसे`` / ``इस पर`` in ``sent``: the same sentence or the one before. (A bare "this"
    further on names a deed the article said in between, rarely an event read earlier.)"""
    previous = doc[sent.start - 1].sent.start if sent.start > 0 else sent.start
    return where >= previous
