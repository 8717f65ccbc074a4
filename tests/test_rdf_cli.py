"""`kg query` (and the help of the RDF commands) through click's CliRunner."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from kg.cli import main
from kg.rdf import serialize, to_rdf
from kg.rdf.io import ontology_path
from kg.rdf.sample import sample_graph

VISITS = str(ontology_path("queries") / "visits.rq")


@pytest.fixture(scope="module")
def out_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("out")
    serialize(to_rdf(sample_graph()), out / "graph.trig")
    return out


@pytest.fixture(scope="module")
def records_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("records")
    for name, rows in sample_graph().to_records().items():
        text = "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows)
        (out / f"{name}.jsonl").write_text(text, encoding="utf-8")
    return out


def run(*args: str) -> object:
    return CliRunner().invoke(main, list(args))


def test_table(out_dir: Path) -> None:
    result = run("query", str(out_dir), "-f", VISITS)
    assert result.exit_code == 0, result.output
    lines = result.output.splitlines()
    assert lines[0].split()[:4] == ["visitor", "visitorLabel", "place", "placeLabel"]
    assert "ent:Q7747" in lines[2] and "2017" in lines[2] and "2024-06-20" in lines[3]


def test_csv_tsv_json(out_dir: Path) -> None:
    got = run("query", str(out_dir), "-f", VISITS, "--format", "csv")
    table = list(csv.reader(io.StringIO(got.output)))
    assert table[0][:2] == ["visitor", "visitorLabel"] and table[1][:2] == [
        "https://w3id.org/kg-hindi/entity/Q7747", "Vladimir Putin"]  # fmt: skip
    tsv = run("query", str(out_dir), "-f", VISITS, "--format", "tsv").output.splitlines()
    assert (
        tsv[0].startswith("?visitor\t?visitorLabel")
        and '"2017"^^<http://www.w3.org/2001/XMLSchema#gYear>' in tsv[1]
    )
    data = json.loads(run("query", str(out_dir), "-f", VISITS, "--format", "json").output)
    assert data["head"]["vars"][0] == "visitor"
    xsd_date = "http://www.w3.org/2001/XMLSchema#date"
    assert data["results"]["bindings"][1]["time"] == {
        "type": "literal",
        "value": "2024-06-20",
        "datatype": xsd_date,
    }


def test_inline_query_ask_and_construct(out_dir: Path) -> None:
    assert run("query", str(out_dir), "ASK { ent:Q7747 kg:visits ent:Q881 }").output == "yes\n"
    result = run(
        "query", str(out_dir / "graph.trig"), "CONSTRUCT { ?s kg:visits ?o } WHERE { ?s kg:visits ?o }"
    )
    assert result.exit_code == 0 and "ent:Q7747 kg:visits ent:Q881" in result.output


def test_query_file_as_argument_and_records_dir(records_dir: Path) -> None:
    result = run("query", str(records_dir), VISITS, "--format", "csv")
    assert result.exit_code == 0 and result.output.count("Vladimir Putin") == 2


def test_max_rows(out_dir: Path) -> None:
    result = run("query", str(out_dir), "SELECT * WHERE { ?s ?p ?o }", "--max-rows", "3", "--format", "csv")
    assert result.exit_code == 0 and len(result.stdout.strip().splitlines()) == 4
    assert "warning: stopped at 3 rows" in result.stderr


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["/no/such/dir", "ASK {}"], "/no/such/dir: no such file or directory"),
        (["{out}", "SELECT ?x WHERE {"], "SPARQL query could not be parsed"),
        (["{out}", "-f", "/no/q.rq"], "/no/q.rq: no such file or directory"),
        (["{out}", "INSERT DATA { <a> <b> <c> }"], "SPARQL Update is not allowed"),
        (["{bad}", "ASK {}"], "not a valid ttl graph"),
        (["{empty}", "ASK {}"], "no graph found"),
        (
            ["{out}", "CONSTRUCT WHERE { ?s ?p ?o }", "--format", "csv"],
            "does not fit a CONSTRUCT/DESCRIBE query",
        ),
    ],
)
def test_errors_are_one_line(out_dir: Path, tmp_path: Path, args: list[str], message: str) -> None:
    (tmp_path / "bad.ttl").write_text("<a> <b> .", encoding="utf-8")
    (tmp_path / "empty").mkdir()
    fields = {"out": str(out_dir), "bad": str(tmp_path / "bad.ttl"), "empty": str(tmp_path / "empty")}
    result = run("query", *[fields.get(a.strip("{}"), a) if a.startswith("{") and a.endswith("}") else a
                            for a in args])  # fmt: skip
    assert result.exit_code != 0
    assert message in result.output and len(result.output.strip().splitlines()) == 1
    assert "Traceback" not in result.output


def test_usage_errors(out_dir: Path) -> None:
    assert run("query", str(out_dir)).exit_code == 2
    assert run("query", str(out_dir), "ASK {}", "-f", VISITS).exit_code == 2


@pytest.mark.parametrize(("command", "example"), [("query", "kg query output/"), ("validate", "kg validate"),
                                                  ("serve", "kg serve output/")])  # fmt: skip
def test_help_shows_an_example(command: str, example: str) -> None:
    result = run(command, "--help")
    assert result.exit_code == 0 and example in result.output


@pytest.mark.parametrize("fmt", ["ttl", "trig", "jsonld", "nt", "nq"])
def test_query_every_file_format(tmp_path: Path, fmt: str) -> None:
    path = serialize(to_rdf(sample_graph()), tmp_path / f"graph.{fmt}")
    result = run("query", str(path), "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }", "--format", "csv")
    assert result.exit_code == 0 and result.stdout.split() == ["n", "318"]
