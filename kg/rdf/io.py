"""Write datasets to files (atomically) and read graphs back.

Examples
--------
>>> sorted(FORMATS)
['jsonld', 'nq', 'nt', 'trig', 'ttl']
>>> guess_format("out/graph.trig")
'trig'
"""

from __future__ import annotations

import json
import os
from functools import lru_cache
from pathlib import Path
from typing import Any

from rdflib import Dataset, Graph

from kg.atomic import atomic_write_bytes
from kg.errors import error

__all__ = [
    "FORMATS",
    "MEDIA_TYPES",
    "dataset_bytes",
    "guess_format",
    "jsonld_context",
    "load_dataset",
    "ontology_path",
    "resolve_graph_path",
    "serialize",
    "union_graph",
]

#: Output format name -> file extension.
FORMATS = {"ttl": ".ttl", "trig": ".trig", "jsonld": ".jsonld", "nt": ".nt", "nq": ".nq"}
#: Format name -> media type.
MEDIA_TYPES = {
    "ttl": "text/turtle", "trig": "application/trig", "jsonld": "application/ld+json",
    "nt": "application/n-triples", "nq": "application/n-quads",
}  # fmt: skip
_EXTRA_EXT = {".turtle": "ttl", ".json": "jsonld", ".n3": "ttl"}
_RDFLIB = {"ttl": "turtle", "trig": "trig", "jsonld": "json-ld", "nt": "nt", "nq": "nquads"}
# A kg build directory: the files tried, best first (full datasets before flat graphs).
_DIR_FILES = ("graph.trig", "graph.nq", "graph.jsonld", "graph.ttl", "graph.nt")


def ontology_path(name: str = "kg.ttl") -> Path:
    """Path of a file shipped in ``ontology/`` (override the folder with ``KG_ONTOLOGY_DIR``).

    The package reaches the repository's ``ontology/`` through the symbolic link
    ``kg/rdf/ontology``; a built wheel holds a copy there.

    Examples
    --------
    >>> ontology_path("shapes.ttl").name
    'shapes.ttl'
    """
    base = os.environ.get("KG_ONTOLOGY_DIR")
    root = Path(base) if base else Path(__file__).resolve().parent / "ontology"
    return root / name


@lru_cache(maxsize=1)
def jsonld_context() -> dict[str, Any]:
    """The JSON-LD ``@context`` of ``ontology/context.jsonld`` (prefixes and short terms)."""
    data = json.loads(ontology_path("context.jsonld").read_text(encoding="utf-8"))
    return data["@context"]


def guess_format(path: str | Path) -> str | None:
    """The format name for a file extension, or ``None`` when unknown."""
    suffix = Path(path).suffix.lower()
    for name, ext in FORMATS.items():
        if ext == suffix:
            return name
    return _EXTRA_EXT.get(suffix)


def union_graph(ds: Graph) -> Graph:
    """All triples of a dataset (graph names dropped) in one ``Graph``."""
    if not isinstance(ds, Dataset):
        return ds
    flat = Graph()
    flat.namespace_manager = ds.namespace_manager
    for s, p, o, _ in ds.quads((None, None, None, None)):
        flat.add((s, p, o))
    return flat


def _sort_jsonld(value: Any, key: str | None = None) -> Any:
    """Order JSON-LD node and value arrays (they are sets, except ``@list``)."""
    if isinstance(value, dict):
        return {k: v if k == "@context" else _sort_jsonld(v, k) for k, v in sorted(value.items())}
    if isinstance(value, list):
        items = [_sort_jsonld(v) for v in value]
        if key == "@list":
            return items
        return sorted(items, key=lambda v: json.dumps(v, sort_keys=True, ensure_ascii=False))
    return value


def _lift_default_graph(data: Any) -> Any:
    """rdflib writes a dataset's default graph as a graph object without ``@id``, which JSON-LD
    reads as a graph named by a blank node: put its nodes at the top level instead."""
    if not isinstance(data, dict) or not isinstance(data.get("@graph"), list):
        return data
    top = []
    for item in data["@graph"]:
        if isinstance(item, dict) and "@graph" in item and "@id" not in item and len(item) == 1:
            top.extend(item["@graph"])
        else:
            top.append(item)
    return {**data, "@graph": top}


def dataset_bytes(ds: Graph, fmt: str) -> bytes:
    """Serialize ``ds`` deterministically (same dataset, same bytes).

    Turtle and N-Triples hold the union of all graphs (the default graph already holds every
    statement once); TriG, N-Quads and JSON-LD keep the named graphs. Line-based formats are sorted.

    Examples
    --------
    >>> from kg.rdf.convert import to_rdf
    >>> from kg.rdf.sample import sample_graph
    >>> dataset_bytes(to_rdf(sample_graph()), "nq").count(b"\\n") > 300
    True
    """
    if fmt not in FORMATS:
        raise error("bad_format", fmt=fmt, choices=", ".join(FORMATS))
    if fmt in ("ttl", "nt"):
        ds = union_graph(ds)
    if fmt == "jsonld":
        text = ds.serialize(format="json-ld", context=jsonld_context(), auto_compact=True)
        data = _sort_jsonld(_lift_default_graph(json.loads(text)))
        return (json.dumps(data, ensure_ascii=False, indent=2) + "\n").encode("utf-8")
    data = _trig_bytes(ds) if fmt == "trig" else ds.serialize(format=_RDFLIB[fmt], encoding="utf-8")
    if fmt in ("nt", "nq"):
        lines = sorted({line for line in data.splitlines() if line.strip()})
        return b"\n".join(lines) + b"\n" if lines else b""
    return data


