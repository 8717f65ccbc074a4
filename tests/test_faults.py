"""Killing ``kg build`` and the save of a graph, and two builds into one folder at once.

Each trial starts from a folder holding a complete earlier build ("old"), runs a build of
other input into it ("new") in a real subprocess and kills it with SIGINT or SIGKILL: at a
seeded random moment, or at a named step of writing the folder (the ``kg.outdir.checkpoint``
hook). Afterwards the folder is byte for byte the old build or the new one, never a mix;
after SIGINT nothing is left beside it, after SIGKILL the next writer removes what is.
"""

from __future__ import annotations

import os
import random
import shutil
import signal
import subprocess
import sys
import time
from collections import Counter
from pathlib import Path

import pytest

from kg.outdir import output_lock

ROOT = Path(__file__).resolve().parents[1]
SEED = int(os.environ.get("KG_FAULT_SEED", "11"))
BUILD_KILLS = 8  # random moments of a whole kg build (about 3 s each)
SAVE_KILLS = 20  # random moments of the save alone (about 1 s each)
FAST = ["--no-model", "-j", "1"]
B_TEXT = ("अमेरिका ने ईरान पर नए प्रतिबंध लगाए।\nभारत के प्रधानमंत्री नरेंद्र मोदी ने जापान का दौरा किया।\n"
          "रूस ने यूक्रेन पर हमला किया।\n")
# A process that sets the fault hook (kill itself at STEP with SIGNAL; the exchange off with
# "fallback"), then runs the kg command line or saves a graph read back from records.
# SIGINT gets Python's own handler even when the test run ignores it (a background job of a
# non-interactive shell starts with SIGINT ignored, and a child would inherit that).
RUNNER = """
import os, signal, sys
signal.signal(signal.SIGINT, signal.default_int_handler)
import kg.outdir as outdir
mode, step, sig = sys.argv[1], sys.argv[2], int(sys.argv[3])
del sys.argv[1:4]
outdir._use_exchange = mode != "fallback"
outdir._hook = (lambda name: os.kill(os.getpid(), sig) if name == step else None) if step != "-" else None
if sys.argv[1] == "save":
    from kg.graph import KnowledgeGraph
    KnowledgeGraph.load(sys.argv[2]).save(sys.argv[3])
else:
    sys.argv[0] = "kg"
    from kg.cli import main
    main()
"""


def tree(folder: Path) -> dict[str, bytes] | None:
    if not folder.exists():
        return None
    return {p.name: p.read_bytes() for p in sorted(folder.iterdir())}


def start(args: list[str], mode: str = "exchange", step: str = "-", sig: int = 0) -> subprocess.Popen[str]:
    return subprocess.Popen([sys.executable, "-c", RUNNER, mode, step, str(sig), *args],
                            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)


class Builds:
    """The two reference builds and a working folder ``work/d`` that starts as the old one."""

    def __init__(self, base: Path) -> None:
        self.base = base
        self.a, self.b = base / "seeds", base / "b.txt"
        shutil.copytree(ROOT / "seeds", self.a)
        self.b.write_text(B_TEXT, encoding="utf-8")
        self.old_cmd = ["build", str(self.a), "--format", "trig", *FAST, "--out"]
        self.new_cmd = ["build", str(self.b), *FAST, "--out"]
        self.old = self._reference(self.old_cmd, base / "ref-old")
        started = time.monotonic()
        self.new = self._reference(self.new_cmd, base / "ref-new")
        self.build_seconds = time.monotonic() - started
        self.work = base / "work"
        self.d = self.work / "d"

    @staticmethod
    def _reference(cmd: list[str], out: Path) -> dict[str, bytes]:
        proc = start([*cmd, str(out)])
        assert proc.wait(300) == 0, proc.stderr.read() if proc.stderr else ""
        snapshot = tree(out)
        assert snapshot
        return snapshot

    def reset(self) -> None:
        shutil.rmtree(self.work, ignore_errors=True)
        shutil.copytree(self.base / "ref-old", self.d)

    def beside(self) -> list[str]:
        return sorted(p.name for p in self.work.iterdir() if p.name != "d")

    def outcome(self) -> str:
        """``old`` or ``new`` (or ``absent`` while a folder moved away waits for recovery)."""
        state = tree(self.d)
        if state is None:
            return "absent"
        assert state in (self.old, self.new), [  # never a mix
            (name, name in self.old and data == self.old[name], name in self.new and data == self.new[name])
            for name, data in state.items()]
        return "old" if state == self.old else "new"

    def recover(self) -> str:
        """What the next writer finds after cleaning up: the outcome, and nothing beside it."""
        with output_lock(self.d):
            pass
        assert self.beside() == []
        return self.outcome()


@pytest.fixture(scope="module")
def builds(tmp_path_factory: pytest.TempPathFactory) -> Builds:
    return Builds(tmp_path_factory.mktemp("faults"))


def _finish(builds: Builds, proc: subprocess.Popen[str], sig: int) -> str:
    proc.wait(300)
    if proc.stderr:
        proc.stderr.close()
    seen = builds.outcome()
    if sig == signal.SIGINT and proc.returncode == 130:  # interrupted inside kg: all cleaned up
        assert builds.beside() == [] and seen != "absent"
    final = builds.recover()
    assert final == seen or (seen, final) == ("absent", "old")
    return final


