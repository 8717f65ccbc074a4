"""The viewer in a real headless Chromium: drawing, panel, language, search, filters, safety.

Run with ``pytest -m browser``; they skip without Chromium unless ``CI=true``.
"""

from __future__ import annotations

import random
from pathlib import Path
from typing import Any

import pytest
from conftest import XSS_LABEL, XSS_SENTENCE, wait_until

from kg.graph import KnowledgeGraph
from kg.records import Entity, Relation
from kg.viewer import write_html

pytestmark = [pytest.mark.browser, pytest.mark.slow]


@pytest.fixture
def seed_page(seed_graph: KnowledgeGraph, tmp_path: Path, open_page: Any) -> tuple[Any, Any]:
    path = tmp_path / "graph.html"
    write_html(seed_graph, path)
    return open_page(path)


def _hover_node(page: Any, node_id: str) -> None:
    page.mouse.move(5, 5)
    page.mouse.move(*_node_xy(page, node_id), steps=3)


def _click_node(page: Any, node_id: str) -> None:
    page.mouse.click(*_node_xy(page, node_id))


def _node_xy(page: Any, node_id: str) -> tuple[float, float]:
    return page.evaluate("""(id) => {
        const net = kgViewer.network, box = document.getElementById('kg-network').getBoundingClientRect();
        const v = kgViewer.vid(id), c = net.canvasToDOM(net.getPositions([v])[v]);
        for (const [dx, dy] of [[0, 0], [4, 0], [-4, 0], [0, 4], [0, -4]]) {
            const p = {x: c.x + dx, y: c.y + dy};
            if (net.getNodeAt(p) === v) { return [box.left + p.x, box.top + p.y]; }
        }
        throw new Error('node ' + id + ' is covered');
    }""", node_id)


def _click_edge(page: Any, edge_id: str) -> None:
    """Click a point of the edge where nothing else (node, other edge) is hit."""
    x, y = page.evaluate("""(id) => {
        const net = kgViewer.network, box = document.getElementById('kg-network').getBoundingClientRect();
        for (const t of [0.4, 0.3, 0.6, 0.35, 0.65, 0.25, 0.7, 0.2, 0.8]) {
            const p = net.canvasToDOM(net.body.edges[id].edgeType.getPoint(t));
            if (net.getNodeAt(p) === undefined && net.getEdgeAt(p) === id) {
                return [box.left + p.x, box.top + p.y];
            }
        }
        throw new Error('no clickable point on edge ' + id);
    }""", edge_id)
    page.mouse.click(x, y)


# Nodes and edges vis-network draws (not hidden), straight from its internal state.
_DRAWN = """(() => { const b = kgViewer.network.body;
    return [b.nodeIndices.filter(id => !b.nodes[id].options.hidden).length,
            b.edgeIndices.filter(id => !b.edges[id].options.hidden).length]; })()"""


def _panel(page: Any) -> str:
    return page.inner_text("#kg-panel")


def _edge_id(graph: KnowledgeGraph, predicate: str) -> str:
    return f"e{[r.predicate for r in graph.relations].index(predicate)}"


def test_draws_every_node_and_edge(seed_graph: KnowledgeGraph, seed_page: tuple[Any, Any]) -> None:
    page, log = seed_page
    drawn = page.evaluate("[kgViewer.network.body.nodeIndices.length, "
                          "kgViewer.network.body.edgeIndices.length]")
    assert drawn == [len(seed_graph.entities), len(seed_graph.relations)]
    assert page.evaluate(_DRAWN) == drawn
    assert page.evaluate("kgViewer.network.getPositions()['n:Q7747'].x") is not None
    assert page.locator("#kg-legend").inner_text().count("Person") == 1
    assert log.problems() == []


