"""Viewer tests that need no browser: self-contained, escaped, deterministic output."""

from __future__ import annotations

import base64
import hashlib
import json
import random
import re
from pathlib import Path

import pytest
from conftest import XSS_ALIAS, XSS_LABEL, XSS_LINK, XSS_SENTENCE
from hypothesis import given
from hypothesis import strategies as st

from kg.errors import KGError
from kg.graph import KnowledgeGraph
from kg.records import Entity, Relation
from kg.viewer import render_html, write_html
from kg.viewer.model import build_model
from kg.viewer.render import safe_json, vis_data


def _blocks(page: str, tag: str) -> list[str]:
    return re.findall(rf"<{tag}(?:\s[^>]*)?>(.*?)</{tag}>", page, flags=re.DOTALL)


def _data(page: str) -> dict:
    match = re.search(r'<script type="application/json" id="kg-data">(.*?)</script>', page, re.DOTALL)
    assert match
    return json.loads(match.group(1))


def _big_graph(n: int = 60, seed: int = 3) -> KnowledgeGraph:
    rng = random.Random(seed)
    ents = [Entity(f"n{i}", f"Node {i}", f"नोड {i}", "Person" if i % 2 else "City") for i in range(n)]
    rels = [Relation(ents[rng.randrange(n)], "meets", ents[rng.randrange(n)]) for _ in range(2 * n)]
    return KnowledgeGraph([], ents, rels)


def test_no_external_references(seed_graph: KnowledgeGraph) -> None:
    page = render_html(seed_graph)
    assert not re.search(r"<(script|img|iframe|link)\b[^>]*\b(src|href)\s*=", page, re.IGNORECASE)
    assert "@import" not in page
    assert "cdn." not in page.lower() and "bootstrap" not in page.lower()
    for url in re.findall(r"url\(\s*['\"]?([^'\")]*)", page):
        assert url.startswith("data:"), url


def test_csp_allows_exactly_the_inline_scripts_and_styles(seed_graph: KnowledgeGraph) -> None:
    page = render_html(seed_graph)
    csp = re.search(r'http-equiv="Content-Security-Policy" content="([^"]+)"', page).group(1)
    assert "default-src 'none'" in csp and "'unsafe-inline'" not in csp and "'unsafe-eval'" not in csp

    def sha(text: str) -> str:
        return "'sha256-" + base64.b64encode(hashlib.sha256(text.encode()).digest()).decode() + "'"

    scripts = re.findall(r"<script>(.*?)</script>", page, re.DOTALL)
    styles = _blocks(page, "style")
    assert len(scripts) == 2 and len(styles) == 2
    script_src = next(p for p in csp.split("; ") if p.startswith("script-src"))
    style_src = next(p for p in csp.split("; ") if p.startswith("style-src"))
    assert script_src.split()[1:] == [sha(s) for s in scripts]
    assert style_src.split()[1:] == [sha(s) for s in styles]


def test_hostile_text_is_escaped_and_round_trips(xss_graph: KnowledgeGraph) -> None:
    page = render_html(xss_graph)
    for raw in ("<script>window.__pwned", "<img src=x", "</script><script>", "<svg onload", "\u2028"):
        assert raw not in page
    data = _data(page)
    bad = next(n for n in data["nodes"] if n["id"] == "evil-<x>")
    assert bad["label"] == XSS_LABEL and bad["label_hi"] == XSS_ALIAS
    assert bad["wikidata"] == XSS_LINK and bad["url"] is None
    assert XSS_LINK in bad["aliases"]
    edge = next(e for e in data["edges"] if e["predicate"] == "criticizes")
    assert "".join(seg[0] for seg in edge["evidence"][0]["segments"]) == XSS_SENTENCE


def test_same_graph_gives_byte_identical_file(seed_graph: KnowledgeGraph, tmp_path: Path) -> None:
    write_html(seed_graph, tmp_path / "a.html")
    shuffled = KnowledgeGraph(seed_graph.documents, reversed(seed_graph.entities),
                              reversed(seed_graph.relations))
    write_html(shuffled, tmp_path / "b.html")
    assert (tmp_path / "a.html").read_bytes() == (tmp_path / "b.html").read_bytes()


