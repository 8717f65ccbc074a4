"""A read-only SPARQL 1.1 Protocol endpoint on the standard library's HTTP server.

``GET /sparql?query=...`` and ``POST /sparql`` (form-encoded or a direct
``application/sparql-query`` body) run a query on an in-memory Oxigraph store;
the response format follows the ``Accept`` header (SPARQL results JSON, XML,
CSV, TSV; Turtle, JSON-LD, N-Triples or RDF/XML for CONSTRUCT/DESCRIBE).
SPARQL Update is refused with ``403``. ``GET /`` serves the viewer page.

Examples
--------
>>> negotiate("text/csv;q=0.9, application/sparql-results+json", "select")
'json'
>>> negotiate("application/ld+json", "graph")
'jsonld'
>>> negotiate("image/png", "select") is None
True
"""

from __future__ import annotations

import html
import sys
import threading
from http import HTTPStatus
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any
from urllib.parse import parse_qs, urlsplit

from kg.errors import MESSAGES, KGError, error
from kg.rdf.results import GRAPH_FORMATS, SELECT_FORMATS, execute
from kg.rdf.sparql import QueryTimeout, UpdateRefused

__all__ = ["SparqlServer", "make_server", "negotiate"]

_OFFERS = {
    "select": [
        ("json", "application/sparql-results+json"), ("json", "application/json"),
        ("xml", "application/sparql-results+xml"), ("xml", "application/xml"), ("xml", "text/xml"),
        ("csv", "text/csv"), ("tsv", "text/tab-separated-values"),
    ],
    "graph": [
        ("ttl", "text/turtle"), ("ttl", "application/x-turtle"), ("jsonld", "application/ld+json"),
        ("jsonld", "application/json"), ("nt", "application/n-triples"), ("nt", "text/plain"),
        ("rdfxml", "application/rdf+xml"), ("rdfxml", "application/xml"),
    ],
}  # fmt: skip
_FORMAT_PARAM = {
    "json": "json", "xml": "xml", "csv": "csv", "tsv": "tsv", "turtle": "ttl", "ttl": "ttl",
    "json-ld": "jsonld", "jsonld": "jsonld", "nt": "nt", "n-triples": "nt",
    "rdfxml": "rdfxml", "rdf+xml": "rdfxml",
}  # fmt: skip
MAX_BODY = 1 << 20
_PAGE = """<!doctype html><html lang="en"><head><meta charset="utf-8"><title>kg SPARQL endpoint</title></head>
<body><h1>kg SPARQL endpoint</h1><p>{triples} triples. Query with the SPARQL 1.1 Protocol at
<code>/sparql</code> (read-only), e.g. <code>curl '{url}sparql?query=ASK%7B%3Fs%20%3Fp%20%3Fo%7D'</code>.</p>
<form action="sparql" method="get"><textarea name="query" rows="8" cols="80">
SELECT ?s ?p ?o WHERE {{ ?s ?p ?o }} LIMIT 10</textarea><br>
<input type="hidden" name="format" value="json"><button>Run</button></form></body></html>
"""


class _NotAcceptable(KGError):
    """No offered media type matches the Accept header."""


def negotiate(accept: str | None, kind: str) -> str | None:
    """Pick the result format for an ``Accept`` header (``None`` = nothing acceptable).

    ``kind`` is ``"select"`` (also ASK) or ``"graph"`` (CONSTRUCT/DESCRIBE).
    """
    offers = _OFFERS["graph" if kind == "graph" else "select"]
    ranges = []
    for index, part in enumerate((accept or "*/*").split(",")):
        fields = [f.strip() for f in part.split(";")]
        quality = 1.0
        for f in fields[1:]:
            if f.startswith("q="):
                try:
                    quality = float(f[2:])
                except ValueError:
                    quality = 0.0
        if fields[0]:
            ranges.append((-quality, index, fields[0].lower()))
    for neg_q, _, media in sorted(ranges):
        if neg_q >= 0:
            break
        for fmt, offered in offers:
            main = offered.split("/")[0]
            if media in (offered, "*/*", f"{main}/*"):
                return fmt
    return None


