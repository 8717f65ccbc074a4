"""Entity rules for real news: cleaning new names, English labels, spelling variants.

Every input is a short sentence written for the test. The statistical model's spans are
given by hand (``doc.spans["ner_model"]``), so the rules are tested without the model.
"""

from __future__ import annotations

import pytest
from spacy.tokens import Span

from kg.nlp.canonical import ENTITIES, ORGANS
from kg.nlp.entities import MENTIONS
from kg.nlp.lexicon import load_lexicon
from kg.nlp.names import PersonIndex, english_label, name_key, spell_word
from kg.nlp.pipeline import make_nlp
from kg.nlp.spanrules import WordKinds


@pytest.fixture(scope="module")
def nlp():  # noqa: ANN201 - spaCy Language
    return make_nlp(model=False)


def run(nlp, text: str, model: list[tuple[int, int, str]]):  # noqa: ANN001, ANN201
    """The lexicon, the given model spans (token offsets), the patterns and canonicalization."""
    doc = nlp.make_doc(text)
    for name in ("kg_sentences", "kg_lexicon"):
        doc = nlp.get_pipe(name)(doc)
    doc.spans["ner_model"] = [Span(doc, s, e, label=label) for s, e, label in model]
    for name in ("kg_patterns", "kg_canonical"):
        doc = nlp.get_pipe(name)(doc)
    return doc


def mentions(doc) -> list[tuple[str, str, str]]:  # noqa: ANN001
    entities = doc._.get(ENTITIES)
    return [(s.text, s.label_, entities[s.kb_id_].label) for s in doc.spans[MENTIONS]]


def test_descriptor_words_before_a_person_go(nlp) -> None:  # noqa: ANN001
    doc = run(nlp, "डीलर विक्टर बाउट को रिहा किया गया।", [(0, 3, "Person")])
    assert mentions(doc) == [("विक्टर बाउट", "Person", "Victor Bout")]


def test_a_title_inside_a_model_name_cuts_it(nlp) -> None:  # noqa: ANN001
    doc = run(nlp, "ग्रुप चीफ येवगेनी प्रिगोझिन नाराज थे।", [(0, 4, "Person")])
    assert [m[0] for m in mentions(doc)] == ["येवगेनी प्रिगोझिन"]


def test_a_title_opening_a_place_makes_it_a_person(nlp) -> None:  # noqa: ANN001
    doc = run(nlp, "क्राउन प्रिंस सलमान ने फोन किया।", [(0, 3, "Location")])
    assert [m[:2] for m in mentions(doc)] == [("सलमान", "Person")]


@pytest.mark.parametrize(
    ("text", "span"),
    [
        ("पौधों और मिट्टी में कार्बन रहता है।", (2, 3, "Location")),  # a frequent Hindi word
        ("सेना ने ड्रोन्स को मार गिराया।", (2, 3, "Person")),  # an ordinary English word
        ("उसने बख्तरबंद गाड़ियों को रोका।", (1, 3, "Location")),  # an oblique plural
        ("लिहाजा , बातचीत रुक गई।", (0, 1, "Location")),  # a sentence adverb
        ("एयर डिफेंस ने काम किया।", (0, 2, "Organization")),  # English words, no name, no head
    ],
)
def test_spans_without_a_name_word_are_dropped(nlp, text: str, span: tuple[int, int, str]) -> None:  # noqa: ANN001
    assert mentions(run(nlp, text, [span])) == []


def test_organizations_of_ordinary_words_with_a_head_stay(nlp) -> None:  # noqa: ANN001
    doc = run(nlp, "फाइनेंशियल टाइम्स की एक खबर आई।", [(0, 2, "Organization")])
    assert mentions(doc) == [("फाइनेंशियल टाइम्स", "Organization", "Financial Times")]


def test_a_place_ending_in_an_organization_head_is_an_organization(nlp) -> None:  # noqa: ANN001
    doc = run(nlp, "वह स्टैनफोर्ड विश्वविद्यालय में पढ़ता है।", [(1, 3, "Location")])
    assert mentions(doc) == [("स्टैनफोर्ड विश्वविद्यालय", "Organization", "Stanford University")]


def test_edge_punctuation_and_trailing_hyphen(nlp) -> None:  # noqa: ANN001
    doc = run(nlp, "तुर्की- तुर्की ने कहा।", [(0, 2, "Location")])
    assert [m[0] for m in mentions(doc)] == ["तुर्की", "तुर्की"]
    assert {m[2] for m in mentions(doc)} == {"Turkey"}


def test_descriptor_before_an_organization_gives_way(nlp) -> None:  # noqa: ANN001
    doc = run(nlp, "समाचार एजेंसी रॉयटर्स ने बताया।", [])
    assert [m[2] for m in mentions(doc)] == ["Reuters"]


def test_state_organ_called_by_its_acronym(nlp) -> None:  # noqa: ANN001
    doc = run(nlp, "वह रूसी खुफिया एजेंसी एफएसबी से जुड़ा है।", [(4, 5, "Organization")])
    assert mentions(doc) == [("रूसी खुफिया एजेंसी एफएसबी", "Organization", "FSB")]
    assert doc._.get(ORGANS) == {"fsb": "Q159"}


def test_acronym_then_what_it_is(nlp) -> None:  # noqa: ANN001
    doc = run(nlp, "एफएसबी सुरक्षा सेवा ने उसे पकड़ा।", [(0, 3, "Organization")])
    assert mentions(doc) == [("एफएसबी", "Organization", "FSB")]


