"""Invariants: properties every answer of the doctrine must have, each named and sourced.

An invariant is a Python check over a `Scenario` (a case and a seed for the variations it
tries) and, where the property is about one scenario or a pair of scenarios, its ASP form:
rules deriving `_violation` that `doctrine.proof.verify` adds to the doctrine to search the whole
finite fact space for a counterexample. The checks are run by `tests/proof/test_invariants.py` and
`doctrine fuzz` (hypothesis draws the scenarios and shrinks a failure).

    Scenario(case with `waiver_conduct refused_to_disclose_proffers` ...)
becomes
    waiver_blocks_relief: "review(waived) holds, and so does relief(discovery)"   (or None)
"""

from __future__ import annotations

import random
from collections.abc import Callable, Iterator
from dataclasses import dataclass, replace

from doctrine.engine.compile import compile_case
from doctrine.engine.rulebase import Rulebase
from doctrine.engine.solve import Outcome, Run, Solver
from doctrine.language.diagnostics import DoctrineError
from doctrine.language.syntax import Case, Statement
from doctrine.proof.invariant_asp import ASP, EXCLUSIVE, LEGITIMATE_REASONS, WADE_RELIEF
from doctrine.proof.variations import add_child, renamed, set_value, shuffled, with_statement, word
from doctrine.reasoning.verdict import Verdict, decide_verdict


@dataclass(frozen=True)
class Scenario:
    """What an invariant is checked on: a case, and a seed for the variations it draws."""

    case: Case
    seed: int = 0


class Context:
    """One solver reused for every scenario.

    Outcomes are memoised by the compiled facts (a case's answer is a function of its facts;
    a renamed or reordered case that compiles to the same facts is not solved again, and the
    invariants then test the compiler), each returned with its own case's spans. `pair` is
    the last pair of cases a two-scenario check compared, for the report of a violation.
    """

    def __init__(self, rulebase: Rulebase, solver: Solver | None = None) -> None:
        self.rulebase = rulebase
        self.solver = solver or Solver(rulebase)
        self._memo: dict[frozenset[object], Outcome] = {}
        self._seen: dict[int, tuple[Case, Outcome, list[Verdict]]] = {}  # by object: no re-compiling
        self.solved = 0
        self.pair: tuple[Case, Case] | None = None

    def outcome(self, case: Case) -> Outcome:
        seen = self._seen.get(id(case))
        if seen is not None and seen[0] is case:
            return seen[1]
        if len(self._seen) > 64:
            self._seen.clear()
        outcome = self._solve(case)
        self._seen[id(case)] = (case, outcome, [])
        return outcome

    def verdict(self, case: Case) -> Verdict:
        outcome = self.outcome(case)
        verdicts = self._seen[id(case)][2]
        if not verdicts:
            verdicts.append(decide_verdict(outcome, self.rulebase))
        return verdicts[0]

    def _solve(self, case: Case) -> Outcome:
        program = compile_case(case, "<fuzz>")
        key = frozenset(program.facts)
        cached = self._memo.get(key)
        if cached is None:
            if len(self._memo) > 256:
                self._memo.clear()
            cached = self._memo[key] = self.solver.solve(program)
            self.solved += 1
        return replace(
            cached,
            case=case.id,
            facts=tuple(str(f) for f in program.facts),
            origin={str(k): v for k, v in program.origin.items()},
        )


Check = Callable[[Context, Scenario], "str | None"]
PairCheck = Callable[[Context, Case, Case], "str | None"]


@dataclass(frozen=True)
class Invariant:
    """A named property of the doctrine with its legal source and its checks."""

    name: str
    description: str
    source: str
    check: Check
    asp: str | Callable[[Rulebase], str] = ""  # rules deriving `_violation`; "" if none
    varies: tuple[str, ...] = ()  # a pair property: the input predicates its worlds w1, w2 vary
    pair: PairCheck | None = None  # a pair property: the check of (world w1's case, w2's case)

    def asp_text(self, rulebase: Rulebase) -> str:
        return self.asp(rulebase) if callable(self.asp) else self.asp


