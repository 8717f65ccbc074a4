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


@click.command(
    "query",
    epilog=(
        "Examples:\n\n\b\n"
        "  kg query output/ -f ontology/queries/visits.rq\n"
        "  kg query output/graph.trig 'SELECT ?s WHERE { ?s kg:visits ent:Q881 }' --format csv\n"
        "  kg query --store kg-store/ -f ontology/queries/visits.rq\n\n"
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
    help="SPARQL 1.1 results format (CONSTRUCT/DESCRIBE: table gives Turtle, json gives JSON-LD).",
)  # fmt: skip
@click.option(
    "--timeout",
    type=float,
    default=60.0,
    show_default=True,
    help="Seconds before the query is stopped (0 = no limit).",
)
@click.option("--max-rows", type=click.IntRange(min=1), default=None, help="Stop after this many rows.")
@one_line_errors
def query(
    graph: Path | None,
    query_text: str | None,
    query_file: Path | None,
    store_dir: Path | None,
    fmt: str,
    timeout: float,
    max_rows: int | None,
) -> None:
    """Run a SPARQL query on GRAPH (a graph file or a `kg build` output folder) or a --store."""
    from kg.rdf.results import execute

    if store_dir is not None:
        if graph is not None and query_text is None:  # "kg query --store DIR QUERY": GRAPH is the query
            graph, query_text = None, str(graph)
        if graph is not None:
            raise click.UsageError("give GRAPH or --store, not both")
        sparql = _read_query(query_text, query_file)
        from kg.store import CorpusStore

        with CorpusStore(store_dir, write=False) as corpus:
            answer = execute(corpus.graph, sparql, lambda kind: fmt, timeout=timeout or None,
                             max_rows=max_rows)
    else:
        if graph is None:
            raise click.UsageError("give GRAPH (a graph file or kg build folder) or --store DIR")
        from kg.rdf.sparql import open_store

        sparql = _read_query(query_text, query_file)
        answer = execute(open_store(graph), sparql, lambda kind: fmt, timeout=timeout or None,
                         max_rows=max_rows)
    click.echo(answer.body, nl=False)
    if answer.truncated and fmt != "table":
        click.echo(f"warning: stopped at {max_rows} rows (--max-rows)", err=True)


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
    "--workers", type=click.IntRange(min=1), default=4, show_default=True, help="Queries run at once."
)
@click.option("--store", "store_dir", type=click.Path(file_okay=False, path_type=Path), default=None,
              help="Serve a store of kg add (held open for reading: kg add says it is busy meanwhile).")
def serve(
    graphs: tuple[Path, ...], host: str, port: int, timeout: float, max_rows: int, workers: int,
    store_dir: Path | None,
) -> None:
    """Serve GRAPHS read-only over the SPARQL 1.1 Protocol at /sparql, and the viewer at /.

    GRAPHS are graph files or `kg build` output folders (default: output/), or --store DIR.
    """
    from kg.rdf.server import make_server

    corpus = None
    if store_dir is not None:

        corpus = _open_store(store_dir)
        store, html = corpus.graph, None
    else:
        from kg.rdf.sparql import open_store

        graphs = graphs or (Path("output"),)
        store = _load(open_store, graphs)
        html = _viewer_page(graphs)
    server = make_server(
        store, host, port, timeout=timeout or None, max_rows=max_rows, html=html, workers=workers
    )
    if not _is_loopback(host):
        click.echo(f"warning: listening on {host}: the endpoint is reachable from other machines", err=True)
    click.echo(f"{len(store)} triples; SPARQL endpoint at {server.url}sparql (Ctrl+C to stop)", err=True)
    try:
        server.serve_forever()
    except KeyboardInterrupt:
        pass
    finally:
        server.server_close()
        if corpus is not None:
            corpus.close()


def _open_store(folder: Path):  # noqa: ANN202 - a CorpusStore, imported lazily
    from kg.errors import KGError
    from kg.store import CorpusStore

    try:
        return CorpusStore(folder, write=False)
    except KGError as exc:
        raise click.ClickException(str(exc)) from None


def _load(open_store, graphs: tuple[Path, ...]):  # noqa: ANN001, ANN202
    from kg.errors import KGError

    try:
        return open_store(*graphs)
    except KGError as exc:
        raise click.ClickException(str(exc)) from None
