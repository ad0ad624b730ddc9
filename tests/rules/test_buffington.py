"""rules/buffington.lp: the alternative holdings (P3, P7, P9-P11, P13)."""

from __future__ import annotations

from conftest import Case, table

BASE = "raised_below(yes). motion(s5k1_1). motion_filed(s5k1_1,no). plea_agreement(none). "
PRETEXT = ("allegation(pretext). allegation_support(pretext,earlier_offer). earlier_offer(s5k1_1). "
           "earlier_offer_finalized(s5k1_1,no). earlier_offer_after_reasons_known(s5k1_1,yes). ")


def reason(g: str, by: str = "decision_maker") -> str:
    return f"government_reason({g}). government_reason_stated_by({g},{by}). "


CASES = {
    "no plea agreement: broad discretion (P3)": Case(BASE, ("broad_discretion", "@buffington_broad_discretion"), ()),
    "an accusation on his own say-so (P7)": Case(
        BASE + "allegation(no_rational_relation). allegation_ground(no_rational_relation,target_fled). "
        "allegation_support(no_rational_relation,own_say_so). government_denies(target_fled).",
        ("no_threshold_showing(no_rational_relation)", "@buffington_say_so"), ("threshold_showing(no_rational_relation)",)),
    "pretext from an offer whose terms are not in the record (P9)": Case(
        BASE + PRETEXT + "earlier_offer_conditioned(s5k1_1,unknown).",
        ("no_threshold_showing(pretext)", "@buffington_offer_terms_unknown"), ("threshold_showing(pretext)",)),
    "pretext against an independent reason about the assistance (P9)": Case(
        BASE + PRETEXT + "earlier_offer_conditioned(s5k1_1,no). " + reason("insufficient_assistance"),
        ("no_threshold_showing(pretext)", "@buffington_independent_reason"),
        ("threshold_showing(pretext)", "@buffington_offer_terms_unknown")),
    "whether assistance is substantial is the government's call on § 5K1.1 (P10, P13)": Case(
        BASE + reason("no_prosecutable_information"),
        ("legitimate_reason(no_prosecutable_information)", "@buffington_judgment_call"), ()),
    "post-arrest crime and seriousness left unquestioned for § 5K1.1 (P13)": Case(
        BASE + reason("continued_criminal_activity") + reason("seriousness_of_offense"),
        ("legitimate_reason(continued_criminal_activity)", "legitimate_reason(seriousness_of_offense)",
         "@buffington_other_reasons_unquestioned"), ()),
    "but not for § 3553(e) where Rounsavall is the law (P13 v. P14)": Case(
        BASE.replace("s5k1_1", "s3553e") + reason("seriousness_of_offense"),
        (), ("legitimate_reason(seriousness_of_offense)",), jurisdiction="eighth_circuit"),
    "§ 3553(e) in the Seventh Circuit where Rounsavall is rejected": Case(
        BASE.replace("s5k1_1", "s3553e") + reason("seriousness_of_offense"),
        ("legitimate_reason(seriousness_of_offense)",), (), branch=(("rounsavall_rule", "rejected"),)),
    "criminal history is not among the reasons Buffington left unquestioned": Case(
        BASE + reason("criminal_history"), (), ("legitimate_reason(criminal_history)",)),
    "an unsuccessful attempt requires no § 5K1.1 motion, good faith or not (P11)": Case(
        BASE + "assistance(given). assistance_useful(no). assistance_good_faith(unknown).",
        ("unsuccessful_attempt_no_duty", "@buffington_unsuccessful_attempt"), ("@billings_unsuccessful_attempt",)),
}


@table(CASES)
def test_buffington(case: Case) -> None:
    case.check()
