"""Events a relation creates (a visit, a warrant, an agreement), for later references.

``इसे``, ``इस यात्रा`` and the like point back at the latest event of their kind; the
relation extractor registers each event here as an ``Event`` entity of the document.
"""

from __future__ import annotations

from kg.nlp.canonical import EntityInfo
from kg.nlp.lexicon import slugify
from kg.nlp.rel import RelRec

__all__ = ["register_event"]


def register_event(entities: dict[str, EntityInfo], events: list[tuple[str, str, int]], kind: str,
                   rec: RelRec, sent_start: int) -> None:
    """Add the event of kind ``kind`` that ``rec`` states to ``entities`` and ``events``.

    Parameters
    ----------
    entities : dict
        The document's entities by key; the event is added under ``event-<slug>``.
    events : list
        ``(kind, key, first token of its sentence)`` of every event so far, in order.
    kind : str
        ``visit``, ``warrant`` or ``agreement``.
    rec : RelRec
        The relation stating the event (its ends must be known entities).
    sent_start : int
        First token of the sentence stating it.

    Examples
    --------
    >>> ents = {"a": EntityInfo("a", "A", "अ", "Person"), "b": EntityInfo("b", "B", "ब", "Country")}
    >>> events = []
    >>> register_event(ents, events, "visit", RelRec("a", "visits", "b", "asserted", None, None,
    ...                0.9, 0, 5), 0)
    >>> events, ents[events[0][1]].label
    ([('visit', 'event-visit-of-a-to-b', 0)], 'visit of A to B')
    """
    subj, obj = entities.get(rec.subject), entities.get(rec.object)
    if subj is None or obj is None:
        return
    label, label_hi = {
        "visit": (f"visit of {subj.label} to {obj.label}", f"{subj.label_hi} की {obj.label_hi} यात्रा"),
        "warrant": (f"arrest warrant for {obj.label}", f"{obj.label_hi} के लिए गिरफ्तारी वारंट"),
        "agreement": (
            f"agreement between {subj.label} and {obj.label}",
            f"{subj.label_hi} और {obj.label_hi} के बीच समझौता",
        ),
    }[kind]
    key = "event-" + slugify(label)
    entities.setdefault(key, EntityInfo(key, label, label_hi, "Event"))
    events.append((kind, key, sent_start))
