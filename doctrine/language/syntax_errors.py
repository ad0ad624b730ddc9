"""Syntax errors in plain words: lark's UnexpectedInput -> a Diagnostic with a stable code, the
line and column, what was found and what the grammar expected there.

    case billings
      remark family_circumstances,
becomes
    Diagnostic("syntax-error", "expected a word after `,`, found the end of the line", span)
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from lark import Token
from lark.exceptions import UnexpectedCharacters, UnexpectedEOF, UnexpectedInput, UnexpectedToken

from doctrine.language.diagnostics import Diagnostic
from doctrine.language.source import Span

# ---------------------------------------------------------------------------------------------
# Syntax errors in plain words

_VALUE_TOKENS = ("NAME", "STRING", "NUMBER", "DATE", "SECTION")
_WORDS = {
    "NAME": "a name",
    "STRING": "a string",
    "NUMBER": "a number",
    "DATE": "a date",
    "SECTION": "a section such as § 3553(e)",
    "COMMA": "a comma",
    "_NL": "a new line",
    "_INDENT": "an indented line",
    "_DEDENT": "a line indented less",
    "CASE": "`case`",
    "_END": "`end`",
    "$END": "the end of the file",
}

_INDENTED_END = re.compile(r"^[ \t]+end[ \t]*(#.*)?$", re.MULTILINE)


def or_list(items: Iterable[str]) -> str:
    """The alternatives a message offers: ['a', 'b', 'c'] -> 'a, b, or c'."""
    items = list(items)
    return " or ".join(items) if len(items) <= 2 else ", ".join(items[:-1]) + ", or " + items[-1]


def _expected_words(names: set[str]) -> str:
    """{'NAME', 'STRING', ..., 'COMMA', '_NL'} -> 'a value, a comma, or a new line'."""
    words: list[str] = []
    if set(_VALUE_TOKENS) <= names:
        words.append("a value")
        names = names - set(_VALUE_TOKENS)
    return or_list([*words, *(_WORDS[n] for n in _WORDS if n in names)])


def _describe(token: Token) -> str:
    """A token as a message names it: `word`, string "x", comma, new line."""
    if token.type in ("NAME", "CASE", "_END"):
        return f"`{token}`"
    if token.type in _VALUE_TOKENS:
        return f"{_WORDS[token.type].split(' ', 1)[1]} `{token}`"
    word = _WORDS.get(token.type)
    return word.split(" ", 1)[1] if word else repr(str(token))


def _syntax_diagnostic(error: UnexpectedInput, chunk: str, offset: int, name: str) -> Diagnostic:
    """lark's error -> a Diagnostic with a stable code, a plain message and what was expected."""
    case_line = Span.at(name, offset + 1, 1, chunk.find("\n"))
    if isinstance(error, UnexpectedCharacters):
        line, column, start = error.line + offset, error.column, error.pos_in_stream or 0
        char = chunk[start]
        if char == '"':
            span = Span.at(name, line, column, len(chunk[start : chunk.find("\n", start)].rstrip("\r")))
            return Diagnostic(
                "unterminated-string",
                "this string has no closing quote",
                span,
                hint='a string ends on the line it starts; write a quote inside it as \\"',
            )
        shown = char if char.isprintable() else repr(char)
        return Diagnostic(
            "bad-character",
            f"unexpected character `{shown}`",
            Span.at(name, line, column),
            expected=_expected_words(set(error.allowed or ())),
        )
    token = getattr(error, "token", None)
    expected = set(getattr(error, "expected", ()) or ())
    if isinstance(error, UnexpectedEOF) or token is None or token.type == "$END":
        indented = _INDENTED_END.search(chunk)
        hint = "`end` must start at column 1" if indented else "close the case with `end` at column 1"
        return Diagnostic("missing-end", f"case `{_case_name(chunk)}` has no `end`", case_line, hint=hint)
    assert isinstance(error, UnexpectedToken)
    line, column = token.line + offset, token.column
    if token.type in ("_INDENT", "_DEDENT"):  # point at the line's first word, not the line break
        line, column = token.end_line + offset, token.end_column
    span = Span.at(
        name, line, column, max(1, len(token) if token.type not in ("_NL", "_INDENT", "_DEDENT") else 1)
    )
    if "CASE" in expected:
        return Diagnostic(
            "statement-outside-case",
            "this line comes after the case's `end`",
            span,
            expected=_expected_words(expected),
            hint="move it before `end`, indented",
        )
    if "_END" in expected and column == 1 and token.type != "_NL":
        return Diagnostic(
            "bad-indentation",
            f"{_describe(token)} at column 1 inside a case",
            span,
            expected="an indented statement or `end`",
            hint="indent the statements of a case",
        )
    return Diagnostic(
        "syntax-error", f"unexpected {_describe(token)}", span, expected=_expected_words(expected)
    )


def _case_name(chunk: str) -> str:
    words = chunk[: chunk.find("\n")].split()
    return words[1] if len(words) > 1 else ""
