"""Training the relation model on gold-annotated articles (``kg train-rel``).

Each article is run through the pipeline up to the rules; each candidate pair is labelled,
for each predicate its types allow, by whether the gold lists that (subject, predicate,
object) at any level (distant supervision: the gold is per article, not per sentence). One
L2-regularized logistic regression is fitted per predicate (scikit-learn, liblinear, fixed
seed: the same data and seed give the same model). Calibration and the default threshold
come from cross-validation over articles: each fold's model scores the articles it did not
see, the document-level scores are matched against the gold, and an isotonic map from score
to observed precision is fitted on them.

scikit-learn is needed for training only (the ``train`` extra); scoring uses NumPy.
"""

from __future__ import annotations

import logging
import re
from collections import Counter
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import numpy as np

from kg.evaluation.gold import GoldArticle, load_gold
from kg.evaluation.score import Totals, score_article
from kg.nlp.state import doc_value
from kg.relmodel.candidates import PREDICATES, SYMMETRIC, Candidate
from kg.relmodel.component import RULE_FEATURES, best_triples, redundant
from kg.relmodel.folds import grouped_folds
from kg.relmodel.model import Calibration, RelationModel

__all__ = ["TrainConfig", "TrainDoc", "prepare", "fit", "cross_validate", "train", "labels", "load_config",
           "choose_thresholds",
           "DEFAULT_CONFIG", "evidence_sentences"]

log = logging.getLogger(__name__)


@dataclass
class TrainConfig:
    """Settings of ``kg train-rel`` (the ``[train]`` section of ``kg/relmodel/hi_rel.cfg``)."""

    seed: int = 0
    folds: int = 5
    C: float = 0.5  # noqa: N815 - scikit-learn's name
    min_count: int = 2
    use_rules: bool = True
    min_precision: float = 0.0  # threshold: best F1 among thresholds with at least this precision
    class_weight: float = 1.0  # weight of positive examples


DEFAULT_CONFIG = Path(__file__).resolve().parent / "hi_rel.cfg"


def load_config(path: Path | None = None, **overrides: Any) -> TrainConfig:
    """The ``[train]`` section of a config file (default :data:`DEFAULT_CONFIG`), with overrides
    (``None`` values are ignored)."""
    from thinc.api import Config

    from kg.errors import error

    path = Path(path or DEFAULT_CONFIG)
    try:
        section = dict(Config().from_disk(path)["train"])
        section.update({k: v for k, v in overrides.items() if v is not None})
        return TrainConfig(**section)
    except (OSError, KeyError, TypeError, ValueError) as exc:
        raise error("bad_config", path=path, reason=f"{type(exc).__name__}: {exc}") from None


@dataclass
class TrainDoc:
    """One article ready for training: candidates, entity types and the gold key of each entity."""

    id: str
    candidates: list[Candidate]
    types: dict[str, str]
    gold_key: dict[str, str | None]
    entities: dict[str, dict[str, Any]]
    gold: GoldArticle
    sentences: list[frozenset[str]] = field(default_factory=list)  # word keys of each sentence
    y: np.ndarray = field(default_factory=lambda: np.zeros((0, len(PREDICATES)), dtype=bool))
    w: np.ndarray = field(default_factory=lambda: np.zeros((0, len(PREDICATES)), dtype="float32"))


_QUOTE_SPLIT = re.compile(r"\s*(?:;|\.\.\.|…|\|)\s*")
_DEVANAGARI_WORD = re.compile(r"[\u0900-\u097f]+")


def evidence_sentences(why: str, sentences: Sequence[frozenset[str]],
                       overlap: float = 0.6) -> set[int] | None:
    """Sentences that a gold relation's ``why`` quotes (most of a quoted piece's words), or None
    when it quotes no sentence (an explanation, or English).

    Examples
    --------
    >>> sents = [frozenset("रूस ने हमला किया".split()), frozenset("भारत ने कहा".split())]
    >>> evidence_sentences("रूस ने हमला", sents), evidence_sentences("background", sents)
    ({0}, None)
    """
    from kg.nlp.normalize import match_key

    found: set[int] = set()
    for piece in _QUOTE_SPLIT.split(why):
        words = {match_key(w) for w in _DEVANAGARI_WORD.findall(piece)}
        if len(words) < 3:
            continue
        for n, sent in enumerate(sentences):
            if len(words & sent) >= overlap * len(words):
                found.add(n)
    return found or None


