"""The CoNLL reader, BIO decoding, dev split and label mapping of kg.ner."""

from __future__ import annotations

from pathlib import Path

import pytest
from spacy.vocab import Vocab

from kg.errors import InputError
from kg.ner import HINER_LABELS, KG_LABELS, LABEL_MAP, map_label
from kg.ner.conll import Sentence, bio_to_spans, parse_conll, read_conll, split_dev, to_doc

SAMPLE = (
    "कल\tO\nसुबह\tO\nराहुल\tB-PERSON\nशर्मा\tI-PERSON\nने\tO\nपटना\tB-LOCATION\n"
    "में\tO\nरेलवे\tB-ORGANIZATION\nबोर्ड\tI-ORGANIZATION\nसे\tO\nबात\tO\nकी\tO\n।\tO\n"
    "\n\n"
    "5\tB-TIMEX\nमार्च\tI-TIMEX\nको\tO\nहोली\tB-FESTIVAL\nहै\tO\n"
)


def test_label_mapping_covers_every_hiner_label() -> None:
    assert set(LABEL_MAP) == set(HINER_LABELS)
    assert map_label("PERSON") == "Person"
    assert map_label("ORGANIZATION") == "Organization"
    assert map_label("LOCATION") == "Location"
    assert map_label("TIMEX") == "Date"
    assert map_label("I-NUMEX") == "Quantity"
    assert set(KG_LABELS) == {"Person", "Organization", "Location", "Date"}
    assert all(map_label(v) == v for v in LABEL_MAP.values())


def test_label_mapping_rejects_unknown_labels() -> None:
    with pytest.raises(KeyError):
        map_label("B-ANIMAL")


def test_parse_conll_sentences_and_spans() -> None:
    sentences = list(parse_conll(SAMPLE.splitlines()))
    assert len(sentences) == 2
    first, second = sentences
    assert first.tokens[2:4] == ("राहुल", "शर्मा")
    assert first.spans() == [(2, 4, "Person"), (5, 6, "Location"), (7, 9, "Organization")]
    assert second.spans() == [(0, 2, "Date"), (3, 4, "Festival")]


def test_bio_lenient_reading() -> None:
    assert bio_to_spans(["I-PERSON", "I-PERSON", "B-PERSON"]) == [(0, 2, "Person"), (2, 3, "Person")]
    assert bio_to_spans(["B-PERSON", "I-LOCATION"]) == [(0, 1, "Person"), (1, 2, "Location")]
    assert bio_to_spans([]) == []


def test_read_conll_file_and_errors(tmp_path: Path) -> None:
    good = tmp_path / "a.conll"
    good.write_text(SAMPLE, encoding="utf-8")
    assert len(read_conll(good)) == 2
    with pytest.raises(InputError, match="no such file"):
        read_conll(tmp_path / "missing.conll")
    empty = tmp_path / "empty.conll"
    empty.write_text("\n\n", encoding="utf-8")
    with pytest.raises(InputError, match="empty"):
        read_conll(empty)
    bad = tmp_path / "bad.conll"
    bad.write_text("राहुल\tB-PERSON\nपटना\tB-CITY\n", encoding="utf-8")
    with pytest.raises(InputError, match="line 2"):
        read_conll(bad)
    latin = tmp_path / "latin.conll"
    latin.write_bytes(b"caf\xe9\tO\n")
    with pytest.raises(InputError, match="UTF-8"):
        read_conll(latin)


def test_split_dev_is_deterministic_and_disjoint() -> None:
    sentences = [Sentence((f"w{i}",), ("O",)) for i in range(100)]
    train, dev = split_dev(sentences, 0.1, seed=0)
    assert len(dev) == 10 and len(train) == 90
    assert not set(train) & set(dev)
    assert split_dev(sentences, 0.1, seed=0) == (train, dev)
    assert split_dev(sentences, 0.1, seed=1)[1] != dev


def test_to_doc_sets_entities() -> None:
    sentence = next(parse_conll(SAMPLE.splitlines()))
    doc = to_doc(Vocab(), sentence)
    assert [(e.text, e.label_) for e in doc.ents] == [
        ("राहुल शर्मा", "Person"), ("पटना", "Location"), ("रेलवे बोर्ड", "Organization")]
    assert not to_doc(Vocab(), sentence, annotate=False).ents