def _trig_bytes(ds: Graph) -> bytes:
    """TriG with the graphs in a fixed order (default graph first, then by name): rdflib writes
    them in the order of its store's hash set, which changes from one process to the next."""
    import io

    from rdflib.plugins.serializers.trig import TrigSerializer

    serializer = TrigSerializer(ds)
    serializer.contexts.sort(key=lambda g: (g.identifier != serializer.default_context, str(g.identifier)))
    stream = io.BytesIO()
    serializer.serialize(stream, encoding="utf-8")
    return stream.getvalue()


def serialize(ds: Graph, path: str | Path, fmt: str | None = None) -> Path:
    """Write ``ds`` to ``path`` in ``fmt`` (guessed from the extension when omitted).

    The file is written to a temporary file in the same folder and moved into
    place with :func:`os.replace` (:mod:`kg.atomic`), so readers never see a
    half-written file.

    Parameters
    ----------
    ds
        A dataset from :func:`kg.rdf.to_rdf` (or any rdflib graph).
    path
        The output file; its folder is created when missing.
    fmt
        One of :data:`FORMATS` (``ttl``, ``trig``, ``jsonld``, ``nt``, ``nq``).

    Returns
    -------
    Path
        The written file.

    Examples
    --------
    >>> import tempfile
    >>> from kg.rdf.convert import to_rdf
    >>> from kg.rdf.sample import sample_graph
    >>> with tempfile.TemporaryDirectory() as tmp:
    ...     serialize(to_rdf(sample_graph()), f"{tmp}/graph.trig").name
    'graph.trig'
    """
    path = Path(path)
    fmt = fmt or guess_format(path)
    if fmt not in FORMATS:
        raise error("bad_format", fmt=fmt or path.suffix, choices=", ".join(FORMATS))
    return atomic_write_bytes(path, dataset_bytes(ds, fmt))


def resolve_graph_path(path: str | Path) -> tuple[Path, str]:
    """Find what to load for ``path``: ``(file, format)`` or ``(dir, "records")``.

    A directory is a ``kg build`` output: a full dataset file (``graph.trig``,
    ``graph.nq``, ``graph.jsonld``, also looked for in ``rdf/``) is preferred,
    then the JSON Lines records, then flat graphs (``graph.ttl``, ``graph.nt``).
    """
    path = Path(path)
    if not path.exists():
        raise error("missing", path=path)
    if path.is_dir():
        folders = [path, path / "rdf"]
        for name in _DIR_FILES[:3]:
            for folder in folders:
                if (folder / name).is_file():
                    return folder / name, guess_format(name) or "ttl"
        if (path / "triples.jsonl").is_file() or (path / "entities.jsonl").is_file():
            return path, "records"
        for name in _DIR_FILES[3:]:
            for folder in folders:
                if (folder / name).is_file():
                    return folder / name, guess_format(name) or "ttl"
        raise error("no_graph", path=path)
    fmt = guess_format(path)
    if fmt is None:
        raise error("bad_graph_format", path=path, choices=", ".join(FORMATS))
    if path.stat().st_size == 0:
        raise error("empty", path=path)
    return path, fmt


def load_dataset(path: str | Path) -> Dataset:
    """Read a graph file or a ``kg build`` output folder into an rdflib ``Dataset``.

    Raises
    ------
    KGError
        When the path is missing, empty or not parsable.
    """
    source, fmt = resolve_graph_path(path)
    if fmt == "records":
        from kg.graph import KnowledgeGraph
        from kg.rdf.convert import to_rdf

        try:
            return to_rdf(KnowledgeGraph.load(source))
        except (KeyError, ValueError, TypeError) as exc:
            raise error("bad_records", path=source, reason=_reason(exc)) from None
    from kg.rdf.convert import new_dataset

    ds = new_dataset()
    try:
        if fmt in ("trig", "nq", "jsonld"):
            ds.parse(source, format=_RDFLIB[fmt])
        else:
            ds.default_graph.parse(source, format=_RDFLIB[fmt])
    except Exception as exc:  # rdflib raises many parser-specific types
        raise error("bad_graph", path=source, fmt=fmt, reason=_reason(exc)) from None
    return ds


def _reason(exc: BaseException) -> str:
    text = " ".join(str(exc).split()) or type(exc).__name__
    return text if len(text) <= 200 else text[:197] + "..."
