"""Words per second: the whole kg pipeline against spaCy's bare blank "hi" tokenizer.

Runs on one core (thread pools limited to 1) over the same text: the seed
article and the test sentences, repeated to about ``--words`` words.

    python bench/bench_pipeline.py [--words 50000] [--repeat 3]
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


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--words", type=int, default=50_000)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    text = corpus(args.words)
    words = len(text.split())
    blank = spacy.blank("hi")
    blank.max_length = len(text) + 1
    rules, model = make_nlp(model=False), make_nlp(model=True)
    document = Document("bench", text, date="2024-06-20")
    rows = [("spaCy blank 'hi' tokenizer", best_time(lambda: blank.tokenizer(text), args.repeat))]
    rows.append(
        ("kg pipeline, rules only", best_time(lambda: extract_document(rules, document), args.repeat))
    )
    if "kg_ner_model" in model.pipe_names:
        rows.append(
            (
                "kg pipeline, rules + NER model",
                best_time(lambda: extract_document(model, document), args.repeat),
            )
        )
    base = rows[0][1]
    print(f"{words} words, best CPU time of {args.repeat} runs, one core")
    for name, seconds in rows:
        print(f"{name:34} {words / seconds:>10,.0f} words/s   {seconds / base:>6.1f}x tokenizer time")


if __name__ == "__main__":
    main()
