"""Every user-facing error message of `kg`, in one place.

Errors raised for bad input are :class:`KGError`; the CLI prints their message
on one line and exits non-zero, never with a traceback.
"""

from __future__ import annotations

import os

__all__ = ["EXIT_INTERNAL", "EXIT_INTERRUPTED", "KGError", "InputError", "MESSAGES", "describe", "error",
           "one_line"]

MESSAGES = {
    "missing": "{path}: no such file or directory",
    "empty": "{path}: the file is empty",
    "binary": "{path}: looks like a binary file, not text",
    "encoding": "{path}: not valid UTF-8 (byte {pos}); kg expects UTF-8 encoded text",
    "no_devanagari": "{path}: no Devanagari text found; only Hindi is supported yet",
    "too_big": "{path}: {size} bytes is over the limit of {limit} bytes (set KG_MAX_BYTES to raise it)",
    "no_articles": "{path}: no articles (*.txt) found in this directory",
    "no_input": "no usable input: every input was rejected",
    "bad_meta": "{path}: metadata sidecar is not valid JSON ({reason})",
    "bad_meta_field": "{path}: metadata field {field!r} must be {expected}, got {value!r}",
    "bad_date": "{path}: date must be a calendar date written YYYY-MM-DD, got {value!r}",
    "bad_language": "{path}: language {value!r} is not supported; only Hindi (\"hi\") is supported yet",
    "bad_utf16": (
        "{path}: not valid UTF-16 (byte {pos}) despite its UTF-16 byte-order mark; "
        "kg expects UTF-8 encoded text"
    ),
    "not_file": "{path}: not a regular file",
    "unreadable": "{path}: cannot be read ({reason})",
    "bad_size_env": "{name}={value!r} is not a size in bytes (examples: 50000000, 50M, 1G)",
    "no_input_because": "no usable input: every input was rejected ({details})",
    "not_text": "input must be Hindi text or a path to a .txt file",
    "bad_format": "unknown output format {fmt!r}; choose from {choices}",
    "bad_gold": "{path}: gold file is not valid ({reason})",
    "no_output": "{path}: no kg build output found (expected triples.jsonl and entities.jsonl)",
    "bad_query": "SPARQL query could not be parsed: {reason}",
    "no_graph": "{path}: no graph found (expected graph.trig, graph.ttl or triples.jsonl of kg build)",
    "bad_graph_format": "{path}: unknown graph format; use a file ending in {choices}",
    "bad_graph": "{path}: not a valid {fmt} graph ({reason})",
    "bad_records": "{path}: kg build records could not be read ({reason})",
    "query_timeout": "SPARQL query stopped after {seconds} s (raise the limit with --timeout)",
    "sparql_update": "SPARQL Update is not allowed: the graph is read-only",
    "bad_result_format": "result format {fmt!r} does not fit a {kind} query; choose from {choices}",
    "bad_shapes": "{path}: SHACL shapes could not be read ({reason})",
    "cannot_listen": "cannot listen on {host}:{port} ({reason})",
    "viewer_asset": "viewer file {name} is missing or damaged ({reason}); reinstall kg",
    "viewer_write": "{path}: cannot write the HTML viewer ({reason})",
    "bad_conll": "{path}: line {line} is not 'token<TAB>BIO-tag' with a known label: {text!r}",
    "no_gold": "{path}: no gold files (*.json) found for this selection",
    "bad_splits": "{path}: cannot read split {split!r} ({reason})",
    "no_eval_source": "nothing to score: give a kg build output folder or --texts with the articles",
    "no_texts": (
        "{path}: the articles' folder does not exist (the real-news corpus is not on this machine; "
        "pass --texts DIR)"
    ),
    "gold_needs_build": (
        "{path}: this gold format is scored against a kg build output folder (kg eval GOLD OUT_DIR)"
    ),
    "no_rel_model": "{path}: no relation model could be read ({reason}); train one with 'kg train-rel'",
    "bad_config": "{path}: training config could not be read ({reason})",
    "bad_ner_model": "{path}: not a usable NER model ({reason})",
    "model_left_out": "{model} is left out: {reason}",
    "shipped_model": (
        "{path}: this is the {kind} model shipped with kg; write the new model elsewhere with --out DIR "
        "(or pass --force to replace the shipped one)"
    ),
    "not_a_model_dir": (
        "{path}: this folder is not a {kind} model and would be replaced; choose an empty or new "
        "--out folder (or pass --force)"
    ),
    "no_store": "{path}: no kg store here (create one with 'kg add ARTICLES --store {path}')",
    "bad_store": "{path}: not a kg store, or a damaged one ({reason})",
    "store_version": (
        "{path}: this store has format {found} and this kg reads format {wanted}; export it with the kg "
        "that made it and add the articles again"
    ),
    "store_busy": "{path}: the store is busy (another kg add, remove or serve has it open); try again later",
    "store_read_only": "{path}: the store is open for reading only",
    "no_dask": "kg add --dask needs dask[distributed] (pip install 'kg-hindi-news[distributed]')",
    "no_scheduler": "cannot reach the Dask scheduler at {address} ({reason})",
    "push_failed": "could not publish to {url} ({reason})",
    "no_ner_model": "{path}: no trained NER model found (train one with 'kg train-ner')",
    # -- inputs, outputs and the command line (issue 11) ------------------------------------------
    "empty_path": "an empty path was given as input (no file or folder is named '')",
    "link_loop": "{path}: a symbolic link loop (too many levels of symbolic links)",
    "broken_link": "{path}: a broken symbolic link (what it points to does not exist)",
    "special_file": "{path}: not a regular file but a {kind}",
    "meta_too_big": "{path}: metadata sidecar of {size} bytes is over the limit of {limit} bytes",
    "utf16_no_bom": (
        "{path}: looks like UTF-16 without a byte-order mark but is not valid UTF-16 (byte {pos}); "
        "save it as UTF-8"
    ),
    "out_busy": "{path}: another kg command is writing this folder; try again when it has finished",
    "out_not_ours": (
        "{path}: holds files kg does not write ({names}); the output folder is replaced as a whole, "
        "so give a new or empty folder, or remove them"
    ),
    "out_not_dir": "{path}: exists and is not a folder",
    "out_is_cwd": (
        "{path}: is the current folder or contains it; the output folder is replaced as a whole, "
        "so give a folder beneath it"
    ),
    "out_write": "{path}: cannot write the output ({reason})",
    "os_error": "{path}: {reason}",
    "os_error_no_path": "{reason}",
    "out_of_memory": "out of memory; split the input into smaller files",
    "interrupted": "interrupted",
    "internal": "internal error: {kind}: {detail} (run with KG_DEBUG=1 to see the traceback)",
    # --- SPARQL endpoint and query path (issue 11: kg.rdf.guard, diagnose, pool, server) ---
    "query_too_large": "SPARQL query of {size} characters is over the limit of {limit}",
    "query_too_deep": (
        "SPARQL query nests brackets {depth} deep (line {line}, column {column}); the limit is {limit}"
    ),
    "service_refused": (
        "line {line}, column {column}: SERVICE is not allowed: kg sends no query to other servers "
        "(federated queries are off)"
    ),
    "from_fetches": (
        "line {line}, column {column}: FROM would make rdflib download {iri}; use engine=\"oxigraph\", "
        "which reads FROM as a graph of the dataset"
    ),
    "unknown_term": "line {line}, column {column}: {term} is not a term of the kg ontology{hint}",
    "did_you_mean": "; did you mean {suggestion}?",
    "sparql_syntax": "line {line}, column {column}, at {token}: {detail}",
    "sparql_expected": "expected {expected}",
    "sparql_unknown_prefix": "unknown prefix {prefix}:; declared: {declared}",
    "sparql_unclosed": "{bracket} opened here is never closed (missing {closing})",
    "sparql_unopened": "{bracket} closes nothing",
    "sparql_mismatch": "{bracket} closes the {opening} of line {line}, column {column} (expected {closing})",
    "sparql_unterminated": "the string that starts here is not closed on its line",
    "sparql_form": "a query starts with SELECT, CONSTRUCT, ASK or DESCRIBE (after PREFIX and BASE)",
    "sparql_keyword": "not a SPARQL keyword",
    "sparql_unexpected": "unexpected here",
    "sparql_number": "a number",
    "sparql_expression": "an expression (a variable, a value or a function call)",
    "query_failed": "SPARQL query failed: {reason}",
    "rdflib_depth": "SPARQL query nests too deep for engine=\"rdflib\"; use engine=\"oxigraph\"",
    "query_memory": (
        "SPARQL query stopped: it needed more than {limit} MB of memory (raise the limit with --memory)"
    ),
    "query_crashed": "SPARQL query stopped its worker process ({reason}); the query was not answered",
    "query_busy": "server busy: {running} queries running and {waiting} waiting; retry in {retry} s",
    "query_held": "this query ran out of time or memory a moment ago; it is not run again for {seconds} s",
    "worker_start": "the SPARQL worker process could not start ({reason})",
    "bad_host": (
        "Host {host!r} is not this server (a DNS rebinding guard); use {expected} or start kg serve with "
        "--allow-host NAME"
    ),
    "cross_origin": "cross-origin request from {origin} refused (kg serve --cors-origin {origin} allows it)",
    "request_timeout": "request not received within {seconds} s",
}

