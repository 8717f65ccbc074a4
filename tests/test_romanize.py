"""Tests for :mod:`kg.romanize` (Devanagari names -> English-style labels).

``NAMES`` lists 88 names as Hindi newspapers write them, with the spelling the
English press uses. Names the rules cannot reach (English vowel qualities, press
conventions such as Tharoor/Owaisi/Mamata, vowels kept in Sanskrit compounds) are kept in the
list as strict ``xfail`` so the reported accuracy stays honest: 49/88 exact (56 %),
139/189 words (74 %); without ``WORD_OVERRIDES`` 38/88.

A well-known person does not depend on the romanizer: the pipeline gives them the English
label of the lexicon (``kg/data/people.tsv``), checked by ``test_known_people_get_the_lexicon_label``.
"""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

import kg
from kg.romanize import INITIALS, WORD_OVERRIDES, romanize, romanize_word

MISS = pytest.mark.xfail(strict=True, reason="convention not derivable from the Hindi spelling")

NAMES = [
    ("पुतिन", "Putin"),
    ("व्लादिमीर पुतिन", "Vladimir Putin"),
    ("गुयेन फु ट्रोंग", "Nguyen Phu Trong"),
    ("टो लैम", "To Lam"),
    ("किम जोंग उन", "Kim Jong Un"),
    ("रणधीर जायसवाल", "Randhir Jaiswal"),
    ("नरेंद्र मोदी", "Narendra Modi"),
    ("अमित शाह", "Amit Shah"),
    pytest.param("ममता बनर्जी", "Mamata Banerjee", marks=MISS),  # gives Mamta Banerjee
    pytest.param("जो बाइडन", "Joe Biden", marks=MISS),  # gives Jo Biden
    ("डोनाल्ड ट्रंप", "Donald Trump"),
    ("शी जिनपिंग", "Xi Jinping"),
    ("बेंजामिन नेतन्याहू", "Benjamin Netanyahu"),
    ("वोलोदिमीर ज़ेलेंस्की", "Volodymyr Zelensky"),
    ("शेख हसीना", "Sheikh Hasina"),
    ("राहुल गांधी", "Rahul Gandhi"),
    ("सोनिया गांधी", "Sonia Gandhi"),
    ("अरविंद केजरीवाल", "Arvind Kejriwal"),
    ("योगी आदित्यनाथ", "Yogi Adityanath"),
    ("नीतीश कुमार", "Nitish Kumar"),
    ("अखिलेश यादव", "Akhilesh Yadav"),
    ("मनमोहन सिंह", "Manmohan Singh"),
    ("राजनाथ सिंह", "Rajnath Singh"),
    ("शिवराज सिंह चौहान", "Shivraj Singh Chauhan"),
    pytest.param("अश्विनी वैष्णव", "Ashwini Vaishnaw", marks=MISS),  # gives Ashwini Vaishnav
    ("पीयूष गोयल", "Piyush Goyal"),
    ("एस जयशंकर", "S. Jaishankar"),
    ("निर्मला सीतारमण", "Nirmala Sitharaman"),
    ("इमरान खान", "Imran Khan"),
    ("अनवर इब्राहिम", "Anwar Ibrahim"),
    ("कमला हैरिस", "Kamala Harris"),
    ("बोरिस जॉनसन", "Boris Johnson"),
    ("ऋषि सुनक", "Rishi Sunak"),
    pytest.param("मोहम्मद यूनुस", "Muhammad Yunus", marks=MISS),  # gives Mohammad Yunus
    pytest.param("अयातुल्ला अली खामेनेई", "Ayatollah Ali Khamenei", marks=MISS),  # gives Ayatullah Ali Khamenei
    pytest.param("महमूद अब्बास", "Mahmoud Abbas", marks=MISS),  # gives Mahmud Abbas
    ("प्रियंका गांधी", "Priyanka Gandhi"),
    ("लालू प्रसाद यादव", "Lalu Prasad Yadav"),
    ("कृष्ण कुमार", "Krishna Kumar"),
    ("इंदिरा गांधी", "Indira Gandhi"),
    ("भीमराव आंबेडकर", "Bhimrao Ambedkar"),
    ("ज्ञानेश कुमार", "Gyanesh Kumar"),
    ("उपेंद्र द्विवेदी", "Upendra Dwivedi"),
    pytest.param("कमलनाथ", "Kamal Nath", marks=MISS),  # gives Kamalnath
    pytest.param("हिमंत बिस्वा सरमा", "Himanta Biswa Sarma", marks=MISS),  # gives Himant Biswa Sarma
    ("मोहन भागवत", "Mohan Bhagwat"),
    ("अनुराग ठाकुर", "Anurag Thakur"),
    ("हेमंत सोरेन", "Hemant Soren"),
    ("चंद्रबाबू नायडू", "Chandrababu Naidu"),
    ("गौतम अडानी", "Gautam Adani"),
    ("मुकेश अंबानी", "Mukesh Ambani"),
    ("रतन टाटा", "Ratan Tata"),
    ("ज़ाकिर हुसैन", "Zakir Hussain"),
    pytest.param("उमर अब्दुल्ला", "Omar Abdullah", marks=MISS),  # gives Umar Abdullah
    ("महात्मा गांधी", "Mahatma Gandhi"),
    ("सरदार वल्लभभाई पटेल", "Sardar Vallabhbhai Patel"),
    ("लाल बहादुर शास्त्री", "Lal Bahadur Shastri"),
    ("ओलाफ शोल्ज", "Olaf Scholz"),
    pytest.param("मोहम्मद बिन सलमान", "Mohammed bin Salman", marks=MISS),  # gives Mohammad Bin Salman
    pytest.param("बशर अल-असद", "Bashar al-Assad", marks=MISS),  # gives Bashar Al-Asad
    pytest.param("गुयेन खाक गियांग", "Nguyen Khac Giang", marks=MISS),  # gives Nguyen Khak Giang
    pytest.param("इमैनुएल मैक्रों", "Emmanuel Macron", marks=MISS),  # gives Imainuel Macron
    pytest.param("शहबाज शरीफ", "Shahbaz Sharif", marks=MISS),  # gives Shahbaj Sharif
    pytest.param("नवाज शरीफ", "Nawaz Sharif", marks=MISS),  # gives Navaj Sharif
    pytest.param("रेचेप तैयप एर्दोगन", "Recep Tayyip Erdogan", marks=MISS),  # gives Rechep Taiyap Erdogan
    pytest.param("सर्गेई लावरोव", "Sergei Lavrov", marks=MISS),  # gives Sargei Lavrov
    pytest.param("दिमित्री पेस्कोव", "Dmitry Peskov", marks=MISS),  # gives Dimitri Peskov
    pytest.param("एंटोनियो गुटेरेस", "Antonio Guterres", marks=MISS),  # gives Entonio Guteres
    pytest.param("फुमियो किशिदा", "Fumio Kishida", marks=MISS),  # gives Phumio Kishida
    pytest.param("तेजस्वी यादव", "Tejashwi Yadav", marks=MISS),  # gives Tejaswi Yadav
    pytest.param("मायावती", "Mayawati", marks=MISS),  # gives Mayavati
    pytest.param("द्रौपदी मुर्मू", "Draupadi Murmu", marks=MISS),  # gives Draupdi Murmu
    pytest.param("अजीत डोभाल", "Ajit Doval", marks=MISS),  # gives Ajit Dobhal
    pytest.param("जवाहरलाल नेहरू", "Jawaharlal Nehru", marks=MISS),  # gives Javaharlal Nehru
    pytest.param("अटल बिहारी वाजपेयी", "Atal Bihari Vajpayee", marks=MISS),  # gives Atal Bihari Vajpeyi
    pytest.param("भगवंत मान", "Bhagwant Mann", marks=MISS),  # gives Bhagwant Man
    pytest.param("असदुद्दीन ओवैसी", "Asaduddin Owaisi", marks=MISS),  # gives Asduddin Ovaisi
    pytest.param("शशि थरूर", "Shashi Tharoor", marks=MISS),  # gives Shashi Tharur
    pytest.param("पिनाराई विजयन", "Pinarayi Vijayan", marks=MISS),  # gives Pinarai Vijayan
    pytest.param("सिद्धारमैया", "Siddaramaiah", marks=MISS),  # gives Siddharmaiya
    pytest.param("फ़ारूक़ अब्दुल्ला", "Farooq Abdullah", marks=MISS),  # gives Faruq Abdullah
    pytest.param("सुभाष चंद्र बोस", "Subhash Chandra Bose", marks=MISS),  # gives Subhash Chandra Bos
    pytest.param("एलन मस्क", "Elon Musk", marks=MISS),  # gives Elan Mask
    pytest.param("जस्टिन ट्रूडो", "Justin Trudeau", marks=MISS),  # gives Jastin Trudo
    pytest.param("जॉर्जिया मेलोनी", "Giorgia Meloni", marks=MISS),  # gives Jorjia Meloni
    pytest.param("यून सुक योल", "Yoon Suk Yeol", marks=MISS),  # gives Yun Suk Yol
    pytest.param("मसूद पेजेशकियन", "Masood Pezeshkian", marks=MISS),  # gives Masud Pejeshkian
    pytest.param("आंग सान सू ची", "Aung San Suu Kyi", marks=MISS),  # gives Ang San Su Chi
]


