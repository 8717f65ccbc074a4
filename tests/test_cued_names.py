"""Names found around lexicon names (compass words), in a foreign form (Latin acronyms, English
word order) and next to cue nouns (towns, news media): ``kg/nlp/compass.py``,
``kg/nlp/foreignnames.py``, ``kg/nlp/placecues.py`` and ``kg/nlp/mediacues.py``.

Every input is a short sentence written for the test; the statistical model is left out.
"""

from __future__ import annotations

import pytest

import kg
from kg.nlp.canonical import ENTITIES
from kg.nlp.entities import MENTIONS
from kg.nlp.pipeline import make_nlp


@pytest.fixture(scope="module")
def nlp():  # noqa: ANN201 - spaCy Language
    return make_nlp(model=False)


def mentions(nlp, text: str) -> list[tuple[str, str, str, str]]:  # noqa: ANN001
    """(text, type, English label, kind) of each mention after canonicalization."""
    doc = nlp.make_doc(text)
    for name in ("kg_sentences", "kg_lexicon", "kg_patterns", "kg_canonical"):
        doc = nlp.get_pipe(name)(doc)
    entities = doc._.get(ENTITIES)
    return [(s.text, s.label_, entities[s.kb_id_].label, s.id_) for s in doc.spans[MENTIONS]]


def labels(nlp, text: str) -> list[str]:  # noqa: ANN001
    return [m[2] for m in mentions(nlp, text)]


@pytest.mark.parametrize(("text", "part"), [
    ("रूस ने पूर्वी यूक्रेन पर हमला किया।", ("पूर्वी यूक्रेन", "Region", "Eastern Ukraine", "part")),
    ("सेना दक्षिणी यूक्रेन में है।", ("दक्षिणी यूक्रेन", "Region", "Southern Ukraine", "part")),
    ("हमला उत्तर-पूर्वी यूक्रेन में हुआ।", ("उत्तर-पूर्वी यूक्रेन", "Region", "Northeastern Ukraine", "part")),
])
def test_a_compass_adjective_before_a_country_names_a_part_of_it(nlp, text: str, part: tuple) -> None:  # noqa: ANN001
    assert part in mentions(nlp, text)
    assert "Ukraine" not in labels(nlp, text)


@pytest.mark.parametrize(("text", "kept"), [
    ("पूर्वी चीन सागर में जहाज हैं।", "East China Sea"),  # the sea's own name, not a part of China
    ("उत्तर बिहार में बाढ़ आई।", "Bihar"),  # a region's part stays the region
    ("उत्तर कोरिया ने मिसाइल दागी।", "North Korea"),  # the bare noun makes a country's own name
])
def test_no_part_where_the_compass_word_makes_another_name(nlp, text: str, kept: str) -> None:  # noqa: ANN001
    found = mentions(nlp, text)
    assert not [m for m in found if m[3] == "part"]
    assert kept in [m[2] for m in found]


@pytest.mark.parametrize("text", [
    "भारत पश्चिम के साथ संबंध बनाए रखेगा।",
    "पश्चिम ने रूस पर प्रतिबंध लगाए।",
    "रूस और पश्चिम के बीच कैदियों की अदला-बदली हुई।",
])
def test_bare_west_before_a_postposition_is_the_west(nlp, text: str) -> None:  # noqa: ANN001
    assert "the West" in labels(nlp, text)


@pytest.mark.parametrize("text", [
    "शहर के पश्चिम में एक नदी है।",  # west of the town
    "सेना पश्चिम की ओर बढ़ी।",  # westwards
    "पश्चिम और पूर्वी चंपारण में बारिश हुई।",  # a list of districts
])
def test_bare_west_as_a_direction_is_no_entity(nlp, text: str) -> None:  # noqa: ANN001
    assert "the West" not in labels(nlp, text)


