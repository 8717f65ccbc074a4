"""Command-line interface: a thin layer over the Python API (:mod:`kg.api`).

Sub-commands live next to the code they expose and are registered here.
"""

from __future__ import annotations

import importlib

import click

from kg import __version__

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


@click.group(
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
