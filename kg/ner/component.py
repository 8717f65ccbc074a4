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
from pathlib import Path

from spacy.attrs import SPACY
from spacy.language import Language
from spacy.tokens import Doc, Span, SpanGroup

import kg.ner as ner_package
from kg.errors import KGError, error, one_line
from kg.ner import KG_LABELS, load_model
from kg.ner.decode import greedy_pipe
from kg.nlp.sentences import token_texts

__all__ = ["NerModelComponent", "load_ner", "make_ner_model"]

#: Sentences per call of the model.
SENTENCE_BATCH = 256


def load_ner(path: str | Path | None = None) -> Language:
    """:func:`kg.ner.load_model`, with a damaged model as one error that names its folder.

    Raises
    ------
    KGError
        ``no_ner_model`` when the folder holds no model, ``bad_ner_model`` when its files
        cannot be read (truncated, corrupted or missing weights, vocabulary or config).

    Examples
    --------
    >>> load_ner("/nonexistent")
    Traceback (most recent call last):
    ...
    kg.errors.InputError: /nonexistent: no trained NER model found (train one with 'kg train-ner')
    """
    try:
        return load_model(path)
    except KGError:
        raise
    except Exception as exc:  # spaCy, srsly and thinc raise many kinds for a damaged model
        folder = Path(path) if path else ner_package.MODEL_DIR
        raise error("bad_ner_model", path=folder, reason=one_line(f"{type(exc).__name__}: {exc}")) from None


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
        self.model = load_ner(model_path or None)

    def _pieces(self, doc: Doc) -> list[tuple[int, Doc]]:
        """Copies of ``doc``'s sentences (of the whole ``doc`` if it has none) with their offsets.

        The model was trained on sentences and runs faster on them than on a whole article.
        """
        words = token_texts(doc)
        spaces = doc.to_array(SPACY).astype(bool).tolist()
        bounds = [(0, len(doc))]
        if doc.has_annotation("SENT_START"):
            bounds = [(sent.start, sent.end) for sent in doc.sents]
        vocab = self.model.vocab
        return [(a, Doc(vocab, words=words[a:b], spaces=spaces[a:b])) for a, b in bounds if b > a]

    def _write(self, doc: Doc, spans: list[tuple[int, int, str]]) -> Doc:
        kept = [Span(doc, a, b, label=lab) for a, b, lab in spans if not self.labels or lab in self.labels]
        doc.spans[self.span_key] = SpanGroup(doc, name=self.span_key, spans=kept)
        return doc

    def __call__(self, doc: Doc) -> Doc:
        """Annotate one document."""
        return next(self._run([doc]))

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
        pieces = [(i, offset, piece) for i, doc in enumerate(docs) for offset, piece in self._pieces(doc)]
        predicted = greedy_pipe(self.model, (piece for _, _, piece in pieces), batch_size=SENTENCE_BATCH)
        found: list[list[tuple[int, int, str]]] = [[] for _ in docs]
        for (i, offset, _), pred in zip(pieces, predicted, strict=True):
            found[i].extend((offset + e.start, offset + e.end, e.label_) for e in pred.ents)
        for doc, spans in zip(docs, found, strict=True):
            yield self._write(doc, spans)


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
