"""Shared pytest setup: the ``browser`` marker and the viewer's fixtures.

Browser tests need a Chromium binary (``/usr/bin/chromium`` from Debian, or
``KG_CHROMIUM``) and the Playwright Python package; ``.ci/browser-setup.sh``
installs the browser. Without them the browser tests are skipped, except
when ``CI=true``, where a missing browser is an error.
"""

from __future__ import annotations

import os
import shutil
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from kg.graph import KnowledgeGraph
from kg.records import Document, Entity, Evidence, Mention, Relation

CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update", "--disable-sync"]


# CI puts a copy of shared/ beside the clone; sessions have it at /work/shared.
ROOT = Path(__file__).resolve().parents[1]
SHARED = next((p for p in (ROOT.parent / "shared", Path("/work/shared")) if p.is_dir()),
              ROOT.parent / "shared")
NEWS = SHARED / "corpus" / "hindi-news"
NEWS_GOLD = ROOT / "tests" / "gold" / "hindi-news"


@pytest.fixture(scope="session")
def news_texts() -> Path:
    """The real-news articles (``../shared/corpus/hindi-news/hi``); skips when absent."""
    folder = NEWS / "hi"
    if not folder.is_dir():
        pytest.skip(f"the real-news corpus is not on this machine ({folder})")
    return folder


def pytest_configure(config: pytest.Config) -> None:
    config.addinivalue_line("markers", "browser: needs headless Chromium (see .ci/browser-setup.sh)")


# --- records mirroring the seed article --------------------------------------------------------

SEED_DOC = "000_f11f25e23ec2aca4"
SEED_SENTENCES = [
    "हनोई: रूसी राष्ट्रपति व्लादिमीर पुतिन गुरुवार को अपने पुराने साथी वियतनाम के साथ संबंधों को मजबूत "
    "करने के लिए राजकीय यात्रा पर आए हैं।",
    "वे उत्तर कोरिया से आए हैं, जहां उन्होंने और उत्तर कोरियाई नेता किम जोंग उन ने एक समझौते पर हस्ताक्षर "
    "किए हैं, जिसमें युद्ध की स्थिति में आपसी सहायता का वादा किया गया है।",
    "हनोई में, रूसी नेता वियतनाम के सबसे शक्तिशाली राजनेता, कम्युनिस्ट पार्टी के महासचिव गुयेन फु ट्रोंग, "
    "नए राष्ट्रपति टो लैम और अन्य अधिकारियों से मिलने वाले हैं।",
    "2023 में, हेग में अंतर्राष्ट्रीय आपराधिक न्यायालय ने युद्ध अपराधों के लिए पुतिन के लिए गिरफ्तारी वारंट "
    "जारी किया।",
]


def _seed_records() -> tuple[Document, list[Entity], list[Relation]]:
    text = " ".join(SEED_SENTENCES)
    doc = Document(SEED_DOC, text, title="Putin वियतनाम यात्रा", date="2024-06-20")

    def ent(qid: str, en: str, hi: str, typ: str, *forms: str) -> Entity:
        mentions = []
        for form in (hi, *forms):
            start = text.find(form)
            while start >= 0:
                mentions.append(Mention(SEED_DOC, start, start + len(form), form))
                start = text.find(form, start + len(form))
        return Entity(qid, en, hi, typ, qid, aliases=list(forms), mentions=mentions)

    def ev(i: int) -> Evidence:
        start = text.find(SEED_SENTENCES[i])
        return Evidence(SEED_DOC, start, start + len(SEED_SENTENCES[i]), SEED_SENTENCES[i])

    putin = ent("Q7747", "Vladimir Putin", "व्लादिमीर पुतिन", "Person", "पुतिन", "रूसी नेता")
    vietnam = ent("Q881", "Vietnam", "वियतनाम", "Country")
    russia = ent("Q159", "Russia", "रूस", "Country", "रूसी")
    nkorea = ent("Q423", "North Korea", "उत्तर कोरिया", "Country", "उत्तर कोरियाई")
    icc = ent("Q47488", "International Criminal Court", "अंतर्राष्ट्रीय आपराधिक न्यायालय", "Organization")
    hanoi = ent("Q1858", "Hanoi", "हनोई", "City")
    trong = ent("Q22009", "Nguyen Phu Trong", "गुयेन फु ट्रोंग", "Person")
    hague = ent("Q36600", "The Hague", "हेग", "City")
    kim = ent("Q56226", "Kim Jong Un", "किम जोंग उन", "Person")
    ents = [putin, vietnam, russia, nkorea, icc, hanoi, trong, hague, kim]
    rels = [
        Relation(putin, "visits", vietnam, time="2024-06-20", place=hanoi, confidence=0.92, evidence=[ev(0)]),
        Relation(russia, "signsAgreementWith", nkorea, confidence=0.7, derived=True, evidence=[ev(1)]),
        Relation(icc, "issuesArrestWarrantFor", putin, time="2023", place=hague, confidence=0.88,
                 evidence=[ev(3)]),
        Relation(putin, "meets", trong, modality="planned", place=hanoi, confidence=0.8, evidence=[ev(2)]),
        Relation(putin, "leads", russia, role="President", confidence=0.9, evidence=[ev(0)]),
        Relation(kim, "leads", nkorea, role="Leader", confidence=0.85, evidence=[ev(1)]),
        Relation(putin, "signsAgreementWith", kim, confidence=0.8, evidence=[ev(1)]),
    ]
    return doc, ents, rels


