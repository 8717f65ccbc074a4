"""Command-line interface: a thin layer over the Python API (:mod:`kg.api`).

Sub-commands live next to the code they expose and are registered here. Every one of them
runs inside :class:`OneLineErrors`: whatever goes wrong is one line on stderr and an exit
status, never a traceback (``KG_DEBUG=1`` shows the traceback of what is not a
:class:`~kg.errors.KGError`):

===========================  ======  ===================================================
error                        status  message
===========================  ======  ===================================================
:class:`~kg.errors.KGError`  1       its message (bad input, busy folder, ...)
:class:`OSError`             1       ``PATH: reason``
usage (click)                2       the problem and ``(see 'kg CMD --help')``
internal error               70      ``internal error: Type: detail`` and the KG_DEBUG hint
Ctrl+C                       130     ``interrupted``
===========================  ======  ===================================================
"""

from __future__ import annotations

import importlib
import os
from typing import Any

import click

from kg import __version__
from kg.cli_build import as_click_error
from kg.errors import KGError

__all__ = ["main"]

# (module, attribute) of each sub-command, imported when the CLI starts.
COMMANDS = [
    ("kg.cli_build", "build"),
    ("kg.evaluation.cli", "eval_cmd"),
    ("kg.rdf.cli", "query"),
    ("kg.rdf.cli", "validate"),
    ("kg.rdf.cli", "serve"),
    ("kg.ner.cli", "train_ner"),
    ("kg.ner.cli", "eval_ner"),
    ("kg.relmodel.cli", "train_rel"),
    ("kg.store.cli", "add"),
    ("kg.store.cli", "remove"),
    ("kg.store.cli", "list_cmd"),
    ("kg.store.cli", "export"),
    ("kg.store.cli", "push"),
]


class OneLineErrors(click.Group):
    """A command group whose sub-commands all report errors on one line (see the module)."""

    def invoke(self, ctx: click.Context) -> Any:
        try:
            return super().invoke(ctx)
        except (click.exceptions.Exit, click.Abort, SystemExit):
            raise
        except (Exception, KeyboardInterrupt) as exc:  # noqa: BLE001 - the CLI never shows a traceback
            if os.environ.get("KG_DEBUG") and not isinstance(exc, KGError | click.ClickException):
                raise
            raise as_click_error(exc) from None


@click.group(
    cls=OneLineErrors,
    epilog=(
        "Example:\n\n\b\n  kg build seeds/ --out output/\n"
        "  kg query output/ -f ontology/queries/visits.rq"
    ),
)
@click.version_option(__version__, prog_name="kg")
def main() -> None:
    """Build a knowledge graph from Hindi (Devanagari) news articles."""


def _register() -> None:
    for module_name, attr in COMMANDS:
        main.add_command(getattr(importlib.import_module(module_name), attr))


_register()
