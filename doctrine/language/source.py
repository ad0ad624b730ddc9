"""Source text and positions: offsets in, line/column out; reading a file, bounded.

A `Span` is carried by every syntax node from the parser to the explanation, so that an
error and a leaf of a derivation both point at the same `file:line:col`.
"""

from __future__ import annotations

import bisect
import os
import stat
from dataclasses import dataclass, field
from functools import cached_property


@dataclass(frozen=True)
class Source:
    """A case file's text and the name it is reported under."""

    name: str
    text: str

    @cached_property
    def _line_starts(self) -> tuple[int, ...]:
        starts = [0]
        starts.extend(i + 1 for i, ch in enumerate(self.text) if ch == "\n")
        return tuple(starts)

    def position(self, offset: int) -> Position:
        """The 1-based line and column of a character offset."""
        offset = max(0, min(offset, len(self.text)))
        line = bisect.bisect_right(self._line_starts, offset)
        return Position(line, offset - self._line_starts[line - 1] + 1)

    def line_text(self, line: int) -> str:
        """The text of a 1-based line, without its newline."""
        starts = self._line_starts
        if not 1 <= line <= len(starts):
            return ""
        end = starts[line] - 1 if line < len(starts) else len(self.text)
        return self.text[starts[line - 1] : end].rstrip("\r")


@dataclass(frozen=True, order=True, slots=True)
class Position:
    line: int
    column: int


@dataclass(frozen=True, slots=True)
class Span:
    """A region of a source file: 1-based lines and columns, end exclusive."""

    source: str
    start: Position
    end: Position

    @property
    def line(self) -> int:
        return self.start.line

    def __str__(self) -> str:
        return f"{self.source}:{self.start.line}:{self.start.column}"

    @staticmethod
    def at(source: str, line: int, column: int, length: int = 1) -> Span:
        return Span(source, Position(line, column), Position(line, column + length))


NOWHERE = Span("<none>", Position(0, 0), Position(0, 0))


def span_field() -> Span:
    """A dataclass field for spans: kept, but not compared (a printed and re-parsed case is equal)."""
    return field(default=NOWHERE, compare=False, repr=False, hash=False)


class NotRegular(OSError):
    """A path that names a directory, FIFO, socket or device where a file is wanted."""


def read_regular_file(path: str | os.PathLike[str], limit: int) -> bytes:
    """The bytes of a regular file, reading at most `limit` + 1 of them.

    The file is opened without blocking (a FIFO would wait for a writer) and checked with
    `fstat` on the open descriptor, so nothing can be swapped in between the check and the read.
    """
    fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_NOCTTY", 0))
    try:
        mode = os.fstat(fd).st_mode
        if not stat.S_ISREG(mode):
            kind = "a directory" if stat.S_ISDIR(mode) else "a FIFO" if stat.S_ISFIFO(mode) else \
                "a device" if stat.S_ISCHR(mode) or stat.S_ISBLK(mode) else "a socket or other special file"
            raise NotRegular(kind)
        chunks, size = [], 0
        while size <= limit and (chunk := os.read(fd, min(1 << 20, limit + 1 - size))):
            chunks.append(chunk)
            size += len(chunk)
        return b"".join(chunks)
    finally:
        os.close(fd)
