"""Which entity source wins? Ruler only, model only, and both, on HiNER dev sentences.

Scores exact spans of Person / Organization / Location on the dev split that
`kg train-ner` holds out (same seed), using the gold tokenization:

* **ruler**: lexicon + title cues + head nouns (``kg_lexicon`` + ``kg_patterns``);
* **model**: the trained NER alone (``doc.spans["ner_model"]``);
* **combined**: the extractor's merge (lexicon and rules first, model spans where
  nothing overlaps them; longer spans win).

    python bench/eval_ner_combination.py [CONLL] [--limit N]
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from spacy.tokens import Doc

from kg.ner.conll import read_conll, split_dev
from kg.ner.evaluate import PRF, score_spans
from kg.nlp.entities import MENTIONS
from kg.nlp.pipeline import make_nlp

ROOT = Path(__file__).resolve().parent.parent
DEFAULT = ROOT.parent / "shared" / "data" / "hiner" / "hiner-original-train.conll"
LABELS = ("Person", "Organization", "Location")
_PLACE = {"Country": "Location", "City": "Location", "Region": "Location"}


def _spans(doc: Doc, key: str) -> list[tuple[int, int, str]]:
    out = []
    for span in doc.spans.get(key, []):
        label = _PLACE.get(span.label_, span.label_)
        # demonyms (भारतीय) are mentions of a country for the graph, not name spans in HiNER
        if label in LABELS and span.id_ != "demonym":
            out.append((span.start, span.end, label))
    return out


def predict(nlp, sentences, key: str, upto: str) -> list[list[tuple[int, int, str]]]:  # noqa: ANN001
    """Run the pipeline up to (and including) component ``upto`` on gold tokens."""
    names = nlp.pipe_names[: nlp.pipe_names.index(upto) + 1]
    found = []
    for sentence in sentences:
        doc = Doc(nlp.vocab, words=list(sentence.tokens))
        for name in names:
            doc = nlp.get_pipe(name)(doc)
        found.append(_spans(doc, key))
    return found


def report(name: str, gold, pred, lengths) -> None:  # noqa: ANN001
    scores = score_spans(gold, pred, lengths)
    micro = PRF()
    cells = []
    for label in LABELS:
        counts = scores.span.get(label, PRF())
        micro.add(counts)
        cells.append(f"{counts.precision:.3f}/{counts.recall:.3f}/{counts.f1:.3f}")
    cells.append(f"{micro.precision:.3f}/{micro.recall:.3f}/{micro.f1:.3f}")
    print(f"| {name} | " + " | ".join(cells) + " |")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("conll", nargs="?", default=str(DEFAULT))
    parser.add_argument("--limit", type=int, default=0, help="Score only the first N dev sentences.")
    args = parser.parse_args()
    _, dev = split_dev(read_conll(args.conll), 0.1, seed=0)
    dev = dev[: args.limit] if args.limit else dev
    gold = [[(s, e, lab) for s, e, lab in sent.spans() if lab in LABELS] for sent in dev]
    lengths = [len(s.tokens) for s in dev]
    nlp = make_nlp(model=True)
    if "kg_ner_model" not in nlp.pipe_names:
        sys.exit("no NER model in the pipeline (install the package so the entry point is registered)")
    rules = make_nlp(model=False)
    print(f"{len(dev)} dev sentences; exact spans; P/R/F1\n")
    print("| source | Person | Organization | Location | micro |\n|---|---|---|---|---|")
    report("ruler only", gold, predict(rules, dev, MENTIONS, "kg_patterns"), lengths)
    report("model only", gold, predict(nlp, dev, "ner_model", "kg_ner_model"), lengths)
    report("combined (kg)", gold, predict(nlp, dev, MENTIONS, "kg_patterns"), lengths)


if __name__ == "__main__":
    main()
