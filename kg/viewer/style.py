"""Colours, shapes and line styles of the viewer (one place for the legend and the graph).

Node colours follow the Okabe-Ito palette, which stays distinguishable for the
common forms of colour blindness; every type also has its own shape, and
every modality its own colour *and* line pattern, so nothing relies on colour
alone.
"""

from __future__ import annotations

import math
from typing import Any

__all__ = ["FONT", "edge_style", "node_size", "node_style", "ui_config"]

FONT = "'Noto Sans', 'Noto Sans Devanagari', 'Nirmala UI', Mangal, Arial, sans-serif"

NODE_STYLES: dict[str, tuple[str, str]] = {
    "Person": ("#E69F00", "dot"),
    "Organization": ("#56B4E9", "square"),
    "Country": ("#009E73", "diamond"),
    "City": ("#D55E00", "triangle"),
    "Region": ("#0072B2", "hexagon"),
    "Event": ("#CC79A7", "star"),
}
UNKNOWN_NODE = ("#9E9E9E", "ellipse")

MODALITY_STYLES: dict[str, dict[str, Any]] = {
    "asserted": {"color": "#4D4D4D", "dashes": False},
    "planned": {"color": "#0072B2", "dashes": [10, 6]},
    "alleged": {"color": "#E69F00", "dashes": False},
    "denied": {"color": "#C0392B", "dashes": False},
    "negated": {"color": "#7B3294", "dashes": False},
}
DERIVED = {"color": "#A6A6A6", "dashes": [2, 5], "width": 1}


def node_style(entity_type: str) -> tuple[str, str]:
    """``(colour, vis shape)`` of an entity type.

    Examples
    --------
    >>> node_style("Person")
    ('#E69F00', 'dot')
    >>> node_style("Spaceship")
    ('#9E9E9E', 'ellipse')
    """
    return NODE_STYLES.get(entity_type, UNKNOWN_NODE)


def node_size(degree: int) -> int:
    """Node radius in pixels, growing with the square root of the degree.

    Examples
    --------
    >>> [node_size(d) for d in (0, 1, 4, 100)]
    [12, 17, 22, 42]
    """
    return min(42, 12 + round(5 * math.sqrt(degree)))


def edge_style(modality: str, derived: bool) -> dict[str, Any]:
    """vis-network edge options (colour, dashes, width) for a relation.

    Derived relations are thin, dotted and grey (coloured only when their
    modality is not ``asserted``).

    Examples
    --------
    >>> edge_style("planned", False)["dashes"]
    [10, 6]
    >>> edge_style("asserted", True)["color"]["color"], edge_style("asserted", True)["width"]
    ('#A6A6A6', 1)
    """
    base = MODALITY_STYLES.get(modality, MODALITY_STYLES["asserted"])
    color = base["color"]
    dashes: Any = base["dashes"]
    width = 2
    if derived:
        color = DERIVED["color"] if modality == "asserted" else color
        dashes, width = DERIVED["dashes"], DERIVED["width"]
    return {
        "color": {"color": color, "highlight": color, "hover": color},
        "dashes": dashes,
        "width": width,
        "font": {"color": "#6E6E6E" if derived else "#333333"},
    }


def ui_config(types: list[str]) -> dict[str, Any]:
    """The legend: node types (colour, shape) and edge styles, for the page script.

    Examples
    --------
    >>> cfg = ui_config(["Person"])
    >>> cfg["types"][0], [m["name"] for m in cfg["modalities"]][:2]
    ({'name': 'Person', 'color': '#E69F00', 'shape': 'dot'}, ['asserted', 'planned'])
    """
    return {
        "types": [{"name": t, "color": node_style(t)[0], "shape": node_style(t)[1]} for t in types],
        "modalities": [{"name": m, "color": s["color"], "dashes": s["dashes"] or []}
                       for m, s in MODALITY_STYLES.items()],
        "derived": {"color": DERIVED["color"], "dashes": DERIVED["dashes"]},
        "wikidata": "https://www.wikidata.org/wiki/",
    }
