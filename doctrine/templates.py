"""Plain-English templates for the doctrine's atoms: conclusions, case facts and law settings.

Each (predicate, arity) maps to (positive text, negative text). The positive text says what
the atom asserts; the negative text reads as a finding, for why-not explanations ("no record
evidence supports ..."), never as "not p(x)". `{0}`, `{1}` are the arguments, each already
turned into words (WORDS for constants, the template for a nested atom). Pure data.

    holds(no_threshold_showing(impermissible_factor))
reads
    "no substantial threshold showing that the refusal was improper (a § 3553(e) decision
    resting on factors other than assistance)"
"""

from __future__ import annotations

from typing import Dict, Tuple

Template = Tuple[str, str]

# ---------------------------------------------------------------------------------------------
# Conclusions (holds/1 arguments), by the file that derives them

CONCLUSIONS: Dict[Tuple[str, int], Template] = {
    # preservation.lp
    ("review", 1): (
        "standard of review: {0}",
        "the standard of review is not {0}",
    ),
    # wade.lp, agreements.lp, billings.lp, buffington.lp, mackmore.lp: the duty
    ("power_not_duty", 1): (
        "the government has a power, not a duty, to file the {0} motion",
        "the government's power to withhold the {0} motion is limited by an agreement",
    ),
    ("broad_discretion", 0): (
        "the prosecutor retains broad discretion whether to file a substantial-assistance motion",
        "nothing shows the prosecutor's discretion left broad",
    ),
    ("discretion_limited_by_agreement", 0): (
        "the plea agreement limits the government's discretion: it promised to move once a condition was met",
        "no plea agreement binding the government to move is shown",
    ),
    ("not_bound_by_plea_agreement", 0): (
        "the defendant concedes the government was not bound by the plea agreement to file the motion",
        "no concession that the government was free of the plea agreement",
    ),
    ("no_duty_to_file", 1): (
        "filing one substantial-assistance motion created no duty to file a {0} motion",
        "no finding that the government was free not to file a {0} motion",
    ),
    ("breach_of_plea_agreement", 0): (
        "the government breached the plea agreement by not filing the promised motion",
        "no breach of a plea agreement is shown",
    ),
    ("no_breach_of_plea_agreement", 0): (
        "no breach of a plea agreement: no promise to move was broken",
        "the claim of breach is not rejected",
    ),
    # the grounds
    ("suspect_ground", 1): (
        "the reason alleged ({0}) would be an unconstitutional motive",
        "the reason alleged ({0}) is not an unconstitutional motive",
    ),
    ("irrational_ground", 1): (
        "the reason alleged ({0}) is not rationally related to any legitimate government end",
        "the reason alleged ({0}) is not shown to lack a rational relation to a legitimate end",
    ),
    ("impermissible_ground", 1): (
        "the § 3553(e) decision alleged ({0}) would rest on a factor other than the defendant's assistance, which is impermissible",
        "the factor alleged ({0}) is not an impermissible basis for the decision under the law of the circuit",
    ),
    ("would_be_impermissible", 1): (
        "had the refusal rested on the factors alleged ({0}), the government would have acted impermissibly (dictum)",
        "no dictum treats the factors alleged ({0}) as impermissible",
    ),
    ("ground_not_recognized", 1): (
        "{0} is not a ground for compelling a substantial-assistance motion",
        "{0} is not rejected as a ground",
    ),
    # evidence and the gate
    ("motive_evidence", 1): (
        "record evidence ties the person who decided to the alleged motive ({0})",
        "no record evidence ties the person who decided to the alleged motive ({0})",
    ),
    ("stated_reasons_rebutted", 0): (
        "clear record evidence rebuts the government's stated reasons",
        "the government's stated reasons stand unrebutted",
    ),
    ("rebuttal_evidence", 1): (
        "record evidence rebuts the government's stated reasons ({0})",
        "no record evidence rebuts the government's stated reasons ({0})",
    ),
    ("remark_not_evidence", 1): (
        "the remark about {0} is no evidence of why the motion was withheld",
        "the remark about {0} is not discounted",
    ),
    ("threshold_showing", 1): (
        "a substantial threshold showing that the refusal was improper ({0})",
        "no substantial threshold showing that the refusal was improper ({0})",
    ),
    ("no_threshold_showing", 1): (
        "no substantial threshold showing that the refusal was improper ({0})",
        "the claim ({0}) is not found to fall short of the threshold showing",
    ),
    ("record_gaps_no_help", 0): (
        "gaps in the record about the assistance do not help a defendant who never moved to compel",
        "gaps in the record are not held against the defendant",
    ),
    # reasons
    ("legitimate_reason", 1): (
        "the government's stated reason ({0}) is legitimate",
        "the reason ({0}) is not shown to be a legitimate one",
    ),
    ("rationally_related", 0): (
        "the refusal is rationally related to a legitimate government end (a legitimate reason was stated)",
        "no legitimate reason for the refusal was stated",
    ),
    ("rational_basis_conceded", 0): (
        "the defence conceded that the government had a rational basis for withholding the motion",
        "no concession of a rational basis",
    ),
    ("custody_rational_basis", 0): (
        "custody left the defendant unable to give useful help: a rational basis for withholding the motion",
        "custody is not shown to have left the defendant unable to help",
    ),
    ("unsuccessful_attempt_no_duty", 0): (
        "the government need not move for an unsuccessful attempt to help, even one made in good faith",
        "the attempt to help is not shown to have been unsuccessful",
    ),
    # the merits and relief
    ("improper_refusal", 1): (
        "the refusal was improper ({0}), as the defendant proved",
        "the refusal is not proven improper ({0})",
    ),
    ("refusal_upheld", 0): (
        "the refusal stands: it was neither irrational nor based on an impermissible motive",
        "the refusal is not upheld",
    ),
    ("relief", 1): (
        "relief is available: {0}",
        "{0} is not available",
    ),
    # notice
    ("not_wade_reviewable", 1): (
        "the {0} claim is not the kind of constitutional violation that opens the refusal to Wade review",
        "the {0} claim is not held outside Wade review",
    ),
    ("due_process_violation", 1): (
        "a due process violation: {0}",
        "no due process violation ({0}) is shown",
    ),
    ("no_duty_to_inform", 0): (
        "the government had no duty to tell the defendant that custody would hurt his chances of a motion",
        "the duty to inform is not ruled out",
    ),
    ("had_notice_of_custody_effect", 0): (
        "the defendant had some idea that custody would dampen his chances of a motion",
        "nothing shows the defendant knew that custody would hurt his chances",
    ),
    # authority below a minimum
    ("below_minimum_authorized", 1): (
        "the court has authority to sentence below the statutory minimum ({0})",
        "no authority below the statutory minimum from {0}",
    ),
    ("below_guidelines_authorized", 1): (
        "the court may depart below the guidelines range on the {0} motion",
        "no departure below the guidelines range on a {0} motion",
    ),
    ("no_authority_below_minimum", 0): (
        "without a government motion the court has no authority to sentence below the statutory minimum",
        "the court is not shown to lack authority below the minimum",
    ),
    ("reduction_floor", 1): (
        "a § 3582(c)(2) reduction may go down to, not below, the {0}",
        "the reduction is not floored at the {0}",
    ),
    ("sentencing_changes_no_effect", 0): (
        "changes in guidelines sentencing could not affect a sentence at a binding statutory minimum",
        "changes in sentencing practice are not shown to be beside the point",
    ),
    # allocution
    ("allocution_error", 0): (
        "the district court erred by not letting the defendant allocute",
        "no allocution error",
    ),
    ("allocution_error_harmless", 0): (
        "the allocution error was harmless",
        "the allocution error is not shown harmless",
    ),
    # the defeasibility layer
    ("exception", 2): (
        "an exception defeats rule {0}'s conclusion that {1}",
        "no exception defeats rule {0}'s conclusion that {1}",
    ),
}

