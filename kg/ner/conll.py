"""Read HiNER-style CoNLL files and turn them into spaCy training examples.

The format is one ``token<TAB>tag`` pair per line with BIO tags and a blank
line between sentences.  Extra columns are ignored (the tag is the last one).
"""

from __future__ import annotations

import random
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from spacy.tokens import Doc, Span
from spacy.vocab import Vocab

from kg.errors import InputError, error
from kg.ner.labels import map_label

__all__ = ["Sentence", "read_conll", "parse_conll", "bio_to_spans", "split_dev", "to_doc"]


@dataclass(frozen=True)
class Sentence:
    """One annotated sentence: its tokens and their BIO tags."""

    tokens: tuple[str, ...]
    tags: tuple[str, ...]

    def spans(self) -> list[tuple[int, int, str]]:
        """The entity spans as ``(start, end, kg_label)`` token offsets."""
        return bio_to_spans(self.tags)


def bio_to_spans(tags: Iterable[str]) -> list[tuple[int, int, str]]:
    """Decode BIO tags into ``(start, end, label)`` spans (``end`` exclusive).

    Labels are mapped onto `kg` labels.  An ``I-`` tag that does not continue a
    span of the same label starts a new one (the usual lenient reading).

    Examples
    --------
    >>> bio_to_spans(["B-PERSON", "I-PERSON", "O", "B-LOCATION", "I-TIMEX"])
    [(0, 2, 'Person'), (3, 4, 'Location'), (4, 5, 'Date')]
    """
    spans: list[tuple[int, int, str]] = []
    start, label = -1, ""
    tags = list(tags)
    for i, tag in enumerate([*tags, "O"]):
        prefix, _, name = tag.partition("-")
        current = map_label(name) if name else ""
        continues = prefix == "I" and current == label and start >= 0
        if start >= 0 and not continues:
            spans.append((start, i, label))
            start, label = -1, ""
        if prefix in ("B", "I") and not continues:
            start, label = i, current
    return spans


def parse_conll(lines: Iterable[str], source: str = "<conll>") -> Iterator[Sentence]:
    """Parse CoNLL lines into :class:`Sentence` objects.

    Examples
    --------
    >>> text = "मोदी\\tB-PERSON\\nदिल्ली\\tB-LOCATION\\n\\nगए\\tO\\n"
    >>> [s.spans() for s in parse_conll(text.splitlines())]
    [[(0, 1, 'Person'), (1, 2, 'Location')], []]
    """
    tokens: list[str] = []
    tags: list[str] = []
    for number, raw in enumerate(lines, 1):
        line = raw.rstrip("\r\n")
        if not line.strip():
            if tokens:
                yield Sentence(tuple(tokens), tuple(tags))
            tokens, tags = [], []
            continue
        fields = line.split("\t") if "\t" in line else line.split()
        if len(fields) < 2 or not _valid_tag(fields[-1]):
            raise error("bad_conll", InputError, path=source, line=number, text=line[:60])
        tokens.append(fields[0])
        tags.append(fields[-1])
    if tokens:
        yield Sentence(tuple(tokens), tuple(tags))


def _valid_tag(tag: str) -> bool:
    if tag == "O":
        return True
    prefix, _, name = tag.partition("-")
    if prefix not in ("B", "I") or not name:
        return False
    try:
        map_label(name)
    except KeyError:
        return False
    return True


def read_conll(path: str | Path) -> list[Sentence]:
    """Read a CoNLL file (UTF-8) into a list of sentences.

    Raises
    ------
    InputError
        If the file is missing, empty, not UTF-8 or has a malformed line.
    """
    path = Path(path)
    if not path.is_file():
        raise error("missing", InputError, path=path)
    try:
        text = path.read_text(encoding="utf-8")
    except UnicodeDecodeError as exc:
        raise error("encoding", InputError, path=path, pos=exc.start) from exc
    sentences = list(parse_conll(text.splitlines(), source=str(path)))
    if not sentences:
        raise error("empty", InputError, path=path)
    return sentences


def split_dev(
    sentences: list[Sentence], fraction: float = 0.1, seed: int = 0
) -> tuple[list[Sentence], list[Sentence]]:
    """Split sentences into ``(train, dev)`` deterministically.

    The same ``seed`` and input always give the same split; order within each
    part follows the input.

    Examples
    --------
    >>> sents = [Sentence((str(i),), ("O",)) for i in range(10)]
    >>> train, dev = split_dev(sents, 0.2, seed=1)
    >>> len(train), len(dev)
    (8, 2)
    >>> split_dev(sents, 0.2, seed=1) == (train, dev)
    True
    """
    indices = list(range(len(sentences)))
    random.Random(seed).shuffle(indices)
    n_dev = round(len(sentences) * fraction)
    dev_ids = set(indices[:n_dev])
    train = [s for i, s in enumerate(sentences) if i not in dev_ids]
    dev = [s for i, s in enumerate(sentences) if i in dev_ids]
    return train, dev


def to_doc(vocab: Vocab, sentence: Sentence, annotate: bool = True) -> Doc:
    """Make a spaCy ``Doc`` of the sentence's tokens, with its entities set.

    Examples
    --------
    >>> s = Sentence(("नरेंद्र", "मोदी", "आए"), ("B-PERSON", "I-PERSON", "O"))
    >>> [(e.text, e.label_) for e in to_doc(Vocab(), s).ents]
    [('नरेंद्र मोदी', 'Person')]
    """
    doc = Doc(vocab, words=list(sentence.tokens))
    if annotate:
        doc.ents = [Span(doc, start, end, label=label) for start, end, label in sentence.spans()]
    return doc
