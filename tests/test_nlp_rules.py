"""Rule logic of the pipeline components, on small hand-built inputs."""

from __future__ import annotations

import datetime as dt

import pytest
import spacy
from hypothesis import given
from hypothesis import strategies as st
from spacy.tokens import Doc

from kg.nlp.args import Arg
from kg.nlp.lexicon import load_lexicon, slugify
from kg.nlp.markers import assign_markers, clause_start
from kg.nlp.normalize import match_key, normalize
from kg.nlp.pipeline import make_nlp
from kg.nlp.sentences import SentenceSplitter, dateline
from kg.nlp.timex import find_times
from kg.nlp.tokenizer import blank_hindi
from kg.nlp.triggers import parse_trigger


@pytest.fixture(scope="module")
def nlp():
    return make_nlp(model=False)


def _doc(words: list[str]) -> Doc:
    doc = Doc(spacy.blank("hi").vocab, words=words)
    for t in doc:
        t.norm_ = match_key(t.text)
    return doc


def test_danda_glued_to_next_word_is_split() -> None:
    tokens = [t.text for t in blank_hindi()("रहा है।पुतिन के")]
    assert tokens == ["रहा", "है", "।", "पुतिन", "के"]


def test_headline_and_dateline_are_segments() -> None:
    doc = SentenceSplitter()(blank_hindi()("पुतिन की यात्रा\nHANOI हनोई: पुतिन आए। वे खुश हैं।"))
    sents = [s.text.strip() for s in doc.sents]
    assert sents == ["पुतिन की यात्रा", "HANOI हनोई:", "पुतिन आए।", "वे खुश हैं।"]
    start, end = dateline(doc)
    assert doc[start].text == "HANOI" and doc[end].text == ":"


@pytest.mark.parametrize(("text", "sentences"), [
    ("रूस ने यह कहा है.पीएम मोदी ने जवाब दिया।", ["रूस ने यह कहा है.", "पीएम मोदी ने जवाब दिया।"]),
    ("यह सही है| अब वे आए|", ["यह सही है|", "अब वे आए|"]),
    ("यह सही है. अब वे आए.", ["यह सही है.", "अब वे आए."]),
    ("विदेश मंत्री एस. जयशंकर ने 3.5 प्रतिशत कहा।", ["विदेश मंत्री एस. जयशंकर ने 3.5 प्रतिशत कहा।"]),
    ("डॉ. सिंह और J. Biden ने U.S. में कहा।", ["डॉ. सिंह और J. Biden ने U.S. में कहा।"]),
])
def test_web_news_sentence_ends(text: str, sentences: list[str]) -> None:
    doc = SentenceSplitter()(blank_hindi()(text))
    assert [s.text.strip() for s in doc.sents] == sentences


def test_no_dateline_in_ordinary_sentence() -> None:
    doc = SentenceSplitter()(blank_hindi()("उन्होंने कहा: हम तैयार हैं।"))
    assert dateline(doc) is None


@given(st.text(alphabet="पुतिन हनोई\u200d\u200c“”‘’ क़ज़ ।\n", max_size=40))
def test_normalized_offsets_map_back(text: str) -> None:
    norm = normalize(text)
    assert len(norm.origin) == len(norm.text) + 1
    for i in range(len(norm.text)):
        assert 0 <= norm.origin[i] < len(text)
    assert list(norm.origin) == sorted(norm.origin)


def test_normalization_removes_joiners_and_curly_quotes() -> None:
    text = "“पु\u200dतिन” क़तर"
    norm = normalize(text)
    assert "\u200d" not in norm.text and norm.text.startswith('"')
    start, end = norm.span(1, 6)
    assert text[start:end] == "पु\u200dतिन"


def test_spelling_variants_share_a_key() -> None:
    assert match_key("मॉस्को") == match_key("मास्को")
    assert match_key("क़तर") == match_key("कतर")
    assert match_key("पहुँचे") == match_key("पहुंचे")


def test_markers_and_coordination() -> None:
    doc = _doc("पुतिन की चीन और अब उत्तर-कोरिया की यात्राएं".split())
    args = [Arg(0, 1, ("p",), "Person", "name"), Arg(2, 3, ("c",), "Country", "name"),
            Arg(5, 6, ("k",), "Country", "name")]
    assign_markers([t.norm_ for t in doc], args, set())
    assert [a.marker for a in args] == ["की", "की", "की"]
    assert args[0].group == -1 and args[1].group == args[2].group >= 0


