"""Turn a :class:`~kg.graph.KnowledgeGraph` into the plain data the viewer shows.

Everything the side panel, the search box and the filters need is computed
here, in Python, so that the browser code only has to display it. All values
are plain JSON types; article text is kept as text (it is escaped when it is
embedded and shown with ``textContent`` in the page).
"""

from __future__ import annotations

import bisect
import math
import re
from collections import Counter
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from kg.records import ENTITY_TYPES, MODALITIES, Entity, Evidence, Mention, Relation

if TYPE_CHECKING:  # pragma: no cover
    from kg.graph import KnowledgeGraph

__all__ = ["ViewModel", "build_model", "highlight", "vid", "wikidata_url"]

_QID = re.compile(r"Q[0-9]+", re.ASCII)
WIKIDATA_PREFIX = "https://www.wikidata.org/wiki/"


@dataclass
class ViewModel:
    """The viewer's data: one dict per node and per edge, plus documents.

    ``nodes`` and ``edges`` are sorted (entity id, relation key) so the same
    graph always gives the same page.
    """

    nodes: list[dict[str, Any]] = field(default_factory=list)
    edges: list[dict[str, Any]] = field(default_factory=list)
    docs: dict[str, dict[str, Any]] = field(default_factory=dict)

    def types(self) -> list[str]:
        """All of :data:`kg.records.ENTITY_TYPES`, then any other type present (sorted)."""
        present = Counter(n["type"] for n in self.nodes)
        return list(ENTITY_TYPES) + sorted(t for t in present if t not in ENTITY_TYPES)


def vid(entity_id: str) -> str:
    """The id of an entity's node in the page: the entity id behind a ``n:`` prefix.

    Entity ids come from articles and may be ``__proto__`` or ``constructor``,
    which break plain JavaScript objects used as maps (vis-network's among
    them); the prefix makes every node id safe.

    Examples
    --------
    >>> vid("__proto__")
    'n:__proto__'
    """
    return "n:" + entity_id


def wikidata_url(qid: str | None) -> str | None:
    """The Wikidata page of ``qid``, or ``None`` unless it is exactly ``Q`` + ASCII digits.

    Examples
    --------
    >>> wikidata_url("Q7747")
    'https://www.wikidata.org/wiki/Q7747'
    >>> [wikidata_url(q) for q in (None, "javascript:alert(1)", "Q12\\n", "Q१२")]
    [None, None, None, None]
    """
    if not isinstance(qid, str) or not _QID.fullmatch(qid):
        return None
    return WIKIDATA_PREFIX + qid


def highlight(sentence: str, spans: list[tuple[int, int, str]]) -> list[list[str]]:
    """Cut ``sentence`` into ``[text, role]`` segments; ``role`` is ``""`` outside spans.

    Overlapping spans are resolved first come, first served (after sorting
    by start, longest first).

    Examples
    --------
    >>> highlight("Putin visits Vietnam", [(13, 20, "object"), (0, 5, "subject")])
    [['Putin', 'subject'], [' visits ', ''], ['Vietnam', 'object']]
    >>> highlight("abc", [])
    [['abc', '']]
    """
    segments: list[list[str]] = []
    pos = 0
    for start, end, role in sorted(spans, key=lambda s: (s[0], -s[1], s[2])):
        if start < pos or end <= start or end > len(sentence):
            continue
        if start > pos:
            segments.append([sentence[pos:start], ""])
        segments.append([sentence[start:end], role])
        pos = end
    if pos < len(sentence) or not segments:
        segments.append([sentence[pos:], ""])
    return segments


MentionIndex = dict[tuple[str, str], tuple[list[int], list[Mention]]]


def _index_mentions(ents: dict[str, Entity]) -> MentionIndex:
    """Mentions by (entity id, document), sorted by start: evidence look-ups use bisect."""
    grouped: dict[tuple[str, str], list[Mention]] = {}
    for ent in ents.values():
        for m in ent.mentions:
            grouped.setdefault((ent.id, m.doc), []).append(m)
    index: MentionIndex = {}
    for key, mentions in grouped.items():
        mentions.sort(key=lambda m: (m.start, m.end))
        index[key] = ([m.start for m in mentions], mentions)
    return index


def _offset_spans(ev: Evidence, ent: Entity, role: str, index: MentionIndex) -> list[tuple[int, int, str]]:
    """Spans of ``ent``'s recorded mentions that fall inside the evidence sentence."""
    starts, mentions = index.get((ent.id, ev.doc), ([], []))
    spans = []
    for m in mentions[bisect.bisect_left(starts, ev.start):bisect.bisect_right(starts, ev.end)]:
        local = m.start - ev.start
        inside = m.doc == ev.doc and ev.start <= m.start and m.end <= ev.end and m.text
        if inside and ev.sentence[local:local + len(m.text)] == m.text:
            spans.append((local, local + len(m.text), role))
    return spans


def _surface_spans(sentence: str, ent: Entity, role: str) -> list[tuple[int, int, str]]:
    """Spans of every occurrence of ``ent``'s surface forms (mentions, labels, aliases)."""
    forms = {m.text for m in ent.mentions} | set(ent.aliases) | {ent.label, ent.label_hi}
    spans = []
    for form in sorted((f for f in forms if f and len(f) > 1), key=lambda f: (-len(f), f)):
        start = sentence.find(form)
        while start >= 0:
            spans.append((start, start + len(form), role))
            start = sentence.find(form, start + len(form))
    return spans


