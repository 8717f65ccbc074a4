"""A read-only SPARQL 1.1 Protocol endpoint on the standard library's HTTP server.

``GET /sparql?query=...`` and ``POST /sparql`` (form-encoded or a direct
``application/sparql-query`` body) run a query in a pool of worker processes
(:mod:`kg.rdf.pool`) that hold the store read-only; the response format follows the
``Accept`` header (SPARQL results JSON, XML, CSV, TSV; Turtle, JSON-LD, N-Triples or
RDF/XML for CONSTRUCT/DESCRIBE). ``GET /`` serves the viewer page.

What the endpoint refuses, and with which status:

* SPARQL Update ``403``; ``SERVICE`` ``400`` (the workers cannot open sockets anyway);
  a query over 64 KiB ``413``, nested over 128 brackets ``400``;
* a ``Host`` header naming another server ``421`` (DNS rebinding: a web page whose
  name resolves to 127.0.0.1); a request from another origin ``403`` unless allowed
  with ``cors_origins`` (no ``Access-Control-Allow-Origin`` header is sent otherwise);
* a query over its time or memory ``503`` (its worker is killed and replaced); every
  worker busy ``503`` with ``Retry-After``; more connections than the server keeps
  ``503`` at once; a request not sent within ``idle_timeout`` is dropped.

Content negotiation is :mod:`kg.rdf.negotiate`.
"""

from __future__ import annotations

import html
import ipaddress
import shutil
import sys
import tempfile
import threading
from dataclasses import dataclass
from http import HTTPStatus
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any
from urllib.parse import parse_qs, urlsplit

from kg.errors import MESSAGES, KGError, error
from kg.rdf.access import Access
from kg.rdf.guard import QueryTooLarge, UpdateRefused
from kg.rdf.negotiate import FORMAT_PARAM, OFFERS, negotiate
from kg.rdf.pool import QueryCrashed, QueryMemory, QueryPool, QueryTimeout, ServerBusy
from kg.rdf.results import GRAPH_FORMATS, SELECT_FORMATS
from kg.rdf.sparql import check_query
from kg.rdf.worker import NotAcceptable, Request, Source, WorkerLimits

__all__ = ["EndpointOptions", "SparqlServer", "make_server"]

MAX_BODY = 1 << 20
_RETRY_AFTER = "1"
_STATUS = {
    UpdateRefused: HTTPStatus.FORBIDDEN, QueryTooLarge: HTTPStatus.REQUEST_ENTITY_TOO_LARGE,
    QueryTimeout: HTTPStatus.SERVICE_UNAVAILABLE, QueryMemory: HTTPStatus.SERVICE_UNAVAILABLE,
}  # fmt: skip
_PAGE = """<!doctype html><html lang="en"><head><meta charset="utf-8"><title>kg SPARQL endpoint</title></head>
<body><h1>kg SPARQL endpoint</h1><p>{triples} triples. Query with the SPARQL 1.1 Protocol at
<code>/sparql</code> (read-only), e.g. <code>curl '{url}sparql?query=ASK%7B%3Fs%20%3Fp%20%3Fo%7D'</code>.</p>
<form action="sparql" method="get"><textarea name="query" rows="8" cols="80">
SELECT ?s ?p ?o WHERE {{ ?s ?p ?o }} LIMIT 10</textarea><br>
<input type="hidden" name="format" value="json"><button>Run</button></form></body></html>
"""


@dataclass(frozen=True)
class EndpointOptions:
    """Limits and access rules of the endpoint (see :func:`make_server`)."""

    timeout: float | None = 30.0
    max_rows: int | None = 10_000
    html: Path | None = None
    quiet: bool = False
    cors_origins: tuple[str, ...] = ()
    allowed_hosts: tuple[str, ...] = ()
    idle_timeout: float = 10.0
    max_connections: int = 64


class SparqlServer(ThreadingHTTPServer):
    """HTTP server holding the worker pool and the options (see :func:`make_server`)."""

    daemon_threads = True

    def __init__(self, address: tuple[str, int], options: EndpointOptions, backlog: int) -> None:
        self.request_queue_size = backlog  # read by listen() in server_activate()
        self.options = options
        self.pool: QueryPool | None = None
        self.scratch: Path | None = None  # a temporary on-disk copy of the store
        super().__init__(address, _Handler)
        self._connections = threading.BoundedSemaphore(options.max_connections)
        self.access = Access(ipaddress.ip_address(self.server_address[0]), options.cors_origins,
                             options.allowed_hosts)  # fmt: skip

    @property
    def url(self) -> str:
        host, port = self.server_address[:2]
        return f"http://{host}:{port}/"

    def process_request(self, request: Any, client_address: Any) -> None:
        if not self._connections.acquire(blocking=False):  # too many open connections: refuse at once
            _refuse(request, self.options.max_connections)
            self.shutdown_request(request)
            return
        super().process_request(request, client_address)

    def process_request_thread(self, request: Any, client_address: Any) -> None:
        try:
            super().process_request_thread(request, client_address)
        finally:
            self._connections.release()

    def server_close(self) -> None:
        super().server_close()
        if self.pool is not None:
            self.pool.close()
        if self.scratch is not None:
            shutil.rmtree(self.scratch, ignore_errors=True)


