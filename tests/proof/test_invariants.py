"""Every invariant of doctrine.proof.invariants, under hypothesis, on the bundled rules.

Each runs on drawn scenarios (the `ci` profile: 30 each) and on the five seed cases, pinned
with @example so that what the courts decided is always checked too.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import example, given

from doctrine.engine.rulebase import load_rulebase
from doctrine.language.check import load_case_file
from doctrine.proof.fuzz import scenarios
from doctrine.proof.invariants import BY_NAME, INVARIANTS, Context, Scenario, contradictions

ROOT = Path(__file__).resolve().parents[2]
SEEDS = [c for p in sorted((ROOT / "scenarios").glob("*.case")) for c in load_case_file(p).cases]


@pytest.fixture(scope="module")
def ctx() -> Context:
    return Context(load_rulebase())


def _pinned(test):  # type: ignore[no-untyped-def]
    for case in SEEDS:
        test = example(sc=Scenario(case, 0))(test)
    return test


@pytest.mark.parametrize("name", [i.name for i in INVARIANTS])
@given(sc=scenarios())
@_pinned
def test_invariant(ctx: Context, name: str, sc: Scenario) -> None:
    problem = BY_NAME[name].check(ctx, sc)
    assert problem is None, f"{name}: {problem}"


def test_every_invariant_is_named_described_and_sourced() -> None:
    assert len(BY_NAME) == len(INVARIANTS) >= 12
    for inv in INVARIANTS:
        assert inv.name.isidentifier() and inv.description and inv.source
        assert (inv.pair is None) == (not inv.varies)


CONTRADICTIONS = {
    "threshold": ({"threshold_showing(bad_faith)", "no_threshold_showing(bad_faith)"}, True),
    "two allegations": ({"threshold_showing(bad_faith)", "no_threshold_showing(pretext)"}, False),
    "waived and reviewed": ({"review(waived)", "review(plain_error)"}, True),
    "preserved, abuse of discretion": ({"review(preserved)", "review(abuse_of_discretion)"}, False),
    "no authority, yet authority": (
        {"no_authority_below_minimum", "below_minimum_authorized(safety_valve)"},
        True,
    ),
    "upheld, yet relief": ({"refusal_upheld", "relief(discovery)"}, True),
    "upheld, yet the plea withdrawn for a broken promise": ({"refusal_upheld", "relief(plea_withdrawal)"}, True),
    "upheld, yet a hearing on the refusal": ({"refusal_upheld", "relief(evidentiary_hearing)"}, True),
    "upheld, and a § 2255 hearing on counsel's failure to raise a breach": (
        {"refusal_upheld", "relief(evidentiary_hearing)", "ineffective_assistance_unrefuted"},
        False,
    ),
    "upheld, and the plea withdrawn because it was not knowing": (
        {"refusal_upheld", "relief(plea_withdrawal)", "plea_not_knowing(motion_effect)"},
        False,
    ),
}


@pytest.mark.parametrize("name", CONTRADICTIONS)
def test_contradictions_table(name: str) -> None:
    conclusions, contradictory = CONTRADICTIONS[name]
    assert bool(list(contradictions(frozenset(conclusions)))) == contradictory
