"""SPARQL over kg graphs: rdflib for small in-memory graphs, Oxigraph where it pays.

The default graph of every query is the dataset's default graph, which holds every
entity, document and relation statement once (``GRAPH ?g`` selects a document's own
graph, with its evidence). The kg prefixes (``kg:``, ``ent:``, ``wd:``, ``prov:`` ...) are
predeclared.

Examples
--------
>>> from kg.rdf.convert import to_rdf
>>> from kg.rdf.sample import sample_graph
>>> store = open_store(to_rdf(sample_graph()))
>>> q = "SELECT ?l WHERE { ?x kg:issuesArrestWarrantFor ?y . ?x rdfs:label ?l FILTER(lang(?l) = 'en') }"
>>> [str(r.l) for r in run_query(store, q)]
['International Criminal Court']
"""

from __future__ import annotations

import threading
import weakref
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

from rdflib import Dataset, Graph
from rdflib.query import Result

from kg.errors import KGError, error
from kg.rdf.diagnose import syntax_error
from kg.rdf.guard import UpdateRefused, check_terms, from_clause, is_update, screen
from kg.rdf.lexer import Token
from kg.rdf.namespace import PREFIXES
from kg.rdf.timeout import BIG_STACK, QueryTimeout, call_with_timeout

if TYPE_CHECKING:  # pragma: no cover
    import pyoxigraph

__all__ = [
    "ENGINES",
    "Answer",
    "QueryTimeout",
    "UpdateRefused",
    "call_with_timeout",
    "check_query",
    "copy_store",
    "failed",
    "evaluate",
    "is_update",
    "open_store",
    "query_options",
    "run_query",
    "stack_for",
    "start_query",
]

ENGINES = ("auto", "rdflib", "oxigraph")
#: Above this many triples ``engine="auto"`` copies an rdflib graph into Oxigraph.
AUTO_OXIGRAPH_TRIPLES = 20_000

#: Queries longer than this (characters) are evaluated on a thread with a big stack.
LONG_QUERY = 4096

_store_cache: dict[int, tuple[weakref.ref[Graph], int, Any]] = {}


def _oneline(exc: BaseException, limit: int = 160) -> str:
    text = " ".join(str(exc).split()) or type(exc).__name__
    return text if len(text) <= limit else text[: limit - 3] + "..."


def _load_into(store: Any, source: Graph | str | Path) -> None:
    import pyoxigraph as ox

    from kg.rdf.io import dataset_bytes, resolve_graph_path

    if isinstance(source, Graph):
        data = dataset_bytes(source, "nq" if isinstance(source, Dataset) else "nt")
        store.bulk_load(data, format=ox.RdfFormat.N_QUADS)
        return
    path, fmt = resolve_graph_path(source)
    if fmt == "records":
        from kg.graph import KnowledgeGraph

        try:
            records = KnowledgeGraph.load(path)
        except (KeyError, ValueError, TypeError) as exc:
            raise error("bad_records", path=path, reason=_oneline(exc)) from None
        from kg.rdf.nquads import load_records

        load_records(store, records)
        return
    formats = {"ttl": ox.RdfFormat.TURTLE, "trig": ox.RdfFormat.TRIG, "nt": ox.RdfFormat.N_TRIPLES,
               "nq": ox.RdfFormat.N_QUADS, "jsonld": ox.RdfFormat.JSON_LD}  # fmt: skip
    try:
        store.bulk_load(path=str(path), format=formats[fmt])
    except (SyntaxError, ValueError) as exc:
        raise error("bad_graph", path=path, fmt=fmt, reason=_oneline(exc)) from None


def open_store(*sources: Graph | str | Path, path: str | Path | None = None) -> pyoxigraph.Store:
    """Load graphs (rdflib objects, graph files or ``kg build`` folders) into an Oxigraph store.

    The store is in memory, or on disk in the folder ``path`` (created; :func:`copy_store`
    fills one from another store).

    Raises
    ------
    KGError
        When a file is missing or does not parse.
    """
    import pyoxigraph as ox

    store = ox.Store(str(path)) if path is not None else ox.Store()
    for source in sources:
        _load_into(store, source)
    return store


def copy_store(store: Any, path: str | Path) -> int:
    """Write the quads of ``store`` into a new on-disk store at ``path``; their number."""
    import pyoxigraph as ox

    target = ox.Store(str(path))
    target.bulk_load(store.dump(format=ox.RdfFormat.N_QUADS), format=ox.RdfFormat.N_QUADS)
    target.flush()
    return len(target)


def _size(graph: Graph) -> int:
    """Triples in a graph, or in all graphs of a dataset."""
    return sum(len(g) for g in graph.graphs()) if isinstance(graph, Dataset) else len(graph)


def _oxigraph_for(graph: Graph) -> Any:
    """A cached Oxigraph copy of a large rdflib graph (rebuilt when its size changes)."""
    size = _size(graph)
    ref, cached_size, store = _store_cache.get(id(graph), (None, -1, None))
    if ref is None or ref() is not graph or cached_size != size:
        _store_cache.clear()
        store = open_store(graph)
        _store_cache[id(graph)] = (weakref.ref(graph), size, store)
    return store


