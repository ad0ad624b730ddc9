"""Numeric options are range-checked and oversized numbers are bad input (exit 2), never a crash
(issue 15, defect 5)."""

from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
WADE = str(ROOT / "scenarios" / "wade.case")


@pytest.mark.parametrize(
    "args",
    [
        ["whatif", WADE, "--goal", "relief", "--max-changes", "2147483648"],
        ["whatif", WADE, "--goal", "relief", "--alternatives", "0"],
        ["run", WADE, "--workers", "-1"],
        ["run", WADE, "--timeout", "0"],
        ["test", WADE, "--timeout", "1e300"],
        ["diff", "rules", "rules", "--generated", "-5"],
        ["fuzz", "--seed", "-1"],
        ["verify", "--budget", "-1"],
    ],
    ids=lambda a: " ".join(a[:1] + a[-2:]),
)
def test_numeric_options_are_range_checked(cli, args: list[str]) -> None:  # type: ignore[no-untyped-def]
    code, out, err = cli(*args)
    assert code == 2
    assert "not in the range" in out + err


def test_a_4301_digit_number_is_bad_input_for_run(cli, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    text = (ROOT / "scenarios" / "wade.case").read_text(encoding="utf-8")
    path = tmp_path / "big.case"
    path.write_text(text.replace("statutory_minimum 120 months", "statutory_minimum " + "9" * 4301 + " months"),
                    encoding="utf-8")
    for command in ("check", "run"):
        code, _out, err = cli(command, str(path))
        assert code == 2
        assert "error[number-too-large]" in err and "Traceback" not in err
