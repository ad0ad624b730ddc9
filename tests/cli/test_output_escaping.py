"""Control characters from case files (strings and file names) never reach a terminal or a report
raw, and JUnit XML with them parses (issue 15, defect 7)."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
BAD = "A\x00B\x1b[31mRED\x1b]0;title\x07\x1b[2J"
RAW = re.compile("[\x00-\x08\x0b-\x1f\x7f]")


@pytest.fixture
def hostile(tmp_path: Path) -> Path:
    text = (ROOT / "scenarios" / "billings.case").read_text(encoding="utf-8")
    text = text.replace("  court seventh_circuit\n", f'  court seventh_circuit\n  note "{BAD}"\n', 1)
    text = re.sub(r"\n  expect[^\n]*\n", f'\n  expect\n    xfail "{BAD}"\n', text, count=1)  # passes: XPASS
    path = tmp_path / "x\x1b[31m\x00name.case".replace("\x00", "")
    path.write_text(text, encoding="utf-8")
    return path


@pytest.mark.parametrize(
    "args",
    [["test"], ["test", "--format", "junit"], ["run"], ["run", "--format", "md"], ["explain"],
     ["explain", "--format", "dot"], ["whatif", "--goal", "relief"], ["compare"], ["check"]],
    ids=" ".join,
)
def test_no_raw_control_character_is_printed(cli, hostile: Path, args: list[str]) -> None:  # type: ignore[no-untyped-def]
    code, out, err = cli(*args[:1], str(hostile), *args[1:])
    assert code in (0, 1)
    assert not RAW.findall(out + err), RAW.findall(out + err)


def test_junit_with_control_characters_parses(cli, hostile: Path) -> None:  # type: ignore[no-untyped-def]
    code, out, _ = cli("test", str(hostile), "--format", "junit")
    assert code == 1  # the xfail case passes: XPASS
    tree = ET.fromstring(out.split("\n", 1)[1])
    [case] = tree.iter("testcase")
    failure = case.find("failure")
    assert failure is not None and "\\x1b[31mRED" in (failure.text or "")
    assert "\\x1b" in (case.get("file") or "")


def test_a_diagnostic_escapes_the_file_name_and_strings(cli, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    path = tmp_path / "y\x1b[2Jname.case"
    path.write_text(f'case a\n  title "{BAD}"\n  title "other"\nend\n', encoding="utf-8")
    code, out, err = cli("check", str(path))
    assert code == 2
    assert "y\\x1b[2Jname.case:" in err and "\\x00" in err
    assert not RAW.findall(out + err)