# ---------------------------------------------------------------------------------------------
# Input predicates (rules/vocabulary.lp): the case facts

INPUTS: Dict[Tuple[str, int], Template] = {
    ("court", 1): ("the court is {0}", "the court is not {0}"),
    ("circuit", 1): ("the case is in {0}", "the case is not in {0}"),
    ("posture", 1): ("the question comes up as {0}", "the question does not come up as {0}"),
    ("raised_below", 1): (
        "raised in the district court: {0}",
        "the record does not show the challenge raised below as '{0}'",
    ),
    ("waiver_conduct", 1): (
        "the defendant gave up the claim: {0}",
        "the defendant did not give up the claim by conduct ({0})",
    ),
    ("seeks", 1): ("the defendant seeks {0}", "the defendant does not seek {0}"),
    ("statutory_minimum", 1): ("the statutory minimum: {0}", "the record does not show a statutory minimum of {0}"),
    ("safety_valve", 1): (
        "eligible for the safety valve (§ 3553(f)): {0}",
        "safety-valve eligibility is not shown as '{0}'",
    ),
    ("motion", 1): ("a {0} motion is in issue", "no {0} motion is in issue"),
    ("motion_sought", 2): ("the defendant sought the {0} motion: {1}", "it is not shown that the defendant sought the {0} motion ({1})"),
    ("motion_filed", 2): ("the government filed the {0} motion: {1}", "the record does not show the {0} motion filed as '{1}'"),
    ("motion_granted", 2): ("the court granted the {0} motion: {1}", "the record does not show the {0} motion granted as '{1}'"),
    ("plea_agreement", 1): ("the plea agreement: {0}", "the plea agreement is not shown to be {0}"),
    ("plea_agreement_motion", 1): ("the plea agreement names {0}", "the plea agreement does not name {0}"),
    ("plea_agreement_condition_met", 1): (
        "the condition the plea agreement sets for the motion was met: {0}",
        "the record does not show the plea agreement's condition met ('{0}')",
    ),
    ("informed_of_custody_effect", 1): (
        "told before pleading that custody would limit his ability to assist: {0}",
        "the record does not show whether he was told ('{0}')",
    ),
    ("cooperation_agreement", 1): ("a cooperation agreement: {0}", "no cooperation agreement ({0}) is shown"),
    ("cooperation_agreement_contents", 1): (
        "the cooperation agreement's contents: {0}",
        "the cooperation agreement's contents are not shown as {0}",
    ),
    ("cooperation_agreement_terms", 1): (
        "the cooperation agreement says of a motion: {0}",
        "the cooperation agreement is not shown to say {0}",
    ),
    ("earlier_offer", 1): ("the government earlier offered a {0} motion", "no earlier offer of a {0} motion"),
    ("earlier_offer_finalized", 2): ("the earlier {0} offer was finalized: {1}", "the record does not show the earlier {0} offer finalized as '{1}'"),
    ("earlier_offer_conditioned", 2): (
        "the earlier {0} offer was conditioned on continued cooperation: {1}",
        "the record does not show whether the earlier {0} offer was conditioned ('{1}')",
    ),
    ("earlier_offer_after_reasons_known", 2): (
        "the government knew its later reasons when it made the {0} offer: {1}",
        "the record does not show what the government knew when it made the {0} offer ('{1}')",
    ),
    ("assistance", 1): ("the defendant's assistance: {0}", "the defendant's assistance is not shown as {0}"),
    ("assistance_good_faith", 1): ("the attempt to help was in good faith: {0}", "good faith is not shown ('{0}')"),
    ("assistance_useful", 1): ("the information was useful to the government: {0}", "usefulness is not shown as '{0}'"),
    ("assistance_substantial", 1): ("the record shows substantial assistance: {0}", "substantial assistance is not shown as '{0}'"),
    ("assistance_led_to", 1): ("the assistance led to {0}", "the assistance is not shown to have led to {0}"),
    ("assistance_through_third_parties", 1): ("others assisted on the defendant's behalf: {0}", "third-party assistance is not shown as '{0}'"),
    ("assistance_after_sentencing", 1): ("the assistance came after sentencing: {0}", "the timing of the assistance is not shown as '{0}'"),
    ("custody", 1): ("in custody while cooperating: {0}", "custody is not shown as '{0}'"),
    ("custody_began", 1): ("custody began {0}", "custody is not shown to have begun {0}"),
    ("custody_limited_assistance", 1): (
        "custody made the defendant unable to give useful help: {0}",
        "the record does not show custody limiting his help ('{0}')",
    ),
    ("knew_custody_effect", 1): (
        "the defendant knew custody would hurt his cooperation: {0}",
        "the record does not show what he knew of custody's effect ('{0}')",
    ),
    ("approached_before_charging", 1): (
        "the government approached him before charging, to cooperate while free: {0}",
        "no approach before charging is shown ('{0}')",
    ),
    ("absconded_before_arrest", 1): (
        "he then disappeared until his arrest: {0}",
        "his disappearing before arrest is not shown ('{0}')",
    ),
    ("government_reason", 1): ("the government gave as its reason: {0}", "the government did not give {0} as a reason"),
    ("government_reason_stated_by", 2): ("the reason ({0}) was stated by {1}", "the reason ({0}) was not stated by {1}"),
    ("government_denies", 1): ("the government denied relying on {0}", "the government did not deny relying on {0}"),
    ("remark", 1): ("a remark at the hearing about {0}", "no remark about {0}"),
    ("remark_by", 2): ("the remark about {0} was made by {1}", "the remark about {0} was not made by {1}"),
    ("remark_purpose", 2): ("the remark about {0} was {1}", "the remark about {0} is not shown to be {1}"),
    ("allegation", 1): ("the defendant alleges {0}", "the defendant does not allege {0}"),
    ("allegation_ground", 2): ("the alleged reason behind the refusal ({0}): {1}", "the allegation ({0}) does not name {1}"),
    ("allegation_support", 2): ("the allegation ({0}) rests on {1}", "the allegation ({0}) does not rest on {1}"),
    ("allegation_ties_decision_maker", 2): (
        "the support ties the person who decided to the alleged motive ({0}): {1}",
        "no record evidence ties the person who decided to the alleged motive ({0})",
    ),
    ("allegation_rebuts_stated_reasons", 2): (
        "the support rebuts the government's stated reasons ({0}): {1}",
        "the support does not rebut the government's stated reasons ({0})",
    ),
    ("allegation_proven", 2): (
        "the court found the allegation ({0}) proven: {1}",
        "the allegation ({0}) is not proven",
    ),
    ("allegation_motion", 2): ("the allegation ({0}) concerns the {1} motion", "the allegation ({0}) does not concern the {1} motion"),
    ("concession", 1): ("a concession on the record: {0}", "no concession ({0}) on the record"),
    ("concession_by", 2): ("the concession ({0}) was made by {1}", "the concession ({0}) was not made by {1}"),
    ("allocution", 1): ("allocution: {0}", "allocution is not shown as {0}"),
    ("allocution_would_have_changed_decision", 1): (
        "the defendant claims allocution would have changed the government's decision: {0}",
        "the defendant does not claim allocution would have changed the government's decision ('{0}')",
    ),
    ("guidelines_range_below_minimum", 1): (
        "the guidelines range starts below the statutory minimum: {0}",
        "the guidelines range is not shown to start below the minimum ('{0}')",
    ),
    ("reduced_range_below_minimum", 1): (
        "the reduced range starts below the statutory minimum: {0}",
        "the reduced range is not shown to start below the minimum ('{0}')",
    ),
    ("sentence_at_minimum", 1): (
        "the sentence equals the statutory minimum: {0}",
        "the sentence is not shown to equal the minimum ('{0}')",
    ),
    ("sentence_below_minimum", 1): (
        "the sentence is below the statutory minimum: {0}",
        "the sentence is not shown to be below the minimum ('{0}')",
    ),
}

