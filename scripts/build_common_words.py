"""Build kg/data/common_words.txt: frequent Hindi words that HiNER never tags as names.

Used by the pattern rules to stop a name at an ordinary word. Derived from
HiNER (CC BY-SA 4.0, see kg/data/SOURCES.md), training split only: the sentences
that `kg train-ner` holds out as dev (seed 0) are left out, so that
`bench/eval_ner_combination.py` scores the rules on sentences they never saw.
Run from the repo root:

    python scripts/build_common_words.py ../shared/data/hiner/hiner-original-train.conll
"""

from __future__ import annotations

import sys
import unicodedata
from collections import Counter
from pathlib import Path

from kg.ner.conll import read_conll, split_dev

MIN_COUNT = 3
MAX_NAME_SHARE = 0.02


def main(conll: str, out: str = "kg/data/common_words.txt") -> None:
    total: Counter[str] = Counter()
    named: Counter[str] = Counter()
    train, _ = split_dev(read_conll(conll), 0.1, seed=0)
    for sentence in train:
        for token, tag in zip(sentence.tokens, sentence.tags, strict=True):
            word = unicodedata.normalize("NFC", token)
            if not any("\u0900" <= c <= "\u097f" for c in word):
                continue
            total[word] += 1
            if tag != "O":
                named[word] += 1
    words = sorted(w for w, n in total.items() if n >= MIN_COUNT and named[w] <= MAX_NAME_SHARE * n)
    Path(out).write_text("\n".join(words) + "\n", encoding="utf-8")
    print(f"{len(words)} common words written to {out}")


if __name__ == "__main__":
    main(*sys.argv[1:])