@pytest.mark.parametrize(("text", "mention"), [
    ("हमले की जिम्मेदारी ISIS-K ने ली।", ("ISIS-K", "Organization", "ISIS-K", "acronym")),
    ("न्यूज एजेंसी RIA के मुताबिक हमला हुआ।", ("RIA", "Organization", "RIA", "acronym")),
    ("US ने बयान जारी किया।", ("US", "Country", "United States", "name")),  # यूएस spells US
])
def test_a_latin_acronym_in_hindi_text_is_a_name(nlp, text: str, mention: tuple) -> None:  # noqa: ANN001
    assert mention in mentions(nlp, text)


@pytest.mark.parametrize("text", [
    "वह 10 हजार KM घूमा।",  # a unit after a number
    "RUSSIA: GUNMEN ATTACK TEMPLE",  # an English headline
    "संधि का अनुच्छेद IV लागू है।",  # a Roman numeral
    "PM ने कहा कि बातचीत होगी।",  # a title
    "क्रय शक्ति समता (PPP) बढ़ी और PPP में आय बढ़ी।",  # a term glossed in brackets, in each mention
])
def test_latin_capitals_that_name_nothing_are_no_acronym(nlp, text: str) -> None:  # noqa: ANN001
    assert not [m for m in mentions(nlp, text) if m[3] == "acronym"]


def test_an_acronym_glossing_its_name_is_no_new_entity(nlp) -> None:  # noqa: ANN001
    found = mentions(nlp, "शंघाई सहयोग संगठन (SCO) की बैठक हुई।")
    assert not [m for m in found if m[3] == "acronym"]


@pytest.mark.parametrize(("text", "label"), [
    ("इंस्टीट्यूट फॉर द स्टडी ऑफ वॉर ने कहा।", "Institute for the Study of War"),
    ("पोलिश इंस्टीट्यूट ऑफ इंटरनेशनल अफेयर्स ने रिपोर्ट दी।", "Polish Institute of International Affairs"),
])
def test_an_english_name_in_english_word_order_is_an_organization(nlp, text: str, label: str) -> None:  # noqa: ANN001
    assert [(m[1], m[2], m[3]) for m in mentions(nlp, text)] == [("Organization", label, "loan")]


@pytest.mark.parametrize("text", [
    "वह मास्टर ऑफ साइंस हैं।",  # a degree: no institution's head word
    "फेडरेशन ऑफ अमेरिकन साइंटिस्ट के अनुसार",  # its last word is unread: no cut name
])
def test_no_loan_name_without_a_head_or_with_a_cut_end(nlp, text: str) -> None:  # noqa: ANN001
    assert not [m for m in mentions(nlp, text) if m[3] == "loan"]


@pytest.mark.parametrize(("text", "towns"), [
    ("सेना सीमावर्ती शहर वोवचांस्क में घुसी।", ["Vovchansk"]),  # after the noun
    ("लड़ाकों को किडल शहर ले जाया गया।", ["Kidal"]),  # before it
    ("सुमी और चेरनोबिल जैसे शहरों पर कब्जा हुआ।", ["Sumi", "Chernobyl"]),  # a list before जैसे
    ("प्रांत के दो शहरों (माखचकाला और डर्बेंट) में हमले हुए।", ["Makhachkala", "Derbent"]),  # in brackets
])
def test_an_unknown_word_next_to_town_is_a_city(nlp, text: str, towns: list[str]) -> None:  # noqa: ANN001
    assert [(m[1], m[2]) for m in mentions(nlp, text) if m[1] == "City"] == [("City", t) for t in towns]


@pytest.mark.parametrize(("text", "town"), [
    ("बैठक सऊदी अरब के जेद्दा में हुई।", "जेद्दा"),
    ("हमला यूक्रेन के पोलटावा में हुआ।", "पोलटावा"),
])
def test_a_new_word_between_a_countrys_genitive_and_the_locative_is_a_city(nlp, text: str,  # noqa: ANN001
                                                                          town: str) -> None:
    assert [m[0] for m in mentions(nlp, text) if m[1] == "City"] == [town]


