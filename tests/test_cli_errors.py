"""Every registered command reports a bad path or a busy port on one line, with an exit status.

The commands are read from the click group, so a new command is covered without a change
here: each path argument (or, without one, the first path option) gets the bad path, other
arguments a placeholder.
"""

from __future__ import annotations

import json
import os
import shutil
import socket
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import click
import pytest
from click.testing import CliRunner

from kg.cli import main

ROOT = Path(__file__).resolve().parents[1]
PLACEHOLDER = "ASK {}"  # a query for kg query, a document id for kg remove
ENDPOINT = "http://127.0.0.1:9/sparql"  # for required non-path options (kg push --endpoint)
# kg push creates the store it is given (kg.store.cli; kg remove too), so it does not name it
KNOWN_UNNAMED = {"push"}
KG = [sys.executable, "-c", "import sys; sys.argv[0] = 'kg'; from kg.cli import main; main()"]


def command_args(cmd: click.Command, bad: str) -> list[str]:
    """Arguments that make ``cmd`` reach ``bad`` as its input path."""
    args: list[str] = []
    takes_path = False
    for param in cmd.params:
        if isinstance(param, click.Argument):
            takes_path |= isinstance(param.type, click.Path)
            args.append(bad if isinstance(param.type, click.Path) else PLACEHOLDER)
    if not takes_path:
        option = next(p for p in cmd.params if isinstance(p, click.Option) and isinstance(p.type, click.Path))
        args += [option.opts[0], bad]
    for param in cmd.params:
        if isinstance(param, click.Option) and param.required and not isinstance(param.type, click.Path):
            args += [param.opts[0], ENDPOINT]
    return args


def run_all(bad: Path) -> Iterator[dict[str, object]]:
    """Run every command on its own bad path ``bad-NAME`` (click's runner, this process)."""
    for name, cmd in sorted(main.commands.items()):
        result = CliRunner().invoke(main, [name, *command_args(cmd, f"{bad}-{name}")])
        yield {"name": name, "code": result.exit_code, "stderr": result.stderr, "stdout": result.stdout,
               "exception": type(result.exception).__name__ if result.exception else None}


def check(outcome: dict[str, object]) -> None:
    name, stderr = outcome["name"], str(outcome["stderr"])
    assert outcome["exception"] == "SystemExit", outcome  # nothing escaped the command
    assert outcome["code"] in (1, 2), outcome
    lines = stderr.strip().splitlines()
    assert len(lines) == 1 and stderr.endswith("\n"), outcome
    assert "Traceback" not in stderr and "internal error" not in stderr, outcome
    assert ".kg-new-" not in stderr and ".tmp" not in stderr, outcome  # no staging path
    assert name, outcome


def test_the_group_lists_every_command() -> None:
    assert {"build", "query", "serve", "validate", "eval", "add", "export"} <= set(main.commands)


def test_every_command_on_a_missing_path(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)  # default output folders and stores land here
    for outcome in run_all(tmp_path / "missing"):
        check(outcome)
        assert "missing" in str(outcome["stderr"]) or outcome["name"] in KNOWN_UNNAMED, outcome


def _busy_port() -> socket.socket:
    sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    sock.bind(("127.0.0.1", 0))
    sock.listen(1)
    return sock


@pytest.fixture(scope="module")
def graph_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    from kg.graph import KnowledgeGraph
    from tests.conftest import _seed_records

    doc, ents, rels = _seed_records()
    out = tmp_path_factory.mktemp("graph") / "out"
    KnowledgeGraph([doc], ents, rels).save(out, formats=("trig",), html=False)
    return out


def test_every_command_with_a_port_on_a_busy_port(graph_dir: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(graph_dir.parent)
    with _busy_port() as sock:
        port = str(sock.getsockname()[1])
        takers = [(n, c) for n, c in sorted(main.commands.items()) if any("--port" in getattr(p, "opts", [])
                                                                         for p in c.params)]
        assert [n for n, _ in takers] == ["serve"]
        for name, _cmd in takers:
            result = CliRunner().invoke(main, [name, str(graph_dir), "--port", port])
            assert result.exit_code == 1, result.output
            assert result.stderr == f"Error: cannot listen on 127.0.0.1:{port} (Address already in use)\n"


def _unreadable_runner() -> list[str]:
    """How to run a process that cannot read a mode-000 folder (root is given up its override)."""
    if os.geteuid() != 0:
        return []
    setpriv = shutil.which("setpriv")
    if setpriv is None:
        pytest.skip("running as root without setpriv: cannot make a path unreadable")
    return [setpriv, "--bounding-set=-dac_override,-dac_read_search"]


def test_every_command_on_an_unreadable_path(tmp_path: Path) -> None:
    """Each command in turn, in one process that cannot read ``locked/`` (even as root)."""
    locked = tmp_path / "locked"
    locked.mkdir()
    (locked / "inside").write_text("x", encoding="utf-8")
    locked.chmod(0)
    try:
        proc = subprocess.run([*_unreadable_runner(), sys.executable, "-m", "tests.test_cli_errors",
                               str(locked / "x")], cwd=tmp_path, capture_output=True, text=True, timeout=300,
                              env={**os.environ, "PYTHONPATH": os.pathsep.join([str(ROOT), *sys.path])})
    finally:
        locked.chmod(0o755)
    assert proc.returncode == 0, proc.stderr
    outcomes = [json.loads(line) for line in proc.stdout.splitlines()]
    assert {o["name"] for o in outcomes} == set(main.commands)
    for outcome in outcomes:
        check(outcome)
        assert "Permission denied" in str(outcome["stderr"]), outcome


@pytest.mark.parametrize("args", [["serve", "{missing}"], ["serve", "{graph}", "--port", "{busy}"],
                                  ["serve", "{graph}", "--host", "no-such-host.invalid", "--port", "0"],
                                  ["build", "{missing}"], ["query", "{missing}", "ASK {{}}"],
                                  ["no-such-command"]])
def test_real_processes_print_one_line(args: list[str], tmp_path: Path, graph_dir: Path) -> None:
    with _busy_port() as sock:
        filled = [a.format(missing=tmp_path / "missing", graph=graph_dir, busy=sock.getsockname()[1])
                  for a in args]
        proc = subprocess.run([*KG, *filled], capture_output=True, text=True, timeout=120, cwd=tmp_path)
    assert proc.returncode in (1, 2), proc.stderr
    assert len(proc.stderr.strip().splitlines()) == 1 and "Traceback" not in proc.stderr, proc.stderr
    assert proc.stderr.startswith("Error: ")


def test_internal_errors_name_the_debug_switch(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    def broken(*_args: object, **_kwargs: object) -> None:
        raise ZeroDivisionError("division by zero")

    monkeypatch.setattr("kg.inputs.read_documents", broken)
    out = tmp_path / "out"
    result = CliRunner().invoke(main, ["build", "x.txt", "--out", str(out)])
    assert result.exit_code == 70
    assert result.stderr == ("Error: internal error: ZeroDivisionError: division by zero "
                             "(run with KG_DEBUG=1 to see the traceback)\n")
    monkeypatch.setenv("KG_DEBUG", "1")
    result = CliRunner().invoke(main, ["build", "x.txt", "--out", str(out)])
    assert isinstance(result.exception, ZeroDivisionError)  # the traceback is there to see
    assert sorted(p.name for p in tmp_path.iterdir()) == []  # the held --out left nothing behind


if __name__ == "__main__":  # run by test_every_command_on_an_unreadable_path (a process that cannot read)
    for outcome in run_all(Path(sys.argv[1])):
        print(json.dumps(outcome), flush=True)
