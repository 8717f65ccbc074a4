"""Drive a SPARQL endpoint with concurrent clients, light and pathological queries mixed.

Used by ``bench/bench_endpoint.py`` (16 clients x 200 queries) and by the endpoint's load
test (a fraction of that). Light queries are the shipped example queries
(``ontology/queries/*.rq``) and a small ASK; pathological ones are what once brought
``kg serve`` down: three-way cartesian COUNTs, ORDER BY over a cartesian product, 100
nested OPTIONALs, 5,000 nested parentheses, a query of 70 KB, SERVICE and LOAD aimed
at a URL that records any connection.

Examples
--------
>>> [name for name, _, _ in pathological("http://127.0.0.1:9/")][:3]
['cartesian-count', 'order-by-cartesian', 'nested-optionals']
>>> summary([Outcome("visits", "light", 200, 0.01), Outcome("deep", "heavy", 400, 0.0)])["statuses"]
{'200': 1, '400': 1}
"""

from __future__ import annotations

import random
import socket
import threading
import urllib.error
import urllib.parse
import urllib.request
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path
from time import perf_counter

__all__ = [
    "Listener", "Outcome", "RssSampler", "family", "light_queries", "pathological", "run_load", "summary",
]  # fmt: skip

_ASK = "ASK { ent:Q7747 kg:visits ent:Q881 }"


class Listener:
    """A loopback TCP server that counts the connections it gets (and answers HTTP 500).

    Aim SERVICE and LOAD at :attr:`url`: :attr:`connections` says whether a query left the server.
    """

    def __init__(self) -> None:
        self.sock = socket.create_server(("127.0.0.1", 0))
        self.url = f"http://127.0.0.1:{self.sock.getsockname()[1]}"
        self.connections = 0
        threading.Thread(target=self._accept, daemon=True).start()

    def _accept(self) -> None:
        while True:
            try:
                conn, _ = self.sock.accept()
            except OSError:
                return
            self.connections += 1
            conn.sendall(b"HTTP/1.1 500 Nope\r\nContent-Length: 0\r\n\r\n")
            conn.close()

    def close(self) -> None:
        self.sock.close()


def light_queries() -> list[tuple[str, str]]:
    """(name, query) of the shipped example queries and a small ASK."""
    from kg.rdf.io import ontology_path

    queries = [(p.stem, p.read_text(encoding="utf-8")) for p in sorted(ontology_path("queries").glob("*.rq"))]
    return [*queries, ("ask", _ASK)]


def _optionals(depth: int) -> str:
    inner = "".join(f"OPTIONAL {{ ?s{i} ?p{i} ?o{i} " for i in range(1, depth + 1)) + "}" * depth
    return f"SELECT * WHERE {{ ?s0 ?p0 ?o0 {inner} }}"


def pathological(service_url: str) -> list[tuple[str, str, str]]:
    """(name, text, parameter) of the queries that once crashed or stalled the server."""
    cartesian = "?a ?b ?c . ?d ?e ?f . ?g ?h ?i"
    deep = "(" * 5000 + "?o" + ")" * 5000
    return [
        ("cartesian-count", f"SELECT (COUNT(*) AS ?n) WHERE {{ {cartesian} }}", "query"),
        ("order-by-cartesian", f"SELECT * WHERE {{ {cartesian} }} ORDER BY ?c ?f ?i", "query"),
        ("nested-optionals", _optionals(100), "query"),
        ("deep-parens", f"SELECT * WHERE {{ ?s ?p ?o FILTER({deep}) }}", "query"),
        ("huge", "SELECT * WHERE { ?s ?p ?o } # " + "x" * 70_000, "query"),
        ("service", f"SELECT * WHERE {{ SERVICE <{service_url}> {{ ?s ?p ?o }} }}", "query"),
        ("service-glued", f"SELECT * WHERE {{ ?s ?p ?o SERVICEsilent<{service_url}>{{ ?x ?y ?z }} }}",
         "query"),
        ("load", f"LOAD <{service_url}>", "update"),
    ]


