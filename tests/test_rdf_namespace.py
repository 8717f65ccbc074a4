"""The ontology file and kg.rdf.namespace agree, and every predicate is fully described."""

from __future__ import annotations

import pytest
from rdflib import OWL, RDF, RDFS, SKOS, Graph, Literal, URIRef

from kg.rdf.io import ontology_path
from kg.rdf.namespace import KG, PREDICATES, WD, WDT

NS = str(KG._NS)
CAMEO = {
    "visits": {"042"}, "meets": {"040", "036"}, "seeksTiesWith": {"030"}, "signsAgreementWith": {"057"},
    "criticizes": {"111"}, "accuses": {"112"}, "issuesArrestWarrantFor": {"173"}, "rejects": {"120"},
    "sanctions": {"163"}, "attacks": {"190"}, "expressesConcernAbout": {"012"},
    "providesMilitaryAid": {"072"}, "providesEconomicAid": {"071"}, "denies": {"016"}, "supports": {"051"},
    "urges": {"020"},
    "awards": {"051"}, "releases": {"084"},
}  # fmt: skip
WIKIDATA = {
    "leads": {"P35", "P6", "P488"}, "memberOf": {"P463"}, "affiliatedWith": {"P1416", "P108"},
    "locatedIn": {"P131", "P17"}, "citizenOf": {"P27"}, "partOf": {"P361"},
}  # fmt: skip


@pytest.fixture(scope="module")
def onto() -> Graph:
    return Graph().parse(ontology_path("kg.ttl"), format="turtle")


def test_namespace_terms_are_in_the_ontology_and_back(onto: Graph) -> None:
    in_file = {str(s)[len(NS) :] for s in onto.subjects() if isinstance(s, URIRef) and str(s).startswith(NS)}
    in_code = set(KG.__annotations__)
    assert in_code == in_file
    for name in in_code:
        assert (getattr(KG, name), RDFS.isDefinedBy, URIRef(NS.rstrip("#"))) in onto


def test_namespace_fails_on_unknown_terms() -> None:
    with pytest.raises(AttributeError):
        KG.visitss  # noqa: B018


def test_ontology_header(onto: Graph) -> None:
    ontology = URIRef(NS.rstrip("#"))
    assert (ontology, RDF.type, OWL.Ontology) in onto
    assert str(onto.value(ontology, OWL.versionIRI)).startswith("https://w3id.org/kg-hindi/ontology/")


def test_classes(onto: Graph) -> None:
    for name in (
        "Person",
        "Organization",
        "Country",
        "City",
        "Region",
        "Event",
        "Document",
        "RelationStatement",
    ):
        assert (KG[name], RDF.type, OWL.Class) in onto


@pytest.mark.parametrize("pid", PREDICATES)
def test_predicate_is_described(onto: Graph, pid: str) -> None:
    prop = KG[pid]
    assert (prop, RDF.type, OWL.ObjectProperty) in onto
    assert (prop, RDFS.subPropertyOf, KG.relatedTo) in onto
    langs = {lit.language for lit in onto.objects(prop, RDFS.label)}
    assert langs == {"en", "hi"}
    assert onto.value(prop, SKOS.definition) is not None
    assert onto.value(prop, RDFS.domain) is not None
    assert {str(c) for c in onto.objects(prop, KG.cameoCode)} == CAMEO.get(pid, set())
    mapped = set()
    for p in (SKOS.closeMatch, SKOS.relatedMatch, SKOS.exactMatch, OWL.equivalentProperty):
        for o in onto.objects(prop, p):
            mapped.add(str(o).rsplit("/", 1)[-1])
            assert str(o).startswith((str(WD), str(WDT)))
    assert mapped == WIKIDATA.get(pid, set())


def test_cameo_codes_are_strings(onto: Graph) -> None:
    codes = list(onto.objects(None, KG.cameoCode))
    assert codes and all(isinstance(c, Literal) and c.datatype is None and len(str(c)) == 3 for c in codes)


def test_inventory_is_complete() -> None:
    assert len(PREDICATES) == 26 and len(set(PREDICATES)) == 26


def test_ontology_ships_inside_the_package() -> None:
    """``kg/rdf/ontology`` (a link to ``ontology/``) is package data, so a wheel carries it."""
    import tomllib
    from pathlib import Path

    import kg

    package = Path(kg.__file__).resolve().parent
    root = package.parent
    inside = package / "rdf" / "ontology"
    assert ontology_path("kg.ttl") == inside / "kg.ttl"
    for name in ("kg.ttl", "shapes.ttl", "context.jsonld", "queries/visits.rq"):
        assert (inside / name).read_bytes() == (root / "ontology" / name).read_bytes()
    globs = tomllib.loads((root / "pyproject.toml").read_text())["tool"]["setuptools"]["package-data"]["kg"]
    assert {"rdf/ontology/*", "rdf/ontology/**/*"} <= set(globs)
