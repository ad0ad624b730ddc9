"""A character that may show as a line break without being one is an error at its place, in
comments, strings and code alike: no line of a case file is ever silently hidden from the parser
(issue 15, defect 3)."""

from __future__ import annotations

import pytest

from doctrine.language.diagnostics import DoctrineError
from doctrine.language.parse import parse_source
from doctrine.language.source import Source

BREAKS = {"cr": "\r", "vt": "\x0b", "ff": "\x0c", "fs": "\x1c", "rs": "\x1e", "nel": "\x85", "ls": "\u2028",
          "ps": "\u2029"}
PLACES = {
    # the issue's example: the comment would swallow `waiver_conduct withdrew_claim`
    "comment": ("case a\n  raised_below yes  # c{X}  waiver_conduct withdrew_claim\nend\n", 2, 24),
    "string": ('case a\n  note "one{X}two"\nend\n', 2, 12),
    "code": ("case a\n  raised_below yes{X}  waiver_conduct withdrew_claim\nend\n", 2, 19),
}


@pytest.mark.parametrize("char", BREAKS.values(), ids=BREAKS.keys())
@pytest.mark.parametrize("place", PLACES.values(), ids=PLACES.keys())
def test_a_stray_line_break_is_a_located_error(place: tuple[str, int, int], char: str) -> None:
    template, line, column = place
    with pytest.raises(DoctrineError) as raised:
        parse_source(Source("x.case", template.replace("{X}", char)))
    [d] = raised.value.diagnostics
    assert d.code == "stray-line-break"
    assert (d.span.start.line, d.span.start.column) == (line, column)


def test_crlf_is_a_line_break() -> None:
    text = "case a\r\n  raised_below yes  # c\r\n  waiver_conduct withdrew_claim\r\nend\r\n"
    [case] = parse_source(Source("x.case", text)).cases
    assert [s.key for s in case.statements] == ["raised_below", "waiver_conduct"]


def test_the_issues_example_through_check(cli) -> None:  # type: ignore[no-untyped-def]
    import tempfile
    from pathlib import Path

    with tempfile.TemporaryDirectory() as d:
        path = Path(d) / "cr.case"
        path.write_bytes(b"case a\n  raised_below yes  # c\r  waiver_conduct withdrew_claim\nend\n")
        code, out, err = cli("check", str(path))
    assert code == 2
    assert "cr.case:2:24: error[stray-line-break]" in out + err


def test_a_string_holds_a_line_break_only_as_an_escape() -> None:
    from doctrine.language.syntax import print_case_file

    f = parse_source(Source("x.case", 'case a\n  note "one\\u2028two\\u000dthree"\nend\n'))
    [note] = f.cases[0].statements
    assert note.values[0].text == "one\u2028two\rthree"
    printed = print_case_file(f)
    assert "\u2028" not in printed and "\r" not in printed
    assert parse_source(Source("y.case", printed)) == f
