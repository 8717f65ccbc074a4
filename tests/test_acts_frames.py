"""Physical and material acts: attacks, military aid, sanctions, visits, meetings
(sentences written for these tests)."""

from __future__ import annotations

import pytest

import kg


def _facts(text: str) -> set[tuple[str, str, str]]:
    graph = kg.build(text, model=False, date="2024-06-20")
    return {(r.subject.label, r.predicate, r.object.label) for r in graph.relations}


@pytest.mark.parametrize(("text", "triple", "found"), [
    # "देश" right before a country's name heads that name: no reference to the country named before
    ("रूस के सहयोगी देश बेलारूस ने बयान दिया।", ("Belarus", "seeksTiesWith", "Russia"), True),
    ("जर्मनी ने कहा कि पड़ोसी देश पोलैंड यूक्रेन को हथियार भेज रहा है।",
     ("Poland", "providesMilitaryAid", "Ukraine"), True),
    ("जर्मनी ने कहा कि पड़ोसी देश पोलैंड यूक्रेन को हथियार भेज रहा है।",
     ("Germany", "providesMilitaryAid", "Ukraine"), False),
])
def test_country_noun_before_a_name(text: str, triple: tuple[str, str, str], found: bool) -> None:
    assert (triple in _facts(text)) is found


@pytest.mark.parametrize("triple_text", [
    # a passive's agent with "द्वारा" may stand after the object
    (("Russia", "attacks", "Ukraine"), "यूक्रेन पर रूस द्वारा हमला किया गया।"),
    (("Russia", "attacks", "Kyiv"), "कीव पर रूस द्वारा किए गए हमले में लोग मारे गए।"),
    (("United States", "sanctions", "Iran"), "ईरान पर अमेरिका द्वारा नए प्रतिबंध लगाए गए।"),
    (("United States", "providesMilitaryAid", "Ukraine"), "यूक्रेन को अमेरिका द्वारा हथियार दिए गए।"),
])
def test_passive_agent_after_object(triple_text: tuple[tuple[str, str, str], str]) -> None:
    triple, text = triple_text
    assert triple in _facts(text)


def test_passive_agent_is_not_the_object() -> None:
    facts = _facts("यूक्रेन पर रूस द्वारा हमला किया गया।")
    assert ("Ukraine", "attacks", "Russia") not in facts


@pytest.mark.parametrize(("text", "triple", "found"), [
    # a state's drones, fighters or troops stand for it as the target
    ("यूक्रेन ने 24 रूसी ड्रोनों को मार गिराया।", ("Ukraine", "attacks", "Russia"), True),
    ("भारत ने पाकिस्तान के 12 जवानों को मार गिराया।", ("India", "attacks", "Pakistan"), True),
    ("सेना ने कहा कि यूक्रेन ने रूस के कई लड़ाकों को मार गिराया।", ("Ukraine", "attacks", "Russia"), True),
    # the English loan "अटैक" with a "को" object
    ("यूक्रेन ने रूसी ठिकानों को अटैक किया।", ("Ukraine", "attacks", "Russia"), True),
    ("यूक्रेन ने रूसी ठिकानों को अटैक किया।", ("Russia", "attacks", "Ukraine"), False),
    # its companies are no stand-in for the state
    ("अमेरिका ने ईरान की कंपनियों को निशाना बनाया।", ("United States", "attacks", "Iran"), False),
])
def test_forces_stand_for_their_state(text: str, triple: tuple[str, str, str], found: bool) -> None:
    assert (triple in _facts(text)) is found


@pytest.mark.parametrize(("text", "triple", "found"), [
    # a summit between two leaders is a meeting of them
    ("मोदी और ज़ेलेंस्की के बीच द्विपक्षीय शिखर सम्मेलन के बाद बयान आया।",
     ("Narendra Modi", "meets", "Volodymyr Zelenskyy"), True),
    ("मोदी ने पुतिन के साथ शिखर बैठक की।", ("Narendra Modi", "meets", "Vladimir Putin"), True),
    ("भारत में जी20 शिखर सम्मेलन के बाद मोदी ने बयान दिया।", ("Narendra Modi", "meets", "India"), False),
])
def test_summit_is_a_meeting(text: str, triple: tuple[str, str, str], found: bool) -> None:
    assert (triple in _facts(text)) is found


@pytest.mark.parametrize(("text", "triple", "found"), [
    # "from X to Y" names both as the subjects
    ("अमेरिका से लेकर जापान तक ने रूस पर प्रतिबंध लगाए।", ("United States", "sanctions", "Russia"), True),
    ("अमेरिका से लेकर जापान तक ने रूस पर प्रतिबंध लगाए।", ("Japan", "sanctions", "Russia"), True),
    ("अमेरिका से लेकर जापान तक ने रूस पर प्रतिबंध लगाए।", ("Japan", "sanctions", "United States"), False),
])
def test_from_x_to_y_pair(text: str, triple: tuple[str, str, str], found: bool) -> None:
    assert (triple in _facts(text)) is found


@pytest.mark.parametrize(("text", "triple", "found"), [
    # an adverbial participle "... करते हुए" takes the main clause's subject, named after it
    ("रूस की आलोचना करते हुए मोदी ने कहा कि युद्ध गलत है।", ("Narendra Modi", "criticizes", "Russia"), True),
    ("यूक्रेन पर हमला करते हुए रूस ने कहा कि यह जरूरी है।", ("Russia", "attacks", "Ukraine"), True),
    # addressing an audience in a place
    ("कीव में मीडिया को संबोधित करते हुए जयशंकर ने कहा कि भारत शांति चाहता है।",
     ("S. Jaishankar", "visits", "Kyiv"), True),
    ("मोदी ने टोक्यो में एक सभा को संबोधित किया।", ("Narendra Modi", "visits", "Tokyo"), True),
    ("मोदी ने टोक्यो में एक सभा को संबोधित किया।", ("Narendra Modi", "visits", "Japan"), False),
])
def test_while_doing_and_addressing(text: str, triple: tuple[str, str, str], found: bool) -> None:
    assert (triple in _facts(text)) is found
