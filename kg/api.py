"""The Python API: :func:`build` turns Hindi news into a :class:`~kg.graph.KnowledgeGraph`."""

from __future__ import annotations

import os
from collections.abc import Callable, Iterable, Sequence
from pathlib import Path

from spacy.language import Language

from kg.extract import annotate, doc_to_records, merge_entities, merge_relations
from kg.graph import KnowledgeGraph
from kg.inputs import document_from_text, read_documents
from kg.nlp.normalize import has_devanagari
from kg.nlp.pipeline import get_nlp
from kg.parallel import PipelineSpec, extract_many
from kg.records import Document, Entity, Relation

__all__ = ["build", "build_documents", "CHUNK_CHARS", "keep_confident", "merge_records"]

CHUNK_CHARS = 100_000
Source = str | os.PathLike[str] | Document | Sequence[str | os.PathLike[str]]


def build(source: Source, *, date: str | None = None, model: bool = True,
          nlp: Language | None = None, min_confidence: float | None = None,
          negated: bool = False) -> KnowledgeGraph:
    """Build the knowledge graph of Hindi text, an article file, a folder or several paths.

    Parameters
    ----------
    source : str, path, Document or list of paths
        Hindi text (anything with Devanagari that is not an existing path), or
        ``.txt`` articles / folders of them (with optional ``.meta.json``).
    date : str, optional
        The article date (YYYY-MM-DD) for text given directly; files take
        theirs from the metadata sidecar. Used to resolve weekdays.
    model : bool
        Use the statistical NER model along with the lexicon and rules.
    nlp : Language, optional
        A pipeline made by :func:`kg.nlp.pipeline.make_nlp` (default: shared one).
    min_confidence : float, optional
        Keep relations whose confidence (the calibrated probability that the triple is
        right) reaches this. Default: the relation model's thresholds chosen on the dev
        articles (one for relations a rule read too, one for the model's own); without the
        relation model, every relation the rules read.
    negated : bool
        Also keep the relations the text says did not happen (modality ``negated``:
        "भारत ने रूस की निंदा नहीं की"). They are no facts, so they are left out by default.

    Returns
    -------
    KnowledgeGraph
        Files that could not be read are skipped and listed in ``.warnings``.

    Examples
    --------
    >>> g = build("भारत के प्रधानमंत्री नरेंद्र मोदी ने जापान का दौरा किया।", model=False)
    >>> [(r.subject.label, r.predicate, r.object.label) for r in g.relations if r.predicate == "visits"]
    [('Narendra Modi', 'visits', 'Japan')]
    """
    documents, warnings = _documents(source, date)
    graph = build_documents(documents, nlp=nlp or get_nlp(model), min_confidence=min_confidence,
                            negated=negated)
    graph.warnings = warnings
    return graph


def _documents(source: Source, date: str | None) -> tuple[list[Document], list[str]]:
    if isinstance(source, Document):
        return [source], []
    if isinstance(source, str) and _is_text(source):
        return [document_from_text(source, date=date)], []
    paths = [source] if isinstance(source, str | os.PathLike) else list(source)
    return read_documents(paths)


def _is_text(source: str) -> bool:
    """Hindi text given directly, rather than a path (a path may also hold Devanagari)."""
    if has_devanagari(source) and (any(c.isspace() for c in source) or len(source.encode()) > 255):
        return True
    try:
        return has_devanagari(source) and not Path(source).exists()
    except OSError:
        return True


def build_documents(documents: Iterable[Document], nlp: Language | PipelineSpec,
                    progress: Callable[[Document], None] | None = None,
                    min_confidence: float | None = None, jobs: int = 1,
                    negated: bool = False) -> KnowledgeGraph:
    """Run the pipeline over documents and merge everything into one graph.

    ``nlp`` is a pipeline, or a :class:`~kg.parallel.PipelineSpec` to build one; with a spec,
    ``jobs`` worker processes share the documents (the result does not depend on ``jobs``).
    Relations below ``min_confidence`` are left out; without it, the relation model keeps
    what reaches its defaults chosen on dev (the rules alone keep everything they read).
    Negated relations are kept only with ``negated=True``.
    """
    floor = min_confidence or 0.0
    docs, entities, relations = [], [], []
    documents = list(documents)
    if isinstance(nlp, PipelineSpec):
        results = extract_many(documents, nlp, jobs, min_confidence, negated=negated)
    else:
        results = (extract_document(nlp, d, min_confidence, negated) for d in documents)
    for document, (ents, rels) in zip(documents, results, strict=True):
        ents, rels = keep_confident(ents, rels, floor)
        entities += ents
        relations += rels
        docs.append(document)
        if progress:
            progress(document)
    return merge_records(docs, entities, relations)


def keep_confident(entities: list[Entity], relations: list[Relation],
                   floor: float) -> tuple[list[Entity], list[Relation]]:
    """One document's relations reaching ``floor``, and the entities still mentioned or used."""
    relations = [r for r in relations if r.confidence >= floor]
    used = {e.id for r in relations for e in (r.subject, r.object, r.place) if e is not None}
    return [e for e in entities if e.mentions or e.id in used], relations


def merge_records(documents: Iterable[Document], entities: Iterable[Entity],
                  relations: Iterable[Relation]) -> KnowledgeGraph:
    """One graph from the records of many documents: one entity per id, one relation per fact."""
    merged = merge_entities(entities)
    return KnowledgeGraph(documents, merged, merge_relations(relations, {e.id: e for e in merged}))


def extract_document(nlp: Language, document: Document,
                     min_confidence: float | None = None,
                     negated: bool = False) -> tuple[list[Entity], list[Relation]]:
    """Entities and relations of one document (long texts are read in paragraph chunks);
    ``negated`` keeps the relations the text says did not happen."""
    entities: list[Entity] = []
    relations: list[Relation] = []
    with nlp.memory_zone():  # the words of one article leave the vocabulary with it
        for offset, chunk in _chunks(document.text):
            part = Document(document.id, chunk, date=document.date)
            ents, rels = doc_to_records(annotate(nlp, part, min_confidence), part, negated=negated)
            entities += [_shift_entity(e, offset) for e in ents]
            relations += [_shift_relation(r, offset) for r in rels]
    return entities, relations


def _chunks(text: str) -> Iterable[tuple[int, str]]:
    start = 0
    while len(text) - start > CHUNK_CHARS:
        cut = text.rfind("\n", start + CHUNK_CHARS // 2, start + CHUNK_CHARS)
        if cut < 0:
            cut = text.rfind("।", start + CHUNK_CHARS // 2, start + CHUNK_CHARS)
        end = (cut + 1) if cut >= 0 else start + CHUNK_CHARS
        yield start, text[start:end]
        start = end
    yield start, text[start:]


def _shift_entity(ent: Entity, offset: int) -> Entity:
    if offset:
        ent.mentions = [type(m)(m.doc, m.start + offset, m.end + offset, m.text) for m in ent.mentions]
    return ent


def _shift_relation(rel: Relation, offset: int) -> Relation:
    if offset:
        rel.evidence = [type(e)(e.doc, e.start + offset, e.end + offset, e.sentence) for e in rel.evidence]
    return rel
