"""Load test of ``kg serve`` (issue 11): concurrent clients, light and pathological queries mixed.

Starts ``kg serve`` in a subprocess on a graph (the sample graph by default), aims SERVICE and
LOAD at a loopback listener that counts connections, sends CLIENTS x QUERIES requests (a share of
them pathological, see :func:`kg.rdf.loadtest.pathological`), samples the resident memory of the
server and of its workers from /proc, and prints: status counts, p50/p99 seconds of the answered
light queries, how many light queries were shed (503), peak RSS, and the listener's connections.

Then the cost of the checks every query goes through before an engine parses it
(:func:`kg.rdf.sparql.check_query`: kg.rdf.guard's tokenizer pass; and again, remembered), per
example query, next to rdflib's parser (``parseQuery`` + ``translateQuery``, the other way to
find SERVICE) and to the whole in-process API call (``run_query`` on a store of the sample graph).

Usage::

    python bench/bench_endpoint.py                         # 16 clients x 200 queries, 4 workers
    python bench/bench_endpoint.py --clients 4 --queries 50 --workers 2 --timeout 2
    python bench/bench_endpoint.py --vary                  # every pathological query a new text
    python bench/bench_endpoint.py --graph output/         # a kg build folder or graph file
"""

from __future__ import annotations

import argparse
import json
import re
import subprocess
import sys
import tempfile
import threading
import timeit
from collections.abc import Callable
from pathlib import Path
from time import perf_counter

from kg.rdf import open_store, run_query, serialize, to_rdf
from kg.rdf.loadtest import Listener, RssSampler, light_queries, run_load, summary
from kg.rdf.namespace import PREFIXES
from kg.rdf.sample import sample_graph
from kg.rdf.sparql import check_query


def load(args: argparse.Namespace, graph: Path) -> dict[str, object]:
    listener = Listener()
    command = [sys.executable, "-c", "from kg.cli import main; main()", "serve", str(graph), "--port", "0",
               "--workers", str(args.workers), "--timeout", str(args.timeout), "--memory", str(args.memory)]
    proc = subprocess.Popen(command, stderr=subprocess.PIPE, text=True)
    try:
        line = proc.stderr.readline()
        match = re.search(r"(http://127\.0\.0\.1:\d+/)sparql", line)
        if match is None:
            raise SystemExit(f"kg serve did not start: {line.strip()}")
        threading.Thread(target=proc.stderr.read, daemon=True).start()
        sampler = RssSampler(proc.pid)
        sampler.start()
        start = perf_counter()
        outcomes = run_load(match.group(1) + "sparql", args.clients, args.queries, vary=args.vary,
                            service_url=listener.url + "/sparql", heavy_share=args.heavy, seed=args.seed)
        elapsed = perf_counter() - start
        sampler.stop()
        report = summary(outcomes)
        report.update(seconds=round(elapsed, 1), server_alive=proc.poll() is None,
                      peak_server_mb=sampler.peak_server >> 20, peak_worker_mb=sampler.peak_worker >> 20,
                      peak_total_mb=sampler.peak_total >> 20, listener_connections=listener.connections)
        return report
    finally:
        proc.terminate()
        proc.wait(30)
        listener.close()


def check_cost() -> list[dict[str, object]]:
    """Microseconds per call: kg's checks, rdflib's parser, the whole API query."""
    from rdflib.plugins.sparql.algebra import translateQuery
    from rdflib.plugins.sparql.parser import parseQuery

    store = open_store(to_rdf(sample_graph()))

    def us(fn: Callable[[], object], number: int) -> float:
        return min(timeit.repeat(fn, number=number, repeat=5)) / number * 1e6

    rows = []
    for name, query in light_queries():
        translateQuery(parseQuery(query), initNs=PREFIXES)  # warm pyparsing's caches
        rows.append({
            "query": name, "chars": len(query),
            "check_us": round(us(lambda q=query: check_query.__wrapped__(q), 200), 1),
            "check_again_us": round(us(lambda q=query: check_query(q), 200), 2),
            "rdflib_parse_us": round(us(lambda q=query: translateQuery(parseQuery(q), initNs=PREFIXES), 5)),
            "api_query_us": round(us(lambda q=query: run_query(store, q), 20)),
        })  # fmt: skip
    return rows


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--clients", type=int, default=16)
    parser.add_argument("--queries", type=int, default=200, help="queries per client")
    parser.add_argument("--workers", type=int, default=4)
    parser.add_argument("--timeout", type=float, default=5.0, help="kg serve --timeout")
    parser.add_argument("--memory", type=int, default=512, help="kg serve --memory (MB per query)")
    parser.add_argument("--heavy", type=float, default=0.2, help="share of pathological queries")
    parser.add_argument("--graph", type=Path, default=None, help="graph file or build folder [sample]")
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--vary", action="store_true",
                        help="a new text for every pathological query (defeats holding back repeated ones)")
    args = parser.parse_args(argv)
    print("command:", " ".join(["python", "bench/bench_endpoint.py", *(argv or sys.argv[1:])]))
    with tempfile.TemporaryDirectory() as tmp:
        graph = args.graph or serialize(to_rdf(sample_graph()), Path(tmp) / "graph.trig").parent
        print(json.dumps(load(args, graph), indent=1))
    for row in check_cost():
        print(json.dumps(row))
    return 0


if __name__ == "__main__":
    sys.exit(main())
