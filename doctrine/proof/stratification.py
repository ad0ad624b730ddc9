"""Stratification: the ground doctrine has no cycle through negation for any input (so every case
has exactly one answer set: `one_answer_set` proved for all inputs at once), and the rules
ground without errors.

    stratification(rulebase, "eighth_circuit")
gives
    None   (or "a cycle through negation: holds(a) -> not holds(b) -> holds(a)")
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

import clingo
from clingo import Function, Symbol, ast

from doctrine.analysis import space
from doctrine.engine.rulebase import Rulebase
from doctrine.language import vocabulary as V

_INPUTS = frozenset(V.input_predicates())


class _Collect:
    def __init__(self) -> None:
        self.statements: list[ast.AST] = []

    def add(self, stm: ast.AST) -> None:
        self.statements.append(stm)


def _is_trace_or_show(stm: ast.AST) -> bool:
    if stm.ast_type in (ast.ASTType.ShowSignature, ast.ASTType.ShowTerm):
        return True
    if stm.ast_type != ast.ASTType.Rule or stm.head.ast_type != ast.ASTType.Literal:
        return False
    atom = stm.head.atom
    return atom.ast_type == ast.ASTType.SymbolicAtom and getattr(atom.symbol, "name", "") == "_body"


def doctrine_statements(rulebase: Rulebase, jurisdiction: str) -> list[ast.AST]:
    """The doctrine as written (no trace siblings, no #show) and the jurisdiction's settings."""
    out = _Collect()
    rulebase.add_to(out, jurisdiction, trace=False)  # type: ignore[arg-type]
    return [s for s in out.statements if not _is_trace_or_show(s)]


def jurisdictions(rulebase: Rulebase) -> tuple[str, ...]:
    return tuple(sorted(rulebase.jurisdictions))


# ---------------------------------------------------------------------------------------------
# one_answer_set: no cycle through negation in the ground doctrine, for all inputs at once


class _Rules(clingo.Observer):
    """The ground rules, as (choice, heads, body literals)."""

    def __init__(self) -> None:
        self.rules: list[tuple[bool, list[int], list[int]]] = []

    def rule(self, choice: bool, head: Any, body: Any) -> None:
        self.rules.append((choice, list(head), list(body)))

    def weight_rule(self, choice: bool, head: Any, lower_bound: int, body: Any) -> None:
        self.rules.append((choice, list(head), [lit for lit, _w in body]))


def _free_inputs(rulebase: Rulebase) -> list[Symbol]:
    """Every input atom, branch, "even if" and not-yet-decided atom: chosen freely."""
    from doctrine.engine.solve import input_universe

    atoms = list(input_universe())
    atoms += [space.atom("branch", q, p) for q, ps in rulebase.questions.items() for p in ps]
    atoms += [Function("even_if", [clingo.parse_term(b)]) for b in rulebase.bars]
    atoms += [space.atom("not_yet_decided", a) for a in rulebase.authorities]
    return atoms


def _sccs(nodes: Iterable[int], edges: dict[int, list[int]]) -> dict[int, int]:
    """Tarjan's strongly connected components, iteratively: node -> component id."""
    index: dict[int, int] = {}
    low: dict[int, int] = {}
    comp: dict[int, int] = {}
    stack: list[int] = []
    on: set[int] = set()
    counter = 0
    for root in nodes:
        if root in index:
            continue
        work = [(root, 0)]
        while work:
            v, i = work.pop()
            if i == 0:
                index[v] = low[v] = counter
                counter += 1
                stack.append(v)
                on.add(v)
            succ = edges.get(v, [])
            if i < len(succ):
                work.append((v, i + 1))
                w = succ[i]
                if w not in index:
                    work.append((w, 0))
                elif w in on:
                    low[v] = min(low[v], index[w])
                continue
            for w in succ:
                if w in on and index[w] > index[v]:
                    low[v] = min(low[v], low[w])
            if low[v] == index[v]:
                while True:
                    w = stack.pop()
                    on.discard(w)
                    comp[w] = v
                    if w == v:
                        break
    return comp


def stratification(rulebase: Rulebase, jurisdiction: str) -> str | None:
    """None if the ground doctrine is stratified for every input at once, else why not."""
    free = _free_inputs(rulebase)
    obs = _Rules()
    ctl = clingo.Control(logger=lambda code, msg: None)
    ctl.register_observer(obs)
    with ast.ProgramBuilder(ctl) as builder:
        for s in doctrine_statements(rulebase, jurisdiction):
            builder.add(s)
        builder.add(space.choice(free, None, None))
    ctl.ground([("base", [])])
    names = {sa.literal: sa.symbol for sa in ctl.symbolic_atoms}
    inputs = set(free)
    edges: dict[int, list[int]] = {}
    negative: list[tuple[int, int]] = []
    for choice, heads, body in obs.rules:
        if not heads and not choice:
            return "the doctrine has an integrity constraint: some scenario may have no answer set"
        if choice and any(names.get(h) not in inputs for h in heads):
            return f"the doctrine has a choice rule (over {names.get(heads[0])}): answer sets may multiply"
        for h in heads:
            for lit in body:
                edges.setdefault(h, []).append(abs(lit))
                if lit < 0:
                    negative.append((h, -lit))
    comp = _sccs(list(edges), edges)
    for h, b in negative:
        if comp.get(h) is not None and comp.get(h) == comp.get(b):
            return f"{names.get(h)} depends negatively on {names.get(b)} within a cycle: not stratified"
    return None


def rule_errors(rulebase: Rulebase) -> list[str]:
    """clingo's messages for rules that do not ground, in any jurisdiction (empty: they do)."""
    messages: list[str] = []
    for j in jurisdictions(rulebase):
        messages.clear()
        ctl = clingo.Control(logger=lambda code, msg: messages.append(msg.strip()))
        with ast.ProgramBuilder(ctl) as builder:
            rulebase.add_to(builder, j)
            builder.add(space.choice(_free_inputs(rulebase), None, None))
        try:
            ctl.ground([("base", [])])
        except RuntimeError:
            return messages or [f"the rules do not ground in {j}"]
    return []
