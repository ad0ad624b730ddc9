"""Helpers for the rule tests: load the doctrine with a jurisdiction and tiny fact sets, solve.

A test hands ASP facts (text) to `solve` and reads back what holds and which rules applied:

    solve("raised_below(no). motion(s3553e). motion_filed(s3553e,no).", "seventh_circuit")
gives
    Result(holds={"review(plain_error)", "power_not_duty(s3553e)", ...},
           applied={"olano_plain_error", "wade_power_not_duty", ...}, models=1, messages=())

`Result.has(x)` reads `@rule_id` as "rule_id applied" and anything else as a conclusion, so
the table-driven tests write their expectations as one list of strings. The five seed cases
are frozen fact sets in `tests/rules/seeds/*.lp` (the compiler's output for scenarios/*.case
at the time of writing), so these tests do not depend on the parser.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

import clingo
import clingo.ast
import pytest

ROOT = Path(__file__).resolve().parents[2]
RULES = ROOT / "rules"
SEEDS = Path(__file__).resolve().parent / "seeds"
JURISDICTIONS = ("seventh_circuit", "eighth_circuit", "default")


@dataclass(frozen=True)
class Result:
    """What one solve produced: conclusions, applied rules, and everything clingo said."""

    holds: frozenset[str]
    applied: frozenset[str]  # rule ids
    applied_pairs: frozenset[tuple[str, str]]  # (rule id, conclusion)
    barred_by: frozenset[str]
    models: int
    messages: tuple[str, ...]

    def has(self, item: str) -> bool:
        return item[1:] in self.applied if item.startswith("@") else item in self.holds

    @property
    def relief(self) -> frozenset[str]:
        return frozenset(h for h in self.holds if h.startswith("relief("))


def seed_facts(name: str) -> str:
    """The frozen facts of a seed case (tests/rules/seeds/<name>.lp)."""
    return (SEEDS / f"{name}.lp").read_text(encoding="utf-8")


def solve(
    facts: str = "",
    jurisdiction: str = "seventh_circuit",
    branch: Iterable[tuple[str, str]] = (),
    even_if: Iterable[str] = (),
) -> Result:
    """Load rules/doctrine.lp + a jurisdiction + `facts`, ground, solve; one Result.

    `branch` adds branch(Q, P) facts (the solver's exploration of an unsettled question);
    `even_if` adds even_if(X) facts (a procedural bar set aside).
    """
    messages: list[str] = []
    ctl = clingo.Control(["--models=0"], logger=lambda code, msg: messages.append(f"{code}: {msg.strip()}"))
    ctl.load(str(RULES / "doctrine.lp"))
    ctl.load(str(RULES / "jurisdictions" / f"{jurisdiction}.lp"))
    extra = "".join(f"branch({q},{p})." for q, p in branch) + "".join(f"even_if({x})." for x in even_if)
    ctl.add("base", [], facts + "\n" + extra)
    ctl.ground([("base", [])])
    models: list[list[clingo.Symbol]] = []
    ctl.solve(on_model=lambda m: models.append(list(m.symbols(shown=True))))
    symbols = models[0] if models else []
    holds = frozenset(str(s.arguments[0]) for s in symbols if s.match("holds", 1))
    pairs = frozenset((s.arguments[0].name, str(s.arguments[1])) for s in symbols if s.match("applied", 2))
    barred = frozenset(str(s.arguments[0]) for s in symbols if s.match("barred_by", 1))
    return Result(holds, frozenset(r for r, _ in pairs), pairs, barred, len(models), tuple(messages))


def check(result: Result, present: Iterable[str], absent: Iterable[str]) -> None:
    """Assert one model, no clingo messages, every `present` item and no `absent` item."""
    assert result.models == 1, f"{result.models} models"
    assert result.messages == (), result.messages
    missing = [p for p in present if not result.has(p)]
    extra = [a for a in absent if result.has(a)]
    assert not missing and not extra, (
        f"missing {missing}; unexpected {extra}\nholds: {sorted(result.holds)}\napplied: {sorted(result.applied)}"
    )


@pytest.fixture
def run():
    """The `solve` helper as a fixture."""
    return solve


@dataclass(frozen=True)
class Case:
    """One row of a rule table: facts, what must hold or apply, what must not, and where."""

    facts: str
    present: tuple[str, ...] = ()
    absent: tuple[str, ...] = ()
    jurisdiction: str = "seventh_circuit"
    branch: tuple[tuple[str, str], ...] = ()
    even_if: tuple[str, ...] = ()

    def run(self) -> Result:
        return solve(self.facts, self.jurisdiction, self.branch, self.even_if)

    def check(self) -> Result:
        result = self.run()
        check(result, self.present, self.absent)
        return result


def table(cases: dict[str, Case]):
    """`@table(CASES)`: parametrize a test over a {name: Case} table, ids = names."""
    return pytest.mark.parametrize("case", list(cases.values()), ids=list(cases))


def _facts_of(path: Path, name: str) -> list[tuple[str, ...]]:
    """The ground facts name(a, b, ...) of a rule file, read with clingo.ast."""
    out: list[tuple[str, ...]] = []

    def visit(stm: clingo.ast.AST) -> None:
        if stm.ast_type == clingo.ast.ASTType.Rule and not stm.body:
            atom = stm.head.atom if stm.head.ast_type == clingo.ast.ASTType.Literal else None
            if atom is not None and atom.ast_type == clingo.ast.ASTType.SymbolicAtom:
                sym = atom.symbol
                if sym.ast_type == clingo.ast.ASTType.Function and sym.name == name:
                    out.append(tuple(str(a) for a in sym.arguments))

    clingo.ast.parse_files([str(path)], visit)
    return out


def open_questions(jurisdiction: str) -> dict[str, tuple[str, ...]]:
    """The questions a jurisdiction leaves unsettled/unknown that have declared positions."""
    positions: dict[str, list[str]] = {}
    for q, p in _facts_of(RULES / "questions.lp", "question_position"):
        positions.setdefault(q, []).append(p)
    settings = dict(_facts_of(RULES / "jurisdictions" / f"{jurisdiction}.lp", "setting"))
    return {q: tuple(positions[q]) for q, s in settings.items() if s in ("unsettled", "unknown") and q in positions}


@dataclass(frozen=True)
class Run:
    branch: tuple[tuple[str, str], ...]
    even_if: tuple[str, ...]
    result: Result


def runs(facts: str, jurisdiction: str) -> list[Run]:
    """Every run the solver makes: one per branch of the open questions, then "even if" re-runs."""
    import itertools

    qs = open_questions(jurisdiction)
    out = []
    for combo in itertools.product(*[[(q, p) for p in ps] for q, ps in qs.items()]):
        out.append(Run(tuple(combo), (), solve(facts, jurisdiction, combo)))
    for r in list(out):
        if r.result.barred_by:
            bars = tuple(sorted(r.result.barred_by))
            out.append(Run(r.branch, bars, solve(facts, jurisdiction, r.branch, bars)))
    return out
