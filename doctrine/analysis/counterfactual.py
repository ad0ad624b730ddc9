"""Counterfactual search: Rulebase x Space x goal -> change sets, by clingo optimisation.

One program holds the doctrine once per branch of the questions the jurisdiction leaves open
(each copy's derived atoms carry the copy as an extra first argument; the input atoms are
shared), the choice over the fact space (`SPACE`, reading the meta-facts of
`doctrine.analysis.space.Space`), and a goal that must hold in every copy -- so an answer brings the
goal about however the unsettled law is decided, the way a verdict says "available", not
"depends". `#minimize` counts the changes; answers are enumerated cheapest first, each later
one barred from containing an earlier one, so every answer is subset-minimal.

The derived atom of the doctrine and the goal `relief` become
    holds(WhatifCopy, relief(K)) :- _copy(WhatifCopy), ...
    _goal(C) :- holds(C, relief(_)).   :- _copy(C), not _goal(C).
"""

from __future__ import annotations

import atexit
import itertools
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from functools import lru_cache

import clingo
from clingo import Function, Number, Symbol, ast

from doctrine.analysis.space import Change, Space, shape_facts, slot_of
from doctrine.engine.rulebase import Rulebase, _jurisdiction_statements
from doctrine.language import vocabulary as V
from doctrine.language.diagnostics import Diagnostic, DoctrineError
from doctrine.language.source import NOWHERE

COPY = "WhatifCopy"
_LOC = ast.Location(ast.Position("<whatif>", 1, 1), ast.Position("<whatif>", 1, 1))

# The choice over the fact space; its meta-facts are documented in doctrine.analysis.space.Space.
SPACE = """
_reqd(S) :- _req(S, _).
_active(S) :- _slot(S), not _reqd(S).
_active(S) :- _req(S, H), _in(H).
_based(S) :- _opt(S, A), _base(A).
_ref(A) :- _base(A).
_ref(A) :- _dflt(S, A), not _based(S).

{ _in(A) : _opt(S, A), not _excluded(A) } :- _slot(S), _active(S), not _fixed(S).
_in(A) :- _fixed(S), _active(S), _opt(S, A), _ref(A).
_present(S) :- _opt(S, A), _in(A).
:- _single(S), 2 #count { A : _opt(S, A), _in(A) }.
:- _needed(S), _active(S), not _present(S).
:- _needs(A, B), _in(A), not _in(B).
_hok(S) :- _hreq(S, H), _in(H).
:- _hreq(S, _), not _hok(S), _opt(S, A), _in(A), not _dflt(S, A).
_other(S) :- _opt(S, A), _in(A), not _dflt(S, A).
:- _dflt(S, D), not _single(S), _in(D), _other(S), not _stated(D).

_change(set(A)) :- _single(S), _opt(S, A), _in(A), not _ref(A).
_change(unset(A)) :- _single(S), _active(S), not _present(S), _opt(S, A), _ref(A).
_change(add(A)) :- _opt(S, A), not _single(S), _in(A), not _ref(A).
_change(drop(A)) :- _opt(S, A), not _single(S), _active(S), _stated(A), not _in(A).
:- _limit(K), K + 1 #count { C : _change(C) }.
#minimize { 1,C : _change(C) }.

_goal_everywhere :- _goal(C) : _copy(C).
_goal_nowhere :- not _goal(C) : _copy(C).
:- _want(holds), not _goal_everywhere.
:- _want(fails), not _goal_nowhere.
#defined _want/1. #defined _limit/1. #defined _goal/1. #defined _needs/2. #defined _hreq/2.
#defined _req/2. #defined _dflt/2. #defined _excluded/1. #defined _fixed/1. #defined _single/1. #defined _needed/1. #defined _stated/1.
#show _change/1.
#show _in/1.
"""


def branches(
    rulebase: Rulebase, jurisdiction: str, as_of: int | None = None
) -> tuple[tuple[tuple[str, str], ...], ...]:
    """The branches of the open questions on `as_of`, in the order `doctrine.engine.solve.Engine` runs them."""
    open_qs = rulebase.open_questions(jurisdiction, as_of)
    return tuple(
        tuple(b) for b in itertools.product(*[[(q, p) for p in rulebase.questions[q]] for q in open_qs])
    )


