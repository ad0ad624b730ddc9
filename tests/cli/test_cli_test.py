"""`doctrine test`: exit codes, the summary table, the diff of a mismatch, JSON, JUnit, coverage."""

from __future__ import annotations

import json
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from minrules import ROOT, make_rules, passing_suite


@pytest.fixture(scope="module")
def rules(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return make_rules(tmp_path_factory.mktemp("cli_test") / "rules")


@pytest.fixture
def suite(tmp_path: Path) -> Path:
    return passing_suite(tmp_path / "cases")


def _break_one(suite: Path) -> Path:
    """Change one expectation: `race` now expects relief to be available."""
    path = suite / "race.case"
    path.write_text(path.read_text().replace("    relief none\n", "    relief available\n", 1))
    return path


def test_passes_on_the_fixture_suite(cli, suite: Path, rules: Path) -> None:  # type: ignore[no-untyped-def]
    code, out, err = cli("test", str(suite), "--rules", str(rules))
    assert code == 0, out + err
    assert "PASS" in out and "XFAIL" in out
    assert f"{suite / 'race.case'}:1" in out and f"{suite / 'race.case'}:18" in out
    assert "3 passed, 1 xfailed" in out


def test_one_changed_expectation_fails_with_a_diff(cli, suite: Path, rules: Path) -> None:  # type: ignore[no-untyped-def]
    path = _break_one(suite)
    code, out, _ = cli("test", str(suite), "--rules", str(rules))
    assert code == 1
    assert "FAIL" in out and "1 failed" in out
    assert f"FAIL case race at {path}:1" in out
    assert f"{path}:12:5: relief" in out  # the line of the expectation
    assert "- expected: available" in out and "+ actual:   none" in out
    assert "dispositive: buffington_waiver" in out  # the verdict the case actually got
    assert "alternative: wade_discovery, wade_remedy" in out


def test_json_document(cli, suite: Path, rules: Path) -> None:  # type: ignore[no-untyped-def]
    _break_one(suite)
    code, out, _ = cli("test", str(suite), "--rules", str(rules), "--format", "json", "--coverage")
    assert code == 1
    doc = json.loads(out)
    assert doc["schema"] == "doctrine.test/1"
    assert doc["summary"] == {"total": 4, "pass": 2, "fail": 1, "xfail": 1, "xpass": 0, "unchecked": 0, "error": 0}
    race = next(c for c in doc["cases"] if c["case"] == "race")
    assert race["status"] == "fail" and race["line"] == 1
    [m] = race["mismatches"]
    assert (m["what"], m["expected"], m["actual"], m["line"]) == ("relief", "available", "none", 12)
    assert race["verdicts"][0]["outcome"] == "none"
    assert doc["coverage"]["never"] == ["wade_never_fires"]


def test_junit_xml(cli, suite: Path, rules: Path) -> None:  # type: ignore[no-untyped-def]
    _break_one(suite)
    code, out, _ = cli("test", str(suite), "--rules", str(rules), "--format", "junit")
    assert code == 1
    tree = ET.fromstring(out.split("\n", 1)[1])
    suite_el = tree.find("testsuite")
    assert suite_el is not None
    assert (suite_el.get("tests"), suite_el.get("failures"), suite_el.get("skipped")) == ("4", "1", "1")
    failed = [tc for tc in suite_el.iter("testcase") if tc.find("failure") is not None]
    assert [tc.get("name") for tc in failed] == ["race"]
    failure = failed[0].find("failure")
    assert failure is not None and "expected: available" in (failure.text or "")


def test_coverage(cli, suite: Path, rules: Path) -> None:  # type: ignore[no-untyped-def]
    code, out, _ = cli("test", str(suite), "--rules", str(rules), "--coverage")
    assert code == 0
    assert "rule coverage: 7/8 rules fired (87.5%)" in out
    assert "never fired: wade_never_fires" in out
    assert "never used: default" in out  # eighth and seventh circuit cases only
    assert "question positions taken: 2/2" in out


def test_unknown_rule_is_bad_input(cli, suite: Path, rules: Path) -> None:  # type: ignore[no-untyped-def]
    path = suite / "race.case"
    path.write_text(path.read_text().replace("dispositive buffington_waiver", "dispositive buffington_waver"))
    code, out, err = cli("test", str(suite), "--rules", str(rules))
    assert code == 2  # the other files are still tested; the bad one is reported
    assert "race.case" not in out and "1 passed, 1 xfailed" in out
    assert f"{path}:13:17: error[unknown-rule]" in err
    assert "did you mean `buffington_waiver`?" in err


def test_unknown_format_exits_2(cli, suite: Path, rules: Path) -> None:  # type: ignore[no-untyped-def]
    code, _, err = cli("test", str(suite), "--rules", str(rules), "--format", "yaml")
    assert code == 2 and "unknown format 'yaml'" in err


def test_through_python_m_doctrine(suite: Path, rules: Path) -> None:
    _break_one(suite)
    done = subprocess.run([sys.executable, "-m", "doctrine", "test", str(suite), "--rules", str(rules)], cwd=ROOT,
                          capture_output=True, text=True, timeout=120, env={"DOCTRINE_WIDTH": "200", "PATH": ""})
    assert done.returncode == 1, done.stderr
    assert "- expected: available" in done.stdout and "Traceback" not in done.stderr
