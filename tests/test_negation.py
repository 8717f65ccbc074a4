"""Negated and denied acts (sentences written for these tests).

The gold guidelines annotate a denied fact like an asserted one, and leave out a fact the
article says did not happen: the graph keeps the first (modality ``denied``) and drops the
second, which stays in the pipeline's ``doc._.kg_relations`` as ``negated``.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

import kg
from kg.extract import annotate, doc_to_records
from kg.nlp.modality import modality
from kg.nlp.pipeline import get_nlp
from kg.nlp.rel import RELATIONS
from kg.records import Document
from kg.store import CorpusStore


def _facts(text: str) -> set[tuple[str, str, str, str]]:
    graph = kg.build(text, model=False, date="2024-06-20")
    return {(r.subject.label, r.predicate, r.object.label, r.modality) for r in graph.relations}


@pytest.mark.parametrize("text", [
    "भारत ने रूस पर प्रतिबंध नहीं लगाए।",
    "जापान ने चीन की आलोचना कभी नहीं की है।",
    "ब्राजील अमेरिका पर प्रतिबंध लगाने से बचता रहा है।",
    "मंत्री ने कहा कि इंडोनेशिया रूस पर प्रतिबंध नहीं लगाएगा।",  # a refusal: not done, not denied
])
def test_act_said_not_to_happen_is_no_fact(text: str) -> None:
    assert not {f for f in _facts(text) if f[1] in {"sanctions", "criticizes"}}


@pytest.mark.parametrize(("text", "fact"), [
    ("प्रवक्ता ने कहा कि भारत ने यूक्रेन को हथियार नहीं भेजे हैं।",
     ("India", "providesMilitaryAid", "Ukraine", "denied")),
    ("मंत्रालय ने बताया कि चीन ने जापान की आलोचना नहीं की।", ("China", "criticizes", "Japan", "denied")),
])
def test_reported_negation_of_a_past_act_is_a_denial(text: str, fact: tuple[str, str, str, str]) -> None:
    assert fact in _facts(text)


def test_negated_relation_stays_in_the_pipeline() -> None:
    document = Document("d", "भारत ने रूस पर प्रतिबंध नहीं लगाए।")
    doc = annotate(get_nlp(model=False, relation_model=False), document)
    assert [(r.predicate, r.modality) for r in doc._.get(RELATIONS)] == [("sanctions", "negated")]
    assert doc_to_records(doc, document)[1] == []
    kept = doc_to_records(doc, document, negated=True)[1]
    assert [(r.subject.label, r.modality) for r in kept] == [("India", "negated")]


def test_modality_of_a_reported_negation() -> None:
    words = "प्रवक्ता ने कहा कि भारत ने गोले नहीं भेजे".split()
    assert modality(words, (0, len(words)), 6, 9, "providesMilitaryAid") == "denied"
    plain = "भारत ने गोले नहीं भेजे".split()
    assert modality(plain, (0, len(plain)), 2, 5, "providesMilitaryAid") == "negated"


def test_build_keeps_negated_relations_on_request() -> None:
    text = "भारत ने रूस पर प्रतिबंध नहीं लगाए। जापान ने चीन की आलोचना की।"
    plain = kg.build(text, model=False)
    kept = kg.build(text, model=False, negated=True)
    assert [(r.predicate, r.modality) for r in plain.relations] == [("criticizes", "asserted")]
    assert sorted((r.subject.label, r.predicate, r.modality) for r in kept.relations) == [
        ("India", "sanctions", "negated"), ("Japan", "criticizes", "asserted")]


def test_keep_negated_from_the_command_line(tmp_path: Path) -> None:
    from click.testing import CliRunner

    from kg.cli import main

    article = tmp_path / "a.txt"
    article.write_text("भारत ने रूस पर प्रतिबंध नहीं लगाए। जापान ने चीन की आलोचना की।", encoding="utf-8")
    modalities = {}
    for flags in ([], ["--keep-negated"]):
        out = tmp_path / ("out" + "".join(flags))
        result = CliRunner().invoke(main, ["build", str(article), "--out", str(out), "--no-model",
                                           "--no-html", "--jobs", "1", *flags])
        assert result.exit_code == 0, result.output
        lines = (out / "triples.jsonl").read_text(encoding="utf-8").splitlines()
        modalities[tuple(flags)] = sorted(json.loads(line)["modality"] for line in lines)
    assert modalities == {(): ["asserted"], ("--keep-negated",): ["asserted", "negated"]}
    store = tmp_path / "store"
    result = CliRunner().invoke(main, ["add", str(article), "--store", str(store), "--no-model",
                                       "--jobs", "1", "--keep-negated"])
    assert result.exit_code == 0, result.output
    with CorpusStore(store) as opened:
        assert sorted(r.modality for r in opened.knowledge_graph().relations) == ["asserted", "negated"]
