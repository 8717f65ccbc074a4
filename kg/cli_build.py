"""``kg build``: a thin wrapper over :mod:`kg.api`."""

from __future__ import annotations

import functools
import os
import sys
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

import click

from kg.errors import KGError

if TYPE_CHECKING:  # pragma: no cover
    from kg.parallel import PipelineSpec

__all__ = ["build", "one_line_errors", "relation_setting", "warn_about_models"]


def one_line_errors(func: Callable[..., Any]) -> Callable[..., Any]:
    """Turn errors into a one-line message and exit status 1 (no traceback).

    Set ``KG_DEBUG=1`` to see the traceback of an unexpected error.
    """

    @functools.wraps(func)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        try:
            return func(*args, **kwargs)
        except KGError as exc:
            raise click.ClickException(str(exc)) from None
        except (click.ClickException, click.Abort, SystemExit):
            raise
        except MemoryError:
            raise click.ClickException("out of memory; split the input into smaller files") from None
        except Exception as exc:  # noqa: BLE001 - the CLI never shows a traceback
            if os.environ.get("KG_DEBUG"):
                raise
            raise click.ClickException(f"internal error: {type(exc).__name__}: {exc}") from None

    return wrapper


def relation_setting(folder: Path | None, off: bool) -> bool | str | None:
    """What :func:`kg.nlp.pipeline.get_nlp` takes for ``--relation-model`` / ``--no-relation-model``."""
    if folder is not None:
        if not (folder / "model.json").is_file():
            from kg.errors import error

            raise error("no_rel_model", path=folder, reason="no model.json")
        return str(folder.resolve())
    return False if off else None


def warn_about_models(spec: PipelineSpec) -> None:
    """One stderr line for each shipped model the pipeline of ``spec`` has to leave out."""
    from kg.nlp.pipeline import model_warnings

    for warning in model_warnings(spec.model, spec.relation_model):
        click.echo(f"kg: warning: {warning}", err=True)


@click.command(epilog="\b\nExamples:\n  kg build seeds/ --out output/\n"
                      "  kg build a.txt b.txt --format ttl --format jsonld --no-model\n"
                      "  kg build articles/ --jobs 2 --min-confidence 0.8")
@click.argument("inputs", nargs=-1, required=True, type=click.Path(path_type=Path))
@click.option("--out", "out_dir", default="output", show_default=True, type=click.Path(path_type=Path),
              help="Directory for the output files.")
@click.option("--format", "formats", multiple=True, default=("ttl",), show_default=True,
              type=click.Choice(["ttl", "trig", "jsonld", "nt", "nq"]), help="RDF format(s) to write.")
@click.option("--no-model", is_flag=True,
              help="Lexicon and rules only (no statistical NER or relation model).")
@click.option("--no-html", is_flag=True, help="Do not write the HTML viewer.")
@click.option("--relation-model", "relation_model_dir", type=click.Path(file_okay=False, path_type=Path),
              default=None, help="A relation model folder of kg train-rel (default: the shipped one).")
@click.option("--no-relation-model", is_flag=True, help="Relations from the rules only (NER model kept).")
@click.option("--min-confidence", type=click.FloatRange(0.0, 1.0), default=None,
              help="Keep relations whose confidence (probability of being right) reaches this "
                   "[default: the relation model's threshold chosen on dev; 0 with --no-model].")
@click.option("--jobs", "-j", type=click.IntRange(min=1), default=None,
              help="Worker processes for extraction [default: all cores]; the output does not depend on it.")
@one_line_errors
def build(inputs: tuple[Path, ...], out_dir: Path, formats: tuple[str, ...], no_model: bool,
          no_html: bool, relation_model_dir: Path | None, no_relation_model: bool,
          min_confidence: float | None, jobs: int | None) -> None:
    """Build one graph from Hindi articles (files or folders of .txt) into OUT.

    Writes triples.jsonl, entities.jsonl, documents.jsonl, graph.<format>,
    graph.graphml and graph.html. Unreadable inputs are reported and skipped.
    """
    from tqdm import tqdm

    from kg.api import build_documents
    from kg.inputs import read_documents
    from kg.parallel import PipelineSpec, default_jobs

    documents, problems = read_documents(list(inputs))
    for problem in problems:
        click.echo(f"kg: skipped: {problem}", err=True)
    spec = PipelineSpec(not no_model, relation_setting(relation_model_dir, no_relation_model))
    warn_about_models(spec)
    with tqdm(total=len(documents), unit="doc", file=sys.stderr, disable=None, desc="kg build") as bar:
        graph = build_documents(documents, spec, progress=lambda _doc: bar.update(),
                                min_confidence=min_confidence, jobs=jobs or default_jobs())
    written = graph.save(out_dir, formats=formats, html=not no_html)
    click.echo(f"{len(graph.entities)} entities, {len(graph.relations)} relations "
               f"from {len(documents)} document(s)", err=True)
    for path in written:
        click.echo(str(path))
