"""The model card of a trained relation model, written next to it by ``kg train-rel``."""

from __future__ import annotations

from kg.relmodel.model import RelationModel

__all__ = ["model_card", "LICENCE_NOTE"]

LICENCE_NOTE = (
    "The weights are derived from two sources: the project's own gold annotations of the dev "
    "articles (`tests/gold/hindi-news/gold/`, MIT like the code) and feature counts over the texts "
    "of those articles (the Hindi part of the SemEval-2025 Task 10 data, as redistributed in "
    "`raquelpanapalen/nlp_narrative_classification`; the texts belong to their publishers and are "
    "used for research, development and evaluation). The model holds single words and feature "
    "weights, never the texts, which are not redistributed. Use it under the same terms: research, "
    "development and evaluation."
)


def _row(name: str, fig: dict) -> str:
    return (f"| {name} | {fig['precision']:.3f} | {fig['recall']:.3f} | {fig['f1']:.3f} | "
            f"{fig['must_recall']:.3f} | {fig['counts']['precision'][0]}/{fig['counts']['precision'][1]} |")


def _stories_line(stories: dict[str, str], articles: int) -> str:
    if not stories:
        return "Folds: a round robin over the sorted article ids."
    return (f"Folds keep a story's articles together: {len(stories)} of the {articles} articles belong to "
            f"{len(set(stories.values()))} stories told in several articles (`stories.tsv` beside the "
            "gold), so no article is scored by a model that trained on its story.")


def model_card(model: RelationModel) -> str:
    """Markdown: what the model is, its data and licence, settings and cross-validated figures."""
    meta = model.meta
    cv = meta.get("cross_validation", {})
    config = meta.get("config", {})
    trained = meta.get("trained_on", [])
    lines = [
        "# kg relation model (`kg_relation_model`)",
        "",
        "One L2-regularized logistic regression per predicate over the features of a candidate: a pair "
        "of entity mentions in one sentence (or a relation a rule read from a noun phrase). Features: "
        "case markers after each mention, words and stems between them and after the later one up to "
        "its clause end, order and distance, clause and list boundaries, trigger words of the rule "
        "frames, which rule fired, negation and plan words, headline (`kg/relmodel/features.py`). "
        "A document's triple takes its best candidate's score; an isotonic map fitted on "
        "cross-validated scores turns it into the probability that the triple is right.",
        "",
        "## Data and licence",
        "",
        f"Trained by `kg train-rel` on the gold of {len(trained)} dev articles of "
        "`tests/gold/hindi-news/` (the 20 test articles are never used): " + ", ".join(trained) + ".",
        "",
        LICENCE_NOTE,
        "",
        "## Settings",
        "",
        ", ".join(f"`{k}` = {v}" for k, v in sorted(config.items())) + ".",
        f"Features: {len(model.features)}; predicates: {len(model.predicates)}. Default thresholds "
        "(minimum calibrated confidence of an emitted triple, chosen by cross-validation as the best F1 "
        f"with precision at least {config.get('min_precision', 0)}): {model.thresholds.get('rule', 0):.2f} "
        f"for triples a rule read too, {model.thresholds.get('model', 0):.2f} for the model's own.",
        "",
        f"## Cross-validated figures on dev ({config.get('folds', 5)} folds over articles, document level, "
        "as `kg eval` counts)",
        "",
        _stories_line(meta.get("stories", {}), len(trained)),
        "",
        "| | precision | recall | F1 | must recall | right/emitted |",
        "|---|---|---|---|---|---|",
    ]
    if cv:
        lines.append(_row("model", cv))
    lines += ["", "Test figures are in `docs/evaluation.md` (measured with `kg eval --split test`)."]
    return "\n".join(lines) + "\n"
