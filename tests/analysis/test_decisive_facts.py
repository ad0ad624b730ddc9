"""Decisive facts: flip one fact of a seed case and the outcome moves the way the law says.

Each test starts from a seed's text (scenarios/*.case), makes a small string edit, and decides
both texts through the Python API (`doctrine.decide`). The last test renames every case, title,
citation and party in every scenario and checks that nothing in the verdicts moves: no rule may
be keyed to a case's name.

(a) evidence that the decision-maker refused because of race -> a substantial threshold
    showing, and discovery and an evidentiary hearing become available (Wade at 186; P5, P6,
    P8, P14);
(b) Buffington without the waiver conduct -> decided on the merits: the former alternative
    holdings become dispositive, and still no relief (P21 and the alternatives, P3-P13);
(c) Mackmore with the § 3553(e) motion filed -> authority below the statutory minimum
    (Williams at 1131; P24);
(d) a plea agreement binding the government to move, the condition met, no motion, a breach
    alleged -> specific performance or plea withdrawal (Santobello, outside the seeds; P3);
(e) renaming every case, title, cite and party changes no verdict and no holding.
"""

from __future__ import annotations

import dataclasses
import re
from pathlib import Path

import pytest

import doctrine
from doctrine.reasoning.verdict import Verdict

ROOT = Path(__file__).resolve().parents[2]
SCENARIOS = ROOT / "scenarios"
SEEDS = ("wade", "king", "billings", "buffington", "mackmore")


def seed(name: str) -> str:
    return (SCENARIOS / f"{name}.case").read_text(encoding="utf-8")


def edit(text: str, old: str, new: str, count: int = 1) -> str:
    """Replace `old` by `new` exactly `count` times; fail loudly if the seed text has moved."""
    assert text.count(old) == count, f"expected {count} occurrence(s) of {old!r} in the seed"
    return text.replace(old, new)


def verdict(text: str) -> Verdict:
    [result] = doctrine.decide(text)
    return result.verdict


def rules(v: Verdict, alternative: bool | None = None) -> set[str]:
    return {h.rule for h in v.holdings if alternative is None or h.alternative == alternative}


def add_to_case(text: str, lines: str) -> str:
    """Add statements just before the seed's expect block (expectations are not compiled)."""
    return edit(text, "\n  expect", "\n" + lines.rstrip("\n") + "\n\n  expect")


# -- (a) a race-based refusal by the decision-maker ------------------------------------------

RACE_BY_DECISION_MAKER = """\
  remark race, by prosecutor_in_charge, purpose reason_for_refusal
  allegation unconstitutional_motive
    ground race
    support remark
    support record_evidence
    ties_decision_maker yes
    motion § 3553(e)
"""


def test_billings_race_remark_by_the_decision_maker_opens_discovery_and_a_hearing() -> None:
    before = verdict(seed("billings"))
    after = verdict(add_to_case(seed("billings"), RACE_BY_DECISION_MAKER))
    assert before.relief_available is False
    assert "wade_threshold_unconstitutional" not in rules(before)
    assert after.relief_available is True
    assert {"discovery", "evidentiary_hearing"} <= set(after.relief_kinds)
    assert "remedy" not in after.relief_kinds  # shown, not yet proven (P2: his burden)
    assert {"wade_threshold_unconstitutional", "wade_specific_evidence",
            "wade_discovery_available", "wade_hearing_available"} <= rules(after, alternative=False)
    assert "billings_no_second_guess" not in rules(after)


def test_billings_same_race_remark_by_the_stand_in_is_no_showing() -> None:
    # P8: the stand-in's remark, an aside, does not reach the decision-maker's motive.
    text = add_to_case(seed("billings"), RACE_BY_DECISION_MAKER.replace(
        "by prosecutor_in_charge, purpose reason_for_refusal", "by new_prosecutor, purpose aside"
    ).replace("    support record_evidence\n    ties_decision_maker yes\n", "    ties_decision_maker no\n"))
    after = verdict(text)
    assert after.relief_available is False
    assert "billings_remarks_no_showing" in rules(after, alternative=False)


