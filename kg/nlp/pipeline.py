"""Assemble the Hindi pipeline: normalizing tokenizer plus kg's components.

The shipped NER and relation models are optional parts of the default pipeline: one that
cannot be loaded (files missing, truncated or corrupted) is left out, with a warning on the
``kg`` logger that names the model and the reason. :func:`model_warnings` gives the same lines
to a caller (``kg build`` prints them); this module's logger has a ``NullHandler``, so the
warning is not printed a second time, once per worker process, by Python's last-resort handler.
"""

from __future__ import annotations

import functools
import logging
from collections.abc import Callable

from spacy.language import Language
from spacy.tokens import Doc

from kg.errors import KGError, error, one_line
from kg.nlp.normalize import normalize
from kg.nlp.state import NORM_KEY
from kg.nlp.tokenizer import blank_hindi

log = logging.getLogger(__name__)
log.addHandler(logging.NullHandler())

__all__ = ["NORM_KEY", "COMPONENTS", "OPTIONAL_MODELS", "NormalizingTokenizer", "make_nlp", "get_nlp",
           "model_warnings"]

COMPONENTS = ("kg_sentences", "kg_lexicon", "kg_patterns", "kg_canonical", "kg_coref", "kg_relations")
#: The optional models of the default pipeline: component -> what a warning calls it.
OPTIONAL_MODELS = {"kg_ner_model": "the NER model", "kg_relation_model": "the relation model"}
_PROBLEMS: dict[str, str | None] = {}  # component -> its warning, None once it loaded (this process)


class NormalizingTokenizer:
    """Tokenize the normalized text, keeping the map back to original offsets.

    ``doc._.kg_norm`` holds the :class:`~kg.nlp.normalize.Normalized`. ``cache_key`` names the
    configuration of ``tokenizer`` when it is a known one (``"blank_hindi"``: kg's own), so that
    what it makes of fixed texts (the lexicon's aliases) may be cached under that name.
    """

    def __init__(self, tokenizer, cache_key: str | None = None) -> None:  # noqa: ANN001 - spaCy's Tokenizer
        self.tokenizer = tokenizer
        self.cache_key = cache_key

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
    nlp.tokenizer = NormalizingTokenizer(nlp.tokenizer, cache_key="blank_hindi")
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
    _attempt(name, lambda: nlp.add_pipe(name))


def _attempt(name: str, load: Callable[[], object]) -> None:
    """Run ``load`` for an optional model; note (and log once) why it failed."""
    try:
        load()
    except Exception as exc:  # noqa: BLE001 - a missing or damaged optional model never stops a build
        reason = str(exc) if isinstance(exc, KGError) else one_line(f"{type(exc).__name__}: {exc}")
        warning = str(error("model_left_out", model=OPTIONAL_MODELS[name], reason=" ".join(reason.split())))
        if _PROBLEMS.get(name) != warning:
            log.warning("%s", warning)
        _PROBLEMS[name] = warning
    else:
        _PROBLEMS[name] = None


def _load_shipped(name: str) -> None:
    """Load the shipped model of component ``name`` as its factory does (cached or cheap)."""
    if name == "kg_ner_model":
        from kg.ner.component import load_ner

        load_ner()
    else:
        from kg.relmodel import model

        model.load_model(model.DEFAULT_MODEL)


def model_warnings(model: bool = True, relation_model: bool | str | None = None) -> list[str]:
    """One line for each optional model that the pipeline of this setting leaves out.

    The arguments are those of :func:`make_nlp`. A model not yet tried in this process is
    loaded now (so a caller can tell before worker processes start); a relation model folder
    given by path is no optional model (it is loaded or fails as an error).

    Examples
    --------
    >>> model_warnings(model=False)
    []
    """
    wanted = [name for name, used in (("kg_ner_model", model),
                                      ("kg_relation_model", model if relation_model is None
                                       else relation_model is True)) if used]
    for name in wanted:
        if name not in _PROBLEMS:
            _attempt(name, functools.partial(_load_shipped, name))
    return [warning for name in wanted if (warning := _PROBLEMS[name])]


@functools.cache
def get_nlp(model: bool = True, relation_model: bool | str | None = None) -> Language:
    """The shared pipeline of this process (built once per setting)."""
    return make_nlp(model=model, relation_model=relation_model)
