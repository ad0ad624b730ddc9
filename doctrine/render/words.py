"""Plain words shared by the renderers: the relief and minimum lines, citations, where a fact
was stated, quotes.

    Verdict(relief_available=False, ...)
becomes
    "Relief: none"
"""

from __future__ import annotations

from doctrine.reasoning.explanation import Leaf, Node
from doctrine.reasoning.say import atom_word, parse_atom, say_goal, say_question
from doctrine.reasoning.verdict import Holding, Verdict


def _word(constant: str) -> str:
    return atom_word(parse_atom(constant))


def case_name(v: Verdict) -> str:
    """The case as a reader names it: its title and citation when the file gives them."""
    return ", ".join(x for x in (v.title, v.citation) if x)


def court_words(v: Verdict) -> str:
    """Whose law decided the case: "the Seventh Circuit", or the default federal law."""
    return "federal law, no circuit's own" if v.jurisdiction == "default" else _word(v.jurisdiction)


def open_line(v: Verdict) -> str:
    return "Unsettled here, decided both ways: " + "; ".join(say_question(q) for q in v.open_questions)


def why_not_title(goal: str) -> str:
    """The heading of a why-not: the goal as the user named it, in words."""
    return "Why not: " + say_goal(goal)


def relief_line(v: Verdict) -> str:
    if v.relief_available is None:
        return "Relief: depends on " + "; ".join(say_question(q) for q in v.depends_on)
    if v.relief_available:
        return "Relief: available — " + ", ".join(_word(k) for k in v.relief_kinds)
    return "Relief: none"


def minimum_line(v: Verdict) -> str:
    if v.below_minimum_authorized is None:
        return "Below a statutory minimum: depends on " + "; ".join(say_question(q) for q in v.depends_on)
    if v.below_minimum_authorized:
        return "Below a statutory minimum: authorized (" + ", ".join(_word(b) for b in v.below_minimum_bases) + ")"
    return "Below a statutory minimum: not authorized"


def cite(node_or_holding: Node | Holding) -> str:
    a = node_or_holding.authority if isinstance(node_or_holding, Node) else node_or_holding.citation
    pin = node_or_holding.pin
    return f"{a}{', at ' + pin if pin else ''}"


def where(leaf: Leaf) -> str:
    if leaf.span:
        return f"{leaf.span.source}:{leaf.line}"
    return leaf.note or "not stated: the record is silent"


def quoted(quote: str) -> str:
    return quote if quote[:1] in "“\"" else f"“{quote}”"
