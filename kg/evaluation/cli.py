"""``kg eval``: a thin wrapper over :mod:`kg.evaluation` (and :mod:`kg.evaluate` for old gold)."""

from __future__ import annotations

import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

import click

from kg.cli_build import one_line_errors, relation_setting
from kg.errors import error

__all__ = ["eval_cmd"]

_EVAL_EPILOG = """\b
Examples:
  kg eval tests/gold/000_f11f25e23ec2aca4.gold.json output/
  kg eval tests/gold/hindi-news/gold --split dev --texts ../shared/corpus/hindi-news/hi -v
  kg eval tests/gold/hindi-news/gold/HI_2.json builds/   # builds/ from kg build (merged or per article)
"""


@click.command("eval", epilog=_EVAL_EPILOG)
@click.argument("gold", type=click.Path(path_type=Path))
@click.argument("out_dir", required=False, type=click.Path(path_type=Path))
@click.option("--texts", type=click.Path(path_type=Path),
              help="Folder of the articles (<id>.txt): build each one here instead of reading OUT_DIR.")
@click.option("--split", type=click.Choice(["dev", "test"]),
              help="Only the articles of this split (splits.json beside the gold folder); "
                   "on test only the totals are printed.")
@click.option("--splits", "splits_file", type=click.Path(path_type=Path), help="Another splits.json.")
@click.option("--only", default="", help="Comma-separated article ids.")
@click.option("-v", "--verbose", is_flag=True, help="List misses and wrong triples per article.")
@click.option("--calibration", is_flag=True, help="Print the reliability table and calibration error.")
@click.option("--no-model", is_flag=True, help="With --texts: lexicon and rules only.")
@click.option("--relation-model", "relation_model_dir", type=click.Path(file_okay=False, path_type=Path),
              default=None, help="A relation model folder of kg train-rel (default: the shipped one).")
@click.option("--no-relation-model", is_flag=True, help="With --texts: relations from the rules only.")
@click.option("--min-confidence", type=click.FloatRange(0.0, 1.0), default=None,
              help="With --texts: as kg build --min-confidence.")
@click.option("--save", "save_dir", type=click.Path(path_type=Path),
              help="With --texts: keep each article's entities.jsonl and triples.jsonl in SAVE/<id>/.")
@click.option("--min-recall", type=float, default=0.0, help="Exit 1 when recall is lower.")
@click.option("--min-precision", type=float, default=0.0, help="Exit 1 when precision is lower.")
@click.option("--resolution", is_flag=True,
              help="With OUT_DIR built from many articles: also score cross-document entity resolution.")
@click.option("--json", "as_json", is_flag=True, help="Print the scores as JSON.")
@one_line_errors
def eval_cmd(gold: Path, out_dir: Path | None, texts: Path | None, split: str | None,
             splits_file: Path | None, only: str, verbose: bool, calibration: bool, no_model: bool,
             relation_model_dir: Path | None, no_relation_model: bool, min_confidence: float | None,
             save_dir: Path | None, min_recall: float, min_precision: float, resolution: bool,
             as_json: bool) -> None:
    """Score kg on gold annotations: precision, recall, F1, must recall, entity recall.

    GOLD is a gold file or a folder of them. Gold in the format of GUIDELINES.md
    (tests/gold/hindi-news/) is scored against OUT_DIR (a kg build output, merged or with
    one sub-folder per article) or, with --texts, against a build of each article made
    here. Gold in the older in-house format (tests/gold/*.gold.json) needs OUT_DIR.
    Exits 1 when an article could not be scored or a --min-* threshold is not met.
    """
    import json

    from kg.evaluation.gold import is_guidelines_gold

    first = gold if gold.is_file() else next(iter(sorted(gold.glob("*.json"))), None)
    if first is not None and gold.is_file() and not _guidelines_file(first, is_guidelines_gold):
        if out_dir is None:
            raise error("gold_needs_build", path=gold)
        from kg.evaluate import evaluate_dir, format_report

        report = evaluate_dir(gold, out_dir)
        click.echo(json.dumps(report, indent=2, ensure_ascii=False) if as_json else format_report(report))
        return
    totals = _eval_corpus(gold, out_dir, texts, split, splits_file, only, no_model, save_dir,
                          {"min_confidence": min_confidence},
                          relation_model=relation_setting(relation_model_dir, no_relation_model))
    from kg.evaluation.report import format_totals, json_report

    if as_json:
        click.echo(json.dumps(json_report(totals, split != "test"), indent=2, ensure_ascii=False))
        sys.exit(1 if totals.failed else 0)
    click.echo(format_totals(totals, per_article=split != "test", verbose=verbose and split != "test",
                             calibration=calibration))
    if resolution:
        click.echo(_resolution_line(gold, out_dir, split, splits_file, only))
    figures = totals.figures()
    if totals.failed or figures["recall"] < min_recall or figures["precision"] < min_precision:
        sys.exit(1)


def _guidelines_file(path: Path, check: Callable[[Any], bool]) -> bool:
    import json

    try:
        return check(json.loads(path.read_text(encoding="utf-8")))
    except (OSError, ValueError):
        return True  # let the gold reader report the problem


def _eval_corpus(gold: Path, out_dir: Path | None, texts: Path | None, split: str | None,
                 splits_file: Path | None, only: str, no_model: bool, save_dir: Path | None,
                 options: dict[str, Any], relation_model: bool | str | None = None) -> Any:
    from kg.evaluation.run import evaluate_corpus, gold_paths

    paths = gold_paths(gold, split=split, splits=splits_file, only=[x for x in only.split(",") if x])
    keep = None
    if save_dir is not None:
        from kg.atomic import atomic_output_dir
        from kg.output import jsonl

        def keep(doc: str, records: tuple[list[dict[str, Any]], list[dict[str, Any]]]) -> None:
            with atomic_output_dir(save_dir / doc) as stage:
                (stage / "entities.jsonl").write_text(jsonl(records[0]), encoding="utf-8")
                (stage / "triples.jsonl").write_text(jsonl(records[1]), encoding="utf-8")

    return evaluate_corpus(paths, build=out_dir if texts is None else None, texts=texts,
                           model=not no_model, relation_model=relation_model, options=options, keep=keep)


def _resolution_line(gold: Path, out_dir: Path | None, split: str | None, splits_file: Path | None,
                     only: str) -> str:
    import json

    from kg.evaluation.gold import load_gold
    from kg.evaluation.resolution import occurrences, scores
    from kg.evaluation.run import gold_paths

    if out_dir is None or not (out_dir / "entities.jsonl").is_file():
        raise error("no_output", path=out_dir or ".")
    text = (out_dir / "entities.jsonl").read_text(encoding="utf-8")
    entities = [json.loads(line) for line in text.split("\n") if line.strip()]
    paths = gold_paths(gold, split=split, splits=splits_file, only=[x for x in only.split(",") if x])
    s = scores(occurrences([load_gold(p) for p in paths], entities))
    return (f"cross-document resolution: merge precision {s['precision']:.3f}, recall {s['recall']:.3f}, "
            f"{s['nodes_per_entity']:.3f} nodes per entity ({s['entities']} entities, {s['occurrences']} "
            "occurrences)")
