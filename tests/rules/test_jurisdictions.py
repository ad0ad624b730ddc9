"""rules/questions.lp and rules/jurisdictions/*.lp: the open questions and each circuit's law.

Every circuit has its own file (no circuit falls back to a default that answers for it), and a
position other than `unsettled`/`unknown` is stated only with the circuit's own decision, cited
in the comment above the setting.
"""

from __future__ import annotations

import pytest
from conftest import RULES, _facts_of, open_questions

OPEN = {
    "rounsavall_rule": "unknown",
    "bad_faith_review": "unknown",
    "preserved_standard": "unknown",
    "forfeited_standard": "plain_error",
    "prevention_doctrine": "unknown",
    "known_reason_bad_faith": "unknown",
    "assistance_sentence_eligible": "unknown",
    "rule35b_other_factors": "unknown",
    "rule35b_response": "unknown",
    "determination_required": "unknown",
}
EXPECTED = {
    "default": OPEN,
    "supreme_court": OPEN,
    "first_circuit": {**OPEN, "assistance_sentence_eligible": "ineligible"},
    "second_circuit": {**OPEN, "bad_faith_review": "recognized", "known_reason_bad_faith": "recognized",
                       "rule35b_response": "recognized"},
    "third_circuit": {**OPEN, "bad_faith_review": "recognized", "assistance_sentence_eligible": "eligible"},
    "fourth_circuit": {**OPEN, "assistance_sentence_eligible": "eligible", "rule35b_other_factors": "recognized"},
    "fifth_circuit": {**OPEN, "rule35b_response": "rejected", "assistance_sentence_eligible": "ineligible"},
    "sixth_circuit": {**OPEN, "bad_faith_review": "rejected", "assistance_sentence_eligible": "ineligible", "rule35b_response": "recognized",
                      "determination_required": "recognized"},
    "seventh_circuit": {**OPEN, "rounsavall_rule": "unsettled", "bad_faith_review": "recognized",
                        "assistance_sentence_eligible": "ineligible"},
    "eighth_circuit": {**OPEN, "rounsavall_rule": "recognized", "bad_faith_review": "unsettled",
                       "preserved_standard": "abuse_of_discretion", "assistance_sentence_eligible": "ineligible"},
    "ninth_circuit": {**OPEN, "rule35b_other_factors": "recognized", "assistance_sentence_eligible": "ineligible"},
    "tenth_circuit": {**OPEN, "bad_faith_review": "recognized"},
    "eleventh_circuit": {**OPEN, "assistance_sentence_eligible": "ineligible"},
    "dc_circuit": {**OPEN, "assistance_sentence_eligible": "eligible"},
}


def test_every_court_has_its_own_file():
    files = {p.stem for p in (RULES / "jurisdictions").glob("*.lp")}
    assert files == set(EXPECTED)


@pytest.mark.parametrize("jurisdiction", sorted(EXPECTED))
def test_settings(jurisdiction):
    path = RULES / "jurisdictions" / f"{jurisdiction}.lp"
    settings = _facts_of(path, "setting")
    assert dict(settings) == EXPECTED[jurisdiction]
    assert len(settings) == len(dict(settings)), "a question set twice"


@pytest.mark.parametrize("jurisdiction", sorted(EXPECTED))
def test_every_setting_has_a_source_comment(jurisdiction):
    lines = (RULES / "jurisdictions" / f"{jurisdiction}.lp").read_text(encoding="utf-8").splitlines()
    for i, line in enumerate(lines):
        if line.startswith("setting("):
            assert i > 0 and lines[i - 1].startswith("%"), f"{jurisdiction}.lp:{i + 1} has no source comment"
            settled = line.split(",")[1].strip(" ).") not in ("unknown", "unsettled", "plain_error")
            if settled:  # a settled position cites a decision: a reporter citation in the comment
                comment = " ".join(c for c in lines[max(0, i - 4):i] if c.startswith("%"))
                assert any(c in comment for c in ("F.3d", "F.2d", "U.S.", "No.", " at ")), f"{jurisdiction}.lp:{i + 1}"


def test_positions_declared():
    positions = {}
    for q, p in _facts_of(RULES / "questions.lp", "question_position"):
        positions.setdefault(q, set()).add(p)
    assert positions["rounsavall_rule"] == {"recognized", "rejected"}
    assert positions["bad_faith_review"] == {"recognized", "rejected"}
    for settings in EXPECTED.values():
        for q, s in settings.items():
            assert s in ("unsettled", "unknown") or q not in positions or s in positions[q]


def test_open_questions():
    assert set(open_questions("seventh_circuit")) == {
        "rounsavall_rule", "prevention_doctrine", "known_reason_bad_faith",
        "rule35b_other_factors", "rule35b_response", "determination_required"}
    assert "bad_faith_review" in open_questions("eighth_circuit")
    assert set(open_questions("default")) == {q for q, s in OPEN.items() if s == "unknown" and q != "preserved_standard"}


def test_every_first_decision_is_an_authority_earlier_than_the_rules_own():
    """position_first(R, F) names a decision that took rule R's answer before the one R is read from."""
    files = sorted(RULES.glob("*.lp"))
    facts = {name: [f for path in files for f in _facts_of(path, name)] for name in ("position_first", "position_rule", "rule")}
    dates = {a[0]: int(a[4]) for a in _facts_of(RULES / "authorities.lp", "authority")}
    positions = dict(facts["position_rule"])
    own = {r[0]: r[1] for r in facts["rule"]}
    assert facts["position_first"]
    for rule, first in facts["position_first"]:
        assert rule in positions, rule  # only a position rule has a first decision
        assert dates[first] < dates[own[rule]], (rule, first)
