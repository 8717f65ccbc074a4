"""Singular object pronouns (``उसे``, ``उस पर``) as countries, for :mod:`kg.nlp.coref`.

News Hindi writes people with the honorific plural (``उन्हें``, ``उन पर``), so a singular
oblique pronoun that is the object of an act stands for a thing, a country or an organization.
Only a country named earlier in the same sentence that is no subject there (``X ने``, or a
bare X heading its clause) is taken, the latest such: ``पोलैंड की सीमा पर तनाव के बीच रूस
ने उस पर हमला किया`` (Poland), ``अमेरिका ने यूक्रेन के संकट में उसे हथियार दिए`` (Ukraine).
An organization is left alone (``उस`` after an organization names its work or its report as
often as the body itself), and so is a country of an earlier sentence.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from spacy.tokens import Doc

from kg.nlp.args import Arg

__all__ = ["OBJECT_CUES", "object_pronoun"]

#: Tokens that may start a singular object pronoun: ``उसे``, or ``उस`` before a postposition.
OBJECT_CUES = frozenset({"उसे", "उस"})
_AFTER_US = frozenset({"पर", "से", "को"})  # "उस पर हमला"; not "उस समय", "उस देश"


def object_pronoun(doc: Doc, i: int, before: Sequence[Arg], sent: int,
                   is_subject: Callable[[Arg], bool]) -> Arg | None:
    """The country that a singular object pronoun at token ``i`` refers to, or None.

    Parameters
    ----------
    doc : Doc
        The document.
    i : int
        The pronoun's token (``उसे``, or ``उस`` followed by ``पर``/``से``/``को``).
    before : sequence of Arg
        The arguments ending before ``i`` (sorted by end).
    sent : int
        The pronoun's sentence index.
    is_subject : callable
        Whether an argument is the subject of its clause (such a country is not taken:
        in ``रूस ने कहा कि उसे ...`` it would be the pronoun's own clause-mate).

    Returns
    -------
    Arg or None
        A one-token ``pronoun`` argument with the country's key.
    """
    norm = doc[i].norm_
    if norm == "उस" and (i + 1 >= len(doc) or doc[i + 1].norm_ not in _AFTER_US):
        return None
    for arg in reversed(before):
        if arg.sent != sent:
            return None
        if (arg.type == "Country" and len(arg.keys) == 1 and arg.kind not in {"demonym", "pronoun", "group"}
                and not arg.extra.get("anchor") and not is_subject(arg)):
            return Arg(i, i + 1, arg.keys, "Country", "pronoun", sent)
    return None
