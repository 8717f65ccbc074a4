"""Hypothesis over the whole pipeline and every writer, with hostile text.

Each example is an article made of Hindi sentences naming known entities, Devanagari soup,
random Unicode, HTML and JavaScript, NUL, U+FFFF, U+2028, long tokens and the like, written
to a file in one of several encodings (or given to the API directly). Reading it either
fails with a :class:`~kg.errors.KGError` or gives a document; the pipeline (statistical NER
and relation model included) never raises; every offset is exact (``text[start:end]`` is the
mention or the evidence); and every writer's output parses: JSON Lines with :mod:`json`,
Turtle / N-Triples with rdflib, TriG / N-Quads with pyoxigraph, JSON-LD with :mod:`json`,
GraphML with networkx and the viewer with :mod:`html.parser` (its graph data with
:mod:`json`).

Profiles: ``kg-fuzz`` (the default, 40 examples) and ``kg-fuzz-slow`` (1,000 examples;
``KG_FUZZ=slow``, and in CI, where ``CI=true``); the records-only writer test takes a third
of that (at least 40).
"""

from __future__ import annotations

import io
import json
import os
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

import networkx as nx
import pyoxigraph as ox
import pytest
from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st
from rdflib import Graph

from kg.api import build_documents
from kg.errors import KGError
from kg.graph import KnowledgeGraph
from kg.inputs import document_from_text, read_document
from kg.nxgraph import graphml_safe
from kg.output import jsonl
from kg.rdf.io import dataset_bytes
from kg.viewer.render import render_html
from kg.xmlchars import UNSAFE

_SETTINGS = {"deadline": None, "derandomize": True, "print_blob": True,
             "suppress_health_check": [HealthCheck.too_slow, HealthCheck.data_too_large,
                                       HealthCheck.function_scoped_fixture]}
settings.register_profile("kg-fuzz", max_examples=40, **_SETTINGS)
settings.register_profile("kg-fuzz-slow", max_examples=1000, **_SETTINGS)
SLOW = os.environ.get("KG_FUZZ") == "slow" or os.environ.get("CI", "").lower() == "true"
PROFILE = settings.get_profile("kg-fuzz-slow" if SLOW else "kg-fuzz")

NAMES = ["भारत", "नरेंद्र मोदी", "जापान", "रूस", "यूक्रेन", "अमेरिका", "ईरान", "व्लादिमीर पुतिन", "वियतनाम",
         "हनोई", "चीन", "संयुक्त राष्ट्र", "किम जोंग उन", "उत्तर कोरिया"]
TEMPLATES = ["{a} ने {b} का दौरा किया।", "{a} ने {b} पर नए प्रतिबंध लगाए।", "{a} ने {b} पर हमला किया।",
             "{a} के प्रधानमंत्री {c} ने {b} से मुलाकात की।", "{a} ने कहा कि {b} {c} से बात करेगा।",
             "{c} गुरुवार को {b} पहुंचे।"]
JUNK = ["\x00", "\uffff", "\ufffe", "\u2028", "\u2029", "\x0b", "\x0c", "\x1f", "\x7f", "\x85", "\r\n", "\r",
        "\t", "\u200d", "\u00ad", "\ufeff", "\U0001f600", "\U0010ffff", "\ufdd0", "<script>alert(1)</script>",
        "</script><!--", "<p>", "</p>", "<br>", "<!DOCTYPE html>", "<html><body>", "&amp;", "&#0;",
        "&lt;b&gt;", "]]>", "<![CDATA[", '"', "'", "\\", "\\u0000", "{{7*7}}", "${jndi:x}", "\"\"\"",
        "@prefix x: <y> .", "<http://x/a b>", "।", "॥", "<", ">", "&"]

sentence = st.builds(lambda t, a, b, c, glue: t.format(a=glue + a, b=b + glue, c=c),
                     st.sampled_from(TEMPLATES), st.sampled_from(NAMES), st.sampled_from(NAMES),
                     st.sampled_from(NAMES), st.just("") | st.sampled_from(JUNK))
soup = st.text(st.characters(min_codepoint=0x900, max_codepoint=0x97F) | st.sampled_from(" ।\n,"),
               max_size=80)
long_token = st.builds(lambda ch, n: ch * n, st.sampled_from(["क", "a", "\u093c", "<", "\u200d", "x"]),
                       st.integers(200, 1500))