# ---------------------------------------------------------------------------------------------
# The law of the case and the doctrine's own tables (they appear as premises)

LAW: Dict[Tuple[str, int], Template] = {
    ("setting", 2): ("the law of the circuit on {0}: {1}", "the circuit's law on {0} is not {1}"),
    ("position", 2): ("the law of the case on {0}: {1}", "the law of the case on {0} is not {1}"),
    ("branch", 2): ("assuming the open question {0} is answered: {1}", "not assuming {0} answered {1}"),
    ("even_if", 1): ("even if {0} were set aside", "{0} is not set aside"),
    ("not_yet_decided", 1): ("{0} had not yet been decided", "{0} had been decided"),
    ("procedural_bar", 1): ("{0} is a procedural bar", "{0} is not a procedural bar"),
    ("question_position", 2): ("{1} is a possible answer to {0}", "{1} is not an answer to {0}"),
    ("wade_claim", 1): ("{0} attacks the refusal itself (Wade review)", "{0} is not a challenge reviewed under Wade"),
    ("reason_about_assistance", 1): ("{0} is a judgment about the assistance", "{0} is not a judgment about the assistance"),
    ("factor_other_than_assistance", 1): (
        "{0} is a factor other than the defendant's assistance",
        "{0} is not a factor other than the assistance",
    ),
    ("recited_in_buffington", 1): (
        "{0} is a reason Buffington recited and left unquestioned",
        "{0} is not among the reasons Buffington left unquestioned",
    ),
}

