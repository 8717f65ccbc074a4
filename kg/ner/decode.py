"""Greedy decoding of the NER model, stepped from Python: spaCy's own parse, faster.

spaCy's ``Parser.greedy_parse`` runs its loop over transitions in C with the GIL released,
but checking which transitions are valid (``TransitionSystem.set_valid``) takes the GIL back
for each transition of each state at each step (about a third of the NER model's time on one
core). :func:`greedy_pipe` runs the same steps with the GIL held, through the parser's own
Python-level methods (the ones its training and beam search use): the step model's
``predict`` scores the states (the same precomputed features, the same BLAS calls on the same
batches), and ``transition_states`` validates and applies the best move. The batches are
those of ``Parser.pipe`` (sorted by length, in sub-batches of a quarter), so the entities are
the same as with ``nlp.pipe``.

A pipeline this does not cover (another component than one greedy ``ner``) runs through
``nlp.pipe`` unchanged.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from spacy.language import Language
from spacy.pipeline import EntityRecognizer
from spacy.tokens import Doc
from spacy.util import minibatch

__all__ = ["greedy_pipe", "greedy_parse", "steppable"]


def steppable(nlp: Language) -> EntityRecognizer | None:
    """The pipeline's one greedy ``ner`` component, if that is all it runs (else ``None``)."""
    if len(nlp.pipeline) != 1:
        return None
    _, proc = nlp.pipeline[0]
    if type(proc) is not EntityRecognizer or proc.cfg.get("beam_width", 1) != 1:
        return None
    return proc


def greedy_parse(ner: EntityRecognizer, docs: list[Doc]) -> list:
    """The final parse states of ``docs``, as ``ner.predict(docs)`` gives them (greedy)."""
    if not any(len(doc) for doc in docs):
        return ner.moves.init_batch(docs)
    ner._ensure_labels_are_added(docs)  # as greedy_parse does (adds labels preset on the docs)
    batch = ner.moves.init_batch(docs)
    model = ner.model.predict(docs)  # the step model: token vectors and precomputed features
    states = [state for state in batch if not state.is_final()]
    while states:
        scores = model.predict(states)
        states = ner.transition_states(states, scores)
    model.clear_memory()
    return batch


def greedy_pipe(nlp: Language, docs: Iterable[Doc], batch_size: int = 256) -> Iterator[Doc]:
    """``nlp.pipe(docs, batch_size=batch_size)`` for an NER-only pipeline (see the module doc)."""
    ner = steppable(nlp)
    if ner is None:
        yield from nlp.pipe(docs, batch_size=batch_size)
        return
    for batch in minibatch(docs, size=batch_size):
        in_order = list(batch)
        by_length = sorted(in_order, key=len)
        for sub in minibatch(by_length, size=max(batch_size // 4, 2)):
            sub = list(sub)
            ner.set_annotations(sub, greedy_parse(ner, sub))
        yield from in_order
