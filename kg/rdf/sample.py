"""A small hand-made graph mirroring the facts of the seed article.

Used by the doctests, the tests of :mod:`kg.rdf` and ``bench/bench_sparql.py``;
it does not need the extractor. Offsets point into
``seeds/000_f11f25e23ec2aca4.txt``.

Examples
--------
>>> g = sample_graph()
>>> len(g.relations) > 10, g.entity("Q7747").label
(True, 'Vladimir Putin')
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from kg.records import Document, Entity, Evidence, Relation

if TYPE_CHECKING:  # pragma: no cover
    from kg.graph import KnowledgeGraph

__all__ = ["SEED_DOC", "sample_graph"]

SEED_DOC = "000_f11f25e23ec2aca4"

_SENTENCES = {
    89: (229, "HANOI हनोई: रूसी राष्ट्रपति व्लादिमीर पुतिन गुरुवार को अपने पुराने साथी वियतनाम के साथ संबंधों को "
              "मजबूत करने के लिए राजकीय यात्रा पर आए हैं।"),
    502: (671, "वे उत्तर कोरिया से आए हैं, जहां उन्होंने और उत्तर कोरियाई नेता किम जोंग उन ने एक समझौते पर "
               "हस्ताक्षर किए हैं, जिसमें युद्ध की स्थिति में आपसी सहायता का वादा किया गया है।"),
    849: (1008, "हनोई में, रूसी नेता वियतनाम के सबसे शक्तिशाली राजनेता, कम्युनिस्ट पार्टी के महासचिव गुयेन फु "
                "ट्रोंग, नए राष्ट्रपति टो लैम और अन्य अधिकारियों से मिलने वाले हैं।"),
    1079: (1151, "2017 में पुतिन की वियतनाम की अंतिम यात्रा के बाद से बहुत कुछ बदल गया है।"),
    1152: (1238, "रूस अब यूक्रेन पर आक्रमण के लिए अमेरिका के नेतृत्व वाले प्रतिबंधों का सामना कर रहा है।"),
    1239: (1352, "2023 में, हेग में अंतर्राष्ट्रीय आपराधिक न्यायालय ने युद्ध अपराधों के लिए पुतिन के लिए गिरफ्तारी "
                 "वारंट जारी किया।"),
    1353: (1497, 'क्रेमलिन ने इसे "अमान्य और अमान्य" बताते हुए खारिज कर दिया, इस बात पर जोर देते हुए कि मास्को '
                 "न्यायालय के अधिकार क्षेत्र को मान्यता नहीं देता है।"),
    1498: (1683, "सिंगापुर के ISEAS-यूसुफ इशाक संस्थान के विश्लेषक गुयेन खाक गियांग ने कहा कि पुतिन की चीन और अब "
                 'उत्तर कोरिया और वियतनाम की हालिया यात्राएं "अंतर्राष्ट्रीय अलगाव को तोड़ने" का प्रयास हैं।'),
    1684: (1990, "अमेरिका और उसके सहयोगियों ने संभावित हथियार व्यवस्था पर बढ़ती चिंता व्यक्त की है जिसमें प्योंगयांग "
                 "आर्थिक सहायता और प्रौद्योगिकी हस्तांतरण के बदले में मास्को को यूक्रेन में इसके उपयोग के लिए बेहद "
                 "जरूरी हथियार प्रदान करता है जो किम के परमाणु हथियारों और मिसाइल कार्यक्रम द्वारा उत्पन्न खतरे को "
                 "बढ़ा सकता है।"),
    1991: (2149, "दोनों देश हथियारों के हस्तांतरण के आरोपों से इनकार करते हैं, जो कई संयुक्त राष्ट्र सुरक्षा परिषद "
                 "प्रतिबंधों का उल्लंघन करेगा जिसका रूस ने पहले समर्थन किया था।"),
}  # fmt: skip

# id, English label, Hindi label, type, QID
_ENTITIES = [
    ("Q7747", "Vladimir Putin", "व्लादिमीर पुतिन", "Person", "Q7747"),
    ("Q881", "Vietnam", "वियतनाम", "Country", "Q881"),
    ("Q159", "Russia", "रूस", "Country", "Q159"),
    ("Q423", "North Korea", "उत्तर कोरिया", "Country", "Q423"),
    ("Q56226", "Kim Jong Un", "किम जोंग उन", "Person", "Q56226"),
    ("Q47488", "International Criminal Court", "अंतर्राष्ट्रीय आपराधिक न्यायालय", "Organization", "Q47488"),
    ("Q1858", "Hanoi", "हनोई", "City", "Q1858"),
    ("Q36600", "The Hague", "हेग", "City", "Q36600"),
    ("Q30", "United States", "अमेरिका", "Country", "Q30"),
    ("nguyen-phu-trong", "Nguyen Phu Trong", "गुयेन फु ट्रोंग", "Person", None),
    ("to-lam", "To Lam", "टो लैम", "Person", None),
    ("nguyen-khac-giang", "Nguyen Khac Giang", "गुयेन खाक गियांग", "Person", None),
    ("iseas-yusof-ishak-institute", "ISEAS-Yusof Ishak Institute", "ISEAS-यूसुफ इशाक संस्थान", "Organization", None),  # noqa: E501
    ("kremlin", "Kremlin", "क्रेमलिन", "Organization", None),
    ("icc-arrest-warrant-for-putin", "ICC arrest warrant for Putin", "पुतिन के लिए गिरफ्तारी वारंट", "Event", None),  # noqa: E501
]  # fmt: skip

_ALIASES = {"Q7747": ["पुतिन", "Putin"], "Q159": ["मास्को"], "Q423": ["प्योंगयांग", "उत्तर कोरियाई"]}

# subject, predicate, object, sentence start, extra fields
_RELATIONS = [
    ("Q7747", "visits", "Q881", 89, {"time": "2024-06-20", "place": "Q1858", "confidence": 0.9}),
    ("Q7747", "leads", "Q159", 89, {"role": "President", "confidence": 0.85}),
    ("Q1858", "locatedIn", "Q881", 89, {"confidence": 0.6, "derived": True}),
    ("Q7747", "arrivesFrom", "Q423", 502, {"time": "2024-06-20", "confidence": 0.8}),
    ("Q7747", "signsAgreementWith", "Q56226", 502, {"confidence": 0.85}),
    ("Q159", "signsAgreementWith", "Q423", 502, {"confidence": 0.7, "derived": True}),
    ("Q56226", "leads", "Q423", 502, {"role": "leader", "confidence": 0.8}),
    ("Q7747", "meets", "nguyen-phu-trong", 849, {"modality": "planned", "place": "Q1858", "confidence": 0.75}),  # noqa: E501
    ("Q7747", "meets", "to-lam", 849, {"modality": "planned", "place": "Q1858", "confidence": 0.75}),
    ("Q7747", "visits", "Q881", 1079, {"time": "2017", "confidence": 0.8}),
    ("Q30", "sanctions", "Q159", 1152, {"confidence": 0.7}),
    ("Q47488", "issuesArrestWarrantFor", "Q7747", 1239, {"time": "2023", "place": "Q36600", "confidence": 0.9}),  # noqa: E501
    ("kremlin", "rejects", "icc-arrest-warrant-for-putin", 1353, {"confidence": 0.7}),
    ("nguyen-khac-giang", "affiliatedWith", "iseas-yusof-ishak-institute", 1498, {"confidence": 0.8}),
    ("Q30", "expressesConcernAbout", "Q423", 1684, {"confidence": 0.6}),
    ("Q423", "providesMilitaryAid", "Q159", 1684, {"modality": "alleged", "confidence": 0.6}),
    ("Q423", "providesMilitaryAid", "Q159", 1991, {"modality": "denied", "confidence": 0.65}),
]  # fmt: skip


def sample_graph() -> KnowledgeGraph:
    """The seed-article facts as a :class:`~kg.graph.KnowledgeGraph`.

    Returns
    -------
    KnowledgeGraph
        One document (:data:`SEED_DOC`), 15 entities and 17 relations.
    """
    from kg.graph import KnowledgeGraph

    ents = {
        eid: Entity(eid, en, hi, typ, qid, aliases=list(_ALIASES.get(eid, [])))
        for eid, en, hi, typ, qid in _ENTITIES
    }
    rels = []
    for subj, pred, obj, start, extra in _RELATIONS:
        end, sentence = _SENTENCES[start]
        fields = dict(extra)
        place = fields.pop("place", None)
        rels.append(
            Relation(ents[subj], pred, ents[obj], place=ents[place] if place else None,
                     evidence=[Evidence(SEED_DOC, start, end, sentence)], **fields)
        )  # fmt: skip
    doc = Document(
        id=SEED_DOC, text="", date="2024-06-20", language="hi",
        title="Putin वियतनाम यात्रा के माध्यम से दक्षिण पूर्व एशिया में संबंधों को करना चाहते हैं मजबूत",
        source="Associated Press (AP), Hindi version", path=f"seeds/{SEED_DOC}.txt",
    )  # fmt: skip
    return KnowledgeGraph([doc], ents.values(), rels)
