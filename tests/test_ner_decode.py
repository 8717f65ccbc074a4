"""kg.ner.decode: the NER model's greedy parse stepped from Python gives spaCy's own entities."""

from __future__ import annotations

import numpy as np
import pytest
import spacy
from spacy.tokens import Doc, Span
from thinc.api import Relu, chain

from kg.ner import MODEL_DIR, load_model
from kg.ner.decode import _scores, _step_model, greedy_pipe, steppable, token_vectors

pytestmark = pytest.mark.skipif(not (MODEL_DIR / "config.cfg").is_file(), reason="no shipped model")

# Sentences written for these tests (not taken from HiNER or the corpus).
SENTENCES = [
    "पिछले हफ़्ते अमित शाह ने लखनऊ में एक सभा को संबोधित किया ।",
    "रविवार को सुषमा स्वराज इंदौर पहुंचीं और वहां लोगों से मिलीं ।",
    "संयुक्त राष्ट्र महासभा में भारत और जापान के प्रतिनिधियों ने 12 मार्च 2023 को भाषण दिया ।",
    "",
    "मोदी",
    "नई दिल्ली स्थित विदेश मंत्रालय ने बयान जारी किया कि राष्ट्रपति जो बाइडन अगले महीने आएंगे ।",
    "   ",
    "बीजेपी और कांग्रेस के नेता \n\n संसद पहुंचे ।",
]


def _docs(nlp, texts: list[str]) -> list[Doc]:  # noqa: ANN001
    return [nlp.make_doc(t) for t in texts]


def _ents(docs: list[Doc]) -> list[list[tuple[int, int, str]]]:
    return [[(e.start, e.end, e.label_) for e in doc.ents] for doc in docs]


@pytest.mark.parametrize("batch_size", [1, 3, 8, 256])
def test_same_entities_as_spacy_pipe(batch_size: int) -> None:
    nlp = load_model()
    texts = SENTENCES * 5
    expected = _ents(list(nlp.pipe(_docs(nlp, texts), batch_size=batch_size)))
    got = list(greedy_pipe(nlp, _docs(nlp, texts), batch_size=batch_size))
    assert [d.text for d in got] == texts  # in input order
    assert _ents(got) == expected
    assert any(expected)


def test_preset_entities_are_respected_as_by_spacy() -> None:
    nlp = load_model()

    def preset() -> list[Doc]:
        docs = _docs(nlp, SENTENCES[:3])
        docs[0].set_ents([Span(docs[0], 2, 3, label="Location")], default="unmodified")
        return docs

    assert _ents(list(greedy_pipe(nlp, preset()))) == _ents(list(nlp.pipe(preset())))


def test_other_pipelines_run_through_nlp_pipe() -> None:
    assert steppable(load_model()) is not None
    blank = spacy.blank("hi")
    assert steppable(blank) is None
    blank.add_pipe("sentencizer")
    assert steppable(blank) is None
    assert [d.text for d in greedy_pipe(blank, _docs(blank, ["क ।", "ख"]))] == ["क ।", "ख"]


def test_token_vectors_are_tok2vec_to_the_bit() -> None:
    nlp = load_model()
    tok2vec = steppable(nlp).model.get_ref("tok2vec")
    for texts in (SENTENCES, SENTENCES[:1] * 3, ["", "मोदी"], SENTENCES[::-1] * 2):
        docs = _docs(nlp, texts)
        expected = tok2vec.predict(docs)
        got = token_vectors(tok2vec, docs)
        assert got.shape == expected.shape == (sum(len(d) for d in docs), expected.shape[1])
        assert np.array_equal(got.view(np.uint32), expected.view(np.uint32))


def test_token_vectors_of_another_model_shape_are_its_predictions() -> None:
    other = chain(Relu(4, 2), Relu(3, 4))
    x = np.ones((2, 2), dtype="float32")
    other.initialize(X=x)
    assert np.array_equal(token_vectors(other, x), other.predict(x))


def test_step_scores_are_the_step_model_predictions() -> None:
    nlp = load_model()
    ner = steppable(nlp)
    docs = _docs(nlp, SENTENCES[:3])
    states = ner.moves.init_batch(docs)
    model = _step_model(ner, docs)
    for unseen in ((), (3, 7)):
        model._class_mask[list(unseen)] = 0
        expected = model.predict(states)
        assert np.array_equal(_scores(model, states).view(np.uint32), expected.view(np.uint32))
        assert all(np.all(expected[:, c] == expected.min()) for c in unseen)
    model.clear_memory()
