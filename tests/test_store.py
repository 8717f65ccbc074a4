"""The corpus store (issue 10): incremental updates equal a rebuild, export equals kg build,
queries agree, unchanged articles are not extracted again, busy stores and old formats are
refused, and a kg add killed at any moment leaves whole articles only."""

from __future__ import annotations

import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest
from click.testing import CliRunner

from kg.cli import main
from kg.errors import KGError
from kg.inputs import read_documents
from kg.parallel import PipelineSpec, extract_many
from kg.records import Document
from kg.store import CorpusStore

ROOT = Path(__file__).resolve().parent.parent
ARTICLES = [ROOT / "seeds", ROOT / "tests" / "gold" / "heldout"]
RULES = PipelineSpec(model=False)


def run(*args: str):  # noqa: ANN201
    return CliRunner().invoke(main, [str(a) for a in args])


@pytest.fixture(scope="module")
def documents() -> list[Document]:
    return read_documents(ARTICLES)[0]






def test_incremental_changes_equal_a_rebuild(tmp_path: Path, documents: list[Document], store_rdf) -> None:
    with CorpusStore(tmp_path / "s") as store:
        store.add(documents[:6], RULES)
        assert store_rdf.quads(store) == store_rdf.rebuilt(store)
        store.add(documents, RULES)
        assert store_rdf.quads(store) == store_rdf.rebuilt(store)
        first = documents[1]
        changed = Document(first.id, first.text + "\nरूस ने जापान पर हमला किया।", title=first.title,
                           date=first.date, path=first.path)
        assert store.add([changed], RULES)["changed"] == [first.id]
        assert store_rdf.quads(store) == store_rdf.rebuilt(store)
        assert store.remove(documents[0].id) and store.remove(documents[4].id)
        assert not store.remove("no-such-document")
        assert store_rdf.quads(store) == store_rdf.rebuilt(store)
        assert len(store.documents()) == len(documents) - 2


def test_unchanged_articles_are_not_extracted_again(tmp_path: Path, documents: list[Document]) -> None:
    seen: list[str] = []

    def counting(docs, spec, jobs=1, min_confidence=None, negated=False):  # noqa: ANN001, ANN202
        seen.extend(d.id for d in docs)
        return extract_many(docs, spec, jobs, min_confidence, negated)

    with CorpusStore(tmp_path / "s") as store:
        store.add(documents[:3], RULES, extract=counting)
        report = store.add(documents[:5], RULES, extract=counting)
    assert report["unchanged"] == [d.id for d in documents[:3]]
    assert seen == [d.id for d in documents[:3]] + [d.id for d in documents[3:5]]


def test_export_equals_kg_build_byte_for_byte(tmp_path: Path) -> None:
    assert run("build", *ARTICLES, "--out", tmp_path / "built", "--no-model", "--format", "ttl",
               "--format", "trig").exit_code == 0
    assert run("add", *ARTICLES, "--store", tmp_path / "s", "--no-model").exit_code == 0
    result = run("export", "--store", tmp_path / "s", "--out", tmp_path / "exported", "--format", "ttl",
                 "--format", "trig")
    assert result.exit_code == 0, result.output
    built = {p.name: p.read_bytes() for p in (tmp_path / "built").iterdir()}
    exported = {p.name: p.read_bytes() for p in (tmp_path / "exported").iterdir()}
    assert built == exported


def test_store_queries_agree_with_the_build(tmp_path: Path) -> None:
    assert run("add", *ARTICLES, "--store", tmp_path / "s", "--no-model").exit_code == 0
    assert run("build", *ARTICLES, "--out", tmp_path / "b", "--no-model", "--no-html").exit_code == 0
    for query in sorted((ROOT / "ontology" / "queries").glob("*.rq")):
        from_store = run("query", "--store", tmp_path / "s", "-f", query, "--format", "csv")
        from_build = run("query", tmp_path / "b", "-f", query, "--format", "csv")
        assert from_store.exit_code == 0 and from_store.output == from_build.output, query.name


def test_list_remove_and_messages(tmp_path: Path) -> None:
    store = tmp_path / "s"
    assert "no kg store here" in run("list", "--store", store).output
    assert run("add", ARTICLES[0], "--store", store, "--no-model").exit_code == 0
    listing = run("list", "--store", store).output.splitlines()
    assert listing[0].startswith("000_f11f25e23ec2aca4\t2024-06-20\t")
    result = run("remove", "nope", "--store", store)
    assert result.exit_code == 1 and "no document 'nope'" in result.output
    assert run("remove", "000_f11f25e23ec2aca4", "--store", store).exit_code == 0
    assert run("list", "--store", store).output == ""


