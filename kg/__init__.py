"""kg: build a knowledge graph from Hindi news.

Examples
--------
>>> import kg
>>> g = kg.build("रूसी राष्ट्रपति व्लादिमीर पुतिन ने वियतनाम का दौरा किया।")  # doctest: +SKIP
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

__version__ = "0.1.0"
__all__ = ["__version__", "build", "KnowledgeGraph"]

if TYPE_CHECKING:  # pragma: no cover
    from kg.graph import KnowledgeGraph


def __getattr__(name: str) -> Any:
    # Lazy: `import kg` stays cheap; spaCy is loaded on first use.
    if name == "build":
        from kg.api import build

        return build
    if name == "KnowledgeGraph":
        from kg.graph import KnowledgeGraph

        return KnowledgeGraph
    raise AttributeError(name)
