"""``kg train-rel``: train the relation model on gold-annotated articles."""

from __future__ import annotations

import time
from pathlib import Path

import click

from kg.cli_build import one_line_errors
from kg.evaluation.run import DEFAULT_GOLD, DEFAULT_TEXTS
from kg.model_output import check_model_out

__all__ = ["DEFAULT_OUT", "train_rel"]

#: Where ``kg train-rel`` writes by default (the current folder), never onto the shipped model.
DEFAULT_OUT = Path("hi_rel-trained")

_EPILOG = """\b
Examples:
  kg train-rel --texts ../shared/corpus/hindi-news/hi --split dev --cv-out cv/
  kg eval tests/gold/hindi-news/gold --split dev cv/
  kg build articles/ --relation-model hi_rel-trained
  kg train-rel --texts ../shared/corpus/hindi-news/hi --split dev \\
      --also tests/gold/000_f11f25e23ec2aca4.gold.json --also tests/gold/dev --also tests/gold/heldout \\
      --out kg/models/hi_rel --force   # replace the shipped model
"""


@click.command("train-rel", epilog=_EPILOG)
@click.option("--gold", type=click.Path(path_type=Path), default=DEFAULT_GOLD, show_default=True,
              help="Gold file or folder (GUIDELINES.md format).")
@click.option("--texts", type=click.Path(path_type=Path), default=DEFAULT_TEXTS, show_default=True,
              help="Folder of the articles (<id>.txt).")
@click.option("--split", type=click.Choice(["dev", "test"]), default="dev", show_default=True,
              help="Train on this split of splits.json beside the gold folder (never test).")
@click.option("--config", "config_path", type=click.Path(exists=True, dir_okay=False, path_type=Path),
              default=None, help="Training config (default: kg/relmodel/hi_rel.cfg).")
@click.option("--out", type=click.Path(file_okay=False, path_type=Path), default=DEFAULT_OUT,
              show_default=True,
              help="Model folder to write (replaced if it holds one; never the shipped model).")
@click.option("--force", is_flag=True,
              help="Replace --out even if it is the shipped kg/models/hi_rel or a folder holding no model.")
@click.option("--also", "also", multiple=True, type=click.Path(exists=True, path_type=Path),
              help="More gold files or folders (either format, texts beside them) used for training "
                   "only; repeatable.")
@click.option("--seed", type=int, default=None, help="Override the config's seed.")
@click.option("--no-rules", is_flag=True, help="Leave the rules' output out of the features.")
@click.option("--cv-out", type=click.Path(file_okay=False, path_type=Path), default=None,
              help="Write each article's cross-validated triples (from the fold that did not see it) "
                   "to CV_OUT/<id>/ for kg eval.")
@click.option("--stories", type=click.Path(exists=True, dir_okay=False, path_type=Path), default=None,
              help="TSV of article<TAB>story: a story's articles stay in one cross-validation fold "
                   "(default: stories.tsv beside the gold folder, if there is one).")
@one_line_errors
def train_rel(gold: Path, texts: Path, split: str, config_path: Path | None, out: Path, force: bool,
              also: tuple[Path, ...], seed: int | None, no_rules: bool, cv_out: Path | None,
              stories: Path | None) -> None:
    """Train the relation model on gold articles; print its cross-validated figures.

    Each article is run through the pipeline up to the rules, its candidate pairs are
    labelled from the gold, one logistic regression per predicate is fitted, and
    calibration and the default thresholds come from cross-validation over articles.
    Deterministic for a given seed. Needs scikit-learn (pip install 'kg-hindi-news[train]').
    """
    from kg.evaluation.run import gold_paths
    from kg.relmodel.card import model_card
    from kg.relmodel.model import DEFAULT_MODEL
    from kg.relmodel.train import load_config, prepare, train

    if split == "test":
        raise click.UsageError("the test split is for measurement only; train on dev")
    check_model_out(out, force, shipped=DEFAULT_MODEL, marker="model.json", kind="relation")
    config = load_config(config_path, seed=seed, use_rules=False if no_rules else None)
    started = time.perf_counter()
    paths = gold_paths(gold, split=split)
    if not Path(texts).is_dir():
        from kg.errors import error

        raise error("no_texts", path=texts)
    docs = prepare(paths, Path(texts), use_rules=config.use_rules)
    extra_paths = sorted(p for folder in also
                         for p in ([folder] if folder.is_file() else folder.rglob("*.json"))
                         if not p.name.endswith(".meta.json"))
    extra = prepare(extra_paths, Path(texts), use_rules=config.use_rules) if extra_paths else []
    story_of = _stories(gold, stories)
    model, report = train(docs, config, extra, story_of)
    target = out
    folds = report.pop("out_of_fold")
    if cv_out is not None:
        _write_folds(cv_out, docs, folds)
    model.meta = {"config": vars(config), "trained_on": sorted(d.id for d in docs),
                  "also_trained_on": sorted(d.id for d in extra),
                  "stories": {d.id: story_of[d.id] for d in docs if d.id in story_of}, **report}
    model.save(target, extra={"MODEL_CARD.md": model_card(model)})
    cv = report["cross_validation"]
    click.echo(f"{len(docs)} articles, {sum(len(d.candidates) for d in docs)} candidates; cross-validated "
               f"precision {cv['precision']:.3f}, recall {cv['recall']:.3f}, F1 {cv['f1']:.3f}, must recall "
               f"{cv['must_recall']:.3f} at thresholds {report['thresholds']}")
    click.echo(f"saved model to {target} ({time.perf_counter() - started:.0f} s)")


def _stories(gold: Path, path: Path | None) -> dict[str, str]:
    """Articles that tell one story, from ``path`` or the stories file beside the gold folder."""
    from kg.relmodel.folds import STORIES_FILE, read_stories

    if path is None and gold.is_dir() and (gold.parent / STORIES_FILE).is_file():
        path = gold.parent / STORIES_FILE
    if path is None:
        return {}
    try:
        return read_stories(path)
    except (ValueError, UnicodeDecodeError) as exc:
        raise click.BadParameter(str(exc).splitlines()[0], param_hint="--stories") from None


def _write_folds(folder: Path, docs: list, folds: dict[str, list[dict]]) -> None:
    from kg.atomic import atomic_output_dir
    from kg.output import jsonl

    with atomic_output_dir(folder) as stage:
        for doc in docs:
            (stage / doc.id).mkdir()
            (stage / doc.id / "entities.jsonl").write_text(jsonl(doc.entities.values()), encoding="utf-8")
            rows = sorted(folds[doc.id], key=lambda t: (t["subject"].get("id", ""), t["predicate"],
                                                        t["object"].get("id", "")))
            (stage / doc.id / "triples.jsonl").write_text(jsonl(rows), encoding="utf-8")
