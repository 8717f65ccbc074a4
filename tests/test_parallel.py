"""Extraction in worker processes gives exactly what one process gives (issue 10: --jobs N)."""

from __future__ import annotations

from pathlib import Path

from click.testing import CliRunner

from kg.api import build_documents
from kg.cli import main
from kg.inputs import read_documents
from kg.parallel import PipelineSpec

ROOT = Path(__file__).resolve().parent.parent
ARTICLES = [ROOT / "seeds", ROOT / "tests" / "gold" / "heldout"]


def test_records_do_not_depend_on_jobs() -> None:
    documents, _ = read_documents(ARTICLES)
    one = build_documents(documents, PipelineSpec(model=False), jobs=1).to_records()
    two = build_documents(documents, PipelineSpec(model=False), jobs=2).to_records()
    assert one == two and len(one["triples"]) > 50


def test_build_files_are_byte_identical_whatever_the_jobs(tmp_path: Path) -> None:
    outputs = []
    for jobs in ("1", "2"):
        out = tmp_path / jobs
        result = CliRunner().invoke(main, ["build", *map(str, ARTICLES), "--out", str(out), "--no-model",
                                           "--jobs", jobs, "--format", "ttl", "--format", "nq"])
        assert result.exit_code == 0, result.output
        outputs.append({p.name: p.read_bytes() for p in sorted(out.iterdir())})
    assert outputs[0] == outputs[1] and "graph.nq" in outputs[0]
