"""Write a knowledge graph's files into an output folder, which a build replaces as a whole.

The folder holds exactly the files of one build (:mod:`kg.outdir`): a reader sees the
previous build or the new one, never a mix, and no file of an earlier build is left in it.
An existing folder is replaced only when it looks like ``kg build`` output (every name is
one ``kg build`` writes, ``documents.jsonl`` among them).

Examples
--------
>>> foreign_names(["documents.jsonl", "graph.trig", "graph.html"])
[]
>>> foreign_names(["notes.txt", "graph.ttl"])
['notes.txt']
>>> foreign_names(["graph.ttl"])  # kg names, but no documents.jsonl: not a kg build
['graph.ttl']
"""

from __future__ import annotations

import contextlib
import json
import os
import shutil
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any

from kg.errors import error
from kg.outdir import atomic_output_dir, checkpoint, output_lock

if TYPE_CHECKING:  # pragma: no cover
    from kg.graph import KnowledgeGraph

__all__ = ["OUTPUT_NAMES", "RDF_FORMATS", "claim_output", "foreign_names", "jsonl", "save_all"]

RDF_FORMATS = ("ttl", "trig", "jsonld", "nt", "nq")
RECORDS = ("documents", "entities", "triples")
#: Every name ``kg build`` may write into its output folder.
OUTPUT_NAMES = frozenset([*(f"{name}.jsonl" for name in RECORDS),
                          *(f"graph.{ext}" for ext in (*RDF_FORMATS, "graphml", "html"))])
#: Notes a user (or the repository's ``output/``) keeps in an output folder: carried into each
#: new build as they are, never written by kg.
KEPT_NAMES = ("README.md", ".gitkeep")


def jsonl(rows: Iterable[dict[str, Any]]) -> str:
    """JSON Lines text (UTF-8, Devanagari kept readable).

    Examples
    --------
    >>> jsonl([{"label": "पुतिन"}])
    '{"label": "पुतिन"}\\n'
    """
    return "".join(json.dumps(row, ensure_ascii=False) + "\n" for row in rows)


def foreign_names(names: list[str]) -> list[str]:
    """The names of a folder that keep ``kg build`` from replacing it (none: it may).

    Examples
    --------
    >>> foreign_names(["README.md"]), foreign_names(["documents.jsonl", "graph.ttl", "notes.txt"])
    ([], ['notes.txt'])
    >>> foreign_names(["graph.ttl"])  # no documents.jsonl: not a kg build
    ['graph.ttl']
    """
    names = [name for name in names if name not in KEPT_NAMES]
    foreign = [name for name in names if name not in OUTPUT_NAMES]
    if not foreign and names and "documents.jsonl" not in names:
        return list(names)
    return foreign


def _carry_kept(out_dir: Path, stage: Path) -> None:
    """Copy the :data:`KEPT_NAMES` regular files of the folder being replaced into ``stage``."""
    for name in KEPT_NAMES:
        old = out_dir / name
        if old.is_file() and not old.is_symlink():
            shutil.copy2(old, stage / name)


@contextlib.contextmanager
def claim_output(out_dir: str | os.PathLike[str]) -> Iterator[Path]:
    """Hold ``out_dir`` for a build from start to end (a second build fails with ``out_busy``).

    Checks at once that the folder may be replaced, so a long build is not wasted on a folder
    it will refuse; :func:`save_all` inside the block uses the same lock.
    """
    with output_lock(out_dir, foreign_names) as target:
        yield target


def save_all(kg: KnowledgeGraph, out_dir: Path, formats: tuple[str, ...] = ("ttl",),
             html: bool = True) -> list[Path]:
    """Write JSON Lines, RDF (each of ``formats``), GraphML and the HTML viewer.

    Every file is written into a staging folder that takes the place of ``out_dir`` only
    when all of them were written (:func:`kg.outdir.atomic_output_dir`).
    """
    for fmt in formats:
        if fmt not in RDF_FORMATS:
            raise error("bad_format", fmt=fmt, choices=", ".join(RDF_FORMATS))
    import networkx as nx

    from kg.nxgraph import graphml_safe
    from kg.rdf import serialize

    records = kg.to_records()
    with atomic_output_dir(out_dir, foreign_names) as stage:
        for name in RECORDS:
            (stage / f"{name}.jsonl").write_text(jsonl(records[name]), encoding="utf-8")
        checkpoint("records-staged")
        for fmt in formats:
            serialize(kg.rdf, stage / f"graph.{fmt}", fmt)
        nx.write_graphml(graphml_safe(kg.nx), stage / "graph.graphml")
        if html:
            kg.to_html(stage / "graph.html")
        written = sorted(p.name for p in stage.iterdir())
        _carry_kept(Path(out_dir), stage)
    return [out_dir / name for name in written]
