"""Plain-text reports of corpus scores (the layout of the reference scorer, plus calibration)."""

from __future__ import annotations

from typing import Any

from kg.evaluation.score import ArticleScore, Totals, reliability

__all__ = ["article_line", "predicate_table", "totals_line", "reliability_table", "format_totals",
           "json_report"]


def article_line(a: ArticleScore, verbose: bool = False) -> str:
    """One article's counts, and with ``verbose`` its misses and wrong triples."""
    line = (f"{a.doc}: must {a.must[0]}/{a.must[1]}, recall {a.recall[0]}/{a.recall[1]}, "
            f"precision {a.precision[0]}/{a.precision[1]}, entities {a.entities[0]}/{a.entities[1]}")
    if not verbose:
        return line
    rows = [line]
    rows += [f"   missed {r.level}: {list(r.s)} {list(r.p)} {list(r.o)}  ({r.why})" for r in a.missed]
    rows += [f"   wrong: {t}" for t in a.wrong]
    return "\n".join(rows)


def predicate_table(totals: Totals) -> str:
    """Per-predicate found/stated and right/emitted."""
    by = totals.by
    rows = [f"{'predicate':24} {'recall':>12} {'precision':>12}"]
    for p in sorted({p for _, p in by}):
        rows.append(f"{p:24} {by['found', p]:>5}/{by['gold', p]:<6} {by['right', p]:>5}/{by['pred', p]:<6}")
    return "\n".join(rows)


def totals_line(totals: Totals) -> str:
    """The last line: micro must recall, recall, precision, F1 and entity recall."""
    f = totals.figures()
    c = f["counts"]

    def share(name: str) -> str:  # from the counts: rounding the rounded figure again would differ
        hit, n = c[name]
        return f"{hit / n if n else 0.0:.2f} ({hit}/{n})"

    text = (f"{f['articles']} articles: must recall {share('must')}, recall {share('recall')}, "
            f"precision {share('precision')}, F1 {f['f1']:.2f}, entities {share('entities')}")
    if totals.failed:
        text += ", build failed on " + ",".join(totals.failed)
    return text


def reliability_table(totals: Totals, bins: int = 10) -> str:
    """Confidence bins against observed precision, and the expected calibration error."""
    scored = totals.scored
    rows = [f"{'confidence':>12} {'triples':>8} {'mean conf':>10} {'precision':>10}"]
    for r in reliability(scored, bins):
        if r["n"]:
            rows.append(f"{r['low']:.1f}-{r['high']:.1f}{'':>4} {r['n']:>8} {r['confidence']:>10.3f} "
                        f"{r['precision']:>10.3f}")
    rows.append(f"expected calibration error {totals.figures()['ece']:.3f} over {len(scored)} triples")
    return "\n".join(rows)


def format_totals(totals: Totals, per_article: bool = True, verbose: bool = False,
                  calibration: bool = False) -> str:
    """The whole report: article lines (unless ``per_article`` is off), the per-predicate
    table, optionally the reliability table, and the totals line last."""
    parts = []
    if per_article:
        parts += [article_line(a, verbose) for a in totals.articles]
        parts.append(predicate_table(totals))
    if calibration:
        parts.append(reliability_table(totals))
    parts.append(totals_line(totals))
    return "\n".join(parts)


def json_report(totals: Totals, per_article: bool = True) -> dict[str, Any]:
    """The scores as a JSON-ready dict: totals, reliability, and (``per_article``) the rest."""
    report: dict[str, Any] = {"totals": totals.figures(), "reliability": reliability(totals.scored)}
    if per_article:
        by = totals.by
        report["per_predicate"] = {
            p: {"found": by["found", p], "gold": by["gold", p],
                "right": by["right", p], "predicted": by["pred", p]}
            for p in sorted({p for _, p in by})
        }
        report["articles"] = [
            {"doc": a.doc, "must": a.must, "recall": a.recall, "precision": a.precision,
             "entities": a.entities}
            for a in totals.articles
        ]
    return report
