"""The relation extractor: frames applied to each sentence's arguments.

For each trigger of a :class:`~kg.nlp.frames.Frame` in a sentence, the object
is the nearest argument to its left (same clause) carrying one of the frame's
object postpositions, the subject the preferred argument left of the object
carrying a subject postposition (``ने`` first). Coordinated arguments expand
into one relation each. An object left unsaid but pointed at (``इसे``,
``इस यात्रा``) is the latest event of that kind.
"""

from __future__ import annotations

import bisect
import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass

from spacy.tokens import Doc, Span

from kg.nlp.args import ARGS, TITLES, Arg
from kg.nlp.canonical import DEMONYMS, ENTITIES, ORGANS, EntityInfo, add_entry
from kg.nlp.clauses import agent_after, bound_subjects, infinitive_adverbial, participant_after, recent
from kg.nlp.discourse import dropped_subject
from kg.nlp.entities import NORMS
from kg.nlp.events import register_event
from kg.nlp.frame_args import frame_objects, symmetric_pairs
from kg.nlp.frames import EVENT_KINDS, FRAMES, GEN, Frame
from kg.nlp.lexicon import Lexicon
from kg.nlp.markers import CASES, assign_markers, clause_start, copula_follows
from kg.nlp.membership import organ_staff, seat_staff
from kg.nlp.modality import modality, sentence_times, time_of
from kg.nlp.normalize import match_key
from kg.nlp.parties import agreement_parties
from kg.nlp.rel import DATE_KEY, RELATIONS, RelRec
from kg.nlp.roles import Roles, article_date, load_roles
from kg.nlp.sentences import dateline, token_texts
from kg.nlp.speech import EVALUATION_FRAMES, SPEECH_FRAMES, VERDICT_FRAMES, speech_relations
from kg.nlp.state import doc_value, setdefault
from kg.nlp.structural import (
    apposition_places,
    capital_places,
    derived_relations,
    exchange_relations,
    located_relations,
    organ_relations,
    phrase_relations,
    title_relations,
)
from kg.nlp.ties import TIES_FRAME, ties_relations
from kg.nlp.timex import TimeExpr
from kg.nlp.triggers import FirstWords, demanded, is_headline, match_rest, parse_trigger

__all__ = ["RelationExtractor", "DATE_KEY", "is_headline"]

GAP = 5
_ANAPHORS = {"इसे", "इसको", "इसका", "इसकी"}
_DEMONSTRATIVES = {"यह", "इस", "इसी", "उस", "उसी", "ये"}
_REFLEXIVES = {"अपनी", "अपने", "अपना"}
_PHYSICAL = {"visits", "attacks", "arrivesFrom"}
_MUTUAL = {"seeksTiesWith"}
# the marked agent a subject is preferred by: "X ने", "X द्वारा", "X की तरफ से (एक बयान में)"
_AGENT_MARKERS = frozenset({"ने", "द्वारा", "के द्वारा", "की तरफ से", "की ओर से"})
_BY = {"द्वारा", "के द्वारा"}  # a passive's agent: it may follow the object
_POSTPOSITION_AFTER_THIS = {"पर", "को", "से", "का", "की", "के"}
_EVENT_NOUN = {match_key(w): kind for kind, words in EVENT_KINDS.items() for w in words}
# a bare name right before one of these nouns modifies it ("मास्को यात्रा", "रूस दौरा", "यूक्रेन युद्ध"):
# it is no nominative subject of a later trigger
_MODIFIED_NOUNS = set(_EVENT_NOUN) | {match_key(w) for w in "युद्ध जंग संकट संघर्ष हमले हमला दौरा".split()}