def test_list_with_titles_shares_final_postposition() -> None:
    doc = _doc("ट्रोंग , नए राष्ट्रपति लैम और अन्य अधिकारियों से मिले".split())
    args = [Arg(0, 1, ("t",), "Person", "name"), Arg(4, 5, ("l",), "Person", "name")]
    assign_markers([t.norm_ for t in doc], args, skip={2, 3})
    assert [a.marker for a in args] == ["से", "से"]


def test_clause_boundary_ignores_names() -> None:
    doc = _doc("उसने कहा कि जो बाइडेन से मिले".split())
    assert clause_start([t.norm_ for t in doc], 0, 6) == 4
    assert clause_start([t.norm_ for t in doc], 0, 6, inside=frozenset({3, 4})) == 3


def test_trigger_parsing_folds_spelling() -> None:
    assert parse_trigger("पहुँच*") == ((("पहुंच", True),),)


def test_time_expressions() -> None:
    words = "5 मार्च 2024 को और २०२३ में".split()
    assert [t.value for t in find_times(words)] == ["2024-03-05", "2023"]
    assert find_times(["शुक्रवार"], dt.date(2024, 6, 20))[0].value == "2024-06-14"


def test_lexicon_lookups() -> None:
    lex = load_lexicon()
    russia = lex.entries[lex.names[match_key("रूस")]]
    assert (russia.label, russia.type, russia.wikidata) == ("Russia", "Country", "Q159")
    assert lex.demonyms[match_key("अमेरिकी")] == "Q30"
    assert lex.metonyms[match_key("क्रेमलिन")] == "Q159"
    assert slugify("Nguyễn Phú Trọng") == "nguyen-phu-trong"


def test_components_available_through_entry_points() -> None:
    nlp = spacy.blank("hi")
    for name in ("kg_sentences", "kg_lexicon", "kg_patterns", "kg_canonical", "kg_coref", "kg_relations"):
        nlp.add_pipe(name)
    doc = nlp("अमेरिका ने ईरान पर प्रतिबंध लगाए।")
    assert [(r.subject, r.predicate, r.object) for r in doc._.kg_relations] == [
        ("Q30", "sanctions", "Q794")]


def test_title_cue_finds_unknown_name(nlp) -> None:
    doc = nlp("विश्लेषक रामचरण गोयनका ने कहा।")
    people = [s.text for s in doc.spans["kg_mentions"] if s.label_ == "Person"]
    assert people == ["रामचरण गोयनका"]


def test_metonym_versus_city(nlp) -> None:
    gov_doc, city_doc = nlp("मास्को ने बयान जारी किया।"), nlp("वे मास्को में हैं।")
    gov, city = gov_doc.spans["kg_mentions"][0], city_doc.spans["kg_mentions"][0]
    assert (gov.label_, gov.kb_id_) == ("Country", "Q159")
    assert (city.label_, city.kb_id_) == ("City", "Q649")



def test_model_organization_absorbs_the_place_opening_its_name(mentions_with_model) -> None:
    text = "चेन्नई सुपर किंग्स ने मैच जीता।"
    assert mentions_with_model(text, []) == [("चेन्नई", "City")]
    assert mentions_with_model(text, [(0, 3, "Organization")]) == [("चेन्नई सुपर किंग्स", "Organization")]


def test_government_of_a_place_stays_the_place(mentions_with_model) -> None:
    """"पाकिस्तान सरकार" acts for Pakistan in the graph: a common word does not absorb the place."""
    assert mentions_with_model("पाकिस्तान सरकार ने कहा।", [(0, 2, "Organization")]) == [
        ("पाकिस्तान", "Country")]


def test_model_full_name_replaces_a_one_word_lexicon_person(mentions_with_model) -> None:
    text = "मिशेल ओबामा ने कहा।"
    assert mentions_with_model(text, []) == [("ओबामा", "Person")]  # the lexicon's Barack Obama
    assert mentions_with_model(text, [(0, 2, "Person")]) == [("मिशेल ओबामा", "Person")]


def test_title_before_a_lexicon_surname_keeps_the_lexicon_person(mentions_with_model) -> None:
    assert mentions_with_model("राष्ट्रपति ओबामा ने कहा।", [(0, 2, "Person")]) == [("ओबामा", "Person")]


def test_place_before_a_common_head_noun_stays_the_place(mentions_with_model) -> None:
    """"मास्को न्यायालय के अधिकार क्षेत्र को": Moscow (Russia) and the court are two things."""
    text = "मास्को न्यायालय के अधिकार क्षेत्र को मान्यता नहीं देता।"
    labels = [label for _, label in mentions_with_model(text, [(0, 2, "Organization")])]
    assert labels[0] == "Country"
