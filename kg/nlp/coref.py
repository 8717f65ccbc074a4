"""Turn mentions into relation arguments and resolve references for news Hindi.

Builds ``doc._.kg_args`` (a list of :class:`~kg.nlp.args.Arg`) and
``doc._.kg_titles`` (:class:`~kg.nlp.args.TitleLink`):

- a title between a modifier and a name (``रूसी राष्ट्रपति व्लादिमीर पुतिन``,
  ``कम्युनिस्ट पार्टी के महासचिव गुयेन फु ट्रोंग``) links the person to the
  modifier; a demonym used that way is not an argument itself;
- role nouns without a name (``रूसी नेता``) resolve to the person known to hold
  the role, from the article or the curated lexicon;
- personal pronouns (``वे``, ``उन्होंने``) resolve to the latest person;
- ``दोनों देश`` resolves to the latest coordinated pair;
- a bare head noun (``न्यायालय``, ``देश``) resolves to the latest matching
  organization, or to the dateline's country for ``देश``.
"""

from __future__ import annotations

import bisect
import re

from spacy.tokens import Doc, Span

from kg.nlp.args import ARGS, TITLES, Arg, TitleLink
from kg.nlp.canonical import ENTITIES, add_entry
from kg.nlp.coref_objects import OBJECT_CUES, object_pronoun
from kg.nlp.coref_pairs import earlier_group, latest_pair, reciprocal, with_chains
from kg.nlp.entities import GENITIVE_TITLES, MENTIONS, NORMS
from kg.nlp.lexicon import Lexicon, is_leader_role
from kg.nlp.markers import floating_both
from kg.nlp.normalize import match_key
from kg.nlp.roles import Roles, article_date, load_roles
from kg.nlp.sentences import dateline
from kg.nlp.state import doc_value

__all__ = ["Coreference", "PRONOUNS"]

PRONOUNS = {"वे", "वह", "उन्होंने", "उसने", "उन्हें", "उनका", "उनके", "उनकी", "उन्हों"}
_PRE_TITLE = {"नए", "नई", "नया", "पूर्व", "वरिष्ठ", "तत्कालीन", "मौजूदा", "वर्तमान", "कार्यवाहक",
              "शीर्ष", "मुख्य"}
_NOMINATIVE = {"वे", "वह", "उन्होंने", "उसने", "उन्हों"}
_WINDOW = 40  # arguments looked back at when resolving a reference
_GOVERNMENT = {"सरकार", "प्रशासन", "शासन"}
_AND = {"और", "तथा", "एवं", "व"}
_DEVANAGARI = re.compile("[\u0900-\u097F]+")
_SINGULAR_AGENTS = {"उसने", "इसने"}
_BODIES = {"Country", "Organization"}
_GENERIC_LEADERS = {"leader", "head"}  # "रूसी नेता": whoever leads the country
_PARTICLES = {"ही", "भी"}  # emphatic particles: "दोनों ही देश"
# words before a bare head noun that make it no definite reference: quantities and numerals
_NOT_DEFINITE = frozenset({"दोनों", "कई", "अन्य", "सदस्य", "सभी", "इन", "उन", "कुछ", "अनेक", "तमाम",
                           *(match_key(w) for w in "दो तीन चार पांच पाँच छह सात आठ नौ दस".split())})
_OBLIQUE = {"को", "से", "का", "की", "के", "पर", "में", "तक", "द्वारा"}
_GROUP_NOUNS: dict[str, str | None] = {
    "देश": "Country", "देशों": "Country", "नेता": "Person", "नेताओं": "Person",
    "पक्ष": None, "पक्षों": None, "गुट": None, "गुटों": None, "सरकारें": None, "सरकारों": None,
}


