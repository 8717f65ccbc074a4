"""Score NER predictions against CoNLL gold: token-level and exact-span P/R/F1.

*Exact span*: a predicted entity counts only if its start, end and label all
match a gold entity.  *Token level*: each token carries the label of the
entity covering it (or none); a token is a true positive for a label when
gold and prediction both give it that label.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

from spacy.language import Language
from spacy.tokens import Doc

from kg.ner.conll import Sentence
from kg.ner.labels import TARGET_LABELS

__all__ = ["PRF", "Scores", "predict_spans", "score_spans", "evaluate", "format_scores"]

Span3 = tuple[int, int, str]


@dataclass
class PRF:
    """True positive, false positive and false negative counts."""

    tp: int = 0
    fp: int = 0
    fn: int = 0

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 0.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def add(self, other: PRF) -> None:
        self.tp += other.tp
        self.fp += other.fp
        self.fn += other.fn

    def as_dict(self) -> dict[str, float]:
        return {"p": round(self.precision, 4), "r": round(self.recall, 4), "f": round(self.f1, 4),
                "support": self.tp + self.fn}


@dataclass
class Scores:
    """Per-label counts for exact spans and for tokens."""

    span: dict[str, PRF] = field(default_factory=dict)
    token: dict[str, PRF] = field(default_factory=dict)

    def micro(self, level: str = "span", labels: Iterable[str] | None = None) -> PRF:
        """Micro-averaged counts over ``labels`` (all labels when ``None``)."""
        table = self.span if level == "span" else self.token
        total = PRF()
        for label, counts in table.items():
            if labels is None or label in labels:
                total.add(counts)
        return total


def predict_spans(nlp: Language, sentences: Sequence[Sentence], batch_size: int = 256) -> list[list[Span3]]:
    """Run ``nlp`` on the gold tokenisation and return its entity spans."""
    docs = (Doc(nlp.vocab, words=list(s.tokens)) for s in sentences)
    return [[(e.start, e.end, e.label_) for e in doc.ents] for doc in nlp.pipe(docs, batch_size=batch_size)]


def _token_labels(spans: Iterable[Span3], n: int) -> list[str | None]:
    labels: list[str | None] = [None] * n
    for start, end, label in spans:
        for i in range(start, end):
            labels[i] = label
    return labels


def score_spans(
    gold: Sequence[Sequence[Span3]], pred: Sequence[Sequence[Span3]], lengths: Sequence[int]
) -> Scores:
    """Compare gold and predicted spans sentence by sentence.

    Examples
    --------
    >>> s = score_spans([[(0, 2, "Person")]], [[(0, 1, "Person")]], [3])
    >>> s.span["Person"].f1, round(s.token["Person"].f1, 3)
    (0.0, 0.667)
    """
    scores = Scores()
    for g, p, n in zip(gold, pred, lengths, strict=True):
        gold_set, pred_set = set(g), set(p)
        for start, end, label in gold_set | pred_set:
            counts = scores.span.setdefault(label, PRF())
            in_gold, in_pred = (start, end, label) in gold_set, (start, end, label) in pred_set
            counts.tp += in_gold and in_pred
            counts.fp += in_pred and not in_gold
            counts.fn += in_gold and not in_pred
        for gl, pl in zip(_token_labels(g, n), _token_labels(p, n), strict=True):
            if gl is not None:
                scores.token.setdefault(gl, PRF())
                scores.token[gl].tp += gl == pl
                scores.token[gl].fn += gl != pl
            if pl is not None and pl != gl:
                scores.token.setdefault(pl, PRF()).fp += 1
    return scores


def evaluate(nlp: Language, sentences: Sequence[Sentence]) -> Scores:
    """Score ``nlp`` on annotated sentences."""
    pred = predict_spans(nlp, sentences)
    gold = [s.spans() for s in sentences]
    return score_spans(gold, pred, [len(s.tokens) for s in sentences])


def format_scores(scores: Scores, targets: Sequence[str] = TARGET_LABELS) -> str:
    """A plain-text table of per-label and micro scores at both levels.

    Examples
    --------
    >>> s = score_spans([[(0, 1, "Person")]], [[(0, 1, "Person")]], [2])
    >>> print(format_scores(s).splitlines()[2])
    Person           1.000  1.000  1.000      1  1.000  1.000  1.000      1
    """
    header = f"{'label':<15}{'span P':>7}{'R':>7}{'F1':>7}{'n':>7}{'tok P':>7}{'R':>7}{'F1':>7}{'n':>7}"
    lines = [header, "-" * len(header)]
    labels = sorted(set(scores.span) | set(scores.token), key=lambda x: (x not in targets, x))
    rows = [(label, scores.span.get(label, PRF()), scores.token.get(label, PRF())) for label in labels]
    rows.append(("micro " + "/".join(t[:3] for t in targets), scores.micro("span", targets),
                 scores.micro("token", targets)))
    rows.append(("micro (all)", scores.micro("span"), scores.micro("token")))
    for name, span, token in rows:
        cells = "".join(f"{c.precision:7.3f}{c.recall:7.3f}{c.f1:7.3f}{c.tp + c.fn:7d}"
                        for c in (span, token))
        lines.append(f"{name:<15}{cells}")
    return "\n".join(lines)
