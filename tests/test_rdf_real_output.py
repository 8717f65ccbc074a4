"""The RDF layer on real `kg build` output of the seed article (needs the extractor)."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from kg.cli import main
from kg.rdf import run_query, validate
from kg.rdf.io import ontology_path

SEEDS = Path(__file__).resolve().parents[1] / "seeds"
pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def out_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    if not any(SEEDS.glob("*.txt")):
        pytest.skip("no seed articles")
    out = tmp_path_factory.mktemp("build")
    result = CliRunner().invoke(
        main, ["build", str(SEEDS), "--out", str(out), "--format", "trig", "--no-html"]
    )
    assert result.exit_code == 0, result.output
    return out


def answers(out_dir: Path, name: str) -> list[dict[str, str]]:
    result = run_query(out_dir, (ontology_path("queries") / f"{name}.rq").read_text(encoding="utf-8"))
    return [{str(v): str(row[str(v)]) for v in result.vars if row[str(v)] is not None} for row in result]


def test_real_output_conforms(out_dir: Path) -> None:
    ok, report = validate(out_dir)
    assert ok, report


def test_real_output_answers(out_dir: Path) -> None:
    visits = {(r.get("visitorLabel"), r.get("placeLabel")) for r in answers(out_dir, "visits")}
    assert ("Vladimir Putin", "Vietnam") in visits
    warrants = {(r.get("issuerLabel"), r.get("targetLabel")) for r in answers(out_dir, "warrants")}
    assert ("International Criminal Court", "Vladimir Putin") in warrants
    parties = {(r.get("partyLabel"), r.get("otherPartyLabel")) for r in answers(out_dir, "agreements")}
    assert parties & {("Vladimir Putin", "Kim Jong Un"), ("Russia", "North Korea")}
    for name in ("entity", "modality", "no_wikidata"):
        assert answers(out_dir, name)
