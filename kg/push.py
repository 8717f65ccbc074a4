"""Publishing a graph to any SPARQL 1.1 store by the Graph Store HTTP Protocol (``kg push``).

The default graph (every entity and statement once) is replaced with ``PUT ?default``, and each
document's graph with ``PUT ?graph=<kgg:id>``; graphs of documents that are gone are deleted.
What was pushed to an endpoint is remembered in the store (``pushed.json``), so pushing again
sends only the documents that changed, and the default graph.

Examples
--------
>>> graph_url("http://127.0.0.1:7878/store", None)
'http://127.0.0.1:7878/store?default'
>>> graph_url("http://127.0.0.1:7878/store", "https://w3id.org/kg-hindi/graph/HI_2")
'http://127.0.0.1:7878/store?graph=https%3A%2F%2Fw3id.org%2Fkg-hindi%2Fgraph%2FHI_2'
"""

from __future__ import annotations

import json
import urllib.error
import urllib.request
from collections.abc import Iterable
from pathlib import Path
from typing import Any
from urllib.parse import quote

from kg.errors import error

__all__ = ["graph_url", "push_store", "send"]

_NT = "application/n-triples"


def graph_url(endpoint: str, graph: str | None) -> str:
    """The Graph Store Protocol URL of the default graph or of a named graph."""
    sep = "&" if "?" in endpoint else "?"
    return f"{endpoint}{sep}default" if graph is None else f"{endpoint}{sep}graph={quote(graph, safe='')}"


def send(method: str, url: str, body: bytes | None = None, timeout: float = 60) -> int:
    """One HTTP request; a 404 on DELETE is fine (the graph is not there)."""
    request = urllib.request.Request(url, data=body, method=method,
                                     headers={"Content-Type": _NT} if body is not None else {})
    try:
        with urllib.request.urlopen(request, timeout=timeout) as response:  # noqa: S310 - user's endpoint
            return response.status
    except urllib.error.HTTPError as exc:
        if method == "DELETE" and exc.code == 404:
            return 404
        raise error("push_failed", url=url, reason=f"HTTP {exc.code} {exc.reason}") from None
    except (urllib.error.URLError, OSError) as exc:
        raise error("push_failed", url=url, reason=str(getattr(exc, "reason", exc))) from None


def _ntriples(triples: Iterable[tuple[Any, Any, Any]]) -> bytes:
    return "".join(sorted(f"{s.n3()} {p.n3()} {o.n3()} .\n" for s, p, o in triples)).encode("utf-8")


def push_store(store: Any, endpoint: str) -> dict[str, int]:
    """Push a :class:`kg.store.CorpusStore` to ``endpoint``: the default graph, then the changed
    documents' graphs; returns how many graphs were replaced and deleted."""
    from kg.rdf.convert import graph_iri, to_rdf

    dataset = to_rdf(store.knowledge_graph(), run=store.run_iri())
    record = Path(store.path) / "pushed.json"
    pushed: dict[str, dict[str, str]] = (json.loads(record.read_text(encoding="utf-8"))
                                          if record.is_file() else {})
    done = dict(pushed.get(endpoint, {}))
    hashes = store.db.hashes()
    send("PUT", graph_url(endpoint, None), _ntriples(dataset.default_graph))
    counts = {"replaced": 0, "deleted": 0}
    for doc_id, digest in sorted(hashes.items()):
        if done.get(doc_id) != digest:
            name = str(graph_iri(doc_id))
            send("PUT", graph_url(endpoint, name), _ntriples(dataset.graph(graph_iri(doc_id))))
            done[doc_id] = digest
            counts["replaced"] += 1
    for doc_id in sorted(set(done) - set(hashes)):
        send("DELETE", graph_url(endpoint, str(graph_iri(doc_id))))
        del done[doc_id]
        counts["deleted"] += 1
    from kg.atomic import atomic_write_text

    atomic_write_text(record, json.dumps({**pushed, endpoint: done}, indent=1, sort_keys=True) + "\n")
    return counts