@dataclass
class Outcome:
    """One request: query name, ``light`` or ``heavy``, HTTP status (``None``: no answer), seconds."""

    name: str
    kind: str
    status: int | None
    seconds: float


def _ask(endpoint: str, text: str, param: str, timeout: float) -> int | None:
    data = urllib.parse.urlencode({param: text}).encode()
    req = urllib.request.Request(endpoint, data=data, headers={"Accept": "application/sparql-results+json"})
    try:
        with urllib.request.urlopen(req, timeout=timeout) as resp:
            resp.read()
            return resp.status
    except urllib.error.HTTPError as exc:
        exc.read()
        return exc.code
    except OSError:  # refused, reset, timed out: the server did not answer
        return None


def run_load(endpoint: str, clients: int, per_client: int, *, service_url: str, heavy_share: float = 0.2,
             seed: int = 0, timeout: float = 120.0, vary: bool = False) -> list[Outcome]:  # fmt: skip
    """``clients`` threads each sending ``per_client`` queries, a ``heavy_share`` of them pathological.

    ``vary`` makes every pathological query a new text (a comment is added), so the server
    cannot recognise one it stopped before (:class:`kg.rdf.pool.QueryHeld`).
    """
    light = [(n, q, "query") for n, q in light_queries()]
    heavy = pathological(service_url)

    def client(index: int) -> list[Outcome]:
        rng = random.Random(seed * 1000 + index)
        out = []
        for i in range(per_client):
            kind = "heavy" if rng.random() < heavy_share else "light"
            name, text, param = rng.choice(heavy if kind == "heavy" else light)
            if vary and kind == "heavy":
                text += f"\n# {index}.{i}"
            start = perf_counter()
            status = _ask(endpoint, text, param, timeout)
            out.append(Outcome(name, kind, status, perf_counter() - start))
        return out

    with ThreadPoolExecutor(clients) as pool:
        return [o for batch in pool.map(client, range(clients)) for o in batch]


def _quantile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(q * len(ordered)))] if ordered else 0.0


def summary(outcomes: list[Outcome]) -> dict[str, object]:
    """Status counts, light queries answered and shed, p50/p99 seconds of the answered light ones."""
    statuses: dict[str, int] = {}
    for o in outcomes:
        key = str(o.status) if o.status is not None else "no answer"
        statuses[key] = statuses.get(key, 0) + 1
    light = [o for o in outcomes if o.kind == "light"]
    answered = [o.seconds for o in light if o.status == 200]
    return {
        "requests": len(outcomes), "statuses": dict(sorted(statuses.items())),
        "light": len(light), "light_answered": len(answered),
        "light_shed": sum(o.status == 503 for o in light),
        "light_p50_s": round(_quantile(answered, 0.50), 4),
        "light_p99_s": round(_quantile(answered, 0.99), 4),
    }  # fmt: skip


def family(pid: int) -> list[int]:
    """``pid`` and its child processes (Linux ``/proc``)."""
    children: list[int] = []
    for task in Path(f"/proc/{pid}/task").glob("*"):
        try:
            children += [int(c) for c in (task / "children").read_text().split()]
        except (OSError, ValueError):
            continue
    return [pid, *sorted(set(children))]


class RssSampler(threading.Thread):
    """Samples the resident memory of a server and its workers until :meth:`stop`."""

    def __init__(self, pid: int, every: float = 0.2) -> None:
        super().__init__(daemon=True)
        self.pid, self.every = pid, every
        self.peak_server = self.peak_worker = self.peak_total = 0
        self._done = threading.Event()

    def run(self) -> None:
        from kg.rdf.sandbox import rss_bytes

        while not self._done.wait(self.every):
            pids = family(self.pid)
            sizes = [rss_bytes(p) for p in pids]
            self.peak_server = max(self.peak_server, sizes[0])
            self.peak_worker = max([self.peak_worker, *sizes[1:]])
            self.peak_total = max(self.peak_total, sum(sizes))

    def stop(self) -> None:
        self._done.set()
        self.join(5)
