"""rules/questions.lp and rules/jurisdictions/*.lp: the open questions and each circuit's law."""

from __future__ import annotations

import pytest
from conftest import RULES, _facts_of, open_questions

EXPECTED = {
    "seventh_circuit": {
        "rounsavall_rule": "unsettled",
        "bad_faith_ground": "unknown",
        "preserved_standard": "unknown",
        "forfeited_standard": "plain_error",
    },
    "eighth_circuit": {
        "rounsavall_rule": "recognized",
        "bad_faith_ground": "unsettled",
        "preserved_standard": "abuse_of_discretion",
        "forfeited_standard": "plain_error",
    },
    "default": {
        "rounsavall_rule": "unknown",
        "bad_faith_ground": "unknown",
        "preserved_standard": "unknown",
        "forfeited_standard": "plain_error",
    },
}


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


def test_positions_declared():
    positions = {}
    for q, p in _facts_of(RULES / "questions.lp", "question_position"):
        positions.setdefault(q, set()).add(p)
    assert positions["rounsavall_rule"] == {"recognized", "rejected"}
    assert positions["bad_faith_ground"] == {"recognized", "rejected"}
    for settings in EXPECTED.values():
        for q, s in settings.items():
            assert s in ("unsettled", "unknown") or q not in positions or s in positions[q]


def test_open_questions():
    assert open_questions("seventh_circuit") == {
        "rounsavall_rule": ("recognized", "rejected"),
        "bad_faith_ground": ("recognized", "rejected"),
    }
    assert open_questions("eighth_circuit") == {"bad_faith_ground": ("recognized", "rejected")}
    assert set(open_questions("default")) == {"rounsavall_rule", "bad_faith_ground"}
