"""The viewer in headless Firefox, driven over WebDriver BiDi (no geckodriver needed).

Firefox speaks WebDriver BiDi on ``--remote-debugging-port``; a tiny
WebSocket client (standard library only) sends the commands. The test skips
when no Firefox is installed (``apt-get install firefox-esr``, or set
``KG_FIREFOX``); it is an extra check, Chromium is the reference browser.
"""

from __future__ import annotations

import base64
import itertools
import json
import os
import shutil
import socket
import subprocess
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from conftest import XSS_LABEL

from kg.graph import KnowledgeGraph
from kg.viewer import write_html

pytestmark = [pytest.mark.browser, pytest.mark.slow]

PREFS = """user_pref("browser.shell.checkDefaultBrowser", false);
user_pref("datareporting.policy.dataSubmissionEnabled", false);
user_pref("toolkit.telemetry.enabled", false);
user_pref("app.update.enabled", false);
user_pref("network.captive-portal-service.enabled", false);
user_pref("browser.safebrowsing.malware.enabled", false);
user_pref("browser.safebrowsing.phishing.enabled", false);
"""


class _WebSocket:
    """Just enough of RFC 6455 for a local BiDi session: text frames, masked sends."""

    def __init__(self, port: int, path: str = "/session") -> None:
        self.sock = socket.create_connection(("127.0.0.1", port), timeout=30)
        key = base64.b64encode(os.urandom(16)).decode()
        self.sock.sendall((f"GET {path} HTTP/1.1\r\nHost: 127.0.0.1:{port}\r\nUpgrade: websocket\r\n"
                           f"Connection: Upgrade\r\nSec-WebSocket-Key: {key}\r\n"
                           "Sec-WebSocket-Version: 13\r\n\r\n").encode())
        head = b""
        while not head.endswith(b"\r\n\r\n"):
            head += self._exact(1)
        if b" 101 " not in head.split(b"\r\n")[0]:
            raise ConnectionError(head.decode(errors="replace"))

    def _exact(self, n: int) -> bytes:
        data = b""
        while len(data) < n:
            chunk = self.sock.recv(n - len(data))
            if not chunk:
                raise ConnectionError("connection closed")
            data += chunk
        return data

    def send(self, text: str, opcode: int = 0x1) -> None:
        data, mask = text.encode(), os.urandom(4)
        n = len(data)
        head = bytes([0x80 | opcode])
        if n < 126:
            head += bytes([0x80 | n])
        elif n < 1 << 16:
            head += bytes([0x80 | 126]) + n.to_bytes(2, "big")
        else:
            head += bytes([0x80 | 127]) + n.to_bytes(8, "big")
        self.sock.sendall(head + mask + bytes(b ^ mask[i % 4] for i, b in enumerate(data)))

    def recv(self) -> str:
        parts = []
        while True:
            b1, b2 = self._exact(2)
            n = b2 & 0x7F
            if n >= 126:
                n = int.from_bytes(self._exact(2 if n == 126 else 8), "big")
            payload = self._exact(n)
            if b1 & 0x0F == 0x8:
                raise ConnectionError("closed by browser")
            if b1 & 0x0F == 0x9:
                self.send(payload.decode(), opcode=0xA)
                continue
            parts.append(payload)
            if b1 & 0x80:
                return b"".join(parts).decode()


