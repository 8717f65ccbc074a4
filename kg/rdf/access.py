"""Who may talk to ``kg serve``: the ``Host`` and ``Origin`` rules of the endpoint.

A web page the user visits can send requests to ``http://127.0.0.1:8000`` (its answers
are unreadable without CORS headers), and through DNS rebinding (a name of the
attacker's that resolves to 127.0.0.1) it can even read them. So the endpoint answers
only requests whose ``Host`` names it (one of its addresses, ``localhost``, or a name
given with ``--allow-host``), sends ``Access-Control-Allow-Origin`` only to the origins
given with ``--cors-origin``, and refuses requests a browser marks as coming from
another site (``Origin``, or ``Sec-Fetch-Site: cross-site`` / ``same-site``).

Examples
--------
>>> rules = Access(ipaddress.ip_address("127.0.0.1"))
>>> rules.host_allowed("127.0.0.1:8000"), rules.host_allowed("localhost:8000")
(True, True)
>>> rules.host_allowed("attacker.example:8000"), rules.host_allowed("192.168.1.5:8000")
(False, False)
>>> rules.origin({"Origin": "http://attacker.example"}, "127.0.0.1:8000")
(False, None)
>>> Access(ipaddress.ip_address("127.0.0.1"), cors_origins=("http://localhost:3000",)).origin(
...     {"Origin": "http://localhost:3000"}, "127.0.0.1:8000")
(True, 'http://localhost:3000')
"""

from __future__ import annotations

import ipaddress
from collections.abc import Mapping
from dataclasses import dataclass

__all__ = ["Access"]


@dataclass(frozen=True)
class Access:
    """The rules for a server bound to ``bound`` (``0.0.0.0`` / ``::``: every interface)."""

    bound: ipaddress.IPv4Address | ipaddress.IPv6Address
    cors_origins: tuple[str, ...] = ()
    allowed_hosts: tuple[str, ...] = ()

    def host_allowed(self, header: str | None) -> bool:
        """Whether a ``Host`` header names this server.

        A missing header passes: browsers, the only clients this guards against, always send one.
        """
        if header is None or "*" in self.allowed_hosts:
            return True
        name = header.strip().lower()
        name = name[1 : name.find("]")] if name.startswith("[") else name.rsplit(":", 1)[0]
        if name in {h.lower() for h in self.allowed_hosts}:
            return True
        try:
            ip = ipaddress.ip_address(name)
        except ValueError:
            return name == "localhost" and (self.bound.is_unspecified or self.bound.is_loopback)
        return self.bound.is_unspecified or ip == self.bound or (ip.is_loopback and self.bound.is_loopback)

    def origin(self, headers: Mapping[str, str], host: str | None) -> tuple[bool, str | None]:
        """Whether the request may be answered, and the ``Access-Control-Allow-Origin`` to send."""
        allowed = self.cors_origins
        origin = headers.get("Origin")
        if origin is None:
            site = headers.get("Sec-Fetch-Site", "")
            return site not in ("cross-site", "same-site") or "*" in allowed, None
        if "*" in allowed:
            return True, "*"
        if origin in allowed:
            return True, origin
        return host is not None and origin.lower() == f"http://{host.lower()}", None

    def refused_origin(self, headers: Mapping[str, str]) -> str:
        """What to name in the refusal: the ``Origin``, or the ``Sec-Fetch-Site`` value."""
        return headers.get("Origin") or headers.get("Sec-Fetch-Site", "")
