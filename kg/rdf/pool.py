"""SPARQL queries in worker processes that can be stopped: killed and replaced on a timeout.

A thread cannot stop Oxigraph in the middle of a sort or a join, so ``kg serve`` and
``kg query`` run every query in a worker process (:mod:`kg.rdf.worker`). A query over its
time is answered :class:`QueryTimeout` and its worker is killed, which frees its CPU and
memory at once; a fresh worker takes its place. A query over its memory budget ends its
worker the same way (:class:`QueryMemory`), as does one that crashes it
(:class:`QueryCrashed`): the caller always gets an answer, and the pool stays whole.
When every worker is busy a caller waits a little, then gets :class:`ServerBusy`. A query
text that ran out of time or memory is held back for a while (:class:`QueryHeld`), so a
client sending it again does not take a worker again.

Examples
--------
>>> from kg.rdf.io import ontology_path
>>> from kg.rdf.worker import Request, Source
>>> with QueryPool(Source(paths=(str(ontology_path()),)), workers=1) as pool:
...     pool.run(Request("ASK { kg:visits a owl:ObjectProperty }", {"ask": "json"}), timeout=30).body
b'{"head":{},"boolean":true}'
"""

from __future__ import annotations

import logging
import os
import queue
import signal
import socket
import subprocess
import sys
import threading
import time
from collections import OrderedDict
from multiprocessing.connection import Connection
from typing import Any

from kg.errors import KGError, error
from kg.rdf.timeout import QueryTimeout
from kg.rdf.worker import Request, Source, WorkerLimits

__all__ = [
    "QueryCrashed", "QueryHeld", "QueryMemory", "QueryPool", "QueryTimeout", "ServerBusy", "query_once",
]  # fmt: skip

log = logging.getLogger(__name__)
_RETRY_S = 1
_ATTEMPTS = 10  # a replacement that fails this often in a row is not tried again
# A worker is a fresh interpreter (-I: no current folder, no PYTHON* variables) that takes
# this process's sys.path, then its arguments, from the socket it is given.
_BOOT = ("import sys; from multiprocessing.connection import Connection; c = Connection(int(sys.argv[1])); "
         "sys.path[:] = c.recv(); from kg.rdf.worker import worker_main; worker_main(c, *c.recv())")


class ServerBusy(KGError):
    """Every worker is busy and the wait for one ran out (or too many are waiting)."""

    retry_after = _RETRY_S


class QueryHeld(ServerBusy):
    """The same query text ran out of time or memory a moment ago: it is not run again yet."""


class QueryMemory(KGError):
    """A query went over the worker's memory budget (the worker ended)."""


class QueryCrashed(KGError):
    """A query ended its worker otherwise (a signal, an exit)."""


class _Worker:
    def __init__(self, process: Any, conn: Any) -> None:
        self.process, self.conn = process, conn


