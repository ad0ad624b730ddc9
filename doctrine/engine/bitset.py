"""The compiled doctrine (the ground rules in evaluation order) and the pass over every rule of
it for many runs at once: bit w of an atom's int is run w. Rules are taken in the order of
their dependencies, so one pass decides a part without recursion; a recursive part is passed
over until nothing changes. (`doctrine.engine.compiled` builds the doctrine and answers plans.)

    holds(relief(remedy)) :- derive(king_remedy, relief(remedy)), not defeated(king_remedy, ...).
becomes, for a thousand runs at once,
    val[holds(...)] |= val[derive(...)] & ~val[defeated(...)]
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from doctrine.language.diagnostics import Diagnostic, DoctrineError
from doctrine.language.source import NOWHERE

GroundRule = tuple[int, tuple[int, ...], tuple[int, ...]]  # head atom, positive body, negated body atoms


@dataclass(frozen=True)
class CompiledDoctrine:
    """The ground doctrine of one (rules digest, jurisdiction, trace), in evaluation order.

    `blocks` are the strongly connected parts of the dependency graph in topological order,
    each with its rules and whether it is recursive (a positive cycle, iterated to its least
    fixpoint); `inputs` maps every input atom (as clingo prints it) to its program atom;
    `shown` is every shown atom with the literals that make it true.
    """

    atoms: int
    blocks: tuple[tuple[bool, tuple[GroundRule, ...]], ...]
    constraints: tuple[tuple[tuple[int, ...], tuple[int, ...]], ...]
    true: tuple[int, ...]  # externals declared true
    inputs: dict[str, int]
    shown: tuple[tuple[str, tuple[int, ...], tuple[int, ...]], ...]


FLAT, STORED, RECURSIVE = 0, 1, 2  # how a part's rules are read: laid out, as stored, to a fixpoint


class _Pass:
    """A compiled doctrine laid out for the pass over every rule: in a part without recursion
    each rule as (head, one premise, the other premises, the negated atoms), so that a rule
    whose first premise holds in no run costs one lookup (atom 0 stands for no premise: true
    in every run); each shown atom that is one atom, apart from the conditional ones."""

    def __init__(self, doctrine: CompiledDoctrine) -> None:
        self.blocks: list[tuple[int, tuple[tuple[int, int, tuple[int, ...], tuple[int, ...]], ...] | tuple[GroundRule, ...]]] = []
        for recursive, rules in doctrine.blocks:
            if recursive:
                self.blocks.append((RECURSIVE, rules))
            else:
                flat = []
                for head, pos, neg in rules:
                    first = min(pos) if pos else 0
                    flat.append((head, first, tuple(a for a in pos if a != first), neg))
                self.blocks.append((FLAT, tuple(flat)))
        self.simple = [(i, pos[0]) for i, (_, pos, neg) in enumerate(doctrine.shown) if len(pos) == 1 and not neg]
        self.conditional = [(i, pos, neg) for i, (_, pos, neg) in enumerate(doctrine.shown) if len(pos) != 1 or neg]


class _Plain(_Pass):
    """The stored form read as it is: every part by the general loop (as a recursive part,
    which one round leaves unchanged when there is no recursion)."""

    def __init__(self, doctrine: CompiledDoctrine) -> None:
        self.blocks = [(RECURSIVE if recursive else STORED, rules) for recursive, rules in doctrine.blocks]
        self.simple = []
        self.conditional = [(i, pos, neg) for i, (_, pos, neg) in enumerate(doctrine.shown)]


_PASSES: dict[int, tuple[CompiledDoctrine, _Pass]] = {}


def _pass(doctrine: CompiledDoctrine) -> _Pass:
    got = _PASSES.get(id(doctrine))
    if got is None or got[0] is not doctrine:
        if len(_PASSES) >= 64:
            _PASSES.clear()
        got = _PASSES[id(doctrine)] = (doctrine, _Pass(doctrine))
    return got[1]


def evaluate(doctrine: CompiledDoctrine, requests: Sequence[frozenset[int]], laid_out: bool = True) -> list[list[int]]:
    """The shown atoms (indices into `doctrine.shown`) of the answer set of each request.

    A request is the set of input atoms that are true; every other input is false. Without
    `laid_out` the rules are read as they are stored (for a few runs of a single case, making
    the layout would cost more than it saves).
    """
    layout = _pass(doctrine) if laid_out else _Plain(doctrine)
    everything = (1 << len(requests)) - 1
    val = [0] * (doctrine.atoms + 1)
    val[0] = everything
    for atom in doctrine.true:
        val[atom] = everything
    for w, literals in enumerate(requests):
        bit = 1 << w
        for atom in literals:
            val[atom] |= bit
    for kind, rules in layout.blocks:
        if kind == FLAT:
            for head, first, pos, neg in rules:  # type: ignore[misc]  # the flat form of a plain part
                v = val[first]
                if not v:
                    continue
                for a in pos:
                    v &= val[a]
                if v:
                    for a in neg:
                        v &= ~val[a]
                    if v & ~val[head]:
                        val[head] |= v
            continue
        changed = True
        while changed:
            changed = False
            for head, pos, neg in rules:  # type: ignore[misc]  # a recursive part, to its fixpoint
                v = everything
                for a in pos:
                    v &= val[a]
                if v:
                    for a in neg:
                        v &= ~val[a]
                    if v & ~val[head]:
                        val[head] |= v
                        changed = kind == RECURSIVE
    for pos, neg in doctrine.constraints:
        v = everything
        for a in pos:
            v &= val[a]
        for a in neg:
            v &= ~val[a]
        if v:
            raise DoctrineError([Diagnostic("not-one-answer-set", "the doctrine gave 0 answer sets, not one", NOWHERE)])
    out: list[list[int]] = [[] for _ in requests]
    found = [(i, val[a]) for i, a in layout.simple if val[a]]
    for i, pos, neg in layout.conditional:
        v = everything
        for a in pos:
            v &= val[a]
        for a in neg:
            v &= ~val[a]
        if v:
            found.append((i, v))
    for i, v in found:
        bits = bin(v)[:1:-1]
        w = bits.find("1")
        while w >= 0:
            out[w].append(i)
            w = bits.find("1", w + 1)
    if layout.conditional:
        for o in out:
            o.sort()
    return out
