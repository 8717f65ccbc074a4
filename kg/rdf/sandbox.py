"""Limits a SPARQL worker process puts on itself (Linux; elsewhere each is skipped).

* :func:`no_network` installs a seccomp filter that makes ``socket(AF_INET/AF_INET6)``
  fail with ``EACCES``: whatever a query asks, the worker cannot open a connection
  (a second wall behind :func:`kg.rdf.guard.screen` refusing ``SERVICE``);
* :func:`cap_memory` sets ``RLIMIT_AS`` to the current size plus a budget, so a query
  that needs more ends the worker (Rust aborts on a failed allocation) instead of
  the machine running out of memory;
* :func:`die_with_parent` asks the kernel to kill the worker when its parent dies.

Examples
--------
>>> vm_bytes() > 0
True
"""

from __future__ import annotations

import ctypes
import os
import platform
import resource
import signal
import socket
import struct

__all__ = ["cap_memory", "die_with_parent", "no_network", "rss_bytes", "vm_bytes"]

_PR_SET_PDEATHSIG, _PR_SET_NO_NEW_PRIVS, _PR_SET_SECCOMP, _SECCOMP_MODE_FILTER = 1, 38, 22, 2
# audit architecture and number of socket(2), per machine
_ARCH = {"x86_64": (0xC000003E, 41), "aarch64": (0xC00000B7, 198)}
_LD_ABS, _JEQ, _JGE, _RET = 0x20, 0x15, 0x35, 0x06
_ALLOW, _ERRNO = 0x7FFF0000, 0x00050000
_X32 = 0x40000000  # x86-64: syscall numbers of the x32 ABI


def _libc() -> ctypes.CDLL | None:
    try:
        return ctypes.CDLL(None, use_errno=True)
    except OSError:  # pragma: no cover - no C library to talk to
        return None


def _filter(audit_arch: int, nr_socket: int) -> bytes:
    """A BPF program: socket(AF_INET or AF_INET6) fails with EACCES, other calls pass.

    Calls of another architecture (or the x32 ABI) fail too: a worker makes none.
    """

    def op(code: int, jt: int, jf: int, k: int) -> bytes:
        return struct.pack("HBBI", code, jt, jf, k)

    deny = _ERRNO | 13  # EACCES
    return b"".join([
        op(_LD_ABS, 0, 0, 4), op(_JEQ, 1, 0, audit_arch), op(_RET, 0, 0, deny),  # arch
        op(_LD_ABS, 0, 0, 0), op(_JGE, 0, 1, _X32), op(_RET, 0, 0, deny),  # syscall number
        op(_JEQ, 0, 4, nr_socket), op(_LD_ABS, 0, 0, 16),  # socket(domain, ...)
        op(_JEQ, 1, 0, socket.AF_INET), op(_JEQ, 0, 1, socket.AF_INET6),
        op(_RET, 0, 0, deny), op(_RET, 0, 0, _ALLOW),
    ])  # fmt: skip


def no_network() -> bool:
    """Forbid new IPv4/IPv6 sockets in this process for good; ``False`` where that is not possible."""
    arch = _ARCH.get(platform.machine())
    libc = _libc()
    if arch is None or libc is None or not hasattr(libc, "prctl"):
        return False

    class _Program(ctypes.Structure):
        _fields_ = [("len", ctypes.c_ushort), ("filter", ctypes.c_void_p)]

    code = _filter(*arch)
    buf = ctypes.create_string_buffer(code, len(code))
    program = _Program(len(code) // 8, ctypes.cast(buf, ctypes.c_void_p))
    if libc.prctl(_PR_SET_NO_NEW_PRIVS, 1, 0, 0, 0) != 0:  # required to install a filter unprivileged
        return False
    return libc.prctl(_PR_SET_SECCOMP, _SECCOMP_MODE_FILTER, ctypes.byref(program), 0, 0) == 0


def die_with_parent() -> None:
    """Be killed (SIGKILL) when the parent process ends, even in the middle of a query."""
    libc = _libc()
    if libc is not None and hasattr(libc, "prctl"):
        libc.prctl(_PR_SET_PDEATHSIG, signal.SIGKILL, 0, 0, 0)


def _status(field: str) -> int:
    """A ``kB`` field of ``/proc/self/status``, in bytes (0 where there is no /proc)."""
    try:
        with open("/proc/self/status", encoding="ascii") as fh:
            for line in fh:
                if line.startswith(field + ":"):
                    return int(line.split()[1]) * 1024
    except OSError:  # pragma: no cover - not Linux
        pass
    return 0


def vm_bytes() -> int:
    """Virtual memory of this process (what ``RLIMIT_AS`` bounds)."""
    return _status("VmSize")


def rss_bytes(pid: int | None = None) -> int:
    """Resident memory of this process, or of ``pid`` (0 if it is gone)."""
    if pid is None:
        return _status("VmRSS")
    try:
        with open(f"/proc/{pid}/statm", encoding="ascii") as fh:
            return int(fh.read().split()[1]) * os.sysconf("SC_PAGE_SIZE")
    except (OSError, ValueError, IndexError):
        return 0


def cap_memory(budget_bytes: int) -> None:
    """Let this process grow by at most ``budget_bytes`` of address space from now on."""
    limit = vm_bytes() + budget_bytes
    _, hard = resource.getrlimit(resource.RLIMIT_AS)
    if hard != resource.RLIM_INFINITY:
        limit = min(limit, hard)
    resource.setrlimit(resource.RLIMIT_AS, (limit, hard))
