"""Group and pronoun references (``दोनों देश``, ``X और Y दोनों``, ``उन्होंने``), on sentences
written for these tests."""

from __future__ import annotations

import kg


def _facts(text: str) -> set[tuple[str, str, str]]:
    graph = kg.build(text, model=False, date="2024-06-20")
    return {(r.subject.label, r.predicate, r.object.label) for r in graph.relations}


def test_particle_between_both_and_noun() -> None:
    facts = _facts("भारत और जापान ने संयुक्त बयान जारी किया। दोनों ही देश क्वाड के सदस्य हैं।")
    assert {("India", "memberOf", "Quad"), ("Japan", "memberOf", "Quad")} <= facts


def test_both_countries_again_is_the_same_pair() -> None:
    facts = _facts("भारत और जापान ने संयुक्त बयान जारी किया। दोनों देशों ने चीन की आलोचना की। "
                   "दोनों देश क्वाड के सदस्य हैं।")
    assert {("India", "memberOf", "Quad"), ("Japan", "memberOf", "Quad")} <= facts
    assert ("China", "memberOf", "Quad") not in facts


def test_appositive_both_is_one_argument() -> None:
    facts = _facts("प्रधानमंत्री मोदी ने पुतिन और ज़ेलेंस्की दोनों से मुलाकात की।")
    assert {("Narendra Modi", "meets", "Vladimir Putin"),
            ("Narendra Modi", "meets", "Volodymyr Zelenskyy")} <= facts
    assert ("Vladimir Putin", "meets", "Volodymyr Zelenskyy") not in facts


def test_bare_both_joins_entities_of_one_type() -> None:
    facts = _facts("मोदी ने रूस का दौरा किया। दोनों ने समझौते पर हस्ताक्षर किए।")
    assert not any(p == "signsAgreementWith" for _, p, _ in facts)


def test_leader_state_not_named_in_the_text() -> None:
    facts = _facts("पुतिन और शी जिनपिंग ने बैठक की। दोनों ने समझौते पर हस्ताक्षर किए।")
    assert ("Russia", "signsAgreementWith", "China") in facts


def test_subject_pronoun_carries_its_referent_on() -> None:
    facts = _facts("राहुल गांधी ने दिल्ली में भाषण दिया। वह रूसी राष्ट्रपति व्लादिमीर पुतिन, यूक्रेनी राष्ट्रपति "
                   "वलोडिमिर ज़ेलेंस्की से बात करते हैं। उन्होंने प्रधानमंत्री मोदी की आलोचना की।")
    assert ("Rahul Gandhi", "criticizes", "Narendra Modi") in facts


def test_pronoun_takes_the_subject_not_a_later_name() -> None:
    facts = _facts("राहुल गांधी ने दिल्ली में भाषण दिया। उन्होंने पुतिन और ज़ेलेंस्की का जिक्र किया। "
                   "उन्होंने मोदी की आलोचना की।")
    assert ("Rahul Gandhi", "criticizes", "Narendra Modi") in facts
    assert ("Vladimir Putin", "criticizes", "Narendra Modi") not in facts


def test_singular_agent_pronoun_is_a_country_or_organization() -> None:
    facts = _facts("रूसी रक्षा मंत्रालय ने बयान जारी किया। उसने खारकीव पर कब्जा कर लिया है।")
    assert ("Defence Ministry of Russia", "attacks", "Kharkiv") in facts
    facts = _facts("प्रधानमंत्री मोदी ने जापान का दौरा किया। "
                   "जापान की सरकार ने स्वागत किया और उसने चीन की आलोचना की।")
    assert ("Japan", "criticizes", "China") in facts
    assert ("Narendra Modi", "criticizes", "China") not in facts


def test_singular_agent_pronoun_is_no_person() -> None:
    facts = _facts("पुतिन ने भाषण दिया। उसने खारकीव पर हमला किया।")
    assert ("Vladimir Putin", "attacks", "Kharkiv") not in facts


