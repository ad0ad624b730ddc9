"""Case language v2: the keys that state what appellate courts turn on beyond the seeds.

The seeds' keys (``vocabulary.py``) stay valid; these are added to them. Each key says what
it means in law and which question of the federal doctrine reads it (the sections of
``docs/case-language.md``: agreement, reasons, evidence, gates, district court, authority,
after sentencing). Every domain is closed and has ``unknown``: a key left out is unknown.

The case lines
    promise to_move
      in plea_agreement
      motion § 5K1.1
      condition substantial_assistance
      judged_by sole_discretion
      condition_status met
become
    promise(to_move).
    promise_in(to_move, plea_agreement).
    promise_motion(to_move, s5k1_1).
    promise_condition(to_move, substantial_assistance).
    promise_judged_by(to_move, sole_discretion).
    promise_condition_status(to_move, met).
"""

from __future__ import annotations

from typing import Any

from doctrine.language.domains import ALLEGATIONS, CIRCUITS, MOTIONS, SPEAKERS, TRI, Form, domain


def federal_keys(Key: Any) -> tuple[tuple[Any, ...], dict[str, Any]]:
    """The v2 keys, and the children added to v1 keys, built with the vocabulary's `Key` class
    (passed in: the vocabulary imports this module, so this one cannot import it)."""

    def tri(word: str, pred: str, doc: str, *props: str) -> Any:
        return Key(word, doc, props, Form.ENUM, TRI, pred, default="unknown")

    def per(prefix: str) -> Any:
        return Key(
            "per",
            "Whose word the fact is: `alleged` (by the defendant), `found_below` (by the district "
            "court), `found_on_appeal`, `conceded` (by the government), `undisputed`, `unknown`.",
            ("whose_word",),
            Form.ENUM,
            WHOSE_WORD,
            f"{prefix}_per",
            default="unknown",
        )

    WHOSE_WORD = domain("whose_word", "alleged", "found_below", "found_on_appeal", "conceded", "undisputed", "unknown")
    PROMISES = domain(
        "promise",
        "to_move",  # to file the motion(s) it names, on its condition
        "to_consider",  # to consider / evaluate the assistance for a motion
        "to_recommend_sentence",  # to recommend a sentence or a reduction
        "not_to_oppose",  # not to oppose a request
        "to_make_cooperation_known",  # to tell the court of the cooperation
        "opportunity_to_cooperate",  # to give the defendant the chance to cooperate (debrief him)
    )
    AGREEMENT_KIND = domain(
        "agreement_kind", "plea_agreement", "cooperation_agreement", "other_office_agreement", "oral", "unknown"
    )
    CONDITIONS = domain(
        "condition",
        "none",
        "substantial_assistance",  # an objective condition: the assistance was substantial
        "good_faith_effort",  # the effort, not the result
        "full_truthful_cooperation",
        "no_new_crimes",
        "passing_polygraph",
        "testifying",
        "unknown",
    )
    JUDGES = domain(
        "judged_by",
        "court",  # the condition is objective: the court decides whether it was met
        "government",  # "if the government determines"
        "sole_discretion",  # "in its sole discretion"
        "committee",  # a departure committee of the U.S. Attorney's office
        "us_attorney",  # the U.S. Attorney's approval
        "unknown",
    )
    STATUS = domain("condition_status", "met", "unmet", "prevented_by_government", "unknown")
    DUTIES = domain(
        "defendant_duty",
        "truthfulness",
        "full_disclosure",
        "no_new_crimes",
        "pass_polygraph",
        "testify",
        "full_cooperation",
    )
    ACTS = domain(
        "government_act",
        "filed_motion",
        "withdrew_motion",
        "did_not_renew_motion",  # after a retrial or resentencing
        "stated_intent_to_file",
        "acknowledged_substantial",  # said the assistance was substantial
        "acknowledged_useful",  # said the assistance was useful or valuable
        "assured_sentence",  # assurances about the sentence
        "evaluated_assistance",
        "refused_to_evaluate",
        "debriefed",
        "never_debriefed",
        "used_assistance",
        "recommended_motion",  # line prosecutors recommended it (to a committee)
        "declared_breach",  # declared the defendant in breach, to be released from its promise
    )
    WHEN = domain(
        "when",
        "before_agreement",
        "before_plea",
        "after_plea",
        "at_sentencing",
        "after_sentencing",
        "on_appeal",
        "unknown",
    )
    REASON_KINDS = domain(
        "reason_kind",
        "about_assistance",  # not substantial, useful, timely or reliable
        "compliance",  # the defendant's lies, breach, new crime, refusal to testify ...
        "cost_benefit",  # seriousness, leniency already given
        "no_legitimate_end",  # unrelated to any legitimate government end; personal animus
        "suspect",  # race, religion, national origin ...
        "vindictive",  # penalising the exercise of a right (trial, appeal)
        "internal_procedure",  # a committee did not approve
        "extraneous",  # unrelated to the assistance, under an agreement confining the evaluation
        "unknown",
    )
    REASON_WHEN = domain("reason_when", "below", "on_appeal", "unknown")
    KNOWN = domain("facts_known", "before_agreement", "after_agreement", "unknown")
    HEARING = domain("hearing", "held", "denied", "not_requested", "unknown")
    RULING = domain("ruling", "with_reasons", "summary", "refused_to_consider", "unknown")
    BASIS = domain("finding_basis", "record", "affidavits", "evidentiary_hearing", "government_word", "none", "unknown")
    STANDARD = domain("standard", "wade_only", "good_faith", "contract", "other", "unknown")
    AUTHORITY = domain(
        "authority",
        "review_refusal",  # to review the government's refusal at all
        "compel",  # to compel the motion
        "depart",  # to depart without a motion
        "vary",  # to vary under § 3553(a) for cooperation
        "below_minimum",  # to go below the statutory minimum
        "consider_cooperation",  # to consider cooperation at all
        "reduce_further",  # to reduce beyond what the government asked
        "reduce_sentence",  # to reduce the sentence under § 3582(c)(2) at all (eligibility)
        "reduce_below_amended_range",  # § 3582(c)(2): to go below the amended range (the extent)
        "use_other_factors",  # to weigh § 3553(a) factors in the extent of a reduction
    )
    BELIEF = domain("belief", "has", "lacks", "unknown")
    DISPOSITION = domain("disposition", "granted", "denied", "not_ruled", "unknown")
    WAIVER_SCOPE = domain(
        "waiver_scope",
        "appeal_of_sentence",
        "substantial_assistance_determination",  # a separate waiver of the government's decision
        "all_claims",
        "excepts_breach",  # the waiver does not reach a claim of breach
        "unknown",
    )
    PRESERVED = domain("preservation", "raised", "forfeited", "waived", "unknown")
    R35_LATER = domain(
        "rule35b_later",
        "within_year",  # (b)(1): the motion within one year of sentencing
        "known_later",  # (b)(2)(A): information not known to the defendant until a year or more after
        "useful_later",  # (b)(2)(B): given within the year, useful only later
        "not_anticipated",  # (b)(2)(C): usefulness not reasonably anticipated, promptly given
        "none",  # none of these
        "unknown",
    )
    EXTENT_BASIS = domain("extent_basis", "assistance_only", "other_factors", "both", "unknown")
    RANGE_BASIS = domain("sentence_basis", "guidelines_range", "minimum_and_assistance", "unknown")
    SENTENCING_ERRORS = domain(
        "sentencing_error",
        "range_not_calculated",  # sentenced without first calculating the guidelines range
        "range_miscalculated",  # an incorrect guidelines range (or starting point) was used
        "guidelines_treated_mandatory",
        "factors_not_considered",  # the § 3553(a) factors were not considered
        "clearly_erroneous_facts",  # the sentence rests on a clearly erroneous finding of fact
        "not_explained",  # the sentence (or its deviation from the range) was not adequately explained
        "substantively_unreasonable",  # the sentence's length is unreasonable (abuse of discretion)
        "unreasonable",  # held unreasonable on reasonableness review, procedure or length unsaid
        "procedural",  # a significant procedural error of another kind, or of a kind the part read does not name
        "error_of_law",  # its decision (the sentence, or its ruling on a motion or plea agreement) rested on an error of law
        "unknown",
    )
    CHALLENGERS = domain("challenger", "defendant", "government", "unknown")
    MISINFORMED = domain(
        "misinformed_about",
        "motion_effect",  # what a substantial-assistance motion could do for the sentence
        "sentence_exposure",  # the minimum, the maximum or the sentence the plea could bring
        "agreement_terms",  # what the plea agreement promised or required
        "unknown",
    )

    return (
        Key("citation", "The decision's citation (the same as `cite`).", form=Form.STRING),
        Key(
            "from_circuit",
            "On certiorari: the circuit whose judgment the Supreme Court reviews.",
            ("posture",),
            Form.ENUM,
            CIRCUITS,
            "from_circuit",
        ),
        Key(
            "promise",
            "A promise the government made, clause by clause: `to_move`, `to_consider`, "
            "`to_recommend_sentence`, `not_to_oppose`, `to_make_cooperation_known`, "
            "`opportunity_to_cooperate` (agreement).",
            ("agreement",),
            Form.ENUM,
            PROMISES,
            "promise",
            multiple=True,
            keyed=True,
            children=(
                Key("in", "The agreement that holds it.", ("agreement",), Form.ENUM, AGREEMENT_KIND, "promise_in", default="unknown"),
                Key(
                    "motion",
                    "The motion(s) it names (`unspecified`: a \"downward departure\" motion, no section named).",
                    ("agreement",),
                    Form.ENUM,
                    MOTIONS,
                    "promise_motion",
                    multiple=True,
                ),
                Key(
                    "condition",
                    "The condition of the promise.",
                    ("agreement",),
                    Form.ENUM,
                    CONDITIONS,
                    "promise_condition",
                    multiple=True,
                    default="unknown",
                ),
                Key("judged_by", "Who judges whether the condition was met.", ("agreement",), Form.ENUM, JUDGES, "promise_judged_by", default="unknown"),
                Key(
                    "condition_status",
                    "Whether the condition was met, unmet, or prevented by the government.",
                    ("agreement",),
                    Form.ENUM,
                    STATUS,
                    "promise_condition_status",
                    default="unknown",
                ),
                tri("performed", "promise_performed", "Whether the government did what it promised.", "agreement"),
                tri(
                    "ambiguous",
                    "promise_ambiguous",
                    "Whether the court of appeals held the clause's terms ambiguous (what was promised, or its condition).",
                    "agreement",
                ),
                tri(
                    "construed_below",
                    "promise_construed_below",
                    "Whether the district court resolved what the parties meant by an ambiguous clause (a finding of their intent).",
                    "agreement",
                ),
                per("promise"),
                Key("wording", "The clause's words, quoted (display only).", form=Form.STRING),
            ),
        ),
        Key(
            "defendant_duty",
            "A duty the agreement put on the defendant: `truthfulness`, `full_disclosure`, "
            "`no_new_crimes`, `pass_polygraph`, `testify`, `full_cooperation` (agreement).",
            ("agreement",),
            Form.ENUM,
            DUTIES,
            "defendant_duty",
            multiple=True,
            keyed=True,
            children=(
                tri("breached", "defendant_duty_breached", "Whether the defendant breached it.", "agreement"),
                per("defendant_duty"),
            ),
        ),
        Key(
            "government_act",
            "What the government did over time: `filed_motion`, `withdrew_motion`, "
            "`did_not_renew_motion`, `stated_intent_to_file`, `acknowledged_substantial`, "
            "`acknowledged_useful`, `assured_sentence`, `evaluated_assistance`, "
            "`refused_to_evaluate`, `debriefed`, `never_debriefed`, `used_assistance`, "
            "`recommended_motion`, `declared_breach` (declared the defendant in breach of the "
            "agreement, to be released from its promise: its accusation, not a finding) "
            "(agreement, evidence).",
            ("agreement", "evidence"),
            Form.ENUM,
            ACTS,
            "government_act",
            multiple=True,
            keyed=True,
            children=(
                Key("by", "Who: a role or a declared party.", ("evidence",), Form.PARTY, SPEAKERS, "government_act_by", default="unknown"),
                Key("when", "When.", ("evidence",), Form.ENUM, WHEN, "government_act_when", default="unknown"),
                Key("motion", "The motion it concerns.", ("evidence",), Form.ENUM, MOTIONS, "government_act_motion", multiple=True),
                per("government_act"),
            ),
        ),
        tri(
            "reasons_given",
            "reasons_given",
            "Whether the government stated any reason for not filing (`no`: it gave none).",
            "reasons",
        ),
        Key(
            "district_court",
            "The district court's ruling on the defendant's motion or request (`granted`, "
            "`denied`, `not_ruled`, `unknown`), and how it handled it (district court).",
            ("district_court",),
            Form.ENUM,
            DISPOSITION,
            "district_court",
            children=(
                Key("hearing", "Whether it held an evidentiary hearing (`denied`: it refused one, or ruled without hearing the defendant at all, as on the government's Rule 35(b) motion without his response).", ("district_court",), Form.ENUM, HEARING, "district_court_hearing", default="unknown"),
                Key("ruling", "How it ruled: with reasons, summarily, or refusing to consider.", ("district_court",), Form.ENUM, RULING, "district_court_ruling", default="unknown"),
                tri("asked_government_reasons", "district_court_asked_reasons", "Whether it asked the government to respond or to state its reasons.", "district_court"),
                Key(
                    "finding_basis",
                    "What its findings rested on.",
                    ("district_court",),
                    Form.ENUM,
                    BASIS,
                    "district_court_finding_basis",
                    multiple=True,
                ),
                Key("standard", "The standard it applied to the refusal.", ("district_court",), Form.ENUM, STANDARD, "district_court_standard", default="unknown"),
                tri("found_threshold_showing", "district_court_found_threshold", "Whether it found a substantial threshold showing.", "district_court"),
                tri("found_bad_faith", "district_court_found_bad_faith", "Whether it found the government acted in bad faith.", "district_court"),
                tri("found_breach", "district_court_found_breach", "Whether it found the government breached the agreement.", "district_court"),
                tri("found_defendant_breach", "district_court_found_defendant_breach", "Whether it found the defendant breached the agreement.", "district_court"),
                tri("clear_basis", "district_court_clear_basis", "Whether the basis of its finding on a contested question is clear from the record.", "district_court"),
                tri("safety_valve_found", "district_court_safety_valve", "Whether it found the defendant eligible for the safety valve.", "authority"),
            ),
        ),
        Key(
            "believed",
            "What the district court believed about its own authority: `believed vary lacks` "
            "(authority, district court).",
            ("authority", "district_court"),
            Form.ENUM,
            AUTHORITY,
            "believed",
            multiple=True,
            keyed=True,
            children=(
                Key("power", "`has` or `lacks` the authority.", ("authority",), Form.ENUM, BELIEF, "believed_power", default="unknown"),
                tri("mistaken", "believed_mistaken", "Whether the appellate court held the belief mistaken (a finding of law; leave unknown to let the doctrine decide).", "authority"),
            ),
        ),
        Key(
            "appeal_waiver",
            "An appeal waiver in the plea agreement: `yes`, `no`, `unknown` (gates).",
            ("gates",),
            Form.ENUM,
            TRI,
            "appeal_waiver",
            default="unknown",
            children=(
                tri("knowing_voluntary", "appeal_waiver_knowing", "Whether the waiver was knowing and voluntary.", "gates"),
                Key("scope", "What it covers.", ("gates",), Form.ENUM, WAIVER_SCOPE, "appeal_waiver_scope", multiple=True),
                tri("invoked", "appeal_waiver_invoked", "Whether the government invoked it on appeal.", "gates"),
            ),
        ),
        tri(
            "sentence_would_differ",
            "sentence_would_differ",
            "Plain error: whether there is a reasonable probability the sentence would have differed; on a preserved claim, `no` where the court of appeals holds the error harmless (it did not affect the sentence).",
            "gates",
        ),
        tri(
            "same_sentence_anyway",
            "same_sentence_anyway",
            "Whether the district court said it would impose the same sentence anyway.",
            "gates",
        ),
        Key(
            "rule35b_timing",
            "When a Rule 35(b) motion came, against Rule 35(b)(1)-(2): `within_year`, "
            "`known_later`, `useful_later`, `not_anticipated`, `none`, `unknown` (after sentencing).",
            ("after_sentencing",),
            Form.ENUM,
            R35_LATER,
            "rule35b_timing",
            default="unknown",
        ),
        Key(
            "extent_basis",
            "What the extent of a reduction below the minimum rested on: `assistance_only`, "
            "`other_factors`, `both`, `unknown` (authority).",
            ("authority",),
            Form.ENUM,
            EXTENT_BASIS,
            "extent_basis",
            default="unknown",
        ),
        Key(
            "sentence_basis",
            "§ 3582(c)(2): what the sentence rested on: `guidelines_range` or "
            "`minimum_and_assistance` (after sentencing).",
            ("after_sentencing",),
            Form.ENUM,
            RANGE_BASIS,
            "sentence_basis",
            default="unknown",
        ),
        tri(
            "range_lowered",
            "range_lowered",
            "§ 3582(c)(2): whether the amendment lowered the guidelines range the sentence was based on "
            "(`no` where it leaves the range the same, as where a statutory minimum above the range is "
            "the guideline sentence).",
            "after_sentencing",
        ),
        tri(
            "counts_uncovered",
            "counts_uncovered",
            "Whether some count with a statutory minimum is not covered by any § 3553(e) motion.",
            "authority",
        ),
        Key(
            "sentencing_error",
            "A significant procedural error of the sentencing court (Gall): `range_not_calculated`, "
            "`range_miscalculated`, `guidelines_treated_mandatory`, `factors_not_considered`, "
            "`clearly_erroneous_facts`, `not_explained`; or a sentence unreasonable in its length "
            "(`substantively_unreasonable`) or held `unreasonable` without saying which; `procedural` "
            "(a significant procedural error of another kind, or of a kind the part read does not name); "
            "`error_of_law` (its decision, the sentence or its ruling on a motion or plea agreement, rested "
            "on an error of law: Koon) (district court).",
            ("district_court",),
            Form.ENUM,
            SENTENCING_ERRORS,
            "sentencing_error",
            multiple=True,
            keyed=True,
            children=(
                per("sentencing_error"),
                Key(
                    "raised_by",
                    "Whose challenge the error was held on: `defendant`, or `government` (its appeal or "
                    "cross-appeal of a sentence it says is too low: then the error is no relief for him).",
                    ("district_court",),
                    Form.ENUM,
                    CHALLENGERS,
                    "sentencing_error_raised_by",
                    default="unknown",
                ),
            ),
        ),
        Key(
            "plea_misinformed",
            "What the defendant was misinformed about when he pleaded guilty: `motion_effect`, "
            "`sentence_exposure`, `agreement_terms` (plea).",
            ("plea",),
            Form.ENUM,
            MISINFORMED,
            "plea_misinformed",
            multiple=True,
            keyed=True,
            children=(
                Key("by", "Who misinformed him: a role or a declared party.", ("plea",), Form.PARTY, SPEAKERS, "plea_misinformed_by", default="unknown"),
                tri(
                    "would_not_have_pleaded",
                    "would_not_have_pleaded",
                    "Whether there is a reasonable probability he would not have pleaded guilty had he been told correctly.",
                    "plea",
                ),
                per("plea_misinformed"),
            ),
        ),
        Key(
            "rule35a_correction",
            "Whether the district court amended the sentence under Rule 35(a) (to correct an "
            "arithmetical, technical or other clear error) (district court).",
            ("district_court",),
            Form.ENUM,
            TRI,
            "rule35a_correction",
            default="unknown",
            children=(
                tri(
                    "clear_error",
                    "rule35a_clear_error",
                    "Whether the original sentence resulted from an arithmetical, technical or other clear error.",
                    "district_court",
                ),
                per("rule35a_clear_error"),
            ),
        ),
        Key("sentenced", "The date of sentencing.", form=Form.DATE),
        Key("pleaded", "The date of the guilty plea.", form=Form.DATE),
    ), {
        "reason_kind": Key(
            "kind",
            "The reason's legal category (derived for the named reasons; state it for `other`).",
            ("reasons",),
            Form.ENUM,
            REASON_KINDS,
            "government_reason_kind",
        ),
        "reason_when": Key("when", "When it was first given: `below` or only `on_appeal`.", ("reasons",), Form.ENUM, REASON_WHEN, "government_reason_when", default="unknown"),
        "reason_known": Key(
            "facts_known",
            "When the government learned the facts behind it: `before_agreement` or `after_agreement`.",
            ("reasons",),
            Form.ENUM,
            KNOWN,
            "government_reason_facts_known",
            default="unknown",
        ),
        "reason_rebutted": tri("rebutted", "government_reason_rebutted", "Whether the record rebuts it (false, or contradicted by the government's own acts).", "reasons", "evidence"),
        "reason_label": Key("label", "A label for the reason (display only).", form=Form.STRING),
        "allegation_preserved": Key(
            "preserved",
            "Whether this claim was `raised` below, `forfeited` or `waived`.",
            ("gates",),
            Form.ENUM,
            PRESERVED,
            "allegation_preserved",
            default="unknown",
        ),
        "allegation_failed_to_raise": Key(
            "failed_to_raise",
            "For `ineffective_assistance`: the claim counsel failed to raise (an allegation word: "
            "`breach_of_plea_agreement` when counsel did not object to the government's breach).",
            ("gates",),
            Form.ENUM,
            ALLEGATIONS,
            "allegation_failed_to_raise",
            multiple=True,
        ),
        "plea_agreement_rejected": tri(
            "rejected_by_court",
            "plea_agreement_rejected",
            "Whether the district court rejected the plea agreement (Fed. R. Crim. P. 11(c)(5)); an "
            "appeal waiver in it falls with it.",
            "gates",
        ),
        "whose_word": per("x"),
    }
