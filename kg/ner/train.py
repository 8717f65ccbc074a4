"""Train the `kg` Hindi NER model on a HiNER-style CoNLL file.

Training is deterministic for a given ``seed``: the dev split, the shuffling
and the weight initialisation all derive from it (run with one thread).
"""

from __future__ import annotations

import json
import shutil
import sys
import tempfile
from pathlib import Path
from typing import Any

import spacy
from spacy.tokens import DocBin
from spacy.training.initialize import init_nlp
from spacy.training.loop import train as spacy_train
from spacy.util import fix_random_seed, load_config

import kg.ner.features  # noqa: F401 - registers kg.MultiHashEmbed.v1
from kg.ner.augment import augment
from kg.ner.conll import Sentence, read_conll, split_dev, to_doc

__all__ = ["DEFAULT_CONFIG", "write_docbin", "prepare_corpora", "train_model"]

#: The shipped training config.
DEFAULT_CONFIG = Path(__file__).with_name("hi_ner.cfg")

#: Name, licence and data source recorded in the model's meta.json.
MODEL_META = {
    "name": "kg_hi_ner",
    "description": "Hindi NER of kg, trained on HiNER (see MODEL_CARD.md)",
    "license": "CC BY-SA 4.0",
    "sources": [{"name": "HiNER", "url": "https://github.com/cfiltnlp/HiNER", "license": "CC BY-SA 4.0",
                 "author": "CFILT, IIT Bombay (LREC 2022, arXiv 2204.13743)"}],
}

#: Attribution files of the data (HiNER: CC BY-SA 4.0), copied next to a trained model
#: when found beside the training data.
ATTRIBUTION_FILES = ("README.md", "LICENSE")


def write_docbin(sentences: list[Sentence], path: Path) -> Path:
    """Save annotated sentences as a spaCy ``DocBin`` at ``path``."""
    vocab = spacy.blank("hi").vocab
    DocBin(docs=(to_doc(vocab, s) for s in sentences), store_user_data=False).to_disk(path)
    return path


def prepare_corpora(
    conll: str | Path,
    workdir: str | Path,
    dev_fraction: float = 0.1,
    split_seed: int = 0,
    limit: int = 0,
    augment_copies: int = 0,
) -> tuple[Path, Path]:
    """Split a CoNLL file into train/dev ``DocBin`` files inside ``workdir``.

    Parameters
    ----------
    conll : str or Path
        The annotated CoNLL file.
    workdir : str or Path
        Where ``train.spacy`` and ``dev.spacy`` are written.
    dev_fraction : float
        Share of sentences held out as the dev set.
    split_seed : int
        Seed of the split (the same seed always gives the same split).
    limit : int
        If positive, keep only the first ``limit`` sentences (for smoke tests).
    augment_copies : int
        Mention-replaced copies added per training sentence with a person or
        organization (:func:`kg.ner.augment.augment`); the dev set is never augmented.

    Returns
    -------
    tuple of Path
        The train and dev files.
    """
    sentences = read_conll(conll)
    if limit > 0:
        sentences = sentences[:limit]
    train, dev = split_dev(sentences, dev_fraction, split_seed)
    if augment_copies > 0:
        train = augment(train, augment_copies, seed=split_seed)
    workdir = Path(workdir)
    workdir.mkdir(parents=True, exist_ok=True)
    return write_docbin(train, workdir / "train.spacy"), write_docbin(dev, workdir / "dev.spacy")


def train_model(
    conll: str | Path,
    output: str | Path,
    config: str | Path = DEFAULT_CONFIG,
    seed: int = 0,
    dev_fraction: float = 0.1,
    overrides: dict[str, Any] | None = None,
    limit: int = 0,
    quiet: bool = False,
    augment_copies: int = 0,
) -> Path:
    """Train the NER pipeline and save it (the last, averaged weights) to ``output``.

    The final model is the one after the last epoch, not the best on dev, so
    the dev set is never used for model selection inside a run.

    Parameters
    ----------
    conll : str or Path
        HiNER-style CoNLL training file; ``dev_fraction`` of it is held out.
    output : str or Path
        Directory of the saved model (``nlp.to_disk``), replaced if present.
    config : str or Path
        spaCy training config (default: ``hi_ner.cfg`` of this package).
    seed : int
        Seed of the dev split and of training.
    dev_fraction : float
        Share of sentences held out for evaluation.
    overrides : dict, optional
        Config overrides, e.g. ``{"training.max_epochs": 1}``.
    limit : int
        If positive, use only the first ``limit`` sentences.
    quiet : bool
        Do not print the training log.
    augment_copies : int
        Mention-replaced copies per training sentence (see :func:`prepare_corpora`).

    Returns
    -------
    Path
        The output directory.
    """
    output = Path(output)
    fix_random_seed(seed)
    with tempfile.TemporaryDirectory(prefix="kg-ner-") as tmp:
        train_path, dev_path = prepare_corpora(conll, tmp, dev_fraction, seed, limit, augment_copies)
        settings = {
            "paths.train": str(train_path),
            "paths.dev": str(dev_path),
            "system.seed": seed,
            **(overrides or {}),
        }
        cfg = load_config(config, overrides=settings, interpolate=False)
        nlp = init_nlp(cfg, use_gpu=-1)
        (Path(tmp) / "out").mkdir()
        stream = open("/dev/null", "w") if quiet else sys.stdout  # noqa: SIM115
        try:
            spacy_train(nlp, Path(tmp) / "out", use_gpu=-1, stdout=stream, stderr=stream)
        finally:
            if quiet:
                stream.close()
        if output.exists():
            shutil.rmtree(output)
        shutil.copytree(Path(tmp) / "out" / "model-last", output)
    _copy_attribution(Path(conll).parent, output)
    _write_meta(output)
    return output


def _write_meta(output: Path) -> None:
    meta_path = output / "meta.json"
    meta = json.loads(meta_path.read_text(encoding="utf-8"))
    meta.update(MODEL_META)
    meta_path.write_text(json.dumps(meta, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")


def _copy_attribution(source: Path, output: Path) -> None:
    for name in ATTRIBUTION_FILES:
        if (source / name).is_file():
            shutil.copyfile(source / name, output / name)