def test_a_second_writer_is_told_the_store_is_busy(tmp_path: Path) -> None:
    with CorpusStore(tmp_path / "s"):
        with pytest.raises(KGError, match="store is busy"):
            CorpusStore(tmp_path / "s")
        result = run("add", ARTICLES[0], "--store", tmp_path / "s", "--no-model")
        assert result.exit_code == 1 and "busy" in result.output and "Traceback" not in result.output


def test_a_store_of_another_format_is_refused(tmp_path: Path) -> None:
    CorpusStore(tmp_path / "s").close()
    with sqlite3.connect(tmp_path / "s" / "records.sqlite") as db:
        db.execute("UPDATE meta SET value = '99' WHERE key = 'format'")
    with pytest.raises(KGError, match="format 99 and this kg reads format 2"):
        CorpusStore(tmp_path / "s")


def _generation(store: Path) -> int:
    try:
        with sqlite3.connect(f"file:{store / 'records.sqlite'}?mode=ro", uri=True, timeout=1) as db:
            row = db.execute("SELECT value FROM meta WHERE key = 'generation'").fetchone()
            return int(row[0]) if row else 0
    except sqlite3.Error:
        return 0


@pytest.mark.slow
def test_kill_at_any_moment_leaves_whole_articles(tmp_path: Path, documents: list[Document],
                                                  store_rdf) -> None:
    store = tmp_path / "s"
    command = [sys.executable, "-c", "from kg.cli import main; main()", "add", *map(str, ARTICLES),
               "--store", str(store), "--no-model", "--jobs", "1"]
    seen = []
    for after in (1, 4, 9, 13):  # SIGKILL as soon as this many articles are in: mid-way through the next
        proc = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        deadline = time.monotonic() + 120
        while proc.poll() is None and _generation(store) < after and time.monotonic() < deadline:
            time.sleep(0.002)
        proc.send_signal(signal.SIGKILL)
        proc.wait()
        with CorpusStore(store) as opened:  # recovers if Oxigraph got ahead of the records
            seen.append(len(opened.documents()))
            assert store_rdf.quads(opened) == store_rdf.rebuilt(opened)
            for doc_id, _, rels in opened.db.records():  # every article there has all its records
                doc = next(d for d in documents if d.id == doc_id)
                assert len(rels) == len(list(extract_many([doc], RULES))[0][1])
    assert 0 < seen[0] < len(documents)  # the kills did land part-way
    result = subprocess.run(command, capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    with CorpusStore(store) as done:
        assert len(done.documents()) == len(documents) and store_rdf.quads(done) == store_rdf.rebuilt(done)


def test_crash_between_the_two_commits_is_repaired(tmp_path: Path, documents: list[Document], store_rdf,
                                                   monkeypatch: pytest.MonkeyPatch) -> None:
    from kg.store import db as records_db

    with CorpusStore(tmp_path / "s") as store:
        store.add(documents[:2], RULES)
    original = records_db.RecordsDB.set_meta

    def crash(self, key, value):  # noqa: ANN001, ANN202 - dies after the RDF was committed
        if key == "generation":
            raise KeyboardInterrupt
        return original(self, key, value)

    monkeypatch.setattr(records_db.RecordsDB, "set_meta", crash)
    with CorpusStore(tmp_path / "s") as store, pytest.raises(KeyboardInterrupt):
        store.add(documents[2:3], RULES)
    monkeypatch.undo()
    with CorpusStore(tmp_path / "s") as store:  # the RDF was one article ahead: rebuilt from the records
        assert [d["id"] for d in store.documents()] == sorted(d.id for d in documents[:2])
        assert store_rdf.quads(store) == store_rdf.rebuilt(store)


@pytest.mark.slow
def test_dask_local_cluster_gives_the_local_result(tmp_path: Path, documents: list[Document]) -> None:
    distributed = pytest.importorskip("distributed")
    from kg.distributed import dask_extractor

    with distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True,
                                  dashboard_address=None, host="127.0.0.1") as cluster, \
            distributed.Client(cluster) as client, CorpusStore(tmp_path / "dask") as remote:
        remote.add(documents, RULES, extract=dask_extractor(client))
        remote_records = remote.knowledge_graph().to_records()
    with CorpusStore(tmp_path / "local") as local:
        local.add(documents, RULES)
        assert local.knowledge_graph().to_records() == remote_records


def _free_port() -> int:
    import socket

    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@pytest.fixture
