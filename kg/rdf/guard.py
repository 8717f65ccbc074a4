"""Checks made on a SPARQL query before any engine parses it (cheap: one tokenizer pass).

* size and bracket depth are bounded, so a query cannot exhaust the parser's stack
  (5,000 nested parentheses used to kill the process);
* SPARQL Update is refused (graphs are read-only), and so is ``SERVICE``: Oxigraph
  would send the inner query to any URL, from the server's network position. The check
  works on tokens, so comments, strings and IRIs cannot hide the keyword and case,
  escapes or gluing (``SERVICEsilent``, ``service:x``) cannot disguise it; a prefix
  or a name containing "service" is refused too, which errs on the safe side;
* ``kg:`` terms the ontology lacks are reported with the nearest ones (a typo would
  otherwise give an empty table).

Examples
--------
>>> tokens = screen("SELECT * WHERE { ?s kg:visits ?o }")
>>> screen("SELECT * { SeRvIcE <http://127.0.0.1:9/> { ?s ?p ?o } }")
Traceback (most recent call last):
...
kg.rdf.guard.ServiceRefused: line 1, column 12: SERVICE is not allowed: kg sends no query to other servers \
(federated queries are off)
>>> q = "ASK { ?s kg:visit ?o }"
>>> check_terms(q, tokenize(q))
Traceback (most recent call last):
...
kg.rdf.guard.UnknownTerm: line 1, column 10: kg:visit is not a term of the kg ontology; \
did you mean kg:visits?
"""

from __future__ import annotations

import difflib
from collections.abc import Sequence
from functools import lru_cache

from kg.errors import MESSAGES, KGError, error
from kg.rdf.lexer import Token, depth, position, prologue_end, tokenize, unescape

__all__ = [
    "MAX_DEPTH",
    "MAX_QUERY_CHARS",
    "QueryRefused",
    "QueryTooLarge",
    "ServiceRefused",
    "UnknownTerm",
    "UpdateRefused",
    "check_terms",
    "declared_prefixes",
    "from_clause",
    "is_update",
    "screen",
]

#: Longest query accepted, in characters.
MAX_QUERY_CHARS = 65_536
#: Deepest bracket nesting accepted ("(", "[" and "{" together).
MAX_DEPTH = 128

_UPDATE = {"INSERT", "DELETE", "LOAD", "CLEAR", "CREATE", "DROP", "COPY", "MOVE", "ADD", "WITH"}


class QueryRefused(KGError):
    """A query refused before evaluation (too deep, or asking for SERVICE)."""


class QueryTooLarge(QueryRefused):
    """A query over :data:`MAX_QUERY_CHARS`."""


class ServiceRefused(QueryRefused):
    """A query with ``SERVICE`` (federated queries are off)."""


class UpdateRefused(KGError):
    """A SPARQL Update request (kg graphs are read-only)."""


class UnknownTerm(KGError):
    """A ``kg:`` term the ontology does not define."""


def _at(text: str, offset: int) -> dict[str, int]:
    line, column = position(text, offset)
    return {"line": line, "column": column}


def is_update(sparql: str) -> bool:
    """Whether ``sparql`` is a SPARQL Update request (refused: graphs are read-only).

    >>> is_update("PREFIX kg: <https://w3id.org/kg-hindi/ontology#> # x\\nINSERT DATA { <a> <b> <c> }")
    True
    >>> is_update("SELECT * WHERE { ?s ?p ?o }")
    False
    """
    return _update(tokenize(sparql))


def _update(tokens: list[Token]) -> bool:
    i = prologue_end(tokens)
    return i < len(tokens) and tokens[i].kind == "word" and tokens[i].text.upper() in _UPDATE


def _service(tokens: list[Token]) -> Token | None:
    """The first token that SPARQL could read as the keyword SERVICE (or that contains it)."""
    for tok in tokens:
        if tok.kind in ("word", "langtag", "badstring") and "service" in tok.text.lower():
            return tok
        if tok.kind == "pname" and "service" in tok.text.split(":", 1)[0].lower():
            return tok
    return None


