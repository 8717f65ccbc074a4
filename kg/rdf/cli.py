"""``kg query``, ``kg validate`` and ``kg serve`` (registered by :mod:`kg.cli`)."""

from __future__ import annotations

import ipaddress
import sys
from pathlib import Path

import click

from kg.cli_build import one_line_errors
from kg.errors import error

__all__ = ["query", "serve", "validate"]


def _read_query(query_text: str | None, query_file: Path | None) -> str:
    if query_text and query_file:
        raise click.UsageError("give the query either as an argument or with -f, not both")
    if query_file is None and query_text and query_text.endswith(".rq") and Path(query_text).is_file():
        query_file = Path(query_text)
    if query_file is not None:
        if not query_file.is_file():
            raise error("missing", path=query_file)
        return query_file.read_text(encoding="utf-8")
    if not query_text:
        raise click.UsageError("give a SPARQL query or -f FILE.rq")
    return query_text


_MEMORY = click.option(
    "--memory", "memory_mb", type=click.IntRange(min=16), default=1024, show_default=True,
    help="MB of memory a query may take (its worker process ends beyond it).",
)  # fmt: skip
_ALLOW_SERVICE = click.option(
    "--allow-service", is_flag=True,
    help="Let SERVICE send queries to other servers (refused by default: kg makes no outbound requests).",
)  # fmt: skip


@click.command(
    "query",
    epilog=(
        "Examples:\n\n\b\n"
        "  kg query output/ -f ontology/queries/visits.rq\n"
        "  kg query output/ 'SELECT ?s WHERE { ?s kg:visits ent:Q881 }' --format csv\n"
        "  kg query output/graph.ttl 'ASK { ent:Q7747 kg:visits ent:Q881 }'\n"
        "  kg query --store kg-store/ -f ontology/queries/visits.rq\n\n"
        "Formats: table (aligned columns, kg: and ent: names shortened), csv and tsv (SPARQL 1.1 "
        "CSV/TSV results), json (SPARQL 1.1 results JSON), xml (SPARQL results XML). CONSTRUCT and "
        "DESCRIBE give a graph: table prints Turtle, json JSON-LD, xml RDF/XML.\n\n"
        "Prefixes kg:, ent:, wd:, rdf:, rdfs:, owl:, skos:, prov:, dcterms:, xsd: are predeclared; "
        "the default graph holds every statement once (GRAPH ?g reaches each article's graph)."
    ),
)
@click.argument("graph", type=click.Path(path_type=Path), required=False)
@click.argument("query_text", metavar="[QUERY]", required=False)
@click.option(
    "-f", "--file", "query_file", type=click.Path(path_type=Path), help="Read the query from a .rq file."
)
@click.option("--store", "store_dir", type=click.Path(file_okay=False, path_type=Path), default=None,
              help="Ask a store of kg add instead of GRAPH (then the query is the only argument).")
@click.option(
    "--format", "fmt", default="table", show_default=True,
    type=click.Choice(["table", "csv", "tsv", "json", "xml"]),
    help="Result format (see Formats below).",
)  # fmt: skip
@click.option(
    "--timeout",
    type=float,
    default=60.0,
    show_default=True,
    help="Seconds before the query is stopped (0 = no limit).",
)
@click.option("--max-rows", type=click.IntRange(min=1), default=None, help="Stop after this many rows.")
@_MEMORY
@_ALLOW_SERVICE
@one_line_errors
def query(
    graph: Path | None,
    query_text: str | None,
    query_file: Path | None,
    store_dir: Path | None,
    fmt: str,
    timeout: float,
    max_rows: int | None,
    memory_mb: int,
    allow_service: bool,
) -> None:
    """Run a SPARQL query on GRAPH or on a store of kg add (--store).

    GRAPH is a kg build output folder or a graph file (.ttl .trig .nq .nt .jsonld). Of a
    folder, kg query reads graph.trig, graph.nq or graph.jsonld when the build wrote one
    (--format trig...), else the JSON Lines records a default build writes; both hold
    every article's graph. graph.ttl and graph.nt hold the default graph only.

    The query runs in a process of its own, stopped at --timeout and at --memory.
    """
    from kg.rdf.pool import query_once
    from kg.rdf.worker import Source, WorkerLimits

    limits = WorkerLimits(memory_mb=memory_mb, allow_service=allow_service)
    if store_dir is not None:
        if graph is not None and query_text is None:  # "kg query --store DIR QUERY": GRAPH is the query
            graph, query_text = None, str(graph)
        if graph is not None:
            raise click.UsageError("give GRAPH or --store, not both")
        sparql = _read_query(query_text, query_file)
        from kg.store import CorpusStore

        with CorpusStore(store_dir, write=False) as corpus:  # held: no kg add meanwhile
            answer = query_once(_store_source(corpus), sparql, fmt, timeout=timeout or None,
                                max_rows=max_rows, limits=limits)  # fmt: skip
    else:
        if graph is None:
            raise click.UsageError("give GRAPH (a graph file or kg build folder) or --store DIR")
        from kg.rdf.io import resolve_graph_path

        sparql = _read_query(query_text, query_file)
        resolve_graph_path(graph)  # a missing or unknown file is reported before a worker starts
        answer = query_once(Source(paths=(str(graph),)), sparql, fmt, timeout=timeout or None,
                            max_rows=max_rows, limits=limits)  # fmt: skip
    click.echo(answer.body, nl=False)
    if answer.truncated and fmt != "table":
        click.echo(f"warning: stopped at {max_rows} rows (--max-rows)", err=True)


