"""Assemble the Hindi pipeline: normalizing tokenizer plus kg's components."""

from __future__ import annotations

import functools
import logging

from spacy.language import Language
from spacy.tokens import Doc

from kg.nlp.normalize import normalize
from kg.nlp.state import NORM_KEY
from kg.nlp.tokenizer import blank_hindi

log = logging.getLogger(__name__)

__all__ = ["NORM_KEY", "COMPONENTS", "NormalizingTokenizer", "make_nlp", "get_nlp"]

COMPONENTS = ("kg_sentences", "kg_lexicon", "kg_patterns", "kg_canonical", "kg_coref", "kg_relations")


class NormalizingTokenizer:
    """Tokenize the normalized text, keeping the map back to original offsets.

    ``doc._.kg_norm`` holds the :class:`~kg.nlp.normalize.Normalized`.
    """

    def __init__(self, tokenizer) -> None:  # noqa: ANN001 - spaCy's Tokenizer
        self.tokenizer = tokenizer

    def __call__(self, text: str) -> Doc:
        norm = normalize(text)
        doc = self.tokenizer(norm.text)
        doc._.set(NORM_KEY, norm)
        return doc

    def pipe(self, texts, batch_size: int = 1000):  # noqa: ANN001, ANN201
        for text in texts:
            yield self(text)


def make_nlp(model: bool = True, max_length: int = 30_000_000,
             relation_model: bool | str | None = None) -> Language:
    """A fresh pipeline; ``model=False`` leaves out the statistical NER and relation model
    (``relation_model`` alone decides for the relation model when given; a path names a
    relation model folder other than the shipped one).

    Examples
    --------
    >>> nlp = make_nlp(model=False)
    >>> nlp.pipe_names
    ['kg_sentences', 'kg_lexicon', 'kg_patterns', 'kg_canonical', 'kg_coref', 'kg_relations']
    """
    import kg.factories  # noqa: F401  (registers the factories)

    nlp = blank_hindi()
    nlp.max_length = max_length
    nlp.tokenizer = NormalizingTokenizer(nlp.tokenizer)
    for name in COMPONENTS:
        nlp.add_pipe(name)
        if name == "kg_lexicon" and model:
            _add_model(nlp, "kg_ner_model")
    if isinstance(relation_model, str):
        nlp.add_pipe("kg_relation_model", config={"path": relation_model})  # asked for: errors are errors
    elif model if relation_model is None else relation_model:
        _add_model(nlp, "kg_relation_model")
    return nlp


def _add_model(nlp: Language, name: str) -> None:
    from kg.errors import KGError

    try:
        nlp.add_pipe(name)
    except (ValueError, OSError, ImportError, KGError) as exc:  # model not trained or not installed
        log.warning("%s is not used: %s", name, exc)


@functools.cache
def get_nlp(model: bool = True, relation_model: bool | str | None = None) -> Language:
    """The shared pipeline of this process (built once per setting)."""
    return make_nlp(model=model, relation_model=relation_model)
