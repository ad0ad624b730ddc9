"""Case text -> `CaseFile`: lark's LALR parser, positions propagated, lark errors -> Diagnostics.

The case text
    case billings
      remark family_circumstances, by new_prosecutor
becomes
    Case("billings", (Statement("remark", (Value(NAME, "family_circumstances"),),
         (Statement("by", (Value(NAME, "new_prosecutor"),)),)),))

Every node carries its `Span`. A file is split into cases at the lines that start with
`case`, and each case is parsed on its own, so one bad case does not hide the errors of the
others: `parse_source` raises one `DoctrineError` carrying every syntax diagnostic of the file.
"""

from __future__ import annotations

import os
import re
from typing import Any, cast

from lark import Token
from lark.exceptions import UnexpectedInput

from doctrine.language.diagnostics import Diagnostic, DoctrineError, visible
from doctrine.language.grammar import (
    _LOCK,
    MAX_BYTES as MAX_BYTES,
    MAX_DEPTH as MAX_DEPTH,
    MAX_LINES as MAX_LINES,
    MAX_TOKENS as MAX_TOKENS,
    _parser,
    _TooManyTokens,
)
from doctrine.language.source import (
    NotRegular as NotRegular,
    Position,
    Source,
    Span,
    read_regular_file as read_regular_file,
)
from doctrine.language.syntax import Case, CaseFile, Statement, Value, ValueKind
from doctrine.language.syntax_errors import _syntax_diagnostic

_CASE_LINE = re.compile(r"^case\b", re.MULTILINE)
# Characters an editor or a terminal may show as a line break but the parser does not: a carriage
# return not followed by a newline, vertical tab, form feed, U+001C-U+001E, NEL and the Unicode
# line and paragraph separators (every line boundary of `str.splitlines` but LF and CR LF). In a
# comment one would hide the rest of the line from the parser while showing it to the reader, so
# each is an error wherever it appears (code, comments and strings alike).
_LINE_BREAKS = re.compile("\r(?!\n)|[\x0b\x0c\x1c-\x1e\x85\u2028\u2029]")
_BREAK_NAMES = {
    "\r": "a carriage return (U+000D) not followed by a newline",
    "\x0b": "a vertical tab (U+000B)",
    "\x0c": "a form feed (U+000C)",
    "\x1c": "a file separator (U+001C)",
    "\x1d": "a group separator (U+001D)",
    "\x1e": "a record separator (U+001E)",
    "\x85": "a next-line character (U+0085)",
    "\u2028": "a line separator (U+2028)",
    "\u2029": "a paragraph separator (U+2029)",
}
MAX_REPORTED = 50  # problems of one kind reported per file before the rest are counted
_ESCAPES = {'"': '"', "\\": "\\", "n": "\n", "t": "\t"}
_KINDS = {kind.name: kind for kind in ValueKind}


# ---------------------------------------------------------------------------------------------
# Loading


def load_source(path: str | os.PathLike[str]) -> Source:
    """Read a case file as UTF-8.

    Raises
    ------
    DoctrineError
        `cannot-read`, `file-too-large` (over 5 MB) or `not-utf8` (at the first bad byte).
    """
    # The name a file is reported under: its path with control characters escaped, so that a
    # file name never moves a terminal's cursor or breaks a report (the file is read by `path`).
    name = visible(str(path), 4096)
    start = Span.at(name, 1, 1)
    try:
        data = read_regular_file(path, MAX_BYTES)
    except NotRegular as e:
        raise DoctrineError([Diagnostic("not-a-file", f"{name} is {e}, not a regular file", start,
                                        hint="name a case file or a directory of them")]) from None
    except OSError as e:
        raise DoctrineError(
            [Diagnostic("cannot-read", f"cannot read {name}: {e.strerror or e}", start)]
        ) from None
    if len(data) > MAX_BYTES:
        raise DoctrineError([_too_large(name, f"is {len(data):,} bytes")])
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as e:
        line_start = data.rfind(b"\n", 0, e.start) + 1
        line = data.count(b"\n", 0, e.start) + 1
        column = len(data[line_start : e.start].decode("utf-8", errors="replace")) + 1
        span = Span.at(name, line, column)
        raise DoctrineError(
            [
                Diagnostic(
                    "not-utf8",
                    f"byte 0x{data[e.start]:02x} is not UTF-8",
                    span,
                    hint="save the file as UTF-8",
                )
            ]
        ) from None
    return Source(name, text)


