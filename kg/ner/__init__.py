"""Statistical Hindi NER trained on HiNER (issue 5).

The trained pipeline ships in ``kg/models/hi_ner``; :func:`load_model` loads it
from the package (never from the network).  The spaCy component
``kg_ner_model`` (:mod:`kg.ner.component`) runs it inside a `kg` pipeline and
writes its predictions to ``doc.spans["ner_model"]``.
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

from kg.errors import InputError, error
from kg.ner.labels import HINER_LABELS, KG_LABELS, LABEL_MAP, TARGET_LABELS, map_label

__all__ = [
    "HINER_LABELS",
    "KG_LABELS",
    "LABEL_MAP",
    "MODEL_DIR",
    "TARGET_LABELS",
    "load_model",
    "map_label",
]

#: Directory of the shipped model (inside the installed package).
MODEL_DIR = Path(__file__).resolve().parent.parent / "models" / "hi_ner"


@lru_cache(maxsize=4)
def _load(path: str):  # noqa: ANN202 - spacy.Language, imported lazily
    import spacy

    import kg.ner.features  # noqa: F401 - registers the model's kg.* architectures

    return spacy.load(path)


def load_model(path: str | Path | None = None):  # noqa: ANN201
    """Load the trained NER pipeline (cached: the same object on every call).

    Parameters
    ----------
    path : str or Path, optional
        A model directory written by ``kg train-ner``; default: the model
        shipped in ``kg/models/hi_ner``.

    Returns
    -------
    spacy.language.Language
        A pipeline with a single ``ner`` component whose labels are `kg`
        labels (``Person``, ``Organization``, ``Location``, ``Date``, ...).

    Raises
    ------
    InputError
        If there is no model at ``path``.

    Examples
    --------
    >>> nlp = load_model()  # doctest: +SKIP
    >>> nlp.pipe_names  # doctest: +SKIP
    ['ner']
    """
    model_dir = Path(path) if path is not None else MODEL_DIR
    if not (model_dir / "config.cfg").is_file():
        raise error("no_ner_model", InputError, path=model_dir)
    return _load(str(model_dir.resolve()))
