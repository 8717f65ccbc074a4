"""Extraction on a Dask distributed cluster (``kg add --dask ADDRESS``).

Each worker builds the pipeline once (cached per process) and extracts the documents it is
given; results come back in document order, so the store gets exactly what local extraction
would give. Only the process that owns the store writes to it.

Python API::

    from kg.distributed import dask_extractor
    with CorpusStore("kg-store") as store:
        store.add(documents, PipelineSpec(), extract=dask_extractor("tcp://127.0.0.1:8786"))

Needs ``dask[distributed]`` (the ``distributed`` extra).
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from typing import Any

from kg.errors import error
from kg.parallel import PipelineSpec
from kg.records import Document, Entity, Relation

__all__ = ["dask_extractor", "extract_on_worker"]

Extracted = tuple[list[Entity], list[Relation]]


def extract_on_worker(document: Document, spec: PipelineSpec, min_confidence: float | None,
                      negated: bool = False) -> Extracted:
    """Run on a worker: extract one document with the worker's pipeline (built on first use)."""
    from kg.api import extract_document

    return extract_document(spec.nlp(), document, min_confidence, negated)


def dask_extractor(address: str | Any) -> Callable[..., Iterator[Extracted]]:
    """An ``extract`` function for :meth:`kg.store.CorpusStore.add` that uses the Dask
    scheduler at ``address`` (or an existing ``distributed.Client``)."""

    try:
        from distributed import Client
    except ImportError:
        raise error("no_dask") from None

    def extract(documents: Sequence[Document], spec: PipelineSpec, jobs: int = 1,
                min_confidence: float | None = None, negated: bool = False) -> Iterator[Extracted]:
        own = not hasattr(address, "submit")
        try:
            client = Client(address, timeout=30) if own else address
        except (OSError, TimeoutError, ValueError) as exc:
            raise error("no_scheduler", address=address, reason=str(exc) or type(exc).__name__) from None
        try:
            futures = client.map(extract_on_worker, list(documents), spec=spec,
                                 min_confidence=min_confidence, negated=negated, pure=False)
            for future in futures:  # in document order
                yield future.result()
        finally:
            if own:
                client.close()

    return extract
