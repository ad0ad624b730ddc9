"""Expectations: reading expect blocks, validating names, checking verdicts (tables)."""

from __future__ import annotations

from pathlib import Path

import pytest
from minrules import MERE, OPEN, RACE, case_text, make_rules

from doctrine.engine.rulebase import Rulebase, load_rulebase
from doctrine.language.parse import parse_source
from doctrine.language.source import Source
from doctrine.regress.expect import Claim, read_expectation, validate_expectation
from doctrine.regress.runner import FAIL, PASS, UNCHECKED, XFAIL, XPASS, CaseResult, entries, run_entries


@pytest.fixture(scope="module")
def rules(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return make_rules(tmp_path_factory.mktemp("expect") / "rules")


@pytest.fixture(scope="module")
def rulebase(rules: Path) -> Rulebase:
    return load_rulebase(rules)


def _case(text: str):  # type: ignore[no-untyped-def]
    [case] = parse_source(Source("t.case", text)).cases
    return case


def judged(text: str, rules: Path, rulebase: Rulebase) -> CaseResult:
    items, problems = entries([parse_source(Source("t.case", text))], rulebase)
    assert not problems, problems
    [result] = run_entries(items, rulebase, str(rules))
    return result


# ---------------------------------------------------------------------------------------------
# Reading


def test_reads_claims_jurisdictions_and_xfail_with_spans() -> None:
    text = case_text(RACE, "relief none", "holding buffington_waiver wade_threshold", "in_jurisdiction seventh_circuit",
                     "  relief none", "  no_relief_kind discovery", 'xfail "a known disagreement"')
    exp, problems = read_expectation(_case(text))
    assert problems == ()
    assert exp is not None
    assert exp.claims == (Claim("relief", ("none",)), Claim("holding", ("buffington_waiver", "wade_threshold")))
    assert exp.relief == "none" and exp.holdings == ("buffington_waiver", "wade_threshold")
    assert exp.claims[1].span.start.line == 13
    [(name, nested)] = exp.jurisdictions
    assert name == "seventh_circuit"
    assert nested.claims == (Claim("relief", ("none",)), Claim("no_relief_kind", ("discovery",)))
    assert exp.xfail == "a known disagreement"


def test_a_case_without_expect_has_no_expectation() -> None:
    assert read_expectation(_case("case x\n  court seventh_circuit\n  posture motion_to_compel\nend\n")) == (None, ())


SHAPE_ERRORS = {
    "unknown word": (["releif none"], "unknown-expectation", "did you mean `relief`?"),
    "bad outcome": (["relief maybe"], "bad-expectation", ""),
    "two outcomes": (["relief none available"], "bad-expectation", ""),
    "bad relief kind": (["relief_kinds discovry"], "bad-expectation", "did you mean `discovery`?"),
    "xfail without string": (["xfail known"], "bad-expectation", ""),
    "nested xfail": (["in_jurisdiction seventh_circuit", '  xfail "x"'], "misplaced-expectation", ""),
}


@pytest.mark.parametrize("lines, code, hint", SHAPE_ERRORS.values(), ids=SHAPE_ERRORS)
def test_shape_errors_are_diagnostics(lines: list[str], code: str, hint: str) -> None:
    _, problems = read_expectation(_case(case_text(RACE, *lines)))
    assert [d.code for d in problems] == [code]
    assert problems[0].hint == hint or not hint
    assert problems[0].span.start.line >= 12


NAME_ERRORS = {
    "rule": ("holding wade_treshold", "unknown-rule", "did you mean `wade_threshold`?", 13),
    "dispositive rule": ("dispositive buffington_waver", "unknown-rule", "did you mean `buffington_waiver`?", 17),
    "authority": ("authority buffingtn", "unknown-authority", "did you mean `buffington`?", 15),
    "fact": ("explains waiver_conduc", "unknown-fact", "did you mean `waiver_conduct`?", 14),
    "jurisdiction": ("in_jurisdiction eigth_circuit", "unknown-jurisdiction", "did you mean `eighth_circuit`?", 21),
}


@pytest.mark.parametrize("line, code, hint, column", NAME_ERRORS.values(), ids=NAME_ERRORS)
def test_unknown_names_point_at_the_value(line: str, code: str, hint: str, column: int, rulebase: Rulebase) -> None:
    exp, problems = read_expectation(_case(case_text(RACE, line)))
    assert exp is not None and problems == ()
    [d] = validate_expectation(exp, rulebase)
    assert (d.code, d.hint) == (code, hint)
    assert (d.span.start.line, d.span.start.column) == (12, column)


def test_known_names_validate(rulebase: Rulebase) -> None:
    lines = ["holding wade_threshold", "authority wade", "explains remark_by", "explains allegation",
             'explains "waiver_conduct(disclaimed_interest)"', "in_jurisdiction default", "  relief none"]
    exp, _ = read_expectation(_case(case_text(RACE, *lines)))
    assert exp is not None and validate_expectation(exp, rulebase) == ()


# ---------------------------------------------------------------------------------------------
# Checking: under the fixture rules `race` is waived (relief none), with a threshold showing,
# authority below the minimum, and relief reached only "even if" the waiver were set aside.

CHECKS = {
    "relief holds": ("relief none", ()),
    "relief differs": ("relief available", ("relief",)),
    "one of, missing": ("outcome_one_of available depends", ("outcome_one_of",)),
    "one of, present": ("outcome_one_of none depends", ()),
    "kinds differ": ("relief_kinds discovery", ("relief_kinds",)),
    "no kind holds": ("no_relief_kind discovery remedy", ()),
    "minimum holds": ("below_minimum authorized", ()),
    "minimum differs": ("below_minimum not_authorized", ("below_minimum",)),
    "holdings present": ("holding buffington_waiver wade_threshold", ()),
    "holding missing": ("holding wade_no_mere_assistance", ("holding",)),
    "each missing holding": ("holding wade_no_mere_assistance wade_never_fires", ("holding", "holding")),
    "no holding holds": ("no_holding wade_no_mere_assistance", ()),
    "no holding fails": ("no_holding buffington_waiver", ("no_holding",)),
    "dispositive holds": ("dispositive buffington_waiver", ()),
    "dispositive is alternative": ("dispositive wade_remedy", ("dispositive",)),
    "alternative holds": ("alternative wade_remedy", ()),
    "alternative is dispositive": ("alternative buffington_waiver", ("alternative",)),
    "authority relied on": ("authority buffington mackmore", ()),
    "explains a predicate": ("explains waiver_conduct", ()),
    "explains a case key": ("explains allegation", ()),
    "explains a full atom": ('explains "allegation_support(unconstitutional_motive, record_evidence)"', ()),
    "explains an absent fact": ("explains remark_by", ("explains",)),
    "not explains holds": ("not_explains remark_by", ()),
    "not explains fails": ("not_explains waiver_conduct", ("not_explains",)),
}


@pytest.mark.parametrize("line, whats", CHECKS.values(), ids=CHECKS)
def test_check_expectation(line: str, whats: tuple[str, ...], rules: Path, rulebase: Rulebase) -> None:
    result = judged(case_text(RACE, line), rules, rulebase)
    assert tuple(m.what for m in result.mismatches) == whats
    assert result.status == (FAIL if whats else PASS)
    for m in result.mismatches:
        assert m.span.start.line == 12 and m.text.startswith("t.case:12:5: ")


def test_partial_expectations_assert_only_what_they_state(rules: Path, rulebase: Rulebase) -> None:
    result = judged(case_text(RACE, "relief none"), rules, rulebase)
    assert result.status == PASS
    [(name, verdict)] = result.verdicts
    assert name is None and len(verdict.holdings) > 1  # holdings exist, but were not asserted


def test_mismatch_reads_expected_and_actual(rules: Path, rulebase: Rulebase) -> None:
    [m] = judged(case_text(RACE, "relief available"), rules, rulebase).mismatches
    assert (m.what, m.expected, m.actual) == ("relief", "available", "none")
    assert m.text == "t.case:12:5: relief: expected available; got none"


def test_in_jurisdiction_solves_again_under_that_setting(rules: Path, rulebase: Rulebase) -> None:
    text = case_text(OPEN, "relief depends", "in_jurisdiction seventh_circuit", "  relief depends",
                     "in_jurisdiction default", "  relief depends")
    result = judged(text, rules, rulebase)
    [m] = result.mismatches  # bad faith is rejected in the fixture's Seventh Circuit: no relief
    assert (m.jurisdiction, m.expected, m.actual) == ("seventh_circuit", "depends", "none")
    assert [(n, v.jurisdiction, v.outcome) for n, v in result.verdicts] == [
        (None, "eighth_circuit", "depends"), ("seventh_circuit", "seventh_circuit", "none"), ("default", "default", "depends")]


XFAIL_TABLE = {
    "xfail that fails is xfail": ("relief available", XFAIL),
    "xfail that passes is xpass": ("relief none", XPASS),
}


@pytest.mark.parametrize("line, status", XFAIL_TABLE.values(), ids=XFAIL_TABLE)
def test_xfail_and_xpass(line: str, status: str, rules: Path, rulebase: Rulebase) -> None:
    result = judged(case_text(MERE, line, 'xfail "known"'), rules, rulebase)
    assert (result.status, result.reason) == (status, "known")
    assert result.failed == (status == XPASS)


def test_a_case_without_expectations_is_unchecked(rules: Path, rulebase: Rulebase) -> None:
    result = judged("case x\n  court seventh_circuit\n  posture motion_to_compel\nend\n", rules, rulebase)
    assert result.status == UNCHECKED and not result.failed
