"""SPARQL at scale on every path kg offers, against bare pyoxigraph on the same data.

The synthetic graph of ``bench_sparql.py`` (``--triples``, same seed) is written three ways,
and every example query (``ontology/queries/*.rq``) is timed on each, next to pyoxigraph
asked directly for the same work:

* ``store``  - a ``kg add`` store (:class:`kg.store.CorpusStore`, filled through its public
  ``add`` with the synthetic records as the extraction), asked with ``CorpusStore.query``;
  bare: ``pyoxigraph.Store.read_only`` on the store's Oxigraph folder, rows listed.
* ``folder`` - a ``kg build`` folder (records and ``graph.ttl``), asked the way ``kg query``
  and ``kg serve`` ask it: a :class:`kg.rdf.pool.QueryPool` worker process holding the graph,
  SPARQL JSON back over its pipe (without HTTP); bare: an in-memory pyoxigraph store of the
  same ``graph.ttl``, JSON serialized by Oxigraph.
* ``api``    - ``KnowledgeGraph.load(folder).query(q)``, rows as rdflib terms; bare: the
  in-memory store, rows listed.

rdflib's own engine on the same synthetic data is timed by ``bench_sparql.py`` (its
``rdflib s`` column); it is not repeated here because it takes hours at 1M triples.

Usage::

    python bench/bench_sparql_paths.py                   # ~1,000,000 triples
    python bench/bench_sparql_paths.py --triples 100000  # quicker
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

from bench_sparql import interleaved, synthetic_graph

from kg.graph import KnowledgeGraph
from kg.rdf.io import ontology_path
from kg.rdf.namespace import PREFIXES
from kg.rdf.pool import QueryPool
from kg.rdf.sparql import open_store
from kg.rdf.worker import Request, Source
from kg.store import CorpusStore

JSON = {"select": "json", "ask": "json", "graph": "nt"}


def fill_store(graph: KnowledgeGraph, path: Path) -> CorpusStore:
    """A store holding ``graph``'s documents, each with the relations it evidences."""
    by_doc: dict[str, list[Any]] = {d.id: [] for d in graph.documents}
    for rel in graph.relations:
        by_doc[rel.evidence[0].doc].append(rel)

    def extract(todo: list[Any], spec: Any, jobs: int, min_confidence: Any, negated: bool = False,
                ) -> list[Any]:
        out = []
        for doc in todo:
            rels = by_doc[doc.id]
            ents = {e.id: e for r in rels for e in (r.subject, r.object, r.place) if e is not None}
            out.append((list(ents.values()), rels))
        return out

    store = CorpusStore(path)
    store.add(graph.documents, spec=None, extract=extract)  # type: ignore[arg-type]
    return store


def bare_rows(store: Any, text: str) -> int:
    """Pyoxigraph asked directly: every row (or triple) materialized."""
    import pyoxigraph as ox

    result = store.query(text, prefixes=PREFIXES)
    return int(bool(result)) if isinstance(result, ox.QueryBoolean) else len([list(r) for r in result])


def bare_json(store: Any, text: str) -> bytes:
    """Pyoxigraph asked directly, the answer serialized by Oxigraph (JSON, or N-Triples)."""
    import pyoxigraph as ox

    result = store.query(text, prefixes=PREFIXES)
    if isinstance(result, ox.QueryTriples):
        return result.serialize(format=ox.RdfFormat.N_TRIPLES)
    return result.serialize(format=ox.QueryResultsFormat.JSON)


def timed_setup(what: str, fn: Any) -> Any:
    start = time.perf_counter()
    value = fn()
    print(f"{what}: {time.perf_counter() - start:.1f} s", flush=True)
    return value


def run(triples: int, seed: int, work: Path) -> list[float]:
    graph = timed_setup("synthetic records", lambda: synthetic_graph(triples, seed))
    folder = work / "build"
    timed_setup("kg build folder (graph.ttl, records)",
                lambda: graph.save(folder, formats=("ttl",), html=False))
    corpus = timed_setup("kg add store", lambda: fill_store(graph, work / "store"))
    corpus.close()
    reader = CorpusStore(work / "store", write=False)
    import pyoxigraph as ox

    bare_store = ox.Store.read_only(str(work / "store" / "oxigraph"))
    memory = timed_setup("bare in-memory pyoxigraph store", lambda: open_store(folder / "graph.ttl"))
    loaded = timed_setup("KnowledgeGraph.load + first query", lambda: _loaded(folder))
    source = Source(paths=(str(folder),))
    pool = timed_setup("query pool (1 worker) ready", lambda: QueryPool(source, 1).start())
    print(f"\n{len(memory)} triples in graph.ttl, {len(bare_store)} quads in the store\n")
    header = ("query", "store s", "bare s", "x", "folder s", "bare s", "x", "api s", "bare s", "x")
    print("{:<12} {:>8} {:>8} {:>5} {:>8} {:>8} {:>5} {:>8} {:>8} {:>5}".format(*header))
    worst = [0.0, 0.0, 0.0]
    try:
        for path in sorted(ontology_path("queries").glob("*.rq")):
            text = path.read_text(encoding="utf-8")
            times = interleaved([
                lambda t=text: reader.query(t), lambda t=text: bare_rows(bare_store, t),
                lambda t=text: pool.run(Request(t, JSON, max_rows=10_000), timeout=600),
                lambda t=text: bare_json(memory, t),
                lambda t=text: list(loaded.query(t)), lambda t=text: bare_rows(memory, t),
            ])  # fmt: skip
            ratios = [times[i] / times[i + 1] for i in (0, 2, 4)]
            worst = [max(w, r) for w, r in zip(worst, ratios, strict=True)]
            row = [path.stem]
            for i, ratio in zip((0, 2, 4), ratios, strict=True):
                row += [f"{times[i]:.4f}", f"{times[i + 1]:.4f}", f"{ratio:.2f}"]
            print("{:<12} {:>8} {:>8} {:>5} {:>8} {:>8} {:>5} {:>8} {:>8} {:>5}".format(*row), flush=True)
    finally:
        pool.close()
        reader.close()
    return worst


def _loaded(folder: Path) -> KnowledgeGraph:
    graph = KnowledgeGraph.load(folder)
    graph.query("ASK {}")
    return graph


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--triples", type=int, default=1_000_000)
    parser.add_argument("--seed", type=int, default=0)
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory() as tmp:
        worst = run(args.triples, args.seed, Path(tmp))
    print(f"\nworst ratio to bare pyoxigraph (target <= 1.5x): store {worst[0]:.2f}x, "
          f"kg query/serve on a folder {worst[1]:.2f}x, API {worst[2]:.2f}x")
    return 0


if __name__ == "__main__":
    sys.exit(main())
