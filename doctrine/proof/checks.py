"""The Python checks of the invariants: Context x Scenario -> a violation message, or None.

    waiver_blocks_relief(ctx, Scenario(case with `waiver_conduct refused_to_disclose_proffers` ...))
gives
    "review(waived) holds, and so does relief(discovery)"   (or None)
"""

from __future__ import annotations

import random
from collections.abc import Iterator

from doctrine.engine.solve import Run
from doctrine.language.diagnostics import DoctrineError
from doctrine.language.syntax import Case, Statement
from doctrine.proof.context import Context, Scenario
from doctrine.proof.invariant_asp import (
    COLLATERAL_HEARING,
    EXCLUSIVE,
    EXCLUSIVE_UNLESS_COLLATERAL_HEARING,
    EXCLUSIVE_UNLESS_UNKNOWING_PLEA,
    LEGITIMATE_REASONS,
    WADE_RELIEF,
)
from doctrine.proof.variations import add_child, renamed, set_value, shuffled, with_statement, word

# ---------------------------------------------------------------------------------------------
# Reading runs


def _args(conclusion: str, name: str) -> str | None:
    """`relief(discovery)`, "relief" -> "discovery"."""
    return conclusion[len(name) + 1 : -1] if conclusion.startswith(name + "(") else None


def _relief(run: Run) -> set[str]:
    return set(run.relief)


def _runs(ctx: Context, sc: Scenario) -> Iterator[Run]:
    yield from ctx.outcome(sc.case).runs


def _first(problems: Iterator[str]) -> str | None:
    return next(problems, None)


# ---------------------------------------------------------------------------------------------
# Editing cases (the variations of the two-scenario properties)


def _more_relief(ctx: Context, base_case: Case, varied_case: Case) -> str | None:
    """The kinds of relief `varied_case` lacks that `base_case` gets, branch by branch.

    A run's branch names only the open questions that mattered to it, and the two cases may turn
    on different ones (a stated reason makes the question whether the government must state its
    finding moot): so each run of one is compared with every run of the other that takes the same
    positions on the questions both name, the same state of the law.
    """
    ctx.pair = (base_case, varied_case)
    others = ctx.outcome(varied_case).primary
    for run in ctx.outcome(base_case).primary:
        mine = dict(run.branch)
        for other in others:
            theirs = dict(other.branch)
            if any(theirs[q] != p for q, p in mine.items() if q in theirs):
                continue
            lost = _relief(run) - _relief(other)
            if lost:
                branch = {**mine, **theirs}
                where = f" (branch {branch})" if branch else ""
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
    unknowing_plea = _unknowing_plea(conclusions)
    unless = (() if unknowing_plea else EXCLUSIVE_UNLESS_UNKNOWING_PLEA) + (
        () if not conclusions.isdisjoint(COLLATERAL_HEARING) else EXCLUSIVE_UNLESS_COLLATERAL_HEARING
    )
    for a, b in EXCLUSIVE + unless:
        found_a, found_b = _matching(a, conclusions), _matching(b, conclusions)
        if found_a and found_b:
            yield f"both {found_a[0]} and {found_b[0]}"


def _unknowing_plea(conclusions: frozenset[str]) -> bool:
    """The plea itself was not knowing: its withdrawal is relief on that question, not on the refusal."""
    return any(c.startswith("plea_not_knowing(") for c in conclusions)


def no_contradiction(ctx: Context, sc: Scenario) -> str | None:
    return _first(p for r in _runs(ctx, sc) for p in contradictions(r.conclusions))


def waiver_blocks_relief(ctx: Context, sc: Scenario) -> str | None:
    return _first(
        f"review(waived) holds, and so does relief({k})"
        for r in _runs(ctx, sc)
        if "review(waived)" in r.conclusions
        for k in sorted(r.relief)
    )


def defendant_breach_no_performance(ctx: Context, sc: Scenario) -> str | None:
    return _first(
        f"the defendant's own breach holds, and so does relief({k})"
        for r in _runs(ctx, sc)
        if "defendant_breach" in r.conclusions
        for k in sorted(set(r.relief) & _performance_relief(r.conclusions))
    )


def _performance_relief(conclusions: frozenset[str]) -> set[str]:
    """The relief that answers the government's non-performance: a plea withdrawn because the plea
    itself was not knowing answers another question (sentencing_procedure.lp)."""
    return {"specific_performance"} if _unknowing_plea(conclusions) else {"specific_performance", "plea_withdrawal"}


def _facts(ctx: Context, sc: Scenario) -> set[str]:
    return set(ctx.outcome(sc.case).facts)


def granted_motion_no_refusal_relief(ctx: Context, sc: Scenario) -> str | None:
    facts = _facts(ctx, sc)
    declared = any(f.startswith("motion(") for f in facts)
    still_open = any(f.startswith("motion_filed(") and not f.endswith(",yes)") for f in facts) or bool(
        facts & {"government_act(withdrew_motion)", "government_act(did_not_renew_motion)"}
    )
    if not declared or still_open:
        return None
    return _first(
        f"every motion was filed, and relief({k}) on a refusal holds"
        for r in _runs(ctx, sc)
        for k in sorted(set(r.relief) & _refusal_relief(r.conclusions))
    )


def _refusal_relief(conclusions: frozenset[str]) -> set[str]:
    """Wade's relief on a refusal; a hearing § 2255(b) requires on another claim (counsel's failure
    to raise the government's breach, or a sworn, unkept promise: collateral_review.lp) is relief
    on that claim."""
    if not conclusions.isdisjoint(COLLATERAL_HEARING):
        return set(WADE_RELIEF) - {"evidentiary_hearing"}
    return set(WADE_RELIEF)


