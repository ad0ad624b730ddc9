"""Verify: Rulebase x invariant x jurisdiction -> Proof (UNSAT: it holds for every scenario).

Each invariant with an ASP form is checked by one search over the whole finite fact space
(`doctrine.analysis.space`, about 10^180 scenarios): the choice rules of the space, the doctrine as
written (`Rulebase.statements` without the trace siblings) with the jurisdiction's settings,
a choice of branch for each question the jurisdiction leaves open, and a constraint that
the invariant FAILS. No model: a proof for every scenario of the jurisdiction. A model: a
counterexample, turned back into a case (`space.case_from_facts`) and re-checked by the
Python form of the invariant through the ordinary solver.

A property of a pair of scenarios (evidence_monotone, reason_antitone, plain_error_no_more)
is checked on two copies of the doctrine, each atom tagged with a world argument (w1, w2) by
a `clingo.ast` transformation; the worlds share every input but the ones the property varies.

`one_answer_set` is proved differently: the doctrine is ground once over every input at once
(choices, not facts), and the ground program is shown to have no cycle through negation and
no choice or constraint of its own, so every scenario has exactly one answer set.

    verify(load_rulebase(), BY_NAME["waiver_blocks_relief"], "eighth_circuit")
becomes
    Proof("waiver_blocks_relief", "eighth_circuit", "proved", space=6.3e180, seconds=0.4)
"""

from __future__ import annotations

import time
from collections.abc import Iterable
from dataclasses import dataclass

import clingo
from clingo import Function, Symbol, ast

from doctrine.analysis import space
from doctrine.engine.rulebase import Rulebase
from doctrine.language import vocabulary as V
from doctrine.language.syntax import Case
from doctrine.proof.invariants import Context, Invariant, Scenario
from doctrine.proof.stratification import (
    doctrine_statements,
    jurisdictions as jurisdictions,
    rule_errors as rule_errors,
    stratification,
)

WORLDS = ("w1", "w2")
_INPUTS = frozenset(V.input_predicates())


@dataclass(frozen=True)
class Proof:
    """The result of one search: proved, violated (with the counterexample) or not expressible."""

    invariant: str
    jurisdiction: str
    status: str  # proved / violated / unsupported
    space: int  # scenarios of the jurisdiction's fact space
    seconds: float
    cases: tuple[Case, ...] = ()  # the counterexample (two cases for a pair property)
    branch: tuple[tuple[str, str], ...] = ()
    confirmed: str | None = None  # the Python check's message on the counterexample
    note: str = ""


def circuits_of(rulebase: Rulebase, jurisdiction: str) -> tuple[list[str], bool]:
    """The circuits whose cases the solver decides under `jurisdiction`, and whether no circuit does."""
    if jurisdiction in V.CIRCUITS.constants():
        return [jurisdiction], False
    return [c for c in V.CIRCUITS.constants() if c not in rulebase.jurisdictions], True


def open_questions(rulebase: Rulebase, jurisdiction: str) -> list[str]:
    return list(rulebase.open_questions(jurisdiction))


class _InWorld(ast.Transformer):
    """Every atom p(X..) becomes p(W, X..): one copy of the doctrine per world W."""

    def __init__(self, world: str) -> None:
        self.world = world

    def _tag(self, term: ast.AST) -> ast.AST:
        w = ast.SymbolicTerm(term.location, Function(self.world))
        if term.ast_type == ast.ASTType.Function:
            return term.update(arguments=[w, *term.arguments])
        if term.ast_type == ast.ASTType.Pool:
            return term.update(arguments=[self._tag(t) for t in term.arguments])
        if term.ast_type == ast.ASTType.SymbolicTerm and term.symbol.type == clingo.SymbolType.Function:
            return ast.Function(term.location, term.symbol.name, [w], 0)
        raise ValueError(f"cannot tag the atom {term}")

    def visit_SymbolicAtom(self, node: ast.AST) -> ast.AST:
        return node.update(symbol=self._tag(node.symbol))

    def visit_Defined(self, node: ast.AST) -> ast.AST:
        return node.update(arity=node.arity + 1)


def _link(pred: str, arity: int) -> list[ast.AST]:
    """`p(W, X1..Xn) :- p(X1..Xn), W = w1.` and the same for w2: the worlds share input p."""
    loc = space.LOC
    xs = [ast.Variable(loc, f"X{i}") for i in range(arity)]
    out = []
    for w in WORLDS:
        head = ast.SymbolicAtom(ast.Function(loc, pred, [ast.SymbolicTerm(loc, Function(w)), *xs], 0))
        body = ast.SymbolicAtom(ast.Function(loc, pred, list(xs), 0))
        out.append(
            ast.Rule(loc, ast.Literal(loc, ast.Sign.NoSign, head), [ast.Literal(loc, ast.Sign.NoSign, body)])
        )
    return out


def _parse(text: str) -> list[ast.AST]:
    out: list[ast.AST] = []
    ast.parse_string(text, out.append)
    return out


def _two_worlds(doctrine: list[ast.AST], varies: Iterable[str]) -> list[ast.AST]:
    """Two copies of the doctrine (worlds w1, w2) sharing every input except `varies`."""
    out = [_InWorld(w)(s) for w in WORLDS for s in doctrine]
    preds = {**{p: a for p, (a, _doc) in V.input_predicates().items()}, "branch": 2}
    for pred, arity in preds.items():
        if pred not in varies:
            out.extend(_link(pred, arity))
    return out