def _store_source(corpus):  # noqa: ANN001, ANN202 - a CorpusStore -> Source, imported lazily
    from kg.rdf.worker import Source

    return Source(folder=str(Path(corpus.path) / "oxigraph"))  # the store's on-disk Oxigraph, read-only


@click.command(
    "validate",
    epilog="Examples:\n\n\b\n  kg validate output/\n  kg validate output/graph.trig --shapes my-shapes.ttl",
)
@click.argument("graph", type=click.Path(path_type=Path))
@click.option(
    "--shapes",
    type=click.Path(path_type=Path),
    default=None,
    help="SHACL shapes (default: ontology/shapes.ttl).",
)
@one_line_errors
def validate(graph: Path, shapes: Path | None) -> None:
    """Check GRAPH (a graph file or `kg build` folder) against the SHACL shapes.

    Prints one line per problem and exits 1 when the graph does not conform.
    """
    from kg.rdf.shacl import validate as run_validation

    conforms, report = run_validation(graph, shapes)
    click.echo(report)
    if not conforms:
        sys.exit(1)


def _viewer_page(graphs: tuple[Path, ...]) -> Path | None:
    for path in graphs:
        folder = path if path.is_dir() else path.parent
        for candidate in (folder / "graph.html", folder.parent / "graph.html"):
            if candidate.is_file():
                return candidate
    return None


def _is_loopback(host: str) -> bool:
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return host == "localhost"


@click.command(
    "serve",
    epilog=(
        "Examples:\n\n\b\n  kg serve output/\n  kg serve output/graph.trig --port 8080 --timeout 10\n"
        "  kg serve output/ --cors-origin http://localhost:3000\n"
        "  curl -H 'Accept: text/csv' 'http://127.0.0.1:8000/sparql?query=SELECT%20*%20WHERE%7B?s%20?p%20?o%7DLIMIT%203'"
    ),
)
@click.argument("graphs", nargs=-1, type=click.Path(path_type=Path))
@click.option("--host", default="127.0.0.1", show_default=True, help="Interface to listen on.")
@click.option(
    "--port", type=click.IntRange(0, 65535), default=8000, show_default=True, help="Port (0 = any free)."
)
@click.option(
    "--timeout", type=float, default=30.0, show_default=True, help="Seconds per query (0 = no limit)."
)
@click.option(
    "--max-rows", type=click.IntRange(min=1), default=10_000, show_default=True, help="Rows per answer."
)
@click.option(
    "--workers", type=click.IntRange(min=1), default=4, show_default=True,
    help="Worker processes: queries run at once (more wait a little, then get 503).",
)  # fmt: skip
@_MEMORY
@click.option("--cors-origin", "cors_origins", multiple=True, metavar="ORIGIN",
              help="Let web pages of ORIGIN (http://localhost:3000) read answers; repeatable; '*': any.")
@click.option("--allow-host", "allowed_hosts", multiple=True, metavar="NAME",
              help="Answer requests for host NAME too (besides this server's addresses and localhost).")
@_ALLOW_SERVICE
@click.option("--store", "store_dir", type=click.Path(file_okay=False, path_type=Path), default=None,
              help="Serve a store of kg add (held open for reading: kg add says it is busy meanwhile).")
@one_line_errors
def serve(
    graphs: tuple[Path, ...], host: str, port: int, timeout: float, max_rows: int, workers: int,
    memory_mb: int, cors_origins: tuple[str, ...], allowed_hosts: tuple[str, ...], allow_service: bool,
    store_dir: Path | None,
) -> None:  # fmt: skip
    """Serve GRAPHS read-only over the SPARQL 1.1 Protocol at /sparql, and the viewer at /.

    GRAPHS are graph files or `kg build` output folders (default: output/), or --store DIR.
    Queries run in --workers processes, each stopped at --timeout and at --memory.
    Only requests naming this server in Host are answered, and pages of other origins
    cannot read answers unless --cors-origin allows them.
    """
    import signal

    from kg.rdf.server import make_server

    def stop(signum: int, frame: object) -> None:
        raise KeyboardInterrupt

    previous = signal.signal(signal.SIGTERM, stop)  # kill PID stops the workers too
    corpus = _open_store(store_dir) if store_dir is not None else None
    try:
        if corpus is not None:
            store, html = _store_source(corpus), None
        else:
            graphs = graphs or (Path("output"),)
            store, html = graphs, _viewer_page(graphs)
        server = make_server(
            store, host, port, timeout=timeout or None, max_rows=max_rows, html=html, workers=workers,
            memory_mb=memory_mb, allow_service=allow_service, cors_origins=cors_origins,
            allowed_hosts=allowed_hosts,
        )  # fmt: skip
        _announce(server, host, allow_service)
        try:
            server.serve_forever()
        finally:
            server.server_close()
    except KeyboardInterrupt:
        pass
    finally:
        signal.signal(signal.SIGTERM, previous)
        if corpus is not None:
            corpus.close()


def _announce(server, host: str, allow_service: bool) -> None:  # noqa: ANN001 - a SparqlServer
    if not _is_loopback(host):
        click.echo(f"warning: listening on {host}: the endpoint is reachable from other machines", err=True)
    if allow_service:
        click.echo("warning: --allow-service: queries can make this machine send requests anywhere", err=True)
    triples = server.pool.triples
    click.echo(f"{triples} triples; SPARQL endpoint at {server.url}sparql (Ctrl+C to stop)", err=True)


def _open_store(folder: Path):  # noqa: ANN202 - a CorpusStore, imported lazily
    from kg.store import CorpusStore

    return CorpusStore(folder, write=False)
