"""spaCy factories of kg's pipeline components, in one place.

Each factory is exposed through the ``spacy_factories`` entry point, so any
spaCy pipeline can use the components by name, for example::

    nlp = spacy.blank("hi")
    nlp.add_pipe("kg_sentences")
    nlp.add_pipe("kg_lexicon")
    nlp.add_pipe("kg_patterns")
    nlp.add_pipe("kg_canonical")
    nlp.add_pipe("kg_coref")
    nlp.add_pipe("kg_relations")

The lexicon is injected through the registered function ``kg.lexicon.v1``.
"""

from __future__ import annotations

from spacy.language import Language
from spacy.util import registry

from kg.nlp.aliasnorms import alias_norms
from kg.nlp.canonical import Canonicalizer
from kg.nlp.coref import Coreference
from kg.nlp.entities import LexiconRuler, NamePatterns
from kg.nlp.lexicon import Lexicon, load_lexicon
from kg.nlp.relations import RelationExtractor
from kg.nlp.sentences import SentenceSplitter
from kg.relmodel.component import RelationModelComponent

__all__ = [
    "create_lexicon", "make_sentences", "make_lexicon_ruler", "make_patterns",
    "make_canonical", "make_coref", "make_relations", "make_relation_model",
]

_LEXICON = {"lexicon": {"@misc": "kg.lexicon.v1"}}


@registry.misc("kg.lexicon.v1")
def create_lexicon() -> Lexicon:
    """The lexicon shipped in ``kg/data`` (loaded once per process)."""
    return load_lexicon()


@Language.factory("kg_sentences", default_config=_LEXICON)
def make_sentences(nlp: Language, name: str, lexicon: Lexicon) -> SentenceSplitter:
    """Sentence splitter for Hindi news (dandas, headlines, datelines)."""
    places = frozenset(alias for alias, key in lexicon.names.items()
                       if lexicon.entries[key].type in {"City", "Country", "Region"})
    return SentenceSplitter(places=places)


@Language.factory("kg_lexicon", default_config=_LEXICON)
def make_lexicon_ruler(nlp: Language, name: str, lexicon: Lexicon) -> LexiconRuler:
    """Lexicon names, demonyms and metonyms into ``doc.spans["kg_mentions"]`` (alias norms cached for
    kg's own tokenizer: :mod:`kg.nlp.aliasnorms`)."""
    return LexiconRuler(nlp, lexicon, alias_norms=alias_norms(nlp))


@Language.factory("kg_patterns", default_config={**_LEXICON, "model_key": "ner_model"})
def make_patterns(nlp: Language, name: str, lexicon: Lexicon, model_key: str) -> NamePatterns:
    """Names after titles, organizations before head nouns, and model predictions."""
    return NamePatterns(lexicon, model_key=model_key)


@Language.factory("kg_canonical", default_config=_LEXICON)
def make_canonical(nlp: Language, name: str, lexicon: Lexicon) -> Canonicalizer:
    """One entity key per real entity, English labels for new names."""
    return Canonicalizer(lexicon)


@Language.factory("kg_coref", default_config=_LEXICON)
def make_coref(nlp: Language, name: str, lexicon: Lexicon) -> Coreference:
    """Relation arguments, title links, pronouns, role nouns and groups."""
    return Coreference(lexicon)


@Language.factory("kg_relations", default_config=_LEXICON)
def make_relations(nlp: Language, name: str, lexicon: Lexicon) -> RelationExtractor:
    """Typed relations with modality, time, place and confidence."""
    return RelationExtractor(lexicon)


@Language.factory("kg_relation_model", default_config={"path": "", "min_confidence": None, "use_rules": None})
def make_relation_model(nlp: Language, name: str, path: str, min_confidence: float | None,
                        use_rules: bool | None) -> RelationModelComponent:
    """The learned relation model (``kg/models/hi_rel`` unless ``path`` names another); whether the
    rules' output is among its features follows how it was trained unless ``use_rules`` says."""
    from kg.relmodel.model import DEFAULT_MODEL, load_model

    model = load_model(path or DEFAULT_MODEL)
    if use_rules is None:
        use_rules = bool(model.meta.get("config", {}).get("use_rules", True))
    return RelationModelComponent(model, min_confidence=min_confidence, use_rules=use_rules)