# Whole atoms whose words read better than their predicate's template.
ATOMS: Dict[str, Template] = {
    "review(waived)": ("the claim was waived", "the claim was not waived"),
    "review(plain_error)": ("review is for plain error", "review is not for plain error"),
    "allocution_would_have_changed_decision(yes)": (
        "the defendant claims that allocution would have changed the government's decision",
        "the defendant does not claim that allocution would have changed the government's decision",
    ),
    "assistance_good_faith(yes)": ("the attempt to help was in good faith", "good faith is not shown"),
    "raised_below(yes)": ("the claim was raised in the district court", "the claim was not raised in the district court"),
    "raised_below(no)": ("the claim was not raised in the district court", "it is not shown that the claim was forfeited"),
}

TEMPLATES: Dict[object, Template] = {**CONCLUSIONS, **INPUTS, **LAW, **ATOMS}

# ---------------------------------------------------------------------------------------------
# Constants -> words

WORDS: Dict[str, str] = {
    "any": "any of them",  # an unbound variable in a why-not condition
    # motions and the bases of authority below a minimum
    "s3553e": "§ 3553(e)",
    "s5k1_1": "§ 5K1.1",
    "rule35b": "Rule 35(b)",
    "unspecified": "an unspecified motion",
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
    "uninformed_plea": "a guilty plea under a plea agreement without fair notice of custody's effect",
    # support
    "nothing": "nothing",
    "assistance_only": "the defendant's assistance alone",
    "own_say_so": "the defendant's own say-so",
    "record_evidence": "specific evidence in the record",
    "earlier_offer": "an earlier offer of the motion",
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
    "rounsavall_rule": "whether a § 3553(e) decision may rest on factors other than assistance",
    "bad_faith_ground": "whether bad faith is a ground to compel a motion",
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
