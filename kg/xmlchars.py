"""Characters XML 1.0 cannot hold, replaced one for one so that offsets stay exact.

XML 1.0 allows tab, line feed, carriage return, U+0020-U+D7FF, U+E000-U+FFFD and
U+10000-U+10FFFF. Other C0 controls (NUL, vertical tab, form feed, ...), lone surrogates
and the non-characters U+FFFE and U+FFFF make a GraphML or HTML file unreadable, so kg
replaces them by a space when it reads an article (one character for one, so every offset
still points at the same place) and the writers replace what reaches them another way.

Examples
--------
>>> xml_safe("\\uffffभारत\\x0bने")
' भारत ने'
>>> xml_safe("ok\\tok\\n")
'ok\\tok\\n'
>>> count_unsafe("a\\x00b\\ufffe")
2
"""

from __future__ import annotations

import re

__all__ = ["UNSAFE", "count_unsafe", "xml_safe"]

UNSAFE = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")
"""One character XML 1.0 forbids."""


def xml_safe(text: str, replacement: str = " ") -> str:
    """``text`` with every character XML 1.0 forbids replaced by ``replacement`` (one character)."""
    return UNSAFE.sub(replacement, text) if UNSAFE.search(text) else text


def count_unsafe(text: str) -> int:
    """How many characters of ``text`` XML 1.0 forbids."""
    return len(UNSAFE.findall(text))
