"""Words per second: the whole kg pipeline against spaCy's bare blank "hi" tokenizer.

Runs on one core (thread pools limited to 1). With the real-news articles on this machine
(``--texts``, default ``../shared/corpus/hindi-news/hi``) it reads those, each article on
its own as ``kg build`` does; without them, the seed article and the test sentences
repeated to about ``--words`` words. Rows: tokenizer; rules only; rules and the NER model;
rules, NER and the relation model (the default pipeline).

    python bench/bench_pipeline.py [--texts DIR] [--words 50000] [--repeat 3]
"""

from __future__ import annotations

import argparse
import os
import sys
import time

for var in ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS"):
    os.environ.setdefault(var, "1")

from pathlib import Path  # noqa: E402

import spacy  # noqa: E402

from kg.api import extract_document  # noqa: E402
from kg.nlp.pipeline import make_nlp  # noqa: E402
from kg.records import Document  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent


def corpus(words: int) -> str:
    seed = (ROOT / "seeds" / "000_f11f25e23ec2aca4.txt").read_text(encoding="utf-8")
    sys.path.insert(0, str(ROOT))
    from tests.test_extract_general import CASES  # the hand-written sentences

    base = seed + "\n" + "\n".join(case[0] for case in CASES) + "\n"
    n = len(base.split())
    return base * max(1, words // n)


def best_time(func, repeat: int) -> float:  # noqa: ANN001
    """Best CPU time of this process over ``repeat`` runs (steadier than wall time on a busy machine)."""
    times = []
    for _ in range(repeat):
        start = time.process_time()
        func()
        times.append(time.process_time() - start)
    return min(times)


def documents(texts: Path, words: int) -> list[Document]:
    """The real articles of ``texts`` (each its own document), else the repeated seed text."""
    if texts.is_dir():
        return [Document(p.stem, p.read_text(encoding="utf-8")) for p in sorted(texts.glob("*.txt"))]
    return [Document("bench", corpus(words), date="2024-06-20")]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--texts", type=Path, default=ROOT.parent / "shared" / "corpus" / "hindi-news" / "hi")
    parser.add_argument("--words", type=int, default=50_000)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    docs = documents(args.texts, args.words)
    words = sum(len(d.text.split()) for d in docs)
    blank = spacy.blank("hi")
    blank.max_length = max(len(d.text) for d in docs) + 1
    pipelines = [("kg pipeline, rules only", make_nlp(model=False)),
                 ("kg pipeline, rules + NER model", make_nlp(model=True, relation_model=False)),
                 ("kg pipeline, rules + NER + relation model", make_nlp(model=True))]

    def run(nlp):  # noqa: ANN001, ANN202
        return lambda: [extract_document(nlp, d) for d in docs]

    tokenize = lambda: [blank.tokenizer(d.text) for d in docs]  # noqa: E731
    rows = [("spaCy blank 'hi' tokenizer", best_time(tokenize, args.repeat))]
    rows += [(name, best_time(run(nlp), args.repeat)) for name, nlp in pipelines]
    base = rows[0][1]
    source = f"{len(docs)} real articles" if args.texts.is_dir() else "the seed text repeated"
    print(f"{words} words ({source}), best CPU time of {args.repeat} runs, one core")
    for name, seconds in rows:
        print(f"{name:42} {words / seconds:>10,.0f} words/s   {seconds / base:>6.1f}x tokenizer time")


if __name__ == "__main__":
    main()
