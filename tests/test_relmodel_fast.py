"""The relation model's faster paths give what the plain ones gave: the cell mask built by
rows, features of pairs that share a sentence's stretches, and the speech triggers' index."""

from __future__ import annotations

import numpy as np
import pytest

from kg.nlp.args import Arg
from kg.nlp.pipeline import make_nlp
from kg.nlp.speech import EVALUATION_FRAMES, SPEECH_FRAMES, VERDICT_FRAMES
from kg.nlp.triggers import FirstWords, hit, parse_trigger
from kg.relmodel.candidates import PREDICATES, SYMMETRIC, Candidate, allowed
from kg.relmodel.component import MIN_RAW, _mask, _ruled_cells, best_triples, candidates_of
from kg.relmodel.features import SentenceView, pair_features

# Sentences written for these tests.
TEXTS = [
    "रूस ने यूक्रेन पर हमला किया और भारत ने चिंता जताई।",
    "प्रधानमंत्री नरेंद्र मोदी ने जापान का दौरा किया और वहां फुमियो किशिदा से मुलाकात की।",
    "भारत और जापान ने समझौते पर हस्ताक्षर किए, जबकि चीन ने अमेरिका की आलोचना की।",
    "अमेरिका ने कहा कि ईरान ने इजराइल पर मिसाइलें दागीं।",
]


@pytest.fixture(scope="module")
def docs():  # noqa: ANN201
    nlp = make_nlp(model=False)
    return [nlp(text) for text in TEXTS]


def _mask_by_cells(cands: list[Candidate], predicates: list[str], types: dict[str, str]) -> np.ndarray:
    """The mask as it was computed before: one cell at a time."""
    mask = np.zeros((len(cands), len(predicates)), dtype=bool)
    for i, c in enumerate(cands):
        st, ot = types.get(c.subject, ""), types.get(c.object, "")
        forward = c.s_span is None or c.o_span is None or c.s_span[0] < c.o_span[0]
        for j, p in enumerate(predicates):
            read = (forward or p not in SYMMETRIC) and c.s_span is not None
            mask[i, j] = allowed(p, st, ot) and (p in c.rules or read)
    return mask


def test_mask_equals_the_cell_by_cell_mask(docs) -> None:  # noqa: ANN001
    types = {"A": "Country", "B": "Person", "C": "City", "D": "Event", "E": "Organization"}
    rule = candidates_of(docs[0])[0].rules or {}
    made = [Candidate(s, o, 0, [], span_s, span_o, dict(rules))
            for s in types for o in types if s != o
            for span_s, span_o in (((0, 1), (3, 4)), ((3, 4), (0, 1)), (None, None), ((2, 3), None))
            for rules in ({}, {"meets": None}, {"visits": None}, rule)]
    cands = [c for doc in docs for c in candidates_of(doc)]
    doc_types = {c.subject: "Country" for c in cands} | {c.object: "Person" for c in cands[::2]}
    for group, kinds in ((made, types), (cands, doc_types), ([], types)):
        for predicates in (list(PREDICATES), ["meets", "visits", "leads"], []):
            expected = _mask_by_cells(group, predicates, kinds)
            assert np.array_equal(_mask(group, predicates, kinds), expected)
    assert _mask(made, list(PREDICATES), types).any()


def _best_by_cells(cands: list[Candidate], raw: np.ndarray, predicates: list[str],
                   types: dict[str, str]) -> dict:
    """best_triples as it was computed before: one cell at a time."""
    mask = _mask_by_cells(cands, predicates, types) & ((raw >= MIN_RAW) | _ruled_cells(cands, predicates))
    best, ruled = {}, {}
    for i, j in zip(*np.nonzero(mask), strict=True):
        c, p = cands[i], predicates[j]
        key = (c.subject, p, c.object)
        if p in SYMMETRIC and c.object < c.subject:
            key = (c.object, p, c.subject)
        if p in c.rules:
            ruled.setdefault(key, int(i))
        score = float(raw[i, j])
        if key not in best or score > best[key][0]:
            best[key] = (score, int(i), "model")
    return {k: (v[0], ruled[k], "rule") if k in ruled else v for k, v in best.items()}


def test_best_triples_equal_the_cell_by_cell_ones(docs) -> None:  # noqa: ANN001
    rng = np.random.default_rng(0)
    cands = [c for doc in docs for c in candidates_of(doc)]
    types = {c.subject: "Country" for c in cands} | {c.object: "Person" for c in cands[::3]}
    more = [Candidate(a, b, 0, [], (0, 1), (2, 3), rules) for a, b in (("B", "A"), ("A", "B"))
            for rules in ({}, {"meets": None})]
    cands += more + more
    types |= {"A": "Country", "B": "Country"}
    predicates = list(PREDICATES)
    for scores in (rng.random((len(cands), len(predicates))),
                   rng.integers(0, 4, (len(cands), len(predicates))) / 4,  # many equal scores
                   np.full((len(cands), len(predicates)), 0.001)):
        raw = scores.astype("float32")
        got = best_triples(cands, raw, predicates, types)
        expected = _best_by_cells(cands, raw, predicates, types)
        assert got == expected and list(got) == list(expected)
        assert any(group == "rule" for _, _, group in got.values())
    assert best_triples([], np.zeros((0, len(predicates)), "float32"), predicates, types) == {}


def test_pair_features_with_a_shared_view_equal_fresh_ones() -> None:
    norms = "भारत ने कहा कि रूस - चीन वार्ता में अमेरिका पर प्रतिबंध लगाए , जापान नहीं".split()
    args = [Arg(0, 1, ("IN",), "Country", "name"), Arg(4, 5, ("RU",), "Country", "name"),
            Arg(6, 7, ("CN",), "Country", "name"), Arg(9, 10, ("US",), "Country", "name"),
            Arg(14, 15, ("JP",), "Country", "name")]
    shared = SentenceView(norms, 0, len(norms), True, 0)
    for a in args:
        for b in args:
            if a is not b:
                fresh = pair_features(SentenceView(norms, 0, len(norms), True, 0), a, b)
                assert pair_features(shared, a, b) == fresh
    assert shared.memo


def test_first_words_are_the_triggers_that_hit() -> None:
    triggers = [parse_trigger(f.trigger) for f in SPEECH_FRAMES + EVALUATION_FRAMES + VERDICT_FRAMES]
    triggers += [parse_trigger("पहुंच|पहुंच* + गए"), parse_trigger("*"), parse_trigger("दौर*|दौरा")]
    first = FirstWords(triggers)
    words = "आरोप दावा निंदा चेताया चेतावनी अपील चिंता पहुंचे पहुंच दौरा दौरे सरकार कहा".split() + ["", "क"]
    for word in words:
        expected = tuple(n for n, parts in enumerate(triggers) if hit(word, parts[0]))
        assert first(word) == expected == first(word)


def test_a_cited_report_source_is_no_argument() -> None:
    nlp = make_nlp(model=False)

    def pairs(text: str) -> set[tuple[str, str]]:
        return {(c.subject, c.object) for c in candidates_of(nlp(text)) if c.s_span is not None}

    cited = pairs("नाटो की एक रिपोर्ट के मुताबिक रूस ने यूक्रेन पर हमला किया।")
    assert cited and not [p for p in cited if "Q7184" in p]  # NATO reports; it does not act
    assert [p for p in pairs("नाटो ने कहा कि रूस ने यूक्रेन पर हमला किया।") if "Q7184" in p]
