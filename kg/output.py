"""Write a knowledge graph's files into an output directory, all or nothing."""

from __future__ import annotations

import json
from collections.abc import Iterable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from kg.atomic import atomic_output_dir
from kg.errors import error

if TYPE_CHECKING:  # pragma: no cover
    from kg.graph import KnowledgeGraph

__all__ = ["save_all", "jsonl", "RDF_FORMATS"]

RDF_FORMATS = ("ttl", "trig", "jsonld", "nt", "nq")


def jsonl(rows: Iterable[dict[str, Any]]) -> str:
    """JSON Lines text (UTF-8, Devanagari kept readable).

    Examples
    --------
    >>> jsonl([{"label": "पुतिन"}])
    '{"label": "पुतिन"}\\n'
    """
    return "".join(json.dumps(row, ensure_ascii=False) + "\n" for row in rows)


def save_all(kg: KnowledgeGraph, out_dir: Path, formats: tuple[str, ...] = ("ttl",),
             html: bool = True) -> list[Path]:
    """Write JSON Lines, RDF (each of ``formats``), GraphML and the HTML viewer.

    Every file is written into a staging folder first and moved into
    ``out_dir`` only when all of them were written.
    """
    for fmt in formats:
        if fmt not in RDF_FORMATS:
            raise error("bad_format", fmt=fmt, choices=", ".join(RDF_FORMATS))
    import networkx as nx

    from kg.rdf import serialize

    records = kg.to_records()
    with atomic_output_dir(out_dir) as stage:
        for name in ("documents", "entities", "triples"):
            (stage / f"{name}.jsonl").write_text(jsonl(records[name]), encoding="utf-8")
        for fmt in formats:
            serialize(kg.rdf, stage / f"graph.{fmt}", fmt)
        nx.write_graphml(kg.nx, stage / "graph.graphml")
        if html:
            kg.to_html(stage / "graph.html")
        written = sorted(p.name for p in stage.iterdir())
    return [out_dir / name for name in written]
