"""Relations stated by the shape of a noun phrase (kg/nlp/structural.py), on sentences written
for these tests."""

from __future__ import annotations

import pytest

import kg


def _facts(text: str) -> set[tuple[str, str, str]]:
    graph = kg.build(text, model=False, date="2024-06-20")
    return {(r.subject.label, r.predicate, r.object.label) for r in graph.relations}


@pytest.mark.parametrize(("text", "triple"), [
    # a title held in a state's organ: affiliated with the organ and with its state
    ("चीनी विदेश मंत्रालय के प्रवक्ता लिन जियान ने कहा।", ("Lin Jian", "affiliatedWith", "China")),
    ("चीनी विदेश मंत्रालय के प्रवक्ता लिन जियान ने कहा।",
     ("Lin Jian", "affiliatedWith", "Foreign Ministry of China")),
    ("भारत के विदेश मंत्रालय के प्रवक्ता रणधीर जायसवाल ने कहा।", ("Randhir Jaiswal", "affiliatedWith", "India")),
    # a title held in a seat of power: the seat itself, and the state it stands for
    ("क्रेमलिन के प्रवक्ता दिमित्री पेसकोव ने कहा।", ("Dmitry Peskov", "affiliatedWith", "Kremlin")),
    ("क्रेमलिन के प्रवक्ता दिमित्री पेसकोव ने कहा।", ("Dmitry Peskov", "affiliatedWith", "Russia")),
    # "X समेत/सहित G देशों": X is counted among the bloc's countries
    ("अमेरिका समेत नाटो देशों ने रूस पर प्रतिबंध लगाए।", ("United States", "memberOf", "NATO")),
    ("जापान और ब्रिटेन सहित पश्चिमी देशों ने बयान दिया।", ("Japan", "partOf", "the West")),
    ("जापान और ब्रिटेन सहित पश्चिमी देशों ने बयान दिया।", ("United Kingdom", "partOf", "the West")),
    # "राजधानी कीव": the capital's city (not its government) lies in its country, named in the article
    ("रूस ने यूक्रेन के कई शहरों पर हमला किया। राजधानी कीव भी निशाने पर थी।", ("Kyiv", "locatedIn", "Ukraine")),
    ("अफगानिस्तान में राजधानी काबुल पर तालिबान का कब्जा हुआ।", ("Kabul", "locatedIn", "Afghanistan")),
    # "X से जुड़ा/जुड़े": tied to an organization, as a predicate or before the name
    ("राहुल गांधी कांग्रेस से जुड़े हैं।", ("Rahul Gandhi", "affiliatedWith", "Indian National Congress")),
    ("अल-कायदा से जुड़े संगठन हमास ने हमला किया।", ("Hamas", "affiliatedWith", "al-Qaeda")),
    # "नाटो सैन्य गठबंधन का हिस्सा": the marker after the class noun that follows the name
    ("तुर्की नाटो सैन्य गठबंधन का हिस्सा है।", ("Turkey", "partOf", "NATO")),
    # "G के सदस्य देश X": the member in apposition after the bloc's genitive
    ("चीन ने नाटो के सदस्य देश पोलैंड की आलोचना की।", ("Poland", "memberOf", "NATO")),
    # an ally in apposition: after a describing phrase, or with "देश" before the name
    ("ईरान के परमाणु - शक्ति संपन्न सहयोगी सीरिया ने बयान दिया।", ("Syria", "seeksTiesWith", "Iran")),
    ("भारत के सहयोगी देश भूटान ने बयान दिया।", ("Bhutan", "seeksTiesWith", "India")),
    # an ally as a predicate noun: each genitive of the list
    ("ओमान ईरान और सऊदी अरब दोनों का सहयोगी रहा है।", ("Oman", "seeksTiesWith", "Iran")),
    ("ओमान ईरान और सऊदी अरब दोनों का सहयोगी रहा है।", ("Oman", "seeksTiesWith", "Saudi Arabia")),
    ("जॉर्जिया अमेरिका का एक अहम सहयोगी बना रहा।", ("Georgia", "seeksTiesWith", "United States")),
    # a title compounded with a title noun keeps the genitive's body: "पार्टी के राष्ट्रपति उम्मीदवार"
    ("डेमोक्रेटिक पार्टी के राष्ट्रपति उम्मीदवार कमला हैरिस ने रैली की।",
     ("Kamala Harris", "affiliatedWith", "Democratic Party")),
    # an organization's own place still holds when no act follows it
    ("इराक में तालिबान के कार्यालय खुले।", ("Taliban", "locatedIn", "Iraq")),
])
def test_relation(text: str, triple: tuple[str, str, str]) -> None:
    assert triple in _facts(text)


@pytest.mark.parametrize(("text", "triple"), [
    # a body only located in a place (no organ of it) passes no state on to its staff
    ("अमेरिका में संयुक्त राष्ट्र के प्रवक्ता स्टीफन दुजारिक ने कहा।",
     ("Stefan Dujarric", "affiliatedWith", "United States")),
    # a capital read as its government is no seat with staff of its own
    ("मॉस्को के प्रवक्ता दिमित्री पेसकोव ने कहा।", ("Dmitry Peskov", "affiliatedWith", "Moscow")),
    # the capital's country is not named: nothing to place it in
    ("राजधानी काबुल पर तालिबान का कब्जा हुआ।", ("Kabul", "locatedIn", "Afghanistan")),
    # "नाटो से जुड़े देशों से": the participle describes the noun after it, not the subject
    ("जेलेंस्की नाटो से जुड़े देशों से मिले।", ("Volodymyr Zelenskyy", "affiliatedWith", "NATO")),
    # a list after the members' noun, broken by a comma: no member named in apposition
    ("यूरोपीय संघ के सदस्य देशों, ब्राजील और चीन ने भाग लिया।", ("Brazil", "memberOf", "European Union")),
    # "सहित" before a count of countries names no bloc
    ("भारत सहित कई देशों ने नाटो की आलोचना की।", ("India", "memberOf", "NATO")),
    # allies of a leader's adviser, or an ally noun that describes a later noun: no tie of the name
    ("पुतिन के सलाहकार के सहयोगी लावरोव ने कहा।", ("Sergey Lavrov", "seeksTiesWith", "Vladimir Putin")),
    ("ओमान ईरान के सहयोगी देशों से मिला।", ("Oman", "seeksTiesWith", "Iran")),
    # a candidate does not lead the party that fields them
    ("डेमोक्रेटिक पार्टी के राष्ट्रपति उम्मीदवार कमला हैरिस ने रैली की।",
     ("Kamala Harris", "leads", "Democratic Party")),
    # the place of an organization's act, or of its joining, is not the organization's
    ("पाकिस्तान में तालिबान के हमले बढ़े हैं।", ("Taliban", "locatedIn", "Pakistan")),
    ("पाकिस्तान में तालिबान की गोलाबारी जारी रही।", ("Taliban", "locatedIn", "Pakistan")),
    ("स्वीडन के नाटो में शामिल होने से रूस नाराज है।", ("NATO", "locatedIn", "Sweden")),
])
def test_no_relation(text: str, triple: tuple[str, str, str]) -> None:
    assert triple not in _facts(text)
