"""Corpus mode benchmarks (issue 10): extraction throughput, adding to a store, memory, SPARQL.

The corpus is the real articles (``--texts``, default ``../shared/corpus/hindi-news/hi``)
replicated under distinct ids up to ``--articles``. Everything is measured in one run, so the
ratios are comparable; absolute numbers drift with the machine.

    python bench/bench_corpus.py [--articles 1000] [--memory 1000,5000] [--skip-dask]

Rows:

* articles/s of extraction at 1 and 2 jobs and on a 2-worker Dask ``LocalCluster``;
* adding one article to a store of ``--articles`` articles, against rebuilding them all
  (``kg build``): through the command line (a cold process, pipeline loaded) and through the
  Python API (a warm process);
* peak memory of ``kg add`` (rules only, one job) for each size of ``--memory``;
* SPARQL on the store: ``kg query --store`` per query against bare pyoxigraph on the same store.
"""

from __future__ import annotations

import argparse
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from kg.api import build_documents  # noqa: E402
from kg.parallel import PipelineSpec  # noqa: E402
from kg.records import Document  # noqa: E402

KG = str(Path(sys.executable).parent / "kg")


def corpus(texts: Path, n: int) -> list[Document]:
    paths = sorted(texts.glob("*.txt"))
    base = [Document(p.stem, p.read_text(encoding="utf-8"), title=p.stem) for p in paths]
    return [Document(f"{d.id}-{k:04d}", d.text, title=f"{d.title} #{k}") for k in range(n // len(base) + 1)
            for d in base][:n]


def write(docs: list[Document], folder: Path) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    for d in docs:
        (folder / f"{d.id}.txt").write_text(d.text, encoding="utf-8")
    return folder


def timed(func) -> float:  # noqa: ANN001
    start = time.perf_counter()
    func()
    return time.perf_counter() - start


def throughput(docs: list[Document], skip_dask: bool) -> list[str]:
    words = sum(len(d.text.split()) for d in docs)
    rows = []
    for jobs in (1, 2):
        seconds = timed(lambda j=jobs: build_documents(docs, PipelineSpec(), jobs=j))
        rows.append(f"extraction, {jobs} job(s): {len(docs) / seconds:.1f} articles/s "
                    f"({words / seconds:,.0f} words/s)")
    if not skip_dask:
        from distributed import Client, LocalCluster

        from kg.distributed import dask_extractor
        from kg.store import CorpusStore

        with LocalCluster(n_workers=2, threads_per_worker=1, dashboard_address=None) as cluster, \
                Client(cluster) as client, tempfile.TemporaryDirectory() as tmp, \
                CorpusStore(Path(tmp) / "s") as store:
            seconds = timed(lambda: store.add(docs, PipelineSpec(), extract=dask_extractor(client)))
        rows.append(f"extraction on a 2-worker LocalCluster (into a store): {len(docs) / seconds:.1f} "
                    "articles/s")
    return rows


def add_one(docs: list[Document], tmp: Path) -> list[str]:
    from kg.store import CorpusStore

    folder = write(docs[:-1], tmp / "articles")
    new = write(docs[-1:], tmp / "new") / f"{docs[-1].id}.txt"
    store = tmp / "store"
    fill = timed(lambda: subprocess.run([KG, "add", str(folder), "--store", str(store)], check=True,
                                        capture_output=True))
    cli_adds = []  # a cold process takes 2 s or so: the median of 3 (the article removed between)
    for i in range(3):
        if i:
            subprocess.run([KG, "remove", docs[-1].id, "--store", str(store)], check=True,
                           capture_output=True)
        cli_adds.append(timed(lambda: subprocess.run([KG, "add", str(new), "--store", str(store)], check=True,
                                                     capture_output=True)))
    cli_add = statistics.median(cli_adds)
    write(docs[-1:], folder)
    rebuild = timed(lambda: subprocess.run([KG, "build", str(folder), "--out", str(tmp / "out")], check=True,
                                           capture_output=True))
    with CorpusStore(store) as opened:
        opened.remove(docs[-1].id)
        opened.add([docs[-1]], PipelineSpec(), jobs=1)  # warms this process's pipeline
        opened.remove(docs[-1].id)
        api_add = timed(lambda: opened.add([docs[-1]], PipelineSpec(), jobs=1))
    n = len(docs) - 1
    return [f"filling a store with {n} articles (kg add, all cores): {fill:.1f} s",
            f"kg build of {n + 1} articles: {rebuild:.1f} s",
            f"kg add of 1 more (command line, pipeline loaded; median of "
            f"{', '.join(f'{t:.2f}' for t in cli_adds)}): {cli_add:.2f} s: {rebuild / cli_add:.0f}x faster",
            f"CorpusStore.add of 1 more (warm process): {api_add:.3f} s: {rebuild / api_add:.0f}x faster"]


def peak_memory(texts: Path, sizes: list[int], tmp: Path) -> list[str]:
    rows = []
    for n in sizes:
        folder = write(corpus(texts, n), tmp / f"m{n}")
        code = ("import resource, sys; from kg.cli import main\n"
                "try:\n    main()\nexcept SystemExit:\n    pass\n"
                "print(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss)")
        out = subprocess.run([sys.executable, "-c", code, "add", str(folder), "--store", str(tmp / f"s{n}"),
                              "--no-model", "--jobs", "1"], check=True, capture_output=True, text=True)
        peak = int(out.stdout.split()[-1]) / 1024
        rows.append(f"peak memory of kg add, {n} articles (rules, 1 job): {peak:.0f} MB")
    return rows


def sparql(store_dir: Path) -> list[str]:
    import pyoxigraph as ox

    from kg.rdf.namespace import PREFIXES

    queries = sorted((ROOT / "ontology" / "queries").glob("*.rq"))
    bare, cli = [], []
    store = ox.Store.read_only(str(store_dir / "oxigraph"))
    for q in queries:
        text = q.read_text(encoding="utf-8")
        bare.append(timed(lambda t=text, s=store: list(s.query(t, prefixes=PREFIXES))))
    for q in queries:
        cli.append(timed(lambda p=q: subprocess.run([KG, "query", "--store", str(store_dir), "-f", str(p),
                                                     "--format", "csv"], check=True, capture_output=True)))
    return [f"SPARQL on the store: {len(queries)} example queries, bare pyoxigraph median "
            f"{statistics.median(bare) * 1000:.1f} ms; kg query --store median "
            f"{statistics.median(cli):.2f} s "
            "(a process each: start-up included)"]


def show(rows: list[str]) -> None:
    """Print a stage's rows as soon as it is done (a full run takes an hour)."""
    print("\n".join(rows), flush=True)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--texts", type=Path,
                        default=ROOT.parent / "shared" / "corpus" / "hindi-news" / "hi")
    parser.add_argument("--articles", type=int, default=1000)
    parser.add_argument("--throughput", type=int, default=136, help="Articles for the throughput rows.")
    parser.add_argument("--memory", default="1000,5000")
    parser.add_argument("--skip-dask", action="store_true")
    args = parser.parse_args()
    if not args.texts.is_dir():
        sys.exit(f"bench_corpus: {args.texts} does not exist; give the articles' folder with --texts")
    show(throughput(corpus(args.texts, args.throughput), args.skip_dask))
    with tempfile.TemporaryDirectory() as tmp:
        show(add_one(corpus(args.texts, args.articles + 1), Path(tmp)))
        show(sparql(Path(tmp) / "store"))
        show(peak_memory(args.texts, [int(x) for x in args.memory.split(",") if x], Path(tmp)))
    print(f"(this process: {resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024:.0f} MB peak)")


if __name__ == "__main__":
    main()