@pytest.mark.parametrize(("hindi", "english"), NAMES)
def test_names(hindi: str, english: str) -> None:
    assert romanize(hindi) == english


def _plain(param: object) -> tuple[str, str]:
    return tuple(param.values) if hasattr(param, "values") else param  # type: ignore[return-value]


def test_accuracy_floor() -> None:
    pairs = [_plain(p) for p in NAMES]
    exact = sum(romanize(h) == e for h, e in pairs)
    assert len(pairs) >= 40
    assert exact / len(pairs) >= 0.55  # 49/88 with the English press's spellings


NOT_IN_LEXICON = pytest.mark.xfail(
    strict=True, reason="spelling variant that kg.nlp.names.PersonIndex does not join to the lexicon person")


@pytest.mark.parametrize(("hindi", "english"), [
    ("जो बाइडन", "Joe Biden"), ("जो बाइडेन", "Joe Biden"), ("बाइडेन", "Joe Biden"),
    ("एलन मस्क", "Elon Musk"), ("एलॉन मस्क", "Elon Musk"), ("एलोन मस्क", "Elon Musk"),
    ("आंग सान सू ची", "Aung San Suu Kyi"), ("आंग सान सू की", "Aung San Suu Kyi"),
    ("ममता बनर्जी", "Mamata Banerjee"), ("हिमंत बिस्वा सरमा", "Himanta Biswa Sarma"),
    ("उमर अब्दुल्ला", "Omar Abdullah"), ("महमूद अब्बास", "Mahmoud Abbas"), ("बशर अल-असद", "Bashar al-Assad"),
    ("मोहम्मद यूनुस", "Muhammad Yunus"), ("मोहम्मद बिन सलमान", "Mohammed bin Salman"),
    ("अश्विनी वैष्णव", "Ashwini Vaishnaw"),
    pytest.param("जो बायडेन", "Joe Biden", marks=NOT_IN_LEXICON),  # gives Baiden
    pytest.param("आंग सान सूकी", "Aung San Suu Kyi", marks=NOT_IN_LEXICON),  # gives Ang San Suki
    pytest.param("कमलनाथ", "Kamal Nath", marks=pytest.mark.xfail(
        strict=True, reason="Kamal Nath is not in kg/data/people.tsv; the romanizer gives Kamalnath")),
])  # fmt: skip
def test_known_people_get_the_lexicon_label(hindi: str, english: str) -> None:
    graph = kg.build(f"नई दिल्ली में {hindi} ने कहा कि बातचीत जारी रहेगी।")
    people = [e.label for e in graph.entities if e.type == "Person"]
    assert people == [english]


