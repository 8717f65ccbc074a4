"""Which baseline misses and wrong triples of dev a build now fixes, by cause.

    python scripts/error_table.py ANALYSIS.json BUILD_DIR [BUILD_DIR ...]

ANALYSIS.json lists the dev misses and wrong triples of the baseline, each with a cause
(``docs/evaluation.md`` describes how it was made); each BUILD_DIR holds one sub-folder per
article with its ``entities.jsonl`` and ``triples.jsonl`` (``kg eval --save``). Prints, per
cause, how many of the baseline's misses each build finds and how many of its wrong triples
each build still emits.
"""

from __future__ import annotations

import json
import sys
from collections import Counter
from pathlib import Path

from kg.evaluation.gold import GoldRelation, load_gold
from kg.evaluation.run import DEFAULT_GOLD, records_from_build


def _as_tuple(value: str | list[str]) -> tuple[str, ...]:
    return tuple(value) if isinstance(value, list) else (value,)


def _triples(build: Path, doc: str) -> set[tuple[str, str, str]]:
    gold = load_gold(DEFAULT_GOLD / f"{doc}.json")
    matcher = gold.matcher()
    records = records_from_build(build, doc)
    if records is None:
        return set()
    out = set()
    for t in records[1]:
        s = matcher.key(t["subject"]) or "?" + t["subject"]["label"]
        o = matcher.key(t["object"]) or "?" + t["object"]["label"]
        out.add((s, t["predicate"], o))
    return out


def main() -> None:
    items = json.loads(Path(sys.argv[1]).read_text(encoding="utf-8"))
    builds = [Path(p) for p in sys.argv[2:]]
    cache: dict[tuple[Path, str], set] = {}
    fixed: Counter = Counter()
    total: Counter = Counter()
    for item in items:
        cause = item["cause"].split(" ", 1)[0]
        total[item["kind"], cause] += 1
        for build in builds:
            found = cache.setdefault((build, item["doc"]), _triples(build, item["doc"]))
            if item["kind"] == "miss":
                r = item["relation"]
                rel = GoldRelation(_as_tuple(r["s"]), _as_tuple(r["p"]), _as_tuple(r["o"]), item["level"])
                fixed[item["kind"], cause, build] += any(rel.matches(t) for t in found)
            else:
                fixed[item["kind"], cause, build] += tuple(item["triple"]) not in found
    for kind in ("miss", "wrong"):
        print(f"\n{kind} cause  n  " + "  ".join(b.name for b in builds))
        for (k, cause) in sorted(c for c in total if c[0] == kind):
            print(f"{cause:6} {total[k, cause]:4} " + " ".join(f"{fixed[k, cause, b]:6}" for b in builds))


if __name__ == "__main__":
    main()
