"""The closed value domains of the case language: for each, the word a case file uses -> its ASP
constant. Every domain is finite, so the doctrine is grounded once and the fact space counted.

The domain
    TRI = domain("yes_no_unknown", "yes", "no", "unknown")
lets the case line
    raised_below no
become the constant `no` of
    raised_below(no).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from enum import Enum
from types import MappingProxyType


class Form(Enum):
    """How the values of a key are written and compiled."""

    ENUM = "enum"  # one word from a closed domain -> pred(Value)
    STRING = "string"  # "free text": kept as metadata, never becomes ASP
    DATE = "date"  # 2008-10-24 or 2008: metadata (used by --as-of)
    MONTHS = "months"  # `120 months`, `life`, `none`, `unknown` -> pred(term|life|none|unknown)
    RANGE = "range"  # `168 to 210` (months): compiled to boolean comparisons
    NAME = "name"  # a user-chosen name (a party): never becomes ASP, only referenced
    PARTY = "party"  # a role word or the name of a declared party -> its role
    EXPECT = "expect"  # the expectation block (checked by `doctrine test`, not compiled)


@dataclass(frozen=True)
class Domain:
    """A closed set of values: the word in the case file -> the ASP constant."""

    name: str
    values: Mapping[str, str]
    doc: Mapping[str, str] = field(default_factory=dict)

    def __contains__(self, word: object) -> bool:
        return word in self.values

    def words(self) -> tuple[str, ...]:
        return tuple(self.values)

    def constants(self) -> tuple[str, ...]:
        return tuple(dict.fromkeys(self.values.values()))


def domain(name: str, *words: str, **aliases: str) -> Domain:
    """A domain whose case-file words are their own ASP constants (plus aliases)."""
    values = {w: w for w in words}
    values.update(aliases)
    return Domain(name, MappingProxyType(values))


# ---------------------------------------------------------------------------------------------
# Domains
TRI = domain("yes_no_unknown", "yes", "no", "unknown")
COURTS = domain(
    "court",
    "supreme_court",
    "first_circuit",
    "second_circuit",
    "third_circuit",
    "fourth_circuit",
    "fifth_circuit",
    "sixth_circuit",
    "seventh_circuit",
    "eighth_circuit",
    "ninth_circuit",
    "tenth_circuit",
    "eleventh_circuit",
    "dc_circuit",
    "district_court",
)
CIRCUITS = Domain(
    "circuit",
    MappingProxyType({w: w for w in COURTS.words() if w.endswith("_circuit")}),
)
POSTURES = domain(
    "posture",
    "appeal_after_sentence",  # direct appeal from the sentence
    "motion_to_compel",  # a motion to compel the government to file
    "sentence_reduction",  # a proceeding under 18 U.S.C. § 3582(c)(2)
    "rule_35b_proceeding",  # a post-sentencing reduction under Fed. R. Crim. P. 35(b)
    "motion_to_enforce",  # a motion to enforce the agreement or for specific performance
    "certiorari",  # the Supreme Court reviewing a circuit's judgment (`from_circuit`)
    "section_2255",  # a collateral attack under 28 U.S.C. § 2255
)
MOTIONS = Domain(
    "motion",
    MappingProxyType(
        {
            "§ 3553(e)": "s3553e",
            "§ 5K1.1": "s5k1_1",
            "Rule 35(b)": "rule35b",
            "unspecified": "unspecified",
        }
    ),
    MappingProxyType(
        {
            "§ 3553(e)": "18 U.S.C. § 3553(e): below a statutory minimum",
            "§ 5K1.1": "U.S.S.G. § 5K1.1: below the guidelines range",
            "Rule 35(b)": "Fed. R. Crim. P. 35(b): post-sentencing reduction",
            "unspecified": "a motion whose legal basis the record does not name",
        }
    ),
)
AGREEMENT_TERMS = domain(
    "agreement_terms",
    "none",  # no agreement
    "promise_to_move",  # the government binds itself to move once a defined condition is met
    "promise_to_consider",  # the government promises only to consider a motion
    "sole_discretion",  # a motion if the government, in its sole discretion, finds assistance
    "good_faith_effort",  # a motion if the defendant makes a good-faith effort to assist
    "unknown",
)
COOPERATION_TIMING = domain("cooperation_timing", "none", "before_plea", "after_plea", "unknown")
CONTENTS = domain("contents", "in_record", "not_in_record")
ASSISTANCE = domain("assistance", "none", "attempted", "given", "unknown")
RESULTS = domain(
    "assistance_result",
    "nothing",
    "information",
    "arrest",
    "prosecution",
    "conviction",
)
CUSTODY_BEGAN = domain(
    "custody_began",
    "before_cooperation",
    "during_cooperation",
    "after_cooperation",
    "unknown",
)
KNOWLEDGE = domain("knowledge", "yes", "some_idea", "no", "unknown")
REASONS = domain(
    "reason",
    # about the assistance itself
    "insufficient_assistance",
    "no_useful_information",
    "no_prosecutable_information",
    "custody_made_assistance_useless",
    "assistance_ended",
    # other facts about the defendant and the offence
    "continued_criminal_activity",
    "seriousness_of_offense",
    "criminal_history",
    "family_circumstances",
    "breach_of_cooperation_agreement",
    # facts about third persons (left undecided)
    "target_fled",
    # constitutionally suspect
    "race",
    "religion",
    "national_origin",
    "sex",
    "exercise_of_trial_right",
    "political_belief",
    # with no relation to any legitimate end
    "personal_animus",
    "arbitrary",
    "cost_benefit",
    # v2: reasons by legal kind (their category: rules/reasons.lp)
    "not_timely",  # about the assistance
    "unreliable_testimony",
    "already_rewarded",  # the assistance was paid for by charge concessions
    "lied",  # the defendant's compliance or credibility
    "withheld_information",
    "new_crime",
    "refused_to_testify",
    "failed_polygraph",
    "threatened_witness",
    "harmed_investigation",
    "leniency_already_given",  # cost and benefit
    "committee_disapproval",  # internal procedure
    "went_to_trial",  # vindictive: exercising the right to trial
    "exercised_right",  # vindictive: another right (appeal, motion)
    "other",
    "unknown",
)
SPEAKERS = domain(
    "speaker",
    "decision_maker",  # the prosecutor who decided whether to file
    "stand_in",  # a prosecutor speaking for the decision-maker
    "government",  # the government, speaker not identified
    "defense_counsel",
    "defendant",
    "court",
    "unknown",
)
REMARK_PURPOSE = domain(
    "remark_purpose",
    "aside",  # an aside unrelated to the decision
    "explain_minimum",  # explaining why a statutory minimum applies
    "reason_for_refusal",  # stating why the motion was withheld
    "unknown",
)
ALLEGATIONS = domain(
    "allegation",
    "unconstitutional_motive",  # e.g. race or religion
    "no_rational_relation",  # not rationally related to a legitimate end
    "impermissible_factor",  # a § 3553(e) decision resting on factors other than assistance
    "bad_faith",
    "breach_of_plea_agreement",  # outside the seeds for remedies
    "pretext",
    "failure_to_inform",  # not told custody would hurt cooperation
    "punishment_for_trial",  # withheld because the defendant exercised the right to trial
    "improper_motive",  # an improper motive left unspecified
    "breach_of_cooperation_agreement",  # a separate cooperation agreement broken
    "refusal_to_evaluate",  # the government would not evaluate the assistance at all
    "motion_requirement_invalid",  # the motion requirement itself (separation of powers, due process)
    "court_authority",  # the district court misunderstood its own authority (to vary, depart ...)
    "legal_error",  # another purely legal argument about the sentence
    "ineffective_assistance",  # counsel's performance was deficient and prejudiced him (Strickland)
)
SUPPORT = domain(
    "support",
    "nothing",
    "assistance_only",  # only the extent of the defendant's own assistance
    "own_say_so",  # the defendant's word alone
    "remark",  # a remark made at a hearing
    "earlier_offer",  # an earlier offer of the motion
    "record_evidence",  # specific evidence in the record
    "sworn_affidavit",  # a sworn affidavit of specific facts
    "government_admission",  # the government's own admissions or acts (a motion, a stated intent)
    "sequence_of_events",  # the timing of the refusal against the defendant's conduct
    "unknown",  # the record does not say what supports it
)
CONCESSIONS = domain(
    "concession",
    "rational_basis",  # the government had a rational basis
    "not_bound_by_plea_agreement",
    "no_prejudice",  # no prejudice from an error
    "assistance_not_substantial",
    "breach",  # the government concedes a breach
    "improper_motive",  # the government concedes an improper motive
    "assistance_substantial",  # the government concedes the assistance was substantial
    "error",  # the government concedes the district court erred
)
WAIVER = domain(
    "waiver_conduct",
    "refused_to_disclose_proffers",
    "disclaimed_interest",  # "no interest in taking it any further"
    "withdrew_claim",
)
RELIEF = domain(
    "relief",
    "discovery",
    "evidentiary_hearing",
    "remedy",
    "compel_motion",
    "specific_performance",
    "plea_withdrawal",
    "below_minimum_sentence",
    "resentencing",
    "remand",
    "vacated_sentence",
    "good_faith_evaluation",
)
ROLES = Domain(
    "role",
    MappingProxyType({w: w for w in SPEAKERS.words() if w != "unknown"}),
)
ALLOCUTION = domain("allocution", "given", "denied", "unknown")
YES_NO = domain("yes_no", "yes", "no")
