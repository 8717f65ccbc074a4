"""Scoring of NER predictions and the ``kg eval-ner`` command."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from kg.ner import MODEL_DIR
from kg.ner.cli import eval_ner
from kg.ner.evaluate import PRF, score_spans

needs_model = pytest.mark.skipif(not (MODEL_DIR / "config.cfg").is_file(), reason="no shipped model")

# Written for these tests (not HiNER sentences).
SLICE = (
    "सोमवार\tB-TIMEX\nको\tO\nसुनीता\tB-PERSON\nवर्मा\tI-PERSON\nजयपुर\tB-LOCATION\nपहुंचीं\tO\n।\tO\n"
    "\n"
    "भारतीय\tB-ORGANIZATION\nरिज़र्व\tI-ORGANIZATION\nबैंक\tI-ORGANIZATION\nने\tO\nमुंबई\tB-LOCATION\n"
    "में\tO\nबैठक\tO\nकी\tO\n।\tO\n"
)


def test_prf_arithmetic() -> None:
    counts = PRF(tp=3, fp=1, fn=2)
    assert counts.precision == pytest.approx(0.75)
    assert counts.recall == pytest.approx(0.6)
    assert counts.f1 == pytest.approx(2 * 0.75 * 0.6 / 1.35)
    assert PRF().f1 == 0.0


def test_score_spans_exact_and_token_level() -> None:
    gold = [[(0, 2, "Person"), (3, 4, "Location")]]
    pred = [[(0, 2, "Person"), (3, 4, "Organization"), (5, 6, "Location")]]
    scores = score_spans(gold, pred, [6])
    assert (scores.span["Person"].tp, scores.span["Person"].fp, scores.span["Person"].fn) == (1, 0, 0)
    assert (scores.span["Location"].tp, scores.span["Location"].fp, scores.span["Location"].fn) == (0, 1, 1)
    assert scores.span["Organization"].fp == 1
    micro = scores.micro("span")
    assert (micro.tp, micro.fp, micro.fn) == (1, 2, 1)
    assert scores.token["Person"].tp == 2
    assert scores.micro("token", ["Person"]).f1 == 1.0


@needs_model
def test_eval_ner_command(tmp_path: Path) -> None:
    conll = tmp_path / "slice.conll"
    conll.write_text(SLICE, encoding="utf-8")
    result = CliRunner().invoke(eval_ner, [str(conll)])
    assert result.exit_code == 0, result.output
    assert "2 sentences, 16 tokens" in result.output
    for label in ("Person", "Organization", "Location", "micro Per/Org/Loc", "micro (all)"):
        assert label in result.output
    result = CliRunner().invoke(eval_ner, [str(conll), "--json"])
    data = json.loads(result.output)
    assert data["span"]["Person"]["support"] == 1
    assert 0.0 <= data["micro_target"]["f"] <= 1.0


def test_eval_ner_reports_bad_input(tmp_path: Path) -> None:
    result = CliRunner().invoke(eval_ner, [str(tmp_path / "nope.conll")])
    assert result.exit_code != 0
    assert "no such file" in result.output
    assert "Traceback" not in result.output
    bad = tmp_path / "bad.conll"
    bad.write_text("x\tB-ALIEN\n", encoding="utf-8")
    result = CliRunner().invoke(eval_ner, [str(bad)])
    assert result.exit_code != 0 and "line 1" in result.output
    result = CliRunner().invoke(eval_ner, [str(bad), "--model", str(tmp_path)])
    assert result.exit_code != 0