class QueryPool:
    """``workers`` processes holding ``source``; :meth:`run` sends a query to an idle one.

    Parameters
    ----------
    source
        What every worker opens (:class:`kg.rdf.worker.Source`).
    workers
        Queries evaluated at the same time.
    limits
        Memory budget and ``SERVICE`` switch of each worker.
    wait
        Seconds a query may wait for a free worker before :class:`ServerBusy`.
    max_waiting
        Queries allowed to wait at once (default: ``2 * workers``); more get
        :class:`ServerBusy` at once.
    replace
        Start a new worker when one is killed (``False`` for a one-shot query).
    hold
        Seconds a query text that ran out of time or memory is refused if sent again.
    """

    def __init__(
        self, source: Source, workers: int = 4, limits: WorkerLimits | None = None, *,
        wait: float = 2.0, max_waiting: int | None = None, replace: bool = True, hold: float = 60.0,
    ) -> None:  # fmt: skip
        self.source, self.size = source, workers
        self.limits = limits or WorkerLimits()
        self.wait, self.replace = wait, replace
        self.max_waiting = 2 * workers if max_waiting is None else max_waiting
        self.triples: int | None = None
        self.stats = {"answered": 0, "timeouts": 0, "memory": 0, "crashed": 0, "shed": 0, "held": 0}
        self.hold = hold
        self._held: OrderedDict[str, float] = OrderedDict()  # query text -> until (monotonic)
        self._idle: queue.Queue[_Worker] = queue.Queue()
        self._workers: set[_Worker] = set()
        self._lock = threading.Lock()
        self._waiting = 0
        self._todo: queue.Queue[bool | None] = queue.Queue()
        self._keeper: threading.Thread | None = None
        self._closed = False
        self._warned = False

    # -- life cycle ------------------------------------------------------------------------
    def start(self, count: bool = False) -> QueryPool:
        """Start the workers and wait until they are ready (``count``: learn :attr:`triples`).

        Raises
        ------
        KGError
            The worker's own message when the store cannot be opened (a bad graph file...).
        """
        pending = [self._launch(count and i == 0) for i in range(self.size)]
        try:
            for process, conn in pending:
                self._idle.put(self._ready(process, conn))
        except BaseException:
            for process, _ in pending:
                _reap(process)
            self.close()
            raise
        if self.replace:
            self._keeper = threading.Thread(target=self._keep, name="kg-sparql-keeper", daemon=True)
            self._keeper.start()  # replacements start here: a worker dies with the thread that made it
        return self

    def _launch(self, count: bool) -> tuple[subprocess.Popen[bytes], Connection]:
        ours, theirs = socket.socketpair()
        quiet = None if os.environ.get("KG_DEBUG") else subprocess.DEVNULL  # KG_DEBUG=1: workers' stderr
        try:
            process = subprocess.Popen(
                [sys.executable, "-I", "-c", _BOOT, str(theirs.fileno())], pass_fds=(theirs.fileno(),),
                stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=quiet,
            )  # fmt: skip
        finally:
            theirs.close()
        conn = Connection(ours.detach())
        conn.send(list(sys.path))
        conn.send((self.source, self.limits, count))
        return process, conn

    def _ready(self, process: Any, conn: Any, timeout: float = 300.0) -> _Worker:
        try:
            if not conn.poll(timeout):
                raise error("worker_start", reason=f"not ready after {timeout:g} s")
            status, value = conn.recv()
        except (EOFError, OSError):
            raise error("worker_start", reason=_ending(_reap(process))) from None
        if status != "ready":
            _reap(process)
            raise KGError(value)
        if "triples" in value:
            self.triples = value["triples"]
        if not value["offline"] and not self.limits.allow_service and not self._warned:
            self._warned = True
            log.warning("SPARQL workers are not cut off from the network here (no seccomp filter)")
        worker = _Worker(process, conn)
        with self._lock:
            self._workers.add(worker)
        return worker

    def _keep(self) -> None:
        failures = 0
        while not self._closed:
            if self._todo.get() is None:
                return
            try:
                worker = self._ready(*self._launch(False))
            except KGError as exc:
                failures += 1
                log.error("%s (%d times in a row)", exc, failures)
                if failures < _ATTEMPTS:
                    time.sleep(_RETRY_S)
                    self._todo.put(True)
                continue
            failures = 0
            if self._closed:
                self._kill(worker)
            else:
                self._idle.put(worker)

    def close(self) -> None:
        """Stop every worker (a query running in one is killed)."""
        self._closed = True
        self._todo.put(None)
        with self._lock:
            workers, self._workers = list(self._workers), set()
        for worker in workers:
            self._kill(worker)
        if self._keeper is not None and self._keeper is not threading.current_thread():
            self._keeper.join(10)

    def __enter__(self) -> QueryPool:
        return self.start()

    def __exit__(self, *exc: object) -> None:
        self.close()

    def pids(self) -> list[int]:
        """Process ids of the live workers."""
        with self._lock:
            return sorted(w.process.pid for w in self._workers if w.process.pid is not None)

    # -- queries ---------------------------------------------------------------------------
    def run(self, request: Request, timeout: float | None = None) -> Any:
        """The :class:`kg.rdf.results.Rendered` answer of ``request``, or its error.

        Raises
        ------
        ServerBusy, QueryTimeout, QueryMemory, QueryCrashed, KGError
            The query's own errors (syntax, refused...) leave its worker in the pool.
        """
        self._not_again(request.sparql)
        worker = self._acquire()
        try:
            worker.conn.send(request)
            if not worker.conn.poll(timeout):
                self._retire(worker)
                self._count("timeouts")
                self._hold(request.sparql)
                raise error("query_timeout", QueryTimeout, seconds=f"{timeout:g}")
            status, value = worker.conn.recv()
        except (EOFError, OSError):
            self._hold(request.sparql)
            raise self._died(worker) from None
        if status == "memory":
            self._hold(request.sparql)
            raise self._died(worker)
        self._idle.put(worker)
        if status == "ok":
            self._count("answered")
            return value
        raise value

    def _hold(self, sparql: str) -> None:
        with self._lock:
            self._held[sparql] = time.monotonic() + self.hold
            self._held.move_to_end(sparql)
            while len(self._held) > 256:
                self._held.popitem(last=False)

    def _not_again(self, sparql: str) -> None:
        with self._lock:
            left = self._held.get(sparql, 0.0) - time.monotonic()
            if left <= 0:
                self._held.pop(sparql, None)
                return
            self.stats["held"] += 1
        exc = error("query_held", QueryHeld, seconds=f"{left:.0f}")
        exc.retry_after = max(1, round(left))
        raise exc

    def _count(self, key: str) -> None:
        with self._lock:
            self.stats[key] += 1

    def _acquire(self) -> _Worker:
        with self._lock:
            crowded = self._waiting >= self.max_waiting
            self._waiting += 0 if crowded else 1
            running, waiting = self.size - self._idle.qsize(), self._waiting
        if crowded:
            try:
                return self._idle.get_nowait()
            except queue.Empty:
                raise self._busy(running, waiting) from None
        try:
            return self._idle.get(timeout=self.wait)
        except queue.Empty:
            raise self._busy(running, waiting) from None
        finally:
            with self._lock:
                self._waiting -= 1

    def _busy(self, running: int, waiting: int) -> KGError:
        self._count("shed")
        return error("query_busy", ServerBusy, running=running, waiting=waiting, retry=_RETRY_S)

    def _died(self, worker: _Worker) -> KGError:
        code = self._retire(worker)
        if code == 3 or code == -signal.SIGABRT:  # MemoryError in Python, or Rust's failed allocation
            self._count("memory")
            return error("query_memory", QueryMemory, limit=self.limits.memory_mb)
        self._count("crashed")
        return error("query_crashed", QueryCrashed, reason=_ending(code))

    def _kill(self, worker: _Worker) -> int | None:
        worker.conn.close()
        return _reap(worker.process)

    def _retire(self, worker: _Worker) -> int | None:
        with self._lock:
            self._workers.discard(worker)
        code = self._kill(worker)
        if self.replace and not self._closed:
            self._todo.put(True)
        return code


