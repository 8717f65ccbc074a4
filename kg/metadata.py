"""The metadata sidecar of an article: ``article.meta.json`` next to ``article.txt``.

Keys used: ``title``, ``date`` (YYYY-MM-DD; resolves weekdays such as गुरुवार),
``language`` (Hindi tags only) and ``source``; other keys are ignored. An article
without a sidecar still works.

A sidecar is not trusted more than an article: it must be a regular file (a FIFO or a link to
``/dev/zero`` is refused before it is read) of at most :data:`META_MAX_BYTES`, valid JSON
nested at most a few hundred levels; any problem rejects its article with a one-line
:class:`~kg.errors.InputError`, and the other articles are still built.
"""

from __future__ import annotations

import datetime as _dt
import json
import os
import re
from pathlib import Path
from typing import Any

from kg.errors import InputError, error
from kg.readfile import read_small
from kg.xmlchars import xml_safe

__all__ = ["META_MAX_BYTES", "check_date", "check_language", "read_meta", "sidecar_path"]

META_MAX_BYTES = 1024 * 1024

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
    raise error("bad_date", InputError, path=shown, value=_short(value))


def check_language(value: Any, shown: str) -> str:
    """Accept Hindi language tags (``hi``, ``hi-IN``, ``hin``, ``Hindi``) as ``"hi"``."""
    if value is None:
        return "hi"
    if isinstance(value, str) and value.strip().lower().replace("_", "-").split("-")[0] in _HINDI:
        return "hi"
    raise error("bad_language", InputError, path=shown, value=_short(value))


def sidecar_path(path: str | os.PathLike[str]) -> Path:
    """The metadata sidecar of an article: ``article.txt`` -> ``article.meta.json``.

    Examples
    --------
    >>> sidecar_path("seeds/000_f11f25e23ec2aca4.txt").as_posix()
    'seeds/000_f11f25e23ec2aca4.meta.json'
    """
    path = Path(path)
    return path.with_name(path.stem + ".meta.json")


def _short(value: Any, limit: int = 60) -> Any:
    """``value`` itself, or the start of its ``repr`` when that is long (for one-line messages)."""
    text = repr(value)
    return value if len(text) <= limit else _Shown(text[: limit - 3] + "...")


class _Shown(str):
    """A string whose ``repr`` is itself (an already shortened ``repr``)."""

    def __repr__(self) -> str:
        return str(self)


def _parse(meta_path: Path, shown: str) -> Any:
    data = read_small(meta_path, shown, META_MAX_BYTES, too_big="meta_too_big")
    try:
        return json.loads(data.decode("utf-8-sig"))
    except json.JSONDecodeError as exc:
        reason = f"{exc.msg} at line {exc.lineno} column {exc.colno}"
        raise error("bad_meta", InputError, path=shown, reason=reason) from None
    except RecursionError:
        raise error("bad_meta", InputError, path=shown, reason="nested too deeply") from None
    except (ValueError, UnicodeDecodeError) as exc:  # e.g. an integer of over 4300 digits
        raise error("bad_meta", InputError, path=shown, reason=_short(str(exc), 120)) from None


def read_meta(path: Path) -> dict[str, Any]:
    """Read and check the sidecar of ``path``; ``{}`` when there is none.

    Examples
    --------
    >>> import os, tempfile
    >>> article = Path(tempfile.mkdtemp()) / "a.txt"
    >>> os.mkfifo(sidecar_path(article))
    >>> read_meta(article)
    Traceback (most recent call last):
    kg.errors.InputError: .../a.meta.json: not a regular file but a FIFO (named pipe)
    """
    meta_path = sidecar_path(path)
    shown = meta_path.as_posix()
    if not os.path.lexists(meta_path):
        return {}
    meta = _parse(meta_path, shown)
    if not isinstance(meta, dict):
        raise error("bad_meta", InputError, path=shown, reason="expected a JSON object {...}")
    for key in ("title", "source"):
        if meta.get(key) is not None and not isinstance(meta[key], str):
            raise error("bad_meta_field", InputError, path=shown, field=key,
                        expected="a string", value=_short(meta[key]))
    return {
        "title": xml_safe(meta.get("title") or "").strip() or None,
        "source": xml_safe(meta.get("source") or "").strip() or None,
        "date": check_date(meta.get("date"), shown),
        "language": check_language(meta.get("language"), shown),
    }
