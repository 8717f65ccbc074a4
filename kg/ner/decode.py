"""Greedy decoding of the NER model, stepped from Python: spaCy's own parse, faster.

spaCy's ``Parser.greedy_parse`` runs its loop over transitions in C with the GIL released,
but checking which transitions are valid (``TransitionSystem.set_valid``) takes the GIL back
for each transition of each state at each step (over a third of the NER model's time on one
core). :func:`greedy_pipe` runs the same steps with the GIL held, through the parser's own
Python-level parts (those its training and beam search use): the step model's layers score
the states as its ``predict`` does (the same precomputed features, the same BLAS calls on the
same batches), and ``transition_states`` validates and applies the best move. The batches are
those of ``Parser.pipe`` (sorted by length, in sub-batches of a quarter), so the entities are
the same as with ``nlp.pipe``.

The word embedding (the first layer of the token-to-vector model: hashed features, their
mixing layer) sees each token on its own, so :func:`token_vectors` computes it once per
distinct word of a batch (a sub-batch of sentences repeats most of its words) and the context
layers on every token, as before. Each row of a matrix product is computed on its own (BLIS),
so the vectors are the same to the bit; ``tests/test_ner_decode.py`` checks it.

A pipeline this does not cover (another component than one greedy ``ner``) runs through
``nlp.pipe`` unchanged, and a token-to-vector model of another shape as a whole.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from itertools import pairwise

import numpy
from spacy.attrs import ORTH
from spacy.language import Language
from spacy.ml import tb_framework
from spacy.ml.parser_model import ParserStepModel
from spacy.pipeline import EntityRecognizer
from spacy.tokens import Doc
from spacy.util import minibatch
from thinc.api import Model
from thinc.layers.chain import forward as chain_forward
from thinc.types import Floats2d

__all__ = ["greedy_pipe", "greedy_parse", "steppable", "token_vectors"]


def steppable(nlp: Language) -> EntityRecognizer | None:
    """The pipeline's one greedy ``ner`` component of spaCy's transition model, if that is all
    it runs (else ``None``)."""
    if len(nlp.pipeline) != 1:
        return None
    _, proc = nlp.pipeline[0]
    if type(proc) is not EntityRecognizer or proc.cfg.get("beam_width", 1) != 1:
        return None
    return proc if proc.model._func is tb_framework.forward else None


def greedy_parse(ner: EntityRecognizer, docs: list[Doc]) -> list:
    """The final parse states of ``docs``, as ``ner.predict(docs)`` gives them (greedy)."""
    if not any(len(doc) for doc in docs):
        return ner.moves.init_batch(docs)
    ner._ensure_labels_are_added(docs)  # as greedy_parse does (adds labels preset on the docs)
    batch = ner.moves.init_batch(docs)
    model = _step_model(ner, docs)  # token vectors and the precomputed features of each token
    states = [state for state in batch if not state.is_final()]
    while states:
        states = ner.transition_states(states, _scores(model, states))
    model.clear_memory()
    return batch


def _scores(model: ParserStepModel, states: list) -> Floats2d:
    """``model.predict(states)`` (spaCy's ``parser_model.step_forward``, not training): the
    states' features summed from the precomputed ones, then the output layer; the minimum
    score for classes not seen in training (when there are any)."""
    if not model.attrs["has_upper"]:
        return model.predict(states)
    scores = model.vec2scores.predict(model.state2vec.predict(model.get_token_ids(states)))
    unseen = model._class_mask == 0
    if unseen.any():
        scores[:, unseen] = numpy.nanmin(scores)
    return scores


def _step_model(ner: EntityRecognizer, docs: list[Doc]) -> ParserStepModel:
    """``ner.model.predict(docs)`` (spaCy's ``tb_framework.forward``), with :func:`token_vectors`."""
    layers = ner.model.layers

    def forward(_: Model, xs: list[Doc], is_train: bool) -> tuple[Floats2d, None]:
        return token_vectors(layers[0], xs), None

    tok2vec = Model("kg_token_vectors", forward)
    return ParserStepModel(docs, [tok2vec, *layers[1:]], unseen_classes=ner.model.attrs["unseen_classes"],
                           train=False, has_upper=ner.model.attrs["has_upper"])


def _embed_encode(tok2vec: Model) -> tuple[Model, Model] | None:
    """The embedding and context layers of ``chain(chain(embed, encode), ...)`` (spaCy's Tok2Vec)."""
    first = tok2vec.layers[0] if tok2vec.layers else None
    if first is None or tok2vec._func is not chain_forward or first._func is not chain_forward:
        return None
    if not (first.has_ref("embed") and first.has_ref("encode")):
        return None
    embed, encode = first.get_ref("embed"), first.get_ref("encode")
    return (embed, encode) if first.layers == [embed, encode] else None


def token_vectors(tok2vec: Model, docs: list[Doc]) -> Floats2d:
    """``tok2vec.predict(docs)``, the embedding made once per distinct word (see the module doc)."""
    parts = _embed_encode(tok2vec)
    if parts is None or not any(len(doc) for doc in docs):
        return tok2vec.predict(docs)
    embed, encode = parts
    words, ids = numpy.unique(numpy.concatenate([doc.to_array(ORTH) for doc in docs]), return_inverse=True)
    strings = docs[0].vocab.strings
    table = embed.predict([Doc(docs[0].vocab, words=[strings[int(word)] for word in words])])[0]
    bounds = numpy.cumsum([0] + [len(doc) for doc in docs]).tolist()
    vectors = encode.predict([table[ids[a:b]] for a, b in pairwise(bounds)])
    for layer in tok2vec.layers[1:]:
        vectors = layer.predict(vectors)
    return vectors


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
