"""A record that says two incompatible things is rejected, at the second place, naming the first."""

from __future__ import annotations

import pytest

from doctrine.language.check import parse_text
from doctrine.language.diagnostics import DoctrineError

HEAD = "case c\n  court first_circuit\n  posture appeal_after_sentence\n"

CASES = {
    "support nothing beside evidence": (
        "  allegation bad_faith\n    support nothing\n    support sworn_affidavit\n",
        (6, "line 5"),
    ),
    "a reason given and denied": (
        "  government_reason lied\n  government_denies lied\n",
        (5, "line 4"),
    ),
    "a refusal claimed on a motion filed and granted": (
        "  motion § 5K1.1\n    filed yes\n    granted yes\n  allegation unconstitutional_motive\n    motion § 5K1.1\n",
        (8, "line 4"),
    ),
    "plea_agreement none with a plea-agreement promise": (
        "  plea_agreement none\n  promise to_move\n    in plea_agreement\n",
        (6, "line 4"),
    ),
}


@pytest.mark.parametrize("name", sorted(CASES))
def test_contradiction_is_rejected_with_both_locations(name: str) -> None:
    body, (line, first) = CASES[name]
    with pytest.raises(DoctrineError) as raised:
        parse_text(HEAD + body + "end\n", "c.case")
    found = [d for d in raised.value.diagnostics if d.code == "contradiction"]
    assert len(found) == 1, found
    assert found[0].span.start.line == line and first in found[0].message


def test_a_consistent_record_passes() -> None:
    body = "  government_reason lied\n  government_denies new_crime\n  allegation bad_faith\n    support sworn_affidavit\n"
    assert parse_text(HEAD + body + "end\n", "c.case").cases
