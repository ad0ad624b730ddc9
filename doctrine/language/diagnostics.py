"""Diagnostics: every problem found in a case file, with a stable code and a source span.

Errors are collected, not thrown one at a time; `DoctrineError` carries all of a file's
diagnostics to the CLI, which renders them as code frames and exits 2.
"""

from __future__ import annotations

import difflib
import heapq
import re
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


class DoctrineError(ValueError):
    """Raised with every diagnostic of a source that cannot be used: the one error family of the
    API and the engine. `diagnostics` holds each problem with its code and location
    (`file:line:col`), `sources` the texts they point into (for code frames)."""

    def __init__(self, diagnostics: Iterable[Diagnostic], sources: Iterable[Source] = ()) -> None:
        self.diagnostics = tuple(diagnostics)
        self.sources = {s.name: s for s in sources}
        super().__init__("\n".join(f"{d.span}: {d.code}: {d.message}" for d in self.diagnostics))


MAX_CANDIDATES = 500  # words compared with difflib per suggestion


def did_you_mean(word: str, choices: Iterable[str]) -> str:
    """A suggestion for a misspelt word, or the empty string.

    Near-linear in the number of choices: of a long list only the MAX_CANDIDATES words closest in
    length (and sharing the first letter) are compared, and a long word is not compared at all."""
    pool = list(choices)
    if len(word) > 100:
        return ""
    if len(pool) > MAX_CANDIDATES:
        pool = heapq.nsmallest(MAX_CANDIDATES, pool, key=lambda c: (c[:1] != word[:1], abs(len(c) - len(word))))
    close = difflib.get_close_matches(word, pool, n=1, cutoff=0.6)
    return f"did you mean `{close[0]}`?" if close else ""


FRAME_WIDTH = 120  # characters of a source line a code frame shows, around the column
MESSAGE_WIDTH = 400  # characters of a message, an expected list or a hint


def visible(text: str, limit: int = MESSAGE_WIDTH) -> str:
    """`text` with every control character and line separator escaped (`\\x1b`, `\\u2028`), so
    nothing from a case file can move a terminal's cursor or colour it, cut to `limit`."""
    out = _CONTROL.sub(lambda m: repr(m.group())[1:-1], text)
    return out if len(out) <= limit else out[:limit] + " ..."


def _pictured(text: str) -> str:
    """A source line for a code frame: each control character as one visible symbol (U+2400's
    control pictures, or U+FFFD), so the caret below still lines up."""
    return _CONTROL.sub(lambda m: chr(0x2400 + ord(m.group())) if m.group() < " " else "\u2421" if m.group() == "\x7f"
                        else "\ufffd", text)


_CONTROL = re.compile("[\\x00-\\x1f\\x7f-\\x9f\\u2028\\u2029\\u202a-\\u202e\\u2066-\\u2069]")


def code_frame(diagnostic: Diagnostic, source: Source | None) -> str:
    """`file:line:col: error[code]: message`, the line, a caret, expected and hint.

    Every part is bounded: the line is cut to FRAME_WIDTH characters around the column (`...`
    marks a cut), messages to MESSAGE_WIDTH, and control characters are shown, never sent."""
    d = diagnostic
    head = f"{visible(str(d.span))}: {d.severity.value}[{d.code}]: {visible(d.message)}"
    lines = [head]
    if source is not None and d.span.start.line >= 1:
        text = source.line_text(d.span.start.line)
        column = d.span.start.column - 1
        left = max(0, min(column - FRAME_WIDTH // 2, len(text) - FRAME_WIDTH)) if len(text) > FRAME_WIDTH else 0
        shown = ("... " if left else "") + _pictured(text[left : left + FRAME_WIDTH])
        shown += " ..." if left + FRAME_WIDTH < len(text) else ""
        num = str(d.span.start.line)
        lines.append(f" {num} | {shown}")
        offset = column - left + (4 if left else 0)
        width = 1
        if d.span.end.line == d.span.start.line:
            width = max(1, min(d.span.end.column - d.span.start.column, FRAME_WIDTH - (column - left)))
        caret = " " * min(offset, FRAME_WIDTH + 8) + "^" * width
        lines.append(f" {' ' * len(num)} | {caret}")
    if d.expected:
        lines.append(f"  = expected: {visible(d.expected, 2 * MESSAGE_WIDTH)}")
    if d.hint:
        lines.append(f"  = hint: {visible(d.hint)}")
    return "\n".join(lines)