class SparqlServer(ThreadingHTTPServer):
    """HTTP server holding the store and the limits (see :func:`make_server`)."""

    daemon_threads = True

    def __init__(self, address: tuple[str, int], store: Any, **options: Any) -> None:
        super().__init__(address, _Handler)
        self.store = store
        self.timeout_s: float | None = options.get("timeout")
        self.max_rows: int | None = options.get("max_rows")
        self.html: Path | None = options.get("html")
        self.quiet: bool = options.get("quiet", False)
        self.slots = threading.BoundedSemaphore(options.get("workers", 4))

    @property
    def url(self) -> str:
        host, port = self.server_address[:2]
        return f"http://{host}:{port}/"


def make_server(
    store: Any,
    host: str = "127.0.0.1",
    port: int = 8000,
    *,
    timeout: float | None = 30.0,
    max_rows: int | None = 10_000,
    html: Path | None = None,
    workers: int = 4,
    quiet: bool = False,
) -> SparqlServer:
    """Create (not start) the endpoint; call ``serve_forever()`` on the result.

    Parameters
    ----------
    store
        A ``pyoxigraph.Store`` (see :func:`kg.rdf.sparql.open_store`).
    host, port
        Where to listen; loopback by default, port 0 picks a free port.
    timeout
        Seconds per query before ``503``; ``None`` for no limit.
    max_rows
        Rows (or triples) per answer; longer answers are cut and flagged with
        the ``X-KG-Truncated: true`` header.
    html
        Page served at ``/`` (the viewer); a short help page when ``None``.
    workers
        Queries evaluated at the same time; more get ``503``.
    """
    try:
        return SparqlServer(
            (host, port), store, timeout=timeout, max_rows=max_rows, html=html, workers=workers, quiet=quiet
        )
    except OSError as exc:
        raise error("cannot_listen", host=host, port=port, reason=exc.strerror or exc) from None


