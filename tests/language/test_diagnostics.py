"""Bad input -> (code, line, column): loading, syntax and checking, all problems at once."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, strategies as hs

from doctrine.language.check import check_case_file, load_case_file
from doctrine.language.diagnostics import Diagnostic, DoctrineError, code_frame
from doctrine.language.parse import MAX_BYTES, load_source, parse_source
from doctrine.language.source import Source

HEAD = "case a\n  court seventh_circuit\n  posture appeal_after_sentence\n"  # lines 1-3


def diagnose(text: str) -> tuple[Diagnostic, ...]:
    """Syntax diagnostics if the text does not parse, else the checker's."""
    try:
        f = parse_source(Source("t.case", text))
    except DoctrineError as e:
        return e.diagnostics
    return check_case_file(f)


def where(diagnostics: tuple[Diagnostic, ...]) -> list[tuple[str, int, int]]:
    return [(d.code, d.span.start.line, d.span.start.column) for d in diagnostics]


BAD: dict[str, tuple[str, list[tuple[str, int, int]]]] = {
    # syntax
    "empty file": ("", [("empty-file", 1, 1)]),
    "comments only": ("# nothing here\n\n   # still nothing\n", [("empty-file", 1, 1)]),
    "unterminated string": ('case a\n  title "United States v.\nend\n', [("unterminated-string", 2, 9)]),
    "bad character": ("case a\n  court seventh_circuit @\nend\n", [("bad-character", 2, 25)]),
    "section without §": ("case a\n  motion 3553(e)\nend\n", [("bad-character", 2, 14)]),
    "tab indentation": ("case a\n\tcourt seventh_circuit\nend\n", [("bad-indentation", 2, 1)]),
    "inconsistent dedent": (
        "case a\n  motion x\n      sought yes\n    filed no\nend\n",
        [("bad-indentation", 4, 5)],
    ),
    "statement at column 1": ("case a\ncourt seventh_circuit\nend\n", [("bad-indentation", 2, 1)]),
    "missing end": ("case a\n  court seventh_circuit\n", [("missing-end", 1, 1)]),
    "indented end": ("case a\n  court seventh_circuit\n  end\n", [("missing-end", 1, 1)]),
    "statement before the first case": ("# c\ncourt x\ncase a\nend\n", [("statement-outside-case", 2, 1)]),
    "statement after end": ("case a\nend\n  court x\n", [("statement-outside-case", 3, 3)]),
    "trailing comma": ("case a\n  remark r,\nend\n", [("syntax-error", 2, 12)]),
    "case without id": ("case\nend\n", [("syntax-error", 1, 5)]),
    "bad escape": ('case a\n  note "C:\\q"\nend\n', [("bad-escape", 2, 11)]),
    "two errors in two cases": (
        'case a\n  title "x\nend\ncase b\n  court @\nend\ncase c\n  court x\nend\n',
        [("unterminated-string", 2, 9), ("bad-character", 5, 9)],
    ),
    # checking
    "unknown key": (HEAD + "  cort seventh_circuit\nend\n", [("unknown-key", 4, 3)]),
    "unknown child key": (HEAD + "  motion § 3553(e), sougt yes\nend\n", [("unknown-key", 4, 21)]),
    "unknown value": (HEAD + "  plea_agreement sole_discretoin\nend\n", [("unknown-value", 4, 18)]),
    "unknown section": (HEAD + "  motion § 3553(f)\nend\n", [("unknown-value", 4, 10)]),
    "missing value": (HEAD + "  raised_below\nend\n", [("missing-value", 4, 3)]),
    "too many values": (HEAD + "  raised_below yes no\nend\n", [("too-many-values", 4, 20)]),
    "string for a word": (HEAD + '  raised_below "yes"\nend\n', [("wrong-value-type", 4, 16)]),
    "word for a string": (HEAD + "  title Billings\nend\n", [("wrong-value-type", 4, 9)]),
    "months without unit": (HEAD + "  sentence 120\nend\n", [("missing-value", 4, 12)]),
    "bad range": (HEAD + "  guidelines_range 210 to 168\nend\n", [("bad-range", 4, 20)]),
    "malformed range": (HEAD + "  guidelines_range 168 - 210\nend\n", [("bad-character", 4, 24)]),
    "range without to": (HEAD + "  guidelines_range 168 210\nend\n", [("wrong-value-type", 4, 24)]),
    "bad date": (HEAD + "  decided 2008-02-30\nend\n", [("bad-date", 4, 11)]),
    "duplicate fact": (HEAD + "  seeks remedy\n  seeks remedy\nend\n", [("duplicate-fact", 5, 9)]),
    "keyed block twice": (HEAD + "  motion § 3553(e)\n  motion §3553(e)\nend\n", [("duplicate-fact", 5, 10)]),
    "conflicting fact": (
        HEAD + "  raised_below yes\n  raised_below no\nend\n",
        [("conflicting-fact", 5, 16)],
    ),
    "no agreement with terms": (
        HEAD + "  plea_agreement none\n    condition_met yes\nend\n",
        [("conflicting-fact", 5, 5)],
    ),
    "no assistance that led to arrest": (
        HEAD + "  assistance none, led_to arrest\nend\n",
        [("conflicting-fact", 4, 27)],
    ),
    "no custody that began": (
        HEAD + "  custody no\n    began before_cooperation\n    knew_effect yes\nend\n",
        [("conflicting-fact", 5, 5)],
    ),
    "circuit disagrees with court": (HEAD + "  circuit eighth_circuit\nend\n", [("conflicting-fact", 4, 11)]),
    "district court without circuit": (
        "case a\n  court district_court\n  posture motion_to_compel\nend\n",
        [("missing-required", 2, 9)],
    ),
    "undefined party": (
        HEAD + "  remark criminal_history, by new_prosecuter\nend\n",
        [("undefined-party", 4, 31)],
    ),
    "undefined motion": (
        HEAD + "  allegation bad_faith, motion § 3553(e)\nend\n",
        [("undefined-motion", 4, 32)],
    ),
    "what counsel failed to raise, under another claim": (
        HEAD + "  allegation bad_faith, failed_to_raise breach_of_plea_agreement\nend\n",
        [("misplaced-key", 4, 25)],
    ),
    "missing court and posture": (
        "case a\n  seeks remedy\nend\n",
        [("missing-required", 1, 1), ("missing-required", 1, 1)],
    ),
    "party without role": (HEAD + "  party p\nend\n", [("missing-required", 4, 3)]),
    "duplicate case": (HEAD + "end\n" + HEAD + "end\n", [("duplicate-case", 5, 1)]),
    "unknown expectation": (HEAD + "  expect\n    holdng wade_threshold\nend\n", [("unknown-key", 5, 5)]),
    "expect takes no values": (HEAD + "  expect relief\nend\n", [("too-many-values", 4, 10)]),
    "child of a childless key": (HEAD + "  seeks remedy, by court\nend\n", [("unknown-key", 4, 17)]),
    "all problems at once": (
        HEAD + "  cort x\n  raised_below maybe\n  party p\nend\n",
        [("unknown-key", 4, 3), ("unknown-value", 5, 16), ("missing-required", 6, 3)],
    ),
}