@pytest.fixture
def seed_graph() -> KnowledgeGraph:
    """A small graph mirroring the seed article (Putin visits Vietnam ...)."""
    doc, ents, rels = _seed_records()
    return KnowledgeGraph([doc], ents, rels)


XSS_LABEL = '<script>window.__pwned=1</script>"\'quoted'
XSS_ALIAS = '<img src=x onerror="window.__pwned=2">'
XSS_LINK = "javascript:window.__pwned=3"
XSS_SENTENCE = ('He said "<b>hi</b>" & \'</script><script>window.__pwned=4</script>\' \u2028 '
                '<img src=x onerror=alert(1)>')


@pytest.fixture
def xss_graph(seed_graph: KnowledgeGraph) -> KnowledgeGraph:
    """The seed graph plus an entity and relation made of hostile text."""
    bad = Entity("evil-<x>", XSS_LABEL, XSS_ALIAS, "Organization", XSS_LINK,
                 aliases=[XSS_ALIAS, XSS_LINK], mentions=[Mention("<doc>", 0, 5, "<img>")])
    putin = seed_graph.entity("Q7747")
    assert putin is not None
    rel = Relation(bad, "criticizes", putin, modality="alleged", time="<t>", role='"><svg onload=alert(1)>',
                   evidence=[Evidence('<doc">', 0, len(XSS_SENTENCE), XSS_SENTENCE)])
    return KnowledgeGraph(seed_graph.documents, [*seed_graph.entities, bad], [*seed_graph.relations, rel])


# --- browser ---------------------------------------------------------------------------------------

def _chromium() -> str | None:
    """The browser to use: ``KG_CHROMIUM`` if set (only that), else Debian's ``chromium``."""
    wanted = os.environ.get("KG_CHROMIUM")
    candidates = [wanted] if wanted else ["/usr/bin/chromium", shutil.which("chromium"),
                                          shutil.which("chromium-browser")]
    for candidate in candidates:
        if candidate and Path(candidate).exists():
            return candidate
    return None


def _unavailable(reason: str) -> None:
    if os.environ.get("CI", "").lower() == "true":
        pytest.fail(f"{reason} (CI=true: browser tests must run; run .ci/browser-setup.sh)")
    pytest.skip(reason)


@pytest.fixture(scope="session")
def browser_context() -> Iterator[Any]:
    """A headless Chromium context (fresh profile), shared by the browser tests."""
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        _unavailable("the playwright Python package is not installed")
    exe = _chromium()
    if exe is None:
        _unavailable("no Chromium found (install it with .ci/browser-setup.sh or set KG_CHROMIUM)")
    with tempfile.TemporaryDirectory() as profile, sync_playwright() as pw:
        ctx = pw.chromium.launch_persistent_context(
            profile, executable_path=exe, args=CHROMIUM_ARGS, headless=True,
            viewport={"width": 1400, "height": 900})
        yield ctx
        ctx.close()


def wait_until(page: Any, expression: str, timeout: float = 30.0) -> None:
    """Poll ``expression`` from Python until it is truthy.

    ``page.wait_for_function`` polls with ``eval`` inside the page, which the
    viewer's Content-Security-Policy (rightly) refuses.
    """
    deadline = time.monotonic() + timeout
    while not page.evaluate(expression):
        if time.monotonic() > deadline:
            raise AssertionError(f"timed out waiting for {expression}")
        time.sleep(0.05)