@pytest.mark.parametrize("text", [
    "यह रूस के वीटो में फंसा।",  # an English word
    "वह रूस के दौरे में था।",  # a Hindi noun
    "लोग रूस के ज्वोरकाप से आए।",  # no locative
])
def test_no_city_after_a_countrys_genitive_without_a_new_word_and_the_locative(nlp, text: str) -> None:  # noqa: ANN001
    assert not [m for m in mentions(nlp, text) if m[1] == "City"]


@pytest.mark.parametrize("text", [
    "बंदरगाह शहर की जब्ती हुई।",  # a port town: an ordinary noun
    "लोग बड़े शहरों में रहते हैं।",  # a frequent adjective
])
def test_an_ordinary_word_next_to_town_is_no_city(nlp, text: str) -> None:  # noqa: ANN001
    assert not [m for m in mentions(nlp, text) if m[1] == "City"]


@pytest.mark.parametrize(("text", "medium"), [
    ("जर्मन अखबार ब्लिट्जबोटे को दिए साक्षात्कार में मंत्री बोले।", "ब्लिट्जबोटे"),  # after the medium noun
    ("समाचार एजेंसी क्वार्टो ने यह खबर दी।", "क्वार्टो"),
    ("पॉलिटिको की रिपोर्ट के अनुसार बैठक टल गई।", "पॉलिटिको"),  # before "की रिपोर्ट"
    ("ओकापिया की एक रिपोर्ट के मुताबिक हमला हुआ।", "ओकापिया"),
    ("जकार्ता पोस्ट की एक रिपोर्ट में यह कहा गया।", "जकार्ता पोस्ट"),  # a place opens a media name
])
def test_a_name_cued_as_a_news_medium_is_an_organization(nlp, text: str, medium: str) -> None:  # noqa: ANN001
    assert [(m[0], m[1], m[3]) for m in mentions(nlp, text) if m[1] == "Organization"] == [
        (medium, "Organization", "title")]
    assert "Indonesia" not in labels(nlp, text)


@pytest.mark.parametrize("text", [
    "मीडिया रिपोर्ट्स में यह दावा किया गया।",  # an English noun after the medium noun
    "पश्चिमी मीडिया इस युद्ध की तस्वीर दिखाता है।",  # a function word
    "सेना ने बड़े नुकसान की रिपोर्ट दी।",  # ordinary Hindi words before "की रिपोर्ट"
    "भारत की रिपोर्ट में चीन का जिक्र है।",  # a known country stays a country
])
def test_no_medium_without_a_new_name(nlp, text: str) -> None:  # noqa: ANN001
    assert not [m for m in mentions(nlp, text) if m[3] == "title" and m[1] == "Organization"]


def _facts(text: str) -> set[tuple[str, str, str]]:
    graph = kg.build(text, model=False, date="2024-06-20")
    return {(r.subject.label_hi, r.predicate, r.object.label) for r in graph.relations}


@pytest.mark.parametrize(("text", "fact"), [
    ("जर्मन अखबार ब्लिट्जबोटे ने यह लिखा।", ("ब्लिट्जबोटे", "locatedIn", "Germany")),  # a demonym
    ("रूस की न्यूज एजेंसी क्वार्टो के अनुसार हमला हुआ।", ("क्वार्टो", "locatedIn", "Russia")),  # a genitive
    ("रूस के स्वतंत्र अखबार क्वार्टो ने यह लिखा।", ("क्वार्टो", "locatedIn", "Russia")),  # an adjective
    # the state's own medium is a part of the state
    ("रूस की सरकारी न्यूज एजेंसी क्वार्टो के अनुसार हमला हुआ।", ("क्वार्टो", "partOf", "Russia")),
])
def test_a_mediums_country_before_the_medium_noun_locates_it(text: str, fact: tuple[str, str, str]) -> None:
    assert fact in _facts(text)


def test_no_medium_place_across_other_words() -> None:
    assert not [f for f in _facts("जर्मन मंत्री ने अखबार ब्लिट्जबोटे से कहा।") if f[1] == "locatedIn"]
    assert not [f for f in _facts("रूस के स्वतंत्र क्वार्टो ने यह दिखाया।") if f[1] in {"locatedIn", "partOf"}]