def query_once(
    source: Source,
    sparql: str,
    fmt: str,
    *,
    timeout: float | None = 60.0,
    max_rows: int | None = None,
    limits: WorkerLimits | None = None,
) -> Any:
    """Answer one query in a worker process of its own (what ``kg query`` does).

    ``fmt`` is the result format (for CONSTRUCT/DESCRIBE ``table`` gives Turtle,
    ``json`` JSON-LD, ``xml`` RDF/XML). The worker is killed at ``timeout`` seconds,
    and ends if the query needs more than the memory of ``limits``.

    Returns
    -------
    kg.rdf.results.Rendered

    Raises
    ------
    KGError
        As :meth:`QueryPool.run`, and the worker's message when ``source`` cannot be read.
    """
    from kg.rdf.sparql import check_query

    check_query(sparql, (limits or WorkerLimits()).allow_service)  # no process for a refused query
    with QueryPool(source, 1, limits, replace=False) as pool:
        return pool.run(Request(sparql, dict.fromkeys(("select", "ask", "graph"), fmt), max_rows), timeout)


def _reap(process: subprocess.Popen[bytes]) -> int | None:
    """Kill ``process`` if it still runs and wait for it; its exit status."""
    if process.poll() is None:
        process.kill()
    try:
        return process.wait(10)
    except subprocess.TimeoutExpired:  # pragma: no cover - a process SIGKILL does not end
        return None


def _ending(code: int | None) -> str:
    if code is None:
        return "still running"
    if code < 0:
        try:
            return f"signal {signal.Signals(-code).name}"
        except ValueError:
            return f"signal {-code}"
    return f"exit status {code}"
