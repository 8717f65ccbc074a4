"""The shipped NER model: loader, predictions and the ``kg_ner_model`` component."""

from __future__ import annotations

import pytest
import spacy

import kg.ner.component  # noqa: F401  (registers the factory without the entry point)
from kg.errors import InputError
from kg.ner import MODEL_DIR, load_model

pytestmark = pytest.mark.skipif(not (MODEL_DIR / "config.cfg").is_file(), reason="no shipped model")

# Sentences written for these tests (not taken from HiNER).
TEXT = "पिछले हफ़्ते अमित शाह ने लखनऊ में एक सभा को संबोधित किया ।"
TEXT2 = "रविवार को सुषमा स्वराज इंदौर पहुंचीं और वहां लोगों से मिलीं ।"


def test_loader_is_cached_and_small_pipeline() -> None:
    nlp = load_model()
    assert load_model() is nlp
    assert nlp.pipe_names == ["ner"]
    assert {"Person", "Organization", "Location", "Date"} <= set(nlp.get_pipe("ner").labels)


def test_loader_reports_missing_model(tmp_path) -> None:
    with pytest.raises(InputError, match="no trained NER model"):
        load_model(tmp_path)


def test_model_finds_person_and_place() -> None:
    ents = {(e.text, e.label_) for e in load_model()(TEXT).ents}
    assert ("अमित शाह", "Person") in ents
    assert ("लखनऊ", "Location") in ents


def test_component_writes_span_group_not_ents() -> None:
    nlp = spacy.blank("hi")
    nlp.add_pipe("kg_ner_model")
    doc = nlp(TEXT)
    assert not doc.ents
    group = doc.spans["ner_model"]
    assert {(s.text, s.label_) for s in group} >= {("अमित शाह", "Person"), ("लखनऊ", "Location")}
    assert all(s.label_ in {"Person", "Organization", "Location", "Date"} for s in group)


def test_component_config_and_pipe() -> None:
    nlp = spacy.blank("hi")
    nlp.add_pipe("kg_ner_model", config={"span_key": "model", "labels": ["Person"]})
    docs = list(nlp.pipe([TEXT, TEXT2, ""], batch_size=2))
    assert [s.text for s in docs[0].spans["model"]] == ["अमित शाह"]
    assert ("सुषमा स्वराज", "Person") in {(s.text, s.label_) for s in docs[1].spans["model"]}
    assert len(docs[2].spans["model"]) == 0
    doc = nlp(TEXT)
    assert [s.text for s in doc.spans["model"]] == ["अमित शाह"]


def test_component_runs_sentence_by_sentence_with_document_offsets() -> None:
    """With sentence boundaries, spans come back at their place in the whole document."""
    nlp = spacy.blank("hi")
    nlp.add_pipe("kg_ner_model", config={"labels": ["Person"]})
    whole = nlp.make_doc(TEXT + " " + TEXT2)
    split = nlp.make_doc(TEXT + " " + TEXT2)
    first = len(nlp.make_doc(TEXT))
    for token in split:
        token.is_sent_start = token.i in (0, first)
    found = [(s.start, s.text) for s in nlp.get_pipe("kg_ner_model")(split).spans["ner_model"]]
    assert (first + [t.text for t in nlp.make_doc(TEXT2)].index("सुषमा"), "सुषमा स्वराज") in found
    assert found[0][1] == "अमित शाह"
    unsplit = [s.text for s in nlp.get_pipe("kg_ner_model")(whole).spans["ner_model"]]
    assert unsplit[0] == "अमित शाह"
