"""Readable SPARQL syntax errors: line, column, the offending token and a hint.

Oxigraph reports the furthest point its parser reached, as ``error at 1:27: expected
one of ...`` followed by character classes. :func:`syntax_error` looks at the tokens
first (unknown prefix, unclosed bracket, misspelt query form), then names the token
at Oxigraph's position, suggests the nearest keyword and keeps the readable part of
what was expected. The command line, the Python API and the endpoint all use it, so
a query gets the same message everywhere.

Examples
--------
>>> print(syntax_error("SELECT ?s WHERE { ?s ?p ?o", "error at 1:27: expected one of \\"}\\", [_]"))
SPARQL query could not be parsed: line 1, column 17, at '{': { opened here is never closed (missing })
>>> print(syntax_error("SELEC ?s WHERE { }", "error at 1:10: expected CONSTRUCT"))
SPARQL query could not be parsed: line 1, column 1, at 'SELEC': a query starts with SELECT, CONSTRUCT, \
ASK or DESCRIBE (after PREFIX and BASE); did you mean SELECT?
>>> print(syntax_error("SELECT ?s WHERE { ?s foo:bar ?o }", "error at 1:29: expected Prefix not found"))
... # doctest: +ELLIPSIS
SPARQL query could not be parsed: line 1, column 22, at 'foo:bar': unknown prefix foo:; declared: dcterms, ...
"""

from __future__ import annotations

import difflib
import re

from kg.errors import MESSAGES, KGError, error
from kg.rdf.guard import declared_prefixes
from kg.rdf.lexer import Token, position, prologue_end, tokenize

__all__ = ["KEYWORDS", "syntax_error"]

#: SPARQL 1.1 keywords and function names, for "did you mean".
KEYWORDS = (
    "SELECT CONSTRUCT DESCRIBE ASK WHERE FROM NAMED PREFIX BASE DISTINCT REDUCED ORDER BY ASC DESC "
    "LIMIT OFFSET GROUP HAVING OPTIONAL UNION MINUS FILTER BIND VALUES GRAPH EXISTS NOT IN AS UNDEF "
    "STR LANG LANGMATCHES DATATYPE BOUND IRI URI BNODE RAND ABS CEIL FLOOR ROUND CONCAT STRLEN UCASE "
    "LCASE ENCODE_FOR_URI CONTAINS STRSTARTS STRENDS STRBEFORE STRAFTER YEAR MONTH DAY HOURS MINUTES "
    "SECONDS TIMEZONE TZ NOW UUID STRUUID MD5 SHA1 SHA256 SHA384 SHA512 COALESCE IF STRLANG STRDT "
    "SAMETERM ISIRI ISURI ISBLANK ISLITERAL ISNUMERIC REGEX SUBSTR REPLACE COUNT SUM MIN MAX AVG SAMPLE "
    "GROUP_CONCAT SEPARATOR"
).split()
_FORMS = ("SELECT", "CONSTRUCT", "ASK", "DESCRIBE")
_WHERE = re.compile(r"error at (\d+):(\d+): ?(.*)", re.DOTALL)
_CLASS = re.compile(r"\[(?:'(?:[^'\\]|\\.)*'|[^\]'])*\]")
_PAIRS = {"(": ")", "[": "]", "{": "}"}


def _fail(sparql: str, tok: Token | None, offset: int, detail: str) -> KGError:
    line, column = position(sparql, offset)
    shown = repr(tok.text[:40]) if tok is not None else "the end of the query"
    reason = MESSAGES["sparql_syntax"].format(line=line, column=column, token=shown, detail=detail)
    return error("bad_query", reason=reason)


def _suggest(word: str, choices: tuple[str, ...] | list[str]) -> str:
    close = difflib.get_close_matches(word.upper(), choices, n=1, cutoff=0.75)
    return MESSAGES["did_you_mean"].format(suggestion=close[0]) if close else ""


def _unknown_prefix(sparql: str, tokens: list[Token]) -> KGError | None:
    prefixes = declared_prefixes(tokens)
    start = prologue_end(tokens)
    for tok in tokens[start:]:
        if tok.kind == "pname" and tok.text.split(":", 1)[0] not in prefixes:
            prefix = tok.text.split(":", 1)[0]
            declared = ", ".join(sorted(prefixes))
            detail = MESSAGES["sparql_unknown_prefix"].format(prefix=prefix, declared=declared)
            return _fail(sparql, tok, tok.start, detail)
    return None


