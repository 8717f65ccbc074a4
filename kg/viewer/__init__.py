"""The interactive HTML viewer: one self-contained file, no network needed.

``write_html(kg, path)`` writes a page that shows the graph with vis-network
(built with pyvis): nodes coloured and shaped by type, relations labelled
with their predicate and styled by modality, a side panel with every field
and the evidence sentences, search, filters, neighbourhood focus and an
English / Hindi label toggle. See ``docs/viewer.md``.

Examples
--------
>>> import tempfile
>>> from pathlib import Path
>>> from kg.graph import KnowledgeGraph
>>> from kg.records import Entity, Relation
>>> a = Entity("Q7747", "Vladimir Putin", "व्लादिमीर पुतिन", "Person", "Q7747")
>>> b = Entity("Q881", "Vietnam", "वियतनाम", "Country", "Q881")
>>> out = Path(tempfile.mkdtemp()) / "graph.html"
>>> write_html(KnowledgeGraph([], [a, b], [Relation(a, "visits", b)]), out)
>>> "वियतनाम" in out.read_text(encoding="utf-8")
True
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import TYPE_CHECKING

from kg.atomic import atomic_write_bytes
from kg.errors import error
from kg.viewer.render import LAYOUT_THRESHOLD, render_html

if TYPE_CHECKING:  # pragma: no cover
    from kg.graph import KnowledgeGraph

__all__ = ["LAYOUT_THRESHOLD", "render_html", "write_html"]


def write_html(kg: KnowledgeGraph, path: str | os.PathLike[str], *,
               layout_threshold: int = LAYOUT_THRESHOLD) -> None:
    """Write the viewer page for ``kg`` to ``path`` atomically.

    The page goes to a temporary file in the same directory first and is
    then moved onto ``path`` with :func:`os.replace` (:mod:`kg.atomic`), so a
    reader never sees a half-written file. The same graph always gives a byte-identical file.

    Parameters
    ----------
    kg : KnowledgeGraph
        The graph to show.
    path : str or path-like
        Where to write the HTML file; parent directories are created.
    layout_threshold : int
        Above this many nodes the layout is precomputed and physics is off.

    Raises
    ------
    KGError
        If the file cannot be written.
    """
    target = Path(path)
    data = render_html(kg, layout_threshold).encode("utf-8")
    try:
        atomic_write_bytes(target, data)
    except OSError as exc:
        raise error("viewer_write", path=target, reason=exc.strerror or exc) from exc
