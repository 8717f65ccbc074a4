"""Score ``kg build`` output against a gold file: entity and relation P/R/F1.

Gold format (JSON, see ``tests/gold/``)::

    {"doc": "...",
     "entities": [{"label": "Vladimir Putin", "type": "Person", "wikidata": "Q7747",
                   "also": ["other accepted labels"], "mentions": ["पुतिन", ...]}],
     "relations": [{"subject": "Vladimir Putin", "predicate": "visits", "object": "Vietnam",
                    "modality": "asserted", "time": "2024-06-20", "derived": false}]}

A predicted entity matches a gold one by QID, else by label (or an ``also``
label) ignoring case, articles and word order, else by a Hindi mention of the
same type. Relations are compared as (subject, predicate, object) sets,
order-free for symmetric predicates; modality and time are scored on the matched
ones. Events (type ``Event``) count as relation ends but not in the entity scores.
"""

from __future__ import annotations

import json
import re
from collections import Counter
from pathlib import Path
from typing import Any

from kg.errors import error
from kg.nlp.normalize import match_key

__all__ = ["evaluate", "evaluate_dir", "format_report", "prf", "SYMMETRIC"]

SYMMETRIC = {"signsAgreementWith", "meets"}


def prf(tp: int, n_pred: int, n_gold: int) -> dict[str, float]:
    """Precision, recall and F1 (0 when undefined).

    Examples
    --------
    >>> prf(8, 10, 16)
    {'precision': 0.8, 'recall': 0.5, 'f1': 0.615}
    """
    p = tp / n_pred if n_pred else 0.0
    r = tp / n_gold if n_gold else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return {"precision": round(p, 3), "recall": round(r, 3), "f1": round(f, 3)}


def _prf_split(matched_pred: int, found_gold: int, n_pred: int, n_gold: int) -> dict[str, float]:
    """P/R/F1 when several predictions may match one gold item (precision counts predictions
    that match something, recall counts gold items found)."""
    p = prf(matched_pred, n_pred, n_gold)["precision"]
    r = prf(found_gold, n_pred, n_gold)["recall"]
    return {"precision": p, "recall": r, "f1": round(2 * p * r / (p + r), 3) if p + r else 0.0}


def _norm(label: str) -> str:
    """Case, dashes, articles and word order do not matter: "Commerce Department of the
    United States" is "United States Department of Commerce".

    Examples
    --------
    >>> _norm("Commerce Department of the United States") == _norm("United States Department of Commerce")
    True
    """
    words = re.findall(r"[\w'.]+", label.lower().replace("–", "-"))
    return " ".join(sorted(w for w in words if w not in {"the", "of", "a", "an"}))


class _Matcher:
    def __init__(self, gold_entities: list[dict[str, Any]]) -> None:
        self.by_qid = {g["wikidata"]: g["label"] for g in gold_entities if g.get("wikidata")}
        self.by_label = {}
        self.by_mention = {}
        for g in gold_entities:
            for label in [g["label"], *g.get("also", [])]:
                self.by_label[_norm(label)] = g["label"]
            for text in g.get("mentions", []):
                self.by_mention.setdefault((match_key(text), g["type"]), g["label"])

    def __call__(self, ent: dict[str, Any]) -> str | None:
        if ent.get("wikidata") and ent["wikidata"] in self.by_qid:
            return self.by_qid[ent["wikidata"]]
        found = self.by_label.get(_norm(ent.get("label", "")))
        if found is None:  # a new name, romanized a little differently: same Hindi name and type
            texts = [ent.get("label_hi", "")] + [m["text"] for m in ent.get("mentions", [])]
            found = next(
                (
                    self.by_mention[(match_key(t), ent.get("type"))]
                    for t in texts
                    if (match_key(t), ent.get("type")) in self.by_mention
                ),
                None,
            )
        return found


def _entity_scores(gold: dict[str, Any], entities: list[dict[str, Any]], match: _Matcher) -> dict[str, Any]:
    gold_named = {g["label"]: g for g in gold["entities"] if g["type"] != "Event"}
    pred = [e for e in entities if e["type"] != "Event"]
    hits = [match(e) for e in pred]
    found = Counter(h for h in hits if h in gold_named)
    typed_hits = [h for e, h in zip(pred, hits, strict=True)
                  if h in gold_named and gold_named[h]["type"] == e["type"]]
    not_canonical = []
    for label, g in gold_named.items():
        nodes = [e for e, h in zip(pred, hits, strict=True) if h == label]
        texts = {match_key(m["text"]) for e in nodes for m in e.get("mentions", [])}
        if len(nodes) != 1 or not all(match_key(m) in texts for m in g.get("mentions", [])):
            not_canonical.append(label)
    canonical = len(gold_named) - len(not_canonical)
    exact = sum(1 for e, h in zip(pred, hits, strict=True) if h and _norm(e["label"]) == _norm(h))
    missing = sorted(set(gold_named) - set(found))
    spurious = sorted(e["label"] for e, h in zip(pred, hits, strict=True) if h is None)
    return {
        **_prf_split(sum(found.values()), len(found), len(pred), len(gold_named)),
        "typed": _prf_split(len(typed_hits), len(set(typed_hits)), len(pred), len(gold_named)),
        "canonicalized": round(canonical / len(gold_named), 3) if gold_named else 0.0,
        "exact_labels": exact,
        "not_canonicalized": not_canonical,
        "missing": missing,
        "spurious": spurious,
    }


