"""Constants -> words: how an ASP constant reads inside a template (`s3553e` -> "§ 3553(e)").

    relief(discovery)
reads
    "discovery" in "relief is available: discovery"
"""

from __future__ import annotations

# ---------------------------------------------------------------------------------------------
# Constants -> words

WORDS: dict[str, str] = {
    "any": "any of them",  # an unbound variable in a why-not condition
    # motions and the bases of authority below a minimum
    "s3553e": "§ 3553(e)",
    "s5k1_1": "§ 5K1.1",
    "rule35b": "Rule 35(b)",
    "unspecified": "substantial-assistance",  # a motion of no named kind: "the substantial-assistance motion"
    "s3553e_motion": "a § 3553(e) motion",
    "safety_valve": "the safety valve, § 3553(f)",
    "compelled_motion": "a compelled § 3553(e) motion",
    "rule35b_motion": "a Rule 35(b) motion",
    "statutory_minimum": "statutory minimum",
    # roles
    "decision_maker": "the prosecutor who decided",
    "stand_in": "a stand-in prosecutor",
    "government": "the government",
    "defense_counsel": "defense counsel",
    "defendant": "the defendant",
    "court": "the court",
    # courts
    "supreme_court": "the Supreme Court",
    "seventh_circuit": "the Seventh Circuit",
    "eighth_circuit": "the Eighth Circuit",
    "first_circuit": "the First Circuit",
    "second_circuit": "the Second Circuit",
    "third_circuit": "the Third Circuit",
    "fourth_circuit": "the Fourth Circuit",
    "fifth_circuit": "the Fifth Circuit",
    "sixth_circuit": "the Sixth Circuit",
    "ninth_circuit": "the Ninth Circuit",
    "tenth_circuit": "the Tenth Circuit",
    "eleventh_circuit": "the Eleventh Circuit",
    "dc_circuit": "the D.C. Circuit",
    "district_court": "a district court",
    # standards of review
    "waived": "none, the claim was waived",
    "plain_error": "plain error",
    "preserved": "review of a preserved claim",
    "abuse_of_discretion": "abuse of discretion",
    "first_instance": "first-instance review by the district court",
    # relief
    "discovery": "discovery",
    "evidentiary_hearing": "an evidentiary hearing",
    "remedy": "a remedy",
    "specific_performance": "specific performance of the plea agreement",
    "plea_withdrawal": "withdrawal of the guilty plea",
    "compel_motion": "an order compelling the motion",
    "below_minimum_sentence": "a sentence below the statutory minimum",
    "resentencing": "resentencing",
    # postures
    "appeal_after_sentence": "an appeal from the sentence",
    "motion_to_compel": "a motion to compel",
    "sentence_reduction": "a § 3582(c)(2) reduction",
    "rule_35b_proceeding": "a Rule 35(b) proceeding",
    # allegations
    "unconstitutional_motive": "an unconstitutional motive",
    "no_rational_relation": "no rational relation to a legitimate end",
    "impermissible_factor": "a § 3553(e) decision resting on factors other than assistance",
    "bad_faith": "bad faith",
    "breach_of_plea_agreement": "breach of the plea agreement",
    "pretext": "pretext",
    "failure_to_inform": "failure to inform",
    "punishment_for_trial": "punishment for going to trial",
    # support
    "nothing": "nothing",
    "assistance_only": "the defendant's assistance alone",
    "own_say_so": "the defendant's own say-so",
    "record_evidence": "specific evidence in the record",
    "earlier_offer": "an earlier offer of the motion",
    "remark": "a remark at the hearing",
    # reasons
    "insufficient_assistance": "the assistance was not substantial",
    "no_useful_information": "no useful information",
    "no_prosecutable_information": "no prosecutable information",
    "custody_made_assistance_useless": "custody made the assistance useless",
    "assistance_ended": "the assistance ended",
    "continued_criminal_activity": "continued criminal activity",
    "seriousness_of_offense": "the seriousness of the offence",
    "criminal_history": "the defendant's criminal history",
    "family_circumstances": "the defendant's family circumstances",
    "breach_of_cooperation_agreement": "breach of the cooperation agreement",
    "target_fled": "the flight of the target",
    "race": "race",
    "religion": "religion",
    "national_origin": "national origin",
    "sex": "sex",
    "exercise_of_trial_right": "the exercise of the right to trial",
    "political_belief": "political belief",
    "personal_animus": "personal animus",
    "arbitrary": "an arbitrary reason",
    "cost_benefit": "the cost and benefit of moving",
    # remark purposes
    "aside": "an aside",
    "explain_minimum": "to explain the statutory minimum",
    "reason_for_refusal": "a reason for the refusal",
    # agreements
    "promise_to_move": "a promise to move once a condition is met",
    "promise_to_consider": "a promise to consider a motion",
    "sole_discretion": "a motion in the government's sole discretion",
    "good_faith_effort": "a motion for a good-faith effort to assist",
    "before_plea": "before the plea",
    "after_plea": "after the plea",
    "in_record": "in the record",
    "not_in_record": "not in the record",
    # concessions
    "rational_basis": "a rational basis for the refusal",
    "not_bound_by_plea_agreement": "the government was not bound by the plea agreement",
    "no_prejudice": "no prejudice",
    "assistance_not_substantial": "the assistance was not substantial",
    "breach": "a breach",
    "improper_motive": "an improper motive",
    # waiver conduct
    "refused_to_disclose_proffers": "refusing to let the court see the proffers",
    "disclaimed_interest": "disclaiming any interest in taking it further",
    "withdrew_claim": "withdrawing the claim",
    # open questions and their positions
    # (each reads before "is <position>": "Rounsavall's rule (...) is recognized")
    "rounsavall_rule": "Rounsavall's rule that a § 3553(e) decision must rest on the assistance alone",
    "bad_faith_ground": "bad faith as a ground to compel a motion",
    "bad_faith_review": "good-faith review of a judgment the agreement reserves to the government",
    "prevention_doctrine": "the prevention doctrine (no reliance on a condition the government prevented)",
    "known_reason_bad_faith": "the rule that a reason known when the promise was made is evidence of bad faith",
    "assistance_sentence_eligible": "eligibility for a § 3582(c)(2) reduction of a sentence below a minimum for assistance",
    "eligible": "recognized (such a sentence is eligible)",
    "ineligible": "rejected (such a sentence is ineligible)",
    "rule35b_other_factors": "the rule that a Rule 35(b) reduction may weigh factors other than the assistance",
    "determination_required": "the rule that the government must state whether it found the assistance substantial",
    "rule35b_response": "the rule that the defendant may respond to the government's Rule 35(b) motion before the court rules",
    "preserved_standard": "the standard of review for a preserved claim",
    "forfeited_standard": "the standard of review for a forfeited claim",
    "recognized": "recognized",
    "rejected": "rejected",
    "unsettled": "unsettled",
    # minimum terms
    "term": "a term of months",
    "life": "life",
    "none": "none",
    "unknown": "unknown",
    "yes": "yes",
    "no": "no",
    "some_idea": "some idea",
    # custody timing and results
    "before_cooperation": "before cooperation",
    "during_cooperation": "during cooperation",
    "after_cooperation": "after cooperation",
    "information": "information",
    "arrest": "an arrest",
    "prosecution": "a prosecution",
    "conviction": "a conviction",
    "given": "given",
    "attempted": "attempted",
    "denied": "denied",
}
