"""Arguments: the mentions (and resolved references) that relations connect."""

from __future__ import annotations

from dataclasses import dataclass, field

from kg.nlp.state import ARGS, TITLES

__all__ = ["ARGS", "TITLES", "Arg", "TitleLink", "KIND_CONFIDENCE"]


# How much we trust a mention found by each route (multiplies the relation confidence).
KIND_CONFIDENCE = {
    "name": 1.0, "organ": 0.95, "demonym": 0.9, "metonym": 0.9, "title": 0.9, "orghead": 0.85,
    "model": 0.8, "surname": 0.85, "role": 0.85, "pronoun": 0.8, "group": 0.8, "definite": 0.8, "event": 0.75,
    "zero": 0.7, "part": 0.9, "acronym": 0.85, "loan": 0.85,
}


@dataclass(eq=False)
class Arg:
    """A possible relation argument over tokens ``[start, end)``.

    ``keys`` has one entity key, or several for a group (``दोनों देश``).
    """

    start: int
    end: int
    keys: tuple[str, ...]
    type: str
    kind: str
    sent: int = 0
    marker: str = ""
    group: int = -1  # index of the coordination group, -1 if alone
    extra: dict = field(default_factory=dict)

    @property
    def confidence(self) -> float:
        return KIND_CONFIDENCE.get(self.kind, 0.8)


@dataclass(frozen=True)
class TitleLink:
    """``[anchor] [के] title name``: a person's role and whom it is held in."""

    person: str
    role: str
    anchor: str | None
    anchor_type: str | None
    start: int
    end: int
    leader: bool
