"""The metadata sidecar of an article: ``article.meta.json`` next to ``article.txt``.

Keys used: ``title``, ``date`` (YYYY-MM-DD; resolves weekdays such as गुरुवार),
``language`` (Hindi tags only) and ``source``; other keys are ignored. An article
without a sidecar still works.
"""

from __future__ import annotations

import datetime as _dt
import json
import os
import re
from pathlib import Path
from typing import Any

from kg.errors import InputError, error

__all__ = ["check_date", "check_language", "read_meta", "sidecar_path"]

_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")
_HINDI = {"hi", "hin", "hindi"}


def check_date(value: Any, shown: str) -> str | None:
    """Validate a ``YYYY-MM-DD`` date (or ``None``) and return it."""
    if value is None or value == "":
        return None
    if isinstance(value, str) and _DATE.fullmatch(value.strip()):
        try:
            return _dt.date.fromisoformat(value.strip()).isoformat()
        except ValueError:
            pass
    raise error("bad_date", InputError, path=shown, value=value)


def check_language(value: Any, shown: str) -> str:
    """Accept Hindi language tags (``hi``, ``hi-IN``, ``hin``, ``Hindi``) as ``"hi"``."""
    if value is None:
        return "hi"
    if isinstance(value, str) and value.strip().lower().replace("_", "-").split("-")[0] in _HINDI:
        return "hi"
    raise error("bad_language", InputError, path=shown, value=value)


def sidecar_path(path: str | os.PathLike[str]) -> Path:
    """The metadata sidecar of an article: ``article.txt`` -> ``article.meta.json``.

    Examples
    --------
    >>> sidecar_path("seeds/000_f11f25e23ec2aca4.txt").as_posix()
    'seeds/000_f11f25e23ec2aca4.meta.json'
    """
    path = Path(path)
    return path.with_name(path.stem + ".meta.json")


def read_meta(path: Path) -> dict[str, Any]:
    """Read and check the sidecar of ``path``; ``{}`` when there is none."""
    meta_path = sidecar_path(path)
    shown = meta_path.as_posix()
    if not meta_path.exists():
        return {}
    try:
        meta = json.loads(meta_path.read_bytes().decode("utf-8-sig"))
    except json.JSONDecodeError as exc:
        reason = f"{exc.msg} at line {exc.lineno} column {exc.colno}"
        raise error("bad_meta", InputError, path=shown, reason=reason) from None
    except (OSError, UnicodeDecodeError) as exc:
        raise error("bad_meta", InputError, path=shown, reason=exc) from None
    if not isinstance(meta, dict):
        raise error("bad_meta", InputError, path=shown, reason="expected a JSON object {...}")
    for key in ("title", "source"):
        if meta.get(key) is not None and not isinstance(meta[key], str):
            raise error("bad_meta_field", InputError, path=shown, field=key,
                        expected="a string", value=meta[key])
    return {
        "title": (meta.get("title") or "").strip() or None,
        "source": (meta.get("source") or "").strip() or None,
        "date": check_date(meta.get("date"), shown),
        "language": check_language(meta.get("language"), shown),
    }