# ---------------------------------------------------------------------------------------------
# Reading runs


def _args(conclusion: str, name: str) -> str | None:
    """`relief(discovery)`, "relief" -> "discovery"."""
    return conclusion[len(name) + 1 : -1] if conclusion.startswith(name + "(") else None


def _relief(run: Run) -> set[str]:
    return set(run.relief)


def _by_branch(outcome: Outcome) -> dict[tuple[tuple[str, str], ...], set[str]]:
    return {r.branch: _relief(r) for r in outcome.primary}


def _runs(ctx: Context, sc: Scenario) -> Iterator[Run]:
    yield from ctx.outcome(sc.case).runs


def _first(problems: Iterator[str]) -> str | None:
    return next(problems, None)


# ---------------------------------------------------------------------------------------------
# Editing cases (the variations of the two-scenario properties)


def _more_relief(ctx: Context, base_case: Case, varied_case: Case) -> str | None:
    """The kinds of relief `varied_case` lacks that `base_case` gets, branch by branch."""
    ctx.pair = (base_case, varied_case)
    base, other = ctx.outcome(base_case), _by_branch(ctx.outcome(varied_case))
    for branch, kinds in _by_branch(base).items():
        lost = kinds - other.get(branch, set())
        if lost:
            where = f" (branch {dict(branch)})" if branch else ""
            return f"relief {sorted(lost)}{where}"
    return None


# ---------------------------------------------------------------------------------------------
# The checks


def one_answer_set(ctx: Context, sc: Scenario) -> str | None:
    try:
        ctx.outcome(sc.case)
    except DoctrineError as e:
        if any(d.code == "not-one-answer-set" for d in e.diagnostics):
            return e.diagnostics[0].message
        raise
    return None


def _matching(pattern: str, conclusions: frozenset[str]) -> list[str]:
    if pattern.endswith("(*)"):
        return sorted(c for c in conclusions if c.startswith(pattern[:-2]))
    return [pattern] if pattern in conclusions else []


def contradictions(conclusions: frozenset[str]) -> Iterator[str]:
    for c in conclusions:
        if c.startswith("no_") and c[3:] in conclusions:
            yield f"both {c[3:]} and {c}"
    for a, b in EXCLUSIVE:
        found_a, found_b = _matching(a, conclusions), _matching(b, conclusions)
        if found_a and found_b:
            yield f"both {found_a[0]} and {found_b[0]}"


def no_contradiction(ctx: Context, sc: Scenario) -> str | None:
    return _first(p for r in _runs(ctx, sc) for p in contradictions(r.conclusions))


def waiver_blocks_relief(ctx: Context, sc: Scenario) -> str | None:
    return _first(
        f"review(waived) holds, and so does relief({k})"
        for r in _runs(ctx, sc)
        if "review(waived)" in r.conclusions
        for k in sorted(r.relief)
    )


def no_threshold_no_relief(ctx: Context, sc: Scenario) -> str | None:
    for r in _runs(ctx, sc):
        shown = [c for c in r.conclusions if _args(c, "threshold_showing")]
        granted = sorted(set(r.relief) & set(WADE_RELIEF))
        if granted and not shown:
            return f"relief {granted} on a Wade claim with no threshold showing"
    return None


def below_minimum_needs_basis(ctx: Context, sc: Scenario) -> str | None:
    facts = set(ctx.outcome(sc.case).facts)
    for r in _runs(ctx, sc):
        basis = {
            "s3553e_motion": "motion_filed(s3553e,yes)" in facts,
            "safety_valve": "safety_valve(yes)" in facts,
            "rule35b_motion": "motion_filed(rule35b,yes)" in facts,
            "compelled_motion": bool({"relief(remedy)", "relief(specific_performance)"} & r.conclusions),
        }
        for b in r.below_minimum:
            if not basis.get(b, False):
                return f"below_minimum_authorized({b}) without its basis"
    return None


def evidence_pair(ctx: Context, base: Case, varied: Case) -> str | None:
    lost = _more_relief(ctx, base, varied)
    return f"adding `support record_evidence` removes {lost}" if lost else None


