"""Extraction of many documents, in this process or in worker processes, in document order.

Workers are started with ``spawn`` (each builds its own pipeline once: spaCy pipelines are not
shared between processes) and results come back in the order of the documents, so a build
with any number of jobs gives byte-identical files.

Examples
--------
>>> from kg.records import Document
>>> docs = [Document("a", "रूस ने यूक्रेन पर हमला किया।"), Document("b", "मौसम आज साफ रहेगा।")]
>>> [len(rels) for _, rels in extract_many(docs, PipelineSpec(model=False))]
[1, 0]
"""

from __future__ import annotations

import os
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from itertools import repeat

from kg.records import Document, Entity, Relation

__all__ = ["PipelineSpec", "extract_many", "default_jobs"]

Extracted = tuple[list[Entity], list[Relation]]
_NLP = None  # the pipeline of a worker process


@dataclass(frozen=True)
class PipelineSpec:
    """How to build the pipeline (what :func:`kg.nlp.pipeline.get_nlp` takes), so that workers can."""

    model: bool = True
    relation_model: bool | str | None = None

    def nlp(self):  # noqa: ANN201 - spaCy Language, imported lazily
        from kg.nlp.pipeline import get_nlp

        return get_nlp(self.model, self.relation_model)


def default_jobs() -> int:
    """All cores this process may use.

    Examples
    --------
    >>> default_jobs() >= 1
    True
    """
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # pragma: no cover - not on Linux
        return max(1, os.cpu_count() or 1)


def _init(spec: PipelineSpec) -> None:
    global _NLP
    for var in ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS"):
        os.environ.setdefault(var, "1")
    _NLP = spec.nlp()


def _extract(document: Document, min_confidence: float | None, negated: bool) -> Extracted:
    from kg.api import extract_document

    return extract_document(_NLP, document, min_confidence, negated)


def extract_many(documents: Sequence[Document], spec: PipelineSpec, jobs: int = 1,
                 min_confidence: float | None = None, negated: bool = False) -> Iterator[Extracted]:
    """Entities and relations of each document, in order, with up to ``jobs`` processes
    (``negated``: keep the relations the text says did not happen)."""
    jobs = min(jobs, len(documents))
    if jobs <= 1:
        from kg.api import extract_document

        nlp = spec.nlp()
        for document in documents:
            yield extract_document(nlp, document, min_confidence, negated)
        return
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor

    context = multiprocessing.get_context("spawn")
    with ProcessPoolExecutor(jobs, mp_context=context, initializer=_init, initargs=(spec,)) as pool:
        yield from pool.map(_extract, documents, repeat(min_confidence), repeat(negated), chunksize=1)