def test_speaker_is_not_the_subject_of_a_clause_without_a_pronoun() -> None:
    assert _facts("फाइनेंशियल टाइम्स ने कहा कि भारत का रूस से तेल खरीदना प्रतिबंधों के बाद वरदान बन कर आया।") == set()
    assert ("Iran", "attacks", "Israel") in _facts("ईरान ने कहा कि वह जल्द ही इजरायल पर और हमले करेगा।")


def test_both_with_another_noun_is_no_pair_of_named_entities() -> None:
    facts = _facts("मोदी ने पुतिन से मुलाकात की। उन्होंने कहा कि इन दोनों कलाकारों ने रिश्तों को आगे बढ़ाया है।")
    assert not any(p == "seeksTiesWith" for _, p, _ in facts)
    facts = _facts("भारत और पाकिस्तान ने बातचीत की। दोनों पड़ोसी देशों ने रिश्तों को आगे बढ़ाया है।")
    assert ("India", "seeksTiesWith", "Pakistan") in facts


def test_pronoun_subject_and_quantified_member_noun() -> None:
    facts = _facts("रूसी राष्ट्रपति व्लादिमीर पुतिन ने बयान दिया। उन्होंने यूक्रेन के कई शहरों पर हमला किया।")
    assert ("Vladimir Putin", "attacks", "Ukraine") in facts
    assert ("Russia", "attacks", "Ukraine") in _facts("रूस ने यूक्रेन के इलाकों पर हमले किए।")


def test_reciprocal_holds_both_ways() -> None:
    facts = _facts("भारत और रूस के नेता मिले। दोनों देश एक-दूसरे की मदद करते हैं।")
    assert {("India", "supports", "Russia"), ("Russia", "supports", "India")} <= facts
    facts = _facts("भारत और जापान एक दूसरे का समर्थन करते हैं।")
    assert {("India", "supports", "Japan"), ("Japan", "supports", "India")} <= facts


def test_reciprocal_needs_a_pair_of_its_sentence() -> None:
    facts = _facts("भारत ने जापान की मदद की। एक-दूसरे का सम्मान जरूरी है।")
    assert ("Japan", "supports", "India") not in facts
    assert not _facts("अमेरिका, जापान और भारत एक-दूसरे की मदद करते हैं।")  # a list is no pair


def test_another_is_no_reciprocal() -> None:
    assert ("Japan", "supports", "India") not in _facts("भारत और जापान एक दूसरे देश की मदद करते हैं।")


def test_role_with_demonym_is_the_holder_of_that_role() -> None:
    facts = _facts("रूसी विदेश मंत्री सर्गेई लावरोव ने भाषण दिया। रूसी विदेश मंत्री ने भारत की आलोचना की।")
    assert ("Sergey Lavrov", "criticizes", "India") in facts
    facts = _facts("रूसी राष्ट्रपति पुतिन ने भाषण दिया। रूसी नेता ने भारत की आलोचना की।")
    assert ("Vladimir Putin", "criticizes", "India") in facts


def test_role_with_demonym_is_not_the_holder_of_another_role() -> None:
    facts = _facts("रूसी राष्ट्रपति पुतिन ने भाषण दिया। रूसी विदेश मंत्री ने भारत की आलोचना की।")
    assert ("Vladimir Putin", "criticizes", "India") not in facts


_PAIR_THEN_ONE = ("भारत और जापान के बीच बैठक हुई। दोनों देशों के संबंध पुराने हैं। यह रिश्ता गहरा है। "
                  "मोदी ने कहा। उन्होंने बयान दिया। उन्होंने जापान की तारीफ की। ")


def test_both_countries_takes_up_the_article_pair_after_a_stretch_about_one() -> None:
    facts = _facts(_PAIR_THEN_ONE + "किशिदा ने दोनों देशों के संबंधों को आगे बढ़ाया।")
    assert ("Fumio Kishida", "seeksTiesWith", "India") in facts


def test_an_earlier_pair_needs_a_member_named_lately() -> None:
    facts = _facts(_PAIR_THEN_ONE.replace("जापान की तारीफ", "भाषण") + "चीन ने दोनों देशों की आलोचना की।")
    assert not any(p == "criticizes" for _, p, _ in facts)
