"""The learned relation model: candidates and features on small inputs, the component's decisions,
the model file, training determinism, and the shipped model's provenance."""

from __future__ import annotations

import json
from pathlib import Path

import numpy as np
import pytest
from click.testing import CliRunner

import kg
from kg.cli import main
from kg.nlp.args import Arg
from kg.nlp.pipeline import make_nlp
from kg.nlp.rel import RELATIONS
from kg.relmodel.candidates import PREDICATES, allowed
from kg.relmodel.component import RelationModelComponent, candidates_of, redundant
from kg.relmodel.features import SentenceView, pair_features
from kg.relmodel.model import DEFAULT_MODEL, Calibration, RelationModel, load_model

ROOT = Path(__file__).resolve().parent.parent
SPLITS = json.loads((ROOT / "tests" / "gold" / "hindi-news" / "splits.json").read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def rules_nlp():  # noqa: ANN201
    return make_nlp(model=False)


def _arg(start: int, end: int, key: str, typ: str, marker: str, group: int = -1) -> Arg:
    arg = Arg(start, end, (key,), typ, "name")
    arg.marker, arg.group = marker, group
    return arg


def test_features_read_markers_order_boundaries_and_verbs() -> None:
    norms = "भारत ने कहा कि रूस और चीन ने अमेरिका पर प्रतिबंध लगाए".split()
    india, russia = _arg(0, 1, "IN", "Country", "ने"), _arg(4, 5, "RU", "Country", "", group=0)
    china, usa = _arg(6, 7, "CN", "Country", "ने", group=0), _arg(8, 9, "US", "Country", "पर")
    view = SentenceView(norms, 0, len(norms))
    far = pair_features(view, india, usa)
    assert {"ms:ने", "mo:पर", "ord:so", "bb:कि", "ta:sanctions"} <= set(far)
    near = pair_features(view, china, usa)
    assert "bb:कि" not in near and "d:1" in near and "aw:प्रतिबंध" in near  # one token, ने, between
    assert "coord" in pair_features(view, russia, china)
    assert "ord:os" in pair_features(view, usa, china)


def test_candidates_cover_pairs_with_and_without_a_rule(rules_nlp) -> None:  # noqa: ANN001
    doc = rules_nlp("रूस ने यूक्रेन पर हमला किया और भारत ने चिंता जताई।")
    cands = {(c.subject, c.object): c for c in candidates_of(doc)}
    attack = cands["Q159", "Q212"]
    assert "attacks" in attack.rules and "r:attacks" in attack.features
    assert ("Q668", "Q212") in cands and not cands["Q668", "Q212"].rules  # no rule: still a candidate
    assert ("Q212", "Q159") in cands  # both orders
    assert not any("r:attacks" in c.features for k, c in cands.items() if k != ("Q159", "Q212"))


def test_types_constrain_predicates() -> None:
    assert allowed("citizenOf", "Person", "Country") and not allowed("citizenOf", "Country", "Country")
    assert not allowed("visits", "Person", "Person") and allowed("meets", "Person", "Person")
    assert not allowed("attacks", "Event", "Country")


def _model(weights: dict[str, dict[str, float]], bias: float = -4.0, threshold: float = 0.5) -> RelationModel:
    features = sorted(weights)
    w = np.zeros((len(features), len(PREDICATES)), dtype="float32")
    for i, f in enumerate(features):
        for p, value in weights[f].items():
            w[i, PREDICATES.index(p)] = value
    return RelationModel(PREDICATES, features, w, np.full(len(PREDICATES), bias, dtype="float32"),
                         thresholds={"rule": threshold, "model": threshold})


def test_component_emits_what_the_model_scores_high(rules_nlp) -> None:  # noqa: ANN001
    text = "रूस ने यूक्रेन पर हमला किया और भारत ने चिंता जताई।"
    # a model that trusts the rule for attacks, and reads "चिंता" after a pair as concern
    model = _model({"r:attacks": {"attacks": 8.0}, "aw:चिंता": {"expressesConcernAbout": 5.0}})
    doc = RelationModelComponent(model, min_confidence=0.5)(rules_nlp(text))
    facts = {(r.subject, r.predicate, r.object) for r in doc._.get(RELATIONS)}
    assert ("Q159", "attacks", "Q212") in facts
    assert all(p in {"attacks", "expressesConcernAbout"} for _, p, _ in facts)
    assert not any(p == "attacks" and s != "Q159" for s, p, _ in facts)
    assert doc._.kg_rel_candidates is not None
    empty = RelationModelComponent(_model({}))(rules_nlp(text))
    assert empty._.get(RELATIONS) == []  # nothing reaches the default threshold


def test_rule_statements_keep_time_place_and_modality(rules_nlp) -> None:  # noqa: ANN001
    text = "प्रधानमंत्री नरेंद्र मोदी ने 2019 में जापान का दौरा किया। मोदी ने 2023 में जापान का दौरा किया।"
    model = _model({"r:visits": {"visits": 9.0}, "r:leads": {"leads": 9.0}})
    doc = RelationModelComponent(model)(rules_nlp(text))
    visits = sorted((r.time, r.confidence) for r in doc._.get(RELATIONS) if r.predicate == "visits")
    assert [t for t, _ in visits] == ["2019", "2023"] and visits[0][1] == visits[1][1] > 0.9


def test_redundant_weaker_relations_of_a_pair() -> None:
    conf = {("a", "leads", "b"): 0.9, ("a", "citizenOf", "b"): 0.7, ("c", "partOf", "d"): 0.4,
            ("c", "affiliatedWith", "d"): 0.6}
    assert redundant(conf) == {("a", "citizenOf", "b")}


def test_model_round_trip_is_byte_identical(tmp_path: Path) -> None:
    model = _model({"r:attacks": {"attacks": 2.5}, "bw:और": {"meets": -1.25}})
    model.calibration = Calibration({"model": ([0.0, 0.5, 1.0], [0.0, 0.3, 0.9]),
                                     "rule": ([0.0, 1.0], [0.1, 0.95])})
    model.save(tmp_path / "a")
    again = load_model(tmp_path / "a")
    again.save(tmp_path / "b")
    for name in ("model.json", "features.txt", "weights.npy"):
        assert (tmp_path / "a" / name).read_bytes() == (tmp_path / "b" / name).read_bytes()
    rows = [["r:attacks"], ["bw:और", "unknown"], []]
    assert np.array_equal(model.raw(rows), again.raw(rows))
    assert again.calibration(0.25) == pytest.approx(0.15)
    assert again.calibration(0.5, "rule") == pytest.approx(0.525)


def test_broken_model_folder_is_one_clear_error(tmp_path: Path) -> None:
    from kg.errors import KGError

    (tmp_path / "model.json").write_text("{}", encoding="utf-8")
    with pytest.raises(KGError, match="no relation model could be read"):
        load_model(tmp_path)


def test_shipped_model_was_trained_on_dev_only() -> None:
    model = load_model(DEFAULT_MODEL)
    assert tuple(model.predicates) == PREDICATES and set(model.thresholds) == {"rule", "model"}
    assert all(0.0 <= t < 1.0 for t in model.thresholds.values())
    trained = set(model.meta["trained_on"])
    assert trained <= set(SPLITS["dev"]) and not trained & set(SPLITS["test"])
    card = (DEFAULT_MODEL / "MODEL_CARD.md").read_text(encoding="utf-8")
    assert "research, development and evaluation" in card and "test articles are never used" in card


@pytest.mark.slow
def test_training_is_deterministic(tmp_path: Path) -> None:
    pytest.importorskip("sklearn")
    from kg.relmodel.train import TrainConfig, prepare, train

    golds = sorted((ROOT / "tests" / "gold" / "heldout").glob("*.gold.json"))[:8]
    docs = prepare(golds, tmp_path)
    config = TrainConfig(folds=2, min_count=1)
    first, report = train(docs, config)
    second, _ = train(docs, config)
    assert first.features == second.features and np.array_equal(first.weights, second.weights)
    assert first.calibration == second.calibration and first.thresholds == second.thresholds
    assert 0.0 <= report["cross_validation"]["precision"] <= 1.0


def test_min_confidence_filters_relations() -> None:
    text = "रूस ने यूक्रेन पर हमला किया। भारत के प्रधानमंत्री नरेंद्र मोदी ने जापान का दौरा किया।"
    every = kg.build(text, min_confidence=0.0)
    confident = kg.build(text, min_confidence=0.5)
    facts = {(r.subject.label, r.predicate, r.object.label) for r in confident.relations}
    assert ("Russia", "attacks", "Ukraine") in facts  # "हमला किया": the model is confident
    assert ("Narendra Modi", "visits", "Japan") in facts
    assert all(r.confidence >= 0.5 for r in confident.relations)
    assert len(confident.relations) < len(every.relations)
    sure = {(r.subject.label, r.predicate, r.object.label) for r in every.relations if r.confidence >= 0.5}
    assert sure == facts


def test_train_rel_refuses_the_test_split_and_a_missing_folder(tmp_path: Path) -> None:
    result = CliRunner().invoke(main, ["train-rel", "--split", "test"])
    assert result.exit_code != 0 and "measurement only" in result.output
    result = CliRunner().invoke(main, ["train-rel", "--texts", str(tmp_path / "absent"),
                                       "--out", str(tmp_path / "m")])
    assert result.exit_code == 1 and "does not exist" in result.output and not (tmp_path / "m").exists()


def test_train_rel_never_writes_onto_the_shipped_model_unless_forced(tmp_path: Path) -> None:
    from kg.relmodel.cli import DEFAULT_OUT, train_rel
    from kg.relmodel.model import DEFAULT_MODEL

    before = {p.name: p.read_bytes() for p in DEFAULT_MODEL.iterdir()}
    mine = tmp_path / "mine"
    mine.mkdir()
    (mine / "notes.txt").write_text("keep me", encoding="utf-8")
    for out, message in ((DEFAULT_MODEL, "this is the relation model shipped with kg"),
                         (mine, "this folder is not a relation model")):
        result = CliRunner().invoke(main, ["train-rel", "--out", str(out)])
        assert result.exit_code == 1 and message in result.output and "--force" in result.output
        assert len(result.output.strip().splitlines()) == 1 and "Traceback" not in result.output
    assert {p.name: p.read_bytes() for p in DEFAULT_MODEL.iterdir()} == before
    assert (mine / "notes.txt").read_text(encoding="utf-8") == "keep me"
    default = next(p for p in train_rel.params if p.name == "out").default
    assert default == DEFAULT_OUT and not DEFAULT_OUT.is_absolute()