def labels(doc: TrainDoc) -> tuple[np.ndarray, np.ndarray]:
    """Candidate × predicate labels and weights.

    A cell is positive when the gold lists that triple (any level; either order if
    symmetric). When the gold's ``why`` quotes the sentence that states it, only candidates
    in such a sentence are positive; the triple's candidates in other sentences are left
    out of training (weight 0), as they may or may not state it.
    """
    y = np.zeros((len(doc.candidates), len(PREDICATES)), dtype=bool)
    w = np.ones((len(doc.candidates), len(PREDICATES)), dtype="float32")
    where = [evidence_sentences(r.why, doc.sentences) for r in doc.gold.relations]
    for i, c in enumerate(doc.candidates):
        s, o = doc.gold_key.get(c.subject), doc.gold_key.get(c.object)
        if s is None or o is None:
            continue
        for j, p in enumerate(PREDICATES):
            pairs = [(s, p, o), (o, p, s)] if p in SYMMETRIC else [(s, p, o)]
            hits = [n for n, r in enumerate(doc.gold.relations) if any(r.matches(t) for t in pairs)]
            if not hits:
                continue
            if any(where[n] is None or c.sent in where[n] for n in hits):
                y[i, j] = True
            else:
                w[i, j] = 0.0
    return y, w


def _text_of(path: Path, gold: GoldArticle, texts: Path) -> Path:
    """The article of a gold file: ``texts/<id>.txt``, else beside the gold file, else in ``seeds/``."""
    for candidate in (texts / f"{gold.id}.txt", path.with_name(f"{gold.id}.txt"),
                      path.parents[2] / "seeds" / f"{gold.id}.txt" if len(path.parents) > 2 else path):
        if candidate.is_file():
            return candidate
    return texts / f"{gold.id}.txt"


def prepare(gold_paths: Sequence[Path], texts: Path, use_rules: bool = True,
            progress: Callable[[str], None] | None = None) -> list[TrainDoc]:
    """Run the pipeline (without the relation model) on each gold article and label its candidates.

    Gold in the in-house format is read too; its article is looked for beside it (or in ``seeds/``).
    """
    from kg.extract import annotate, doc_to_records
    from kg.inputs import read_document
    from kg.nlp.canonical import ENTITIES
    from kg.nlp.entities import NORMS
    from kg.nlp.pipeline import make_nlp
    from kg.relmodel.component import candidates_of

    nlp = make_nlp(model=True, relation_model=False)
    docs = []
    for path in gold_paths:
        gold = load_gold(path, legacy=True)
        document = read_document(_text_of(path, gold, texts))
        doc = annotate(nlp, document)
        ents, _ = doc_to_records(doc, document)
        dicts = {e.id: e.to_dict() for e in ents}
        matcher = gold.matcher()
        types = {k: e.type for k, e in doc_value(doc, ENTITIES, {}).items()}
        norms = doc._.get(NORMS) or [t.norm_ for t in doc]
        sentences = [frozenset(norms[s.start:s.end]) for s in doc.sents]
        tdoc = TrainDoc(gold.id, candidates_of(doc, use_rules), types,
                        {k: matcher.key(d) for k, d in dicts.items()}, dicts, gold, sentences)
        tdoc.y, tdoc.w = labels(tdoc)
        docs.append(tdoc)
        if progress:
            progress(gold.id)
    return docs


def _vocabulary(docs: Sequence[TrainDoc], config: TrainConfig) -> list[str]:
    counts: Counter = Counter()
    for d in docs:
        for c in d.candidates:
            counts.update(set(_usable(c.features, config)))
    return sorted(f for f, n in counts.items() if n >= config.min_count)


