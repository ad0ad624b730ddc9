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

from doctrine.proof.checks import (
    appeal_waiver_blocks_relief,
    below_minimum_needs_basis,
    contradictions as contradictions,
    defendant_breach_no_performance,
    evidence_cases,
    evidence_monotone,
    evidence_pair,
    granted_motion_no_refusal_relief,
    no_contradiction,
    no_threshold_no_relief,
    one_answer_set,
    plain_error_cases,
    plain_error_no_more,
    plain_error_pair,
    print_parse_invariant,
    reason_antitone,
    reason_cases,
    reason_pair,
    rename_cases,
    rename_invariant,
    reorder_cases,
    reorder_invariant,
    sound_explanation,
    waiver_blocks_relief,
)
from doctrine.proof.context import Check, Context as Context, Invariant as Invariant, Scenario as Scenario
from doctrine.proof.invariant_asp import ASP


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
        "Wade, 504 U.S. at 186; Olano; Holbdy",
        no_contradiction,
    ),
    _invariant(
        "waiver_blocks_relief",
        "A waived claim gets no relief: review(waived) => no relief(K) in that run.",
        "Buffington",
        waiver_blocks_relief,
    ),
    _invariant(
        "defendant_breach_no_performance",
        "The defendant's own breach never yields relief for the government's non-performance "
        "(specific performance, or plea withdrawal unless the plea itself was not knowing).",
        "In re Sealed Case, 244 F.3d 961 (D.C. Cir. 2001); federal doctrine § 2",
        defendant_breach_no_performance,
    ),
    _invariant(
        "granted_motion_no_refusal_relief",
        "Where every motion was filed (none withdrawn or left unrenewed), no discovery, hearing or "
        "remedy on a refusal.",
        "Wade, 504 U.S. at 185-86 (a refusal is what is reviewed)",
        granted_motion_no_refusal_relief,
    ),
    _invariant(
        "appeal_waiver_blocks_relief",
        "A knowing and voluntary appeal waiver of all claims (with no exception for breach), invoked, yields no relief on appeal, unless the court or the government misled the defendant into the plea that holds it, or the district court rejected the plea agreement that holds it (where the appeal-waiver rule is law on the case's date: Wiggins, 1990).",
        "Wiggins, 905 F.2d 51 (4th Cir. 1990); Kilcrease, 665 F.3d 924 (7th Cir. 2012); Sakellarion, 649 F.3d 634 (7th Cir. 2011)",
        appeal_waiver_blocks_relief,
    ),
    _invariant(
        "no_threshold_no_relief",
        "No discovery, hearing or remedy on a Wade claim without a substantial threshold showing "
        "(a hearing § 2255(b) requires on counsel's failure to raise a breach is on another claim).",
        "Wade, 504 U.S. at 186, via Billings and Mackmore",
        no_threshold_no_relief,
    ),
    _invariant(
        "below_minimum_needs_basis",
        "Authority below a statutory minimum needs a § 3553(e) motion, "
        "safety-valve eligibility or a remedy compelling the motion (a Wade remedy, or specific "
        "performance); a § 5K1.1 motion alone never.",
        "Holbdy via Mackmore; 18 U.S.C. § 3553(e), (f)",
        below_minimum_needs_basis,
    ),
    _invariant(
        "evidence_monotone",
        "Adding `support record_evidence` to an allegation never removes relief.",
        "Wade, 504 U.S. at 186; Perez",
        evidence_monotone,
        cases=evidence_cases,
        varies=("allegation_support",),
        pair=evidence_pair,
    ),
    _invariant(
        "reason_antitone",
        "Adding a legitimate government reason (about the assistance) never adds relief.",
        "Billings; Buffington",
        reason_antitone,
        cases=reason_cases,
        varies=("government_reason", "government_reason_stated_by"),
        pair=reason_pair,
    ),
    _invariant(
        "plain_error_no_more",
        "A forfeited claim (raised_below no) never gets relief that the same claim raised below would not.",
        "Olano, 507 U.S. at 732, via Billings",
        plain_error_no_more,
        cases=plain_error_cases,
        varies=("raised_below",),
        pair=plain_error_pair,
    ),
    _invariant(
        "rename_invariant",
        "Renaming the case and its parties changes nothing.",
        "the case language (names are not facts)",
        rename_invariant,
        cases=rename_cases,
    ),
    _invariant(
        "reorder_invariant",
        "The order of statements changes nothing.",
        "the case language (a case is a set of facts)",
        reorder_invariant,
        cases=reorder_cases,
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