class PageLog:
    """Console messages, page errors, dialogs and requests seen by one page."""

    def __init__(self) -> None:
        self.console: list[tuple[str, str]] = []
        self.errors: list[str] = []
        self.dialogs: list[str] = []
        self.requests: list[str] = []

    def problems(self) -> list[str]:
        bad = [f"console {t}: {m}" for t, m in self.console if t in ("error", "warning")]
        bad += [f"page error: {e}" for e in self.errors] + [f"dialog: {d}" for d in self.dialogs]
        return bad + [f"request: {u}" for u in self.requests if not u.startswith(("file://", "data:"))]


@pytest.fixture
def open_page(browser_context: Any) -> Iterator[Any]:
    """``open_page(path)`` -> (page, log): open an HTML file and wait until the graph is drawn."""
    pages = []

    def _open(path: Path) -> tuple[Any, PageLog]:
        page = browser_context.new_page()
        pages.append(page)
        log = PageLog()
        page.on("console", lambda m: log.console.append((m.type, m.text)))
        page.on("pageerror", lambda e: log.errors.append(str(e)))
        page.on("dialog", lambda d: (log.dialogs.append(d.message), d.dismiss()))
        page.on("request", lambda r: log.requests.append(r.url))
        page.route("**/*", lambda route: route.continue_() if route.request.url.startswith("file://")
                   else route.abort())
        page.goto(path.resolve().as_uri())
        wait_until(page, "window.kgViewer && window.kgViewer.ready === true")
        return page, log

    yield _open
    for page in pages:
        page.close()


@pytest.fixture(scope="session")
def with_model_spans() -> Any:
    """Run a pipeline up to ``kg_patterns`` as if the statistical model had proposed ``model``
    spans (token start, end, label), then ``kg_patterns`` and the components named in ``then``;
    returns the Doc. Rule logic on a hand-built model output, without training a model.
    """
    from spacy.tokens import Span

    def run(nlp: Any, text: str, model: list[tuple[int, int, str]], then: tuple[str, ...] = ()) -> Any:
        doc = nlp.make_doc(text)
        for name in nlp.pipe_names[: nlp.pipe_names.index("kg_patterns")]:
            doc = nlp.get_pipe(name)(doc)
        doc.spans["ner_model"] = [Span(doc, s, e, label=label) for s, e, label in model]
        for name in ("kg_patterns", *then):
            doc = nlp.get_pipe(name)(doc)
        return doc

    return run



@pytest.fixture
def mentions_with_model(nlp: Any, with_model_spans: Any) -> Any:
    """Mentions after ``kg_patterns`` (of the test module's ``nlp``) when the statistical model
    proposed ``model`` spans: ``[(text, label), ...]``."""
    def run(text: str, model: list[tuple[int, int, str]]) -> list[tuple[str, str]]:
        doc = with_model_spans(nlp, text, model)  # a span group needs its Doc alive
        return [(s.text, s.label_) for s in doc.spans["kg_mentions"]]

    return run


class StoreRDF:
    """The quads a :class:`kg.store.CorpusStore` holds, and those a rebuild from its records
    gives (incremental updates must leave the same)."""

    @staticmethod
    def quads(store: Any) -> set:
        import pyoxigraph as ox

        return {q for q in store.graph.quads_for_pattern(None, None, None, None)
                if not (isinstance(q.graph_name, ox.NamedNode) and q.graph_name.value == "urn:kg:store")}

    @staticmethod
    def rebuilt(store: Any) -> set:
        import pyoxigraph as ox

        from kg.rdf.convert import to_rdf
        from kg.rdf.io import dataset_bytes

        fresh = ox.Store()  # through rdflib, as kg build writes it (not the store's own N-Quads path)
        fresh.bulk_load(dataset_bytes(to_rdf(store.knowledge_graph(), run=store.run_iri()), "nq"),
                        format=ox.RdfFormat.N_QUADS)
        return set(fresh.quads_for_pattern(None, None, None, None))


@pytest.fixture(scope="session")
def store_rdf() -> type[StoreRDF]:
    """:class:`StoreRDF`: ``store_rdf.quads(store) == store_rdf.rebuilt(store)``."""
    return StoreRDF