piece = st.one_of(sentence, sentence, sentence, st.sampled_from(JUNK), soup, st.text(max_size=40), long_token)
article = st.builds(lambda parts, sep: sep.join(parts), st.lists(piece, min_size=1, max_size=8),
                    st.sampled_from(["", " ", "\n", "\n\n", "<p>"]))
ENCODINGS = ["utf-8", "utf-8-sig", "utf-16", "utf-16-le", "utf-16-be", "api"]


@pytest.fixture(scope="module")
def nlp() -> Any:
    from kg.nlp.pipeline import get_nlp

    return get_nlp(True)


def _document(text: str, how: str, name: str, folder: Path) -> Any:
    """The document kg reads from ``text`` written as ``how``, or None for a KGError."""
    try:
        if how == "api":
            return document_from_text(text)
        data = text.encode(how, "surrogatepass")
        path = folder / name
        path.write_bytes(data)
        return read_document(path)
    except KGError as exc:
        assert "\n" not in str(exc)
        event(f"refused: {str(exc).split(': ', 1)[-1][:28]}")
        return None


def _check_offsets(graph: KnowledgeGraph, text: str) -> None:
    for ent in graph.entities:
        for mention in ent.mentions:
            assert text[mention.start:mention.end] == mention.text
    for rel in graph.relations:
        for ev in rel.evidence:
            assert text[ev.start:ev.end] == ev.sentence


class _Page(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.data: list[str] = []
        self.in_data = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.in_data = tag == "script" and ("id", "kg-data") in attrs

    def handle_data(self, data: str) -> None:
        if self.in_data:
            self.data.append(data)


def _check_writers(graph: KnowledgeGraph) -> None:
    """What :func:`kg.output.save_all` writes, in memory, parses back."""
    for name, rows in graph.to_records().items():
        text = jsonl(rows).encode("utf-8").decode("utf-8")
        assert [json.loads(line) for line in text.split("\n") if line] == json.loads(json.dumps(rows)), name
    for fmt in ("ttl", "nt"):
        Graph().parse(data=dataset_bytes(graph.rdf, fmt), format={"ttl": "turtle", "nt": "nt"}[fmt])
    for fmt, ox_format in (("trig", ox.RdfFormat.TRIG), ("nq", ox.RdfFormat.N_QUADS)):
        list(ox.parse(dataset_bytes(graph.rdf, fmt), format=ox_format))
    json.loads(dataset_bytes(graph.rdf, "jsonld"))
    graphml = "\n".join(nx.generate_graphml(graphml_safe(graph.nx))).encode("utf-8")
    back = nx.read_graphml(io.BytesIO(graphml))
    assert back.number_of_nodes() == graph.nx.number_of_nodes()
    page = render_html(graph).encode("utf-8").decode("utf-8")
    parser = _Page()
    parser.feed(page)
    parser.close()
    data = json.loads("".join(parser.data))
    assert len(data["nodes"]) == len(graph.entities)


@settings(PROFILE)
@given(text=article, how=st.sampled_from(ENCODINGS), html=st.booleans())
def test_pipeline_and_writers_never_break(nlp: Any, tmp_path: Path, text: str, how: str, html: bool) -> None:
    if html:
        text = f"<!DOCTYPE html><html><head><title>{text[:20]}</title></head><body><p>{text}</p></body>"
    doc = _document(text, how, "news.html" if html else "a.txt", tmp_path)
    if doc is None:
        return
    assert not UNSAFE.search(doc.text + (doc.title or ""))
    graph = build_documents([doc], nlp)
    event(f"built ({'with' if graph.relations else 'no'} relations{', from HTML' if doc.text_from else ''})")
    _check_offsets(graph, doc.text)
    _check_writers(graph)


@settings(PROFILE, max_examples=max(PROFILE.max_examples // 3, 40))
@given(label=st.text(), sentence=st.text(), key=st.text(st.characters(min_codepoint=0x21, max_codepoint=0x7e),
                                                         min_size=1, max_size=12))
def test_writers_hold_any_record_text(label: str, sentence: str, key: str) -> None:
    """Records not read through kg.inputs (the API takes any): the writers still give valid files."""
    from kg.records import Document, Entity, Evidence, Mention, Relation

    text = sentence or "x"
    doc = Document("d", text, title=label)
    a = Entity("a-" + key, label, sentence, "Person", aliases=[label],
               mentions=[Mention("d", 0, len(text), text)])
    b = Entity("b", "B", "बी", "Country")
    rel = Relation(a, "visits", b, role=label, evidence=[Evidence("d", 0, len(text), text)])
    _check_writers(KnowledgeGraph([doc], [a, b], [rel]))
