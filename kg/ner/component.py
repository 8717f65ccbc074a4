"""The ``kg_ner_model`` spaCy component: the trained HiNER model inside a `kg` pipeline.

The component copies the tokens of each incoming ``Doc`` (typically from a
``spacy.blank("hi")`` tokenizer) into the model's own vocabulary, runs the
model and writes the entities it finds to ``doc.spans[span_key]`` as a
``SpanGroup`` with `kg` labels.  It never touches ``doc.ents``: merging with
the lexicon rules is left to the caller.

Entry point (``pyproject.toml``)::

    [project.entry-points.spacy_factories]
    kg_ner_model = "kg.ner.component:make_ner_model"
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from spacy.language import Language
from spacy.tokens import Doc, Span, SpanGroup

from kg.ner import KG_LABELS, load_model

__all__ = ["NerModelComponent", "make_ner_model"]


class NerModelComponent:
    """Run the trained NER model and store its entities in ``doc.spans``.

    Parameters
    ----------
    nlp : Language
        The host pipeline (unused; required by spaCy).
    name : str
        The component's name in the host pipeline.
    model_path : str
        Model directory; empty for the model shipped with `kg`.
    span_key : str
        Key of the ``SpanGroup`` written to ``doc.spans``.
    labels : list of str
        Labels to keep; empty to keep every label the model predicts.
    """

    def __init__(self, nlp: Language, name: str, model_path: str, span_key: str, labels: list[str]) -> None:
        self.name = name
        self.span_key = span_key
        self.labels = frozenset(labels)
        self.model = load_model(model_path or None)

    def _copy(self, doc: Doc) -> Doc:
        words = [t.text for t in doc]
        spaces = [bool(t.whitespace_) for t in doc]
        return Doc(self.model.vocab, words=words, spaces=spaces)

    def _write(self, doc: Doc, predicted: Doc) -> Doc:
        spans = [
            Span(doc, ent.start, ent.end, label=ent.label_)
            for ent in predicted.ents
            if not self.labels or ent.label_ in self.labels
        ]
        doc.spans[self.span_key] = SpanGroup(doc, name=self.span_key, spans=spans)
        return doc

    def __call__(self, doc: Doc) -> Doc:
        """Annotate one document."""
        return self._write(doc, self.model(self._copy(doc)))

    def pipe(self, stream: Iterable[Doc], batch_size: int = 128) -> Iterator[Doc]:
        """Annotate documents in batches (faster than one at a time)."""
        batch: list[Doc] = []
        for doc in stream:
            batch.append(doc)
            if len(batch) >= batch_size:
                yield from self._run(batch)
                batch = []
        if batch:
            yield from self._run(batch)

    def _run(self, docs: list[Doc]) -> Iterator[Doc]:
        predicted = self.model.pipe((self._copy(d) for d in docs), batch_size=len(docs))
        for doc, pred in zip(docs, predicted, strict=True):
            yield self._write(doc, pred)


@Language.factory(
    "kg_ner_model",
    default_config={"model_path": "", "span_key": "ner_model", "labels": list(KG_LABELS)},
)
def make_ner_model(
    nlp: Language, name: str, model_path: str, span_key: str, labels: list[str]
) -> NerModelComponent:
    """Create the ``kg_ner_model`` component (spaCy factory).

    Examples
    --------
    >>> import spacy
    >>> nlp = spacy.blank("hi")  # doctest: +SKIP
    >>> _ = nlp.add_pipe("kg_ner_model")  # doctest: +SKIP
    >>> doc = nlp("प्रधानमंत्री नरेंद्र मोदी ने दिल्ली में भाषण दिया।")  # doctest: +SKIP
    >>> [(s.text, s.label_) for s in doc.spans["ner_model"]]  # doctest: +SKIP
    [('नरेंद्र मोदी', 'Person'), ('दिल्ली', 'Location')]
    """
    return NerModelComponent(nlp, name, model_path, span_key, labels)
