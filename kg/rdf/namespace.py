"""IRIs of the kg-hindi ontology and of the things it describes.

The term list mirrors ``ontology/kg.ttl``; ``tests/test_rdf_namespace.py``
checks the two agree in both directions.

Examples
--------
>>> from kg.rdf.namespace import KG, ENTITY
>>> str(KG.visits)
'https://w3id.org/kg-hindi/ontology#visits'
>>> str(ENTITY["Q7747"])
'https://w3id.org/kg-hindi/entity/Q7747'
>>> KG.visitz  # doctest: +ELLIPSIS
Traceback (most recent call last):
...
AttributeError: term 'visitz' not in namespace 'https://w3id.org/kg-hindi/ontology#'
"""

from __future__ import annotations

from rdflib import Namespace, URIRef
from rdflib.namespace import DefinedNamespace

__all__ = [
    "BASE",
    "DOCUMENT",
    "ENTITY",
    "EVIDENCE",
    "GRAPH",
    "KG",
    "ONTOLOGY",
    "PREDICATES",
    "PREFIXES",
    "RUN",
    "SOFTWARE",
    "STATEMENT",
    "WD",
    "WDT",
]

BASE = "https://w3id.org/kg-hindi/"
ONTOLOGY = URIRef(BASE + "ontology")


class KG(DefinedNamespace):
    """Terms of ``https://w3id.org/kg-hindi/ontology#`` (see ``ontology/kg.ttl``)."""

    _fail = True
    _NS = Namespace(BASE + "ontology#")

    # classes
    NamedEntity: URIRef
    Agent: URIRef
    Place: URIRef
    Person: URIRef
    Organization: URIRef
    Country: URIRef
    City: URIRef
    Region: URIRef
    Event: URIRef
    Document: URIRef
    RelationStatement: URIRef
    Evidence: URIRef
    ExtractionRun: URIRef
    # statement structure
    evidence: URIRef
    document: URIRef
    place: URIRef
    modality: URIRef
    time: URIRef
    confidence: URIRef
    derived: URIRef
    role: URIRef
    sentence: URIRef
    start: URIRef
    end: URIRef
    softwareVersion: URIRef
    cameoCode: URIRef
    # relation predicates (ids exactly as in the records)
    relatedTo: URIRef
    visits: URIRef
    arrivesFrom: URIRef
    meets: URIRef
    seeksTiesWith: URIRef
    signsAgreementWith: URIRef
    criticizes: URIRef
    accuses: URIRef
    issuesArrestWarrantFor: URIRef
    rejects: URIRef
    sanctions: URIRef
    attacks: URIRef
    expressesConcernAbout: URIRef
    providesMilitaryAid: URIRef
    providesEconomicAid: URIRef
    denies: URIRef
    supports: URIRef
    urges: URIRef
    invites: URIRef
    awards: URIRef
    releases: URIRef
    leads: URIRef
    memberOf: URIRef
    affiliatedWith: URIRef
    locatedIn: URIRef
    citizenOf: URIRef
    partOf: URIRef


#: Predicate ids of the records, in inventory order.
PREDICATES = (
    "visits", "arrivesFrom", "meets", "seeksTiesWith", "signsAgreementWith", "criticizes",
    "accuses", "issuesArrestWarrantFor", "rejects", "sanctions", "attacks",
    "expressesConcernAbout", "providesMilitaryAid", "providesEconomicAid", "denies",
    "supports", "urges", "invites", "awards", "releases", "leads", "memberOf",
    "affiliatedWith", "locatedIn", "citizenOf", "partOf",
)  # fmt: skip

ENTITY = Namespace(BASE + "entity/")
DOCUMENT = Namespace(BASE + "document/")
GRAPH = Namespace(BASE + "graph/")
STATEMENT = Namespace(BASE + "statement/")
EVIDENCE = Namespace(BASE + "evidence/")
RUN = Namespace(BASE + "run/")
SOFTWARE = Namespace(BASE + "software/")
WD = Namespace("http://www.wikidata.org/entity/")
WDT = Namespace("http://www.wikidata.org/prop/direct/")

#: Prefixes bound in every serialization (and in ``ontology/context.jsonld``).
PREFIXES = {
    "kg": str(KG._NS),
    "ent": str(ENTITY),
    "doc": str(DOCUMENT),
    "kgg": str(GRAPH),
    "stmt": str(STATEMENT),
    "ev": str(EVIDENCE),
    "run": str(RUN),
    "wd": str(WD),
    "wdt": str(WDT),
    "prov": "http://www.w3.org/ns/prov#",
    "dcterms": "http://purl.org/dc/terms/",
    "skos": "http://www.w3.org/2004/02/skos/core#",
    "owl": "http://www.w3.org/2002/07/owl#",
    "rdf": "http://www.w3.org/1999/02/22-rdf-syntax-ns#",
    "rdfs": "http://www.w3.org/2000/01/rdf-schema#",
    "xsd": "http://www.w3.org/2001/XMLSchema#",
}
