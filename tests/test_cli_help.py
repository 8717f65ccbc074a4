"""Every command's ``--help`` ends with an Examples section whose ``kg ...`` lines parse.

Each example line is split like a shell would, its ``VAR=value`` prefixes and ``# comment``
dropped, and parsed by the command it names (options, choices, numbers, required arguments),
without running it. Paths that an example makes up (``my_gold.conll``) may be missing.
"""

from __future__ import annotations

import re
import shlex
from pathlib import Path

import click
import pytest
from click.testing import CliRunner

from kg.cli import main

ROOT = Path(__file__).resolve().parent.parent
HEADING = re.compile(r"^\s*Examples?:\s*$")
ENV = re.compile(r"^[A-Z_][A-Z0-9_]*=")
COMMANDS = sorted(main.commands)


def examples(help_text: str) -> list[str]:
    """The lines of the Examples section (continuations joined), or [] without one."""
    lines = help_text.splitlines()
    start = next((i for i, line in enumerate(lines) if HEADING.match(line)), None)
    if start is None:
        return []
    body: list[str] = []
    for line in lines[start + 1:]:
        if not line.strip():
            if body:
                break
            continue
        if body and body[-1].endswith("\\"):
            body[-1] = body[-1][:-1] + " " + line.strip()
        else:
            body.append(line.strip())
    return body


def kg_argv(line: str) -> list[str] | None:
    """The arguments after ``kg`` of an example line, or None if it runs something else."""
    words = shlex.split(line, comments=True)
    while words and ENV.match(words[0]):
        words.pop(0)
    return words[1:] if words and words[0] == "kg" else None


def parse(argv: list[str]) -> str:
    """Parse ``kg ARGV`` as click would, without running it; the sub-command's name."""
    assert argv, "an example that runs bare 'kg'"
    with main.make_context("kg", argv[:1]) as ctx:
        command = main.get_command(ctx, argv[0])
        assert command is not None, f"no command {argv[0]!r}"
        try:
            command.make_context(argv[0], list(argv[1:]), parent=ctx).close()
        except click.BadParameter as exc:
            if "does not exist" not in exc.format_message():
                raise
    return argv[0]


def _help(*args: str) -> str:
    result = CliRunner().invoke(main, [*args, "--help"])
    assert result.exit_code == 0, result.output
    return result.output


@pytest.mark.parametrize("name", ["", *COMMANDS])
def test_help_has_examples_that_parse(name: str, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(ROOT)  # examples use the repository's paths (seeds/, ontology/queries/...)
    lines = examples(_help(*([name] if name else [])))
    argvs = [argv for argv in map(kg_argv, lines) if argv is not None]
    assert argvs, f"kg {name} --help has no Examples section with a 'kg ...' line"
    parsed = [parse(argv) for argv in argvs]
    assert not name or name in parsed, f"no example of kg {name} itself: {lines}"


def test_every_command_is_checked() -> None:
    assert len(COMMANDS) >= 13
    assert {"build", "eval", "query", "validate", "serve", "train-ner", "eval-ner", "train-rel", "add",
            "remove", "list", "export", "push"} <= set(COMMANDS)


def test_a_broken_example_is_caught() -> None:
    """The checks above can fail: an unknown option, a bad choice, a missing argument."""
    text = "Usage: kg x\n\n  Examples:\n\n    kg build seeds/ --out o/ \\\n      --format turtle\n\n  more\n"
    assert examples(text) == ["kg build seeds/ --out o/  --format turtle"]
    assert examples("Usage: kg x\n\n  See the docs.\n") == []
    assert kg_argv("OMP_NUM_THREADS=1 kg eval-ner a.conll  # note") == ["eval-ner", "a.conll"]
    assert kg_argv("curl http://127.0.0.1:8000/sparql") is None
    for argv in (["build", "seeds/", "--format", "turtle"], ["build", "seeds/", "--colour"], ["build"],
                 ["bulid", "seeds/"]):
        with pytest.raises((click.UsageError, AssertionError)):
            parse(argv)


def test_python_dash_m_kg_is_the_same_command_line() -> None:
    import subprocess
    import sys

    out = subprocess.run([sys.executable, "-m", "kg", "--help"], capture_output=True, text=True,
                         timeout=120)
    assert out.returncode == 0 and out.stdout.startswith("Usage: kg ")
    for name in COMMANDS:
        assert f"  {name} " in out.stdout or f"  {name}\n" in out.stdout