def test_trimmed_name_is_linked_to_the_lexicon(nlp) -> None:  # noqa: ANN001
    doc = run(nlp, "बैठक से इतर जेलेंस्की ने कहा।", [(2, 4, "Person")])
    assert mentions(doc) == [("जेलेंस्की", "Person", "Volodymyr Zelenskyy")]


def test_the_west_and_european_countries(nlp) -> None:  # noqa: ANN001
    doc = run(nlp, "पश्चिमी देशों और यूरोपीय देशों ने सोवियत संघ की बात की।", [])
    assert [(m[1], m[2]) for m in mentions(doc)] == [("Region", "the West"), ("Region", "Europe"),
                                                       ("Country", "Soviet Union")]


@pytest.mark.parametrize(
    ("text", "label"),
    [("वलोदिमीर जेलेंस्की", "Volodymyr Zelenskyy"), ("वलोडिमिर ज़ेलेन्स्की", "Volodymyr Zelenskyy"),
     ("व्लादिमिर पुतिन", "Vladimir Putin")],
)
def test_spelling_variants_of_a_known_person_join_it(nlp, text: str, label: str) -> None:  # noqa: ANN001
    doc = run(nlp, f"{text} ने कहा।", [(0, len(text.split()), "Person")])
    assert [m[2] for m in mentions(doc)] == [label]


def test_first_name_alone_and_name_without_suffix_join_the_full_name(nlp) -> None:  # noqa: ANN001
    doc = run(nlp, "चार्ल्स ब्राउन जूनियर आए। चार्ल्स ब्राउन ने कहा।", [(0, 3, "Person"), (4, 6, "Person")])
    keys = {s.kb_id_ for s in doc.spans[MENTIONS]}
    assert len(keys) == 1


def test_person_index_needs_the_same_first_letter() -> None:
    index = PersonIndex(load_lexicon())
    assert index.find("दिमित्री पेसकोव") == index.find("दिमित्री पेस्कोव") is not None
    assert index.find("मिशेल ओबामा") is None


@pytest.mark.parametrize(
    ("text", "etype", "label"),
    [("टीएएसएस", "Organization", "TASS"), ("एफएसबी", "Organization", "FSB"),
     ("इंस्टीट्यूट ऑफ इंटरनेशनल अफेयर्स", "Organization", "Institute of International Affairs"),
     ("पीस रिसर्च इंस्टीट्यूट", "Organization", "Peace Research Institute"),
     ("जॉन किर्बी", "Person", "John Kirby"), ("इवान पेत्रोव", "Person", "Ivan Petrov"),
     ("लिन जियान", "Person", "Lin Jian"), ("नरेंद्र मोदी", "Person", "Narendra Modi"),
     ("जॉर्ज डब्ल्यू बुश", "Person", "George W. Bush")],
)
def test_english_labels(text: str, etype: str, label: str) -> None:
    assert english_label(text, etype) == label


def test_glosses_come_first_and_native_words_are_romanized() -> None:
    assert spell_word("खुफिया", "Organization", {"खुफिया": "Intelligence"}) == "Intelligence"
    assert spell_word("दलदल") is None
    assert english_label("खुफिया समूह") == "Khufia Samuh"


def test_name_key_folds_spelling_variants() -> None:
    assert name_key("पेसकोव") == name_key("पेस्कोव")
    assert name_key("जेलेंस्की") == name_key("ज़ेलेन्स्की")
    assert name_key("मोदी") != name_key("मोहन")


@pytest.mark.parametrize(
    ("word", "kind"),
    [("पुतिन", "name"), ("जॉन", "name"), ("मिट्टी", "common"), ("ड्रोन्स", "english"), ("देशों", "stop"),
     ("प्रधानमंत्री", "title"), ("-", "punct"), ("एफएसबी", "name"), ("गैल्यामोव", "plain")],
)
def test_word_kinds(word: str, kind: str) -> None:
    assert WordKinds(load_lexicon())(word) == kind


def test_the_idiom_gine_chune_names_no_guinea(nlp) -> None:  # noqa: ANN001
    assert mentions(run(nlp, "समर्थक देशों की संख्या गिनी चुनी है।", [])) == []
    assert mentions(run(nlp, "कुछ गिने-चुने देश साथ हैं।", [])) == []
    assert mentions(run(nlp, "गिनी में चुनाव हुए।", [])) == [("गिनी", "Country", "Guinea")]


def test_a_lone_surname_is_the_lexicon_person_named_before(nlp) -> None:  # noqa: ANN001
    doc = run(nlp, "कमला हैरिस ने भाषण दिया। बाद में हैरिस ने कहा।", [(8, 9, "Person")])
    assert mentions(doc) == [("कमला हैरिस", "Person", "Kamala Harris"), ("हैरिस", "Person", "Kamala Harris")]


def test_a_surname_proposed_as_a_place_is_the_person(nlp) -> None:  # noqa: ANN001
    doc = run(nlp, "अदालत ने ओल्गा पेत्रोवा को रिहा किया। पेत्रोवा को छुड़वाना बड़ी बात है।",
              [(2, 4, "Person"), (8, 9, "Location")])
    assert mentions(doc) == [("ओल्गा पेत्रोवा", "Person", "Olga Petrova"), ("पेत्रोवा", "Person", "Olga Petrova")]