def _too_large(name: str, why: str) -> Diagnostic:
    limits = f"{MAX_BYTES:,} bytes, {MAX_LINES:,} lines and {MAX_TOKENS:,} words and symbols"
    return Diagnostic(
        "file-too-large", f"{name} {why}", Span.at(name, 1, 1), hint=f"a case file may have at most {limits}"
    )


# ---------------------------------------------------------------------------------------------
# Parsing


def parse_source(source: Source) -> CaseFile:
    """Parse a case file into its AST.

    Raises
    ------
    DoctrineError
        With every syntax diagnostic of the file: each case is parsed on its own.
    """
    name, text = source.name, source.text
    if len(text) > MAX_BYTES:
        raise DoctrineError([_too_large(name, f"has {len(text):,} characters")], [source])
    lines = text.count("\n")
    if lines > MAX_LINES:
        raise DoctrineError([_too_large(name, f"has {lines:,} lines")], [source])
    breaks = _line_breaks(source)
    if breaks:
        raise DoctrineError(breaks, [source])
    if not text.endswith("\n"):
        text += "\n"
    starts = [m.start() for m in _CASE_LINE.finditer(text)]
    diagnostics = _outside_cases(text[: starts[0]] if starts else text, name)
    if not starts and not diagnostics:
        diagnostics.append(
            Diagnostic(
                "empty-file",
                "the file holds no case",
                Span.at(name, 1, 1),
                hint="a case file holds cases: `case ID`, indented statements, `end`",
            )
        )
    cases: list[Case] = []
    line = text.count("\n", 0, starts[0]) if starts else 0
    budget = MAX_TOKENS
    for start, stop in zip(starts, [*starts[1:], len(text)]):
        chunk = text[start:stop]
        try:
            case, problems, used = _parse_case(chunk, line, name, budget)
        except _TooManyTokens:
            raise DoctrineError(
                [_too_large(name, f"has more than {MAX_TOKENS:,} words and symbols")], [source]
            ) from None
        diagnostics.extend(problems)
        if case is not None:
            cases.append(case)
        line += chunk.count("\n")
        budget -= used
    if diagnostics:
        raise DoctrineError(diagnostics, [source])
    return CaseFile(tuple(cases), name)


def _line_breaks(source: Source) -> list[Diagnostic]:
    """Every character that could show as a line break without being one, located."""
    out: list[Diagnostic] = []
    for m in _LINE_BREAKS.finditer(source.text):
        if len(out) == MAX_REPORTED:
            break
        at = source.position(m.start())
        out.append(
            Diagnostic(
                "stray-line-break",
                f"{_BREAK_NAMES[m.group()]}: only a newline (LF or CR LF) ends a line",
                Span.at(source.name, at.line, at.column),
                hint="end the line with a newline, or remove the character",
            )
        )
    return out


def _outside_cases(text: str, name: str) -> list[Diagnostic]:
    """The text before the first case may hold only blank lines and comments."""
    for number, line in enumerate(text.split("\n"), 1):
        stripped = line.strip()
        if stripped and not stripped.startswith("#"):
            column = len(line) - len(line.lstrip()) + 1
            word = stripped.split()[0][:40]  # no more of a stray file than the error needs
            hint = (
                "`case` must start at column 1"
                if word == "case"
                else "start a case with `case ID` at column 1"
            )
            span = Span.at(name, number, column, len(word))
            return [Diagnostic("statement-outside-case", f"`{word}` is outside any case", span, hint=hint)]
    return []