class Coreference:
    """Build relation arguments from mentions and resolve references (see module doc)."""

    def __init__(self, lexicon: Lexicon, roles: Roles | None = None) -> None:
        self.lexicon = lexicon
        self.roles = roles if roles is not None else load_roles()
        self._titles = {tuple(k.split()): v for k, v in lexicon.person_titles.items()}
        self._max_title = max((len(k) for k in self._titles), default=1)
        self._title_starts = {words[0] for words in self._titles}
        self._cues = (PRONOUNS | _SINGULAR_AGENTS | OBJECT_CUES | {"दोनों", "देश", "एक"}
                      | set(lexicon.org_heads) | self._title_starts)

    def __call__(self, doc: Doc) -> Doc:
        sent_of = _sentence_index(doc)
        args = [self._from_mention(m, sent_of) for m in doc.spans.get(MENTIONS, [])]
        titles = self._link_titles(doc, args)
        args = [a for a in args if not a.extra.get("modifier")]
        args += self._references(doc, args, titles, sent_of)
        args.sort(key=lambda a: (a.start, a.end))
        doc._.set(ARGS, args)
        doc._.set(TITLES, titles)
        return doc

    def _from_mention(self, span: Span, sent_of: list[int]) -> Arg:
        arg = Arg(span.start, span.end, (span.kb_id_,), span.label_, span.id_, sent_of[span.start])
        if span.id_ == "metonym":  # "कीव": the government, but the city when attacked or visited
            city = self.lexicon.entries.get(self.lexicon.names.get(match_key(span.text), ""))
            if city is not None and city.type == "City":
                arg.extra["city"] = city.key
        return arg

    def _title_before(self, doc: Doc, end: int) -> tuple[int, str] | None:
        """A person title ending at token ``end`` (exclusive): (start, English role)."""
        norms = doc._.get(NORMS) or [t.norm_ for t in doc]
        for size in range(self._max_title, 0, -1):
            start = end - size
            if start >= 0 and (words := tuple(norms[start:end])) in self._titles:
                if words in GENITIVE_TITLES and (start == 0 or norms[start - 1] not in {"के", "की", "का"}):
                    continue  # "प्रमुख" is "head" only in "X के प्रमुख"; elsewhere it means "main"
                return start, self._titles[words]
        return None

    def _link_titles(self, doc: Doc, args: list[Arg]) -> list[TitleLink]:
        by_end = {a.end: a for a in args}
        links = []
        for arg in args:
            if arg.type != "Person" or arg.kind not in {"name", "title", "model"}:
                continue
            found = self._title_before(doc, arg.start)
            if found is None:
                continue
            start, role = found
            while start > 0 and doc[start - 1].norm_ in self.lexicon.org_words and start not in by_end:
                start -= 1  # "पर्यावरण मंत्री": the portfolio is part of the title
                role = f"{self.lexicon.org_words[doc[start].norm_]} {role}"
            genitive = start > 1 and doc[start - 2].norm_ in {"के", "की", "का"}
            if genitive and (doc[start - 1].norm_,) in self._titles:
                start -= 1  # "पार्टी के राष्ट्रपति उम्मीदवार": a title noun compounded with the title
                role = f"{self._titles[(doc[start].norm_,)]} {role}"
            while start > 0 and doc[start - 1].norm_ in _PRE_TITLE:
                start -= 1
            anchor = self._anchor(doc, start, by_end)
            if anchor is not None:
                start = anchor.start  # the title phrase starts at its anchor
            links.append(TitleLink(arg.keys[0], role, anchor.keys[0] if anchor else None,
                                   anchor.type if anchor else None, start, arg.end, is_leader_role(role)))
        return links

    @staticmethod
    def _anchor(doc: Doc, title_start: int, by_end: dict[int, Arg]) -> Arg | None:
        """The demonym, country or organization that a title is held in, if stated."""
        i = title_start
        if i in by_end and (by_end[i].kind == "demonym" or by_end[i].type in {"Organization", "Country"}):
            by_end[i].extra["modifier"] = True  # "रूसी राष्ट्रपति", "संयुक्त राष्ट्र महासचिव"
            return by_end[i]
        if i > 0 and doc[i - 1].norm_ in {"के", "की", "का"} and (i - 1) in by_end:
            by_end[i - 1].extra["anchor"] = True  # "भारत के प्रधानमंत्री ...": not the clause subject
            return by_end[i - 1]
        if i > 1 and doc[i - 1].norm_ in {"के", "की"} and doc[i - 2].norm_ in _GOVERNMENT:
            # "बांग्लादेश की अंतरिम सरकार के प्रमुख": the head of a country's government
            for j in range(i - 3, max(i - 6, 0), -1):
                if doc[j].norm_ in {"की", "के"} and j in by_end and by_end[j].type == "Country":
                    by_end[j].extra["anchor"] = True
                    return by_end[j]
        return None

    def _references(self, doc: Doc, args: list[Arg], titles: list[TitleLink],
                    sent_of: list[int]) -> list[Arg]:
        taken = {i for a in args for i in range(a.start, a.end)}
        demonyms = {a.end: a for a in args if a.kind == "demonym"}
        found: list[Arg] = []
        people = {a.start for a in args if a.type == "Person"}  # where a named person starts
        ordered = sorted(args, key=lambda a: a.end)
        ends = [a.end for a in ordered]
        norms = doc._.get(NORMS) or [t.norm_ for t in doc]
        for i, norm in enumerate(norms):
            if i in taken or not (norm in self._cues or i in demonyms):
                continue
            k = bisect.bisect_right(ends, i)
            before = [a for a in ordered[max(0, k - _WINDOW):k] if sent_of[i] - a.sent <= 3]
            before = with_chains(before, found, sent_of[i]) + earlier_group(found, sent_of[i], norm)
            ref = self._resolve(doc, i, before, demonyms.get(i), args, titles, sent_of, people)
            if ref is not None:
                found.append(ref)
                taken.update(range(ref.start, ref.end))
        return found

    def _resolve(self, doc: Doc, i: int, before: list[Arg], demonym: Arg | None, args: list[Arg],
                 titles: list[TitleLink], sent_of: list[int], people: set[int]) -> Arg | None:
        norm = doc[i].norm_
        if demonym is not None:
            return self._role(doc, i, demonym, args, titles, sent_of, people)
        if norm in _SINGULAR_AGENTS:
            return self._body_pronoun(doc, i, before, sent_of)
        if norm == "एक":
            return reciprocal(doc, i, before, sent_of[i])
        if norm in OBJECT_CUES:
            return object_pronoun(doc, i, before, sent_of[i], doc[i].sent.start)
        if norm in PRONOUNS:
            if norm not in _NOMINATIVE:  # "बाइडेन ने उनका स्वागत किया": not the clause's own subject
                before = [a for a in before if a.sent != sent_of[i] or not self._is_subject(doc, a, sent_of)]
            person = self._salient_person(doc, before, sent_of)
            if person is None:
                return None
            ref = Arg(i, i + 1, (person,), "Person", "pronoun", sent_of[i])
            ref.extra["nominative"] = norm in _NOMINATIVE  # a subject pronoun passes its referent on
            return ref
        if norm == "दोनों" and self._after_list(doc, i, before):
            return None  # "रूस और यूक्रेन दोनों के साथ": "both" of the list just named
        if norm == "दोनों":  # "मिस्र और कतर ने दोनों पक्षों से": not the clause's own subjects
            before = [a for a in before if a.sent != sent_of[i] or not self._is_subject(doc, a, sent_of)
                      or a.start == 0]
            return self._group(doc, i, before, sent_of)
        if norm in self._title_starts:
            return self._bare_title(doc, i, before, titles, sent_of, people)
        return self._definite(doc, i, before, sent_of)

    @staticmethod
    def _after_list(doc: Doc, i: int, before: list[Arg]) -> bool:
        """``दोनों`` right after a coordinated pair of arguments, before a postposition."""
        norms = doc._.get(NORMS) or [t.norm_ for t in doc]
        last = next((a for a in before if a.end == i), None)
        if last is None or not floating_both(norms, i) or norms[last.start - 1] not in _AND:
            return False
        return any(a.end == last.start - 1 for a in before)

    @staticmethod
    def _is_subject(doc: Doc, arg: Arg, sent_of: list[int]) -> bool:
        """``X ने``, or a nominative X (no postposition after it) with no ``ने`` before it."""
        norms = doc._.get(NORMS) or [t.norm_ for t in doc]
        after = norms[arg.end] if arg.end < len(norms) else ""
        if after == "ने":
            return True
        start = arg.start
        while start > 0 and sent_of[start - 1] == arg.sent:
            start -= 1
        return after not in _OBLIQUE and "ने" not in norms[start:arg.start]

    def _body_pronoun(self, doc: Doc, i: int, before: list[Arg], sent_of: list[int]) -> Arg | None:
        """``उसने`` / ``इसने``: news writes people with the honorific plural (``उन्होंने``), so a
        singular agent pronoun stands for a country or organization: the latest such subject
        before it in its sentence, else the first subject of the sentence before, else the latest
        one named in the sentence before."""
        bodies = [a for a in before if a.type in _BODIES and len(a.keys) == 1 and sent_of[i] - a.sent <= 1
                  and a.kind not in {"demonym", "pronoun"} and not a.extra.get("anchor")]
        subjects = [a for a in bodies if self._is_subject(doc, a, sent_of)]
        if subjects and subjects[-1].sent == sent_of[i]:
            arg = subjects[-1]  # "X ने कहा कि उसने", "X ... कर रहा है और उसने": this sentence's subject
        elif subjects:
            arg = subjects[0]
        elif bodies and bodies[-1].sent < sent_of[i]:
            arg = bodies[-1]
        else:
            return None
        return Arg(i, i + 1, arg.keys, arg.type, "pronoun", sent_of[i])

    def _salient_person(self, doc: Doc, before: list[Arg], sent_of: list[int]) -> str | None:
        """The first person subject of the latest sentence that has one, else the latest person.

        Hindi puts the subject first: in ``वह ... पुतिन, ज़ेलेंस्की से बात कर रहे हैं`` the
        subject is ``वह`` (whose referent carries on), not the names listed after it.
        """
        people = [a for a in before if a.type == "Person" and len(a.keys) == 1
                  and (a.kind != "pronoun" or a.extra.get("nominative"))]
        subjects = [a for a in people if self._is_subject(doc, a, sent_of)]
        if subjects:
            last = subjects[-1].sent
            return next(a for a in subjects if a.sent == last).keys[0]
        return people[-1].keys[0] if people else None

    def _bare_title(self, doc: Doc, i: int, before: list[Arg], titles: list[TitleLink],
                    sent_of: list[int], people: set[int]) -> Arg | None:
        """A title with no name after it refers to its holder.

        ``प्रधानमंत्री मिस्र जाएंगे``: the latest holder named before; ``नेपाल के प्रधानमंत्री ने``:
        the holder of that country's office named anywhere in the article, else the lexicon's.
        """
        found = self._title_at(doc, i)
        if found is None or found[0] in people:
            return None
        end, role = found
        anchor = next((a for a in reversed(before) if a.end == i - 1 and a.type == "Country"), None)
        if anchor is not None and doc[i - 1].norm_ in {"के", "की", "का"}:
            country = anchor.keys[0]
            holder = next((t.person for t in titles if t.anchor == country and t.role == role), None)
            if holder is None and is_leader_role(role):
                holder = self._holder(doc, country, role)
            if holder is not None:
                anchor.extra["anchor"] = True  # "नेपाल के प्रधानमंत्री": Nepal is not the subject
        else:
            holder = next((t.person for t in reversed(titles) if t.end <= i and t.role == role), None)
        return Arg(i, end, (holder,), "Person", "role", sent_of[i]) if holder else None

    def _group(self, doc: Doc, i: int, before: list[Arg], sent_of: list[int]) -> Arg | None:
        """``दोनों देश``: the latest pair named together (``X और Y``, ``X-Y``, an earlier
        ``दोनों देश``), else the two latest entities of the noun's type (of one type for a bare
        ``दोनों``), else an earlier ``दोनों देश`` of the article that one of the entities named
        in the last sentences belongs to (the pair the article is about)."""
        at = i + 2 if i + 2 < len(doc) and doc[i + 1].norm_ in _PARTICLES else i + 1
        if at + 1 < len(doc) and doc[at + 1].norm_ in _GROUP_NOUNS:
            at += 1  # "दोनों पड़ोसी देश": an adjective before the noun
        nxt = doc[at].norm_ if at < len(doc) else ""  # "दोनों ही देश": a particle may come between
        if nxt not in _GROUP_NOUNS and nxt not in _OBLIQUE | {"ने"} and _DEVANAGARI.fullmatch(nxt):
            return None  # "इन दोनों कलाकारों", "दोनों मामलों": a pair of something else
        noun = nxt in _GROUP_NOUNS  # "दोनों पक्ष" may join a country and a group; a bare "दोनों" may not
        end = at + 1 if noun else i + 1
        etype = _GROUP_NOUNS.get(nxt)
        stale = [a for a in before if a.extra.get("earlier")]
        before = [a for a in before if not a.extra.get("earlier")]
        pool = [a for a in before if len(a.keys) == 1 and (etype is None or a.type == etype)
                and a.type != "Event"]
        pair = latest_pair(doc, before, etype)
        if pair is not None:
            return Arg(i, end, pair[0], pair[1], "group", sent_of[i])
        keys: list[str] = []
        for arg in reversed(pool):
            if arg.keys[0] not in keys and (not keys or noun or arg.type == pool[-1].type):
                keys.insert(0, arg.keys[0])
            if len(keys) == 2:
                break
        if len(keys) < 2:
            old = next((a for a in stale if etype in {None, a.type} and set(a.keys) & set(keys)), None)
            return Arg(i, end, old.keys, old.type, "group", sent_of[i]) if old else None
        return Arg(i, end, tuple(keys), etype or pool[-1].type, "group", sent_of[i])

    def _definite(self, doc: Doc, i: int, before: list[Arg], sent_of: list[int]) -> Arg | None:
        norm = doc[i].norm_
        prev = i - 2 if i > 1 and doc[i - 1].norm_ in _PARTICLES else i - 1
        if prev >= 0 and (doc[prev].norm_ in _NOT_DEFINITE or doc[prev].text.isdigit()):
            return None  # "कई देश", "तीन देश": a count or quantity, not the country just named
        if norm == "देश" and any(m.start == i + 1 and m.label_ == "Country"
                                 for m in doc.spans.get(MENTIONS, [])):
            return None  # "सहयोगी देश बेलारूस", "पड़ोसी देश पोलैंड": the noun heads the name after it
        if norm == "देश":
            key = self._dateline_country(doc) or next(
                (a.keys[0] for a in reversed(before) if a.type == "Country" and len(a.keys) == 1), None)
            return Arg(i, i + 1, (key,), "Country", "definite", sent_of[i]) if key else None
        entities = doc_value(doc, ENTITIES, {})
        for arg in reversed(before):
            if arg.type == "Organization" and len(arg.keys) == 1 and doc[arg.end - 1].norm_ == norm:
                return Arg(i, i + 1, arg.keys, "Organization", "definite", sent_of[i])
            info = entities.get(arg.keys[0])
            if arg.type == "Organization" and info and info.label_hi.endswith(doc[i].text):
                return Arg(i, i + 1, arg.keys, "Organization", "definite", sent_of[i])
        return None

    def _dateline_country(self, doc: Doc) -> str | None:
        line = dateline(doc)
        if not line:
            return None
        for span in doc.spans.get(MENTIONS, []):
            if line[0] <= span.start < line[1]:
                entry = self.lexicon.entries.get(span.kb_id_)
                if entry and entry.type == "Country":
                    return entry.key
                country = self.lexicon.country(entry.country if entry else None)
                if country:
                    return country.key
        return None

    def _role(self, doc: Doc, i: int, demonym: Arg, args: list[Arg], titles: list[TitleLink],
              sent_of: list[int], people: set[int]) -> Arg | None:
        """``रूसी नेता`` with no name after it: the person holding that role (``रूसी विदेश मंत्री``
        is the foreign minister titled so before, never the president; a generic ``नेता`` is any
        leader of the country titled before)."""
        found = self._title_at(doc, i)
        if found is None:
            return None
        end, role = found
        if end in people:
            return None
        country = demonym.keys[0]
        person = next((t.person for t in reversed(titles) if t.anchor == country and t.start < i
                       and (t.role == role or (t.leader and role in _GENERIC_LEADERS))), None)
        if person is None and is_leader_role(role):
            person = self._holder(doc, country, role)
        if person is None:
            return None
        args.remove(demonym)
        return Arg(demonym.start, end, (person,), "Person", "role", sent_of[i])

    def _holder(self, doc: Doc, country: str, role: str) -> str | None:
        """The holder of a country's office at the article's date (now, if it has none)."""
        key = self.roles.holder(country, role, article_date(doc))
        if key is None or key not in self.lexicon.entries:
            entry = self.lexicon.leader_of(country, role)
            key = entry.key if entry else None
        return self._known(doc, key) if key else None

    def _known(self, doc: Doc, key: str) -> str:
        """Make sure a lexicon entity reached through a reference is among the document's entities."""
        return add_entry(doc._.get(ENTITIES), self.lexicon.entries[key])

    def _title_at(self, doc: Doc, i: int) -> tuple[int, str] | None:
        for size in range(self._max_title, 0, -1):
            words = tuple(t.norm_ for t in doc[i:i + size])
            if len(words) == size and words in self._titles:
                return i + size, self._titles[words]
        return None


def _sentence_index(doc: Doc) -> list[int]:
    index = [0] * len(doc)
    for n, sent in enumerate(doc.sents):
        for i in range(sent.start, sent.end):
            index[i] = n
    return index