def _usable(features: Sequence[str], config: TrainConfig) -> list[str]:
    if config.use_rules:
        return list(features)
    return [f for f in features if not f.startswith(RULE_FEATURES)]


def _matrix(docs: Sequence[TrainDoc], index: dict[str, int]) -> Any:
    from scipy.sparse import csr_matrix

    rows, cols = [], []
    n = 0
    for d in docs:
        for c in d.candidates:
            ids = sorted({index[f] for f in c.features if f in index})
            rows.extend([n] * len(ids))
            cols.extend(ids)
            n += 1
    data = np.ones(len(rows), dtype="float32")
    return csr_matrix((data, (rows, cols)), shape=(n, len(index)), dtype="float32")


def _mask(docs: Sequence[TrainDoc]) -> np.ndarray:
    from kg.relmodel.component import _mask as cell_mask

    return np.vstack([cell_mask(d.candidates, PREDICATES, d.types) for d in docs]) if docs else np.zeros(
        (0, len(PREDICATES)), dtype=bool)


def fit(docs: Sequence[TrainDoc], config: TrainConfig) -> RelationModel:
    """One logistic regression per predicate on the candidates of ``docs``."""
    from sklearn.linear_model import LogisticRegression

    features = _vocabulary(docs, config)
    index = {f: i for i, f in enumerate(features)}
    x = _matrix(docs, index)
    y = np.vstack([d.y for d in docs]) if docs else np.zeros((0, len(PREDICATES)), dtype=bool)
    w = np.vstack([d.w for d in docs]) if docs else np.zeros((0, len(PREDICATES)), dtype="float32")
    mask = _mask(docs) & (w > 0)
    weights = np.zeros((len(features), len(PREDICATES)), dtype="float32")
    bias = np.full(len(PREDICATES), -8.0, dtype="float32")
    for j, _p in enumerate(PREDICATES):
        rows = np.nonzero(mask[:, j])[0]
        target = y[rows, j]
        if target.sum() == 0 or target.sum() == len(target):
            continue
        lr = LogisticRegression(C=config.C, solver="liblinear", random_state=config.seed, max_iter=1000,
                                class_weight={0: 1.0, 1: config.class_weight})
        lr.fit(x[rows], target, sample_weight=w[rows, j])
        weights[:, j] = lr.coef_[0]
        bias[j] = lr.intercept_[0]
    return RelationModel(PREDICATES, features, weights, bias)


def _doc_triples(model: RelationModel, doc: TrainDoc, config: TrainConfig) -> dict:
    raw = model.raw([_usable(c.features, config) for c in doc.candidates])
    return best_triples(doc.candidates, raw, model.predicates, doc.types)


Thresholds = float | dict[str, float]


def _limit(threshold: Thresholds, group: str) -> float:
    return threshold.get(group, 0.5) if isinstance(threshold, dict) else threshold


def _records(doc: TrainDoc, triples: dict, calibrate: Callable[[float, str], float],
             threshold: Thresholds) -> list:
    out = []
    confidence = {t: calibrate(score, group) for t, (score, _, group) in triples.items()}
    groups = {t: group for t, (_, _, group) in triples.items()}
    dropped = redundant(confidence)
    for (s, p, o), conf in confidence.items():
        if conf >= _limit(threshold, groups[s, p, o]) and (s, p, o) not in dropped:
            out.append({"subject": doc.entities.get(s, {"label": s}), "predicate": p,
                        "object": doc.entities.get(o, {"label": o}), "confidence": conf})
    return out


def score_docs(docs: Sequence[TrainDoc], triples: Sequence[dict], calibrate: Callable[[float, str], float],
               threshold: Thresholds) -> Totals:
    """Score each document's triples at or above ``threshold`` (one, or one per group) against its gold."""
    totals = Totals()
    for doc, found in zip(docs, triples, strict=True):
        totals.add(score_article(doc.gold, list(doc.entities.values()),
                                 _records(doc, found, calibrate, threshold)))
    return totals


