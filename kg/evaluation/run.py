"""Scoring a set of articles: records from a build folder, or built here from their texts.

Examples
--------
Score the seed-format gold folder against a build made by ``kg build``::

    totals = evaluate_corpus(gold_paths("tests/gold/hindi-news/gold", split="dev"),
                             texts="../shared/corpus/hindi-news/hi")
    totals.figures()["recall"]
"""

from __future__ import annotations

import json
import logging
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import Any

from kg.errors import KGError, error
from kg.evaluation.gold import GoldArticle, load_gold
from kg.evaluation.score import Totals, score_article

__all__ = ["gold_paths", "read_split", "records_from_build", "evaluate_corpus", "DEFAULT_TEXTS",
           "DEFAULT_GOLD"]

log = logging.getLogger(__name__)

DEFAULT_TEXTS = Path("../shared/corpus/hindi-news/hi")
DEFAULT_GOLD = Path(__file__).resolve().parents[2] / "tests" / "gold" / "hindi-news" / "gold"
Records = tuple[list[dict[str, Any]], list[dict[str, Any]]]


def read_split(splits: Path, split: str) -> set[str]:
    """The article ids of one split of a ``splits.json`` file."""
    try:
        data = json.loads(Path(splits).read_text(encoding="utf-8"))
        return set(data[split])
    except (OSError, ValueError, KeyError, TypeError) as exc:
        raise error("bad_splits", path=splits, split=split, reason=f"{type(exc).__name__}: {exc}") from None


def gold_paths(gold: str | Path, split: str | None = None, splits: str | Path | None = None,
               only: Iterable[str] = ()) -> list[Path]:
    """Gold files of a file or folder, restricted to a split (``splits.json`` beside the folder).

    Examples
    --------
    >>> len(gold_paths(DEFAULT_GOLD, split="test")) if DEFAULT_GOLD.exists() else 20
    20
    """
    gold = Path(gold)
    if not gold.exists():
        raise error("missing", path=gold)
    paths = [gold] if gold.is_file() else sorted((p for p in gold.glob("*.json")
                                                  if not p.name.endswith(".meta.json")), key=_natural)
    keep = set(only)
    if split:
        splits = Path(splits) if splits else _splits_beside(gold)
        keep = (keep & read_split(splits, split)) if keep else read_split(splits, split)
    if keep:
        paths = [p for p in paths if p.stem in keep]
    if not paths:
        raise error("no_gold", path=gold)
    return paths


def _natural(path: Path) -> tuple:
    stem = path.name.removesuffix(".gold.json").removesuffix(".json")
    head = stem.rstrip("0123456789")
    return (head, int(stem[len(head):]) if stem[len(head):] else -1, stem)


def _splits_beside(gold: Path) -> Path:
    for folder in (gold if gold.is_dir() else gold.parent, (gold if gold.is_dir() else gold.parent).parent):
        if (folder / "splits.json").is_file():
            return folder / "splits.json"
    raise error("missing", path=gold / "splits.json")


def _read_jsonl(path: Path) -> list[dict[str, Any]]:
    try:
        text = path.read_text(encoding="utf-8")
        return [json.loads(line) for line in text.split("\n") if line.strip()]
    except (OSError, ValueError) as exc:
        raise error("bad_records", path=path, reason=f"{type(exc).__name__}: {exc}") from None


def records_from_build(build: Path, doc: str) -> Records | None:
    """An article's entities and triples from ``kg build`` output: ``build/<doc>/`` when it
    exists, else the article's share of a merged build in ``build/`` (None if absent)."""
    own = Path(build) / doc
    folder = own if (own / "triples.jsonl").is_file() else Path(build)
    if not (folder / "triples.jsonl").is_file() or not (folder / "entities.jsonl").is_file():
        return None
    entities, triples = _read_jsonl(folder / "entities.jsonl"), _read_jsonl(folder / "triples.jsonl")
    if folder == own:
        return entities, triples
    docs = {r.get("id") for r in _read_jsonl(folder / "documents.jsonl")} if (
        folder / "documents.jsonl").is_file() else set()
    if docs and doc not in docs:
        return None
    entities = [e for e in entities if any(m.get("doc") == doc for m in e.get("mentions", []))]
    triples = [t for t in triples if any(ev.get("doc") == doc for ev in t.get("evidence", []))]
    return entities, triples


def _builder(texts: Path, model: bool, options: dict[str, Any],
             relation_model: bool | str | None = None) -> Callable[[str], Records | None]:
    from kg.api import build_documents
    from kg.inputs import read_document
    from kg.nlp.pipeline import get_nlp

    nlp = get_nlp(model, relation_model)

    def build(doc: str) -> Records | None:
        path = texts / f"{doc}.txt"
        if not path.is_file():
            return None
        graph = build_documents([read_document(path)], nlp, **options)
        records = graph.to_records()
        return records["entities"], records["triples"]

    return build


def evaluate_corpus(paths: list[Path], build: str | Path | None = None, texts: str | Path | None = None,
                    model: bool = True, options: dict[str, Any] | None = None,
                    keep: Callable[[str, Records], None] | None = None,
                    relation_model: bool | str | None = None) -> Totals:
    """Score each gold article against a build folder, or against a build of its text made here.

    Parameters
    ----------
    paths : list of Path
        Gold files (:func:`gold_paths`).
    build : path, optional
        Output of ``kg build`` (merged, or one sub-folder per article id).
    texts : path, optional
        Folder of the articles (``<id>.txt``), built one by one when ``build`` is not given.
    model : bool
        Build with the statistical models (only with ``texts``).
    options : dict, optional
        Extra keyword arguments for :func:`kg.api.build_documents` (only with ``texts``).
    keep : callable, optional
        Called with each article id and its records (to save them).
    """
    if build is None and texts is None:
        raise error("no_eval_source")
    if build is None:
        texts = Path(texts)  # type: ignore[arg-type]
        if not texts.is_dir():
            raise error("no_texts", path=texts)
        fetch = _builder(texts, model, options or {}, relation_model)
    else:
        if not Path(build).is_dir():
            raise error("no_output", path=build)
        fetch = lambda doc: records_from_build(Path(build), doc)  # noqa: E731
    totals = Totals()
    for gold in _golds(paths):
        try:
            records = fetch(gold.id)
        except KGError as exc:
            log.warning("%s: %s", gold.id, exc)
            records = None
        if records is None:
            totals.failed.append(gold.id)
            continue
        if keep:
            keep(gold.id, records)
        totals.add(score_article(gold, *records))
    return totals


def _golds(paths: list[Path]) -> Iterator[GoldArticle]:
    for path in paths:
        yield load_gold(path, legacy=True)  # a folder of in-house gold (older format) is read too