# The "even if" run: the procedural bars that held in the primary run (w1) are set aside (w2).
_EVEN_IF = "even_if(w2, B) :- holds(w1, B), procedural_bar(w1, B)."


def program(
    rulebase: Rulebase, inv: Invariant, jurisdiction: str, even_if: bool = False, minimal: bool = True
) -> list[ast.AST]:
    """The search for a scenario of `jurisdiction` on which `inv` fails.

    With `even_if`, a one-scenario invariant is searched in the "even if" run instead of the
    primary run: a second copy of the doctrine with the bars of the first set aside.
    """
    circuits, no_circuit = circuits_of(rulebase, jurisdiction)
    stms = space.choices(circuits, no_circuit)
    for q in open_questions(rulebase, jurisdiction):
        stms.append(space.choice([space.atom("branch", q, p) for p in rulebase.questions[q]], 1, 1))
    doctrine = doctrine_statements(rulebase, jurisdiction)
    prop = _parse(inv.asp_text(rulebase)) + _parse("#defined _violation/0. :- not _violation.")
    if inv.varies:
        stms += _two_worlds(doctrine, inv.varies) + prop
    elif even_if:
        stms += _two_worlds(doctrine, ()) + _parse(_EVEN_IF) + [_InWorld("w2")(s) for s in prop]
    else:
        stms += doctrine + prop
    if minimal:
        from doctrine.engine.solve import input_universe

        stms.extend(space.minimize(input_universe()))
    return stms


def _solve(stms: list[ast.AST], budget: float) -> tuple[list[Symbol] | None, list[str]]:
    """The last (best) model found within `budget` seconds, or None if there is none."""
    messages: list[str] = []
    ctl = clingo.Control(
        ["--models=0", "--opt-mode=opt"], logger=lambda code, msg: messages.append(msg.strip())
    )
    with ast.ProgramBuilder(ctl) as builder:
        for s in stms:
            builder.add(s)
    ctl.ground([("base", [])])
    found: list[list[Symbol]] = []
    with ctl.solve(on_model=lambda m: found.append(list(m.symbols(atoms=True))), async_=True) as handle:
        if not handle.wait(budget):
            handle.cancel()
        handle.get()
    return (found[-1] if found else None), messages


def _tagged(s: Symbol) -> bool:
    """A world's copy of an input (`posture(w1, X)`), not the shared input itself."""
    return bool(s.arguments) and str(s.arguments[0]) in WORLDS


def _world_facts(model: list[Symbol], inv: Invariant, world: str) -> list[Symbol]:
    facts = [s for s in model if s.name in _INPUTS and s.name not in inv.varies and not _tagged(s)]
    for s in model:
        if s.name in inv.varies and len(s.arguments) > 1 and s.arguments[0] == Function(world):
            facts.append(Function(s.name, s.arguments[1:]))
    return facts


def _counterexample(
    model: list[Symbol], inv: Invariant
) -> tuple[tuple[Case, ...], tuple[tuple[str, str], ...]]:
    branch = tuple(
        sorted(
            (str(s.arguments[0]), str(s.arguments[1]))
            for s in model
            if s.name == "branch" and len(s.arguments) == 2
        )
    )
    if not inv.varies:
        facts = [s for s in model if s.name in _INPUTS]
        return (space.case_from_facts(facts, inv.name),), branch
    return tuple(
        space.case_from_facts(_world_facts(model, inv, w), f"{inv.name}_{w}") for w in WORLDS
    ), branch


def _confirm(ctx: Context, inv: Invariant, cases: tuple[Case, ...]) -> str | None:
    try:
        if inv.pair is not None and len(cases) == 2:
            return inv.pair(ctx, cases[0], cases[1])
        return inv.check(ctx, Scenario(cases[0]))
    except Exception as e:
        return f"{type(e).__name__}: {e}"


def verify(
    rulebase: Rulebase, inv: Invariant, jurisdiction: str, ctx: Context | None = None, budget: float = 10.0
) -> Proof:
    """Search `jurisdiction`'s fact space for a scenario on which `inv` fails.

    A counterexample is minimised (fewest facts off their defaults) for up to `budget`
    seconds; the search for the first one, and so a proof, is never cut short.
    """
    circuits, no_circuit = circuits_of(rulebase, jurisdiction)
    size = space.size(circuits, no_circuit)
    start = time.perf_counter()
    if inv.name == "one_answer_set":
        problem = stratification(rulebase, jurisdiction)
        status = "proved" if problem is None else "violated"
        return Proof(inv.name, jurisdiction, status, size, time.perf_counter() - start, note=problem or "")
    if not inv.asp:
        return Proof(
            inv.name,
            jurisdiction,
            "unsupported",
            size,
            0.0,
            note="no ASP form (a property of the "
            "case language, not of the doctrine: checked by `doctrine fuzz`)",
        )
    model, _messages = _solve(program(rulebase, inv, jurisdiction), budget)
    runs = "primary runs"
    if model is None and not inv.varies and rulebase.bars:
        model, _messages = _solve(program(rulebase, inv, jurisdiction, even_if=True), budget)
        runs = '"even if" runs'
    seconds = time.perf_counter() - start
    if model is None:
        note = 'primary and "even if" runs' if not inv.varies and rulebase.bars else ""
        return Proof(inv.name, jurisdiction, "proved", size, seconds, note=note)
    cases, branch = _counterexample(model, inv)
    confirmed = _confirm(ctx or Context(rulebase), inv, cases)
    return Proof(
        inv.name, jurisdiction, "violated", size, seconds, cases, branch, confirmed, note=f"in the {runs}"
    )