@pytest.mark.parametrize(
    ("hindi", "english"),
    [
        ("पुतिन", "Putin"),  # word-final schwa deleted
        ("नरेंद्र", "Narendra"),  # ... but kept after a conjunct ending in र
        ("कृष्ण", "Krishna"),
        ("गर्ग", "Garg"),
        ("ममता", "Mamta"),  # VC_CV deletion
        ("कमलनाथ", "Kamalnath"),  # right-to-left scan
        ("विजयन", "Vijayan"),  # no deletion before य
        ("मायावती", "Mayavati"),  # -वती keeps its vowel
        ("चंपा", "Champa"),  # anusvara before a labial
        ("गंगा", "Ganga"),
        ("चाँद", "Chand"),  # chandrabindu
        ("ज़फ़र", "Zafar"),  # nukta
        ("ज़फर", "Zafar"),
        ("फूलन", "Phulan"),
        ("ज्ञानेश", "Gyanesh"),
        ("लक्ष्मी", "Lakshmi"),
        ("छत्तीसगढ़", "Chhattisgarh"),
        ("स्वामी", "Swami"),
        ("पार्वती", "Parvati"),
        ("केजरीवाल", "Kejriwal"),
        ("जयपुर", "Jaipur"),
        ("गायत्री", "Gayatri"),
        ("प्रिया", "Priya"),
        ("सोनिया", "Sonia"),
        ("राव", "Rao"),
        ("दुःख", "Duhkh"),
    ],
)
def test_rules(hindi: str, english: str) -> None:
    assert romanize(hindi) == english


def test_passthrough_and_case() -> None:
    assert romanize("ISEAS-यूसुफ इशाक संस्थान") == "ISEAS-Yusuf Ishak Sansthan"
    assert romanize("Putin") == "Putin"
    assert romanize("जी-२०") == "Ji-20"
    assert romanize("") == ""
    assert romanize("  किम  ") == "  Kim  "


def test_initials() -> None:
    assert romanize("एस जयशंकर") == "S. Jaishankar"
    assert romanize("एम. के. स्टालिन") == "M. K. Stalin"
    assert romanize("के") == "Ke"  # a lone word is not an initial


def test_tables_are_consistent() -> None:
    assert len(WORD_OVERRIDES) > 20 and all(v[:1].isupper() for v in WORD_OVERRIDES.values())
    assert sorted(INITIALS.values()) == list("ABCDEFHIJKLMNOPQRSTUVWXYZ")  # no G: जी is "ji"
    assert romanize_word("गुयेन") == "nguyen"


def test_precomposed_nukta_letters() -> None:
    assert romanize("\u095b\u093e\u0915\u093f\u0930") == "Zakir"  # U+095B, not NFC


@given(st.text(alphabet=st.characters(min_codepoint=0x900, max_codepoint=0x97F), max_size=12))
def test_devanagari_always_gives_ascii(text: str) -> None:
    assert romanize(text).isascii()


def test_a_final_aay_of_a_hindi_name_is_ai() -> None:
    assert romanize("विष्णु देव साय") == "Vishnu Dev Sai"
    assert romanize_word("राय") == "rai"