@dataclass
class Answer:
    """Engine-neutral query results (terms are pyoxigraph terms, or rdflib terms for rdflib).

    ``kind`` is ``"select"``, ``"ask"`` or ``"graph"`` (CONSTRUCT / DESCRIBE).
    """

    kind: str
    variables: list[str] = field(default_factory=list)
    rows: list[tuple[Any, ...]] = field(default_factory=list)
    boolean: bool = False
    triples: list[Any] = field(default_factory=list)
    truncated: bool = False


def _collect(results: Any, max_rows: int | None, cancel: threading.Event) -> Answer:
    import pyoxigraph as ox

    if isinstance(results, ox.QueryBoolean):
        return Answer("ask", boolean=bool(results))
    answer = Answer("graph") if isinstance(results, ox.QueryTriples) else Answer("select")
    if answer.kind == "select":
        answer.variables = [v.value for v in results.variables]
    target = answer.triples if answer.kind == "graph" else answer.rows
    width = len(answer.variables)
    for item in results:
        if cancel.is_set():
            break
        if max_rows is not None and len(target) >= max_rows:
            answer.truncated = True
            break
        target.append(item if answer.kind == "graph" else tuple(item[i] for i in range(width)))
    return answer


@lru_cache(maxsize=128)
def check_query(sparql: str, allow_service: bool = False) -> tuple[Token, ...]:
    """Refuse what must not reach an engine (see :func:`kg.rdf.guard.screen`) and unknown ``kg:`` terms.

    Returns the query's tokens. A query that passed is remembered (the 128 latest), so
    asking it again costs nothing: the check takes 0.1-0.4 ms for the example queries.
    """
    tokens = screen(sparql, allow_service=allow_service)
    check_terms(sparql, tokens)
    return tuple(tokens)


def query_options(
    default_graphs: list[str] | None = None, named_graphs: list[str] | None = None
) -> dict[str, Any]:
    """Keyword arguments of ``pyoxigraph.Store.query``: kg prefixes; the given default and named graphs."""
    import pyoxigraph as ox

    options: dict[str, Any] = {"prefixes": PREFIXES}
    try:
        if default_graphs:
            options["default_graph"] = [ox.NamedNode(g) for g in default_graphs]
        if named_graphs:
            options["named_graphs"] = [ox.NamedNode(g) for g in named_graphs]
    except ValueError as exc:
        raise error("bad_query", reason=f"bad graph IRI ({_oneline(exc)})") from None
    return options


def prepare(
    sparql: str,
    default_graphs: list[str] | None,
    named_graphs: list[str] | None,
    on_done: Callable[[], None] | None,
    allow_service: bool = False,
) -> dict[str, Any]:
    """Check a query and build its options; call ``on_done`` if it is refused."""
    try:
        check_query(sparql, allow_service)
        return query_options(default_graphs, named_graphs)
    except KGError:
        if on_done is not None:
            on_done()
        raise


def start_query(store: Any, sparql: str, options: dict[str, Any]) -> Any:
    """``store.query`` with a parse error turned into :class:`~kg.errors.KGError` ``bad_query``."""
    try:
        return store.query(sparql, **options)
    except SyntaxError as exc:
        raise syntax_error(sparql, str(exc)) from None


def stack_for(sparql: str) -> int:
    """The thread stack a query needs (0: any thread will do)."""
    return BIG_STACK if len(sparql) > LONG_QUERY else 0


def failed(exc: BaseException) -> KGError:
    """An evaluation error of Oxigraph as a one-line :class:`~kg.errors.KGError`."""
    return error("query_failed", reason=_oneline(exc))


def evaluate(
    store: Any,
    sparql: str,
    *,
    timeout: float | None = None,
    max_rows: int | None = None,
    default_graphs: list[str] | None = None,
    named_graphs: list[str] | None = None,
    on_done: Callable[[], None] | None = None,
    allow_service: bool = False,
) -> Answer:
    """Evaluate ``sparql`` on an Oxigraph store with a time limit and a row cap.

    Parameters
    ----------
    store
        A ``pyoxigraph.Store`` (see :func:`open_store`).
    sparql
        A SELECT, ASK, CONSTRUCT or DESCRIBE query (SPARQL Update is refused).
    timeout
        Seconds before :class:`~kg.errors.KGError` ``query_timeout``; ``None`` = no limit.
    max_rows
        Keep at most this many rows / triples and set ``Answer.truncated``.
    default_graphs, named_graphs
        Graph IRIs of the SPARQL Protocol ``default-graph-uri`` and
        ``named-graph-uri`` parameters; by default the dataset's default graph.
    on_done
        Called once the evaluation has really finished (see :func:`call_with_timeout`).
    allow_service
        Let ``SERVICE`` send its inner query to other servers (refused by default).

    The evaluation runs in this process: a timeout stops waiting for it and stops
    collecting rows, but Oxigraph may go on computing until it returns; ``kg query``
    and ``kg serve`` use worker processes that are killed instead (:mod:`kg.rdf.pool`).

    Examples
    --------
    >>> from kg.rdf.convert import to_rdf
    >>> from kg.rdf.sample import sample_graph
    >>> store = open_store(to_rdf(sample_graph()))
    >>> evaluate(store, "ASK { ?x kg:visits ent:Q881 }").boolean
    True
    >>> evaluate(store, "SELECT ?s WHERE { ?s a kg:Person }", max_rows=2).truncated
    True
    """
    options = prepare(sparql, default_graphs, named_graphs, on_done, allow_service)
    cancel = threading.Event()

    def work() -> Answer:
        return _collect(start_query(store, sparql, options), max_rows, cancel)

    try:
        return call_with_timeout(work, timeout, cancel, on_done, stack_for(sparql))
    except (OSError, ValueError, RuntimeError) as exc:  # evaluation errors reported by Oxigraph
        raise failed(exc) from None