def test_wade_with_evidence_of_race_instead_of_assistance_alone() -> None:
    text = edit(seed("wade"), "    support assistance_only",
                "    ground race\n    support record_evidence\n    ties_decision_maker yes")
    before, after = verdict(seed("wade")), verdict(text)
    assert before.relief_available is False
    assert after.relief_available is True
    assert set(after.relief_kinds) == {"discovery", "evidentiary_hearing"}
    assert "wade_threshold_unconstitutional" in rules(after, alternative=False)
    proven = verdict(edit(text, "    ties_decision_maker yes", "    ties_decision_maker yes\n    proven yes"))
    assert "remedy" in proven.relief_kinds  # P2: proven, a remedy


# -- (b) Buffington without the waiver conduct -------------------------------------------------

def test_buffington_without_waiver_is_decided_on_the_former_alternatives() -> None:
    text = seed("buffington")
    text = edit(text, "  waiver_conduct refused_to_disclose_proffers\n", "")
    text = edit(text, '  waiver_conduct disclaimed_interest    # "no interest in taking it any further"\n', "")
    before, after = verdict(seed("buffington")), verdict(text)
    waiver = {"buffington_waiver_proffers", "buffington_waiver_disclaimed"}
    assert waiver <= rules(before, alternative=False)
    former_alternatives = rules(before, alternative=True)
    assert {"buffington_broad_discretion", "buffington_say_so", "buffington_offer_terms_unknown",
            "buffington_independent_reason", "buffington_judgment_call",
            "buffington_unsuccessful_attempt", "wade_generalized_allegations"} <= former_alternatives
    assert former_alternatives <= rules(after, alternative=False)  # now dispositive
    assert not rules(after, alternative=True)
    assert not waiver & rules(after)
    assert before.relief_available is False and after.relief_available is False


# -- (c) Mackmore with the § 3553(e) motion filed ----------------------------------------------

def test_mackmore_with_s3553e_motion_filed_is_authorized_below_the_minimum() -> None:
    text = edit(seed("mackmore"), "  motion § 3553(e)\n    sought yes\n    filed no",
                "  motion § 3553(e)\n    sought yes\n    filed yes")
    before, after = verdict(seed("mackmore")), verdict(text)
    assert before.below_minimum_authorized is False
    assert "wade_no_motion_no_authority" in rules(before)
    assert after.below_minimum_authorized is True
    assert "s3553e_motion" in after.below_minimum_bases
    assert "s3553e_below_minimum" in rules(after, alternative=False)
    assert not {"wade_no_motion_no_authority", "mackmore_reduction_floor",
                "black_reduction_floor"} & rules(after)


def test_a_s5k1_1_motion_alone_never_reaches_below_the_minimum() -> None:
    # The contrast (Williams at 1131): Mackmore's granted § 5K1.1 motion unlocks only the range.
    v = verdict(seed("mackmore"))
    assert v.below_minimum_authorized is False
    assert {"ussg_5k1_1_below_guidelines", "melendez_s5k1_1_not_below_minimum"} <= rules(v)


def test_safety_valve_eligibility_authorizes_below_the_minimum_without_a_motion() -> None:
    text = edit(seed("mackmore"), "  safety_valve unknown", "  safety_valve yes")
    after = verdict(text)
    assert after.below_minimum_authorized is True
    assert "safety_valve" in after.below_minimum_bases


# -- (d) a binding plea agreement, broken ------------------------------------------------------

def binding_mackmore() -> str:
    text = seed("mackmore")
    text = edit(text, "  plea_agreement sole_discretion", "  plea_agreement promise_to_move")
    text = edit(text, "    motion unspecified                  # neither § 3553(e) nor § 5K1.1 named",
                "    motion § 3553(e)\n    condition_met yes")
    text = edit(text, "  concession not_bound_by_plea_agreement, by defendant", "")
    # Mackmore already alleges the breach; here the record supports it
    return edit(text, "  allegation breach_of_plea_agreement   # the same claim, as a breach of the agreement\n"
                      "    support assistance_only",
                "  allegation breach_of_plea_agreement\n    support record_evidence")


def test_a_binding_promise_broken_gives_breach_relief() -> None:
    before, after = verdict(seed("mackmore")), verdict(binding_mackmore())
    assert before.relief_available is False
    assert after.relief_available is True
    assert {"specific_performance", "plea_withdrawal"} <= set(after.relief_kinds)
    assert {"santobello_binding_promise", "santobello_breach"} <= rules(after, alternative=False)
    assert "wade_power_not_duty" not in rules(after)  # the agreement limits the discretion (P3)


