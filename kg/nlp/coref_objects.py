"""Singular object pronouns (``उसे``, ``उस पर``) as countries, for :mod:`kg.nlp.coref`.

News Hindi writes people with the honorific plural (``उन्हें``, ``उन पर``), so a singular
oblique pronoun that is the object of an act stands for a thing, a country or an organization.
Only a country named earlier in the same sentence is taken. In the pronoun's own clause, the
latest country that is not the clause's subject (``पोलैंड की सीमा पर तनाव के बीच रूस ने उस पर
हमला किया``: Poland; ``अमेरिका ने यूक्रेन के संकट में उसे हथियार दिए``: Ukraine); failing that,
the pronoun takes up the subject of a clause before (``रूस खारकीव की ओर बढ़ रहा है, लेकिन
अमेरिका ने उस पर ...``, ``रूस ने कहा कि उसे ...``: Russia). An organization is left alone
(``उस`` after an organization names its work or its report as often as the body itself), and
so is a country of an earlier sentence.
"""

from __future__ import annotations

from collections.abc import Sequence

from spacy.tokens import Doc

from kg.nlp.args import Arg
from kg.nlp.markers import BOUNDARIES, clause_start

__all__ = ["OBJECT_CUES", "object_pronoun"]

#: Tokens that may start a singular object pronoun: ``उसे``, or ``उस`` before a postposition.
OBJECT_CUES = frozenset({"उसे", "उस"})
_AFTER_US = frozenset({"पर", "से", "को"})  # "उस पर हमला"; not "उस समय", "उस देश"
_OPENERS = BOUNDARIES | {"और", "तथा", ",", "तो"}  # a pronoun right after these opens its clause
_OBLIQUE = frozenset({"को", "से", "का", "की", "के", "पर", "में", "तक", "द्वारा"})


def _subject_of_clause(norms: Sequence[str], arg: Arg, sent_start: int) -> bool:
    """``X ने``, or a bare X with no ``ने`` before it in its own clause (``कि रूस ... कर रहा है``)."""
    after = norms[arg.end] if arg.end < len(norms) else ""
    if after == "ने":
        return True
    first = clause_start(norms, sent_start, arg.start)
    return after not in _OBLIQUE and "ने" not in norms[first:arg.start]


def object_pronoun(doc: Doc, i: int, before: Sequence[Arg], sent: int, sent_start: int) -> Arg | None:
    """The country that a singular object pronoun at token ``i`` refers to, or None.

    Parameters
    ----------
    doc : Doc
        The document.
    i : int
        The pronoun's token (``उसे``, or ``उस`` followed by ``पर``/``से``/``को``).
    before : sequence of Arg
        The arguments ending before ``i`` (sorted by end).
    sent, sent_start : int
        The pronoun's sentence index and first token.

    Returns
    -------
    Arg or None
        A one-token ``pronoun`` argument with the country's key.
    """
    norms = [t.norm_ for t in doc[sent_start:i + 2]]
    if doc[i].norm_ == "उस" and (i + 1 >= len(doc) or doc[i + 1].norm_ not in _AFTER_US):
        return None
    local = [Arg(a.start - sent_start, a.end - sent_start, a.keys, a.type, a.kind, a.sent, extra=a.extra)
             for a in before if a.sent == sent and a.type == "Country" and len(a.keys) == 1
             and a.kind not in {"demonym", "pronoun", "group"} and not a.extra.get("anchor")]
    here = i - sent_start
    own = here if here > 0 and norms[here - 1] in _OPENERS else clause_start(norms, 0, here)
    subjects = [a for a in local if _subject_of_clause(norms, a, 0)]
    # in its own clause, the latest country that is not the clause's subject ("पुतिन ने उस पर");
    # else the topic goes on: the latest subject of a clause before ("रूस ... बढ़ रहा है, लेकिन उसे")
    found = next((a for a in reversed(local) if a.start >= own and a not in subjects), None)
    if found is None:
        found = next((a for a in reversed(subjects) if a.end <= own), None)
    return Arg(i, i + 1, found.keys, "Country", "pronoun", sent) if found else None