def oxigraph_server(tmp_path: Path):  # noqa: ANN201
    """A real Oxigraph server (the `oxigraph` command from PyPI) on a loopback port."""
    import shutil
    import urllib.request

    exe = shutil.which("oxigraph") or str(Path(sys.executable).parent / "oxigraph")
    if not Path(exe).exists():
        pytest.skip("the oxigraph command is not installed (pip install oxigraph)")
    port = _free_port()
    command = [exe, "serve", "--location", str(tmp_path / "oxi"), "--bind", f"127.0.0.1:{port}"]
    proc = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    base = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 30
    while True:
        try:
            urllib.request.urlopen(f"{base}/query?query=ASK%7B%7D", timeout=1).close()
            break
        except OSError:
            if time.monotonic() > deadline or proc.poll() is not None:
                proc.kill()
                pytest.fail("oxigraph server did not start")
            time.sleep(0.1)
    yield base
    proc.terminate()
    proc.wait(timeout=10)


def _remote_csv(base: str, query: str) -> str:
    import urllib.parse
    import urllib.request

    from kg.rdf.namespace import PREFIXES

    prologue = "".join(f"PREFIX {p}: <{ns}>\n" for p, ns in PREFIXES.items())
    url = f"{base}/query?" + urllib.parse.urlencode({"query": prologue + query})
    request = urllib.request.Request(url, headers={"Accept": "text/csv"})
    with urllib.request.urlopen(request, timeout=30) as response:
        return response.read().decode("utf-8")


def test_push_to_a_real_sparql_store(tmp_path: Path, oxigraph_server: str) -> None:
    store = tmp_path / "s"
    assert run("add", *ARTICLES, "--store", store, "--no-model").exit_code == 0
    result = run("push", "--store", store, "--endpoint", f"{oxigraph_server}/store")
    assert result.exit_code == 0, result.output
    assert "17 document graph(s) sent" in result.output
    queries = ["SELECT ?s ?o WHERE { ?s kg:visits ?o } ORDER BY ?s ?o",
               "SELECT (COUNT(*) AS ?n) WHERE { ?st a kg:RelationStatement }",
               "SELECT ?g (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?st kg:evidence ?ev } } "
               "GROUP BY ?g ORDER BY ?g"]
    for query in queries:
        local = run("query", "--store", store, query, "--format", "csv").output
        assert _remote_csv(oxigraph_server, query).split() == local.split(), query
    # pushing again sends no document graph; a removed article's graph is deleted
    again = run("push", "--store", store, "--endpoint", f"{oxigraph_server}/store")
    assert "0 document graph(s) sent" in again.output
    assert run("remove", "ho_001_ukraine", "--store", store).exit_code == 0
    result = run("push", "--store", store, "--endpoint", f"{oxigraph_server}/store")
    assert "1 deleted" in result.output
    graphs = _remote_csv(oxigraph_server, "SELECT DISTINCT ?g WHERE { GRAPH ?g { ?s ?p ?o } }")
    assert "ho_001_ukraine" not in graphs and "ho_002_india_politics" in graphs
    bad = run("push", "--store", store, "--endpoint", "http://127.0.0.1:9/store")
    assert bad.exit_code == 1 and "could not publish" in bad.output and "Traceback" not in bad.output


def test_serve_a_store(tmp_path: Path) -> None:
    import json
    import urllib.parse
    import urllib.request

    store = tmp_path / "s"
    assert run("add", ARTICLES[0], "--store", store, "--no-model").exit_code == 0
    port = _free_port()
    command = [sys.executable, "-c", "from kg.cli import main; main()", "serve", "--store", str(store),
               "--port", str(port)]
    proc = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        query = urllib.parse.quote("SELECT ?o WHERE { ent:Q7747 kg:visits ?o } ORDER BY ?o")
        deadline = time.monotonic() + 60
        while True:
            try:
                with urllib.request.urlopen(f"http://127.0.0.1:{port}/sparql?query={query}", timeout=2) as r:
                    rows = json.loads(r.read())["results"]["bindings"]
                break
            except OSError:
                if time.monotonic() > deadline or proc.poll() is not None:
                    pytest.fail("kg serve --store did not answer")
                time.sleep(0.2)
        assert {row["o"]["value"].rsplit("/", 1)[1] for row in rows} >= {"Q881"}  # Putin visits Vietnam
        busy = run("add", ARTICLES[1], "--store", store, "--no-model")  # the server holds the store
        assert busy.exit_code == 1 and "busy" in busy.output
    finally:
        proc.terminate()
        proc.wait(timeout=10)
