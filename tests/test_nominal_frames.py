"""Relations stated with nouns and light verbs, and lists that stay in their sentence
(sentences written for these tests)."""

from __future__ import annotations

import pytest

import kg


def _facts(text: str) -> set[tuple[str, str, str]]:
    graph = kg.build(text, model=False, date="2024-06-20")
    return {(r.subject.label, r.predicate, r.object.label) for r in graph.relations}


def test_a_list_of_places_stays_in_its_sentence() -> None:
    # the second sentence's list has the same group number as the first one's
    facts = _facts("यूक्रेन के खारकीव और कीव में धमाके हुए। भारत में दिल्ली और मुंबई में बारिश हुई।")
    assert ("Kharkiv", "locatedIn", "Ukraine") in facts
    assert ("Kyiv", "locatedIn", "Ukraine") in facts
    assert ("Mumbai", "locatedIn", "Ukraine") not in facts


@pytest.mark.parametrize(("text", "triple"), [
    # the attacker a demonym or genitive right before the noun, the place a genitive or locative
    ("ताइवान के चीनी आक्रमण के दसवें दिन रिपोर्ट आई।", ("China", "attacks", "Taiwan")),
    ("नाटो यूक्रेन में रूसी आक्रमण को खतरा मानता है।", ("Russia", "attacks", "Ukraine")),
    ("सीरिया में तुर्की के हमले जारी हैं।", ("Turkey", "attacks", "Syria")),
    # the noun's own agent wins over the clause's ने agent
    ("जेलेंस्की ने यूक्रेन पर रूसी आक्रमण में अपराधों की जांच मांगी।", ("Russia", "attacks", "Ukraine")),
])
def test_noun_agent_attacks(text: str, triple: tuple[str, str, str]) -> None:
    assert triple in _facts(text)


@pytest.mark.parametrize(("text", "triple"), [
    ("जेलेंस्की ने यूक्रेन पर रूसी आक्रमण में अपराधों की जांच मांगी।",
     ("Volodymyr Zelenskyy", "attacks", "Ukraine")),
    # a genitive with no agent after it is the attacker, not the target
    ("रूस के हमले में यूक्रेन के दस सैनिक मारे गए।", ("Russia", "attacks", "Ukraine")),
    ("रूस के हमले में यूक्रेन के दस सैनिक मारे गए।", ("Ukraine", "attacks", "Russia")),
    # a locative with no agent of the noun: no one named attacks
    ("भारत ने यूक्रेन में हमले की निंदा की।", ("India", "attacks", "Ukraine")),
])
def test_noun_agent_no_attack(text: str, triple: tuple[str, str, str]) -> None:
    assert triple not in _facts(text)


@pytest.mark.parametrize(("text", "triple", "found"), [
    ("मोदी की पुतिन से मुलाकात हुई।", ("Narendra Modi", "meets", "Vladimir Putin"), True),
    ("मोदी की मास्को में पुतिन से पहली मुलाकात हुई।", ("Narendra Modi", "meets", "Vladimir Putin"), True),
    ("मोदी की यूक्रेन के राष्ट्रपति ज़ेलेंस्की से मुलाकात अहम है।",
     ("Narendra Modi", "meets", "Volodymyr Zelenskyy"), True),
    # the clause's ने agent only watches the meeting
    ("चीन ने मोदी की पुतिन के साथ बैठक पर नजर रखी।", ("China", "meets", "Vladimir Putin"), False),
    # the genitive owns the visit, not the meeting
    ("मोदी ने रूस की यात्रा में पुतिन से मुलाकात की।", ("Russia", "meets", "Vladimir Putin"), False),
])
def test_genitive_owns_a_meeting(text: str, triple: tuple[str, str, str], found: bool) -> None:
    assert (triple in _facts(text)) is found


def test_a_parenthesis_after_a_name_keeps_its_postposition() -> None:
    facts = _facts("ओमान और संयुक्त अरब अमीरात (UAE) के साथ भारत के नए व्यापार समझौते अहम हैं।")
    assert ("India", "signsAgreementWith", "United Arab Emirates") in facts
    assert ("India", "signsAgreementWith", "Oman") in facts


