"""Content negotiation of the SPARQL endpoint: an ``Accept`` header or ``format=`` to a format.

Examples
--------
>>> negotiate("text/csv;q=0.9, application/sparql-results+json", "select")
'json'
>>> negotiate("application/ld+json", "graph")
'jsonld'
>>> negotiate("image/png", "select") is None
True
"""

from __future__ import annotations

__all__ = ["FORMAT_PARAM", "OFFERS", "negotiate"]

#: The media types offered per query form, in order of preference, with kg's format name.
OFFERS = {
    "select": [
        ("json", "application/sparql-results+json"), ("json", "application/json"),
        ("xml", "application/sparql-results+xml"), ("xml", "application/xml"), ("xml", "text/xml"),
        ("csv", "text/csv"), ("tsv", "text/tab-separated-values"),
    ],
    "graph": [
        ("ttl", "text/turtle"), ("ttl", "application/x-turtle"), ("jsonld", "application/ld+json"),
        ("jsonld", "application/json"), ("nt", "application/n-triples"), ("nt", "text/plain"),
        ("rdfxml", "application/rdf+xml"), ("rdfxml", "application/xml"),
    ],
}  # fmt: skip
#: ``format=`` parameter values (the SPARQL Protocol leaves them to servers).
FORMAT_PARAM = {
    "json": "json", "xml": "xml", "csv": "csv", "tsv": "tsv", "turtle": "ttl", "ttl": "ttl",
    "json-ld": "jsonld", "jsonld": "jsonld", "nt": "nt", "n-triples": "nt",
    "rdfxml": "rdfxml", "rdf+xml": "rdfxml",
}  # fmt: skip

def negotiate(accept: str | None, kind: str) -> str | None:
    """Pick the result format for an ``Accept`` header (``None`` = nothing acceptable).

    ``kind`` is ``"select"`` (also ASK) or ``"graph"`` (CONSTRUCT/DESCRIBE).
    """
    offers = OFFERS["graph" if kind == "graph" else "select"]
    ranges = []
    for index, part in enumerate((accept or "*/*").split(",")):
        fields = [f.strip() for f in part.split(";")]
        quality = 1.0
        for f in fields[1:]:
            if f.startswith("q="):
                try:
                    quality = float(f[2:])
                except ValueError:
                    quality = 0.0
        if fields[0]:
            ranges.append((-quality, index, fields[0].lower()))
    for neg_q, _, media in sorted(ranges):
        if neg_q >= 0:
            break
        for fmt, offered in offers:
            main = offered.split("/")[0]
            if media in (offered, "*/*", f"{main}/*"):
                return fmt
    return None
