"""The ASP forms of the invariants: rules deriving `_violation` when an invariant fails.

`doctrine.proof.verify` adds one of these to the doctrine and to the choice rules of the fact space
and asks clingo for a model with `_violation`: none is a proof. A one-scenario form reads
`holds/1` and the input atoms; a pair form reads `holds/2`, whose first argument is the
world (w1, w2), and says how the varied inputs of w2 differ from those of w1. Helper atoms
start with `_` (house style for tooling-generated predicates).

    waiver_blocks_relief
becomes
    _violation :- holds(review(waived)), holds(relief(K)).
"""

from __future__ import annotations

from collections.abc import Callable

from doctrine.engine.rulebase import Rulebase

# Relief on a Wade claim: what the threshold showing gates (Wade at 186, via Billings).
WADE_RELIEF = ("discovery", "evidentiary_hearing", "remedy")
# Reasons about the assistance itself: the government's judgment call.
LEGITIMATE_REASONS = (
    "insufficient_assistance",
    "no_useful_information",
    "no_prosecutable_information",
    "custody_made_assistance_useless",
    "assistance_ended",
)
_REVIEWS = (
    ("waived", "plain_error"),
    ("waived", "preserved"),
    ("waived", "abuse_of_discretion"),
    ("waived", "first_instance"),
    ("plain_error", "preserved"),
    ("plain_error", "abuse_of_discretion"),
    ("plain_error", "first_instance"),
    ("preserved", "first_instance"),
)
# Conclusions that cannot both hold (besides X and no_X); `*` stands for any argument.
EXCLUSIVE = (
    # a claim is waived, forfeited, preserved, or before the district court
    *((f"review({a})", f"review({b})") for a, b in _REVIEWS),
    ("no_authority_below_minimum", "below_minimum_authorized(*)"),  # Holbdy
    ("refusal_upheld", "improper_refusal(*)"),  # Billings against Wade
    # an upheld refusal leaves no relief on the refusal itself; a remand or resentencing for
    # the district court's own error (district_court.lp) is relief on another question
    *(("refusal_upheld", f"relief({k})") for k in
      ("discovery", "remedy", "compel_motion", "specific_performance")),
)
# A hearing is relief on the refusal unless § 2255(b) requires it on another claim: that counsel
# failed to raise the government's breach, or that the government did not keep a promise the
# defendant swears to (collateral_review.lp), which an upheld refusal to move does not answer
# (the breach may be of another promise).
COLLATERAL_HEARING = ("ineffective_assistance_unrefuted", "promise_claim_unrefuted")
EXCLUSIVE_UNLESS_COLLATERAL_HEARING = (("refusal_upheld", "relief(evidentiary_hearing)"),)
# Withdrawal of a plea is relief on the refusal (a broken promise induced the plea) unless the plea
# itself was not knowing (sentencing_procedure.lp): then it is relief on another question.
EXCLUSIVE_UNLESS_UNKNOWING_PLEA = (("refusal_upheld", "relief(plea_withdrawal)"),)


def contradiction(rulebase: Rulebase) -> str:
    """`X` and `no_X` never both hold, for every such pair the rules derive; nor EXCLUSIVE."""
    arity: dict[str, int] = {}
    for clause in rulebase.clauses:
        term = clause.ast_node.head.atom.symbol.arguments[1]
        arity[getattr(term, "name", str(term))] = len(getattr(term, "arguments", ()))
    lines = []
    for name, n in sorted(arity.items()):
        if name.startswith("no_") and arity.get(name[3:]) == n:
            xs = "(" + ",".join(f"X{i}" for i in range(n)) + ")" if n else ""
            lines.append(f"_violation :- holds({name[3:]}{xs}), holds({name}{xs}).")
    for a, b in EXCLUSIVE:
        lines.append(f"_violation :- holds({a.replace('*', '_')}), holds({b.replace('*', '_')}).")
    lines.append("_unknowing_plea :- holds(plea_not_knowing(X)).")
    for a, b in EXCLUSIVE_UNLESS_UNKNOWING_PLEA:
        lines.append(f"_violation :- holds({a}), holds({b}), not _unknowing_plea.")
    lines.extend(f"_collateral_hearing :- holds({c})." for c in COLLATERAL_HEARING)
    for a, b in EXCLUSIVE_UNLESS_COLLATERAL_HEARING:
        lines.append(f"_violation :- holds({a}), holds({b}), not _collateral_hearing.")
    return "\n".join(lines)


