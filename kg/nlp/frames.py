"""Relation frames: how Hindi news states each relation of the inventory.

A frame names the trigger (words in order, ``*`` = any ending, ``a|b`` =
alternatives, at most ``GAP`` tokens apart) and the postposition that marks
each argument (``""`` = no postposition, the bare nominative). Hindi is
verb-final, so arguments are looked for to the left of the trigger.

The frames are data: adding a way of saying a relation means adding a line.
"""

from __future__ import annotations

from dataclasses import dataclass

__all__ = ["Frame", "FRAMES", "PLACES", "AGENTS", "DERIVE_STATE", "EVENT_KINDS"]

PLACES = frozenset({"Country", "City", "Region"})
AGENTS = frozenset({"Person", "Organization", "Country", "City", "Region"})  # the West, the EU as a bloc
ANY = frozenset({"Person", "Organization", "Country", "City", "Region", "Event"})
ERG = frozenset({"ने", "", "द्वारा", "के द्वारा"})  # agent of active and passive clauses
GEN = frozenset({"का", "की", "के"})


@dataclass(frozen=True)
class Frame:
    """One way of stating ``predicate``."""

    predicate: str
    trigger: str
    obj: frozenset[str]
    subj: frozenset[str] = ERG
    obj_types: frozenset[str] = ANY
    subj_types: frozenset[str] = AGENTS
    confidence: float = 0.85
    symmetric: bool = False
    swap: bool = False  # the marked "object" is the semantic subject
    event: str | None = None  # kind of event the relation creates (for इसे / यह यात्रा)
    # a noun trigger whose agent may stand between the object and it, as a genitive or a
    # demonym: "यूक्रेन पर रूस के हमले", "यूक्रेन पर रूसी आक्रमण"
    agent_after_object: bool = False
    # a case postposition between the trigger's parts: "समझौते में मदद करने की" is no pact made
    # (the noun is then an argument of another verb); False for a noun and its light verb
    gap_cases: bool = True
    # a symmetric frame with no object marked pairs its coordinated subjects ("X और Y ने समझौता किया")
    pair_subjects: bool = True
    # a participle read as a predicate only: a copula follows within 3 words, no postposition first
    # ("X एफएसबी से जुड़ा अधिकारी है"; in "X नाटो से जुड़े देशों से मिले" it describes the noun)
    copula_after: bool = False
    agent_before_noun: bool = False  # that agent only, right before the noun (no other subject)
    # the object is a place an event is held in, read before the event's noun: "X दिल्ली में
    # आयोजित सम्मेलन में भाग लिया" (a place right before the verb is joined: "X रूस में शामिल हुआ")
    held_in: bool = False


def F(predicate: str, trigger: str, obj: set[str], **kw: object) -> Frame:  # noqa: N802
    """Shorthand constructor used by the table below."""
    for name in ("subj", "obj_types", "subj_types"):
        if name in kw:
            kw[name] = frozenset(kw[name])  # type: ignore[arg-type]
    return Frame(predicate, trigger, frozenset(obj), **kw)  # type: ignore[arg-type]