def test_click_node_shows_every_field(seed_page: tuple[Any, Any]) -> None:
    page, log = seed_page
    _click_node(page, "Q7747")
    page.wait_for_selector("#kg-panel[data-kind=node]")
    text = _panel(page)
    for expected in ("Vladimir Putin", "व्लादिमीर पुतिन", "Person", "Q7747", "पुतिन", "रूसी नेता",
                     "Mentions", "→ visits", "← issuesArrestWarrantFor", "meets (planned)"):
        assert expected in text
    assert page.get_attribute("#kg-panel a", "href") == "https://www.wikidata.org/wiki/Q7747"
    assert log.problems() == []


def test_click_edge_shows_evidence_with_mentions(
    seed_graph: KnowledgeGraph, seed_page: tuple[Any, Any]
) -> None:
    page, log = seed_page
    _click_edge(page, _edge_id(seed_graph, "visits"))
    page.wait_for_selector("#kg-panel[data-kind=edge]")
    text = _panel(page)
    for expected in ("visits", "asserted", "2024-06-20", "Hanoi", "0.92", "Confidence", "Derived", "Role"):
        assert expected in text
    assert page.inner_text(".kg-evidence mark.kg-subject") == "व्लादिमीर पुतिन"
    assert page.inner_text(".kg-evidence mark.kg-object") == "वियतनाम"
    page.evaluate(f"kgViewer.showEdge('{_edge_id(seed_graph, 'signsAgreementWith')}')")
    assert "yes (inferred" in _panel(page)
    assert log.problems() == []


def test_language_toggle_switches_labels(seed_page: tuple[Any, Any]) -> None:
    page, log = seed_page
    page.click("#kg-lang-hi")
    assert page.evaluate("kgViewer.nodes.get('n:Q7747').label") == "व्लादिमीर पुतिन"
    assert page.get_attribute("#kg-lang-hi", "aria-pressed") == "true"
    _hover_node(page, "Q881")
    page.wait_for_selector("#kg-tip:not([hidden])")
    assert page.inner_text("#kg-tip").startswith("Vietnam")  # the other language on hover
    page.click("#kg-lang-en")
    assert page.evaluate("kgViewer.nodes.get('n:Q881').label") == "Vietnam"
    _hover_node(page, "Q7747")
    wait_until(page, "document.getElementById('kg-tip').textContent.startsWith('व्लादिमीर पुतिन')")
    assert log.problems() == []


def test_search_in_hindi_and_english(seed_page: tuple[Any, Any]) -> None:
    page, log = seed_page
    page.fill("#kg-search", "पुतिन")
    page.wait_for_selector("#kg-results button")
    assert page.get_attribute("#kg-results button", "data-id") == "Q7747"
    page.fill("#kg-search", "hanoi")
    page.wait_for_selector("#kg-results button[data-id=Q1858]")
    page.click("#kg-results button[data-id=Q1858]")
    page.wait_for_selector("#kg-panel[data-kind=node]")
    assert "Hanoi" in _panel(page) and page.evaluate("kgViewer.network.getSelectedNodes()") == ["n:Q1858"]
    page.fill("#kg-search", "रूसी नेता")  # an alias
    page.press("#kg-search", "Enter")
    assert page.evaluate("kgViewer.network.getSelectedNodes()") == ["n:Q7747"]
    assert log.problems() == []


def test_filters_focus_and_reset(seed_graph: KnowledgeGraph, seed_page: tuple[Any, Any]) -> None:
    page, log = seed_page
    total = {"nodes": len(seed_graph.entities), "edges": len(seed_graph.relations)}
    page.locator("#kg-types label", has_text="City").locator("input").uncheck()
    counts = page.evaluate("kgViewer.counts()")
    assert counts["nodes"] == total["nodes"] - 2 and counts["edges"] == total["edges"]
    page.locator("#kg-types label", has_text="Person").locator("input").uncheck()
    assert page.evaluate("kgViewer.counts()")["edges"] == 1  # only Russia -> North Korea is left
    assert page.evaluate(_DRAWN) == [total["nodes"] - 5, 1]  # what vis-network itself will draw
    page.click("#kg-reset")
    page.locator("#kg-predicates label", has_text="leads").locator("input").uncheck()
    assert page.evaluate("kgViewer.counts()")["edges"] == total["edges"] - 2
    page.click("#kg-reset")
    _click_node(page, "Q56226")  # Kim Jong Un: leads North Korea, Putin signs with him
    page.click("#kg-focus")
    counts = page.evaluate("kgViewer.counts()")
    assert counts["nodes"] == 3 and counts["edges"] == 2
    assert page.evaluate(_DRAWN) == [3, 2]
    page.click("#kg-reset")
    counts = page.evaluate("kgViewer.counts()")
    assert (counts["nodes"], counts["edges"]) == (total["nodes"], total["edges"])
    assert log.problems() == []


