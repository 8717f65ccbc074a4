"""`kg serve`: the SPARQL 1.1 Protocol endpoint, queried with SPARQLWrapper and urllib on loopback."""

from __future__ import annotations

import csv
import io
import json
import socket
import threading
import urllib.error
import urllib.parse
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pytest
from SPARQLWrapper import CSV, JSON, JSONLD, POST, TSV, TURTLE, XML, SPARQLWrapper
from SPARQLWrapper.SPARQLExceptions import QueryBadFormed

from kg.rdf import open_store, to_rdf
from kg.rdf.sample import sample_graph
from kg.rdf.server import SparqlServer, make_server

VISITS = """PREFIX kg: <https://w3id.org/kg-hindi/ontology#>
PREFIX ent: <https://w3id.org/kg-hindi/entity/>
SELECT ?o WHERE { ent:Q7747 kg:visits ?o }"""


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[SparqlServer]:
    page = tmp_path_factory.mktemp("site") / "graph.html"
    page.write_text("<html><body>viewer</body></html>", encoding="utf-8")
    # no host given: the default, loopback, is what test_listens_on_loopback_only_by_default checks
    srv = make_server(open_store(to_rdf(sample_graph())), port=0, timeout=5, max_rows=50, html=page,
                      workers=2, quiet=True)  # fmt: skip
    thread = threading.Thread(target=srv.serve_forever, daemon=True)
    thread.start()
    yield srv
    srv.shutdown()
    srv.server_close()
    thread.join(5)


def endpoint(srv: SparqlServer) -> str:
    return srv.url + "sparql"


def wrapper(srv: SparqlServer, query: str, fmt: str, method: str | None = None) -> SPARQLWrapper:
    sw = SPARQLWrapper(endpoint(srv))
    sw.setQuery(query)
    sw.setReturnFormat(fmt)
    if method:
        sw.setMethod(method)
    return sw


def request(
    url: str, data: bytes | None = None, headers: dict[str, str] | None = None
) -> tuple[int, dict, bytes]:
    req = urllib.request.Request(url, data=data, headers=headers or {})
    try:
        with urllib.request.urlopen(req, timeout=10) as resp:
            return resp.status, dict(resp.headers), resp.read()
    except urllib.error.HTTPError as exc:
        return exc.code, dict(exc.headers), exc.read()


def _other_address() -> str | None:
    """An address of this machine that is not loopback (a UDP "connect" sends nothing)."""
    with socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as probe:
        try:
            probe.connect(("10.255.255.255", 1))
        except OSError:
            return None
        address = probe.getsockname()[0]
    return None if address.startswith("127.") or address == "0.0.0.0" else address


def test_listens_on_loopback_only_by_default(server: SparqlServer) -> None:
    """The fixture gives no host: the endpoint answers on 127.0.0.1, not on the machine's network address."""
    other = _other_address()
    if other is None:
        pytest.skip("this machine has no address besides loopback")
    assert request(server.url)[0] == 200
    with pytest.raises(ConnectionRefusedError):
        socket.create_connection((other, server.server_address[1]), timeout=10).close()


@pytest.mark.parametrize("method", [None, POST])
def test_select_json(server: SparqlServer, method: str | None) -> None:
    data = wrapper(server, VISITS, JSON, method).query().convert()
    assert [b["o"]["value"] for b in data["results"]["bindings"]] == ["https://w3id.org/kg-hindi/entity/Q881"]


def test_select_xml_csv_tsv(server: SparqlServer) -> None:
    doc = wrapper(server, VISITS, XML).query().convert()
    assert doc.getElementsByTagName("uri")[0].firstChild.data == "https://w3id.org/kg-hindi/entity/Q881"
    rows = list(csv.reader(io.StringIO(wrapper(server, VISITS, CSV).query().convert().decode())))
    assert rows == [["o"], ["https://w3id.org/kg-hindi/entity/Q881"]]
    tsv = wrapper(server, VISITS, TSV).query().convert().decode()
    assert tsv == "?o\n<https://w3id.org/kg-hindi/entity/Q881>\n"


def test_ask(server: SparqlServer) -> None:
    assert wrapper(server, "ASK { ent:Q47488 kg:issuesArrestWarrantFor ent:Q7747 }", JSON).query().convert()[
        "boolean"] is True  # fmt: skip


def test_construct_turtle_and_jsonld(server: SparqlServer) -> None:
    q = "CONSTRUCT { ?s kg:visits ?o } WHERE { ?s kg:visits ?o }"
    graph = wrapper(server, q, TURTLE).query().convert()
    assert b"ent:Q7747 kg:visits ent:Q881" in graph
    data = wrapper(server, q, JSONLD).query().convert()
    assert len(data) == 1  # rdflib graph parsed from JSON-LD


def test_describe(server: SparqlServer) -> None:
    status, headers, body = request(endpoint(server) + "?query=" + urllib.parse.quote("DESCRIBE ent:Q881"),
                                    headers={"Accept": "application/ld+json"})  # fmt: skip
    assert status == 200 and headers["Content-Type"] == "application/ld+json"
    assert any(node.get("@id") == "https://w3id.org/kg-hindi/entity/Q881" for node in json.loads(body))


def test_post_direct_body(server: SparqlServer) -> None:
    status, headers, body = request(endpoint(server), VISITS.encode(), {
        "Content-Type": "application/sparql-query", "Accept": "text/csv"})  # fmt: skip
    assert status == 200 and headers["Content-Type"].startswith("text/csv") and b"Q881" in body