EXIT_INTERNAL = 70  # sysexits EX_SOFTWARE: a bug in kg, not in the input
EXIT_INTERRUPTED = 130  # 128 + SIGINT, as shells report Ctrl+C


class KGError(Exception):
    """A user-facing error with a one-line message; the CLI exits with :attr:`exit_code`."""

    exit_code = 1


class InputError(KGError):
    """An input file or text that cannot be processed."""


def error(key: str, cls: type[KGError] = KGError, **fields: object) -> KGError:
    """Build the error for message ``key`` with ``fields`` filled in.

    Examples
    --------
    >>> str(error("empty", path="a.txt"))
    'a.txt: the file is empty'
    """
    return cls(MESSAGES[key].format(**fields))


def one_line(text: str, limit: int = 500) -> str:
    """``text`` on one line (line breaks of any kind become spaces), at most ``limit`` characters.

    Examples
    --------
    >>> one_line("a\\nb\\u2028c")
    'a b c'
    """
    line = " ".join(part.strip() for part in str(text).splitlines() if part.strip())
    return line if len(line) <= limit else line[: limit - 3] + "..."


def describe(exc: BaseException) -> tuple[str, int]:
    """The one-line message and exit status the command line shows for ``exc``.

    :class:`KGError` gives its message and :attr:`~KGError.exit_code`; :class:`OSError` names
    the file and the reason; :class:`KeyboardInterrupt` is ``interrupted`` (130); anything else
    is an internal error (70) with a hint to rerun with ``KG_DEBUG=1``.

    Examples
    --------
    >>> describe(error("empty", path="a.txt"))
    ('a.txt: the file is empty', 1)
    >>> describe(PermissionError(13, "Permission denied", "out/a.txt"))
    ('out/a.txt: Permission denied', 1)
    >>> describe(ValueError("bad\\nvalue"))[0]
    'internal error: ValueError: bad value (run with KG_DEBUG=1 to see the traceback)'
    """
    if isinstance(exc, KGError):
        return one_line(str(exc)), exc.exit_code
    if isinstance(exc, KeyboardInterrupt):
        return MESSAGES["interrupted"], EXIT_INTERRUPTED
    if isinstance(exc, MemoryError):
        return MESSAGES["out_of_memory"], 1
    if isinstance(exc, OSError):
        reason = exc.strerror or str(exc) or type(exc).__name__
        if exc.filename is None:
            return one_line(MESSAGES["os_error_no_path"].format(reason=reason)), 1
        path = os.fsdecode(exc.filename)
        if exc.filename2 is not None:
            path += " -> " + os.fsdecode(exc.filename2)
        return one_line(MESSAGES["os_error"].format(path=path, reason=reason)), 1
    detail = one_line(str(exc), 300) or "no details"
    return MESSAGES["internal"].format(kind=type(exc).__name__, detail=detail), EXIT_INTERNAL
