"""The SPARQL worker process of :mod:`kg.rdf.pool`: one store, one query at a time.

A worker is a fresh interpreter started by :class:`kg.rdf.pool.QueryPool`. It first forbids itself
network sockets (:func:`kg.rdf.sandbox.no_network`, unless federated queries are allowed)
and asks to die with its parent, then opens its store, caps its memory
(:func:`kg.rdf.sandbox.cap_memory`) and answers :class:`Request` objects on its pipe
with ``("ok", Rendered)``, ``("error", KGError)`` or ``("memory", None)``. Queries run on
a thread with a big stack (:data:`kg.rdf.timeout.BIG_STACK`).
"""

from __future__ import annotations

import os
import threading
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from kg.errors import KGError, error

__all__ = ["NotAcceptable", "Request", "Source", "WorkerLimits", "worker_main"]


class NotAcceptable(KGError):
    """No result format was asked for this query form (``args[0]`` is the form)."""


@dataclass(frozen=True)
class Source:
    """What a worker opens: graph files / ``kg build`` folders (loaded into memory), or the
    folder of an on-disk Oxigraph store (opened read-only, shared by all workers)."""

    paths: tuple[str, ...] = ()
    folder: str | None = None

    def open(self) -> Any:
        """The ``pyoxigraph.Store`` (an empty one for a store folder not written yet)."""
        import pyoxigraph as ox

        if self.folder is not None:
            return ox.Store.read_only(self.folder) if Path(self.folder).is_dir() else ox.Store()
        from kg.rdf.sparql import open_store

        return open_store(*self.paths)


@dataclass(frozen=True)
class WorkerLimits:
    """Memory budget per worker (MB above what the loaded store takes; ``None``: no cap),
    and whether ``SERVICE`` may reach other servers."""

    memory_mb: int | None = 1024
    allow_service: bool = False


@dataclass(frozen=True)
class Request:
    """One query: the result format per query form (``select``, ``ask``, ``graph``; ``None``
    where no format is acceptable), the row cap and the Protocol's dataset parameters."""

    sparql: str
    formats: dict[str, str | None] = field(default_factory=dict)
    max_rows: int | None = None
    default_graphs: tuple[str, ...] = ()
    named_graphs: tuple[str, ...] = ()

    def choose(self, kind: str) -> str:
        fmt = self.formats.get(kind)
        if fmt is None:
            raise NotAcceptable(kind)
        return fmt


def _answer(store: Any, request: Request, allow_service: bool) -> tuple[str, Any]:
    from kg.rdf.results import execute

    try:
        rendered = execute(
            store, request.sparql, request.choose, max_rows=request.max_rows,
            default_graphs=list(request.default_graphs) or None,
            named_graphs=list(request.named_graphs) or None, allow_service=allow_service,
        )  # fmt: skip
        return "ok", rendered
    except KGError as exc:
        return "error", exc
    except MemoryError:
        return "memory", None
    except Exception as exc:  # noqa: BLE001 - reported to the client, the worker lives on
        return "error", error("query_failed", reason=f"{type(exc).__name__}: {exc}")


def _serve(conn: Any, store: Any, limits: WorkerLimits, ready: dict[str, Any]) -> None:
    from kg.rdf.sandbox import cap_memory

    store.query("ASK {}")  # this thread's allocator arena exists before the cap
    if limits.memory_mb is not None:
        cap_memory(limits.memory_mb << 20)
    if ready.pop("count"):
        ready["triples"] = len(store)
    conn.send(("ready", ready))
    while True:
        try:
            request = conn.recv()
        except (EOFError, OSError):
            return
        if request is None:
            return
        try:
            reply = _answer(store, request, limits.allow_service)
            conn.send(reply)
        except MemoryError:
            reply = ("memory", None)
            conn.send(reply)
        if reply[0] == "memory":
            os._exit(3)  # a fresh worker takes its place; this one's heap may be fragmented


def worker_main(conn: Any, source: Source, limits: WorkerLimits, count: bool = False) -> None:
    """Entry point of a worker process (see the module docstring)."""
    from kg.rdf.sandbox import die_with_parent, no_network
    from kg.rdf.timeout import BIG_STACK, start_thread

    die_with_parent()
    # before any other thread exists: the filter holds for every later one
    ready = {"count": count, "offline": no_network() if not limits.allow_service else False}
    try:
        store = source.open()
    except KGError as exc:
        conn.send(("fail", str(exc)))
        return
    except Exception as exc:  # noqa: BLE001 - e.g. a store folder Oxigraph cannot open
        conn.send(("fail", f"{type(exc).__name__}: {exc}"))
        return
    thread = threading.Thread(target=_serve, args=(conn, store, limits, ready), name="kg-sparql-worker")
    start_thread(thread, BIG_STACK)
    thread.join()
