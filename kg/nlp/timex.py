"""Time expressions in Hindi news: years, dates, months and weekdays.

Weekday words (``गुरुवार को``) and ``आज`` are resolved against the article
date when it is known: a weekday means its latest occurrence on or before the
article date (news reports the recent past), or the next one for planned events.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Sequence
from dataclasses import dataclass

__all__ = ["TimeExpr", "find_times", "resolve_weekday", "to_ascii_digits"]

MONTHS = {
    "जनवरी": 1, "फरवरी": 2, "फ़रवरी": 2, "मार्च": 3, "अप्रैल": 4, "अप्रेल": 4, "मई": 5,
    "जून": 6, "जुलाई": 7, "अगस्त": 8, "सितंबर": 9, "सितम्बर": 9, "अक्टूबर": 10,
    "अक्तूबर": 10, "नवंबर": 11, "नवम्बर": 11, "दिसंबर": 12, "दिसम्बर": 12,
}
WEEKDAYS = {
    "सोमवार": 0, "मंगलवार": 1, "बुधवार": 2, "गुरुवार": 3, "बृहस्पतिवार": 3,
    "शुक्रवार": 4, "शनिवार": 5, "रविवार": 6, "इतवार": 6,
}
_DIGITS = str.maketrans("०१२३४५६७८९", "0123456789")
_YEAR = re.compile(r"^(1[89]\d\d|20\d\d)$")
_DAY = re.compile(r"^([12]?\d|3[01])$")


@dataclass(frozen=True)
class TimeExpr:
    """A time expression over tokens ``[start, end)`` with its ISO value."""

    start: int
    end: int
    value: str | None
    kind: str  # "year", "date", "month", "weekday", "today"


def to_ascii_digits(text: str) -> str:
    """Replace Devanagari digits with ASCII ones.

    Examples
    --------
    >>> to_ascii_digits("२०२४")
    '2024'
    """
    return text.translate(_DIGITS)


def resolve_weekday(weekday: int, anchor: dt.date, forward: bool = False) -> dt.date:
    """The date of ``weekday`` (0 = Monday) nearest ``anchor``, backward by default.

    Examples
    --------
    >>> resolve_weekday(3, dt.date(2024, 6, 20))  # Thursday 20 June 2024 itself
    datetime.date(2024, 6, 20)
    >>> resolve_weekday(0, dt.date(2024, 6, 20))
    datetime.date(2024, 6, 17)
    >>> resolve_weekday(0, dt.date(2024, 6, 20), forward=True)
    datetime.date(2024, 6, 24)
    """
    delta = (anchor.weekday() - weekday) % 7
    if forward:
        return anchor + dt.timedelta(days=(weekday - anchor.weekday()) % 7)
    return anchor - dt.timedelta(days=delta)


def _date_at(words: Sequence[str], i: int, anchor: dt.date | None) -> TimeExpr | None:
    """``20 जून 2024`` / ``20 जून`` / ``जून 2024`` starting at ``i``."""
    word = to_ascii_digits(words[i])
    nxt = words[i + 1] if i + 1 < len(words) else ""
    after = to_ascii_digits(words[i + 2]) if i + 2 < len(words) else ""
    if _DAY.match(word) and nxt in MONTHS:
        month, day = MONTHS[nxt], int(word)
        year = int(after) if _YEAR.match(after) else (anchor.year if anchor else None)
        end = i + 3 if _YEAR.match(after) else i + 2
        value = None
        if year:
            try:
                value = dt.date(year, month, day).isoformat()
            except ValueError:
                value = None
        return TimeExpr(i, end, value, "date")
    if word in MONTHS and _YEAR.match(to_ascii_digits(nxt)):
        return TimeExpr(i, i + 2, f"{to_ascii_digits(nxt)}-{MONTHS[word]:02d}", "month")
    return None


def find_times(words: Sequence[str], anchor: dt.date | None = None) -> list[TimeExpr]:
    """Find time expressions in a token sequence.

    Examples
    --------
    >>> [t.value for t in find_times("2023 में अदालत ने".split())]
    ['2023']
    >>> [t.value for t in find_times("20 जून 2024 को".split())]
    ['2024-06-20']
    >>> [t.value for t in find_times("पुतिन गुरुवार को आए".split(), dt.date(2024, 6, 20))]
    ['2024-06-20']
    """
    found: list[TimeExpr] = []
    i = 0
    while i < len(words):
        word = words[i]
        if not (word[:1].isdigit() or word in MONTHS or word in WEEKDAYS or word == "आज"):
            i += 1
            continue
        expr = _date_at(words, i, anchor) or _single(word, i, anchor)
        if expr is not None:
            found.append(expr)
            i = expr.end
        else:
            i += 1
    return found


def _single(word: str, i: int, anchor: dt.date | None) -> TimeExpr | None:
    ascii_word = to_ascii_digits(word)
    if _YEAR.match(ascii_word):
        return TimeExpr(i, i + 1, ascii_word, "year")
    if word in WEEKDAYS:
        value = resolve_weekday(WEEKDAYS[word], anchor).isoformat() if anchor else None
        return TimeExpr(i, i + 1, value, "weekday")
    if word == "आज":
        return TimeExpr(i, i + 1, anchor.isoformat() if anchor else None, "today")
    return None


def text_date(words: Sequence[str]) -> dt.date | None:
    """The latest full date (day, month and year) written in a text, if any.

    News reports the latest events, so the latest date it writes out is a fair lower
    bound of its own date when no metadata gives one.

    Examples
    --------
    >>> text_date("8 जुलाई 2024 को मोदी ने 2019 की यात्रा और 1 मई 2023 की बैठक की बात की".split())
    datetime.date(2024, 7, 8)
    >>> text_date("2023 में".split()) is None
    True
    """
    dates = [dt.date.fromisoformat(t.value) for t in find_times(words) if t.kind == "date" and t.value]
    return max(dates) if dates else None