@dataclass
class _Ctx:
    doc: Doc
    sent: Span
    args: list[Arg]
    entities: dict[str, EntityInfo]
    events: list[tuple[str, str, int]]  # kind, key, first token of its sentence
    date: dt.date | None
    norms: list[str]
    texts: list[str]
    headline: bool = False
    previous: Sequence[Arg] = ()  # the arguments of the sentence before
    _times: list[TimeExpr] | None = None

    @property
    def times(self) -> list[TimeExpr]:
        """Time expressions of the sentence (read on first use)."""
        if self._times is None:
            words = self.texts[self.sent.start : self.sent.end]
            self._times = sentence_times(words, self.sent.start, self.date)
        return self._times


class RelationExtractor:
    """Extract typed relations into ``doc._.kg_relations``.

    Parameters
    ----------
    lexicon : Lexicon
        Used for derived state-level relations (who leads which state).
    frames : sequence of Frame
        The relation frames to apply.
    roles : Roles, optional
        Terms of office, for titles with no body in the phrase (default: the shipped table).
    """

    def __init__(self, lexicon: Lexicon, frames: Sequence[Frame] = FRAMES,
                 roles: Roles | None = None) -> None:
        self.lexicon = lexicon
        self.roles = roles if roles is not None else load_roles()
        self.frames = [(frame, parse_trigger(frame.trigger)) for frame in frames]
        self.speech = [(frame, parse_trigger(frame.trigger))
                       for frame in SPEECH_FRAMES + EVALUATION_FRAMES + VERDICT_FRAMES]
        # speech frames are read by kg.nlp.speech, ties of a pair by kg.nlp.ties, not indexed
        every = self.frames + self.speech + [(TIES_FRAME, parse_trigger(TIES_FRAME.trigger))]
        self._words = {f: frozenset(w for part in parts for w, _ in part) for f, parts in every}
        self._speech_first = FirstWords([parts for _, parts in self.speech])
        self._ids = {f: n for n, (f, _) in enumerate(every)}
        self._index()

    def __call__(self, doc: Doc) -> Doc:
        args: list[Arg] = doc_value(doc, ARGS, [])
        titles = doc_value(doc, TITLES, [])
        entities = setdefault(doc, ENTITIES, dict)
        skip = {i for t in titles for i in range(t.start, t.end)}
        events: list[tuple[str, str, int]] = []
        out: list[RelRec] = []
        norms = doc._.get(NORMS) or [t.norm_ for t in doc]
        texts = token_texts(doc)
        starts = [a.start for a in args]  # args are sorted by start
        sargs: list[Arg] = []
        for n, sent in enumerate(doc.sents):
            previous = sargs
            sargs = args[bisect.bisect_left(starts, sent.start) : bisect.bisect_left(starts, sent.end)]
            assign_markers(norms, sargs, skip)
            ctx = _Ctx(
                doc,
                sent,
                sargs,
                entities,
                events,
                doc._.get(DATE_KEY),
                norms,
                texts,
                headline=n == 0 and is_headline(texts, sent),
                previous=previous,
            )
            found = self._read(ctx, norms, sent, sargs)
            out += found + exchange_relations(norms[sent.start:sent.end], found)
        out += title_relations(doc, titles, args, self.roles, article_date(doc))
        for rec, seat in seat_staff(doc, titles, self.lexicon):  # "क्रेमलिन के प्रवक्ता": the Kremlin too
            add_entry(entities, seat)
            out.append(rec)
        for rec in out:  # a title's body need not be named ("प्रधानमंत्री मोदी" leads India)
            if rec.object not in entities and rec.object in self.lexicon.entries:
                add_entry(entities, self.lexicon.entries[rec.object])
        out += organ_relations(doc, args, doc_value(doc, ORGANS, {}), self.lexicon,
                               doc_value(doc, DEMONYMS, {}))
        out += located_relations(doc, args, self.lexicon)
        out += apposition_places(doc, args) + capital_places(doc, args, self.lexicon, set(entities))
        out += phrase_relations(doc, [a for a in args if a.kind != "event"])
        out += organ_staff(out)
        out += agreement_parties(doc, args)
        types = {k: e.type for k, e in entities.items()}
        derived = derived_relations(out, types, titles, self.lexicon)
        for rec in derived:  # a leader's state from the lexicon need not be named in the text
            for key in (rec.subject, rec.object):
                if key not in entities and key in self.lexicon.entries:
                    add_entry(entities, self.lexicon.entries[key])
        doc._.set(RELATIONS, out + derived)
        return doc

    def _index(self) -> None:
        """Index frames by the first word of their trigger (exact words and prefixes)."""
        self._seen: dict[str, tuple[int, ...]] = {}
        self._exact: dict[str, list[int]] = {}
        self._prefix: dict[str, list[tuple[str, int]]] = {}
        for n, (_, parts) in enumerate(self.frames):
            for word, prefix in parts[0]:
                if prefix:
                    self._prefix.setdefault(word[:1], []).append((word, n))
                else:
                    self._exact.setdefault(word, []).append(n)

    def _frames_at(self, norm: str) -> tuple[int, ...]:
        """Frames whose trigger can start with this word (memoized: news vocabulary repeats)."""
        found = self._seen.get(norm)
        if found is None:
            hits = list(self._exact.get(norm, ()))
            hits += [n for word, n in self._prefix.get(norm[:1], ()) if norm.startswith(word)]
            found = self._seen[norm] = tuple(hits)
        return found

    def _read(self, ctx: _Ctx, norms: list[str], sent: Span, args: list[Arg]) -> list[RelRec]:
        """Apply every frame whose trigger is in the sentence, in frame order; a trigger's
        words, once they gave a relation, are not read again for the same predicate."""
        taken = {i for a in args for i in range(a.start, a.end)}
        hits: dict[int, list[int]] = {}
        for i in range(sent.start, sent.end):
            if i not in taken:
                for n in self._frames_at(norms[i]):
                    hits.setdefault(n, []).append(i)
        used: dict[str, set[int]] = {}  # trigger tokens already read, per predicate
        found: list[RelRec] = []
        for n in sorted(hits):
            frame, parts = self.frames[n]
            seen = used.setdefault(frame.predicate, set())
            for i in hits[n]:
                end = match_rest(norms, i, sent.end, parts, GAP)
                if end is None or seen & set(range(i, end)):
                    continue
                read = self._apply(ctx, frame, i, end)
                if read:
                    seen.update(range(i, end))
                    found += read
        found += speech_relations(norms, (sent.start, sent.end), args, self.speech, found,
                                  lambda f, s, e, pairs: self._emit(ctx, f, s, e, pairs, None),
                                  self._speech_first)
        return found + ties_relations(norms, (sent.start, sent.end), args, self.lexicon, ctx.doc, found,
                                      lambda f, s, e, pairs: self._emit(ctx, f, s, e, pairs, None))

    def _apply(self, ctx: _Ctx, frame: Frame, start: int, end: int) -> list[RelRec]:
        if not frame.gap_cases and CASES & set(ctx.norms[start + 1:end - 1]):
            return []  # "समझौते में मदद करने की": the noun is another verb's argument
        if frame.copula_after and not copula_follows(ctx.norms, end, ctx.sent.end):
            return []
        if frame.event and start > 0 and ctx.norms[start - 1] in _DEMONSTRATIVES:
            return []  # "यह यात्रा": a reference to an event, not a new statement
        if demanded(ctx.norms, end, ctx.sent.end):
            return []  # "ईरान से मोहम्मदी को रिहा करने का आग्रह": asked for, not stated as done
        inside = frozenset(i for a in ctx.args for i in range(a.start, a.end))
        first = clause_start(ctx.norms, ctx.sent.start, start, inside, quotes=True)
        left = [a for a in ctx.args if a.end <= start and a.start >= first]
        objects = frame_objects(frame, left, start, ctx.norms)
        place: str | None = None
        if not objects:
            objects, place = self._implicit_object(ctx, frame, start, end)
        owner = bound_subjects(frame, ctx.norms, left, objects, (start, end), ctx.sent.end, ctx.args)
        subjects = self._subjects(frame, left, objects, start, ctx.norms) if owner is None else owner
        later = (ctx.headline or start > 0 and ctx.norms[start - 1] in _REFLEXIVES
                 or participant_after(frame, ctx.norms, left, objects, (start, end)))
        if not subjects and owner is None and later:
            # "अपनी सैन्य कार्रवाइयों के कारण मास्को को ...", a headline "... से मिले प्रधानमंत्री मोदी",
            # "पुतिन के साथ मुलाकात में मोदी ने ...": the subject follows
            subjects = self._subjects_after(ctx, frame, end)
        if not subjects and owner is None and infinitive_adverbial(ctx.norms, end, ctx.sent.end):
            subjects = agent_after(ctx.args, ctx.norms, end, frame.subj_types)  # "हमला करने के बाद पुतिन ने"
        if not subjects and objects and owner is None:
            subjects = dropped_subject(ctx.norms, (ctx.sent.start, start, end), ctx.args, ctx.previous, frame,
                                       (left, objects))
        pairs = [(s, o) for s in subjects for o in objects]
        if not pairs and frame.symmetric and frame.pair_subjects:
            pairs = symmetric_pairs(left, subjects)
            if frame.predicate in _MUTUAL:  # "X और Y ने संबंध बहाल करने ...": each seeks ties with the other
                pairs += [(o, s) for s, o in pairs]
        return self._emit(ctx, frame, start, end, pairs, place)

    @staticmethod
    def _subjects(frame: Frame, left: list[Arg], objects: list[Arg], start: int,
                  norms: Sequence[str]) -> list[Arg]:
        limit = min((o.start for o in objects if o in left), default=start)
        pool = [
            a
            for a in left
            if a not in objects
            and a.marker in frame.subj
            and a.type in frame.subj_types
            and (frame.swap or a.end <= limit or a.marker in _BY)  # "यूक्रेन पर रूस द्वारा हमला किया गया"
            and not a.extra.get("anchor")
            and not (a.marker == "" and a.end < start and norms[a.end] in _MODIFIED_NOUNS)
        ]
        if not objects and frame.subj and frame.subj <= GEN:  # "भारत और रूस के समझौते": the noun's own genitive,
            near = {a.group for a in pool if start - a.end <= 2}  # not of another noun ("X के संरेखण ... समझौते")
            pool = [a for a in pool if start - a.end <= 2 or (a.group >= 0 and a.group in near)]
        agent = next((a for a in reversed(pool) if a.marker in _AGENT_MARKERS), None)
        if agent is None and frame.agent_after_object:
            after = [a for a in left if a not in objects and a.start >= limit and a.type in frame.subj_types
                     and not a.extra.get("anchor")
                     and (a.marker in {"का", "के", "की"} or (a.kind == "demonym" and a.end == start))]
            if after:  # "यूक्रेन पर रूस के हमले", "यूक्रेन पर रूसी आक्रमण"
                return [after[-1]]
        if not pool:
            return []
        best = agent or next((a for a in pool if a.marker == ""), None) or pool[0]
        if best.group >= 0:
            return [a for a in pool if a.group == best.group]
        return [best]

    @staticmethod
    def _subjects_after(ctx: _Ctx, frame: Frame, end: int) -> list[Arg]:
        for arg in ctx.args:
            if arg.start >= end and arg.marker in {"को", "ने", ""} and arg.type in frame.subj_types:
                return [Arg(arg.start, arg.end, arg.keys, arg.type, "pronoun", arg.sent)]
        return []

    def _implicit_object(self, ctx: _Ctx, frame: Frame, start: int, end: int) -> tuple[list[Arg], str | None]:
        doc = ctx.doc
        if frame.event is None:
            event = self._event_reference(ctx, start)
            return ([event] if event else []), None
        if (
            frame.predicate == "visits"
            and end + 1 < len(doc)
            and doc[end].norm_ == "पर"
            and doc[end + 1].norm_.startswith(("आ", "पहुं"))
        ):
            return self._dateline_place(ctx)
        return [], None

    def _event_reference(self, ctx: _Ctx, start: int) -> Arg | None:
        doc = ctx.doc
        for i in range(start - 1, ctx.sent.start - 1, -1):
            norm = doc[i].norm_
            kind = None
            nxt = ctx.norms[i + 1] if i + 1 < len(ctx.norms) else ""
            if norm in _DEMONSTRATIVES and nxt in _EVENT_NOUN:
                kind = _EVENT_NOUN[nxt]
            elif norm not in _ANAPHORS and not (norm == "इस" and nxt in _POSTPOSITION_AFTER_THIS):
                continue  # "इस पर चिंता": "this" alone also points back to the latest event
            for event_kind, key, where in reversed(ctx.events):
                if kind == event_kind or (kind is None and recent(ctx.doc, ctx.sent, where)):
                    return Arg(i, i + 1, (key,), "Event", "event", ctx.args[0].sent if ctx.args else 0)
            return None
        return None

    def _dateline_place(self, ctx: _Ctx) -> tuple[list[Arg], str | None]:
        """The country and city of the dateline (``HANOI हनोई:``), for "यात्रा पर आए"."""
        line = dateline(ctx.doc)
        group = ctx.doc.spans["kg_mentions"]
        city = next(
            (
                group[n].kb_id_
                for n in range(min(8, len(group)))
                if line and line[0] <= group[n].start <= line[1] and group[n].label_ == "City"
            ),
            None,
        )
        entry = self.lexicon.entries.get(city or "")
        country = self.lexicon.country(entry.country if entry else None)
        if country is None or line is None:
            return [], None
        key = add_entry(ctx.entities, country)
        return [Arg(line[0], line[1], (key,), "Country", "definite")], city

    def _emit(
        self, ctx: _Ctx, frame: Frame, start: int, end: int, pairs: list[tuple[Arg, Arg]], place: str | None
    ) -> list[RelRec]:
        out: list[RelRec] = []
        if not pairs:
            return out
        bounds = (ctx.sent.start, ctx.sent.end)
        mode = modality(ctx.norms, bounds, start, end, frame.predicate, self._words[frame])
        when = time_of(ctx.times, ctx.texts, start, ctx.date, mode == "planned")
        used = {k for s, o in pairs for k in (*s.keys, *o.keys)}
        place = place or self._place(ctx, start, used)
        for subj, obj in pairs:
            conf = round(frame.confidence * subj.confidence * obj.confidence, 3)
            if frame.predicate in _PHYSICAL and "city" in obj.extra:
                obj = self._as_city(ctx, obj)
            for s in subj.keys:
                for o in obj.keys:
                    if s == o:
                        continue
                    rec = RelRec(s, frame.predicate, o, mode, when, place, conf, ctx.sent.start_char,
                                 ctx.sent.end_char, source=f"frame:{self._ids[frame]}")
                    out.append(rec)
                    if frame.event:
                        register_event(ctx.entities, ctx.events, frame.event, rec, ctx.sent.start)
        return out

    def _as_city(self, ctx: _Ctx, arg: Arg) -> Arg:
        """A capital read as its government (``कीव``) is the city itself when attacked or visited."""
        key = add_entry(ctx.entities, self.lexicon.entries[arg.extra["city"]])
        return Arg(arg.start, arg.end, (key,), "City", arg.kind, arg.sent)

    @staticmethod
    def _place(ctx: _Ctx, start: int, used: set[str]) -> str | None:
        places = [a for a in ctx.args if a.type == "City" and a.marker == "में" and a.keys[0] not in used]
        if not places:
            return None
        return min(places, key=lambda a: abs(a.start - start)).keys[0]
