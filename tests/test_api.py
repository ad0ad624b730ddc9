"""The Python API (issue 15, defect 9): a path or text, explicitly; dates as dates; one error
family, `DoctrineError` (a `ValueError`), with located diagnostics; nothing of a file that is not
a case file is echoed."""

from __future__ import annotations

import datetime
from dataclasses import replace
from pathlib import Path

import pytest

import doctrine
from doctrine.language.diagnostics import DoctrineError

ROOT = Path(__file__).resolve().parents[1]
BILLINGS = ROOT / "scenarios" / "billings.case"


def _error(call) -> DoctrineError:  # type: ignore[no-untyped-def]
    with pytest.raises(DoctrineError) as raised:
        call()
    assert isinstance(raised.value, ValueError)
    assert raised.value.diagnostics and all(d.span.start.line >= 1 for d in raised.value.diagnostics)
    return raised.value


def _verdicts(results) -> list[object]:  # type: ignore[no-untyped-def]
    return [replace(r.verdict, source="") for r in results]


def test_a_path_and_text_give_the_same_verdict() -> None:
    text = BILLINGS.read_text(encoding="utf-8")
    by_path = _verdicts(doctrine.decide(BILLINGS))
    assert _verdicts(doctrine.decide(str(BILLINGS))) == by_path
    assert _verdicts(doctrine.decide_text(text, "billings.case")) == by_path
    assert _verdicts(doctrine.decide(text)) == by_path  # a str with a line break: text (compatibility)
    [e] = doctrine.explain_text(text, why_not="relief")
    assert e.explanation is not None


@pytest.mark.parametrize(
    ("source", "code"),
    [("x" * 5000, "not-a-case-file"), ("does/not/exist.case", "cannot-read"), ("does_not_exist", "not-a-case-file"),
     ("/etc/passwd", "not-a-case-file"), (Path("/etc/passwd"), "not-a-case-file")],
    ids=["long", "missing-case", "missing-word", "passwd", "passwd-path"],
)
def test_a_bad_path_is_a_doctrine_error(source: str | Path, code: str) -> None:
    error = _error(lambda: doctrine.decide(source))
    assert error.diagnostics[0].code == code
    assert "root:" not in str(error)  # never the content of a file that is not a case file


def test_an_unknown_jurisdiction_lists_the_known_ones() -> None:
    error = _error(lambda: doctrine.decide(BILLINGS, jurisdiction="bogus"))
    assert error.diagnostics[0].code == "unknown-jurisdiction" and "seventh_circuit" in str(error)


def test_as_of_takes_dates_iso_strings_and_years() -> None:
    def holdings(as_of: object) -> int:
        [r] = doctrine.decide(BILLINGS, as_of=as_of)  # type: ignore[arg-type]
        return len(r.verdict.holdings)

    later = holdings(datetime.date(2009, 1, 1))
    assert later > 0
    assert holdings("2009-01-01") == holdings(2009) == holdings("2009") == later
    assert holdings(1990) == holdings("1990") == 0  # before Billings (2008)
    for bad in ("2008-13-45", "-2008", "²⁰⁰⁸", 3.5, True):
        assert _error(lambda bad=bad: doctrine.decide(BILLINGS, as_of=bad)).diagnostics[0].code == "bad-date"


def test_an_unknown_case_lists_the_cases() -> None:
    error = _error(lambda: doctrine.explain(BILLINGS, case="typo"))
    assert "billings" in str(error)


def test_bad_case_text_is_located() -> None:
    error = _error(lambda: doctrine.decide_text("case a\n  court nowhere\nend\n", "mine.case"))
    assert any(str(d.span).startswith("mine.case:2:") for d in error.diagnostics)


def test_doctrine_error_is_exported() -> None:
    assert doctrine.DoctrineError is DoctrineError