def evidence_monotone(ctx: Context, sc: Scenario) -> str | None:
    for i, s in enumerate(sc.case.statements):
        if s.key != "allegation" or any(
            c.key == "support" and c.values[0].text == "record_evidence" for c in s.children
        ):
            continue
        varied = add_child(sc.case, i, Statement("support", (word("record_evidence"),)))
        problem = evidence_pair(ctx, sc.case, varied)
        if problem:
            return f"{problem} (to `allegation {s.values[0].text}`)"
    return None


def reason_pair(ctx: Context, base: Case, varied: Case) -> str | None:
    gained = _more_relief(ctx, varied, base)
    return f"adding a legitimate reason adds {gained}" if gained else None


def reason_antitone(ctx: Context, sc: Scenario) -> str | None:
    stated = {s.values[0].text for s in sc.case.get("government_reason")}
    absent = [g for g in LEGITIMATE_REASONS if g not in stated]
    if not absent:
        return None
    rng = random.Random(sc.seed)
    reason, speaker = rng.choice(absent), rng.choice(("decision_maker", "government", "stand_in", "unknown"))
    added = Statement("government_reason", (word(reason),), (Statement("stated_by", (word(speaker),)),))
    problem = reason_pair(ctx, sc.case, with_statement(sc.case, added))
    return f"{problem} (`government_reason {reason}, stated_by {speaker}`)" if problem else None


def plain_error_pair(ctx: Context, forfeited: Case, raised: Case) -> str | None:
    more = _more_relief(ctx, forfeited, raised)
    return f"with `raised_below no` the case gets {more}, which `raised_below yes` does not" if more else None


def plain_error_no_more(ctx: Context, sc: Scenario) -> str | None:
    return plain_error_pair(
        ctx, set_value(sc.case, "raised_below", "no"), set_value(sc.case, "raised_below", "yes")
    )


def _verdict_key(ctx: Context, case: Case) -> tuple[object, ...]:
    v = ctx.verdict(case)
    return (
        v.relief_available,
        v.relief_kinds,
        v.relief_kinds_if,
        v.below_minimum_authorized,
        v.below_minimum_bases,
        v.depends_on,
        v.holdings,
        v.conclusions,
    )


def _same_verdict(ctx: Context, a: Case, b: Case, what: str) -> str | None:
    ctx.pair = (a, b)
    va, vb = _verdict_key(ctx, a), _verdict_key(ctx, b)
    if va == vb:
        return None
    return f"{what} changes the verdict: {va[:2]} / {va[3]} became {vb[:2]} / {vb[3]}"


def rename_invariant(ctx: Context, sc: Scenario) -> str | None:
    return _same_verdict(
        ctx, sc.case, renamed(sc.case, random.Random(sc.seed)), "renaming the case and its parties"
    )


def reorder_invariant(ctx: Context, sc: Scenario) -> str | None:
    return _same_verdict(ctx, sc.case, shuffled(sc.case, random.Random(sc.seed)), "reordering the statements")


def print_parse_invariant(ctx: Context, sc: Scenario) -> str | None:
    from doctrine.language.check import check_case_file
    from doctrine.language.parse import parse_source
    from doctrine.language.source import Source
    from doctrine.language.syntax import CaseFile, print_case_file

    text = print_case_file(CaseFile((sc.case,)))
    try:
        parsed = parse_source(Source("<printed>", text))
    except DoctrineError as e:
        return f"the printed case does not parse: {e}"
    problems = check_case_file(parsed)
    if problems:
        return f"the printed case does not check: {problems[0].code}: {problems[0].message}"
    if parsed.cases != (sc.case,):
        return "the printed and re-parsed case differs from the case"
    return _same_verdict(ctx, sc.case, parsed.cases[0], "printing and re-parsing")


