"""Mapping of HiNER labels onto the entity types of `kg`.

HiNER annotates eleven labels.  The model is trained on all of them (the rarer
ones help it tell a language or a festival from a place), but under the names
used by `kg`: the four that the knowledge graph needs map onto our types and the
others keep a descriptive name so that they can be filtered out downstream.

``Location`` is deliberately coarse: the extractor refines it into ``Country``,
``City`` or ``Region`` with its gazetteer; ``Date`` feeds the ``time`` field of
relations.
"""

from __future__ import annotations

__all__ = ["HINER_LABELS", "LABEL_MAP", "KG_LABELS", "TARGET_LABELS", "map_label"]

HINER_LABELS = (
    "PERSON",
    "ORGANIZATION",
    "LOCATION",
    "TIMEX",
    "NUMEX",
    "LANGUAGE",
    "RELIGION",
    "FESTIVAL",
    "GAME",
    "LITERATURE",
    "MISC",
)

LABEL_MAP: dict[str, str] = {
    "PERSON": "Person",
    "ORGANIZATION": "Organization",
    "LOCATION": "Location",
    "TIMEX": "Date",
    "NUMEX": "Quantity",
    "LANGUAGE": "Language",
    "RELIGION": "Religion",
    "FESTIVAL": "Festival",
    "GAME": "Game",
    "LITERATURE": "Literature",
    "MISC": "Misc",
}

#: The labels the component writes by default: the ones `kg` has a use for.
KG_LABELS = ("Person", "Organization", "Location", "Date")

#: The labels of the headline score (micro F1 over these three).
TARGET_LABELS = ("Person", "Organization", "Location")


def map_label(label: str) -> str:
    """Map a HiNER label (with or without its BIO prefix) onto a `kg` label.

    Labels that are already `kg` labels are returned unchanged, so the function
    is idempotent.

    Parameters
    ----------
    label : str
        A HiNER label such as ``"PERSON"`` or ``"B-PERSON"``, or a `kg` label.

    Returns
    -------
    str
        The `kg` label.

    Raises
    ------
    KeyError
        If the label is neither a HiNER nor a `kg` label.

    Examples
    --------
    >>> map_label("B-PERSON")
    'Person'
    >>> map_label("TIMEX")
    'Date'
    >>> map_label("Location")
    'Location'
    """
    if label[:2] in ("B-", "I-"):
        label = label[2:]
    if label in LABEL_MAP.values():
        return label
    return LABEL_MAP[label.upper()]
