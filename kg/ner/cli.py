"""``kg train-ner`` and ``kg eval-ner``: train and score the Hindi NER model."""

from __future__ import annotations

import json
import time
from pathlib import Path

import click

from kg.errors import KGError
from kg.model_output import check_model_out
from kg.ner import MODEL_DIR

__all__ = ["DEFAULT_OUT", "check_out", "train_ner", "eval_ner"]

HINER = "/work/shared/data/hiner/hiner-original-train.conll"


#: Where ``kg train-ner`` writes by default (the current folder), never onto the shipped model.
DEFAULT_OUT = Path("hi_ner-trained")


def check_out(out: Path, force: bool) -> None:
    """Refuse an ``--out`` that would replace the shipped model or a folder holding no model.

    ``--force`` allows both (a maintainer retraining ``kg/models/hi_ner``).

    Examples
    --------
    >>> check_out(MODEL_DIR, force=False)
    Traceback (most recent call last):
    ...
    kg.errors.KGError: .../kg/models/hi_ner: this is the NER model shipped with kg; ...
    >>> check_out(MODEL_DIR.parent.parent, force=False)
    Traceback (most recent call last):
    ...
    kg.errors.KGError: ...: this folder is not a NER model and would be replaced; ...
    >>> check_out(MODEL_DIR, force=True)
    """
    check_model_out(out, force, shipped=MODEL_DIR, marker="config.cfg", kind="NER")


@click.command(
    "train-ner",
    epilog=(f"Examples:\n\n\b\n  OMP_NUM_THREADS=1 kg train-ner {HINER} --seed 0\n"
            f"  kg eval-ner {HINER} --model hi_ner-trained --split dev --seed 0\n"
            f"  kg train-ner {HINER} --out kg/models/hi_ner --force   # replace the shipped model"),
)
@click.argument("conll", type=click.Path(dir_okay=False, path_type=Path))
@click.option("--out", "out", type=click.Path(file_okay=False, path_type=Path), default=DEFAULT_OUT,
              show_default=True,
              help="Directory of the trained model (replaced if it holds one; never the shipped model).")
@click.option("--force", is_flag=True,
              help="Replace --out even if it is the shipped kg/models/hi_ner or a folder holding no model.")
@click.option("--config", type=click.Path(exists=True, dir_okay=False, path_type=Path), default=None,
              help="spaCy training config (default: kg/ner/hi_ner.cfg).")
@click.option("--seed", type=int, default=0, show_default=True, help="Seed of the dev split and of training.")
@click.option("--dev-fraction", type=float, default=0.1, show_default=True, help="Share held out as dev set.")
@click.option("--epochs", type=int, default=None, help="Override training.max_epochs of the config.")
@click.option("--limit", type=int, default=0, help="Use only the first N sentences (smoke tests).")
@click.option("--augment", type=int, default=0, show_default=True,
              help="Mention-replaced copies of each training sentence with a person or organization.")
@click.option("--quiet", is_flag=True, help="Do not print the training log.")
def train_ner(conll: Path, out: Path, force: bool, config: Path | None, seed: int, dev_fraction: float,
              epochs: int | None, limit: int, augment: int, quiet: bool) -> None:
    """Train the Hindi NER model on a HiNER-style CoNLL file (token<TAB>BIO-tag).

    Deterministic for a given --seed; run it with one thread (OMP_NUM_THREADS=1).
    """
    from kg.ner.train import DEFAULT_CONFIG, train_model

    overrides = {"training.max_epochs": epochs} if epochs is not None else {}
    started = time.perf_counter()
    try:
        check_out(out, force)
        train_model(conll, out, config or DEFAULT_CONFIG, seed, dev_fraction, overrides, limit, quiet,
                    augment_copies=augment)
    except KGError as exc:
        raise click.ClickException(str(exc)) from exc
    click.echo(f"saved model to {out} ({time.perf_counter() - started:.0f} s)")


@click.command(
    "eval-ner",
    epilog=(f"Examples:\n\n\b\n  kg eval-ner {HINER} --split dev --seed 0\n"
            "  kg eval-ner my_gold.conll --model hi_ner-trained --json"),
)
@click.argument("conll", type=click.Path(dir_okay=False, path_type=Path))
@click.option("--model", "model_dir", type=click.Path(file_okay=False, path_type=Path), default=None,
              help="Model directory (default: the shipped kg/models/hi_ner).")
@click.option("--split", type=click.Choice(["all", "dev", "train"]), default="all", show_default=True,
              help="Score all sentences, or only the dev/train part of the --seed split.")
@click.option("--seed", type=int, default=0, show_default=True, help="Seed of the split (as in train-ner).")
@click.option("--dev-fraction", type=float, default=0.1, show_default=True, help="Share held out as dev set.")
@click.option("--json", "as_json", is_flag=True, help="Print the scores as JSON.")
def eval_ner(conll: Path, model_dir: Path | None, split: str, seed: int, dev_fraction: float,
             as_json: bool) -> None:
    """Score the NER model on CONLL: per-label and micro P/R/F1, exact span and token level."""
    from kg.ner.component import load_ner  # spaCy: imported when the command runs, not when the CLI starts
    from kg.ner.conll import read_conll, split_dev
    from kg.ner.evaluate import evaluate, format_scores

    try:
        sentences = read_conll(conll)
        nlp = load_ner(model_dir)
    except KGError as exc:
        raise click.ClickException(str(exc)) from exc
    if split != "all":
        train, dev = split_dev(sentences, dev_fraction, seed)
        sentences = dev if split == "dev" else train
    scores = evaluate(nlp, sentences)
    if as_json:
        data = {level: {label: prf.as_dict() for label, prf in sorted(table.items())}
                for level, table in (("span", scores.span), ("token", scores.token))}
        data["micro_target"] = scores.micro("span", ("Person", "Organization", "Location")).as_dict()
        data["micro_all"] = scores.micro("span").as_dict()
        click.echo(json.dumps(data, indent=2))
        return
    click.echo(f"{len(sentences)} sentences, {sum(len(s.tokens) for s in sentences)} tokens")
    click.echo(format_scores(scores))
