"""``kg build``: a thin wrapper over :mod:`kg.api`."""

from __future__ import annotations

import functools
import os
import sys
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

import click

from kg.errors import KGError, describe, one_line

if TYPE_CHECKING:  # pragma: no cover
    from kg.parallel import PipelineSpec

__all__ = ["CommandError", "as_click_error", "build", "one_line_errors", "relation_setting",
           "warn_about_models"]


class CommandError(click.ClickException):
    """A one-line error of a command, with its exit status (printed as ``Error: MESSAGE``)."""

    def __init__(self, message: str, exit_code: int = 1) -> None:
        super().__init__(message)
        self.exit_code = exit_code


def as_click_error(exc: BaseException) -> click.ClickException:
    """The one-line :class:`click.ClickException` for any exception (see :func:`kg.errors.describe`).

    Examples
    --------
    >>> as_click_error(FileNotFoundError(2, "No such file or directory", "a.txt")).format_message()
    'a.txt: No such file or directory'
    """
    if isinstance(exc, click.UsageError):
        hint = f" (see '{exc.ctx.command_path} --help')" if exc.ctx is not None else ""
        return CommandError(one_line(exc.format_message()) + hint, exc.exit_code)
    if isinstance(exc, click.ClickException):
        return exc
    message, code = describe(exc)
    return CommandError(message, code)


def one_line_errors(func: Callable[..., Any]) -> Callable[..., Any]:
    """Turn every error into a one-line message and an exit status (no traceback).

    :class:`~kg.errors.KGError` gives its message, an :class:`OSError` the path and the
    reason, anything else ``internal error: ...``; set ``KG_DEBUG=1`` to see the traceback of
    what is not a :class:`~kg.errors.KGError`. Every command registered in :mod:`kg.cli`
    gets the same treatment from its group; this decorator serves commands used on their own.
    """

    @functools.wraps(func)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        try:
            return func(*args, **kwargs)
        except (click.ClickException, click.exceptions.Exit, click.Abort, SystemExit):
            raise
        except (Exception, KeyboardInterrupt) as exc:  # noqa: BLE001 - the CLI never shows a traceback
            if os.environ.get("KG_DEBUG") and not isinstance(exc, KGError):
                raise
            raise as_click_error(exc) from None

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


KEEP_NEGATED = click.option("--keep-negated", "negated", is_flag=True,
                            help="Also keep relations the text says did not happen (modality negated).")


@click.command(epilog="\b\nExamples:\n  kg build seeds/ --out output/\n"
                      "  kg build a.txt b.txt --format ttl --format jsonld --no-model\n"
                      "  kg build articles/ --jobs 2 --min-confidence 0.8\n"
                      "  kg build articles/ --keep-negated   # also what the articles say did not happen")
@click.argument("inputs", nargs=-1, required=True, type=click.Path(path_type=str, readable=False))
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
@KEEP_NEGATED
@one_line_errors
def build(inputs: tuple[str, ...], out_dir: Path, formats: tuple[str, ...], no_model: bool,
          no_html: bool, relation_model_dir: Path | None, no_relation_model: bool,
          min_confidence: float | None, jobs: int | None, negated: bool) -> None:
    """Build one graph from Hindi articles (files or folders of .txt) into OUT.

    Writes triples.jsonl, entities.jsonl, documents.jsonl, graph.<format>, graph.graphml and
    graph.html into OUT, replacing it as a whole: a new or empty folder, or one of an earlier
    build. Unreadable inputs are reported and skipped; HTML pages are read for their text.
    """
    from kg.output import claim_output

    with claim_output(out_dir):
        graph, documents = _extract(inputs, no_model, relation_setting(relation_model_dir, no_relation_model),
                                    min_confidence, jobs, negated)
        written = graph.save(out_dir, formats=formats, html=not no_html)
    click.echo(f"{len(graph.entities)} entities, {len(graph.relations)} relations "
               f"from {len(documents)} document(s)", err=True)
    for path in written:
        click.echo(str(path))


def _extract(inputs: tuple[str, ...], no_model: bool, relation_model: bool | str | None,
             min_confidence: float | None, jobs: int | None, negated: bool = False) -> tuple[Any, list[Any]]:
    """Read the inputs (reporting the skipped ones) and build their graph, with a progress bar."""
    from tqdm import tqdm

    from kg.api import build_documents
    from kg.inputs import read_documents
    from kg.parallel import PipelineSpec, default_jobs

    documents, problems = read_documents(list(inputs))
    for problem in problems:
        click.echo(f"kg: skipped: {problem}", err=True)
    spec = PipelineSpec(not no_model, relation_model)
    warn_about_models(spec)
    with tqdm(total=len(documents), unit="doc", file=sys.stderr, disable=None, desc="kg build") as bar:
        graph = build_documents(documents, spec, progress=lambda _doc: bar.update(),
                                min_confidence=min_confidence, jobs=jobs or default_jobs(), negated=negated)
    return graph, documents