def appeal_waiver_blocks_relief(ctx: Context, sc: Scenario) -> str | None:
    facts = _facts(ctx, sc)
    valid = {"appeal_waiver(yes)", "appeal_waiver_scope(all_claims)"} <= facts and not facts & {
        "appeal_waiver_knowing(no)", "appeal_waiver_invoked(no)", "court(district_court)",
        "plea_agreement_rejected(yes)",  # a waiver falls with the agreement the court rejected
        "appeal_waiver_scope(excepts_breach)"}  # a waiver that also excepts breach claims leaves them open
    # a plea the court or the government misled him into takes its waiver with it (Vargas Ruiz)
    misled = any(f.startswith("plea_misinformed(") for f in facts)
    if not valid or misled or not any(f.startswith("allegation(") for f in facts):
        return None
    if not ctx.in_force(sc.case, "wiggins"):  # the waiver is enforced by the law of the case's date
        return None
    primary = ctx.outcome(sc.case).primary  # the "even if" runs set the waiver aside on purpose
    return _first(f"a valid appeal waiver of all claims, and relief({k})" for r in primary for k in sorted(r.relief))


def no_threshold_no_relief(ctx: Context, sc: Scenario) -> str | None:
    for r in _runs(ctx, sc):
        shown = [c for c in r.conclusions if _args(c, "threshold_showing")]
        granted = sorted(set(r.relief) & _refusal_relief(r.conclusions))
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


def _evidence_variants(sc: Scenario) -> list[tuple[Statement, Case]]:
    """Each allegation without `support record_evidence`, and the case with it added."""
    case = sc.case
    return [
        (s, add_child(case, i, Statement("support", (word("record_evidence"),))))
        for i, s in enumerate(case.statements)
        if s.key == "allegation"
        and not any(c.key == "support" and c.values[0].text == "record_evidence" for c in s.children)
    ]


def evidence_cases(ctx: Context, sc: Scenario) -> list[Case]:
    return [sc.case, *(varied for _, varied in ctx.made(sc, _evidence_variants))]


def evidence_monotone(ctx: Context, sc: Scenario) -> str | None:
    for s, varied in ctx.made(sc, _evidence_variants):
        problem = evidence_pair(ctx, sc.case, varied)
        if problem:
            return f"{problem} (to `allegation {s.values[0].text}`)"
    return None


def reason_pair(ctx: Context, base: Case, varied: Case) -> str | None:
    gained = _more_relief(ctx, varied, base)
    return f"adding a legitimate reason adds {gained}" if gained else None


def _reason_variant(sc: Scenario) -> tuple[str, str, Case] | None:
    """A legitimate reason the case does not give, who states it (drawn from the seed), and the
    case with it; None when it gives every one."""
    stated = {s.values[0].text for s in sc.case.get("government_reason")}
    absent = [g for g in LEGITIMATE_REASONS if g not in stated]
    if not absent:
        return None
    rng = random.Random(sc.seed)
    reason, speaker = rng.choice(absent), rng.choice(("decision_maker", "government", "stand_in", "unknown"))
    added = Statement("government_reason", (word(reason),), (Statement("stated_by", (word(speaker),)),))
    return reason, speaker, with_statement(sc.case, added)


def reason_cases(ctx: Context, sc: Scenario) -> list[Case]:
    variant = ctx.made(sc, _reason_variant)
    return [sc.case] if variant is None else [sc.case, variant[2]]


def reason_antitone(ctx: Context, sc: Scenario) -> str | None:
    variant = ctx.made(sc, _reason_variant)
    if variant is None:
        return None
    reason, speaker, varied = variant
    problem = reason_pair(ctx, sc.case, varied)
    return f"{problem} (`government_reason {reason}, stated_by {speaker}`)" if problem else None


def plain_error_pair(ctx: Context, forfeited: Case, raised: Case) -> str | None:
    more = _more_relief(ctx, forfeited, raised)
    return f"with `raised_below no` the case gets {more}, which `raised_below yes` does not" if more else None


def _plain_error_variants(sc: Scenario) -> tuple[Case, Case]:
    """The case forfeited (`raised_below no`) and raised below (`raised_below yes`)."""
    return set_value(sc.case, "raised_below", "no"), set_value(sc.case, "raised_below", "yes")


def plain_error_cases(ctx: Context, sc: Scenario) -> list[Case]:
    return list(ctx.made(sc, _plain_error_variants))


def plain_error_no_more(ctx: Context, sc: Scenario) -> str | None:
    return plain_error_pair(ctx, *ctx.made(sc, _plain_error_variants))


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


def _renamed(sc: Scenario) -> tuple[Case, Case]:
    return sc.case, renamed(sc.case, random.Random(sc.seed))


def rename_cases(ctx: Context, sc: Scenario) -> list[Case]:
    return list(ctx.made(sc, _renamed))


def rename_invariant(ctx: Context, sc: Scenario) -> str | None:
    return _same_verdict(ctx, *ctx.made(sc, _renamed), "renaming the case and its parties")


def _shuffled(sc: Scenario) -> tuple[Case, Case]:
    return sc.case, shuffled(sc.case, random.Random(sc.seed))


def reorder_cases(ctx: Context, sc: Scenario) -> list[Case]:
    return list(ctx.made(sc, _shuffled))


def reorder_invariant(ctx: Context, sc: Scenario) -> str | None:
    return _same_verdict(ctx, *ctx.made(sc, _shuffled), "reordering the statements")


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