class _PerCopy(ast.Transformer):
    """Give every derived atom the copy as its first argument; input atoms stay shared."""

    def __init__(self, shared: frozenset[str]) -> None:
        self.shared = shared
        self.var = ast.Variable(_LOC, COPY)
        self.read: set[str] = set()  # the input predicates the rules mention

    def visit_SymbolicAtom(self, node: ast.AST) -> ast.AST:
        sym = node.symbol
        if sym.ast_type == ast.ASTType.Function and sym.name in self.shared:
            self.read.add(sym.name)
        if sym.ast_type == ast.ASTType.Function and sym.name not in self.shared and not sym.external:
            return node.update(symbol=sym.update(arguments=[self.var, *sym.arguments]))
        if (
            sym.ast_type == ast.ASTType.SymbolicTerm
            and sym.symbol.type == clingo.SymbolType.Function
            and sym.symbol.name not in self.shared
        ):
            return node.update(symbol=ast.Function(sym.location, sym.symbol.name, [self.var], 0))
        return node

    def statement(self, stm: ast.AST) -> ast.AST | None:
        kind = stm.ast_type
        if kind == ast.ASTType.Rule:
            if _is_trace(stm):
                return None
            copy = ast.Literal(
                _LOC, ast.Sign.NoSign, ast.SymbolicAtom(ast.Function(_LOC, "_copy", [self.var], 0))
            )
            new = self.visit(stm)
            return new.update(body=[*new.body, copy])
        if kind == ast.ASTType.Defined:
            return stm if stm.name in self.shared else stm.update(arity=stm.arity + 1)
        if kind in (ast.ASTType.ShowSignature, ast.ASTType.ShowTerm, ast.ASTType.Comment):
            return None
        return stm


_PER_COPY: dict[tuple[str, str, str], tuple[tuple[ast.AST, ...], frozenset[str]]] = {}


def per_copy_doctrine(rulebase: Rulebase, jurisdiction: str) -> tuple[tuple[ast.AST, ...], frozenset[str]]:
    """The doctrine and the jurisdiction's settings, transformed once per rule set, and the
    input predicates they read."""
    key = (str(rulebase.directory), rulebase.digest, jurisdiction)
    if key not in _PER_COPY:
        t = _PerCopy(frozenset(V.input_predicates()))
        stms: list[ast.AST] = [*rulebase.statements]
        stms += _jurisdiction_statements(rulebase.directory, jurisdiction)
        done = tuple(x for x in map(t.statement, stms) if x is not None)
        _PER_COPY[key] = (done, frozenset(t.read))
    return _PER_COPY[key]


def inputs_read(rulebase: Rulebase, jurisdiction: str) -> frozenset[str]:
    """The input predicates some rule of the doctrine reads."""
    return per_copy_doctrine(rulebase, jurisdiction)[1]


def _is_trace(stm: ast.AST) -> bool:
    head = stm.head
    return (
        head.ast_type == ast.ASTType.Literal
        and getattr(head.atom, "symbol", None) is not None
        and getattr(head.atom.symbol, "name", "") == "_body"
    )


@lru_cache(maxsize=1)
def _shape() -> tuple[ast.AST, ...]:
    """SPACE, the vocabulary's slots, and a bridge from each chosen atom to the atom itself."""
    out: list[ast.AST] = []
    ast.parse_string(SPACE, out.append)
    out += [_fact(s) for s in shape_facts()]
    out += [_bridge(a) for a in slot_of()]
    return tuple(out)


@atexit.register
def _release() -> None:
    """Free the cached AST while clingo is still loaded (see doctrine.engine.clause)."""
    _PER_COPY.clear()
    _shape.cache_clear()


def _fact(sym: Symbol) -> ast.AST:
    atom = ast.SymbolicAtom(ast.SymbolicTerm(_LOC, sym))
    return ast.Rule(_LOC, ast.Literal(_LOC, ast.Sign.NoSign, atom), [])


def _bridge(sym: Symbol) -> ast.AST:
    """`sym :- _in(sym).`: a chosen input atom holds."""
    head = ast.Literal(_LOC, ast.Sign.NoSign, ast.SymbolicAtom(ast.SymbolicTerm(_LOC, sym)))
    body = ast.Literal(
        _LOC, ast.Sign.NoSign, ast.SymbolicAtom(ast.SymbolicTerm(_LOC, Function("_in", [sym])))
    )
    return ast.Rule(_LOC, head, [body])


def goal_rules(pattern: Symbol) -> list[ast.AST]:
    """`_goal(C) :- holds(C, pattern).` A bare name matches it with any arguments (as --why-not)."""
    c = ast.Variable(_LOC, "C")
    terms: list[ast.AST] = [ast.SymbolicTerm(_LOC, pattern)]
    if pattern.type == clingo.SymbolType.Function and not pattern.arguments:
        anon = [ast.Variable(_LOC, "_")]
        terms += [ast.Function(_LOC, pattern.name, anon * n, 0) for n in range(1, 5)]
    out = []
    for t in terms:
        head = ast.Literal(_LOC, ast.Sign.NoSign, ast.SymbolicAtom(ast.Function(_LOC, "_goal", [c], 0)))
        body = ast.Literal(_LOC, ast.Sign.NoSign, ast.SymbolicAtom(ast.Function(_LOC, "holds", [c, t], 0)))
        out.append(ast.Rule(_LOC, head, [body]))
    return out


