"""Plain words shared by the renderers: the relief and minimum lines, citations, where a fact
was stated, quotes.

    Verdict(relief_available=False, ...)
becomes
    "Relief: none"
"""

from __future__ import annotations

from doctrine.reasoning.explanation import Leaf, Node
from doctrine.reasoning.verdict import Holding, Verdict


def relief_line(v: Verdict) -> str:
    if v.relief_available is None:
        return "Relief: depends on " + ", ".join(q.replace("_", " ") for q in v.depends_on)
    if v.relief_available:
        return "Relief: available — " + ", ".join(k.replace("_", " ") for k in v.relief_kinds)
    return "Relief: none"


def minimum_line(v: Verdict) -> str:
    if v.below_minimum_authorized is None:
        return "Below a statutory minimum: depends on " + ", ".join(v.depends_on)
    if v.below_minimum_authorized:
        return "Below a statutory minimum: authorized (" + ", ".join(b.replace("_", " ") for b in v.below_minimum_bases) + ")"
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