def _kill_at(builds: Builds, args: list[str], seconds: float, sig: int) -> str:
    builds.reset()
    proc = start(args)
    time.sleep(seconds)
    if proc.poll() is None:
        proc.send_signal(sig)
    return _finish(builds, proc, sig)


@pytest.mark.slow
def test_kg_build_killed_at_random_moments(builds: Builds) -> None:
    rng = random.Random(SEED)
    seen: Counter[tuple[str, str]] = Counter()
    for i in range(BUILD_KILLS):
        sig = (signal.SIGKILL, signal.SIGINT)[i % 2]
        moment = rng.uniform(0.2, builds.build_seconds * 1.1)
        seen[(sig.name, _kill_at(builds, [*builds.new_cmd, str(builds.d)], moment, sig))] += 1
    print(f"kg build killed {BUILD_KILLS} times (seed {SEED}): {dict(seen)}")


@pytest.mark.slow
def test_save_killed_at_random_moments(builds: Builds) -> None:
    save = ["save", str(builds.base / "ref-new"), str(builds.d)]
    builds.reset()
    started = time.monotonic()
    assert start(save).wait(300) == 0
    seconds = time.monotonic() - started
    assert builds.outcome() == "new"
    rng = random.Random(SEED + 1)
    seen: Counter[tuple[str, str]] = Counter()
    for i in range(SAVE_KILLS):
        sig = (signal.SIGKILL, signal.SIGINT)[i % 2]
        seen[(sig.name, _kill_at(builds, save, rng.uniform(0.5, 1.1) * seconds, sig))] += 1
    print(f"save killed {SAVE_KILLS} times (seed {SEED + 1}): {dict(seen)}")


STEPS = [  # mode, step, signal, the folder right after the kill, after the next writer
    ("exchange", "records-staged", signal.SIGKILL, "old", "old"),
    ("exchange", "staged", signal.SIGKILL, "old", "old"),
    ("exchange", "committed", signal.SIGKILL, "new", "new"),
    ("exchange", "records-staged", signal.SIGINT, "old", "old"),
    ("exchange", "committed", signal.SIGINT, "new", "new"),
    ("fallback", "staged", signal.SIGKILL, "old", "old"),
    ("fallback", "moved-away", signal.SIGKILL, "absent", "old"),
    ("fallback", "moved-away", signal.SIGINT, "new", "new"),  # held back until the swap is done
    ("fallback", "committed", signal.SIGKILL, "new", "new"),
]


@pytest.mark.parametrize(("mode", "step", "sig", "right_after", "after"), STEPS,
                         ids=[f"{m}-{s}-{g.name}" for m, s, g, *_ in STEPS])
def test_save_killed_at_each_step(builds: Builds, mode: str, step: str, sig: int, right_after: str,
                                  after: str) -> None:
    builds.reset()
    proc = start(["save", str(builds.base / "ref-new"), str(builds.d)], mode, step, sig)
    assert proc.wait(300) != 0
    assert builds.outcome() == right_after
    if sig == signal.SIGINT:
        assert builds.beside() == []
    assert builds.recover() == after


@pytest.mark.parametrize(("step", "sig"), [("staged", signal.SIGINT), ("committed", signal.SIGKILL)])
def test_kg_build_killed_at_a_step(builds: Builds, step: str, sig: int) -> None:
    builds.reset()
    proc = start([*builds.new_cmd, str(builds.d)], "exchange", step, sig)
    assert proc.wait(300) == (130 if sig == signal.SIGINT else -signal.SIGKILL)
    stderr = proc.stderr.read() if proc.stderr else ""
    if sig == signal.SIGINT:
        assert stderr.endswith("Error: interrupted\n") and "Traceback" not in stderr
        assert builds.beside() == [] and builds.outcome() == "old"
    else:
        assert builds.outcome() == "new" and builds.beside()  # the old folder waits beside it
    assert builds.recover() == ("old" if sig == signal.SIGINT else "new")


def test_two_builds_into_one_folder_at_once(builds: Builds) -> None:
    for _ in range(2):
        shutil.rmtree(builds.work, ignore_errors=True)
        builds.work.mkdir()
        procs = {"old": start([*builds.old_cmd, str(builds.d)]),
                 "new": start([*builds.new_cmd, str(builds.d)])}
        codes = {name: proc.wait(300) for name, proc in procs.items()}
        errors = {name: proc.stderr.read() if proc.stderr else "" for name, proc in procs.items()}
        busy = (f"Error: {builds.d}: another kg command is writing this folder; "
                "try again when it has finished\n")
        for name, code in codes.items():
            assert code == 0 or (code == 1 and errors[name].endswith(busy)), errors[name]
        assert 0 in codes.values()
        if list(codes.values()).count(0) == 1:
            assert builds.outcome() == next(name for name, code in codes.items() if code == 0)
        else:  # one after the other: either may have been last
            assert builds.outcome() in ("old", "new")
        assert builds.beside() == []
