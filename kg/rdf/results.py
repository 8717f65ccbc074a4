"""Write SPARQL answers (:class:`kg.rdf.sparql.Answer`) in the standard result formats.

SELECT / ASK: SPARQL 1.1 Query Results JSON, XML, CSV and TSV, plus a
readable ``table``. CONSTRUCT / DESCRIBE: Turtle, JSON-LD, N-Triples, RDF/XML.

Examples
--------
>>> from kg.rdf.sparql import evaluate, open_store
>>> from kg.rdf.convert import to_rdf
>>> from kg.rdf.sample import sample_graph
>>> store = open_store(to_rdf(sample_graph()))
>>> answer = evaluate(store, "SELECT ?s WHERE { ?s kg:issuesArrestWarrantFor ent:Q7747 }")
>>> print(render(answer, "table").decode())
s
----------
ent:Q47488
<BLANKLINE>
>>> render(answer, "csv")
b's\\r\\nhttps://w3id.org/kg-hindi/entity/Q47488\\r\\n'
"""

from __future__ import annotations

import csv
import io
import json
import threading
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any
from xml.sax.saxutils import escape, quoteattr

from kg.errors import error
from kg.rdf.namespace import PREFIXES
from kg.rdf.sparql import (
    Answer,
    _collect,
    call_with_timeout,
    failed,
    prepare,
    stack_for,
    start_query,
)

__all__ = ["GRAPH_FORMATS", "SELECT_FORMATS", "Rendered", "execute", "render"]

#: Result format name -> media type, for SELECT and ASK queries.
SELECT_FORMATS = {
    "json": "application/sparql-results+json",
    "xml": "application/sparql-results+xml",
    "csv": "text/csv; charset=utf-8",
    "tsv": "text/tab-separated-values; charset=utf-8",
    "table": "text/plain; charset=utf-8",
}
#: Result format name -> media type, for CONSTRUCT and DESCRIBE queries.
GRAPH_FORMATS = {
    "ttl": "text/turtle; charset=utf-8",
    "jsonld": "application/ld+json",
    "nt": "application/n-triples",
    "rdfxml": "application/rdf+xml",
}
_XSD_STRING = "http://www.w3.org/2001/XMLSchema#string"
_LANG_STRING = "http://www.w3.org/1999/02/22-rdf-syntax-ns#langString"
_SPARQL_NS = "http://www.w3.org/2005/sparql-results#"


def _kind(term: Any) -> str:
    name = type(term).__name__
    return {"NamedNode": "uri", "BlankNode": "bnode", "Literal": "literal"}.get(name, "triple")


def _json_term(term: Any) -> dict[str, str]:
    kind = _kind(term)
    if kind != "literal":
        return {"type": kind, "value": term.value if kind != "triple" else str(term)}
    out = {"type": "literal", "value": term.value}
    if term.language:
        out["xml:lang"] = term.language
    elif term.datatype.value != _XSD_STRING:
        out["datatype"] = term.datatype.value
    return out


def _nt_term(term: Any) -> str:
    """A term in N-Triples/Turtle syntax with tabs and newlines escaped (for TSV)."""
    kind = _kind(term)
    if kind == "uri":
        return f"<{term.value}>"
    if kind == "bnode":
        return f"_:{term.value}"
    if kind == "triple":
        return str(term)
    text = term.value.replace("\\", "\\\\").replace('"', '\\"')
    text = text.replace("\n", "\\n").replace("\r", "\\r").replace("\t", "\\t")
    if term.language:
        return f'"{text}"@{term.language}'
    dt = term.datatype.value
    return f'"{text}"' if dt in (_XSD_STRING, _LANG_STRING) else f'"{text}"^^<{dt}>'


def _short(term: Any) -> str:
    """A compact label for the table format."""
    if term is None:
        return ""
    kind = _kind(term)
    if kind == "uri":
        for prefix, ns in PREFIXES.items():
            if term.value.startswith(ns) and term.value != ns:
                return f"{prefix}:{term.value[len(ns) :]}"
        return f"<{term.value}>"
    return f"_:{term.value}" if kind == "bnode" else (term.value if kind == "literal" else str(term))


def _json(answer: Answer) -> bytes:
    if answer.kind == "ask":
        data: dict[str, Any] = {"head": {}, "boolean": answer.boolean}
    else:
        rows = [
            {v: _json_term(t) for v, t in zip(answer.variables, row, strict=True) if t is not None}
            for row in answer.rows
        ]
        data = {"head": {"vars": answer.variables}, "results": {"bindings": rows}}
    return json.dumps(data, ensure_ascii=False, separators=(",", ":")).encode("utf-8")


