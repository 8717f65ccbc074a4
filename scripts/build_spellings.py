"""Build ``kg/data/english_spellings.tsv``: Latin words of English text with their frequency.

:mod:`kg.spelling` asks it how English-language news spells a foreign name that Hindi writes as
it sounds: the romanization ``Sargei`` of ``सर्गेई`` is no word of English text, ``Sergei`` is.
The list holds every alphabetic word of three letters or more of wordfreq's English list
(wordfreq 3.1.1, Robyn Speer; data CC BY-SA 4.0) with a Zipf frequency of at least
:data:`MIN_ZIPF`, which keeps the names of the news of the last decade (Widodo, Guterres,
Prigozhin) along with ordinary words.

Columns (tab-separated, no header, sorted by word): ``word`` (lower case), ``zipf`` (one
decimal). Deterministic. Needs ``pip install -e ".[data]"``. Run from the repo root::

    python scripts/build_spellings.py
"""

from __future__ import annotations

import re
from pathlib import Path

MIN_ZIPF = 1.0
_WORD = re.compile(r"[a-z]{3,}")
OUT = Path(__file__).resolve().parent.parent / "kg" / "data" / "english_spellings.tsv"


def spellings(min_zipf: float = MIN_ZIPF) -> dict[str, float]:
    """Word -> Zipf frequency, for the alphabetic words of wordfreq's English list."""
    import wordfreq

    out: dict[str, float] = {}
    for word in wordfreq.iter_wordlist("en"):
        zipf = wordfreq.zipf_frequency(word, "en")
        if zipf < min_zipf:
            break  # the list is sorted by frequency
        if _WORD.fullmatch(word):
            out[word] = round(zipf, 1)
    return out


def main(out: Path = OUT) -> None:
    """Write the list."""
    words = spellings()
    out.write_text("".join(f"{w}\t{z:.1f}\n" for w, z in sorted(words.items())), encoding="utf-8")
    print(f"{len(words)} English spellings written to {out}")


if __name__ == "__main__":
    main()
