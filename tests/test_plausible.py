"""Dictionary checks on new names (kg.nlp.plausible), on sentences written for the test."""

from __future__ import annotations

import pytest

from kg.nlp.pipeline import make_nlp
from kg.nlp.plausible import dictionary_pos


@pytest.fixture(scope="module")
def nlp():
    return make_nlp(model=False)


@pytest.fixture
def entities(nlp, with_model_spans):
    """Canonical entities (label, type) when the statistical model proposed ``model`` spans."""
    def run(text, model):
        doc = with_model_spans(nlp, text, model, then=("kg_canonical",))
        return sorted((e.label, e.type) for e in doc._.kg_entities.values())
    return run


def test_dictionary_lists_common_words_not_names() -> None:
    assert dictionary_pos("दलदल") == "n"
    assert dictionary_pos("कूटनीतिक") == "adj"
    assert dictionary_pos("पुतिन") is None


def test_a_masculine_noun_counts_from_its_inflected_forms() -> None:
    # only गलियारे and गलियारों are listed; the direct form is the same noun (लड़का, लड़के, लड़कों)
    assert dictionary_pos("गलियारा") == "n"
    assert dictionary_pos("अंकारा") is None  # no अंकारे or अंकारों: a name
    assert dictionary_pos("बीजिंग") is None


def test_a_model_place_that_is_an_inflected_noun_is_dropped(mentions_with_model) -> None:
    assert mentions_with_model("यह गलियारा भारत को जोड़ेगा।", [(1, 2, "Location")]) == [("भारत", "Country")]


def test_a_place_made_of_dictionary_words_is_dropped(mentions_with_model) -> None:
    assert mentions_with_model("वे दलदल में फंस गए।", [(1, 2, "Location")]) == []
    assert mentions_with_model("वे जोगापट्टी में रहते हैं।", [(1, 2, "Location")]) == [("जोगापट्टी", "City")]


def test_a_river_or_province_noun_makes_a_region_of_a_common_word(mentions_with_model) -> None:
    text = "कोसी नदी में बाढ़ आई और कोसी उफान पर है।"
    assert mentions_with_model(text, [(0, 1, "Location"), (6, 7, "Location")]) == [
        ("कोसी", "Region"), ("कोसी", "Region")]
    assert mentions_with_model("हमले खार्कोव प्रांत में हुए।", [(1, 2, "Location")]) == [("खार्कोव", "Region")]


def test_a_common_word_or_adjective_is_no_person(mentions_with_model) -> None:
    assert mentions_with_model("उन्होंने विजय का जश्न मनाया।", [(1, 2, "Person")]) == []
    assert mentions_with_model("यह कूटनीतिक लचीलेपन की रक्षा है।", [(1, 3, "Person")]) == []
    assert mentions_with_model("यह एफटीसी दिशानिर्देश हैं।", [(1, 3, "Person")]) == []


def test_a_company_proposed_as_a_person_becomes_an_organization(mentions_with_model) -> None:
    text = "कल्याणी स्ट्रेटेजिक सिस्टम्स ने गोले बेचे।"
    assert mentions_with_model(text, [(0, 3, "Person")]) == [("कल्याणी स्ट्रेटेजिक सिस्टम्स", "Organization")]


def test_a_generic_group_is_no_organization_but_a_scope_word_names_one(mentions_with_model) -> None:
    assert mentions_with_model("कई हैकर समूह सक्रिय हैं।", []) == []
    assert mentions_with_model("उसने सैन्य गठबंधन बनाया।", []) == []
    assert mentions_with_model("राष्ट्रीय खुफिया एजेंसी ने कहा।", []) == [("राष्ट्रीय खुफिया एजेंसी", "Organization")]


def test_a_formula_is_no_name(mentions_with_model) -> None:
    assert mentions_with_model("हवा में सीओ2 बढ़ा।", [(2, 3, "Organization")]) == []


def test_a_country_in_the_genitive_owns_a_state_organ(entities) -> None:
    assert entities("माली की सेना ने हमला किया।", []) == [("Army of Mali", "Organization"),
                                                                  ("Mali", "Country")]
    # two owners: the organ stays unresolved, both countries stay
    assert ("India", "Country") in entities("भारत और ब्रिटेन की सेना में भर्ती होती है।", [])


