"""The case AST: frozen dataclasses with a span on every node, and a printer.

A case file is a sequence of cases; a case is a sequence of statements; a statement is a
key, its values, and child statements (written inline after commas or on indented lines).
The parser builds these; `print_case_file` writes canonical text, so that
`parse(print_case_file(f)) == f` (spans are kept but not compared).

The case text
    case billings
      allegation unconstitutional_motive, support remark
becomes
    Case("billings", (Statement("allegation", (Value(NAME, "unconstitutional_motive"),),
         (Statement("support", (Value(NAME, "remark"),)),)),))
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from enum import Enum

from doctrine.language.source import Span, span_field


class ValueKind(Enum):
    NAME = "name"  # a word: yes, sole_discretion, seventh_circuit
    STRING = "string"  # "free text"
    NUMBER = "number"  # 120
    DATE = "date"  # 2008-10-24
    SECTION = "section"  # § 3553(e), § 5K1.1, Rule 35(b)


@dataclass(frozen=True, slots=True)
class Value:
    kind: ValueKind
    text: str  # a STRING's text is its decoded content, without quotes
    span: Span = span_field()


@dataclass(frozen=True, slots=True)
class Statement:
    key: str
    values: tuple[Value, ...] = ()
    children: tuple[Statement, ...] = ()
    span: Span = span_field()
    key_span: Span = span_field()

    def first(self) -> Value | None:
        return self.values[0] if self.values else None


@dataclass(frozen=True, slots=True)
class Case:
    id: str
    statements: tuple[Statement, ...] = ()
    span: Span = span_field()

    def get(self, key: str) -> tuple[Statement, ...]:
        return tuple(s for s in self.statements if s.key == key)


@dataclass(frozen=True)
class CaseFile:
    cases: tuple[Case, ...]
    source: str = ""  # the file name (not compared)

    def __eq__(self, other: object) -> bool:
        return isinstance(other, CaseFile) and self.cases == other.cases

    def __hash__(self) -> int:
        return hash(self.cases)


# ---------------------------------------------------------------------------------------------
# Printer

_BARE = re.compile(r"^[A-Za-z_][A-Za-z0-9_]*$")


# Characters a string holds as escapes: quote, backslash, newline and tab by name, every other
# control character and line separator as \uXXXX (a case file never holds one raw).
_STRING_ESCAPES = re.compile(r'[\\"\x00-\x1f\x7f-\x9f\u2028\u2029]')
_NAMED = {"\\": "\\\\", '"': '\\"', "\n": "\\n", "\t": "\\t"}


def print_value(v: Value) -> str:
    if v.kind is ValueKind.STRING:
        escaped = _STRING_ESCAPES.sub(lambda m: _NAMED.get(m.group(), f"\\u{ord(m.group()):04x}"), v.text)
        return f'"{escaped}"'
    return v.text


def _print_statement(s: Statement, indent: int, out: list[str]) -> None:
    parts = [s.key, *(print_value(v) for v in s.values)]
    out.append("  " * indent + " ".join(parts))
    for c in s.children:
        _print_statement(c, indent + 1, out)


def print_case(case: Case) -> str:
    out = [f"case {case.id}"]
    for s in case.statements:
        _print_statement(s, 1, out)
    out.append("end")
    return "\n".join(out) + "\n"


def print_case_file(f: CaseFile) -> str:
    """Canonical text: one statement a line, children indented two spaces."""
    return "\n".join(print_case(c) for c in f.cases)