def screen(
    sparql: str,
    *,
    allow_service: bool = False,
    max_chars: int = MAX_QUERY_CHARS,
    max_depth: int = MAX_DEPTH,
) -> list[Token]:
    """Refuse what must not reach an engine; return the tokens for later checks.

    Raises
    ------
    KGError
        ``bad_query`` (empty), :class:`QueryTooLarge`, :class:`QueryRefused` (too deep),
        :class:`UpdateRefused` or :class:`ServiceRefused`.
    """
    if not sparql or not sparql.strip():
        raise error("bad_query", reason="the query is empty")
    if len(sparql) > max_chars:
        raise error("query_too_large", QueryTooLarge, size=len(sparql), limit=max_chars)
    tokens = tokenize(sparql)
    deepest, where = depth(tokens)
    if deepest > max_depth:
        raise error("query_too_deep", QueryRefused, depth=deepest, limit=max_depth, **_at(sparql, where))
    if _update(tokens):
        raise error("sparql_update", UpdateRefused)
    if not allow_service:
        found = _service(tokens)
        plain = unescape(sparql)
        if found is None and plain != sparql:  # SPARQL 1.1 allows \u escapes anywhere
            found = _service(tokenize(plain))
            sparql = plain
        if found is not None:
            raise error("service_refused", ServiceRefused, **_at(sparql, found.start))
    return tokens


def declared_prefixes(tokens: Sequence[Token]) -> dict[str, str]:
    """The kg prefixes, overridden by the query's own ``PREFIX`` declarations."""
    from kg.rdf.namespace import PREFIXES

    prefixes = dict(PREFIXES)
    for i in range(prologue_end(tokens)):
        tok = tokens[i]
        if tok.kind == "word" and tok.text.upper() == "PREFIX" and i + 2 < len(tokens):
            prefixes[tokens[i + 1].text.rstrip(":")] = tokens[i + 2].text[1:-1]
    return prefixes


def from_clause(tokens: Sequence[Token]) -> Token | None:
    """The IRI of the first ``FROM`` / ``FROM NAMED`` clause (rdflib downloads it)."""
    for i, tok in enumerate(tokens[:-1]):
        if tok.kind == "word" and tok.text.upper() == "FROM":
            nxt = tokens[i + 1]
            if nxt.kind == "word" and nxt.text.upper() == "NAMED" and i + 2 < len(tokens):
                nxt = tokens[i + 2]
            return nxt
    return None


@lru_cache(maxsize=1)
def _kg_terms() -> tuple[str, frozenset[str]]:
    from kg.rdf.namespace import KG

    return str(KG._NS), frozenset(KG.__annotations__)


def check_terms(sparql: str, tokens: Sequence[Token]) -> None:
    """Refuse a ``kg:`` term (prefixed or a full IRI) the ontology does not define.

    Raises
    ------
    UnknownTerm
        With the nearest terms of the ontology (``difflib``), when there are some.
    """
    namespace, terms = _kg_terms()
    prefixes = None
    for tok in tokens:
        if tok.kind == "iri" and tok.text.startswith("<" + namespace):
            local, shown = tok.text[len(namespace) + 1 : -1], tok.text
        elif tok.kind == "pname" and not tok.text.endswith(":"):
            prefixes = prefixes or declared_prefixes(tokens)
            prefix, local = tok.text.split(":", 1)
            if prefixes.get(prefix) != namespace:
                continue
            shown = tok.text
        else:
            continue
        if local and local not in terms:
            close = difflib.get_close_matches(local, sorted(terms), n=3, cutoff=0.6)
            head = shown[: len(shown) - len(local)]
            names = [f"<{namespace}{c}>" if tok.kind == "iri" else head + c for c in close]
            hint = MESSAGES["did_you_mean"].format(suggestion=" or ".join(names)) if names else ""
            raise error("unknown_term", UnknownTerm, term=shown, hint=hint, **_at(sparql, tok.start))
