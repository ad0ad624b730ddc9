"""The explanation's values: Leaf (a case fact and its span), Node (a conclusion and the rule that
derived it), Failure (a why-not), Section and Explanation. Frozen; built by `explanation`.

    Node("no_threshold_showing(impermissible_factor)", "no substantial threshold showing ...",
         rule="billings_stand_in_aside", facts=(Leaf("remark_by(family_circumstances,stand_in)", 31),))
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field

from doctrine.language.source import Span
from doctrine.reasoning.verdict import Verdict


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
