"""The parser: a table of snippets -> ASTs (spans not compared), spans, and the scenarios."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from doctrine.language.check import check_case_file, load_case_file
from doctrine.language.grammar import _parser
from doctrine.language.parse import load_source, parse_source
from doctrine.language.source import Position, Source, Span
from doctrine.language.syntax import Case, CaseFile, Statement, Value, ValueKind, print_case_file

SCENARIOS = sorted((Path(__file__).resolve().parents[2] / "scenarios").glob("*.case"))


def n(text: str) -> Value:
    return Value(ValueKind.NAME, text)


def s(text: str) -> Value:
    return Value(ValueKind.STRING, text)


def num(text: str) -> Value:
    return Value(ValueKind.NUMBER, text)


def sec(text: str) -> Value:
    return Value(ValueKind.SECTION, text)


def st(key: str, *values: Value | str, children: tuple[Statement, ...] = ()) -> Statement:
    """A statement; bare strings are NAME values."""
    return Statement(key, tuple(n(v) if isinstance(v, str) else v for v in values), children)


def one(*statements: Statement, id: str = "a") -> CaseFile:
    return CaseFile((Case(id, statements),))


COURT = st("court", "seventh_circuit")

GOOD: dict[str, tuple[str, CaseFile]] = {
    "minimal": ("case a\n  court seventh_circuit\nend\n", one(COURT)),
    "empty case": ("case a\nend\n", one()),
    "no final newline": ("case a\n  court seventh_circuit\nend", one(COURT)),
    "crlf": ("case a\r\n  court seventh_circuit\r\nend\r\n", one(COURT)),
    "comments and blank lines": (
        (
            "# head\n\n# more\ncase a   # the case\n\n  # inside\n      # deeper comment\n"
            "  court seventh_circuit   # trailing\n\n# dedented comment\n  posture motion_to_compel\nend  # done\n\n# tail\n"
        ),
        one(COURT, st("posture", "motion_to_compel")),
    ),
    "blank lines holding spaces": ("case a\n   \n  court seventh_circuit\n        \nend\n", one(COURT)),
    "string escapes": (
        r"case a" + "\n" + r'  title "say \"hi\" \\ C:\\x \n\t"' + "\nend\n",
        one(st("title", s('say "hi" \\ C:\\x \n\t'))),
    ),
    "hash and comma inside a string": (
        'case a\n  note "# not a comment, nor a comma"\nend\n',
        one(st("note", s("# not a comment, nor a comma"))),
    ),
    "unicode in a string": (
        'case a\n  note "§ 3553(e) — “quoted” 日本"\nend\n',
        one(st("note", s("§ 3553(e) — “quoted” 日本"))),
    ),
    "empty string": ('case a\n  note ""\nend\n', one(st("note", s("")))),
    "date": ("case a\n  decided 2008-10-24\nend\n", one(st("decided", Value(ValueKind.DATE, "2008-10-24")))),
    "year is a number": ("case a\n  decided 2008\nend\n", one(st("decided", num("2008")))),
    "months": (
        "case a\n  statutory_minimum 120 months\nend\n",
        one(st("statutory_minimum", num("120"), "months")),
    ),
    "range": (
        "case a\n  guidelines_range 168 to 210\nend\n",
        one(st("guidelines_range", num("168"), "to", num("210"))),
    ),
    "sections normalised": (
        "case a\n  x § 3553(e) §3553(e) §   5K1.1 Rule 35(b) Rule  35(b)\nend\n",
        one(
            st("x", sec("§ 3553(e)"), sec("§ 3553(e)"), sec("§ 5K1.1"), sec("Rule 35(b)"), sec("Rule 35(b)"))
        ),
    ),
    "indented children": (
        "case a\n  motion § 3553(e)\n    sought yes\n    filed no\n  court seventh_circuit\nend\n",
        one(st("motion", sec("§ 3553(e)"), children=(st("sought", "yes"), st("filed", "no"))), COURT),
    ),
    "inline children": (
        "case a\n  remark children, by stand_in, purpose aside\nend\n",
        one(st("remark", "children", children=(st("by", "stand_in"), st("purpose", "aside")))),
    ),
    "inline before indented children": (
        "case a\n  remark r, by x\n    purpose aside\n    by y, z w\nend\n",
        one(
            st(
                "remark",
                "r",
                children=(st("by", "x"), st("purpose", "aside"), st("by", "y", children=(st("z", "w"),))),
            )
        ),
    ),
    "three levels": (
        "case a\n  expect\n    in_jurisdiction rejected\n      relief none\n    relief depends\nend\n",
        one(
            st(
                "expect",
                children=(
                    st("in_jurisdiction", "rejected", children=(st("relief", "none"),)),
                    st("relief", "depends"),
                ),
            )
        ),
    ),
    "any indentation width": (
        "case a\n    motion x\n         sought yes\n    court seventh_circuit\nend\n",
        one(st("motion", "x", children=(st("sought", "yes"),)), COURT),
    ),
    "key without values": ("case a\n  expect\nend\n", one(st("expect"))),
    "several values": (
        'case a\n  k a "b" 3 2008-01-02 § 5K1.1\nend\n',
        one(st("k", "a", s("b"), num("3"), Value(ValueKind.DATE, "2008-01-02"), sec("§ 5K1.1"))),
    ),
    "tabs between values": ("case a\n  court\tseventh_circuit\nend\n", one(COURT)),
    "spaces around commas": (
        "case a\n  party p ,role stand_in\nend\n",
        one(st("party", "p", children=(st("role", "stand_in"),))),
    ),
    "keywords as words": (
        "case case\n  end case, case end\nend\n",
        one(st("end", "case", children=(st("case", "end"),)), id="case"),
    ),
    "end as a key after a dedent": (
        "case a\n  motion x\n    sought yes\n  end\nend\n",
        one(st("motion", "x", children=(st("sought", "yes"),)), st("end")),
    ),
    "two cases": (
        "case a\n  court seventh_circuit\nend\n\n# next\ncase b\nend\n",
        CaseFile((Case("a", (COURT,)), Case("b", ()))),
    ),
    "case-like names are not case lines": ("case a\n  case_note x\nend\n", one(st("case_note", "x"))),
}


@pytest.mark.parametrize("text,expected", GOOD.values(), ids=GOOD.keys())
def test_parse(text: str, expected: CaseFile) -> None:
    assert parse_source(Source("t.case", text)) == expected


def _span(line: int, col: int, end_line: int, end_col: int, source: str = "t.case") -> Span:
    return Span(source, Position(line, col), Position(end_line, end_col))


def test_spans() -> None:
    text = (
        "# comment\n"
        "case billings\n"
        '  title "T \\"x\\""\n'
        "  remark r, by p\n"
        "    purpose aside\n"
        "end\n"
        "case two\n"
        "  motion § 3553(e)\n"
        "end\n"
    )
    f = parse_source(Source("t.case", text))
    first, second = f.cases
    assert f.source == "t.case"
    assert first.span == _span(2, 1, 2, 14)
    title, remark = first.statements
    assert title.key_span == _span(3, 3, 3, 8)
    assert title.values[0].span == _span(3, 9, 3, 18)  # the quotes and escapes included
    assert title.span == _span(3, 3, 3, 18)
    assert remark.span == _span(4, 3, 4, 11)  # the statement's own segment
    by, purpose = remark.children
    assert by.key_span == _span(4, 13, 4, 15) and by.values[0].span == _span(4, 16, 4, 17)
    assert purpose.span == _span(5, 5, 5, 18)
    assert second.span == _span(7, 1, 7, 9)
    motion = second.statements[0]
    assert motion.values[0].span == _span(8, 10, 8, 19)


def test_scenario_spans() -> None:
    path = next(p for p in SCENARIOS if p.stem == "billings")
    f = parse_source(load_source(path))
    motion = f.cases[0].get("motion")[0]
    assert (motion.span.start, motion.values[0].span.start) == (Position(15, 3), Position(15, 10))
    assert motion.children[1].key_span == Span(str(path), Position(17, 5), Position(17, 10))


@pytest.mark.parametrize("path", SCENARIOS, ids=[p.stem for p in SCENARIOS])
def test_scenarios_parse_and_check_cleanly(path: Path) -> None:
    f = parse_source(load_source(path))
    assert check_case_file(f) == ()
    assert load_case_file(path) == f
    assert [c.id for c in f.cases] == [path.stem]


def test_printed_case_keeps_its_meaning() -> None:
    text = 'case a\n  remark r, by p   # c\n  note "x\\ty"\nend\n'
    f = parse_source(Source("t", text))
    assert print_case_file(f) == 'case a\n  remark r\n    by p\n  note "x\\ty"\nend\n'


def test_parser_is_built_once() -> None:
    assert _parser() is _parser()


def test_the_grammar_is_never_cached_as_a_pickle(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """lark's on-disk cache is a pickle: a planted one would run code, so none is written or
    read; doctrine's own cache of the tables is JSON (tests/language/test_grammar_cache.py)."""
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    _parser.cache_clear()
    try:
        parse_source(Source("t", "case a\n  court seventh_circuit\nend\n"))
    finally:
        _parser.cache_clear()
    assert not list(tmp_path.rglob("*lark*"))
    written = [p for p in tmp_path.rglob("*") if p.is_file()]
    assert [p.name.split("-")[0] for p in written] == ["grammar"]
    for line in written[0].read_bytes().splitlines():
        json.loads(line)