class Bidi:
    """A BiDi session with one browsing context; events are collected in ``events``."""

    def __init__(self, port: int) -> None:
        deadline = time.monotonic() + 30
        while True:
            try:
                self.ws = _WebSocket(port)
                break
            except OSError:
                if time.monotonic() > deadline:
                    raise
                time.sleep(0.2)
        self.ids = itertools.count(1)
        self.events: list[dict[str, Any]] = []
        self.cmd("session.new", {"capabilities": {}})
        self.cmd("session.subscribe", {"events": ["log.entryAdded", "network.beforeRequestSent"]})
        self.context = self.cmd("browsingContext.getTree", {})["contexts"][0]["context"]

    def cmd(self, method: str, params: dict[str, Any]) -> dict[str, Any]:
        num = next(self.ids)
        self.ws.send(json.dumps({"id": num, "method": method, "params": params}))
        while True:
            msg = json.loads(self.ws.recv())
            if msg.get("id") == num:
                if msg.get("type") == "error":
                    raise RuntimeError(msg)
                return msg["result"]
            self.events.append(msg)

    def js(self, expression: str) -> Any:
        res = self.cmd("script.evaluate", {"expression": expression, "awaitPromise": True,
                                           "target": {"context": self.context}})
        if res.get("type") == "exception":
            raise RuntimeError(res["exceptionDetails"]["text"])
        return res["result"].get("value")

    def open(self, path: Path) -> None:
        self.cmd("browsingContext.navigate", {"context": self.context, "url": path.resolve().as_uri(),
                                              "wait": "complete"})
        deadline = time.monotonic() + 30
        while not self.js("!!(window.kgViewer && kgViewer.ready)"):
            assert time.monotonic() < deadline, "viewer never became ready"
            time.sleep(0.1)

    def click(self, x: int, y: int) -> None:
        self.cmd("input.performActions", {"context": self.context, "actions": [{
            "type": "pointer", "id": "mouse", "actions": [
                {"type": "pointerMove", "x": x, "y": y},
                {"type": "pointerDown", "button": 0}, {"type": "pointerUp", "button": 0}]}]})

    def problems(self) -> list[str]:
        self.js("1")  # flush pending events
        bad = [f"{e['params'].get('level')}: {e['params'].get('text')}" for e in self.events
               if e.get("method") == "log.entryAdded" and e["params"].get("level") in ("error", "warn")]
        urls = [e["params"]["request"]["url"] for e in self.events
                if e.get("method") == "network.beforeRequestSent"]
        return bad + [f"request: {u[:80]}" for u in urls if not u.startswith(("file://", "data:"))]


@pytest.fixture(scope="module")
def firefox() -> Iterator[Bidi]:
    exe = os.environ.get("KG_FIREFOX") or shutil.which("firefox-esr") or shutil.which("firefox")
    if not exe:
        pytest.skip("no Firefox found (apt-get install firefox-esr, or set KG_FIREFOX)")
    with tempfile.TemporaryDirectory() as profile:
        Path(profile, "user.js").write_text(PREFS)
        with socket.socket() as probe:
            probe.bind(("127.0.0.1", 0))
            port = probe.getsockname()[1]
        proc = subprocess.Popen([exe, "--headless", "--no-remote", "--profile", profile,
                                 f"--remote-debugging-port={port}", "--window-size=1400,900"],
                                stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        try:
            yield Bidi(port)
        finally:
            proc.terminate()
            try:
                proc.wait(15)
            except subprocess.TimeoutExpired:
                proc.kill()


_NODE_XY = """(() => {
  const net = kgViewer.network, box = document.getElementById('kg-network').getBoundingClientRect();
  const v = kgViewer.vid(%s), p = net.canvasToDOM(net.getPositions([v])[v]);
  return [Math.round(box.left + p.x), Math.round(box.top + p.y)];
})()"""


def _node_xy(ff: Bidi, node_id: str) -> tuple[int, int]:
    arg = json.dumps(node_id)
    value = ff.js(_NODE_XY % arg)
    return value[0]["value"], value[1]["value"]


def test_firefox_draws_and_panel_works(firefox: Bidi, seed_graph: KnowledgeGraph, tmp_path: Path) -> None:
    path = tmp_path / "graph.html"
    write_html(seed_graph, path)
    firefox.open(path)
    assert firefox.js("kgViewer.network.body.nodeIndices.length") == len(seed_graph.entities)
    assert firefox.js("kgViewer.network.body.edgeIndices.length") == len(seed_graph.relations)
    firefox.click(*_node_xy(firefox, "Q7747"))
    time.sleep(0.3)
    assert firefox.js("document.getElementById('kg-panel').getAttribute('data-kind')") == "node"
    text = firefox.js("document.getElementById('kg-panel').innerText")
    assert "Vladimir Putin" in text and "व्लादिमीर पुतिन" in text
    firefox.js("document.getElementById('kg-lang-hi').click()")
    assert firefox.js("kgViewer.nodes.get('n:Q881').label") == "वियतनाम"
    assert firefox.js("kgViewer.search('पुतिन')[0]") == "Q7747"
    assert firefox.problems() == []


def test_firefox_hostile_text_runs_nothing(firefox: Bidi, xss_graph: KnowledgeGraph, tmp_path: Path) -> None:
    path = tmp_path / "xss.html"
    write_html(xss_graph, path)
    firefox.open(path)
    firefox.click(*_node_xy(firefox, "evil-<x>"))
    time.sleep(0.3)
    assert XSS_LABEL in firefox.js("document.getElementById('kg-panel').innerText")
    assert firefox.js("String(window.__pwned)") == "undefined"
    assert firefox.js("document.querySelectorAll('img, iframe, object, embed, svg[onload]').length") == 0
    assert firefox.problems() == []
