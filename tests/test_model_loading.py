"""A shipped model that cannot be loaded is left out with a warning, never silently.

Each test works on a damaged copy of a shipped model folder (truncated weights, garbage
config, missing files) that the package is pointed at for the test.
"""

from __future__ import annotations

import logging
import shutil
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from click.testing import CliRunner

import kg.ner
import kg.relmodel.model as relmodel
from kg.errors import KGError
from kg.ner.component import load_ner
from kg.nlp import pipeline
from kg.nlp.pipeline import make_nlp, model_warnings

TEXT = "भारत के प्रधानमंत्री नरेंद्र मोदी ने जापान का दौरा किया।"
SEEDS = Path(__file__).resolve().parent.parent / "seeds"


def _truncate(path: Path) -> None:
    path.write_bytes(path.read_bytes()[:1000])


NER_DAMAGE: dict[str, Callable[[Path], None]] = {
    "truncated weights": lambda d: _truncate(d / "ner" / "model"),
    "garbage config": lambda d: (d / "config.cfg").write_text("[[[ not a config\n", encoding="utf-8"),
    "no vocabulary": lambda d: (d / "vocab" / "strings.json").unlink(),
}
REL_DAMAGE: dict[str, Callable[[Path], None]] = {
    "truncated weights": lambda d: _truncate(d / "weights.npy"),
    "garbage model.json": lambda d: (d / "model.json").write_text("{not json", encoding="utf-8"),
    "no features": lambda d: (d / "features.txt").unlink(),
}


@pytest.fixture
def fresh(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """No model loaded or noted yet in this process, as in a new ``kg build``."""
    monkeypatch.setattr(pipeline, "_PROBLEMS", {})
    kg.ner._load.cache_clear()
    pipeline.get_nlp.cache_clear()
    yield
    kg.ner._load.cache_clear()
    pipeline.get_nlp.cache_clear()


def _damaged(tmp_path: Path, source: Path, damage: Callable[[Path], None]) -> Path:
    folder = tmp_path / source.name
    shutil.copytree(source, folder)
    damage(folder)
    return folder


def _warnings(caplog: pytest.LogCaptureFixture) -> list[str]:
    return [r.getMessage() for r in caplog.records
            if r.name.startswith("kg.") and r.levelno == logging.WARNING]


@pytest.mark.parametrize("damage", sorted(NER_DAMAGE))
def test_damaged_ner_model_is_left_out_with_a_warning(damage: str, tmp_path: Path, fresh: None,
                                                      monkeypatch: pytest.MonkeyPatch,
                                                      caplog: pytest.LogCaptureFixture) -> None:
    folder = _damaged(tmp_path, kg.ner.MODEL_DIR, NER_DAMAGE[damage])
    monkeypatch.setattr(kg.ner, "MODEL_DIR", folder)
    with caplog.at_level(logging.WARNING, logger="kg"):
        nlp = make_nlp(relation_model=False)
        again = make_nlp(relation_model=False)
    assert "kg_ner_model" not in nlp.pipe_names and "kg_ner_model" not in again.pipe_names
    assert nlp.pipe_names == list(pipeline.COMPONENTS)  # the rules still run
    logged = _warnings(caplog)
    assert len(logged) == 1, logged  # logged once per process, not once per pipeline
    assert logged[0].startswith("the NER model is left out: ") and str(folder) in logged[0]
    assert "\n" not in logged[0]
    assert model_warnings(relation_model=False) == logged
    assert model_warnings(model=False) == []
    doc = nlp(TEXT)
    assert {e.label for e in doc._.kg_entities.values()} >= {"Narendra Modi", "Japan"}


@pytest.mark.parametrize("damage", sorted(REL_DAMAGE))
def test_damaged_relation_model_is_left_out_with_a_warning(damage: str, tmp_path: Path, fresh: None,
                                                           monkeypatch: pytest.MonkeyPatch,
                                                           caplog: pytest.LogCaptureFixture) -> None:
    folder = _damaged(tmp_path, relmodel.DEFAULT_MODEL, REL_DAMAGE[damage])
    monkeypatch.setattr(relmodel, "DEFAULT_MODEL", folder)
    with caplog.at_level(logging.WARNING, logger="kg"):
        nlp = make_nlp(model=False, relation_model=True)
    assert "kg_relation_model" not in nlp.pipe_names
    logged = _warnings(caplog)
    assert len(logged) == 1 and logged[0].startswith("the relation model is left out: ")
    assert str(folder) in logged[0] and "\n" not in logged[0]
    assert model_warnings(model=False, relation_model=True) == logged
    assert model_warnings(model=False) == []  # the default without models uses none


def test_model_warnings_checks_before_any_pipeline_is_built(tmp_path: Path, fresh: None,
                                                           monkeypatch: pytest.MonkeyPatch,
                                                           caplog: pytest.LogCaptureFixture) -> None:
    """What ``kg build`` asks before starting worker processes (which load their own models)."""
    monkeypatch.setattr(kg.ner, "MODEL_DIR", tmp_path / "missing")
    with caplog.at_level(logging.WARNING, logger="kg"):
        found = model_warnings()
    assert found == [f"the NER model is left out: {tmp_path / 'missing'}: no trained NER model found "
                     "(train one with 'kg train-ner')"]
    assert _warnings(caplog) == found


def test_shipped_models_load_without_warnings(fresh: None) -> None:
    assert model_warnings() == []
    nlp = make_nlp()
    assert {"kg_ner_model", "kg_relation_model"} <= set(nlp.pipe_names)
    assert model_warnings() == []


def test_a_model_asked_for_by_path_fails_loudly(tmp_path: Path, fresh: None) -> None:
    folder = _damaged(tmp_path, kg.ner.MODEL_DIR, NER_DAMAGE["truncated weights"])
    with pytest.raises(KGError, match=r"hi_ner: not a usable NER model \(ValueError: "):
        load_ner(folder)
    with pytest.raises(KGError, match="no relation model could be read"):
        make_nlp(model=False, relation_model=str(tmp_path / "nowhere"))


def test_eval_ner_reports_a_damaged_model_on_one_line(tmp_path: Path, fresh: None) -> None:
    from kg.ner.cli import eval_ner

    folder = _damaged(tmp_path, kg.ner.MODEL_DIR, NER_DAMAGE["garbage config"])
    conll = tmp_path / "gold.conll"
    conll.write_text("मोदी\tB-PERSON\nबोले\tO\n", encoding="utf-8")
    result = CliRunner().invoke(eval_ner, [str(conll), "--model", str(folder)])
    assert result.exit_code == 1
    assert result.output.count("\n") == 1 and "not a usable NER model" in result.output
    assert "Traceback" not in result.output


def test_build_prints_one_warning_line_for_a_damaged_model(tmp_path: Path, fresh: None,
                                                          monkeypatch: pytest.MonkeyPatch) -> None:
    from kg.cli import main

    folder = _damaged(tmp_path, kg.ner.MODEL_DIR, NER_DAMAGE["truncated weights"])
    monkeypatch.setattr(kg.ner, "MODEL_DIR", folder)
    result = CliRunner().invoke(main, ["build", str(SEEDS), "--out", str(tmp_path / "out"), "--jobs", "1"])
    assert result.exit_code == 0, result.output
    lines = [line for line in result.stderr.splitlines() if "the NER model is left out" in line]
    assert len(lines) == 1 and str(folder) in lines[0]
