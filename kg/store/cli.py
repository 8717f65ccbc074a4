"""``kg add``, ``kg remove``, ``kg list``, ``kg export``: a thin layer over :class:`kg.store.CorpusStore`."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import click

from kg.cli_build import KEEP_NEGATED, one_line_errors, relation_setting, warn_about_models

__all__ = ["add", "remove", "list_cmd", "export", "push"]

_STORE = click.option("--store", "store_dir", type=click.Path(file_okay=False, path_type=Path),
                      default=Path("kg-store"), show_default=True, help="The store folder.")


@click.command("add", epilog="\b\nExamples:\n  kg add articles/ --store kg-store/\n"
                             "  kg add today/*.txt --jobs 2 --min-confidence 0.8")
@click.argument("inputs", nargs=-1, required=True, type=click.Path(path_type=Path))
@_STORE
@click.option("--no-model", is_flag=True,
              help="Lexicon and rules only (no statistical NER or relation model).")
@click.option("--no-relation-model", is_flag=True, help="Relations from the rules only (NER model kept).")
@click.option("--min-confidence", type=click.FloatRange(0.0, 1.0), default=None,
              help="Keep relations whose confidence reaches this [default: the relation model's defaults].")
@click.option("--jobs", "-j", type=click.IntRange(min=1), default=None,
              help="Worker processes for extraction [default: all cores].")
@click.option("--dask", "dask_address", default=None,
              help="Extract on this Dask scheduler (tcp://host:port); the store stays here.")
@KEEP_NEGATED
@one_line_errors
def add(inputs: tuple[Path, ...], store_dir: Path, no_model: bool, no_relation_model: bool,
        min_confidence: float | None, jobs: int | None, dask_address: str | None, negated: bool) -> None:
    """Add articles (files or folders of .txt) to a store; only new or changed ones are extracted.

    Each article is added whole or not at all, whenever the command is stopped. Unreadable
    inputs are reported and skipped.
    """
    from kg.inputs import read_documents
    from kg.parallel import PipelineSpec, default_jobs
    from kg.store import CorpusStore

    documents, problems = read_documents(list(inputs))
    for problem in problems:
        click.echo(f"kg: skipped: {problem}", err=True)
    spec = PipelineSpec(not no_model, relation_setting(None, no_relation_model))
    warn_about_models(spec)
    extract = None
    if dask_address:
        from kg.distributed import dask_extractor

        extract = dask_extractor(dask_address)
    with CorpusStore(store_dir) as store:
        report = store.add(documents, spec, jobs or default_jobs(), min_confidence, extract=extract,
                           negated=negated)
        total = len(store.db.hashes())
    click.echo(f"{len(report['added'])} added, {len(report['changed'])} changed, "
               f"{len(report['unchanged'])} unchanged; {total} document(s) in {store_dir}", err=True)


@click.command("remove", epilog="\b\nExample:\n  kg remove HI_2 --store kg-store/")
@click.argument("doc_ids", nargs=-1, required=True)
@_STORE
@one_line_errors
def remove(doc_ids: tuple[str, ...], store_dir: Path) -> None:
    """Remove documents (by id) and what only they evidence from a store."""
    from kg.store import CorpusStore

    with CorpusStore(store_dir) as store:
        missing = [d for d in doc_ids if not store.remove(d)]
    for doc_id in missing:
        click.echo(f"kg: no document {doc_id!r} in {store_dir}", err=True)
    if missing:
        sys.exit(1)


@click.command("list", epilog="\b\nExamples:\n  kg list --store kg-store/\n  kg list --json")
@_STORE
@click.option("--json", "as_json", is_flag=True, help="One JSON object per line.")
@one_line_errors
def list_cmd(store_dir: Path, as_json: bool) -> None:
    """List the documents of a store: id, date, entities, relations, title."""
    from kg.store import CorpusStore

    with CorpusStore(store_dir, write=False) as store:
        rows = store.documents()
    for row in rows:
        if as_json:
            click.echo(json.dumps(row, ensure_ascii=False))
        else:
            cells = (row["id"], row["date"] or "-", row["entities"], row["relations"], row["title"] or "")
            click.echo("\t".join(map(str, cells)))


@click.command("export", epilog="\b\nExample:\n  kg export --store kg-store/ --out output/ --format trig")
@_STORE
@click.option("--out", "out_dir", default="output", show_default=True, type=click.Path(path_type=Path),
              help="Directory for the output files.")
@click.option("--format", "formats", multiple=True, default=("ttl",), show_default=True,
              type=click.Choice(["ttl", "trig", "jsonld", "nt", "nq"]), help="RDF format(s) to write.")
@click.option("--no-html", is_flag=True, help="Do not write the HTML viewer.")
@one_line_errors
def export(store_dir: Path, out_dir: Path, formats: tuple[str, ...], no_html: bool) -> None:
    """Write the files of kg build (JSON Lines, RDF, GraphML, viewer) from a store."""
    from kg.store import CorpusStore

    with CorpusStore(store_dir, write=False) as store:
        written = store.export(out_dir, formats, html=not no_html)
    for path in written:
        click.echo(str(path))


@click.command("push",
               epilog="\b\nExample:\n  kg push --endpoint http://127.0.0.1:7878/store --store kg-store/")
@_STORE
@click.option("--endpoint", required=True,
              help="Graph Store Protocol URL of a SPARQL 1.1 store (Oxigraph: http://HOST:PORT/store).")
@one_line_errors
def push(store_dir: Path, endpoint: str) -> None:
    """Publish a store to a SPARQL 1.1 store: the default graph, and one named graph per document
    (sent again only when the document changed; deleted when it was removed)."""
    from kg.push import push_store
    from kg.store import CorpusStore

    with CorpusStore(store_dir) as store:
        counts = push_store(store, endpoint)
    click.echo(f"default graph and {counts['replaced']} document graph(s) sent, {counts['deleted']} deleted",
               err=True)