@pytest.mark.parametrize("text,expected", BAD.values(), ids=BAD.keys())
def test_diagnostics(text: str, expected: list[tuple[str, int, int]]) -> None:
    diagnostics = diagnose(text)
    assert where(diagnostics) == expected
    source = Source("t.case", text)
    for d in diagnostics:  # every diagnostic renders as a code frame
        assert code_frame(d, source).startswith(
            f"t.case:{d.span.start.line}:{d.span.start.column}: error[{d.code}]"
        )


def test_messages_say_what_was_expected() -> None:
    (d,) = diagnose("case a\n  court x @\nend\n")
    assert d.expected == "a value, a comma, or a new line"
    (d,) = diagnose(HEAD + "  plea_agreement sole_discretoin\nend\n")
    assert (
        d.message == "unknown value `sole_discretoin` for `plea_agreement`; did you mean `sole_discretion`?"
    )
    assert "`promise_to_move`" in d.expected
    (d,) = diagnose(HEAD + "  cort x\nend\n")
    assert d.hint == "did you mean `court`?"
    (d,) = diagnose(HEAD + "  motion § 3553(e), sougt yes\nend\n")
    assert (d.expected, d.hint) == ("`sought`, `filed`, or `granted`", "did you mean `sought`?")
    (d,) = diagnose(
        HEAD
        + "  party new_prosecutor, role stand_in\n  remark family_circumstances, by new_prosecuter\nend\n"
    )
    assert d.hint == "did you mean `new_prosecutor`?"


def test_a_declared_party_may_be_named() -> None:
    text = HEAD + "  remark family_circumstances, by p\n  party p, role stand_in\nend\n"
    assert diagnose(text) == ()


def _load(path: Path) -> tuple[Diagnostic, ...]:
    try:
        load_case_file(path)
    except DoctrineError as e:
        return e.diagnostics
    return ()


def test_not_utf8(tmp_path: Path) -> None:
    path = tmp_path / "latin1.case"
    path.write_bytes(
        'case a\n  note "caf\u00e9 ok"\n  title "na\u00efve"\nend\n'.encode("utf-8")[:22] + b'\xe9 x"\nend\n'
    )
    assert where(_load(path)) == [("not-utf8", 2, 15)]


def test_missing_file(tmp_path: Path) -> None:
    assert where(_load(tmp_path / "nope.case")) == [("cannot-read", 1, 1)]


def test_file_over_5_mb(tmp_path: Path) -> None:
    path = tmp_path / "big.case"
    path.write_bytes(b"#" * (MAX_BYTES + 1))
    assert where(_load(path)) == [("file-too-large", 1, 1)]


def test_200000_lines_are_refused_at_once() -> None:
    text = "case big\n" + '  note "x"\n' * 200_000 + "end\n"
    assert where(diagnose(text)) == [("file-too-large", 1, 1)]


def test_a_long_file_parses() -> None:
    text = "".join(
        f"case c{i}\n  court seventh_circuit\n  posture appeal_after_sentence\nend\n" for i in range(2_000)
    )
    assert len(parse_source(Source("t", text)).cases) == 2_000


def test_loaded_file_is_checked(tmp_path: Path) -> None:
    path = tmp_path / "a.case"
    path.write_text("case a\n  court seventh_circuit\nend\n", encoding="utf-8")
    assert where(_load(path)) == [("missing-required", 1, 1)]
    assert load_source(path).name == str(path)


# Anything at all: a DoctrineError or an AST, never a traceback.
_ALPHABET = hs.sampled_from(
    [*'case end\n  \t,"\\#§()-.:0123456789azRul_', "case ", "\nend\n", "Rule 35(b)", "é"]
)


@given(hs.lists(_ALPHABET, max_size=60).map("".join))
def test_never_a_traceback(text: str) -> None:
    try:
        f = parse_source(Source("fuzz", text))
    except DoctrineError as e:
        assert e.diagnostics
    else:
        check_case_file(f)