def test_update_is_refused(server: SparqlServer) -> None:
    update = "INSERT DATA { <http://a> <http://b> <http://c> }"
    status, _, body = request(endpoint(server), urllib.parse.urlencode({"update": update}).encode(),
                              {"Content-Type": "application/x-www-form-urlencoded"})  # fmt: skip
    assert status == 403 and b"read-only" in body
    status, _, body = request(
        endpoint(server), update.encode(), {"Content-Type": "application/sparql-update"}
    )
    assert status == 403 and b"read-only" in body
    status, _, body = request(endpoint(server) + "?query=" + urllib.parse.quote(update))
    assert status == 403 and b"SPARQL Update is not allowed" in body
    assert wrapper(server, "ASK { <http://a> ?p ?o }", JSON).query().convert()["boolean"] is False


def test_bad_query(server: SparqlServer) -> None:
    with pytest.raises(QueryBadFormed):
        wrapper(server, "SELECT ?x WHERE {", JSON).query()
    assert request(endpoint(server))[0] == 400


def test_not_acceptable_and_not_found(server: SparqlServer) -> None:
    url = endpoint(server) + "?query=" + urllib.parse.quote(VISITS)
    assert request(url, headers={"Accept": "image/png"})[0] == 406
    assert request(server.url + "nope")[0] == 404


def test_result_cap(server: SparqlServer) -> None:
    url = endpoint(server) + "?query=" + urllib.parse.quote("SELECT * WHERE { ?s ?p ?o }")
    status, headers, body = request(url, headers={"Accept": "application/sparql-results+json"})
    assert status == 200 and headers.get("X-KG-Truncated") == "true"
    assert len(json.loads(body)["results"]["bindings"]) == 50


def test_viewer_page(server: SparqlServer) -> None:
    status, headers, body = request(server.url)
    assert status == 200 and headers["Content-Type"].startswith("text/html") and b"viewer" in body


def test_help_page_and_timeout(tmp_path: Path) -> None:
    import pyoxigraph as ox

    store = ox.Store()
    store.extend(ox.Quad(ox.NamedNode(f"http://e/{i}"), ox.NamedNode("http://e/p"), ox.Literal(str(i)),
                         ox.DefaultGraph()) for i in range(250))  # fmt: skip
    srv = make_server(store, "127.0.0.1", 0, timeout=0.2, quiet=True)
    thread = threading.Thread(target=srv.serve_forever, daemon=True)
    thread.start()
    try:
        status, _, body = request(srv.url)
        assert status == 200 and b"/sparql" in body and b"250 triples" in body
        slow = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i }"
        status, _, body = request(endpoint(srv) + "?query=" + urllib.parse.quote(slow))
        assert status == 503 and b"stopped after 0.2 s" in body
    finally:
        srv.shutdown()
        srv.server_close()


def test_port_in_use(server: SparqlServer) -> None:
    from kg.errors import KGError

    with pytest.raises(KGError, match="cannot listen on 127.0.0.1"):
        make_server(open_store(), "127.0.0.1", server.server_address[1])


def test_cli_serve_subprocess(tmp_path: Path) -> None:
    import re
    import subprocess
    import sys

    from kg.rdf import serialize

    serialize(to_rdf(sample_graph()), tmp_path / "graph.trig")
    proc = subprocess.Popen(
        [sys.executable, "-c", "from kg.cli import main; main()", "serve", str(tmp_path), "--port", "0"],
        stderr=subprocess.PIPE, text=True,
    )  # fmt: skip
    try:
        line = proc.stderr.readline()
        match = re.search(r"(http://127\.0\.0\.1:\d+/)sparql", line)
        assert match, line
        sw = SPARQLWrapper(match.group(1) + "sparql")
        sw.setQuery(VISITS)
        sw.setReturnFormat(JSON)
        assert sw.query().convert()["results"]["bindings"][0]["o"]["value"].endswith("/Q881")
    finally:
        proc.terminate()
        proc.wait(10)
        proc.stderr.close()


def test_post_limits(server: SparqlServer) -> None:
    from kg.rdf.server import MAX_BODY

    status, _, body = request(
        endpoint(server), b"x" * (MAX_BODY + 1), {"Content-Type": "application/sparql-query"}
    )
    assert status == 413
    status, _, body = request(endpoint(server), b"<x/>", {"Content-Type": "application/xml"})
    assert status == 415 and b"unsupported Content-Type" in body
    assert request(server.url + "other", b"query=ASK{}")[0] == 404


def test_concurrent_queries(server: SparqlServer) -> None:
    from concurrent.futures import ThreadPoolExecutor

    url = endpoint(server) + "?query=" + urllib.parse.quote(VISITS)
    with ThreadPoolExecutor(8) as pool:
        statuses = list(pool.map(lambda _: request(url, headers={"Accept": "text/csv"})[0], range(16)))
    assert statuses == [200] * 16


def test_default_graph_uri(server: SparqlServer) -> None:
    ask = urllib.parse.quote("ASK { ent:Q7747 kg:visits ent:Q881 }")
    graph = urllib.parse.quote("https://w3id.org/kg-hindi/graph/000_f11f25e23ec2aca4")
    url = f"{endpoint(server)}?query={ask}&default-graph-uri="
    assert json.loads(request(url + graph)[2])["boolean"] is True
    assert json.loads(request(url + urllib.parse.quote("https://example.org/none"))[2])["boolean"] is False