_WADE = " ".join(f"_wade_relief({k})." for k in WADE_RELIEF)
# Wade's relief on a refusal, as checks._refusal_relief: a hearing § 2255(b) requires on another
# claim (COLLATERAL_HEARING) is relief on that claim instead.
_REFUSAL_RELIEF = f"""
        {_WADE}
        {" ".join(f"_collateral_hearing :- holds({c})." for c in COLLATERAL_HEARING)}
        _refusal_relief(K) :- _wade_relief(K), K != evidentiary_hearing.
        _refusal_relief(evidentiary_hearing) :- not _collateral_hearing."""
_LEGITIMATE = " ".join(f"_legitimate({g})." for g in LEGITIMATE_REASONS)

ASP: dict[str, str | Callable[[Rulebase], str]] = {
    "no_contradiction": contradiction,
    "waiver_blocks_relief": """
        _violation :- holds(review(waived)), holds(relief(K)).""",
    "defendant_breach_no_performance": """
        _unknowing_plea :- holds(plea_not_knowing(X)).
        _violation :- holds(defendant_breach), holds(relief(specific_performance)).
        _violation :- holds(defendant_breach), holds(relief(plea_withdrawal)), not _unknowing_plea.""",
    "granted_motion_no_refusal_relief": _REFUSAL_RELIEF + """
        _open :- motion_filed(M, no).
        _open :- motion_filed(M, unknown).
        _open :- government_act(withdrew_motion).
        _open :- government_act(did_not_renew_motion).
        _declared :- motion(M).
        _violation :- _declared, not _open, holds(relief(K)), _refusal_relief(K).""",
    "appeal_waiver_blocks_relief": """
        _misled :- plea_misinformed(_).
        _violation :- appeal_waiver(yes), not appeal_waiver_knowing(no), not appeal_waiver_invoked(no),
            appeal_waiver_scope(all_claims), not appeal_waiver_scope(excepts_breach), allegation(_),
            not court(district_court), not _misled, not plea_agreement_rejected(yes),
            not even_if(review(waived)), holds(relief(K)).""",
    "no_threshold_no_relief": _REFUSAL_RELIEF + """
        _shown :- holds(threshold_showing(A)).
        _violation :- holds(relief(K)), _refusal_relief(K), not _shown.""",
    "below_minimum_needs_basis": """
        _basis(s3553e_motion) :- motion_filed(s3553e, yes).
        _basis(safety_valve) :- safety_valve(yes).
        _basis(rule35b_motion) :- motion_filed(rule35b, yes).
        _basis(compelled_motion) :- holds(relief(remedy)).
        _basis(compelled_motion) :- holds(relief(specific_performance)).
        _violation :- holds(below_minimum_authorized(B)), not _basis(B).""",
    # w2: one allegation gains `support record_evidence` (replacing a default `nothing`, or not)
    "evidence_monotone": """
        1 { _target(A) : allegation(A) } 1.
        :- _target(A), allegation_support(A, record_evidence).
        _other(A) :- allegation_support(A, S), S != nothing.
        { _drop(A) } :- _target(A), not _other(A).
        allegation_support(w1, A, S) :- allegation_support(A, S).
        allegation_support(w2, A, S) :- allegation_support(A, S), not _drop(A).
        allegation_support(w2, A, record_evidence) :- _target(A).
        _violation :- holds(w1, relief(K)), not holds(w2, relief(K)).""",
    # w2: the government gives one more legitimate reason, stated by anyone
    "reason_antitone": f"""
        {_LEGITIMATE}
        _speaker(decision_maker; stand_in; government; defense_counsel; defendant; court; unknown).
        1 {{ _added(G, S) : _legitimate(G), _speaker(S) }} 1.
        :- _added(G, S), government_reason(G).
        government_reason(W, G) :- government_reason(G), W = (w1; w2).
        government_reason(w2, G) :- _added(G, S).
        government_reason_stated_by(W, G, S) :- government_reason_stated_by(G, S), W = (w1; w2).
        government_reason_stated_by(w2, G, S) :- _added(G, S).
        _violation :- holds(w2, relief(K)), not holds(w1, relief(K)).""",
    # w1 forfeited, w2 raised below
    "plain_error_no_more": """
        raised_below(w1, no). raised_below(w2, yes).
        _violation :- holds(w1, relief(K)), not holds(w2, relief(K)).""",
}