def test_precomputed_layout_is_deterministic_and_static() -> None:
    first = render_html(_big_graph(), layout_threshold=10)
    assert first == render_html(_big_graph(), layout_threshold=10)
    vis = _data(first)["vis"]
    assert vis["big"] and vis["options"]["physics"]["enabled"] is False
    assert vis["nodes"] and all(isinstance(n["x"], int) and isinstance(n["y"], int) for n in vis["nodes"])


def test_small_graph_uses_physics_without_positions(seed_graph: KnowledgeGraph) -> None:
    vis = vis_data(build_model(seed_graph))
    assert not vis["big"] and vis["options"]["physics"]["enabled"] is True
    assert vis["nodes"] and vis["edges"] and not any("x" in n for n in vis["nodes"])
    assert not any("title" in n for n in vis["nodes"] + vis["edges"])  # no vis HTML tooltips


def test_styles_by_type_and_modality(seed_graph: KnowledgeGraph) -> None:
    model = build_model(seed_graph)
    vis = vis_data(model)
    shapes = {n["id"]: n["shape"] for n in vis["nodes"]}
    assert shapes["n:Q7747"] == "dot" and shapes["n:Q881"] == "diamond" and shapes["n:Q47488"] == "square"
    by_id = {e["id"]: e for e in vis["edges"]}
    for edge in model.edges:
        style = by_id[edge["id"]]
        assert style["label"].startswith(edge["predicate"])
        if edge["derived"]:
            assert style["width"] == 1 and style["dashes"]
        elif edge["modality"] == "planned":
            assert style["dashes"] and style["label"] == "meets (planned)"
        else:
            assert style["dashes"] is False and style["width"] == 2


def test_evidence_highlights_subject_and_object(seed_graph: KnowledgeGraph) -> None:
    edge = next(e for e in build_model(seed_graph).edges if e["predicate"] == "visits")
    marked = {(text, role) for text, role in edge["evidence"][0]["segments"] if role}
    assert ("व्लादिमीर पुतिन", "subject") in marked and ("वियतनाम", "object") in marked
    assert edge["place"]["label"] == "Hanoi" and edge["time"] == "2024-06-20"


def test_entities_only_referenced_by_relations_become_nodes() -> None:
    a = Entity("a", "A", "ए", "Person")
    b = Entity("b", "B", "बी", "Region")
    model = build_model(KnowledgeGraph([], [a], [Relation(a, "visits", b)]))
    assert [n["id"] for n in model.nodes] == ["a", "b"]


def test_empty_graph_renders(tmp_path: Path) -> None:
    write_html(KnowledgeGraph([], [], []), tmp_path / "empty.html")
    data = _data((tmp_path / "empty.html").read_text(encoding="utf-8"))
    assert data["nodes"] == [] and data["edges"] == []


def test_to_html_writes_atomically(seed_graph: KnowledgeGraph, tmp_path: Path) -> None:
    out = seed_graph.to_html(tmp_path / "sub" / "graph.html")
    assert out.read_text(encoding="utf-8").startswith("<!DOCTYPE html>")
    assert sorted(p.name for p in out.parent.iterdir()) == ["graph.html"]


def test_unwritable_path_is_a_kg_error(seed_graph: KnowledgeGraph, tmp_path: Path) -> None:
    (tmp_path / "file").write_text("x")
    with pytest.raises(KGError, match="cannot write the HTML viewer"):
        write_html(seed_graph, tmp_path / "file" / "graph.html")


@given(st.recursive(st.text() | st.integers() | st.booleans() | st.none(),
                    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(), inner, max_size=4),
                    max_leaves=20))
def test_safe_json_never_contains_markup_and_round_trips(value: object) -> None:
    text = safe_json(value)
    assert not set(text) & {"<", ">", "&", "\u2028", "\u2029"}
    assert json.loads(text) == value


def test_non_finite_confidence_is_dropped() -> None:
    a = Entity("a", "A", "ए", "Person")
    page = render_html(KnowledgeGraph([], [a], [Relation(a, "visits", a, confidence=float("nan"))]))
    assert _data(page)["edges"][0]["confidence"] is None