@dataclass(frozen=True)
class Answer:
    """One model: the changes and every input atom it chose."""

    changes: tuple[Change, ...]
    atoms: frozenset[Symbol]

    @property
    def cost(self) -> int:
        return len(self.changes)


class Search:
    """The doctrine per branch plus the choice over a space; ground once, solve many times."""

    def __init__(
        self,
        rulebase: Rulebase,
        jurisdiction: str,
        space: Space,
        extra: Sequence[ast.AST] = (),
        facts: Sequence[Symbol] = (),
        as_of: int | None = None,
    ) -> None:
        self.messages: list[str] = []
        self.branches = branches(rulebase, jurisdiction, as_of)
        ctl = clingo.Control(
            ["--opt-strategy=usc", "--models=0"], logger=lambda _c, m: self.messages.append(m.strip())
        )
        copies = [Function("_b", [Number(i)]) for i in range(len(self.branches))]
        data = space.facts() + list(facts)
        for c, branch in zip(copies, self.branches):
            data.append(Function("_copy", [c]))
            data += [Function("branch", [c, Function(q), Function(p)]) for q, p in branch]
            if as_of is not None:
                data += [
                    Function("not_yet_decided", [c, Function(a.id)])
                    for a in rulebase.authorities.values()
                    if a.date > as_of
                ]
        with ast.ProgramBuilder(ctl) as builder:
            for stm in per_copy_doctrine(rulebase, jurisdiction)[0]:
                builder.add(stm)
            for stm in _shape():
                builder.add(stm)
            for sym in data:
                builder.add(_fact(sym))
            for stm in extra:
                builder.add(stm)
        ctl.ground([("base", [])])
        if any("error" in m for m in self.messages):
            raise DoctrineError([Diagnostic("whatif-program-error", m, NOWHERE) for m in self.messages])
        self._ctl = ctl

    def _models(self, mode: str, limit: int) -> list[Answer]:
        self._ctl.configuration.solve.opt_mode = mode  # type: ignore[union-attr]
        self._ctl.configuration.solve.models = str(limit)  # type: ignore[union-attr]
        found: list[Answer] = []
        with self._ctl.solve(yield_=True) as handle:
            for model in handle:
                found.append(_decode(model.symbols(shown=True)))
        return found

    def optimum(self) -> int | None:
        """The fewest changes that reach the goal (None: no change set does)."""
        models = self._models("opt", 0)
        return models[-1].cost if models else None

    def satisfiable(self) -> Answer | None:
        models = self._models("ignore", 1)
        return models[0] if models else None

    def exclude(self, answer: Answer) -> None:
        """No later answer may contain all of `answer`'s changes."""
        lits = []
        for c in answer.changes:
            atom = self._ctl.symbolic_atoms[Function("_change", [_term(c)])]
            assert atom is not None, "a change of a model is a ground atom"
            lits.append(atom.literal)
        with self._ctl.backend() as backend:
            backend.add_rule([], lits)

    def cheapest(self, max_changes: int, count: int) -> Iterator[Answer]:
        """Subset-minimal change sets, cheapest first: a cost is exhausted before the next.

        A cost enumerated only in part ends the search, so every answer's proper subsets (all
        cheaper) were seen, and excluded it if they reached the goal."""
        best = self.optimum()
        if best is None:
            return
        n = 0
        for level in range(best, max_changes + 1):
            want = count - n
            models = self._models(f"enum,{level}", want)
            for answer in sorted({a.changes: a for a in models}.values(), key=lambda a: a.changes):
                n += 1
                yield answer
                if answer.cost == 0:
                    return  # the goal already holds: every other set contains this one
                self.exclude(answer)
            if len(models) >= want:
                return  # enough answers, or this cost not exhausted


def _term(change: Change) -> Symbol:
    return Function(change.op, [change.atom])


def _decode(symbols: Sequence[Symbol]) -> Answer:
    changes, atoms = [], set()
    for s in symbols:
        if s.name == "_change":
            inner = s.arguments[0]
            changes.append(Change(inner.name, inner.arguments[0]))
        elif s.name == "_in":
            atoms.add(s.arguments[0])
    return Answer(tuple(sorted(changes)), frozenset(atoms))