def _brackets(sparql: str, tokens: list[Token]) -> KGError | None:
    stack: list[Token] = []
    for tok in tokens:
        if tok.kind != "punct" or tok.text not in "()[]{}":
            continue
        if tok.text in _PAIRS:
            stack.append(tok)
            continue
        if not stack:
            return _fail(sparql, tok, tok.start, MESSAGES["sparql_unopened"].format(bracket=tok.text))
        opening = stack.pop()
        if _PAIRS[opening.text] != tok.text:
            line, column = position(sparql, opening.start)
            detail = MESSAGES["sparql_mismatch"].format(bracket=tok.text, opening=opening.text, line=line,
                                                        column=column, closing=_PAIRS[opening.text])
            return _fail(sparql, tok, tok.start, detail)
    if stack:
        tok = stack[-1]
        detail = MESSAGES["sparql_unclosed"].format(bracket=tok.text, closing=_PAIRS[tok.text])
        return _fail(sparql, tok, tok.start, detail)
    return None


def _query_form(sparql: str, tokens: list[Token]) -> KGError | None:
    start = prologue_end(tokens)
    if start >= len(tokens):
        return None
    tok = tokens[start]
    if tok.kind == "word" and tok.text.upper() in _FORMS:
        return None
    detail = MESSAGES["sparql_form"] + (_suggest(tok.text, _FORMS) if tok.kind == "word" else "")
    return _fail(sparql, tok, tok.start, detail)


def _expected(text: str) -> str:
    """The readable part of Oxigraph's "expected one of ..." (no character classes)."""
    text = text.removeprefix("expected").strip().removeprefix("one of").strip()
    text = _CLASS.sub("", text.replace("['0'..='9']", MESSAGES["sparql_number"]))
    items = []
    for item in (i.strip() for i in text.split(",")):
        if item and item != "Prefix not found" and item not in items:
            items.append(item[1:-1] if len(item) > 2 and item[0] == item[-1] == '"' else item)
    if "ABS" in items and "STR" in items:  # the first letters of every built-in function
        return MESSAGES["sparql_expression"]
    return ", ".join(items[:8]) + (", ..." if len(items) > 8 else "")


def _offset(sparql: str, line: int, column: int) -> int:
    start = 0
    for _ in range(line - 1):
        start = sparql.find("\n", start) + 1
        if start == 0:
            return len(sparql)
    return min(start + column - 1, len(sparql))


def syntax_error(sparql: str, message: str) -> KGError:
    """The :class:`~kg.errors.KGError` ``bad_query`` for an engine's syntax error ``message``."""
    tokens = tokenize(sparql)
    bad = next((t for t in tokens if t.kind == "badstring"), None)
    if bad is not None:
        return _fail(sparql, bad, bad.start, MESSAGES["sparql_unterminated"])
    for check in (_unknown_prefix, _brackets, _query_form):
        found = check(sparql, tokens)
        if found is not None:
            return found
    match = _WHERE.match(" ".join(message.split()))
    if match is None:
        return error("bad_query", reason=" ".join(message.split())[:200])
    offset = _offset(sparql, int(match.group(1)), int(match.group(2)))
    tok = next((t for t in tokens if t.start <= offset < t.start + len(t.text)), None)
    tok = tok or next((t for t in tokens if t.start >= offset), None)
    for word in reversed([t for t in tokens if t.kind == "word" and t.start <= offset]):
        if word.text.upper() not in KEYWORDS and word.text not in ("a", "true", "false"):
            hint = _suggest(word.text, KEYWORDS)
            if hint:  # a misspelt keyword before the point where the parser gave up
                return _fail(sparql, word, word.start, MESSAGES["sparql_keyword"] + hint)
    expected = _expected(match.group(3))
    detail = MESSAGES["sparql_expected"].format(expected=expected) if expected else ""
    detail = detail or MESSAGES["sparql_unexpected"]
    return _fail(sparql, tok, tok.start if tok is not None else offset, detail)
