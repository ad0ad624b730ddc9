"""Why not: Outcome x Rulebase x goal -> Failures. For each rule that could have derived the goal,
the first condition (in the order the rule states them) that failed, followed a few levels down.

    why_not_failures("relief", run, outcome, rulebase)
gives
    (Failure(rule="wade_threshold", condition="no substantial threshold showing ...", ...), ...)
"""

from __future__ import annotations

import re
from collections.abc import Mapping

import clingo
from clingo import Symbol, SymbolType, ast

from doctrine.engine.rulebase import Clause, Rulebase
from doctrine.engine.solve import Outcome, Run
from doctrine.language import vocabulary as V
from doctrine.reasoning.nodes import Failure
from doctrine.reasoning.say import parse_atom, say

# ---------------------------------------------------------------------------------------------
# Why not: the decisive failed condition of each rule that could have reached the goal

GOAL_ALIASES: Mapping[str, str] = {
    "hearing": "relief(evidentiary_hearing)",
    "discovery": "relief(discovery)",
    "remedy": "relief(remedy)",
    "below_minimum": "below_minimum_authorized",
    "threshold": "threshold_showing",
}

_INPUTS = frozenset(V.input_predicates())


class _Matcher:
    """Evaluate a clause body against one answer set, to find where it fails."""

    def __init__(self, atoms: set[Symbol]) -> None:
        self.by_sig: dict[tuple[str, int], list[Symbol]] = {}
        # In the order of their text: a set of Symbols iterates in the order of their hashes, which
        # follow the order this process happened to make them in (the choice between two conditions
        # failing at the same place must not depend on it).
        for a in sorted(atoms, key=str):
            self.by_sig.setdefault((a.name, len(a.arguments)), []).append(a)

    def unify(self, term: ast.AST, sym: Symbol, env: dict[str, Symbol]) -> dict[str, Symbol] | None:
        t = term.ast_type
        if t == ast.ASTType.Variable:
            if term.name == "_":
                return env
            if term.name in env:
                return env if env[term.name] == sym else None
            return {**env, term.name: sym}
        if t == ast.ASTType.SymbolicTerm:
            return env if term.symbol == sym else None
        if t == ast.ASTType.Function:
            if sym.type != SymbolType.Function or sym.name != term.name or len(sym.arguments) != len(term.arguments):
                return None
            for a, s in zip(term.arguments, sym.arguments):
                env2 = self.unify(a, s, env)
                if env2 is None:
                    return None
                env = env2
            return env
        return None

    def matches(self, term: ast.AST, env: dict[str, Symbol]) -> list[dict[str, Symbol]]:
        name = term.name if term.ast_type == ast.ASTType.Function else str(term)
        arity = len(term.arguments) if term.ast_type == ast.ASTType.Function else 0
        out = []
        for s in self.by_sig.get((name, arity), []):
            e = self.unify(term, s, env)
            if e is not None:
                out.append(e)
        return out


def _ground(term: ast.AST, env: Mapping[str, Symbol]) -> str:
    """A body term with the variables bound so far replaced by their values."""
    t = term.ast_type
    if t == ast.ASTType.Variable:
        return str(env[term.name]) if term.name in env else term.name
    if t == ast.ASTType.Function:
        args = ",".join(_ground(a, env) for a in term.arguments)
        return f"{term.name}({args})" if term.arguments else term.name
    return str(term)


def _first_failure(clause: Clause, goal: Symbol, m: _Matcher) -> tuple[ast.AST, dict[str, Symbol]] | None:
    node = clause.ast_node
    head = node.head.atom.symbol.arguments[1]
    env = m.unify(head, goal, {}) if goal.arguments or not getattr(head, "arguments", ()) else {}
    if env is None:
        return None
    body = list(node.body)
    best: list[tuple[int, ast.AST, dict[str, Symbol]]] = []

    def go(i: int, env: dict[str, Symbol], budget: list[int]) -> bool:
        budget[0] -= 1
        if budget[0] < 0:
            return False
        if i == len(body):
            return True
        lit = body[i]
        if lit.ast_type != ast.ASTType.Literal or lit.atom.ast_type != ast.ASTType.SymbolicAtom:
            return go(i + 1, env, budget)  # comparisons: not the decisive condition of a doctrine
        term = lit.atom.symbol
        if lit.sign == ast.Sign.NoSign:
            envs = m.matches(term, env)
            if not envs:
                best.append((i, lit, env))
                return False
            return any(go(i + 1, e, budget) for e in envs)
        if m.matches(term, env):
            best.append((i, lit, env))
            return False
        return go(i + 1, env, budget)

    if go(0, env, [5000]):
        return None  # the rule is satisfied (the goal was defeated by an exception instead)
    if not best:
        return None
    _i, lit, env = max(best, key=lambda b: b[0])
    return lit, env


