"""A SPARQL tokenizer for the checks made before a query is parsed (see :mod:`kg.rdf.guard`).

It knows exactly where strings, IRIs and comments begin and end (the places where a
keyword, a bracket or a ``#`` means nothing), and splits the rest into names, variables,
prefixed names, numbers and punctuation. It never fails: an unterminated string is
reported as a ``badstring`` token and the text after its quote is read as code, so a
check looking for a keyword errs on the side of finding one.

Examples
--------
>>> [(t.kind, t.text) for t in tokenize("SELECT ?s { ?s kg:p 'a # }' } # c")]
[('word', 'SELECT'), ('var', '?s'), ('punct', '{'), ('var', '?s'), ('pname', 'kg:p'),
 ('string', "'a # }'"), ('punct', '}')]
>>> position("SELECT\\n  ?s", 9)
(2, 3)
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from typing import NamedTuple

__all__ = ["Token", "depth", "position", "prologue_end", "tokenize", "unescape"]

# A name character: ASCII letters, digits, "_" and any non-ASCII character that is not a space.
_N = r"[0-9A-Za-z_\u00b7-\U0010ffff]"
_LOCAL = rf"(?:{_N}|[:\-]|%[0-9A-Fa-f]{{2}}|\\[_~.\-!$&'()*+,;=/?#@%]|\.(?={_N}|[:\-%\\]))"
_NAME = rf"{_N}(?:{_N}|-|\.(?=\.*(?:{_N}|-)))*"
_PATTERN = re.compile(  # spaces are skipped before each token
    rf"""
    \s*(?:
    (?P<var>[?$]{_N}+)
  | (?P<bnode>_:(?:{_N}|-|\.(?={_N}|-))+)
  | (?P<number>[0-9]+\.[0-9]*[eE][+-]?[0-9]+|\.[0-9]+[eE][+-]?[0-9]+|[0-9]+[eE][+-]?[0-9]+
              |[0-9]*\.[0-9]+|[0-9]+)
  | (?P<word>{_NAME})(?P<local>:{_LOCAL}*)?
  | (?P<pname>:{_LOCAL}*)
  | (?P<iri><(?:[^<>\"{{}}|^`\\\x00-\x20]|\\u[0-9A-Fa-f]{{4}}|\\U[0-9A-Fa-f]{{8}})*>)
  | (?P<comment>\#[^\n\r]*)
  | (?P<string>\"\"\"(?:(?:\"|\"\")?(?:[^\"\\]|\\.))*\"\"\"|'''(?:(?:'|'')?(?:[^'\\]|\\.))*'''
              |\"(?:[^\"\\\n\r]|\\.)*\"|'(?:[^'\\\n\r]|\\.)*')
  | (?P<badstring>[\"'])
  | (?P<langtag>@[A-Za-z]+(?:-[A-Za-z0-9]+)*)
  | (?P<punct>\|\||&&|!=|<=|>=|\^\^|.)
    )""",
    re.VERBOSE | re.DOTALL,
)
_ESCAPE = re.compile(r"\\u([0-9A-Fa-f]{4})|\\U([0-9A-Fa-f]{8})")
_OPEN, _CLOSE = "([{", ")]}"


class Token(NamedTuple):
    """One token: its kind (``word``, ``var``, ``pname``, ``iri``, ``string``, ``punct``...), text, offset."""

    kind: str
    text: str
    start: int


def tokenize(text: str) -> list[Token]:
    """The tokens of ``text`` outside spaces and comments (see the module docstring)."""
    tokens = []
    for m in _PATTERN.finditer(text):
        kind = m.lastgroup or "punct"
        if kind == "local":
            tokens.append(Token("pname", m.group("word") + m.group("local"), m.start("word")))
        elif kind != "comment":
            tokens.append(Token(kind, m.group(kind), m.start(kind)))
    return tokens


def unescape(text: str) -> str:
    r"""``text`` with its ``\uXXXX`` / ``\UXXXXXXXX`` escapes replaced (SPARQL 1.1, 19.2).

    >>> unescape(r"\u0053ERVICE")
    'SERVICE'
    """
    if "\\u" not in text and "\\U" not in text:
        return text

    def char(m: re.Match[str]) -> str:
        code = int(m.group(1) or m.group(2), 16)
        return chr(code) if code < 0x110000 and not 0xD800 <= code < 0xE000 else m.group()

    return _ESCAPE.sub(char, text)


def position(text: str, offset: int) -> tuple[int, int]:
    """Line and column (both from 1, columns in characters) of ``offset`` in ``text``."""
    line = text.count("\n", 0, offset) + 1
    return line, offset - text.rfind("\n", 0, offset)


def _brackets(tokens: list[Token]) -> Iterator[tuple[str, int]]:
    """Every bracket in code and inside IRIs (where ``<`` may have been a comparison)."""
    for tok in tokens:
        if tok.kind == "punct" and tok.text in "()[]{}":
            yield tok.text, tok.start
        elif tok.kind == "iri" and any(c in tok.text for c in "()[]"):
            yield from ((c, tok.start + i) for i, c in enumerate(tok.text) if c in "()[]")


def depth(tokens: list[Token]) -> tuple[int, int]:
    """The deepest bracket nesting and the offset where it is reached.

    Brackets inside IRI tokens count too: ``?a<((1))>0`` is a comparison for SPARQL,
    so counting them can only overstate the nesting, never hide it.

    >>> depth(tokenize("ASK { FILTER((1)) }"))
    (3, 13)
    """
    level, deepest, where = 0, 0, 0
    for char, start in _brackets(tokens):
        if char in _OPEN:
            level += 1
            if level > deepest:
                deepest, where = level, start
        else:
            level = max(level - 1, 0)
    return deepest, where


def prologue_end(tokens: Sequence[Token]) -> int:
    """Index of the first token after the ``PREFIX``/``BASE`` declarations."""
    i = 0
    while i < len(tokens) and tokens[i].kind == "word" and tokens[i].text.upper() in ("PREFIX", "BASE"):
        i += 3 if tokens[i].text.upper() == "PREFIX" else 2
    return min(i, len(tokens))
