"""Build the vis-network data with pyvis and render the self-contained HTML page.

pyvis builds the nodes, edges and options; its own HTML template is *not*
used, because it links Bootstrap and other files from CDNs and shows tooltips
through ``innerHTML``. Our template (``assets/viewer.html``) inlines the
vis-network library shipped inside the pyvis package, our CSS and script, and
the graph as JSON in a ``<script type="application/json">`` block. A
Content-Security-Policy with the hashes of exactly these inline scripts and
styles forbids everything else (no network, no injected script).
"""

from __future__ import annotations

import base64
import hashlib
import json
import re
from collections import Counter
from importlib import resources
from typing import TYPE_CHECKING, Any

from pyvis.network import Network

from kg.errors import error
from kg.viewer.layout import layout_positions
from kg.viewer.model import ViewModel, build_model
from kg.viewer.style import FONT, edge_style, node_size, node_style, ui_config

if TYPE_CHECKING:  # pragma: no cover
    from kg.graph import KnowledgeGraph

__all__ = ["LAYOUT_THRESHOLD", "render_html", "safe_json", "vis_data"]

LAYOUT_THRESHOLD = 300
"""Above this many nodes, positions are precomputed and physics is off."""

VIS_VERSION = "vis-9.1.2"
_ESCAPES = {"<": "\\u003c", ">": "\\u003e", "&": "\\u0026"}
# Besides markup: what HTML calls a parse error (C1 controls, DEL, non-characters), lone
# surrogates (not UTF-8) and the JavaScript line breaks U+2028/U+2029.
_NONCHARS = "".join(chr(plane * 0x10000 + low) for plane in range(1, 17) for low in (0xFFFE, 0xFFFF))
_ESCAPE = re.compile(f"[<>&\u2028\u2029\x7f-\x9f\ufdd0-\ufdef\ufffe\uffff\ud800-\udfff{_NONCHARS}]")
_CLOSE = re.compile(r"</(script|style)", re.IGNORECASE)


def _escape(match: re.Match[str]) -> str:
    char = match.group(0)
    if char in _ESCAPES:
        return _ESCAPES[char]
    if ord(char) > 0xFFFF:  # a UTF-16 surrogate pair, as JSON writes astral characters
        code = ord(char) - 0x10000
        return f"\\u{0xD800 + (code >> 10):04x}\\u{0xDC00 + (code & 0x3FF):04x}"
    return f"\\u{ord(char):04x}"


def safe_json(obj: Any) -> str:
    """Deterministic JSON that is safe inside a ``<script>`` element.

    ``<``, ``>``, ``&``, U+2028 and U+2029 are written as ``\\uXXXX`` escapes,
    so no string can close the script element or open a comment; so are the characters
    an HTML parser reports as errors (controls, non-characters such as U+FFFF) and lone
    surrogates, so the page is valid UTF-8 and parses cleanly.

    Examples
    --------
    >>> safe_json({"b": "</script><b>&", "a": 1})
    '{"a":1,"b":"\\\\u003c/script\\\\u003e\\\\u003cb\\\\u003e\\\\u0026"}'
    >>> json.loads(safe_json(["\\u2028<"])) == ["\\u2028<"]
    True
    >>> safe_json(["\\uffff\\x85\\U0010ffff"])
    '["\\\\uffff\\\\u0085\\\\udbff\\\\udfff"]'
    """
    text = json.dumps(obj, ensure_ascii=False, sort_keys=True, separators=(",", ":"), allow_nan=False)
    return _ESCAPE.sub(_escape, text)


def _asset(package: str, *parts: str, inline: bool = True) -> str:
    """Text of a file shipped inside ``package`` (our assets or pyvis's vis-network).

    ``inline`` files go inside a ``<script>`` or ``<style>`` element, so they
    must not contain a closing tag.
    """
    try:
        text = resources.files(package).joinpath(*parts).read_text(encoding="utf-8")
    except (OSError, ModuleNotFoundError) as exc:
        raise error("viewer_asset", name="/".join((package, *parts)), reason=exc) from exc
    if inline and _CLOSE.search(text):
        raise error("viewer_asset", name="/".join((package, *parts)), reason="contains a closing tag")
    return text


def _csp_hash(text: str) -> str:
    digest = hashlib.sha256(text.encode("utf-8")).digest()
    return "'sha256-" + base64.b64encode(digest).decode("ascii") + "'"


def _csp(scripts: list[str], styles: list[str]) -> str:
    """A policy allowing only the given inline scripts and styles, and data: images."""
    return "; ".join([
        "default-src 'none'",
        "script-src " + " ".join(_csp_hash(s) for s in scripts),
        "style-src " + " ".join(_csp_hash(s) for s in styles),
        "img-src data:",
        "base-uri 'none'",
        "form-action 'none'",
        "object-src 'none'",
    ])


def _add_nodes(net: Network, model: ViewModel, positions: dict[str, tuple[int, int]]) -> None:
    for node in model.nodes:
        color, shape = node_style(node["type"])
        extra: dict[str, Any] = {}
        if node["vid"] in positions:
            extra["x"], extra["y"] = positions[node["vid"]]
        net.add_node(
            node["vid"], label=node["label"], shape=shape, size=node_size(node["degree"]),
            color={"background": color, "border": "#333333",
                   "highlight": {"background": color, "border": "#000000"},
                   "hover": {"background": color, "border": "#000000"}},
            **extra,
        )


