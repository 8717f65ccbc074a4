"""A reproducible random sample of emitted entities, for judging entity precision by hand.

    python scripts/entity_sample.py SAVED_BUILDS [--n 150] [--salt test-2026-12]
        [--texts ../shared/corpus/hindi-news/hi] [--judged OLD.tsv] > sample.tsv

``SAVED_BUILDS`` holds one folder per article (``kg eval ... --save DIR``). Entities of the types
Person, Organization, Country, City and Region are ordered by the SHA-1 of
``salt<TAB>article<TAB>Hindi label<TAB>type`` and the first ``--n`` are printed as TSV: index,
article, type, English label, Hindi label, the first mention's offsets and, with ``--texts``, a
window of the article around it (for the judge only: the window is never to be committed, the
texts are not ours). ``--judged`` takes an earlier judged TSV (same columns plus a last
``judgment`` column) and carries a judgment over to an entity whose article, type, English and
Hindi labels are unchanged.
"""

from __future__ import annotations

import argparse
import csv
import hashlib
import json
import sys
from pathlib import Path

TYPES = ("Person", "Organization", "Country", "City", "Region")
WINDOW = 60


def entities(builds: Path) -> list[dict]:
    """Every judged-type entity of every article build, with its article id."""
    found = []
    for folder in sorted(p for p in builds.iterdir() if (p / "entities.jsonl").is_file()):
        for line in (folder / "entities.jsonl").read_text(encoding="utf-8").splitlines():
            ent = json.loads(line)
            if ent.get("type") in TYPES:
                ent["article"] = folder.name
                found.append(ent)
    return found


def sample_key(salt: str, ent: dict) -> str:
    text = "\t".join((salt, ent["article"], ent.get("label_hi") or "", ent["type"]))
    return hashlib.sha1(text.encode("utf-8")).hexdigest()


def old_judgments(path: Path | None) -> dict[tuple[str, ...], str]:
    if path is None:
        return {}
    with path.open(encoding="utf-8", newline="") as fh:
        rows = list(csv.DictReader(fh, delimiter="\t"))
    return {(r["article"], r["type"], r["label"], r["hindi"]): r.get("judgment", "") for r in rows}


def context(texts: Path | None, ent: dict) -> str:
    mentions = [m for m in ent.get("mentions", []) if m.get("doc") == ent["article"]]
    if texts is None or not mentions:
        return ""
    # offsets count the characters of the file as decoded: a BOM dropped, CRLF kept as two
    with (texts / f"{ent['article']}.txt").open(encoding="utf-8-sig", newline="") as fh:
        text = fh.read()
    m = mentions[0]
    window = text[max(0, m["start"] - WINDOW): m["start"]] + "[[" + text[m["start"]:m["end"]] + "]]"
    window += text[m["end"]: m["end"] + WINDOW]
    return window.replace("\r", " ").replace("\n", " ").replace("\t", " ")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("builds", type=Path)
    parser.add_argument("--n", type=int, default=150)
    parser.add_argument("--salt", default="test-2026-12")
    parser.add_argument("--texts", type=Path)
    parser.add_argument("--judged", type=Path)
    args = parser.parse_args(argv)
    judged = old_judgments(args.judged)
    chosen = sorted(entities(args.builds), key=lambda e: sample_key(args.salt, e))[: args.n]
    out = csv.writer(sys.stdout, delimiter="\t", lineterminator="\n")
    out.writerow(["index", "article", "type", "label", "hindi", "offsets", "context", "judgment"])
    for i, ent in enumerate(chosen):
        hindi = ent.get("label_hi") or ""
        first = next((m for m in ent.get("mentions", []) if m.get("doc") == ent["article"]), None)
        offsets = f"{first['start']}-{first['end']}" if first else ""
        key = (ent["article"], ent["type"], ent["label"], hindi)
        out.writerow([i, ent["article"], ent["type"], ent["label"], hindi, offsets,
                      context(args.texts, ent), judged.get(key, "")])
    return 0


if __name__ == "__main__":
    sys.exit(main())
