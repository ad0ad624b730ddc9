"""Hostile inputs, generated (issue 15): arbitrary text, mutated bundled cases, control characters
and line separators, huge numbers and long lines, through `doctrine check` and `doctrine run` in
this process. No exception escapes, the exit code is 0, 1 or 2, every diagnostic has a location,
and an accepted file loses nothing: every line that holds a statement is a statement of the
syntax tree, and printing the tree and parsing it again gives the same tree.

The `ci` profile keeps this to a few seconds; `HYPOTHESIS_PROFILE=deep` runs 2,000 examples."""

from __future__ import annotations

import contextlib
import io
import re
import sys
import tempfile
from pathlib import Path

from hypothesis import example, given, strategies as st

from doctrine.cli import app
from doctrine.language.check import check_source
from doctrine.language.diagnostics import DoctrineError
from doctrine.language.parse import parse_source
from doctrine.language.source import Source
from doctrine.language.syntax import CaseFile, Statement, print_case_file

ROOT = Path(__file__).resolve().parents[2]
SCENARIOS = [p.read_text(encoding="utf-8") for p in sorted((ROOT / "scenarios").glob("*.case"))]
NASTY = ["\r", "\r\n", "\x0b", "\x0c", "\x85", "\u2028", "\u2029", "\x00", "\x1b[2J", "\t", "#", '"', "\\",
         ",", "\n", "  ", "case x\n", "end\n", "\ufeff", "\u202e", "§", "9" * 4301, "x" * 5000]


@st.composite
def mutated(draw: st.DrawFn) -> str:
    """A bundled case with a few insertions, deletions and duplications."""
    text = draw(st.sampled_from(SCENARIOS))
    for _ in range(draw(st.integers(1, 4))):
        at = draw(st.integers(0, len(text)))
        kind = draw(st.sampled_from(["insert", "delete", "duplicate", "number"]))
        if kind == "insert":
            text = text[:at] + draw(st.sampled_from(NASTY) | st.text(max_size=8)) + text[at:]
        elif kind == "delete":
            text = text[:at] + text[at + draw(st.integers(1, 40)) :]
        elif kind == "duplicate":
            start = text.rfind("\n", 0, at) + 1
            end = text.find("\n", at)
            end = len(text) if end < 0 else end + 1
            text = text[:end] + text[start:end] + text[end:]
        else:
            text = re.sub(r"\b\d+\b", "9" * draw(st.integers(5, 5000)), text, count=1)
    return text


HOSTILE = st.one_of(
    st.text(max_size=400),
    mutated(),
    st.lists(st.sampled_from(NASTY) | st.sampled_from(["case a\n", "  court seventh_circuit\n", "end\n"]),
             max_size=20).map("".join),
)


def _statement_lines(statements: tuple[Statement, ...]) -> set[int]:
    out: set[int] = set()
    for s in statements:
        out.add(s.span.start.line)
        out |= _statement_lines(s.children)
    return out


def _content_lines(text: str) -> set[int]:
    """The lines of a file that hold something other than blanks and a comment, case or end,
    numbered as a reader sees them (every Unicode line boundary ends a line, CR LF is one)."""
    out = set()
    for n, line in enumerate(text.replace("\r\n", "\n").splitlines(), 1):
        stripped = line.strip()
        if stripped and not stripped.startswith("#") and not re.match(r"(case\b|end\s*(#.*)?$)", line):
            out.add(n)
    return out


def _nothing_lost(text: str, f: CaseFile) -> None:
    lines = set().union(*(_statement_lines(c.statements) for c in f.cases)) if f.cases else set()
    assert _content_lines(text) <= lines, "a line of the file is not a statement of the tree"
    again = parse_source(Source("printed.case", print_case_file(f) + "\n"))
    assert again == f


def _cli(*args: str) -> tuple[int, str]:
    out, err = io.StringIO(), io.StringIO()
    argv = sys.argv
    sys.argv = ["doctrine", *args]
    try:
        with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
            try:
                app.main()
                code = 0
            except SystemExit as done:
                code = int(done.code or 0)
    finally:
        sys.argv = argv
    return code, err.getvalue()


WADE = (ROOT / "scenarios" / "wade.case").read_text(encoding="utf-8")


@given(HOSTILE)
# the hidden line: a CR in a comment hid the next statement, and the file checked clean
@example(WADE.replace("  raised_below yes\n", "  raised_below yes  # c\r  waiver_conduct withdrew_claim\n"))
@example(WADE.replace("120 months", "9" * 4301 + " months"))  # passed check, crashed run
@example(WADE.replace("case wade\n", "case wade\n  note \"" + "x" * 100_000 + "\"\n"))
def test_hostile_input(text: str) -> None:
    source = Source("hostile.case", text)
    try:
        f = check_source(source)
    except DoctrineError as e:
        assert e.diagnostics
        for d in e.diagnostics:
            assert d.span.start.line >= 1 and d.span.start.column >= 1, d
        f = None
    if f is not None:
        _nothing_lost(text, f)
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "hostile.case"
        path.write_text(text, encoding="utf-8", errors="surrogatepass")
        code, err = _cli("check", str(path))
        assert code == (0 if f is not None else 2), err
        assert "Traceback" not in err and "internal error" not in err
        if f is not None:
            code, err = _cli("run", str(path), "--format", "json", "--workers", "1")
            assert code in (0, 1, 2), err
            assert "Traceback" not in err and "internal error" not in err
