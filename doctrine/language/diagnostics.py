"""Diagnostics: every problem found in a case file, with a stable code and a source span.

Errors are collected, not thrown one at a time; `DoctrineError` carries all of a file's
diagnostics to the CLI, which renders them as code frames and exits 2.
"""

from __future__ import annotations

import difflib
from collections.abc import Iterable
from dataclasses import dataclass
from enum import Enum

from doctrine.language.source import Source, Span


class Severity(Enum):
    ERROR = "error"
    WARNING = "warning"


@dataclass(frozen=True)
class Diagnostic:
    """One problem: a stable kebab-case `code`, a message, where, and hints."""

    code: str
    message: str
    span: Span
    expected: str = ""
    hint: str = ""
    severity: Severity = Severity.ERROR

    def to_json(self) -> dict[str, object]:
        return {
            "code": self.code,
            "message": self.message,
            "file": self.span.source,
            "line": self.span.start.line,
            "column": self.span.start.column,
            "expected": self.expected,
            "hint": self.hint,
            "severity": self.severity.value,
        }


class DoctrineError(Exception):
    """Raised with every diagnostic of a source that cannot be used."""

    def __init__(self, diagnostics: Iterable[Diagnostic], sources: Iterable[Source] = ()) -> None:
        self.diagnostics = tuple(diagnostics)
        self.sources = {s.name: s for s in sources}
        super().__init__("\n".join(f"{d.span}: {d.code}: {d.message}" for d in self.diagnostics))


def did_you_mean(word: str, choices: Iterable[str]) -> str:
    """A suggestion for a misspelt word, or the empty string."""
    close = difflib.get_close_matches(word, list(choices), n=1, cutoff=0.6)
    return f"did you mean `{close[0]}`?" if close else ""


def code_frame(diagnostic: Diagnostic, source: Source | None) -> str:
    """`file:line:col: error[code]: message`, the line, a caret, expected and hint."""
    d = diagnostic
    head = f"{d.span}: {d.severity.value}[{d.code}]: {d.message}"
    lines = [head]
    if source is not None and d.span.start.line >= 1:
        text = source.line_text(d.span.start.line)
        if len(text) > 200:
            text = text[:200] + " ..."
        num = str(d.span.start.line)
        lines.append(f" {num} | {text}")
        width = 1
        if d.span.end.line == d.span.start.line:
            width = max(1, min(d.span.end.column - d.span.start.column, 200))
        caret = " " * (d.span.start.column - 1) + "^" * width
        lines.append(f" {' ' * len(num)} | {caret}")
    if d.expected:
        lines.append(f"  = expected: {d.expected}")
    if d.hint:
        lines.append(f"  = hint: {d.hint}")
    return "\n".join(lines)