def _xml_term(term: Any) -> str:
    info = _json_term(term)
    if info["type"] != "literal":
        return f"<{info['type']}>{escape(info['value'])}</{info['type']}>"
    attrs = ""
    if "xml:lang" in info:
        attrs = f" xml:lang={quoteattr(info['xml:lang'])}"
    elif "datatype" in info:
        attrs = f" datatype={quoteattr(info['datatype'])}"
    return f"<literal{attrs}>{escape(info['value'])}</literal>"


def _xml(answer: Answer) -> bytes:
    out = ['<?xml version="1.0"?>', f'<sparql xmlns="{_SPARQL_NS}">', "<head>"]
    out += [f"<variable name={quoteattr(v)}/>" for v in answer.variables]
    out.append("</head>")
    if answer.kind == "ask":
        out.append(f"<boolean>{'true' if answer.boolean else 'false'}</boolean>")
    else:
        out.append("<results>")
        for row in answer.rows:
            cells = [
                f"<binding name={quoteattr(v)}>{_xml_term(t)}</binding>"
                for v, t in zip(answer.variables, row, strict=True)
                if t is not None
            ]
            out.append("<result>" + "".join(cells) + "</result>")
        out.append("</results>")
    out.append("</sparql>")
    return ("\n".join(out) + "\n").encode("utf-8")


def _csv(answer: Answer) -> bytes:
    buf = io.StringIO()
    writer = csv.writer(buf, lineterminator="\r\n")
    if answer.kind == "ask":
        writer.writerow(["boolean"])
        writer.writerow(["true" if answer.boolean else "false"])
    else:
        writer.writerow(answer.variables)
        for row in answer.rows:
            writer.writerow(
                ["" if t is None else (f"_:{t.value}" if _kind(t) == "bnode" else t.value) for t in row]
            )
    return buf.getvalue().encode("utf-8")


def _tsv(answer: Answer) -> bytes:
    if answer.kind == "ask":
        return b"?boolean\n" + (b"true\n" if answer.boolean else b"false\n")
    lines = ["\t".join(f"?{v}" for v in answer.variables)]
    lines += ["\t".join("" if t is None else _nt_term(t) for t in row) for row in answer.rows]
    return ("\n".join(lines) + "\n").encode("utf-8")


def _width(text: str) -> int:
    """Display width: combining marks (Devanagari matras, virama) take no column."""
    return sum(
        0 if unicodedata.combining(c) or unicodedata.category(c) in ("Mn", "Me", "Cf") else 1 for c in text
    )


def _table(answer: Answer) -> bytes:
    if answer.kind == "ask":
        return b"yes\n" if answer.boolean else b"no\n"
    cells = [[_short(t).replace("\n", " ") for t in row] for row in answer.rows]
    widths = [max([_width(v)] + [_width(r[i]) for r in cells]) for i, v in enumerate(answer.variables)]

    def line(values: list[str]) -> str:
        return "  ".join(v + " " * (w - _width(v)) for v, w in zip(values, widths, strict=True)).rstrip()

    out = [line(answer.variables), line(["-" * w for w in widths])] + [line(r) for r in cells]
    if answer.truncated:
        out.append(f"... (stopped at {len(cells)} rows)")
    return ("\n".join(out) + "\n").encode("utf-8")


def _graph(answer: Answer, fmt: str) -> bytes:
    import pyoxigraph as ox

    formats = {"ttl": ox.RdfFormat.TURTLE, "jsonld": ox.RdfFormat.JSON_LD,
               "nt": ox.RdfFormat.N_TRIPLES, "rdfxml": ox.RdfFormat.RDF_XML}  # fmt: skip
    prefixes = PREFIXES if fmt in ("ttl", "rdfxml") else None
    triples = sorted(answer.triples, key=lambda t: (str(t.subject), str(t.predicate), str(t.object)))
    return ox.serialize(triples, format=formats[fmt], prefixes=prefixes) or b""


