"""The learned relation model: one logistic regression per predicate over pair features,
document-level aggregation, and a calibration map from scores to probabilities.

A model folder holds ``model.json`` (predicates, biases, calibration, default thresholds,
training settings and measured figures), ``features.txt`` (one feature per line) and
``weights.npy`` (features × predicates, float32).
"""

from __future__ import annotations

import json
import logging
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import numpy as np

from kg.errors import error

__all__ = ["RelationModel", "Calibration", "DEFAULT_MODEL", "load_model"]

log = logging.getLogger(__name__)

DEFAULT_MODEL = Path(__file__).resolve().parent.parent / "models" / "hi_rel"
FORMAT = 1


@dataclass
class Calibration:
    """Monotone maps from a raw score to the probability that the triple is right, one per
    group of triples (``"rule"``: a rule also read it; ``"model"``: only the model did).

    Examples
    --------
    >>> cal = Calibration({"model": ([0.1, 0.5, 0.9], [0.0, 0.4, 0.8])})
    >>> [round(x, 2) for x in (cal(0.0), cal(0.3), cal(0.9), cal(1.0), cal(0.3, "rule"))]
    [0.0, 0.2, 0.8, 0.8, 0.2]
    """

    maps: dict[str, tuple[list[float], list[float]]] = field(
        default_factory=lambda: {"model": ([0.0, 1.0], [0.0, 1.0])})

    def __call__(self, raw: float, group: str = "model") -> float:
        xs, ys = self.maps.get(group) or self.maps["model"]
        return float(np.interp(raw, xs, ys))

    def many(self, scored: dict[Any, tuple[float, Any, str]]) -> dict[Any, float]:
        """Calibrated values of many ``key -> (score, _, group)`` at once (as ``__call__`` each)."""
        out: dict[Any, float] = {}
        for group in {g for _, _, g in scored.values()}:
            keys = [k for k, v in scored.items() if v[2] == group]
            xs, ys = self.maps.get(group) or self.maps["model"]
            values = np.interp(np.array([scored[k][0] for k in keys]), xs, ys)
            out.update(zip(keys, values.tolist(), strict=True))
        return out

    def levels(self) -> list[float]:
        """Every calibrated value the maps can give (candidate thresholds)."""
        return sorted({y for _, ys in self.maps.values() for y in ys})


@dataclass
class RelationModel:
    """Per-predicate weights over pair features.

    Parameters
    ----------
    predicates : sequence of str
        The predicates scored, in column order.
    features : sequence of str
        The feature vocabulary, in row order of ``weights``.
    weights : ndarray of shape (n_features, n_predicates)
    bias : ndarray of shape (n_predicates,)
    calibration : Calibration
    thresholds : dict
        Default minimum calibrated confidence of an emitted triple, per calibration group
        (``"rule"``: a rule read it too; ``"model"``: only the model did), chosen on dev.
    meta : dict
        Training settings and measured figures, for the model card.
    """

    predicates: Sequence[str]
    features: Sequence[str]
    weights: np.ndarray
    bias: np.ndarray
    calibration: Calibration = field(default_factory=Calibration)
    thresholds: dict[str, float] = field(default_factory=lambda: {"rule": 0.5, "model": 0.5})
    meta: dict[str, Any] = field(default_factory=dict)

    def __post_init__(self) -> None:
        self.index = {f: i for i, f in enumerate(self.features)}
        self.column = {p: i for i, p in enumerate(self.predicates)}

    def raw(self, rows: Sequence[Sequence[str]]) -> np.ndarray:
        """Probabilities of each predicate for each candidate's features, before calibration.

        Examples
        --------
        >>> m = RelationModel(["visits"], ["a"], np.array([[2.0]], "float32"), np.array([-2.0], "float32"))
        >>> [round(float(x), 3) for x in m.raw([["a"], ["b"]])[:, 0]]
        [0.5, 0.119]
        """
        n = len(rows)
        if n == 0:
            return np.zeros((0, len(self.predicates)), dtype="float32")
        ids: list[int] = []
        offsets = []
        get = self.index.get
        for feats in rows:
            offsets.append(len(ids))
            ids += [i for i in map(get, feats) if i is not None]
        z = np.tile(self.bias, (n, 1))
        if ids:
            gathered = self.weights[np.asarray(ids)]
            counts = np.diff(np.asarray(offsets + [len(ids)]))
            nonempty = counts > 0
            z[nonempty] += np.add.reduceat(gathered, np.asarray(offsets)[nonempty], axis=0)
        return 1.0 / (1.0 + np.exp(-z))

    def save(self, folder: str | Path, extra: dict[str, str] | None = None) -> None:
        """Write the model folder (deterministic bytes for the same model), with ``extra``
        text files (name -> text) such as the model card."""
        extra = extra or {}
        from kg.atomic import atomic_output_dir

        with atomic_output_dir(Path(folder)) as stage:
            meta = {
                "format": FORMAT, "predicates": list(self.predicates),
                "bias": [round(float(b), 6) for b in self.bias],
                "calibration": {g: {"xs": xs, "ys": ys}
                                for g, (xs, ys) in sorted(self.calibration.maps.items())},
                "thresholds": dict(sorted(self.thresholds.items())), "meta": self.meta,
            }
            (stage / "model.json").write_text(json.dumps(meta, indent=1, ensure_ascii=False) + "\n",
                                              encoding="utf-8")
            (stage / "features.txt").write_text("".join(f + "\n" for f in self.features), encoding="utf-8")
            np.save(stage / "weights.npy", self.weights.astype("float32"), allow_pickle=False)
            for name, text in sorted(extra.items()):
                (stage / name).write_text(text, encoding="utf-8")


def load_model(folder: str | Path = DEFAULT_MODEL) -> RelationModel:
    """Read a model folder written by :meth:`RelationModel.save`.

    Raises
    ------
    KGError
        ``no_rel_model`` when the folder holds no readable model.
    """
    folder = Path(folder)
    try:
        meta = json.loads((folder / "model.json").read_text(encoding="utf-8"))
        if meta.get("format") != FORMAT:
            raise ValueError(f"model format {meta.get('format')!r}, this kg reads {FORMAT}")
        features = (folder / "features.txt").read_text(encoding="utf-8").split("\n")[:-1]
        weights = np.load(folder / "weights.npy", allow_pickle=False)
        if weights.shape != (len(features), len(meta["predicates"])):
            raise ValueError(f"weights of shape {weights.shape} do not fit the features and predicates")
    except (OSError, ValueError, KeyError) as exc:
        raise error("no_rel_model", path=folder, reason=f"{type(exc).__name__}: {exc}") from None
    maps = {g: (m["xs"], m["ys"]) for g, m in (meta.get("calibration") or {}).items()}
    return RelationModel(meta["predicates"], features, weights, np.asarray(meta["bias"], dtype="float32"),
                         Calibration(maps or {"model": ([0.0, 1.0], [0.0, 1.0])}),
                         {g: float(t) for g, t in meta.get("thresholds", {}).items()} or
                         {"rule": 0.5, "model": 0.5}, meta.get("meta", {}))
