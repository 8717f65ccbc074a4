"""The real-news figures of docs/evaluation.md: rules only, model only, combined, on dev and test.

    python scripts/eval_report.py [--texts ../shared/corpus/hindi-news/hi]

Dev figures of the two model configurations are cross-validated (each article scored by the fold
that did not train on it, from ``kg train-rel --cv-out``); dev figures of the rules, and every
test figure, come from building the articles. On test only totals are printed. Takes a few
minutes (two trainings). Prints a Markdown table and the test reliability table.
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
GOLD = ROOT / "tests" / "gold" / "hindi-news" / "gold"
ALSO = ["--also", str(ROOT / "tests/gold/000_f11f25e23ec2aca4.gold.json"),
        "--also", str(ROOT / "tests/gold/dev"), "--also", str(ROOT / "tests/gold/heldout")]


KG = str(Path(sys.executable).parent / "kg")


def kg(*args: str) -> str:
    out = subprocess.run([KG, *args], capture_output=True, text=True)
    return out.stdout.strip()


def last(text: str) -> str:
    return text.splitlines()[-1]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--texts", default=str(ROOT.parent / "shared" / "corpus" / "hindi-news" / "hi"))
    args = parser.parse_args()
    texts = ["--texts", args.texts]
    with tempfile.TemporaryDirectory() as tmp:
        tmp_path = Path(tmp)
        kg("train-rel", *texts, *ALSO, "--no-rules", "--out", str(tmp_path / "norules"),
           "--cv-out", str(tmp_path / "cv_norules"))
        kg("train-rel", *texts, *ALSO, "--out", str(tmp_path / "combined"),
           "--cv-out", str(tmp_path / "cv_comb"))
        rows = [
            ("rules only", last(kg("eval", str(GOLD), "--split", "dev", *texts, "--no-relation-model")),
             last(kg("eval", str(GOLD), "--split", "test", *texts, "--no-relation-model"))),
            ("model only (no rule features)",
             last(kg("eval", str(GOLD), "--split", "dev", str(tmp_path / "cv_norules"))),
             last(kg("eval", str(GOLD), "--split", "test", *texts, "--relation-model",
                     str(tmp_path / "norules")))),
            ("combined (default)", last(kg("eval", str(GOLD), "--split", "dev", str(tmp_path / "cv_comb"))),
             last(kg("eval", str(GOLD), "--split", "test", *texts, "--relation-model",
                     str(tmp_path / "combined")))),
        ]
        reliability = kg("eval", str(GOLD), "--split", "test", *texts, "--relation-model",
                         str(tmp_path / "combined"), "--calibration")
    print("| configuration | dev | test |\n|---|---|---|")
    for name, dev, test in rows:
        print(f"| {name} | {dev.split(': ', 1)[1]} | {test.split(': ', 1)[1]} |")
    print("\nTest reliability (combined):\n")
    print("\n".join(reliability.splitlines()[:-1]))


if __name__ == "__main__":
    main()