def _refuse(request: Any, limit: int) -> None:
    body = MESSAGES["query_busy"].format(running=limit, waiting=0, retry=_RETRY_AFTER).encode() + b"\n"
    head = (f"HTTP/1.1 503 Service Unavailable\r\nRetry-After: {_RETRY_AFTER}\r\nConnection: close\r\n"
            f"Content-Type: text/plain; charset=utf-8\r\nContent-Length: {len(body)}\r\n\r\n")  # fmt: skip
    try:
        request.settimeout(1)
        request.sendall(head.encode("ascii") + body)
    except OSError:
        pass


def _source(store: Any) -> tuple[Source, Path | None]:
    """Where the workers find ``store``: a :class:`Source` as is; graph files or a Store are
    written to an on-disk store in a scratch folder, which every worker opens read-only."""
    if isinstance(store, Source):
        return store, None
    from kg.rdf.sparql import copy_store, open_store

    scratch = Path(tempfile.mkdtemp(prefix="kg-serve-"))
    try:
        if isinstance(store, list | tuple):
            disk = open_store(*store, path=scratch / "oxigraph")
            disk.flush()
            del disk  # closed: the workers open it read-only
        else:
            copy_store(store, scratch / "oxigraph")
    except BaseException:
        shutil.rmtree(scratch, ignore_errors=True)
        raise
    return Source(folder=str(scratch / "oxigraph")), scratch


def make_server(
    store: Any,
    host: str = "127.0.0.1",
    port: int = 8000,
    *,
    workers: int = 4,
    memory_mb: int | None = 1024,
    allow_service: bool = False,
    wait: float = 2.0,
    **options: Any,
) -> SparqlServer:
    """Create (not start) the endpoint and its workers; call ``serve_forever()`` on the result.

    Parameters
    ----------
    store
        Graph files or ``kg build`` folders (a list), or a ``pyoxigraph.Store``: loaded
        into a temporary on-disk store the workers open read-only; or a
        :class:`kg.rdf.worker.Source`.
    host, port
        Where to listen; loopback by default, port 0 picks a free port.
    workers
        Worker processes, i.e. queries evaluated at the same time.
    memory_mb
        Memory a query may take in its worker; ``None`` for no cap.
    allow_service
        Let ``SERVICE`` send queries to other servers (off: refused, and the workers
        cannot open network connections).
    wait
        Seconds a query waits for a free worker before ``503``.
    **options
        The fields of :class:`EndpointOptions`: ``timeout`` (seconds per query before
        ``503``; ``None`` for no limit), ``max_rows`` (longer answers are cut and flagged
        with ``X-KG-Truncated: true``), ``html`` (page served at ``/``), ``quiet``,
        ``cors_origins`` (origins whose pages may read answers; ``"*"`` for all),
        ``allowed_hosts`` (host names besides this server's addresses and ``localhost``),
        ``idle_timeout``, ``max_connections``.
    """
    opts = EndpointOptions(**options)
    try:
        server = SparqlServer((host, port), opts, backlog=max(8, 2 * workers))
    except OSError as exc:
        raise error("cannot_listen", host=host, port=port, reason=exc.strerror or exc) from None
    try:
        source, server.scratch = _source(store)
        limits = WorkerLimits(memory_mb=memory_mb, allow_service=allow_service)
        server.pool = QueryPool(source, workers, limits, wait=wait).start(count=True)
    except BaseException:
        server.server_close()
        raise
    return server


