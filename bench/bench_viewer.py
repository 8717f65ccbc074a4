"""Benchmark: how fast does the viewer draw a big graph in headless Chromium?

Builds a synthetic graph (default 5,000 entities, 10,000 relations), writes
it with :func:`kg.viewer.write_html`, opens it from disk in headless Chromium
and reports

* the Python time to write the HTML file (layout included),
* the time from navigation start until the network is drawn (vis
  ``afterDrawing`` after the data is in, as recorded by the page), and
* the time from a click on a node until it has been handled (side panel
  filled),

each as the median of ``--runs`` page loads. This is a benchmark, not a
test: it prints numbers and does not fail on a slow machine.

Usage::

    python bench/bench_viewer.py [--nodes 5000] [--edges 10000] [--runs 3] [--chromium /usr/bin/chromium]
"""

from __future__ import annotations

import argparse
import random
import statistics
import sys
import tempfile
import time
from pathlib import Path

from kg.graph import KnowledgeGraph
from kg.records import ENTITY_TYPES, MODALITIES, Entity, Evidence, Relation
from kg.viewer import write_html

CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
PREDICATES = ["visits", "meets", "leads", "locatedIn", "signsAgreementWith", "memberOf", "criticizes"]


def synthetic_graph(n_nodes: int, n_edges: int, seed: int = 1) -> KnowledgeGraph:
    """A random graph with a heavy-tailed degree distribution, Hindi labels and evidence."""
    rng = random.Random(seed)
    ents = [
        Entity(
            f"Q{100000 + i}",
            f"Entity {i}",
            f"इकाई {i}",
            ENTITY_TYPES[i % len(ENTITY_TYPES)],
            f"Q{100000 + i}",
            aliases=[f"अन्य नाम {i}"],
        )
        for i in range(n_nodes)
    ]
    rels = []
    for i in range(n_edges):
        a = ents[min(int(rng.paretovariate(1.2)) - 1, n_nodes - 1) if i % 3 == 0 else rng.randrange(n_nodes)]
        b = ents[rng.randrange(n_nodes)]
        sentence = f"{a.label_hi} और {b.label_hi} के बीच संबंध {i}।"
        rels.append(
            Relation(
                a,
                PREDICATES[i % len(PREDICATES)],
                b,
                modality=MODALITIES[i % 7 % 5],
                time=None,
                confidence=0.5 + (i % 5) / 10,
                derived=i % 11 == 0,
                evidence=[Evidence("doc1", 0, len(sentence), sentence)],
            )
        )
    return KnowledgeGraph([], ents, rels)


def _wait_until(page: object, expression: str, timeout: float) -> None:
    """Poll from Python (``wait_for_function`` uses ``eval``, which the page's CSP forbids)."""
    deadline = time.monotonic() + timeout
    while not page.evaluate(expression):  # type: ignore[attr-defined]
        if time.monotonic() > deadline:
            raise TimeoutError(expression)
        time.sleep(0.02)


def measure(page_url: str, chromium: str, runs: int) -> list[tuple[float, float]]:
    """Per run: (ms from navigation until drawn and interactive, ms from click to panel filled)."""
    from playwright.sync_api import sync_playwright

    out = []
    with sync_playwright() as pw:
        for _ in range(runs):
            with tempfile.TemporaryDirectory() as profile:
                ctx = pw.chromium.launch_persistent_context(
                    profile,
                    executable_path=chromium,
                    args=CHROMIUM_ARGS,
                    headless=True,
                    viewport={"width": 1400, "height": 900},
                )
                page = ctx.new_page()
                page.goto(page_url)
                _wait_until(page, "window.kgViewer && window.kgViewer.ready", 120)
                ready = page.evaluate("kgViewer.readyAt")
                x, y, _node = page.evaluate(_FIND_NODE)
                before = page.evaluate("performance.now()")
                page.mouse.click(x, y)
                page.wait_for_function(
                    "kgViewer.clicks > 0 && document.getElementById('kg-panel')"
                    ".getAttribute('data-kind') === 'node'",
                    timeout=30_000,
                )
                out.append((ready, page.evaluate("kgViewer.clickedAt") - before))
                ctx.close()
    return out


# A node near the centre of the canvas, as page coordinates.
_FIND_NODE = """() => {
  const net = kgViewer.network, box = document.getElementById('kg-network').getBoundingClientRect();
  const ids = kgViewer.visibleNodeIds(), pos = net.getPositions(ids);
  let best = null, bestD = Infinity;
  const c = net.DOMtoCanvas({x: box.width / 2, y: box.height / 2});
  for (const id of ids) {
    const d = (pos[id].x - c.x) ** 2 + (pos[id].y - c.y) ** 2;
    if (d < bestD) { bestD = d; best = id; }
  }
  const p = net.canvasToDOM(pos[best]);
  return [box.left + p.x, box.top + p.y, best];
}"""


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--nodes", type=int, default=5000)
    parser.add_argument("--edges", type=int, default=10000)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--chromium", default="/usr/bin/chromium")
    args = parser.parse_args(argv)
    graph = synthetic_graph(args.nodes, args.edges)
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "graph.html"
        start = time.perf_counter()
        write_html(graph, path)
        write_s = time.perf_counter() - start
        size_mb = path.stat().st_size / 1e6
        print(f"graph: {args.nodes} nodes, {args.edges} edges; write_html {write_s:.2f} s, {size_mb:.1f} MB")
        if not Path(args.chromium).exists():
            print(f"no browser at {args.chromium}; skipping the browser part", file=sys.stderr)
            return 1
        runs = measure(path.as_uri(), args.chromium, args.runs)
    for i, (ready, clicked) in enumerate(runs, 1):
        print(f"run {i}: drawn+interactive {ready / 1000:.2f} s, click handled in {clicked:.0f} ms")
    print(
        f"median: drawn+interactive {statistics.median(r for r, _ in runs) / 1000:.2f} s "
        f"(target < 3 s), click handled in {statistics.median(c for _, c in runs):.0f} ms"
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