def cross_validate(docs: Sequence[TrainDoc], config: TrainConfig, extra: Sequence[TrainDoc] = (),
                   stories: Mapping[str, str] | None = None) -> list[dict]:
    """Out-of-fold document-level triples (score, candidate, group) of every document, in order;
    ``extra`` documents are added to every fold's training set; a story's documents
    (``stories``: id to story) are held out together."""
    out: list[dict] = [{} for _ in docs]
    for held in grouped_folds([d.id for d in docs], config.folds, stories):
        train_docs = [d for i, d in enumerate(docs) if i not in set(held)] + list(extra)
        model = fit(train_docs, config)
        for i in held:
            out[i] = _doc_triples(model, docs[i], config)
    return out


def _isotonic(xs: list[float], ys: list[float]) -> tuple[list[float], list[float]]:
    from sklearn.isotonic import IsotonicRegression

    if not xs:
        return [0.0, 1.0], [0.0, 1.0]
    iso = IsotonicRegression(y_min=0.0, y_max=1.0, out_of_bounds="clip")
    iso.fit(np.asarray(xs), np.asarray(ys))
    return [round(float(x), 6) for x in iso.X_thresholds_], [round(float(y), 6) for y in iso.y_thresholds_]


def fit_calibration(docs: Sequence[TrainDoc], triples: Sequence[dict]) -> Calibration:
    """Isotonic maps from a triple's score to whether it is right, per group, on out-of-fold triples."""
    pairs: dict[str, tuple[list[float], list[float]]] = {"model": ([], []), "rule": ([], [])}
    for doc, found in zip(docs, triples, strict=True):
        for (s, p, o), (score, _, group) in found.items():
            trip = (doc.gold_key.get(s) or "?", p, doc.gold_key.get(o) or "?")
            right = any(r.matches(trip) or (p in SYMMETRIC and r.matches(trip[::-1]))
                        for r in doc.gold.relations)
            pairs[group][0].append(score)
            pairs[group][1].append(float(right))
    return Calibration({g: _isotonic(xs, ys) for g, (xs, ys) in pairs.items()})


GRID = tuple(round(0.1 * n, 1) for n in range(10))


def choose_thresholds(docs: Sequence[TrainDoc], triples: Sequence[dict], calibration: Calibration,
                      min_precision: float) -> tuple[dict[str, float], dict]:
    """Thresholds for the two groups (a rule read the triple too; only the model did) with the
    best F1 among those whose precision reaches ``min_precision``, on a grid of 0.1 steps."""
    best: tuple[dict[str, float], dict] = ({"rule": 0.5, "model": 0.5}, {"f1": -1.0})
    for rule in GRID:
        for own in GRID:
            fig = score_docs(docs, triples, calibration, {"rule": rule, "model": own}).figures()
            if fig["precision"] >= min_precision and fig["f1"] > best[1]["f1"]:
                best = ({"rule": rule, "model": own}, fig)
    return best


def train(docs: Sequence[TrainDoc], config: TrainConfig, extra: Sequence[TrainDoc] = (),
          stories: Mapping[str, str] | None = None) -> tuple[RelationModel, dict]:
    """Cross-validate on ``docs`` (a story's documents in one fold) for calibration and threshold,
    then fit the final model on ``docs`` and ``extra`` (articles used for training only, never
    scored)."""
    oof = cross_validate(docs, config, extra, stories)
    calibration = fit_calibration(docs, oof)
    thresholds, _ = choose_thresholds(docs, oof, calibration, config.min_precision)
    model = fit(list(docs) + list(extra), config)
    model.calibration, model.thresholds = calibration, thresholds
    cv = score_docs(docs, oof, calibration, thresholds)
    curve = []
    for t in np.arange(0.1, 0.95, 0.05):
        fig = score_docs(docs, oof, calibration, float(t)).figures()
        point = {k: fig[k] for k in ("precision", "recall", "f1", "must_recall")}
        curve.append(point | {"threshold": round(float(t), 2)})
    folds = {d.id: _records(d, found, calibration, thresholds) for d, found in zip(docs, oof, strict=True)}
    report = {"cross_validation": cv.figures(), "thresholds": thresholds, "curve": curve,
              "out_of_fold": folds}
    return model, report
