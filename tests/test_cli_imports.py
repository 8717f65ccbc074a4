"""Commands that do not extract start without importing spaCy (issue 10: `kg --help` took 0.66 s)."""

from __future__ import annotations

import subprocess
import sys
import textwrap
from pathlib import Path

from kg.rdf.sample import sample_graph


def _modules_after(args: list[str]) -> set[str]:
    code = textwrap.dedent(f"""
        import sys
        from click.testing import CliRunner
        from kg.cli import main
        result = CliRunner().invoke(main, {args!r})
        assert result.exit_code == 0, result.output
        print(" ".join(sorted(m for m in sys.modules if m.split(".")[0] in {{"spacy", "thinc", "torch"}})))
    """)
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    return set(out.stdout.split())


def test_help_does_not_import_spacy() -> None:
    assert _modules_after(["--help"]) == set()
    assert _modules_after(["build", "--help"]) == set()


def test_query_of_a_graph_file_does_not_import_spacy(tmp_path: Path) -> None:
    sample_graph().save(tmp_path, html=False)
    query = "SELECT ?s WHERE { ?s a kg:Person } LIMIT 1"
    assert _modules_after(["query", str(tmp_path / "graph.ttl"), query]) == set()