def sound_explanation(ctx: Context, sc: Scenario) -> str | None:
    from doctrine.reasoning.explanation import explain

    outcome = ctx.outcome(sc.case)
    settings = ctx.rulebase.jurisdictions.get(outcome.jurisdiction, {})
    branches = {f"position({q},{p})" for r in outcome.runs for q, p in r.branch}
    settled = {f"position({q},{p})" for q, p in settings.items()}
    facts = set(outcome.facts)
    for node in explain(outcome, ctx.rulebase).nodes():
        if node.rule not in ctx.rulebase.rules:
            return f"the node {node.conclusion} names no rule of the rulebase ({node.rule!r})"
        for leaf in node.facts:
            if leaf.fact not in facts and leaf.fact not in branches | settled:
                return f"the leaf {leaf.fact} of {node.conclusion} is not a fact of the case"
            if leaf.span != outcome.origin.get(leaf.fact):
                return f"the leaf {leaf.fact} points at {leaf.span}, not where the case states it"
    return None


def _invariant(name: str, description: str, source: str, check: Check, **kw: object) -> Invariant:
    return Invariant(name, description, source, check, ASP.get(name, ""), **kw)  # type: ignore[arg-type]


INVARIANTS: tuple[Invariant, ...] = (
    _invariant(
        "one_answer_set",
        "Every case has exactly one answer set in every run: the doctrine is stratified and deterministic.",
        "house style (a deterministic doctrine)",
        one_answer_set,
    ),
    _invariant(
        "no_contradiction",
        "No run concludes X and no_X (a threshold showing and none), two standards "
        "of review that exclude each other, or authority and no authority.",
        "Wade, 504 U.S. at 186 (P5); Olano (P22); Holbdy (P24)",
        no_contradiction,
    ),
    _invariant(
        "waiver_blocks_relief",
        "A waived claim gets no relief: review(waived) => no relief(K) in that run.",
        "Buffington (P21)",
        waiver_blocks_relief,
    ),
    _invariant(
        "no_threshold_no_relief",
        "No discovery, hearing or remedy on a Wade claim without a substantial threshold showing.",
        "Wade, 504 U.S. at 186, via Billings and Mackmore (P5, P6)",
        no_threshold_no_relief,
    ),
    _invariant(
        "below_minimum_needs_basis",
        "Authority below a statutory minimum needs a § 3553(e) motion, "
        "safety-valve eligibility or a remedy compelling the motion (a Wade remedy, or specific "
        "performance); a § 5K1.1 motion alone never.",
        "Holbdy via Mackmore (P24); 18 U.S.C. § 3553(e), (f)",
        below_minimum_needs_basis,
    ),
    _invariant(
        "evidence_monotone",
        "Adding `support record_evidence` to an allegation never removes relief.",
        "Wade, 504 U.S. at 186; Perez (P5, P6)",
        evidence_monotone,
        varies=("allegation_support",),
        pair=evidence_pair,
    ),
    _invariant(
        "reason_antitone",
        "Adding a legitimate government reason (about the assistance) never adds relief.",
        "Billings; Buffington (P10, P12, P13)",
        reason_antitone,
        varies=("government_reason", "government_reason_stated_by"),
        pair=reason_pair,
    ),
    _invariant(
        "plain_error_no_more",
        "A forfeited claim (raised_below no) never gets relief that the same claim raised below would not.",
        "Olano, 507 U.S. at 732, via Billings (P22)",
        plain_error_no_more,
        varies=("raised_below",),
        pair=plain_error_pair,
    ),
    _invariant(
        "rename_invariant",
        "Renaming the case and its parties changes nothing.",
        "the case language (names are not facts)",
        rename_invariant,
    ),
    _invariant(
        "reorder_invariant",
        "The order of statements changes nothing.",
        "the case language (a case is a set of facts)",
        reorder_invariant,
    ),
    _invariant(
        "print_parse_invariant",
        "Printing a case and parsing it back gives the same case and verdict.",
        "the case language (the printer is canonical)",
        print_parse_invariant,
    ),
    _invariant(
        "sound_explanation",
        "Every explanation node names a rule of the rulebase, and every leaf is a "
        "fact of the case (at the line that states it) or a jurisdiction setting.",
        "house style (rule identity survives grounding)",
        sound_explanation,
    ),
)
BY_NAME = {i.name: i for i in INVARIANTS}
