"""The pytest plugin: .case files collected as tests, one item per case id, with readable diffs."""

from __future__ import annotations

import importlib.metadata
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from minrules import MERE, RACE, ROOT, UNTIED, case_text, make_rules

pytest_plugins = ["pytester"]

# An installed doctrine registers the plugin through its pytest11 entry point; else name it.
INSTALLED = any(e.value == "doctrine.regress.pytest_plugin" for e in importlib.metadata.entry_points(group="pytest11"))
PLUGIN = () if INSTALLED else ("-p", "doctrine.regress.pytest_plugin")


@pytest.fixture
def project(pytester: pytest.Pytester, monkeypatch: pytest.MonkeyPatch) -> pytest.Pytester:
    """A project with the fixture rules, one passing, one failing and one xfail case."""
    monkeypatch.setenv("PYTHONPATH", str(ROOT))  # for xdist workers and subprocess runs
    make_rules(pytester.path / "rules")
    pytester.makeini("[pytest]\ndoctrine_rules = rules\naddopts = -p no:cacheprovider\n")
    cases = pytester.path / "cases"
    cases.mkdir()
    (cases / "good.case").write_text(case_text(RACE, "relief none", "holding buffington_waiver"))
    (cases / "bad.case").write_text(case_text(UNTIED, "relief available", "holding wade_threshold"))
    (cases / "known.case").write_text(case_text(MERE, "relief available", 'xfail "not in the fixture"'))
    return pytester


def run(p: pytest.Pytester, *args: str) -> pytest.RunResult:
    return p.runpytest(*PLUGIN, "cases", *args)


def test_items_are_named_by_file_and_case_id(project: pytest.Pytester) -> None:
    result = run(project, "--collect-only", "-q")
    result.stdout.fnmatch_lines(["cases/bad.case::untied", "cases/good.case::race", "cases/known.case::mere"])


def test_pass_fail_and_xfail(project: pytest.Pytester) -> None:
    result = run(project)
    result.assert_outcomes(passed=1, failed=1, xfailed=1)
    bad = project.path / "cases" / "bad.case"
    result.stdout.fnmatch_lines([
        f"FAIL case untied at {bad}:1",
        f"  {bad}:8:5: relief",
        "    - expected: available",
        "    + actual:   none",
        f"  {bad}:9:5: holding",
        "    - expected: wade_threshold",
        "*actual verdict under seventh_circuit:",
        "    relief none; relief_kinds (none); below_minimum not_authorized",
    ])
    assert "Traceback" not in result.stdout.str()


def test_a_case_without_expect_block_is_skipped(project: pytest.Pytester) -> None:
    (project.path / "cases" / "plain.case").write_text("case plain\n  court seventh_circuit\n  posture motion_to_compel\nend\n")
    result = run(project, "-k", "plain", "-rs")
    result.assert_outcomes(skipped=1, deselected=3)
    result.stdout.fnmatch_lines(["*no expect block*"])


def test_k_selects_by_case_id(project: pytest.Pytester) -> None:
    result = run(project, "-k", "race")
    result.assert_outcomes(passed=1, deselected=2)


def test_xpass_is_a_failure(project: pytest.Pytester) -> None:
    known = project.path / "cases" / "known.case"
    known.write_text(case_text(MERE, "relief none", 'xfail "not in the fixture"'))
    result = run(project, "-k", "mere")
    result.assert_outcomes(failed=1, deselected=2)
    result.stdout.fnmatch_lines(["*XPASS(strict)*not in the fixture*"])


def test_exit_first_stops_at_the_failure(project: pytest.Pytester) -> None:
    result = run(project, "-x")
    result.assert_outcomes(failed=1)


def test_junit_xml(project: pytest.Pytester) -> None:
    report = project.path / "report.xml"
    run(project, f"--junitxml={report}")
    suite = ET.parse(report).getroot().find("testsuite")
    assert suite is not None
    assert (suite.get("tests"), suite.get("failures"), suite.get("skipped")) == ("3", "1", "1")
    [failed] = [tc for tc in suite.iter("testcase") if tc.find("failure") is not None]
    assert failed.get("name") == "untied"
    failure = failed.find("failure")
    assert failure is not None and "- expected: available" in (failure.text or "")


def test_xdist(project: pytest.Pytester) -> None:
    pytest.importorskip("xdist")
    result = run(project, "-n", "2", "-p", "no:benchmark")
    result.assert_outcomes(passed=1, failed=1, xfailed=1)


def test_bad_expectation_is_reported_with_a_code_frame(project: pytest.Pytester) -> None:
    good = project.path / "cases" / "good.case"
    good.write_text(case_text(RACE, "holding buffington_waver"))
    result = run(project, "-k", "race")
    result.assert_outcomes(failed=1, deselected=2)
    out = result.stdout.str()
    assert f"{good}:12:13: error[unknown-rule]" in out and "did you mean `buffington_waiver`?" in out


def test_a_bad_case_file_is_a_collection_error(project: pytest.Pytester) -> None:
    (project.path / "cases" / "broken.case").write_text("case x\n  court seventh_circut\nend\n")
    result = run(project, "--continue-on-collection-errors")
    result.assert_outcomes(passed=1, failed=1, xfailed=1, errors=1)
    assert "broken.case:2:9: error[unknown-value]" in result.stdout.str()


def test_cheap_when_no_case_file_is_collected(pytester: pytest.Pytester, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("PYTHONPATH", str(ROOT))
    pytester.makepyfile(test_plain="""
        import sys

        def test_nothing_heavy_is_imported():
            heavy = [m for m in ("clingo", "lark", "doctrine.engine.solve", "doctrine.regress.runner") if m in sys.modules]
            assert heavy == []
    """)
    result = pytester.runpytest_subprocess(*PLUGIN, "-p", "no:cacheprovider")
    result.assert_outcomes(passed=1)


def test_default_rules_are_the_bundled_ones(tmp_path: Path) -> None:
    from doctrine.regress.pytest_plugin import _rules

    class Config:
        rootpath = tmp_path

        def getoption(self, name: str, default: object = None) -> object:
            return None

        def getini(self, name: str) -> str:
            return ""

    assert _rules(Config()) is None  # type: ignore[arg-type]
