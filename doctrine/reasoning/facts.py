"""Plain-English templates for the case facts (the input predicates of rules/vocabulary.lp) and
the law of the case (jurisdiction settings, branches, the doctrine's own tables).

Each (predicate, arity) maps to (positive text, negative text), as in `doctrine.reasoning.templates`.

    raised_below(no)
reads
    "the claim was not raised in the district court"
"""

from __future__ import annotations

Template = tuple[str, str]

# ---------------------------------------------------------------------------------------------
# Input predicates (rules/vocabulary.lp): the case facts

INPUTS: dict[tuple[str, int], Template] = {
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
        "no finding on the allegation ({0}) reads proven: {1}",
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

LAW: dict[tuple[str, int], Template] = {
    ("setting", 2): ("in the law of the circuit, {0} is {1}", "in the law of the circuit, {0} is not {1}"),
    ("position", 2): ("the law of the case: {0} is {1}", "the law of the case: {0} is not {1}"),
    ("branch", 2): ("assuming that {0} is {1}", "not assuming that {0} is {1}"),
    ("even_if", 1): ("even if the holding that {0} were set aside", "the holding that {0} is not set aside"),
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
ATOMS: dict[str, Template] = {
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