def test_an_indefinite_organ_is_no_entity(entities) -> None:
    assert entities("एक जर्मन अदालत ने सजा दी।", []) == [("Germany", "Country")]


def test_a_leading_adjective_leaves_an_organization_name(entities) -> None:
    text = "मंत्रियों का एक समूह वार्षिक रायसीना डायलॉग के लिए आया।"
    assert ("Raisina Dialogue", "Organization") in entities(text, [])


def test_compass_words_of_a_place_are_glossed(entities) -> None:
    assert ("East Champaran", "Region") in entities("पानी पूर्वी चंपारण में घुसा।", [(1, 3, "Location")])


def test_a_list_ending_in_a_region_noun_makes_regions_of_its_members(mentions_with_model) -> None:
    text = "वे सीवान, सारण और पटना जिलों में गए।"  # सारण is also listed as an ordinary word
    assert mentions_with_model(text, [(1, 2, "Location"), (3, 4, "Location")]) == [
        ("सीवान", "Region"), ("सारण", "Region"), ("पटना", "City")]


def test_a_trimmed_place_keeps_its_region_cue(mentions_with_model) -> None:
    assert mentions_with_model("वे निर्जन सेनकाकू द्वीपों पर गए।", [(1, 3, "Location")]) == [("सेनकाकू", "Region")]


def test_the_word_list_leaves_out_the_lexicon_names_and_acronyms() -> None:
    from kg.nlp.lexicon import DATA_DIR, load_lexicon
    from kg.nlp.normalize import match_key

    lexicon = load_lexicon()
    lines = (DATA_DIR / "hi_dictionary.tsv").read_text(encoding="utf-8").splitlines()
    assert lines[0] == "word_hi\tpos\tsource" and lines[1:] == sorted(lines[1:])
    rows = [line.split("\t") for line in lines[1:]]
    assert {pos for _, pos, _ in rows} <= {"n", "adj", "v", "adv", "other"}
    assert {source for _, _, source in rows} == {"hiner", "hindipos", "both", "rule"}
    words = [word for word, _, _ in rows]
    assert not [w for w in words if match_key(w) in lexicon.names or match_key(w) in lexicon.demonyms]
    assert not {"आरटी", "एफटीसी", "मोदी", "भारत", "जिनपिंग"} & set(words)


def test_a_term_glossed_in_brackets_is_no_name(mentions_with_model) -> None:
    text = "इसमें प्रतिस्पर्धा (एंटीट्रस्ट) नियमों का उल्लंघन है।"
    assert mentions_with_model(text, [(3, 4, "Organization")]) == []
    text = "ग्रीनहाउस गैस (जीएचजी) का उत्सर्जन और अन्य जीएचजी घटे।"  # every mention of the term goes
    assert mentions_with_model(text, [(3, 4, "Organization"), (9, 10, "Organization")]) == []
    assert mentions_with_model("पेड़ फोटोसिंथेसिस (प्रकाश संश्लेषण) करते हैं।", [(1, 2, "Person")]) == []
    # an acronym after an organization's head noun is its name
    text = "राष्ट्रीय खुफिया एजेंसी (एमआईटी) ने कहा।"
    assert ("एमआईटी", "Organization") in mentions_with_model(text, [(4, 5, "Organization")])


def test_ordinary_words_of_a_longer_span_make_no_one_word_person(mentions_with_model) -> None:
    text = "हमले में कई ड्रोन्स\nगिराए गए और ड्रोन्स फिर आए।"  # the model's span ends in a line break
    assert mentions_with_model(text, [(3, 5, "Person"), (8, 9, "Person")]) == []
    text = "जर्मनी में टोटल एनर्जीज़ सहित आठ कंपनियां।"
    assert mentions_with_model(text, [(2, 4, "Person")]) == [("जर्मनी", "Country")]