class _Handler(BaseHTTPRequestHandler):
    server: SparqlServer
    server_version = "kg-sparql/0.1"
    protocol_version = "HTTP/1.1"

    def log_message(self, format: str, *args: Any) -> None:  # noqa: A002 - base class signature
        if not self.server.quiet:
            sys.stderr.write(f"{self.address_string()} - {format % args}\n")

    # ------------------------------------------------------------- responses
    def _send(self, status: int, body: bytes, content_type: str, extra: dict[str, str] | None = None) -> None:
        self.send_response(status)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(body)))
        self.send_header("Access-Control-Allow-Origin", "*")
        self.send_header("Vary", "Accept")
        for key, value in (extra or {}).items():
            self.send_header(key, value)
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(body)

    def _fail(self, status: int, message: str) -> None:
        self._send(status, (message + "\n").encode("utf-8"), "text/plain; charset=utf-8")

    # ---------------------------------------------------------------- routes
    def do_OPTIONS(self) -> None:  # noqa: N802 - http.server naming
        self.send_response(HTTPStatus.NO_CONTENT)
        self.send_header("Access-Control-Allow-Origin", "*")
        self.send_header("Access-Control-Allow-Methods", "GET, POST, OPTIONS")
        self.send_header("Access-Control-Allow-Headers", "Content-Type, Accept")
        self.send_header("Content-Length", "0")
        self.end_headers()

    def do_HEAD(self) -> None:  # noqa: N802
        self.do_GET()

    def do_GET(self) -> None:  # noqa: N802
        url = urlsplit(self.path)
        if url.path in ("/", "/index.html"):
            self._index()
        elif url.path == "/sparql":
            self._protocol(parse_qs(url.query, keep_blank_values=True))
        else:
            self._fail(HTTPStatus.NOT_FOUND, f"not found: {url.path} (the endpoint is /sparql)")

    def do_POST(self) -> None:  # noqa: N802
        url = urlsplit(self.path)
        try:
            length = int(self.headers.get("Content-Length") or 0)
        except ValueError:
            length = -1
        if url.path != "/sparql" or not 0 <= length <= MAX_BODY:
            self._discard(length)
            if url.path != "/sparql":
                self._fail(HTTPStatus.NOT_FOUND, f"not found: {url.path} (the endpoint is /sparql)")
            elif length < 0:
                self._fail(HTTPStatus.BAD_REQUEST, "bad Content-Length")
            else:
                self._fail(HTTPStatus.REQUEST_ENTITY_TOO_LARGE, f"request body over {MAX_BODY} bytes")
            return
        body = self.rfile.read(length).decode("utf-8", errors="replace")
        params = parse_qs(url.query, keep_blank_values=True)
        ctype = (self.headers.get("Content-Type") or "").split(";")[0].strip().lower()
        if ctype == "application/sparql-update":
            self._fail(HTTPStatus.FORBIDDEN, MESSAGES["sparql_update"])
            return
        if ctype == "application/sparql-query":
            params["query"] = [body]
        elif ctype in ("application/x-www-form-urlencoded", ""):
            for key, values in parse_qs(body, keep_blank_values=True).items():
                params.setdefault(key, []).extend(values)
        else:
            self._fail(HTTPStatus.UNSUPPORTED_MEDIA_TYPE, f"unsupported Content-Type {ctype!r}")
            return
        self._protocol(params)

    def _discard(self, length: int) -> None:
        """Read and drop a body we refuse (so the client sees our answer), or close the connection."""
        if 0 <= length <= 64 * MAX_BODY:
            while length > 0:
                chunk = self.rfile.read(min(length, 1 << 16))
                if not chunk:
                    break
                length -= len(chunk)
        else:
            self.close_connection = True

    def _index(self) -> None:
        if self.server.html is not None and self.server.html.is_file():
            self._send(HTTPStatus.OK, self.server.html.read_bytes(), "text/html; charset=utf-8")
            return
        page = _PAGE.format(triples=len(self.server.store), url=html.escape(self.server.url))
        self._send(HTTPStatus.OK, page.encode("utf-8"), "text/html; charset=utf-8")

    def _protocol(self, params: dict[str, list[str]]) -> None:
        if "update" in params:
            self._fail(HTTPStatus.FORBIDDEN, MESSAGES["sparql_update"])
            return
        queries = params.get("query", [])
        if len(queries) != 1:
            self._fail(HTTPStatus.BAD_REQUEST, "give exactly one 'query' parameter (SPARQL 1.1 Protocol)")
            return
        srv = self.server
        if not srv.slots.acquire(timeout=srv.timeout_s or 30):
            self._fail(HTTPStatus.SERVICE_UNAVAILABLE, "server busy: too many queries running, retry later")
            return
        try:
            answer = execute(
                srv.store, queries[0], lambda kind: self._choose(kind, params), timeout=srv.timeout_s,
                max_rows=srv.max_rows, default_graphs=params.get("default-graph-uri"),
                named_graphs=params.get("named-graph-uri"), on_done=srv.slots.release,
            )  # fmt: skip
        except _NotAcceptable as exc:
            self._fail(HTTPStatus.NOT_ACCEPTABLE, str(exc))
            return
        except QueryTimeout as exc:
            self._fail(HTTPStatus.SERVICE_UNAVAILABLE, str(exc))
            return
        except UpdateRefused as exc:
            self._fail(HTTPStatus.FORBIDDEN, str(exc))
            return
        except KGError as exc:
            self._fail(HTTPStatus.BAD_REQUEST, str(exc))
            return
        formats = GRAPH_FORMATS if answer.kind == "graph" else SELECT_FORMATS
        extra = {"X-KG-Truncated": "true"} if answer.truncated else {}
        self._send(HTTPStatus.OK, answer.body, formats[answer.fmt], extra)

    def _choose(self, kind: str, params: dict[str, list[str]]) -> str:
        kind = "graph" if kind == "graph" else "select"
        formats = GRAPH_FORMATS if kind == "graph" else SELECT_FORMATS
        for key in ("format", "output", "results"):
            wanted = _FORMAT_PARAM.get((params.get(key) or [""])[0].lower())
            if wanted in formats:
                return wanted
        fmt = negotiate(self.headers.get("Accept"), kind)
        if fmt is None:
            offered = ", ".join(media for _, media in _OFFERS[kind])
            raise _NotAcceptable(f"cannot produce the Accept-ed type; offered: {offered}")
        return fmt