class _Handler(BaseHTTPRequestHandler):
    server: SparqlServer
    server_version = "kg-sparql/0.2"
    protocol_version = "HTTP/1.1"
    cors: str | None = None

    def setup(self) -> None:
        self.timeout = self.server.options.idle_timeout  # a request not sent in time is dropped
        super().setup()

    def log_message(self, format: str, *args: Any) -> None:  # noqa: A002 - base class signature
        if not self.server.options.quiet:
            sys.stderr.write(f"{self.address_string()} - {format % args}\n")

    # ------------------------------------------------------------- responses
    def _send(self, status: int, body: bytes, content_type: str, extra: dict[str, str] | None = None) -> None:
        self.send_response(status)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(body)))
        self.send_header("Vary", "Accept, Origin")
        if self.cors is not None:
            self.send_header("Access-Control-Allow-Origin", self.cors)
            self.send_header("Access-Control-Expose-Headers", "X-KG-Truncated")
        for key, value in (extra or {}).items():
            self.send_header(key, value)
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(body)

    def _fail(self, status: int, message: str, extra: dict[str, str] | None = None) -> None:
        self._send(status, (message + "\n").encode("utf-8"), "text/plain; charset=utf-8", extra)

    def _admit(self) -> bool:
        """Check Host (DNS rebinding) and Origin (other web pages); answer and close if refused."""
        access, host = self.server.access, self.headers.get("Host")
        self.cors = None
        if not access.host_allowed(host):
            self.close_connection = True
            ours = f"{self.server.server_address[0]}:{self.server.server_address[1]}"
            self._fail(HTTPStatus.MISDIRECTED_REQUEST, MESSAGES["bad_host"].format(host=host, expected=ours))
            return False
        allowed, self.cors = access.origin(self.headers, host)
        if not allowed:
            self.close_connection = True
            origin = access.refused_origin(self.headers)
            self._fail(HTTPStatus.FORBIDDEN, MESSAGES["cross_origin"].format(origin=origin))
        return allowed

    # ---------------------------------------------------------------- routes
    def do_OPTIONS(self) -> None:  # noqa: N802 - http.server naming
        if not self._admit():
            return
        self.send_response(HTTPStatus.NO_CONTENT)
        if self.cors is not None:
            self.send_header("Access-Control-Allow-Origin", self.cors)
            self.send_header("Access-Control-Allow-Methods", "GET, POST, OPTIONS")
            self.send_header("Access-Control-Allow-Headers", "Content-Type, Accept")
            self.send_header("Access-Control-Max-Age", "600")
        self.send_header("Vary", "Origin")
        self.send_header("Content-Length", "0")
        self.end_headers()

    def do_HEAD(self) -> None:  # noqa: N802
        self.do_GET()

    def do_GET(self) -> None:  # noqa: N802
        if not self._admit():
            return
        url = urlsplit(self.path)
        if url.path in ("/", "/index.html"):
            self._index()
        elif url.path == "/sparql":
            self._protocol(parse_qs(url.query, keep_blank_values=True))
        else:
            self._fail(HTTPStatus.NOT_FOUND, f"not found: {url.path} (the endpoint is /sparql)")

    def do_POST(self) -> None:  # noqa: N802
        if not self._admit():
            return
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
        if self.server.options.html is not None and self.server.options.html.is_file():
            self._send(HTTPStatus.OK, self.server.options.html.read_bytes(), "text/html; charset=utf-8")
            return
        triples = self.server.pool.triples if self.server.pool is not None else 0
        page = _PAGE.format(triples=triples, url=html.escape(self.server.url))
        self._send(HTTPStatus.OK, page.encode("utf-8"), "text/html; charset=utf-8")

    def _protocol(self, params: dict[str, list[str]]) -> None:
        if "update" in params:
            self._fail(HTTPStatus.FORBIDDEN, MESSAGES["sparql_update"])
            return
        queries = params.get("query", [])
        if len(queries) != 1:
            self._fail(HTTPStatus.BAD_REQUEST, "give exactly one 'query' parameter (SPARQL 1.1 Protocol)")
            return
        request = Request(
            queries[0], {kind: self._format(kind, params) for kind in ("select", "ask", "graph")},
            self.server.options.max_rows, tuple(params.get("default-graph-uri", ())),
            tuple(params.get("named-graph-uri", ())),
        )  # fmt: skip
        try:
            pool = self.server.pool
            assert pool is not None
            check_query(request.sparql, pool.limits.allow_service)  # refused here without taking a worker
            answer = pool.run(request, self.server.options.timeout)
        except KGError as exc:
            self._refused(exc)
            return
        formats = GRAPH_FORMATS if answer.kind == "graph" else SELECT_FORMATS
        extra = {"X-KG-Truncated": "true"} if answer.truncated else {}
        self._send(HTTPStatus.OK, answer.body, formats[answer.fmt], extra)

    def _refused(self, exc: KGError) -> None:
        if isinstance(exc, NotAcceptable):
            kind = "graph" if exc.args[0] == "graph" else "select"
            offered = ", ".join(media for _, media in OFFERS[kind])
            self._fail(HTTPStatus.NOT_ACCEPTABLE, f"cannot produce the Accept-ed type; offered: {offered}")
        elif isinstance(exc, ServerBusy):  # and QueryHeld: the same query stopped a moment ago
            self._fail(HTTPStatus.SERVICE_UNAVAILABLE, str(exc), {"Retry-After": str(exc.retry_after)})
        elif isinstance(exc, QueryCrashed):
            self._fail(HTTPStatus.INTERNAL_SERVER_ERROR, str(exc))
        else:
            self._fail(_STATUS.get(type(exc), HTTPStatus.BAD_REQUEST), str(exc))

    def _format(self, kind: str, params: dict[str, list[str]]) -> str | None:
        kind = "graph" if kind == "graph" else "select"
        formats = GRAPH_FORMATS if kind == "graph" else SELECT_FORMATS
        for key in ("format", "output", "results"):
            wanted = FORMAT_PARAM.get((params.get(key) or [""])[0].lower())
            if wanted in formats:
                return wanted
        return negotiate(self.headers.get("Accept"), kind)