def _oxigraph_message(sparql: str) -> str | None:
    """Oxigraph's syntax error for ``sparql`` (on an empty store), or ``None`` if it parses."""
    import pyoxigraph as ox

    try:
        ox.Store().query(sparql, prefixes=PREFIXES)
    except SyntaxError as exc:
        return str(exc)
    except (OSError, ValueError, RuntimeError):
        pass
    return None


def _rdflib_query(graph: Graph, sparql: str, timeout: float | None, allow_service: bool) -> Result:
    from rdflib.plugins.sparql import prepareQuery

    tokens = check_query(sparql, allow_service)
    fetched = from_clause(tokens)
    if fetched is not None:
        from kg.rdf.lexer import position

        line, column = position(sparql, fetched.start)
        raise error("from_fetches", line=line, column=column, iri=fetched.text)
    cancel = threading.Event()

    def work() -> Result:
        try:
            prepared = prepareQuery(sparql, initNs=PREFIXES)
        except RecursionError:
            raise error("rdflib_depth") from None
        except Exception as exc:  # noqa: BLE001 - a ParseException, or a bare Exception for a prefix
            raise syntax_error(sparql, _oxigraph_message(sparql) or str(exc)) from None
        result = graph.query(prepared)
        if result.type == "SELECT":
            result.bindings  # noqa: B018 - evaluate inside the worker thread
        return result

    return call_with_timeout(work, timeout, cancel, stack_size=stack_for(sparql))


def run_query(
    graph: Graph | Any | str | Path,
    sparql: str,
    *,
    engine: str = "auto",
    timeout: float | None = None,
    max_rows: int | None = None,
    allow_service: bool = False,
) -> Result:
    """Run a SPARQL query and return an rdflib ``Result``.

    Parameters
    ----------
    graph
        An rdflib ``Graph``/``Dataset``, a ``pyoxigraph.Store``, a graph file
        or a ``kg build`` output folder.
    sparql
        The query; kg prefixes are predeclared; the default graph holds every
        statement once (``GRAPH`` reaches the documents' graphs).
    engine
        ``"rdflib"``, ``"oxigraph"`` or ``"auto"``: Oxigraph for stores, files
        and rdflib graphs over 20,000 triples (copied once and cached), rdflib
        otherwise.
    timeout
        Seconds before :class:`~kg.errors.KGError` ``query_timeout``.
    max_rows
        Oxigraph only: keep at most this many rows.
    allow_service
        Let ``SERVICE`` query other servers (refused by default; so is ``FROM`` with
        rdflib, which would download the graph).

    Returns
    -------
    rdflib.query.Result
        Iterate rows (``row.var``), or use ``.askAnswer`` / ``.graph``.

    Raises
    ------
    KGError
        For an unparsable query, an update request or a timeout.

    Examples
    --------
    >>> from kg.rdf.convert import to_rdf
    >>> from kg.rdf.sample import sample_graph
    >>> ds = to_rdf(sample_graph())
    >>> run_query(ds, "ASK { ent:Q159 kg:signsAgreementWith ent:Q423 }").askAnswer
    True
    >>> run_query(ds, "SELECT ?x WHERE {", engine="rdflib")  # doctest: +ELLIPSIS
    Traceback (most recent call last):
    ...
    kg.errors.KGError: SPARQL query could not be parsed: ...
    """
    if engine not in ENGINES:
        raise ValueError(f"engine must be one of {ENGINES}, not {engine!r}")
    if isinstance(graph, str | Path):
        graph = open_store(graph)
    if isinstance(graph, Graph):
        if engine == "rdflib" or (engine == "auto" and _size(graph) < AUTO_OXIGRAPH_TRIPLES):
            return _rdflib_query(graph, sparql, timeout, allow_service)
        graph = _oxigraph_for(graph)
    elif engine == "rdflib":
        raise ValueError("engine='rdflib' needs an rdflib graph")
    from kg.rdf.terms import as_result

    return as_result(evaluate(graph, sparql, timeout=timeout, max_rows=max_rows, allow_service=allow_service))
