"""Trace instrumentation, mechanically: each `derive(Id, X) :- Body.` gains a `_body/5` sibling that
records the ground instance which fired, and a `_touches/1` rule per question it reads; each
derive rule becomes a `Clause` record (for why / why-not).

    derive(wade_threshold, threshold_showing(A)) :- allegation(A), not holds(x(A)).
gains
    _body(wade_threshold, 3, threshold_showing(A), (allegation(A),), (holds(x(A)),)) :-
        allegation(A), not holds(x(A)).
"""

from __future__ import annotations

import copy
from pathlib import Path

import clingo
from clingo import ast

from doctrine.engine.clause import (
    _TEXTS as _TEXTS,
    Clause as Clause,
    _derive_head as _derive_head,
    _derive_nodes as _derive_nodes,
    _parsed as _parsed,
)


def _loc(node: ast.AST) -> str:
    b = node.location.begin
    return f"{Path(b.filename).name}:{b.line}"


def _args(sym: ast.AST) -> list[ast.AST]:
    return list(sym.arguments) if sym.ast_type == ast.ASTType.Function else []


def _term_value(t: ast.AST) -> str | int:
    if t.ast_type == ast.ASTType.SymbolicTerm:
        s = t.symbol
        if s.type == clingo.SymbolType.String:
            return s.string
        if s.type == clingo.SymbolType.Number:
            return s.number
        return str(s)
    return str(t)


def _head_fact(stm: ast.AST) -> tuple[str, list[str | int]] | None:
    """A fact `name(args).` as (name, values), else None."""
    if stm.ast_type != ast.ASTType.Rule or len(stm.body) != 0:
        return None
    head = stm.head
    if head.ast_type != ast.ASTType.Literal or head.atom.ast_type != ast.ASTType.SymbolicAtom:
        return None
    sym = head.atom.symbol
    if sym.ast_type != ast.ASTType.Function:
        return None
    return sym.name, [_term_value(a) for a in sym.arguments]


def _tuple(loc: ast.Location, terms: list[ast.AST]) -> ast.AST:
    return ast.Function(loc, "", terms, 0)


class _NameAnonymous(ast.Transformer):
    """Give each anonymous variable `_` a name, so a premise can be recorded in a rule head."""

    def __init__(self) -> None:
        self.count = 0

    def visit_Variable(self, node: ast.AST) -> ast.AST:
        if node.name != "_":
            return node
        self.count += 1
        return ast.Variable(node.location, f"Anonymous_{self.count}")


def _instrument(index: int, rid: str, conclusion: ast.AST, stm: ast.AST) -> tuple[ast.AST, Clause]:
    """The `_body/5` sibling of a derive rule, and its Clause record."""
    loc = stm.location
    pos: list[ast.AST] = []
    neg: list[ast.AST] = []
    body = [_NameAnonymous()(copy.deepcopy(b)) for b in stm.body]
    for lit in body:
        if lit.ast_type != ast.ASTType.Literal or lit.atom.ast_type != ast.ASTType.SymbolicAtom:
            continue
        (pos if lit.sign == ast.Sign.NoSign else neg).append(lit.atom.symbol)
    head_term = ast.Function(
        loc,
        "_body",
        [
            ast.SymbolicTerm(loc, clingo.Function(rid)),
            ast.SymbolicTerm(loc, clingo.Number(index)),
            copy.deepcopy(conclusion),
            _tuple(loc, [copy.deepcopy(p) for p in pos]),
            _tuple(loc, [copy.deepcopy(n) for n in neg]),
        ],
        0,
    )
    head = ast.Literal(loc, ast.Sign.NoSign, ast.SymbolicAtom(head_term))
    sibling = ast.Rule(loc, head, body)
    clause = Clause(index, rid, str(conclusion), tuple(map(str, pos)), tuple(map(str, neg)), _loc(stm))
    return sibling, clause


def _touches(stm: ast.AST) -> list[ast.AST]:
    """`_touches(Q) :- Rest.` for each question Q a derive rule reads with position(Q, P).

    Rest is the body without the position literals. When no rule touching Q has the rest of
    its body satisfied, the position taken on Q cannot change the answer set (the doctrine is
    stratified), so the solver need not decide the case under each branch of Q.
    """
    loc = stm.location
    questions: dict[str, ast.AST] = {}
    rest = []
    for lit in stm.body:
        atom = lit.atom if lit.ast_type == ast.ASTType.Literal else None
        sym = atom.symbol if atom is not None and atom.ast_type == ast.ASTType.SymbolicAtom else None
        if sym is not None and sym.ast_type == ast.ASTType.Function and sym.name == "position" and len(sym.arguments) == 2:
            q = sym.arguments[0]
            if q.ast_type == ast.ASTType.SymbolicTerm:
                questions[str(q.symbol)] = q
                continue
        rest.append(copy.deepcopy(lit))
    out = []
    for q in questions.values():
        head = ast.Literal(loc, ast.Sign.NoSign, ast.SymbolicAtom(ast.Function(loc, "_touches", [copy.deepcopy(q)], 0)))
        out.append(ast.Rule(loc, head, rest))
    return out