def _add_edges(net: Network, model: ViewModel, curved: bool) -> None:
    seen: Counter[tuple[str, str]] = Counter()
    for edge in model.edges:
        label = edge["predicate"]
        if edge["modality"] != "asserted":
            label += f" ({edge['modality']})"
        extra: dict[str, Any] = {}
        pair = (min(edge["from"], edge["to"]), max(edge["from"], edge["to"]))
        if curved and seen[pair]:
            extra["smooth"] = {"enabled": True, "type": "curvedCW", "roundness": 0.25 * seen[pair]}
        seen[pair] += 1
        net.add_edge(edge["from"], edge["to"], id=edge["id"], label=label,
                     **edge_style(edge["modality"], edge["derived"]), **extra)


def _options(net: Network, big: bool) -> dict[str, Any]:
    """vis-network options: pyvis's physics settings plus our fonts and interaction."""
    if big:
        net.toggle_physics(False)
    else:
        net.barnes_hut(gravity=-3000, central_gravity=0.5, spring_length=110,
                       spring_strength=0.04, damping=0.35, overlap=0.6)
        net.options.physics.stabilization.iterations = 400
        net.options.physics.stabilization.fit = False  # the page fits, with room for labels
    options = json.loads(net.options.to_json())
    options["edges"].update({
        "arrows": {"to": {"enabled": True, "scaleFactor": 0.6}},
        "color": {"inherit": False},
        "font": {"face": FONT, "size": 12, "align": "middle", "strokeWidth": 4, "strokeColor": "#ffffff"},
        "smooth": {"enabled": not big, "type": "dynamic"},
        "selectionWidth": 2,
    })
    options["nodes"] = {"font": {"face": FONT, "size": 15, "strokeWidth": 4, "strokeColor": "#ffffff"},
                        "borderWidth": 1, "borderWidthSelected": 3}
    options["interaction"].update({"hover": True, "tooltipDelay": 150, "multiselect": False,
                                   "hideEdgesOnDrag": big, "hideEdgesOnZoom": big})
    options["layout"] = {"randomSeed": 7, "improvedLayout": not big}
    return options


def vis_data(model: ViewModel, layout_threshold: int = LAYOUT_THRESHOLD) -> dict[str, Any]:
    """Nodes, edges and options for vis-network, built with pyvis.

    Examples
    --------
    >>> from kg.graph import KnowledgeGraph
    >>> from kg.records import Entity, Relation
    >>> a, b = Entity("a", "A", "ए", "Person"), Entity("b", "B", "बी", "City")
    >>> vis = vis_data(build_model(KnowledgeGraph([], [a, b], [Relation(a, "visits", b)])))
    >>> [(n["id"], n["shape"]) for n in vis["nodes"]], vis["edges"][0]["label"], vis["big"]
    ([('n:a', 'dot'), ('n:b', 'triangle')], 'visits', False)
    """
    big = len(model.nodes) > layout_threshold
    positions = {}
    if big:
        pairs = [(e["from"], e["to"]) for e in model.edges]
        positions = layout_positions([n["vid"] for n in model.nodes], pairs)
    net = Network(height="100%", width="100%", directed=True, cdn_resources="in_line")
    _add_nodes(net, model, positions)
    _add_edges(net, model, curved=not big)
    return {"nodes": net.nodes, "edges": net.edges, "options": _options(net, big), "big": big}


TOP_THRESHOLD = 300  # above this many entities the page opens on the most connected ones
TOP_DEFAULT = 150


def top_entities(n_nodes: int) -> int:
    """How many of the most connected entities the page shows at first (all of a small graph).

    Examples
    --------
    >>> top_entities(40), top_entities(10_000)
    (40, 150)
    """
    return n_nodes if n_nodes <= TOP_THRESHOLD else TOP_DEFAULT


def render_html(kg: KnowledgeGraph, layout_threshold: int = LAYOUT_THRESHOLD) -> str:
    """The complete viewer page for ``kg`` as a string (deterministic).

    Examples
    --------
    >>> from kg.graph import KnowledgeGraph
    >>> page = render_html(KnowledgeGraph([], [], []))
    >>> page.startswith("<!DOCTYPE html>"), "https://cdn" in page
    (True, False)
    """
    model = build_model(kg)
    data = {
        "vis": vis_data(model, layout_threshold),
        "nodes": model.nodes,
        "edges": model.edges,
        "docs": model.docs,
        "ui": {**ui_config(model.types()), "top": top_entities(len(model.nodes))},
    }
    scripts = [_asset("pyvis", "templates", "lib", VIS_VERSION, "vis-network.min.js"),
               _asset("kg.viewer", "assets", "viewer.js")]
    styles = [_asset("pyvis", "templates", "lib", VIS_VERSION, "vis-network.css"),
              _asset("kg.viewer", "assets", "viewer.css")]
    parts = {"CSP": _csp(scripts, styles), "VIS_CSS": styles[0], "CSS": styles[1],
             "VIS_JS": scripts[0], "JS": scripts[1], "DATA": safe_json(data)}
    template = _asset("kg.viewer", "assets", "viewer.html", inline=False)
    return re.sub(r"@@KG_([A-Z_]+)@@", lambda m: parts[m.group(1)], template)