def _evidence(ev: Evidence, subj: Entity, obj: Entity, docs: dict[str, dict[str, Any]],
              index: MentionIndex) -> dict[str, Any]:
    spans: list[tuple[int, int, str]] = []
    for ent, role in ((subj, "subject"), (obj, "object")):
        spans += _offset_spans(ev, ent, role, index) or _surface_spans(ev.sentence, ent, role)
    doc = docs.get(ev.doc, {})
    return {
        "doc": ev.doc,
        "doc_title": doc.get("title"),
        "doc_date": doc.get("date"),
        "start": ev.start,
        "end": ev.end,
        "segments": highlight(ev.sentence, spans),
    }


def _ref(ent: Entity | None) -> dict[str, Any] | None:
    if ent is None:
        return None
    return {"id": ent.id, "vid": vid(ent.id), "label": ent.label, "label_hi": ent.label_hi, "type": ent.type}


def _edge(i: int, rel: Relation, ents: dict[str, Entity], docs: dict[str, dict[str, Any]],
          index: MentionIndex) -> dict[str, Any]:
    subj = ents.get(rel.subject.id, rel.subject)
    obj = ents.get(rel.object.id, rel.object)
    place = ents.get(rel.place.id, rel.place) if rel.place else None
    return {
        "id": f"e{i}",
        "from": vid(rel.subject.id),
        "to": vid(rel.object.id),
        "subject": rel.subject.id,
        "object": rel.object.id,
        "predicate": rel.predicate,
        "modality": rel.modality if rel.modality in MODALITIES else str(rel.modality),
        "time": rel.time,
        "place": _ref(place),
        "confidence": _confidence(rel.confidence),
        "derived": bool(rel.derived),
        "role": rel.role,
        "evidence": [_evidence(ev, subj, obj, docs, index) for ev in sorted(set(rel.evidence))],
        "docs": sorted({ev.doc for ev in rel.evidence}),
    }


def _confidence(value: Any) -> float | None:
    """``value`` rounded to 3 places, or ``None`` when it is not a finite number."""
    try:
        number = float(value)
    except (TypeError, ValueError):
        return None
    return round(number, 3) if math.isfinite(number) else None


def _node(ent: Entity, degree: int, evidence_docs: set[str]) -> dict[str, Any]:
    return {
        "id": ent.id,
        "vid": vid(ent.id),
        "label": ent.label or ent.label_hi or ent.id,
        "label_hi": ent.label_hi or ent.label or ent.id,
        "type": ent.type,
        "wikidata": ent.wikidata,
        "url": wikidata_url(ent.wikidata),
        "aliases": sorted(set(ent.aliases)),
        "mentions": len(set(ent.mentions)),
        "docs": sorted({m.doc for m in ent.mentions} | evidence_docs),
        "degree": degree,
    }


def build_model(kg: KnowledgeGraph) -> ViewModel:
    """Collect nodes, edges and documents of ``kg`` for the viewer.

    Entities referenced by a relation but missing from ``kg.entities`` are
    added as nodes (from the relation's own copy).

    Examples
    --------
    >>> from kg.graph import KnowledgeGraph
    >>> from kg.records import Entity, Relation
    >>> a = Entity("Q7747", "Vladimir Putin", "व्लादिमीर पुतिन", "Person", "Q7747")
    >>> b = Entity("Q881", "Vietnam", "वियतनाम", "Country", "Q881")
    >>> m = build_model(KnowledgeGraph([], [a], [Relation(a, "visits", b)]))
    >>> [(n["id"], n["degree"]) for n in m.nodes], m.edges[0]["predicate"], m.types()
    ([('Q7747', 1), ('Q881', 1)], 'visits', ['Person', 'Organization', 'Country', 'City', 'Region', 'Event'])
    """
    ents: dict[str, Entity] = {e.id: e for e in kg.entities}
    for rel in kg.relations:
        for ent in (rel.subject, rel.object):
            ents.setdefault(ent.id, ent)
    degree: Counter[str] = Counter()
    told: dict[str, set[str]] = {}  # entity id -> documents evidencing its relations
    for rel in kg.relations:
        for end in (rel.subject.id, rel.object.id):
            degree[end] += 1
            told.setdefault(end, set()).update(ev.doc for ev in rel.evidence)
    docs = {d.id: {"id": d.id, "title": d.title, "date": d.date, "source": d.source}
            for d in sorted(kg.documents, key=lambda d: d.id)}
    nodes = [_node(ents[k], degree[k], told.get(k, set())) for k in sorted(ents)]
    # rank 0 = the most connected entity: a big graph opens on its top entities
    for rank, node in enumerate(sorted(nodes, key=lambda n: (-n["degree"], n["id"]))):
        node["rank"] = rank
    index = _index_mentions(ents)
    edges = [_edge(i, rel, ents, docs, index) for i, rel in enumerate(kg.relations)]
    return ViewModel(nodes=nodes, edges=edges, docs=docs)
