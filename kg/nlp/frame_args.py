"""The arguments a frame takes from the left of its trigger: objects and symmetric pairs.

Pure functions over a sentence's :class:`~kg.nlp.args.Arg` list, used by
:class:`kg.nlp.relations.RelationExtractor`.
"""

from __future__ import annotations

from kg.nlp.args import Arg
from kg.nlp.frames import Frame

__all__ = ["frame_objects", "symmetric_pairs"]


#: Participles of an event held somewhere: "दिल्ली में आयोजित", "भारत में चल रहे", "वहां हुए".
_HELD = frozenset({"आयोजित", "चल", "चले", "चली", "हो", "होने", "हुए", "हुई", "हुआ"})


def _held(norms: list[str], i: int) -> bool:
    """A participle of an event held in a place at token ``i`` ("आयोजित", "चल रहे", "होने वाले").

    >>> _held("दिल्ली में आयोजित सम्मेलन".split(), 2), _held("दिल्ली में सम्मेलन".split(), 2)
    (True, False)
    """
    return i < len(norms) and norms[i] in _HELD


def frame_objects(frame: Frame, left: list[Arg], start: int, norms: list[str]) -> list[Arg]:
    """The object(s) of ``frame`` triggered at ``start``: the nearest argument to its left with one
    of the frame's object postpositions and types (its whole coordinated group)."""
    for arg in reversed(left):
        if arg.marker not in frame.obj or arg.type not in frame.obj_types or arg.extra.get("anchor"):
            continue  # "फ्रांस के राष्ट्रपति": a title's anchor is no object
        if arg.marker in {"को", "से", "पर"} and norms[arg.end:start].count(arg.marker) > 1:
            break  # "हूतियों को हथियार देने के आरोपों को खारिज": a nearer "को" phrase is the object
        if arg.marker == "" and not frame.swap and start - arg.end > 1:
            continue
        if frame.agent_before_noun and arg is left[-1] and start - arg.end <= 2:
            continue  # "यूक्रेन में रूस के हमले": the genitive right before the noun is its agent
        if frame.held_in and not _held(norms, arg.end + 1):
            continue
        if arg.group < 0:
            return [arg]
        return [a for a in left if a.group == arg.group and a.type in frame.obj_types]
    return []


def symmetric_pairs(left: list[Arg], subjects: list[Arg]) -> list[tuple[Arg, Arg]]:
    """The pairs of a symmetric frame: the members of a ``के बीच`` group, else the coordinated
    subjects (``दोनों नेताओं ने``: the keys of one plural argument), each with the first."""
    between = next((a for a in reversed(left) if a.marker == "के बीच"
                    and (a.group >= 0 or len(a.keys) > 1)), None)
    if between is not None and between.group < 0:
        group = [between]  # "दोनों देशों के बीच"
    else:
        group = [a for a in left if between and a.group == between.group] or subjects
    if len(group) == 1 and len(group[0].keys) > 1:  # "दोनों नेताओं ने ... हस्ताक्षर किए"
        whole = group[0]
        group = [
            Arg(whole.start, whole.end, (k,), whole.type, whole.kind, whole.sent) for k in whole.keys
        ]
    return [(group[0], other) for other in group[1:]]
