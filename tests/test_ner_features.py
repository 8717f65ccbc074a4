"""The NER model's extra word features (kg.ner.features) and its embedding layer."""

from __future__ import annotations

import csv

import numpy
import pytest
import spacy
from spacy.tokens import Doc
from spacy.util import fix_random_seed, registry

from kg.ner import features as F
from kg.nlp.lexicon import DATA_DIR as DATA
from kg.nlp.lexicon import word_frequency_class


def test_gazetteer_holds_name_lists_and_lexicon_words() -> None:
    gaz = F.gazetteer()
    assert "first" in gaz["अमित"].split("+")  # a Faker hi_IN first name
    assert "last" in gaz["शर्मा"].split("+")
    assert "place" in gaz["लखनऊ"].split("+")  # places.tsv
    assert "orghead" in gaz["मंत्रालय"].split("+")
    assert "demonym" in gaz["अफगान"].split("+")


def test_gazetteer_lookup_ignores_nukta() -> None:
    lookup = F.FEATURES["gazetteer"]
    assert "orghead" in lookup("इंडस्ट्रीज़").split("+")
    assert lookup("इंडस्ट्रीज़") == lookup("इंडस्ट्रीज")


def test_frequency_classes_order_common_words_above_rare_ones() -> None:
    assert int(word_frequency_class("है")) > int(word_frequency_class("सरकार")) > 0
    assert word_frequency_class("घोलपक्स") == "none"


@pytest.mark.parametrize(
    ("word", "expected"),
    [("बीजेपी", True), ("एलटीटीई", True), ("आईएसआई", True), ("एफ़बीआई", True),
     ("भाजपा", False), ("के", False), ("ए", False), ("सरकार", False)],
)
def test_acronyms_are_spelled_out_letter_names(word: str, expected: bool) -> None:
    assert F.is_acronym(word) is expected


def test_features_ignore_glued_punctuation() -> None:
    names = tuple(F.FEATURES)
    assert F.word_features('."स्मिथ,', names) == F.word_features("स्मिथ", names)
    assert F.word_features("स्मिथ", names) != F.word_features("शर्मा", names)


def test_unknown_feature_is_refused() -> None:
    with pytest.raises(ValueError, match="unknown NER feature"):
        F.feature_extractor(["ORTH"], ["prefix9"])


def _rows(word_dropout: float, is_train: bool) -> numpy.ndarray:
    nlp = spacy.blank("hi")
    doc = Doc(nlp.vocab, words=["अमित", "शाह", "ने", "लखनऊ", "में", "कहा"] * 20)
    layer = F.feature_extractor(["ORTH", "SUFFIX"], ["gazetteer"], word_dropout)
    fix_random_seed(0)
    (rows,) = layer.predict([doc]) if not is_train else layer.begin_update([doc])[0]
    return rows


def test_extractor_rows_are_attributes_then_features() -> None:
    rows = _rows(0.0, is_train=False)
    assert rows.shape == (120, 3)
    assert rows[0, 0] == spacy.blank("hi").vocab.strings["अमित"]
    assert rows[0, 2] == F.word_features("अमित", ("gazetteer",))[0]


def test_word_dropout_hides_word_identity_only_in_training() -> None:
    assert (_rows(0.5, is_train=False) == _rows(0.0, is_train=False)).all()
    trained = _rows(0.5, is_train=True)
    hidden = trained[:, 0] == F._UNKNOWN_WORD
    assert 20 < hidden.sum() < 100
    assert (trained[:, 1:] == _rows(0.0, is_train=False)[:, 1:]).all()  # affixes, lists kept
    assert (trained == _rows(0.5, is_train=True)).all()  # seeded: the same every time


def test_architecture_is_registered_and_embeds_every_token() -> None:
    make = registry.architectures.get("kg.MultiHashEmbed.v1")
    model = make(width=16, attrs=["ORTH", "SHAPE"], rows=[50, 20], extra=["suffix2", "acronym"],
                 extra_rows=[20, 5])
    doc = Doc(spacy.blank("hi").vocab, words=["बीजेपी", "ने", "कहा"])
    model.initialize(X=[doc])
    (vectors,) = model.predict([doc])
    assert vectors.shape == (3, 16)


def test_word_lists_are_sorted_tsv_with_header() -> None:
    for name, header in (("ner_gazetteer.tsv", ["word_hi", "classes"]),
                         ("hi_wordfreq.tsv", ["word_hi", "zipf_class"])):
        with open(DATA / name, encoding="utf-8", newline="") as fh:
            rows = list(csv.reader(fh, delimiter="\t"))
        assert rows[0] == header
        words = [r[0] for r in rows[1:]]
        assert words == sorted(set(words)) and len(words) > 5000


def test_gazetteer_is_up_to_date_with_the_lexicon() -> None:
    """Every lexicon word is in ``ner_gazetteer.tsv`` with its class (re-run the script if not)."""
    import importlib.util

    path = DATA.parent.parent / "scripts" / "build_ner_features.py"
    spec = importlib.util.spec_from_file_location("build_ner_features", path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    with open(DATA / "ner_gazetteer.tsv", encoding="utf-8", newline="") as fh:
        rows = {row["word_hi"]: set(row["classes"].split("+")) for row in csv.DictReader(fh, delimiter="\t")}
    missing = [(word, kind) for kind, words in module.lexicon_lists().items() for word in words
               if kind not in rows.get(word, set())]
    assert missing == []