def test_confidence_filter(seed_graph: KnowledgeGraph, seed_page: tuple[Any, Any]) -> None:
    page, log = seed_page
    confidences = [r.confidence for r in seed_graph.relations]
    slider = page.locator("#kg-min-confidence")
    for value in ("0.8", "0.85", "0.9", "1"):
        slider.fill(value)  # a range input takes its value and fires "input"
        assert page.evaluate("kgViewer.counts()")["edges"] == sum(c >= float(value) for c in confidences)
        assert page.locator("#kg-min-confidence-value").text_content() == f"{float(value):.2f}"
    page.click("#kg-reset")
    assert page.evaluate("kgViewer.counts()")["edges"] == len(confidences)
    assert slider.input_value() == "0"
    assert log.problems() == []


def test_hostile_text_runs_nothing(xss_graph: KnowledgeGraph, tmp_path: Path, open_page: Any) -> None:
    path = tmp_path / "xss.html"
    write_html(xss_graph, path)
    page, log = open_page(path)
    _click_node(page, "evil-<x>")
    page.wait_for_selector("#kg-panel[data-kind=node]")
    assert XSS_LABEL in _panel(page)
    assert page.locator("#kg-panel a").count() == 0  # the javascript: "QID" is shown as text
    page.evaluate(f"kgViewer.showEdge('{_edge_id(xss_graph, 'criticizes')}')")
    assert XSS_SENTENCE.replace("\u2028", "").split("<img")[0].strip() in _panel(page).replace("\u2028", "")
    page.fill("#kg-search", "<img")
    page.wait_for_selector("#kg-results button")
    page.click("#kg-lang-hi")
    page.mouse.move(10, 10)
    assert page.evaluate("window.__pwned") is None
    assert page.evaluate("document.querySelectorAll('img, iframe, object, embed, svg[onload]').length") == 0
    assert page.evaluate("document.scripts.length") == 3
    assert log.problems() == []


def test_big_graph_uses_precomputed_layout(tmp_path: Path, open_page: Any) -> None:
    rng = random.Random(5)
    ents = [Entity(f"n{i}", f"Node {i}", f"नोड {i}", "Country") for i in range(350)]
    rels = [Relation(ents[rng.randrange(350)], "meets", ents[rng.randrange(350)]) for _ in range(700)]
    path = tmp_path / "big.html"
    write_html(KnowledgeGraph([], ents, rels), path)
    page, log = open_page(path)
    assert page.evaluate("kgViewer.network.physics.physicsEnabled") is False
    assert page.evaluate("kgViewer.network.body.nodeIndices.length") == 150  # the most connected shown
    assert page.evaluate("kgViewer.counts()")["totalNodes"] == 350
    top = max(ents, key=lambda e: (sum(e.id in (r.subject.id, r.object.id) for r in rels), -int(e.id[1:])))
    _click_node(page, top.id)
    page.wait_for_selector("#kg-panel[data-kind=node]")
    assert top.label in _panel(page)
    assert log.problems() == []