_VISIT_SUBJ = ERG | GEN
_STATES = {"Country", "Organization"}
FRAMES: tuple[Frame, ...] = (
    F("visits", "दौरा|दौरे|दौरों", {"का", "के", "की", ""}, subj=_VISIT_SUBJ, obj_types=PLACES, event="visit"),
    F("visits", "रवाना", {"", "के लिए"}, subj=_VISIT_SUBJ, obj_types=PLACES, event="visit", confidence=0.8),
    F("visits", "यात्रा|यात्राएं|यात्राओं|यात्राएँ", {"की", "के", "", "का"}, subj=_VISIT_SUBJ,
      obj_types=PLACES, event="visit"),
    F("visits", "पहुंच*|पहुँच*", {"", "में"}, subj=_VISIT_SUBJ, obj_types=PLACES, event="visit"),
    F("visits", "जाएंगे|जाएगा|जाएगी|जाएंगी|जायेंगे|जायेगा|गए|गये|गया|गई|जाने|जाते|जाता|जाती", {""},
      subj=_VISIT_SUBJ, obj_types=PLACES, event="visit", confidence=0.75),
    # taking part in an event held in a place: "X दिल्ली में आयोजित सम्मेलन में भाग लिया / शिरकत की"
    F("visits", "भाग|हिस्सा + लिया|लिये|लिए|ली|ले*", {"में"}, subj=_VISIT_SUBJ, obj_types=PLACES,
      confidence=0.7, held_in=True),
    F("visits", "शिरकत + की|किया|कर*", {"में"}, subj=_VISIT_SUBJ, obj_types=PLACES, confidence=0.7,
      held_in=True),
    F("visits", "शामिल + हुआ|हुए|हुई|हुईं|होंगे|होगा|होगी|होने", {"में"}, subj=_VISIT_SUBJ, obj_types=PLACES,
      confidence=0.7, held_in=True),
    # addressing an audience in a place: "कीव में मीडिया को संबोधित करते हुए X ने कहा"
    F("visits", "संबोधित", {"में"}, subj=_VISIT_SUBJ, obj_types=PLACES, subj_types={"Person"}, confidence=0.7),
    F("arrivesFrom", "आए|आये|आया|आई|आईं|लौटे|लौटा|लौटी|पहुंचे|पहुंचा|पहुंची", {"से"},
      subj=ERG | {"के"}, obj_types=PLACES, subj_types={"Person", "Organization"}),
    F("meets", "मिल*", {"से"}, subj_types={"Person", "Organization", "Country"},
      obj_types={"Person", "Organization", "Country"}),
    F("meets", "मुलाकात|भेंट|बैठक|वार्ता|बातचीत|शिखर", {"से", "के साथ", "के बीच"}, symmetric=True,
      subj_types={"Person", "Organization", "Country"}, obj_types={"Person", "Organization", "Country"}),
    F("seeksTiesWith",
      "संबंध*|संबन्ध*|रिश्त*|सहयोग|साझेदारी|दोस्ती|मित्रता + मजबूत|बढ़*|बेहतर|गहरा*|प्रगाढ़|सुधार*|बहाल|सामान्य|स्थापित"
      "|बरकरार|विकसित|कायम",  # kept up, developing: "संबंध लगातार विकसित हो रहे हैं"
      {"के साथ", "से", "में", "के बीच"}, subj=ERG | {"के", "की"}, symmetric=True, agent_after_object=True),
    # an adjective of close ties before the noun: "भारत और रूस के बीच एक पुराना रिश्ता"
    F("seeksTiesWith", "पुराना|पुराने|ऐतिहासिक|घनिष्ठ|करीबी|गहरे|गहरा|मधुर|मजबूत + रिश्त*|संबंध*|दोस्ती|साझेदारी",
      {"के साथ", "से", "के बीच"}, subj=ERG | {"के", "की", "का"}, symmetric=True, confidence=0.7,
      agent_after_object=True),  # "रूस के साथ भारत के ऐतिहासिक संबंध": the genitive after the partner
    F("seeksTiesWith", "करीब + आ*|हो*|जा*|ला*", {"के"}, confidence=0.7),  # "पाकिस्तान चीन के करीब होता जा रहा"
    F("signsAgreementWith", "समझौत*|संधि|करार|सौद* + हस्ताक्षर*|किया|किए|किये|की|करेंगे|करेगा|हुआ|हुए",
      {"के साथ", "से"}, symmetric=True, event="agreement", confidence=0.9, gap_cases=False),
    F("signsAgreementWith", "हस्ताक्षर*", {"के साथ", "से"}, symmetric=True, event="agreement"),
    F("signsAgreementWith", "सहमति + बनी|बन*|हुई", {"के साथ", "से"}, symmetric=True,
      event="agreement", confidence=0.75),
    # "X ने Y के साथ ... पर सहमति जताई": agreed with a partner named; "दोनों ने ... पर सहमति जताई"
    # only states an opinion both share, no agreement between them
    F("signsAgreementWith", "सहमति + जता*|दी|व्यक्त", {"के साथ", "से"}, symmetric=True,
      event="agreement", confidence=0.7, pair_subjects=False),
    F("signsAgreementWith", "समझौत*|संधि|करार|डील", {"के बीच"}, symmetric=True, event="agreement",
      subj=frozenset(), confidence=0.8),
    # "UAE के साथ भारत के ... समझौते": the agent's genitive after the partner
    F("signsAgreementWith", "समझौत*|संधि|करार|डील", {"के साथ"}, subj=GEN, symmetric=True, event="agreement",
      agent_after_object=True, confidence=0.7),
    # a prisoner swap between states is a deal between them: "X और Y ने कैदियों की अदला-बदली की",
    # "X और Y के बीच अदला-बदली" (the swapped persons are no parties: states and bodies only)
    F("signsAgreementWith", "अदला|अदल + बदली + की|किया|किए|किये|हुई|हुआ|कर*", {"के साथ", "से"}, symmetric=True,
      subj_types=_STATES, obj_types=_STATES, confidence=0.75),
    F("signsAgreementWith", "अदला|अदल + बदली", {"के बीच"}, subj=frozenset(), symmetric=True,
      subj_types=_STATES, obj_types=_STATES, confidence=0.7),
    F("criticizes", "आलोचना|निंदा|फटकार|भर्त्सना", {"की", "को", "के"}, confidence=0.8),
    F("criticizes", "निशाना + साध*", {"पर"}, confidence=0.75),
    F("criticizes", "आड़े + हाथों", {"को"}, confidence=0.75),
    F("criticizes", "चेतावनी + दी|दे*|दिया|जारी", {"को"}, confidence=0.7),
    F("criticizes", "नाराज|नाराज़|खफा", {"से"}, confidence=0.65),
    F("accuses", "आरोप + लगा*", {"पर"}, obj_types={"Person", "Organization", "Country", "City"}),
    F("accuses", "दोषी|जिम्मेदार|ज़िम्मेदार + ठहरा*", {"को"}),
    # "X ने Y को ... का जिम्मेदार बताया"; a ministry speaks through a statement: "X की तरफ से एक बयान में"
    F("accuses", "दोषी|जिम्मेदार|ज़िम्मेदार + बताया|बताते|बताता|बताती|बताए|करार", {"को"},
      subj=ERG | {"की तरफ से", "की ओर से"}, confidence=0.75),
    F("issuesArrestWarrantFor", "वारंट + जारी", {"के लिए", "के खिलाफ", "के विरुद्ध", "को", "का", "की"},
      obj_types={"Person"}, subj_types={"Organization", "Country", "Person"}, event="warrant",
      confidence=0.9),
    F("rejects", "खारिज|अस्वीकार|ठुकरा*|नकार*", {"को", ""}, subj_types=AGENTS),
    F("rejects", "मान्यता + नहीं", {"को", "के"}, subj_types=AGENTS, obj_types={"Organization"},
      confidence=0.7),
    F("sanctions", "प्रतिबंध*|पाबंदी*|पाबंदियां + लगा*|थोप*|लगाए|लगाया|लगाने", {"पर", "के खिलाफ"}),
    F("sanctions", "प्रतिबंध* + सामना", {""}, subj={"के", "के नेतृत्व वाले", "के नेतृत्व में", "द्वारा"},
      swap=True, confidence=0.8),
    # "रूस पर पश्चिमी देशों के प्रतिबंध": the sanctions named, their imposer's genitive after the target
    F("sanctions", "प्रतिबंध*|पाबंदी*", {"पर"}, subj=GEN, agent_after_object=True, confidence=0.7),
    F("attacks", "हमल*|आक्रमण|चढ़ाई|बमबारी|गोलाबारी|एयरस्ट्राइक*|स्ट्राइक", {"पर", "के खिलाफ"}, subj=ERG | GEN,
      confidence=0.8, agent_after_object=True),
    # the English loan takes a "को" object too: "रूसी ठिकानों को अटैक किया"
    F("attacks", "अटैक + कर*|किया|किए|किये|की", {"पर", "को", "के खिलाफ"}, confidence=0.75, gap_cases=False),
    # the place attacked as a genitive or locative, the attacker a demonym or genitive right before
    # the noun: "यूक्रेन के रूसी आक्रमण के दसवें दिन", "शहर में रूसी हमले" (no other subject)
    F("attacks", "हमल*|आक्रमण|बमबारी|गोलाबारी|युद्ध|जंग", {"के", "में"}, subj=GEN, obj_types=PLACES,
      confidence=0.65, agent_after_object=True, agent_before_noun=True),
    # "यूक्रेन के खिलाफ रूस का युद्ध", "जॉर्जिया के खिलाफ रूस की सैन्य कार्रवाई"
    F("attacks", "युद्ध|जंग|लड़ाई", {"के खिलाफ"}, subj=GEN, confidence=0.7, agent_after_object=True),
    F("attacks", "बढ़*", {"की ओर"}, obj_types={"City", "Region"}, subj_types={"Country", "Organization"},
      confidence=0.6),  # an army advancing on a city
    F("attacks", "कब्जा|कब्ज़ा|कब्जे|कब्ज़े", {"पर", "के"}, subj=ERG | GEN, confidence=0.75,
      agent_after_object=True),
    F("attacks", "निशाना + बना*", {"को"}, confidence=0.75),
    # an army seizing ground in or entering a place: "पूर्वी यूक्रेन में 30 किलोमीटर तक कब्जा कर लिया",
    # "उसकी सेनाएं वोवचांस्क में प्रवेश कर गई हैं", "कुर्स्क में घुसपैठ की"
    F("attacks", "कब्जा|कब्ज़ा|प्रवेश|घुसपैठ|दाखिल + कर*|किया|की|हो*|हु*|जमा*", {"में"}, obj_types=PLACES,
      subj_types={"Country", "Organization"}, confidence=0.7),
    F("attacks", "मार + गिरा*", {"को"}, confidence=0.7),
    F("attacks", "युद्ध|जंग + छेड़*|शुरू", {"के खिलाफ", "से", "पर"}, confidence=0.75),
    F("attacks", "सैन्य + कार्रवाई*|अभियान", {"में", "पर", "के खिलाफ"}, subj=ERG | GEN, confidence=0.7,
      agent_after_object=True),
    F("expressesConcernAbout", "चिंता + व्यक्त|जता*|जाहिर|प्रकट", {"पर", "के बारे में", "को लेकर"},
      confidence=0.75),
    F("providesMilitaryAid",
      "हथियार*|गोला-बारूद|सैन्य|मिसाइल*|टैंक*|रक्षा|लड़ाकू|ड्रोन|गोले + प्रदान|दे*|दी|दिए|दिया|भेज*|आपूर्ति|सप्लाई|मुहैया"
      "|पहुंचाए*|पहुंचाय*|पहुंचाई|पहुंचात*|पहुंचान*", {"को"},
      obj_types={"Country", "Organization", "Person", "City"}, confidence=0.8),
    F("providesEconomicAid", "आर्थिक|वित्तीय|मानवीय + सहायता|मदद|पैकेज + प्रदान|दे*|दी|दिए|दिया|भेज*|मुहैया"
      "|पहुंचाए*|पहुंचाय*|पहुंचाई|पहुंचात*|पहुंचान*", {"को"},
      confidence=0.8),
    F("providesEconomicAid", "किस्त|ऋण|कर्ज|अनुदान|बेलआउट|राहत + जारी|दे*|दी|दिए|दिया|मंजूर|प्रदान|स्वीकृत",
      {"को", "के लिए"}, obj_types={"Country", "Organization", "Region"}, confidence=0.75),
    F("denies", "इनकार|इंकार|खंडन", {"के आरोपों से", "के दावों से", "के आरोप", "के दावे"},
      confidence=0.75),
    F("supports", "समर्थन", {"का", "के"}, confidence=0.75),
    F("supports", "साथ + दिया|दिए|दे*|देगा|देंगे", {"का"}, confidence=0.7),
    F("supports", "तारीफ|तारीफें|प्रशंसा|सराहना", {"की", "के"}, confidence=0.75),
    F("supports", "मदद|सहायता + की|कर*|दी|दे*|देगा|देंगे|दिया", {"की", "को"}, confidence=0.7),
    F("supports", "खड़ा|खड़े|खड़ी", {"के साथ"}, confidence=0.7),  # "ईरान रूस के साथ खड़ा है"
    # a protest lodged with a state: "X ने Y से विरोध जताया" (before the frame below, which would
    # take "इस पर" for its object)
    F("criticizes", "विरोध + जता*|दर्ज", {"से"}, confidence=0.7),
    F("criticizes", "विरोध + किया|करते|करता|करती|कर*|जता*", {"का"}, confidence=0.7),
    F("urges", "मांग|माँग", {"से"}, confidence=0.7),
    F("urges", "आग्रह|अपील|आह्वान", {"से"}, confidence=0.8),
    F("invites", "आमंत्रित|न्योता|निमंत्रण", {"को"}, confidence=0.8),
    F("awards", "सम्मानित", {"को"}, obj_types={"Person", "Organization"}, confidence=0.8),
    F("awards", "पुरस्कार|सम्मान|पदक + प्रदान|दिया|दी|दिए", {"को"}, obj_types={"Person", "Organization"},
      confidence=0.75),
    F("releases", "रिहा|रिहाई", {"को", "की"}, obj_types={"Person", "Organization"}, confidence=0.8),
    # "X को आजाद कर दिया": the other common verb for freeing a prisoner
    F("releases", "आजाद|आज़ाद + कर*|किया|किए|किये|की", {"को"}, obj_types={"Person"}, confidence=0.75,
      gap_cases=False),
    F("releases", "जमानत|ज़मानत + दे*|दी|दिया|मंजूर|मिल*", {"को"}, obj_types={"Person"}, confidence=0.75),
    F("memberOf", "सदस्य", {"का", "के", "की"}, subj=frozenset({""}), obj_types={"Organization"},
      confidence=0.7),
    F("partOf", "हिस्सा|अंग", {"का", "के"}, subj=frozenset({""}), confidence=0.7),
    # "X एफएसबी से जुड़ा अधिकारी है": tied to an organization ("अल-कायदा से जुड़े संगठन X": phrase_relations)
    F("affiliatedWith", "जुड़ा|जुड़े|जुड़ी", {"से"}, subj=frozenset({""}),
      obj_types={"Organization"}, subj_types={"Person", "Organization"}, confidence=0.7, copula_after=True),
    # "फिनलैंड नाटो में शामिल हो गया": joining an organization makes a member
    F("memberOf", "शामिल + हो*|हु*", {"में"}, subj=frozenset({"", "ने"}), obj_types={"Organization"},
      subj_types={"Country", "Organization", "Person"}, confidence=0.7),
)

# Predicates that, stated between leaders, also hold between their states.
DERIVE_STATE = frozenset({"signsAgreementWith"})

EVENT_KINDS = {
    "visit": ("यात्रा", "दौरा", "दौरे", "यात्राओं", "यात्राएं"),
    "warrant": ("वारंट",),
    "agreement": ("समझौता", "समझौते", "संधि", "करार"),
}
