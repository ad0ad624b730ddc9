"""The explanation's values: Leaf (a case fact and its span), Node (a conclusion and the rule that
derived it), Failure (a why-not), Section and Explanation. Frozen; built by `explanation`.

    Node("no_threshold_showing(impermissible_factor)", "no substantial threshold showing ...",
         rule="billings_stand_in_aside", facts=(Leaf("remark_by(family_circumstances,stand_in)", 31),))
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

from doctrine.language.source import Position, Span
from doctrine.reasoning.verdict import Verdict, pack_verdict, packed_once, unpack_verdict


@dataclass(frozen=True)
class Leaf:
    """A case fact (or a jurisdiction setting) an explanation rests on."""

    fact: str
    text: str
    span: Span | None  # None: not stated in the case file (a default: the record is silent)
    note: str = ""  # where a leaf with no span comes from (a jurisdiction setting, a branch)

    @property
    def line(self) -> int | None:
        return self.span.start.line if self.span else None


@dataclass(frozen=True)
class Node:
    """One step of a derivation: a conclusion and the rule that reached it."""

    conclusion: str
    text: str
    rule: str = ""
    authority: str = ""
    pin: str = ""
    quote: str = ""
    statement: str = ""
    because: tuple[Node, ...] = ()
    facts: tuple[Leaf, ...] = ()
    findings: tuple[str, ...] = ()  # negative conditions, read as findings
    ref: bool = False  # shown in full earlier in the explanation


@dataclass(frozen=True)
class Failure:
    """Why a rule did not reach the goal: the first condition that failed."""

    goal: str
    rule: str
    authority: str
    pin: str
    condition: str  # the failed body literal, as written
    text: str  # in plain words
    deeper: tuple[Failure, ...] = ()


@dataclass(frozen=True)
class Section:
    """A group of holdings: the dispositive ones, or those reached under one condition."""

    title: str
    condition: str
    nodes: tuple[Node, ...]


@dataclass(frozen=True)
class Explanation:
    verdict: Verdict
    sections: tuple[Section, ...]
    why_not: tuple[Failure, ...] = ()
    why_not_goal: str = ""
    facts_used: frozenset[str] = field(default_factory=frozenset)

    def nodes(self) -> Iterator[Node]:
        def walk(n: Node) -> Iterator[Node]:
            yield n
            for c in n.because:
                yield from walk(c)

        for s in self.sections:
            for n in s.nodes:
                yield from walk(n)


# What crosses between processes: an explanation as nested tuples of its fields, in field order
# (pickling these dataclasses cost the parent about as much as a worker spent explaining).

Packed = tuple[Any, ...]


def pack_explanation(e: Explanation) -> Packed:
    return (pack_verdict(e.verdict), tuple(_pack_section(s) for s in e.sections),
            tuple(pack_failure(f) for f in e.why_not), e.why_not_goal, e.facts_used)


def unpack_explanation(data: Packed, verdict: Verdict | None = None) -> Explanation:
    """The explanation `pack_explanation` packed (with `verdict` when it is already unpacked)."""
    return Explanation(verdict or unpack_verdict(data[0]), tuple(_unpack_section(s) for s in data[1]),
                       tuple(_unpack_failure(f) for f in data[2]), data[3], data[4])


def _pack_section(s: Section) -> Packed:
    return (s.title, s.condition, tuple(_pack_node(n) for n in s.nodes))


def _unpack_section(t: Packed) -> Section:
    return Section(t[0], t[1], tuple(_unpack_node(n) for n in t[2]))


def _pack_node(n: Node) -> Packed:
    if n.ref or not n.rule:  # a reference or a bare conclusion: one Node serves every case
        return packed_once(n, _pack_node_fields)
    return _pack_node_fields(n)


def _pack_node_fields(n: Node) -> Packed:
    return (n.conclusion, n.text, n.rule, n.authority, n.pin, n.quote, n.statement,
            tuple(_pack_node(c) for c in n.because), tuple(_pack_leaf(f) for f in n.facts), n.findings, n.ref)


def _unpack_node(t: Packed) -> Node:
    return Node(t[0], t[1], t[2], t[3], t[4], t[5], t[6], tuple(_unpack_node(c) for c in t[7]),
                tuple(_unpack_leaf(f) for f in t[8]), t[9], t[10])


def _pack_leaf(leaf: Leaf) -> Packed:
    if leaf.span is None and leaf.note:  # a jurisdiction's setting: one Leaf serves every case
        return packed_once(leaf, _pack_leaf_fields)
    return _pack_leaf_fields(leaf)


def _pack_leaf_fields(leaf: Leaf) -> Packed:
    s = leaf.span
    return (leaf.fact, leaf.text, None if s is None else span_fields(s), leaf.note)


def span_fields(s: Span) -> tuple[str, int, int, int, int]:
    """A span as a packed Leaf holds it: (source, start line, start column, end line, end column)."""
    start, end = s.start, s.end
    return (s.source, start.line, start.column, end.line, end.column)


def _unpack_leaf(t: Packed) -> Leaf:
    s = t[2]
    span = None if s is None else Span(s[0], Position(s[1], s[2]), Position(s[3], s[4]))
    return Leaf(t[0], t[1], span, t[3])


def pack_failure(f: Failure) -> Packed:
    return (f.goal, f.rule, f.authority, f.pin, f.condition, f.text, tuple(pack_failure(d) for d in f.deeper))


def _unpack_failure(t: Packed) -> Failure:
    return Failure(t[0], t[1], t[2], t[3], t[4], t[5], tuple(_unpack_failure(d) for d in t[6]))


PACKED_FIELDS = {  # the fields each packer writes, in order: a test holds them to the dataclasses'
    Explanation: ("verdict", "sections", "why_not", "why_not_goal", "facts_used"),
    Section: ("title", "condition", "nodes"),
    Node: ("conclusion", "text", "rule", "authority", "pin", "quote", "statement", "because", "facts", "findings", "ref"),
    Leaf: ("fact", "text", "span", "note"),
    Failure: ("goal", "rule", "authority", "pin", "condition", "text", "deeper"),
    Span: ("source", "start", "end"),
    Position: ("line", "column"),
}