def test_the_same_promise_with_its_condition_unmet_is_no_breach() -> None:
    after = verdict(edit(binding_mackmore(), "    condition_met yes", "    condition_met no"))
    assert after.relief_available is False
    assert "santobello_no_breach_shown" in rules(after)


def test_the_same_promise_conceded_not_binding_is_still_a_breach() -> None:
    # Mackmore's concession (P15) is evidence of what the agreement means, not a bar: the court
    # construes the agreement, and a binding promise whose condition was met binds (federal
    # doctrine § 2).
    text = add_to_case(binding_mackmore(), "  concession not_bound_by_plea_agreement, by defendant\n")
    after = verdict(text)
    assert after.relief_available is True
    assert "santobello_breach" in rules(after)

def test_a_breach_claim_without_a_plea_agreement_fails() -> None:
    # Billings (P17): no plea agreement, nothing to breach.
    text = add_to_case(seed("billings"), "  allegation breach_of_plea_agreement\n    support own_say_so\n")
    after = verdict(text)
    assert after.relief_available is False
    assert "billings_no_plea_agreement_breach" in rules(after)


# -- (e) nothing is keyed to a case's name -----------------------------------------------------

PARTY = re.compile(r"^(\s*)party (\w+)", re.M)


def rename(text: str, n: int) -> str:
    """Rename every case id, title, cite, note and party of a case file."""
    swap = {s: SEEDS[(i + 1) % len(SEEDS)] for i, s in enumerate(SEEDS)}  # billings -> buffington ...
    ids = re.findall(r"^case (\w+)", text, re.M)
    for k, cid in enumerate(ids):
        new = swap.get(cid, f"renamed_{n}_{k}")
        text = re.sub(rf"^case {cid}\b", f"case {new}", text, flags=re.M)
    text = re.sub(r'^(\s*)title "(?:[^"\\]|\\.)*"', r'\1title "United States v. Doe"', text, flags=re.M)
    text = re.sub(r'^(\s*)cite "(?:[^"\\]|\\.)*"', r'\1cite "1 F.4th 1 (1st Cir. 2021)"', text, flags=re.M)
    text = re.sub(r'^(\s*)citation "(?:[^"\\]|\\.)*"', r'\1citation "1 F.4th 1 (1st Cir. 2021)"', text, flags=re.M)
    notes = iter(range(10_000))
    text = re.sub(r'^(\s*)note "(?:[^"\\]|\\.)*"', lambda m: f'{m.group(1)}note "renamed {next(notes)}"', text, flags=re.M)
    for k, party in enumerate(dict.fromkeys(PARTY.findall(text))):
        name = party[1]
        new = f"person_{k}_x"
        text = re.sub(rf"\b(party|by|stated_by) {name}\b", rf"\1 {new}", text)
    return text


def comparable(v: Verdict) -> Verdict:
    return dataclasses.replace(v, case="", source="", title="", citation="")


def test_renaming_cases_titles_cites_and_parties_changes_nothing() -> None:
    paths = sorted(SCENARIOS.glob("*.case")) + sorted((ROOT / "corpus").glob("*.case"))
    assert len(paths) >= 19 + 60
    renamed_any_party = False
    for n, path in enumerate(paths):
        text = path.read_text(encoding="utf-8")
        new_text = rename(text, n)
        assert new_text != text
        renamed_any_party |= "person_0_x" in new_text
        before = [comparable(r.verdict) for r in doctrine.decide(path)]
        after = [comparable(r.verdict) for r in doctrine.decide(new_text)]
        assert len(before) == len(after) >= 1
        for b, a in zip(before, after):
            assert a == b, f"{path.name}: the verdict moved when the case was renamed"
            assert [(h.rule, h.answer, h.alternative, h.condition) for h in a.holdings] == \
                   [(h.rule, h.answer, h.alternative, h.condition) for h in b.holdings]
    assert renamed_any_party


@pytest.mark.parametrize("name", SEEDS)
def test_renaming_holds_under_every_jurisdiction_setting(name: str) -> None:
    text = seed(name)
    for jurisdiction in ("default", "seventh_circuit", "eighth_circuit"):
        [b] = doctrine.decide(text, jurisdiction=jurisdiction)
        [a] = doctrine.decide(rename(text, 0), jurisdiction=jurisdiction)
        assert comparable(a.verdict) == comparable(b.verdict)
