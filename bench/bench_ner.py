"""Benchmark the Hindi NER model (issue 5) on one core: words per second.

Measures, best of ``--repeat`` runs over the same sentences, words per
CPU-second of this single-threaded process (= per core, robust to other load
on the machine) and per wall-clock second:

* ``model``     - the trained pipeline alone (``kg.ner.load_model()``) on
  pre-tokenised ``Doc`` objects, the way ``kg eval-ner`` runs it;
* ``component`` - ``spacy.blank("hi")`` tokenisation plus the ``kg_ner_model``
  component (``nlp.pipe`` on raw text), the way the `kg` pipeline runs it.

The text is the dev split of a HiNER-style CoNLL file when one is given or
found, otherwise the seed articles of the repository.

Usage::

    python bench/bench_ner.py
    python bench/bench_ner.py --conll /work/shared/data/hiner/hiner-original-train.conll --repeat 5
"""

from __future__ import annotations

import os

os.environ.setdefault("OMP_NUM_THREADS", "1")  # before numpy is imported

import argparse  # noqa: E402
import time  # noqa: E402
from collections.abc import Callable  # noqa: E402
from pathlib import Path  # noqa: E402

import spacy  # noqa: E402
from spacy.tokens import Doc  # noqa: E402

import kg.ner.component  # noqa: E402,F401  (registers kg_ner_model)
from kg.ner import load_model  # noqa: E402
from kg.ner.conll import read_conll, split_dev  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
HINER = Path("/work/shared/data/hiner/hiner-original-train.conll")


def sentences(conll: Path | None) -> list[list[str]]:
    """Tokenised sentences: the HiNER dev split, else the seed articles."""
    if conll is not None and conll.is_file():
        _, dev = split_dev(read_conll(conll), 0.1, 0)
        return [list(s.tokens) for s in dev]
    nlp = spacy.blank("hi")
    lines = [
        line
        for path in sorted((ROOT / "seeds").glob("*.txt"))
        for line in path.read_text(encoding="utf-8").splitlines()
        if line.strip()
    ]
    return [[t.text for t in nlp(line)] for line in lines * 50]


def best_rate(run: Callable[[], object], n_words: int, repeat: int) -> tuple[float, float]:
    """Highest words/s over ``repeat`` runs: per CPU-second and per wall-clock second.

    CPU time of this (single-threaded) process is what "per core" means; it is
    not inflated by other processes competing for the core, wall-clock time is.
    """
    best_cpu = best_wall = float("inf")
    for _ in range(repeat):
        cpu, wall = time.process_time(), time.perf_counter()
        run()
        best_cpu = min(best_cpu, time.process_time() - cpu)
        best_wall = min(best_wall, time.perf_counter() - wall)
    return n_words / best_cpu, n_words / best_wall


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--conll", type=Path, default=HINER)
    parser.add_argument("--model", type=Path, default=None)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    if hasattr(os, "sched_setaffinity"):
        os.sched_setaffinity(0, {sorted(os.sched_getaffinity(0))[0]})  # one core
    sents = sentences(args.conll)
    n_words = sum(len(s) for s in sents)
    model = load_model(args.model)
    docs = [Doc(model.vocab, words=s) for s in sents]
    texts = [" ".join(s) for s in sents]
    host = spacy.blank("hi")
    host.add_pipe("kg_ner_model", config={"model_path": str(args.model or "")})
    n_host = sum(len(d) for d in host.tokenizer.pipe(texts))
    list(model.pipe(docs[:50]))  # warm up
    model_rate = best_rate(lambda: list(model.pipe(docs, batch_size=256)), n_words, args.repeat)
    host_rate = best_rate(lambda: list(host.pipe(texts, batch_size=256)), n_host, args.repeat)
    print(f"{len(sents)} sentences, {n_words} words, one core, best of {args.repeat}")
    print(f"{'':10} {'words/CPU-s':>12} {'words/wall-s':>13}")
    print(f"model      {model_rate[0]:12,.0f} {model_rate[1]:13,.0f}")
    print(f"component  {host_rate[0]:12,.0f} {host_rate[1]:13,.0f}  (blank('hi') tokenizer + kg_ner_model)")


if __name__ == "__main__":
    main()