def test_corpus_opens_on_the_most_connected(tmp_path: Path, open_page: Any) -> None:
    from kg.records import Document, Evidence

    rng = random.Random(7)
    docs = [Document(f"d{k}", "", title=f"लेख {k}", date=f"2024-0{k + 1}-01") for k in range(3)]
    ents = [Entity(f"n{i}", f"Node {i}", f"नोड {i}", "Country" if i % 2 else "Person") for i in range(1000)]
    rels = []
    for j in range(2500):
        a, b = ents[min(rng.randrange(1000), rng.randrange(1000))], ents[rng.randrange(1000)]
        doc = docs[j % 3]
        rels.append(Relation(a, "meets" if j % 2 else "visits", b, time=doc.date[:7] if j % 5 else None,
                             evidence=[Evidence(doc.id, 0, 4, "वाक्य")]))
    graph = KnowledgeGraph(docs, ents, rels)
    path = tmp_path / "corpus.html"
    write_html(graph, path)
    page, log = open_page(path)
    counts = page.evaluate("kgViewer.counts()")
    assert counts["nodes"] == 150 and counts["totalNodes"] == 1000
    assert "850 entities hidden" in page.locator("#kg-hidden").text_content()
    degree = {e.id: 0 for e in ents}
    for r in rels:
        degree[r.subject.id] += 1
        degree[r.object.id] += 1
    ranked = sorted(ents, key=lambda e: (-degree[e.id], e.id))
    visible = set(page.evaluate("kgViewer.visibleNodeIds()"))
    assert visible == {"n:" + e.id for e in ranked[:150]}
    # vis holds only what was ever shown: the 850 hidden entities are not laid out at first
    assert page.evaluate("kgViewer.nodes.length") == 150
    assert page.evaluate("kgViewer.edges.length") == counts["edges"]
    hidden = ranked[-1]  # the least connected: search reaches it
    page.fill("#kg-search", hidden.label)
    page.locator("#kg-results button", has_text=hidden.label + " ·").first.click()
    page.wait_for_selector("#kg-panel[data-kind=node]")
    assert "n:" + hidden.id in page.evaluate("kgViewer.visibleNodeIds()")
    revealed = page.evaluate(f"kgViewer.nodes.get('n:{hidden.id}')")
    assert revealed["label"] == hidden.label and not revealed.get("hidden") and "x" in revealed
    page.click("#kg-reset")
    page.evaluate("kgViewer.showTop(400)")
    assert page.evaluate("kgViewer.counts()")["nodes"] == 400
    page.select_option("#kg-doc", "d1")
    shown = page.evaluate("kgViewer.counts()")["edges"]
    assert 0 < shown < counts["totalEdges"]
    page.select_option("#kg-doc", "")
    page.fill("#kg-from", "2024-02")
    page.fill("#kg-to", "2024-02-28")
    dated = page.evaluate("kgViewer.counts()")["edges"]
    in_feb = page.evaluate("kgViewer.edges.get({filter: (e) => !e.hidden}).length")  # what vis draws
    assert dated == in_feb and 0 < dated < shown
    page.click("#kg-reset")
    assert page.evaluate("kgViewer.counts()")["nodes"] == 150
    assert log.problems() == []



def test_prototype_like_ids_and_types(tmp_path: Path, open_page: Any) -> None:
    odd = [Entity(name, name, name, typ) for name, typ in
           (("__proto__", "toString"), ("constructor", "Person"), ("hasOwnProperty", "__proto__"))]
    rels = [Relation(odd[0], "constructor", odd[1]), Relation(odd[1], "__proto__", odd[2])]
    path = tmp_path / "odd.html"
    write_html(KnowledgeGraph([], odd, rels), path)
    page, log = open_page(path)
    assert page.evaluate("kgViewer.counts()") == {"nodes": 3, "edges": 2, "totalNodes": 3, "totalEdges": 2}
    _click_node(page, "constructor")
    page.wait_for_selector("#kg-panel[data-kind=node]")
    assert "→ __proto__" in _panel(page)
    page.click("#kg-focus")
    assert page.evaluate("kgViewer.counts()")["nodes"] == 3
    page.locator("#kg-types label", has_text="toString").locator("input").uncheck()
    assert page.evaluate("kgViewer.counts()") == {"nodes": 2, "edges": 1, "totalNodes": 3, "totalEdges": 2}
    assert page.evaluate("kgViewer.search('__proto__')") == ["__proto__"]
    assert log.problems() == []
