"""Where a training command may write its model: never silently onto a shipped model.

Examples
--------
>>> from pathlib import Path
>>> check_model_out(Path("new-model"), force=False, shipped=Path("kg/models/hi_rel"),
...                 marker="model.json", kind="relation")
"""

from __future__ import annotations

from pathlib import Path

from kg.errors import error

__all__ = ["check_model_out"]


def check_model_out(out: Path, force: bool, shipped: Path, marker: str, kind: str) -> None:
    """Refuse an ``--out`` that is the ``shipped`` model, or a non-empty folder without ``marker``.

    ``kind`` names the model in the message ("NER", "relation"); ``force`` allows both (a
    maintainer retraining the shipped model).
    """
    if force:
        return
    target = out.resolve()
    if target == shipped.resolve():
        raise error("shipped_model", path=out, kind=kind)
    if target.is_dir() and any(target.iterdir()) and not (target / marker).is_file():
        raise error("not_a_model_dir", path=out, kind=kind)