def why_not_failures(
    goal: str, run: Run, outcome: Outcome, rulebase: Rulebase, depth: int = 0, seen: set[str] | None = None
) -> list[Failure]:
    """For each rule that could derive `goal`, the first condition that failed (pruned, recursive).

    A failed condition that is itself a conclusion is followed down (two levels at most, each
    conclusion once), so the answer stays at the level of doctrine, not of absent atoms.
    """
    goal = GOAL_ALIASES.get(goal, goal)
    seen = set() if seen is None else seen
    m = _Matcher(_answer_atoms(run, outcome, rulebase))
    g = parse_atom(goal)
    out: list[Failure] = []
    for clause in rulebase.clauses:
        head = clause.ast_node.head.atom.symbol.arguments[1]
        if _head_name(head) != g.name:
            continue
        found = _first_failure(clause, g, m)
        if found is None:
            continue
        lit, env = found
        cond = ("not " if lit.sign != ast.Sign.NoSign else "") + _ground(lit.atom.symbol, env)
        if f"{clause.rule}|{cond}" in seen:
            continue
        seen.add(f"{clause.rule}|{cond}")
        info = rulebase.rules.get(clause.rule)
        auth = rulebase.authorities.get(info.authority) if info else None
        deeper: list[Failure] = []
        inner = lit.atom.symbol
        if depth < 2 and lit.sign == ast.Sign.NoSign and inner.ast_type == ast.ASTType.Function and inner.name == "holds":
            sub = _ground(inner.arguments[0], env)
            unbound = any(ch.isupper() for ch in sub) or re.search(r"(?<![A-Za-z0-9_])_(?![A-Za-z0-9_])", sub)
            sub_goal = sub.split("(")[0] if unbound else sub
            if sub_goal not in seen:
                seen.add(sub_goal)
                deeper = why_not_failures(sub_goal, run, outcome, rulebase, depth + 1, seen)[:6]
        out.append(
            Failure(
                goal=str(g),
                rule=clause.rule,
                authority=auth.cite() if auth else (info.authority if info else ""),
                pin=info.pin if info else "",
                condition=cond,
                text=_failure_text(lit, env) + _stated_instead(lit, env, outcome),
                deeper=tuple(deeper),
            )
        )
    return out


def _head_name(term: ast.AST) -> str:
    if term.ast_type == ast.ASTType.Function:
        return str(term.name)
    if term.ast_type == ast.ASTType.SymbolicTerm and term.symbol.type == SymbolType.Function:
        return str(term.symbol.name)
    return ""


def _answer_atoms(run: Run, outcome: Outcome, rulebase: Rulebase) -> set[Symbol]:
    """The answer set of a run, as far as a why-not needs it: facts, conclusions, the law."""
    atoms = {parse_atom(f) for f in outcome.facts}
    atoms |= {clingo.Function("holds", [parse_atom(c)]) for c in run.conclusions}
    branch = dict(run.branch)
    for q, setting in rulebase.jurisdictions.get(outcome.jurisdiction, {}).items():
        p = branch.get(q, setting)
        atoms.add(clingo.Function("position", [clingo.Function(q), clingo.Function(p)]))
    return atoms | _static_atoms(rulebase)


def _stated_instead(lit: ast.AST, env: Mapping[str, Symbol], outcome: Outcome) -> str:
    """For a failed input condition: what the case file says instead, with its line."""
    sym = lit.atom.symbol
    if lit.sign != ast.Sign.NoSign or sym.ast_type != ast.ASTType.Function or sym.name not in _INPUTS:
        return ""
    ground = _ground(sym, env)
    key = ground.rsplit(",", 1)[0] + "," if ground.count(",") and not ground.split(",")[0][-1:].isupper() else sym.name + "("
    stated = [f for f in outcome.facts if f.startswith(key)]
    if not stated:
        return ""
    where = outcome.origin.get(stated[0])
    line = f", {where.source}:{where.start.line}" if where else ", not stated"
    return f" (the case: {say(stated[0])}{line})"


def _failure_text(lit: ast.AST, env: Mapping[str, Symbol]) -> str:
    text = re.sub(r"\b[A-Z][A-Za-z0-9_]*\b", "any", _ground(lit.atom.symbol, env))
    text = re.sub(r"(?<![A-Za-z0-9_])_(?![A-Za-z0-9_])", "any", text)  # an anonymous variable
    try:
        sym = clingo.parse_term(text)
    except RuntimeError:
        return text
    if lit.sign == ast.Sign.NoSign:
        return say(sym, negative=True)
    return say(sym)


_STATIC: dict[str, frozenset[Symbol]] = {}


def _static_atoms(rulebase: Rulebase) -> frozenset[Symbol]:
    """The facts the rule files state (metadata and doctrine tables), once per rulebase."""
    from doctrine.engine.instrument import _head_fact

    if rulebase.digest not in _STATIC:
        out = set()
        for stm in rulebase.statements:
            if _head_fact(stm) is not None:
                try:
                    out.add(clingo.parse_term(str(stm.head)))
                except RuntimeError:
                    pass
        _STATIC[rulebase.digest] = frozenset(out)
    return _STATIC[rulebase.digest]
