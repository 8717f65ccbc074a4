"""Run a function with a time limit in a daemon thread (SPARQL evaluation inside the process).

This is the Python API's limit: a query that runs over it is abandoned, not stopped
(the thread goes on until Oxigraph returns). ``kg query`` and ``kg serve`` run
queries in worker processes that are killed instead (:mod:`kg.rdf.pool`).

Examples
--------
>>> call_with_timeout(lambda: 6 * 7, timeout=5)
42
>>> import time
>>> call_with_timeout(lambda: time.sleep(1), timeout=0.05)
Traceback (most recent call last):
...
kg.rdf.timeout.QueryTimeout: SPARQL query stopped after 0.05 s (raise the limit with --timeout)
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from typing import Any

from kg.errors import KGError, error

__all__ = ["BIG_STACK", "QueryTimeout", "call_with_timeout", "start_thread"]

#: Stack of the thread that evaluates a long query: parsers recurse once per nesting level
#: or operator, and a query of 64 KB can need more than the 8 MB of a default thread.
BIG_STACK = 256 << 20
_STACK_LOCK = threading.Lock()


class QueryTimeout(KGError):
    """A query ran over its time limit."""


def _detached(exc: BaseException) -> BaseException:
    """Drop the tracebacks of ``exc`` and its chain.

    They hold the worker's frames, and with them Oxigraph result objects that
    must be freed on the thread that made them (pyo3 "unsendable" classes).
    """
    seen: set[int] = set()
    todo: list[BaseException | None] = [exc]
    while todo:
        item = todo.pop()
        if item is None or id(item) in seen:
            continue
        seen.add(id(item))
        item.__traceback__ = None
        todo += [item.__context__, item.__cause__]
    return exc


def start_thread(thread: threading.Thread, stack_size: int = 0) -> None:
    """Start ``thread`` with a stack of ``stack_size`` bytes (0: the default)."""
    if not stack_size:
        thread.start()
        return
    with _STACK_LOCK:  # threading.stack_size is process-wide: set it for this thread only
        previous = threading.stack_size(stack_size)
        try:
            thread.start()
        finally:
            threading.stack_size(previous)


def call_with_timeout(
    fn: Any,
    timeout: float | None,
    cancel: threading.Event | None = None,
    on_done: Callable[[], None] | None = None,
    stack_size: int = 0,
) -> Any:
    """Run ``fn()`` in a daemon thread and wait at most ``timeout`` seconds.

    On timeout ``cancel`` is set (evaluation loops check it between rows) and
    :class:`~kg.errors.KGError` ``query_timeout`` is raised; the thread is
    abandoned, and being a daemon it never blocks interpreter exit.
    ``on_done`` is called when ``fn`` really ends (also after a timeout), so a
    server can bound the number of running evaluations. ``stack_size`` (bytes) runs
    ``fn`` in a thread with that stack, also without a timeout.
    """
    if not timeout and not stack_size:
        try:
            return fn()
        finally:
            if on_done is not None:
                on_done()
    box: dict[str, Any] = {}
    done = threading.Event()

    def work() -> None:
        try:
            box["value"] = fn()
        except BaseException as exc:  # re-raised in the caller's thread
            box["error"] = _detached(exc)
        finally:
            done.set()
            if on_done is not None:
                on_done()

    start_thread(threading.Thread(target=work, name="kg-sparql", daemon=True), stack_size)
    if not done.wait(timeout or None):
        if cancel is not None:
            cancel.set()
        raise error("query_timeout", QueryTimeout, seconds=f"{timeout:g}")
    if "error" in box:
        raise box["error"]
    return box["value"]
