"""Smoke test of NER training on ~200 generated sentences, and where ``kg train-ner`` writes."""

from __future__ import annotations

import random
from pathlib import Path

import pytest
from click.testing import CliRunner

from kg.ner import MODEL_DIR, load_model
from kg.ner.cli import DEFAULT_OUT, train_ner

PEOPLE = ["अनीता देसाई", "रमेश चौहान", "कविता नायर", "सलीम ख़ान", "गुरप्रीत सिंह"]
PLACES = ["भोपाल", "गुवाहाटी", "नागपुर", "केरल", "नेपाल"]
ORGS = ["राष्ट्रीय खेल परिषद", "नगर निगम", "डाक विभाग"]
TEMPLATES = [
    "{p} ने {l} में {o} की बैठक में भाग लिया ।",
    "{o} के अध्यक्ष {p} आज {l} गए ।",
    "{l} में {p} का स्वागत हुआ ।",
]


def _tagged(text: str, label: str) -> list[str]:
    words = text.split()
    return [f"{w}\t{'B' if i == 0 else 'I'}-{label}" for i, w in enumerate(words)]


def write_corpus(path: Path, n: int = 200, seed: int = 0) -> Path:
    """Write ``n`` generated sentences in HiNER's CoNLL format."""
    rng = random.Random(seed)
    blocks = []
    for _ in range(n):
        template = rng.choice(TEMPLATES)
        fills = {"p": (rng.choice(PEOPLE), "PERSON"), "l": (rng.choice(PLACES), "LOCATION"),
                 "o": (rng.choice(ORGS), "ORGANIZATION")}
        lines = []
        for word in template.split():
            if word.startswith("{"):
                lines += _tagged(*fills[word[1]])
            else:
                lines.append(f"{word}\tO")
        blocks.append("\n".join(lines))
    path.write_text("\n\n".join(blocks) + "\n", encoding="utf-8")
    return path


@pytest.mark.slow
def test_training_gives_a_loadable_deterministic_model_that_finds_names(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    conll = write_corpus(tmp_path / "tiny.conll")
    monkeypatch.chdir(tmp_path)
    not_a_model = tmp_path / "old"
    (not_a_model / "sub").mkdir(parents=True)
    (not_a_model / "notes.txt").write_text("x", encoding="utf-8")
    args = [str(conll), "--epochs", "4", "--quiet"]
    first = CliRunner().invoke(train_ner, args)  # default --out: ./hi_ner-trained
    assert first.exit_code == 0, first.output
    second = CliRunner().invoke(train_ner, [*args, "--out", str(not_a_model), "--force"])
    assert second.exit_code == 0, second.output
    outputs = [tmp_path / "hi_ner-trained", not_a_model]
    assert not (not_a_model / "notes.txt").exists()  # --force replaced the folder
    nlp = load_model(outputs[0])
    assert nlp.pipe_names == ["ner"]
    assert {"Person", "Location", "Organization"} <= set(nlp.get_pipe("ner").labels)
    doc = nlp("कविता नायर ने नागपुर में बात की ।")  # not a sentence of the corpus
    assert {(e.text, e.label_) for e in doc.ents} == {("कविता नायर", "Person"), ("नागपुर", "Location")}
    model_a, model_b = ((out / "ner" / "model").read_bytes() for out in outputs)
    assert model_a == model_b, "training is not deterministic for a fixed seed"


def _fingerprint(folder: Path) -> dict[str, tuple[int, int]]:
    return {str(p.relative_to(folder)): (p.stat().st_size, p.stat().st_mtime_ns)
            for p in sorted(folder.rglob("*")) if p.is_file()}


def test_train_ner_refuses_to_replace_the_shipped_model_or_a_folder_without_a_model(tmp_path: Path) -> None:
    conll = write_corpus(tmp_path / "tiny.conll", n=20)
    shipped = _fingerprint(MODEL_DIR)
    other = tmp_path / "mine"
    other.mkdir()
    (other / "thesis.tex").write_text("keep me", encoding="utf-8")
    for out, message in ((MODEL_DIR, "this is the NER model shipped with kg"),
                         (MODEL_DIR.parent, "this folder is not a NER model"),
                         (other, "this folder is not a NER model")):
        result = CliRunner().invoke(train_ner, [str(conll), "--out", str(out), "--epochs", "1", "--quiet"])
        assert result.exit_code == 1
        assert message in result.output and "--force" in result.output
        assert len(result.output.strip().splitlines()) == 1 and "Traceback" not in result.output
    assert _fingerprint(MODEL_DIR) == shipped
    assert (other / "thesis.tex").read_text(encoding="utf-8") == "keep me"
    default = next(p for p in train_ner.params if p.name == "out").default
    assert default == DEFAULT_OUT and not DEFAULT_OUT.is_absolute()


def test_generated_corpus_is_valid(tmp_path: Path) -> None:
    from kg.ner.conll import read_conll

    sentences = read_conll(write_corpus(tmp_path / "tiny.conll", n=20))
    assert len(sentences) == 20
    labels = {label for s in sentences for *_, label in s.spans()}
    assert labels == {"Person", "Location", "Organization"}