def _triple(rel: dict[str, Any], s: str, o: str) -> tuple[str, str, str]:
    if rel["predicate"] in SYMMETRIC and o < s:
        s, o = o, s
    return s, rel["predicate"], o


def _relation_scores(gold: dict[str, Any], triples: list[dict[str, Any]], match: _Matcher) -> dict[str, Any]:
    gold_set = {_triple(r, r["subject"], r["object"]) for r in gold["relations"]}
    pred: dict[tuple[str, str, str], list[dict[str, Any]]] = {}
    for t in triples:
        s = match(t["subject"]) or f"?{t['subject']['label']}"
        o = match(t["object"]) or f"?{t['object']['label']}"
        pred.setdefault(_triple(t, s, o), []).append(t)
    tp = gold_set & set(pred)
    modality = [
        any(
            p["modality"] == g.get("modality", "asserted")
            for p in pred[_triple(g, g["subject"], g["object"])]
        )
        for g in gold["relations"]
        if _triple(g, g["subject"], g["object"]) in tp
    ]
    timed = [g for g in gold["relations"] if g.get("time") and _triple(g, g["subject"], g["object"]) in tp]
    time_ok = [
        any(p.get("time") == g["time"] for p in pred[_triple(g, g["subject"], g["object"])]) for g in timed
    ]
    per_predicate = {}
    for predicate in sorted({t[1] for t in gold_set | set(pred)}):
        g = {t for t in gold_set if t[1] == predicate}
        p = {t for t in pred if t[1] == predicate}
        per_predicate[predicate] = {**prf(len(g & p), len(p), len(g)), "gold": len(g), "predicted": len(p)}
    return {
        **prf(len(tp), len(pred), len(gold_set)),
        "gold": len(gold_set),
        "predicted": len(pred),
        "correct": len(tp),
        "modality_accuracy": round(sum(modality) / len(modality), 3) if modality else 0.0,
        "time_accuracy": round(sum(time_ok) / len(time_ok), 3) if time_ok else 0.0,
        "per_predicate": per_predicate,
        "missing": [" ".join(t) for t in sorted(gold_set - set(pred))],
        "spurious": [" ".join(t) for t in sorted(set(pred) - gold_set)],
    }


def evaluate(
    gold: dict[str, Any], entities: list[dict[str, Any]], triples: list[dict[str, Any]]
) -> dict[str, Any]:
    """Entity and relation scores of predicted records against a gold annotation."""
    listed = {g["label"] for g in gold["entities"]}
    ends = {r[k] for r in gold["relations"] for k in ("subject", "object")} - listed
    # relation ends not listed as entities (e.g. an Event) still match by their label
    match = _Matcher(gold["entities"] + [{"label": label, "type": "Event"} for label in sorted(ends)])
    return {
        "entities": _entity_scores(gold, entities, match),
        "relations": _relation_scores(gold, triples, match),
    }


def _read_jsonl(path: Path) -> list[dict[str, Any]]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").split("\n") if line.strip()]


def evaluate_dir(gold_path: Path, out_dir: Path) -> dict[str, Any]:
    """:func:`evaluate` a gold file against the JSON Lines in a ``kg build`` output directory."""
    try:
        gold = json.loads(Path(gold_path).read_text(encoding="utf-8"))
        gold["entities"], gold["relations"]  # noqa: B018 - required keys
    except (OSError, ValueError, KeyError, TypeError) as exc:
        raise error("bad_gold", path=gold_path, reason=f"{type(exc).__name__}: {exc}") from None
    out_dir = Path(out_dir)
    if not (out_dir / "triples.jsonl").is_file() or not (out_dir / "entities.jsonl").is_file():
        raise error("no_output", path=out_dir)
    doc = gold.get("doc")
    entities = _read_jsonl(out_dir / "entities.jsonl")
    triples = _read_jsonl(out_dir / "triples.jsonl")
    if doc:
        entities = [
            e for e in entities if any(m["doc"] == doc for m in e.get("mentions", [])) or e["type"] == "Event"
        ]
        triples = [t for t in triples if any(ev["doc"] == doc for ev in t["evidence"])]
    return evaluate(gold, entities, triples)


def format_report(report: dict[str, Any]) -> str:
    """A plain-text table of the scores."""
    ent, rel = report["entities"], report["relations"]
    lines = [
        f"{'':14}{'precision':>10}{'recall':>8}{'F1':>7}",
        f"{'entities':14}{ent['precision']:>10.3f}{ent['recall']:>8.3f}{ent['f1']:>7.3f}",
        f"{'entities+type':14}{ent['typed']['precision']:>10.3f}{ent['typed']['recall']:>8.3f}"
        f"{ent['typed']['f1']:>7.3f}",
        f"{'relations':14}{rel['precision']:>10.3f}{rel['recall']:>8.3f}{rel['f1']:>7.3f}",
        f"canonicalized entities: {ent['canonicalized']:.3f}; relation modality accuracy: "
        f"{rel['modality_accuracy']:.3f}; time accuracy: {rel['time_accuracy']:.3f}",
        f"relations: {rel['correct']} correct of {rel['predicted']} predicted, {rel['gold']} in gold",
    ]
    for name, items in (
        ("missing entities", ent["missing"]),
        ("spurious entities", ent["spurious"]),
        ("not canonicalized", ent["not_canonicalized"]),
        ("missing relations", rel["missing"]),
        ("spurious relations", rel["spurious"]),
    ):
        if items:
            lines.append(f"{name}: " + "; ".join(items))
    return "\n".join(lines)