def render(answer: Answer, fmt: str) -> bytes:
    """Serialize ``answer`` in ``fmt``.

    Parameters
    ----------
    answer
        From :func:`kg.rdf.sparql.evaluate`.
    fmt
        For SELECT/ASK one of :data:`SELECT_FORMATS`; for CONSTRUCT/DESCRIBE
        one of :data:`GRAPH_FORMATS` (``table`` gives Turtle, ``json`` JSON-LD, ``xml`` RDF/XML).

    Raises
    ------
    KGError
        ``bad_result_format`` when ``fmt`` does not fit the query form.
    """
    if answer.kind == "graph":
        fmt = {"table": "ttl", "json": "jsonld", "xml": "rdfxml"}.get(fmt, fmt)
        if fmt not in GRAPH_FORMATS:
            raise error(
                "bad_result_format", fmt=fmt, kind="CONSTRUCT/DESCRIBE", choices=", ".join(GRAPH_FORMATS)
            )
        return _graph(answer, fmt)
    writers = {"json": _json, "xml": _xml, "csv": _csv, "tsv": _tsv, "table": _table}
    if fmt not in writers:
        raise error("bad_result_format", fmt=fmt, kind="SELECT/ASK", choices=", ".join(SELECT_FORMATS))
    return writers[fmt](answer)


@dataclass
class Rendered:
    """A serialized answer: query form (``select``/``ask``/``graph``), format, bytes, whether cut."""

    kind: str
    fmt: str
    body: bytes
    truncated: bool = False


def _row_upper_bound(body: bytes, fmt: str) -> int:
    """At least the number of rows in a native serialization (exact for XML)."""
    if fmt == "json":
        return body.count(b"},{") + 1
    if fmt == "xml":
        return body.count(b"<result>")
    return body.count(b"\n")


def _native_select(
    store: Any, results: Any, fmt: str, redo: Callable[[], Answer], max_rows: int | None
) -> Rendered:
    import pyoxigraph as ox

    native = {"json": ox.QueryResultsFormat.JSON, "xml": ox.QueryResultsFormat.XML,
              "csv": ox.QueryResultsFormat.CSV, "tsv": ox.QueryResultsFormat.TSV}  # fmt: skip
    body = results.serialize(format=native[fmt])
    if max_rows is None or _row_upper_bound(body, fmt) <= max_rows:
        return Rendered("select", fmt, body)
    answer = redo()  # possibly over the cap: evaluate again, keeping max_rows rows
    return Rendered("select", fmt, render(answer, fmt), answer.truncated)


def execute(
    store: Any,
    sparql: str,
    choose: Callable[[str], str],
    *,
    timeout: float | None = None,
    max_rows: int | None = None,
    default_graphs: list[str] | None = None,
    named_graphs: list[str] | None = None,
    on_done: Callable[[], None] | None = None,
    allow_service: bool = False,
) -> Rendered:
    """Evaluate and serialize in one go, with Oxigraph's own serializers where possible.

    ``choose(kind)`` picks the format once the query form is known (``kind`` is
    ``"select"``, ``"ask"`` or ``"graph"``); it may raise :class:`~kg.errors.KGError`.
    Other parameters are those of :func:`kg.rdf.sparql.evaluate`.

    Examples
    --------
    >>> from kg.rdf.sparql import open_store
    >>> from kg.rdf.convert import to_rdf
    >>> from kg.rdf.sample import sample_graph
    >>> store = open_store(to_rdf(sample_graph()))
    >>> execute(store, "SELECT ?o WHERE { ent:Q7747 kg:visits ?o }", lambda kind: "csv").body
    b'o\\r\\nhttps://w3id.org/kg-hindi/entity/Q881\\r\\n'
    """
    options = prepare(sparql, default_graphs, named_graphs, on_done, allow_service)
    cancel = threading.Event()

    def work() -> Rendered:
        import pyoxigraph as ox

        results = start_query(store, sparql, options)
        if isinstance(results, ox.QueryBoolean):
            fmt = choose("ask")
            return Rendered("ask", fmt, render(Answer("ask", boolean=bool(results)), fmt))
        kind = "graph" if isinstance(results, ox.QueryTriples) else "select"
        fmt = choose(kind)
        if kind == "select" and fmt in ("json", "xml", "csv", "tsv"):
            redo = lambda: _collect(start_query(store, sparql, options), max_rows, cancel)  # noqa: E731
            return _native_select(store, results, fmt, redo, max_rows)
        answer = _collect(results, max_rows, cancel)
        return Rendered(kind, fmt, render(answer, fmt), answer.truncated)

    try:
        return call_with_timeout(work, timeout, cancel, on_done, stack_for(sparql))
    except (OSError, ValueError, RuntimeError) as exc:  # evaluation errors reported by Oxigraph
        raise failed(exc) from None
