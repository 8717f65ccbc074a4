"""Smoke test of NER training: one epoch on ~200 generated sentences."""

from __future__ import annotations

import random
from pathlib import Path

import pytest
from click.testing import CliRunner

from kg.ner import load_model
from kg.ner.cli import train_ner

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
def test_train_one_epoch_gives_loadable_deterministic_model(tmp_path: Path) -> None:
    conll = write_corpus(tmp_path / "tiny.conll")
    outputs = []
    for run in ("a", "b"):
        out = tmp_path / f"model_{run}"
        result = CliRunner().invoke(train_ner, [str(conll), "--out", str(out), "--epochs", "1", "--quiet"])
        assert result.exit_code == 0, result.output
        outputs.append(out)
    nlp = load_model(outputs[0])
    assert nlp.pipe_names == ["ner"]
    assert {"Person", "Location", "Organization"} <= set(nlp.get_pipe("ner").labels)
    doc = nlp("कविता नायर ने नागपुर में बात की ।")
    assert all(ent.label_ in {"Person", "Location", "Organization"} for ent in doc.ents)
    model_a, model_b = ((out / "ner" / "model").read_bytes() for out in outputs)
    assert model_a == model_b, "training is not deterministic for a fixed seed"


def test_generated_corpus_is_valid(tmp_path: Path) -> None:
    from kg.ner.conll import read_conll

    sentences = read_conll(write_corpus(tmp_path / "tiny.conll", n=20))
    assert len(sentences) == 20
    labels = {label for s in sentences for *_, label in s.spans()}
    assert labels == {"Person", "Location", "Organization"}
