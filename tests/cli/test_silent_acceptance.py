"""What was silently accepted is bad input (issue 15, defect 8): an unknown `--case` lists the
cases, a party named like a role word is a located error, and an unknown conclusion in `--why` or
`--why-not` lists the known ones."""

from __future__ import annotations

from pathlib import Path

import pytest

from doctrine.language.check import parse_text
from doctrine.language.diagnostics import DoctrineError

ROOT = Path(__file__).resolve().parents[2]
WADE = str(ROOT / "scenarios" / "wade.case")


@pytest.mark.parametrize("command", [["compile"], ["explain"], ["whatif", "--goal", "relief"], ["compare"]])
def test_an_unknown_case_lists_the_cases(cli, command: list[str]) -> None:  # type: ignore[no-untyped-def]
    code, out, err = cli(command[0], WADE, *command[1:], "--case", "typo")
    assert code == 2 and out == ""
    assert "no case `typo`" in err and "the cases are: wade" in err


@pytest.mark.parametrize("role", ["decision_maker", "stand_in", "government", "defendant", "court", "unknown"])
def test_a_party_named_like_a_role_is_a_located_error(role: str) -> None:
    text = (
        "case a\n  court seventh_circuit\n  posture appeal_after_sentence\n"
        f"  party {role}, role stand_in\n  remark family_circumstances, by {role}\nend\n"
    )
    with pytest.raises(DoctrineError) as raised:
        parse_text(text, "x.case")
    [d] = [d for d in raised.value.diagnostics if d.code == "party-named-like-role"]
    assert (d.span.start.line, d.span.start.column) == (4, 9)


@pytest.mark.parametrize("flag", ["--why", "--why-not"])
def test_an_unknown_conclusion_lists_the_known_ones(cli, flag: str) -> None:  # type: ignore[no-untyped-def]
    code, out, err = cli("explain", WADE, flag, "relif")
    assert code == 2 and out == ""
    assert "no rule derives relif" in err and "relief" in err and "threshold_showing" in err


@pytest.mark.parametrize("goal", ["relief", "hearing", "review(plain_error)", "threshold_showing"])
def test_known_conclusions_are_accepted(cli, goal: str) -> None:  # type: ignore[no-untyped-def]
    code, _out, err = cli("explain", WADE, "--why-not", goal)
    assert code == 0, err