@pytest.mark.parametrize(("text", "triple", "found"), [
    ("अमेरिका और रूस ने गुरुवार को कैदियों की अदला-बदली की है।", ("United States", "signsAgreementWith", "Russia"),
     True),
    ("रूस और पश्चिम के बीच अदला-बदली का लंबा इतिहास है।", ("Russia", "signsAgreementWith", "the West"), True),
    # the persons swapped are no parties to the deal
    ("ब्रिटनी ग्रिनर को विक्टर बाउट के साथ अदला-बदली करना पड़ा।",
     ("Brittney Griner", "signsAgreementWith", "Viktor Bout"), False),
    ("भारत ने रूस के साथ कैदियों की अदला-बदली नहीं की।", ("India", "signsAgreementWith", "Russia"), False),
])
def test_prisoner_swap_is_a_deal(text: str, triple: tuple[str, str, str], found: bool) -> None:
    assert (triple in _facts(text)) is found


@pytest.mark.parametrize(("text", "triple", "found"), [
    # the infinitive of a time phrase takes the subject of the main clause after it
    ("ताइवान पर हमला करने के कुछ दिनों बाद चीन ने बयान दिया।", ("China", "attacks", "Taiwan"), True),
    ("सीरिया पर हमला करने से पहले तुर्की ने चेतावनी दी।", ("Turkey", "attacks", "Syria"), True),
    # a bare event noun in a time phrase: the clause's agent only acts after it
    ("ताइवान पर हमले के बाद चीन ने बयान दिया।", ("China", "attacks", "Taiwan"), False),
    # not past a clause boundary
    ("ताइवान पर हमला करने के बाद जो हुआ, उस पर अमेरिका ने बयान दिया।",
     ("United States", "attacks", "Taiwan"), False),
])
def test_infinitive_time_phrase_subject(text: str, triple: tuple[str, str, str], found: bool) -> None:
    assert (triple in _facts(text)) is found


@pytest.mark.parametrize(("text", "found"), [
    ("भारत और रूस के समझौते अहम हैं।", True),
    ("भारत और रूस के नए समझौते अहम हैं।", True),
    # the genitive pair owns another noun; the agreement noun has no parties of its own
    ("भारत और रूस के संबंधों को देखते हुए समझौते के संकेत कम हैं।", False),
])
def test_agreement_noun_takes_its_own_genitive(text: str, found: bool) -> None:
    assert (("India", "signsAgreementWith", "Russia") in _facts(text)) is found


@pytest.mark.parametrize(("text", "triple"), [
    # the feminine and past forms of देना, मुहैया कराना and पहुंचाना with named aid
    ("अमेरिका ने ताइवान को सैन्य सहायता दी।", ("United States", "providesMilitaryAid", "Taiwan")),
    ("फ्रांस ने यूक्रेन को मिसाइलें मुहैया कराईं।", ("France", "providesMilitaryAid", "Ukraine")),
    ("जापान ने श्रीलंका को मानवीय सहायता पहुंचाई।", ("Japan", "providesEconomicAid", "Sri Lanka")),
])
def test_aid_verb_forms(text: str, triple: tuple[str, str, str]) -> None:
    assert triple in _facts(text)


@pytest.mark.parametrize(("text", "triple", "found"), [
    # a bare name before a visit or war noun modifies it: no subject of a later trigger
    ("इमरान खान का रूस दौरा उतना ही अहम है जितना उनका चीन दौरा था।", ("Russia", "visits", "China"), False),
    ("इमरान खान का रूस दौरा उतना ही अहम है जितना उनका चीन दौरा था।", ("Imran Khan", "visits", "China"), True),
    ("मोदी की मास्को यात्रा और पुतिन के साथ उनकी बैठक से यूरोप चिंतित है।",
     ("Moscow", "meets", "Vladimir Putin"), False),
    ("मोदी की मास्को यात्रा और पुतिन के साथ उनकी बैठक से यूरोप चिंतित है।",
     ("Russia", "meets", "Vladimir Putin"), False),
    ("भारत पुतिन से मिला।", ("India", "meets", "Vladimir Putin"), True),  # a bare subject still is one
])
def test_bare_name_before_event_noun(text: str, triple: tuple[str, str, str], found: bool) -> None:
    assert (triple in _facts(text)) is found


def test_parties_listed_in_an_agreement() -> None:
    facts = _facts("व्यापार समझौते में भारत, जापान और फ्रांस शामिल रहे।")
    assert {("India", "signsAgreementWith", "Japan"), ("India", "signsAgreementWith", "France"),
            ("Japan", "signsAgreementWith", "France")} <= facts
    assert not {f for f in _facts("समझौते में भारत और जापान शामिल नहीं थे।") if f[1] == "signsAgreementWith"}
    # a list after a place, not an agreement
    assert not {f for f in _facts("दिल्ली में भारत, जापान और फ्रांस के अधिकारी शामिल रहे।")
                if f[1] == "signsAgreementWith"}