def test_a_place_or_body_with_a_given_name_or_slavic_surname_is_a_person(mentions_with_model) -> None:
    assert mentions_with_model("अदालत ने ओल्गा पेत्रोवा को सजा दी।", [(2, 4, "Location")]) == [
        ("ओल्गा पेत्रोवा", "Person")]
    assert mentions_with_model("पत्र श्याम बोहरे ने लिखा।", [(1, 3, "Organization")]) == [("श्याम बोहरे", "Person")]
    assert mentions_with_model("वे सेंट पीटर्सबर्ग में थे।", [(1, 3, "Location")]) == [("सेंट पीटर्सबर्ग", "City")]
    assert mentions_with_model("माधव नेशनल पार्क में बाघ हैं।", [(0, 3, "Organization")]) == [
        ("माधव नेशनल पार्क", "Organization")]


def test_a_region_noun_alone_is_no_place_and_a_compass_word_opens_a_region(mentions_with_model) -> None:
    assert mentions_with_model("हमले कुर्स्क ओब्लास्ट में हुए।", [(1, 2, "Location"), (2, 3, "Location")]) == [
        ("कुर्स्क", "City")]  # (the lexicon's city)
    assert mentions_with_model("पानी पश्चिम चंपारण के गांवों में घुसा।", [(1, 3, "Location")]) == [
        ("पश्चिम चंपारण", "Region")]


def test_a_visarga_after_a_nasal_is_a_colon(mentions_with_model) -> None:
    assert mentions_with_model("ये भी पढ़ेंः- युद्ध की खबरें", [(2, 3, "Person")]) == []


def test_an_english_word_with_an_affix_is_no_place_or_person(mentions_with_model) -> None:
    assert mentions_with_model("ऑफसेटिंग मार्केटिंग का खतरा बढ़ा।", [(0, 2, "Location")]) == []
    assert mentions_with_model("एक मिलीसेकंड का अंतर आया।", [(1, 2, "Location")]) == []
    assert mentions_with_model("मॉडेलर्स ने कहा।", [(0, 1, "Person")]) == []


def test_surat_is_no_city_in_the_idiom_in_the_case_of(mentions_with_model) -> None:
    assert mentions_with_model("हमले की सूरत में प्रतिबंध लगेंगे।", []) == []
    assert mentions_with_model("वह सूरत में रहता है।", []) == [("सूरत", "City")]


def test_pieces_of_a_long_organization_name_join(nlp, mentions_with_model) -> None:
    text = "थिंक-टैंक स्टॉकहोम इंटरनेशनल पीस रिसर्च इंस्टीट्यूट के आंकड़े।"
    doc = nlp.make_doc(text)
    start = next(t.i for t in doc if t.text == "स्टॉकहोम")
    assert mentions_with_model(text, [(start, start + 2, "Organization")]) == [
        ("स्टॉकहोम इंटरनेशनल पीस रिसर्च इंस्टीट्यूट", "Organization")]
    text = "कार्नेगी फाउंडेशन यूरेशिया सेंटर की फेलो ने कहा।"
    assert mentions_with_model(text, [(0, 1, "Location"), (1, 3, "Organization")]) == [
        ("कार्नेगी फाउंडेशन यूरेशिया सेंटर", "Organization")]


def test_a_name_cut_after_the_arabic_article_takes_the_next_word(mentions_with_model) -> None:
    text = "संगठन के सरगना अबू बकर अल-बगदादी मारा गया।"
    assert mentions_with_model(text, [(3, 6, "Person")]) == [("अबू बकर अल-बगदादी", "Person")]
    assert mentions_with_model("नेता हमद अल ने कहा।", [(1, 3, "Person")]) == [("हमद", "Person")]


def test_an_initial_joins_the_name_after_it_and_alone_is_no_name(mentions_with_model) -> None:
    text = "चेयरमैन एन. चंद्रशेखरन ने कहा।"
    assert mentions_with_model(text, [(1, 2, "Person"), (3, 4, "Person")]) == [("एन. चंद्रशेखरन", "Person")]
    assert mentions_with_model("उन्होंने एन. को बुलाया।", [(1, 2, "Person")]) == []


def test_a_loanword_spelled_from_its_letters_is_no_name(mentions_with_model, entities) -> None:
    assert mentions_with_model("कंप्यूटर टेक्नॉलाजी से काम होगा।", [(1, 2, "Organization")]) == []
    assert entities("कल्याणी स्ट्रेटेजिक सिस्टम्स ने गोले बेचे।", [(0, 3, "Organization")]) == [
        ("Kalyani Strategic Systems", "Organization")]