def _parse_case(chunk: str, offset: int, name: str, budget: int) -> tuple[Case | None, list[Diagnostic], int]:
    """One case's text (its lines start at line `offset + 1`) -> its Case or its problems,
    and the number of tokens it used of `budget`."""
    parser, indenter = _parser()
    error: UnexpectedInput | None = None
    with _LOCK:
        indenter.budget = budget
        try:
            shape = cast(list[Any], parser.parse(chunk))  # _Shape's lists, not a Tree
        except UnexpectedInput as e:
            error = e
        problems, used = list(indenter.problems), indenter.count
    diagnostics = [
        Diagnostic(code, message, Span.at(name, line + offset, column))
        for code, message, line, column in problems
    ]
    if diagnostics:  # a parse error after bad indentation is usually its echo
        return None, diagnostics, used
    if error is not None:
        return None, [_syntax_diagnostic(error, chunk, offset, name)], used
    builder = _Builder(name, offset)
    case = builder.case(shape[0])
    return (None, builder.diagnostics, used) if builder.diagnostics else (case, [], used)


class _Builder:
    """Walks the parser's nested lists into the AST; records bad escapes instead of raising."""

    def __init__(self, name: str, offset: int) -> None:
        self.name, self.offset = name, offset
        self.diagnostics: list[Diagnostic] = []

    def span(self, first: Token, last: Token) -> Span:
        assert first.line and first.column and last.end_line and last.end_column  # lark sets them
        return Span(
            self.name,
            Position(first.line + self.offset, first.column),
            Position(last.end_line + self.offset, last.end_column),
        )

    def case(self, shape: list[Any]) -> Case:
        keyword, ident, *statements = shape
        return Case(str(ident), self.block(statements), self.span(keyword, ident))

    def block(self, shape: list[Any]) -> tuple[Statement, ...]:
        return tuple(self.statement(child) for child in shape)

    def statement(self, shape: list[Any]) -> Statement:
        head, *rest = shape
        children = [self.segment(c, ()) for c in rest if isinstance(c, tuple)]
        for c in rest:
            if isinstance(c, list):
                children.extend(self.block(c))
        return self.segment(head, tuple(children))

    def segment(self, shape: tuple[Token, ...], children: tuple[Statement, ...]) -> Statement:
        key, *values = shape
        return Statement(
            str(key),
            tuple(self.value(v) for v in values),
            children,
            self.span(key, values[-1] if values else key),
            self.span(key, key),
        )

    def value(self, token: Token) -> Value:
        span = self.span(token, token)
        kind = _KINDS[token.type]
        text = str(token)
        if kind is ValueKind.STRING:
            text = self.decode(text[1:-1], span)
        elif kind is ValueKind.SECTION:
            text = "Rule 35(b)" if text.startswith("Rule") else "§ " + text[1:].lstrip(" ")
        return Value(kind, text, span)

    def decode(self, body: str, span: Span) -> str:
        if "\\" not in body:
            return body
        out, i = [], 0
        while i < len(body):
            ch = body[i]
            if ch == "\\":
                esc = body[i + 1]
                code = body[i + 2 : i + 6]
                if esc == "u" and len(code) == 4 and all(c in "0123456789abcdefABCDEF" for c in code):
                    out.append(chr(int(code, 16)))
                    i += 6
                    continue
                if esc not in _ESCAPES:
                    at = Span.at(self.name, span.start.line, span.start.column + 1 + i, 2)
                    self.diagnostics.append(
                        Diagnostic(
                            "bad-escape",
                            f"unknown escape `\\{esc}` in a string",
                            at,
                            expected='\\" \\\\ \\n \\t \\uXXXX',
                            hint="write a backslash as \\\\",
                        )
                    )
                out.append(_ESCAPES.get(esc, esc))
                i += 2
            else:
                out.append(ch)
                i += 1
        return "".join(out)
