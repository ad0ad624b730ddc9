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
import threading
from collections.abc import Iterable, Iterator
from functools import lru_cache
from hashlib import sha256
from pathlib import Path
from typing import Any, ClassVar, cast

from lark import Lark, Token, Transformer
from lark.exceptions import UnexpectedCharacters, UnexpectedEOF, UnexpectedInput, UnexpectedToken
from lark.indenter import Indenter

from doctrine.language.diagnostics import Diagnostic, DoctrineError
from doctrine.language.source import Position, Source, Span
from doctrine.language.syntax import Case, CaseFile, Statement, Value, ValueKind
from doctrine.resources import grammar_path

MAX_BYTES = 5 * 1024 * 1024  # a case file is a page of facts; anything bigger is a mistake
MAX_LINES = 100_000
MAX_TOKENS = 500_000  # words, strings and symbols: bounds the parse at a few seconds
MAX_DEPTH = 8  # nesting levels (the vocabulary needs three)

_CASE_LINE = re.compile(r"^case\b", re.MULTILINE)
_INDENTED_END = re.compile(r"^[ \t]+end[ \t]*(#.*)?$", re.MULTILINE)
_ESCAPES = {'"': '"', "\\": "\\", "n": "\n", "t": "\t"}
_KINDS = {kind.name: kind for kind in ValueKind}


# ---------------------------------------------------------------------------------------------
# The parser


class CaseIndenter(Indenter):
    """lark's Indenter, reporting bad indentation as problems instead of raising.

    An inconsistent dedent is reported and the line is kept at the enclosing level it
    overshoots, and a tab is reported and counted as one column, so parsing goes on and the
    rest of the case is still checked. `problems` holds (code, message, line, column) for
    the last parse and `count` its tokens, which may not exceed `budget`; the parser is
    shared, so parses are serialised by `_LOCK`.
    """

    NL_type = "_NL"
    OPEN_PAREN_types: ClassVar[list[str]] = []  # no brackets: every new line counts
    CLOSE_PAREN_types: ClassVar[list[str]] = []
    INDENT_type = "_INDENT"
    DEDENT_type = "_DEDENT"
    tab_len = 1

    problems: list[tuple[str, str, int, int]]
    count = 0
    budget = MAX_TOKENS

    def process(self, stream: Iterator[Token]) -> Iterator[Token]:
        self.problems, self.count = [], 0
        return super().process(self._counted(stream))

    def _counted(self, stream: Iterator[Token]) -> Iterator[Token]:
        for token in stream:
            self.count += 1
            if self.count > self.budget:
                raise _TooManyTokens
            yield token

    def handle_NL(self, token: Token) -> Iterator[Token]:
        yield token
        indent_str = token.rsplit("\n", 1)[1]
        line, levels = token.end_line or 1, self.indent_level
        if "\t" in indent_str:
            self._problem("a tab in the indentation: indent with spaces", line, indent_str.index("\t") + 1)
        indent = len(indent_str)
        if indent > levels[-1]:
            if len(levels) > MAX_DEPTH:
                self._problem(f"nested more than {MAX_DEPTH} levels deep", line, indent + 1)
                return
            levels.append(indent)
            yield Token.new_borrow_pos(self.INDENT_type, indent_str, token)
            return
        while indent < levels[-1]:
            if indent > levels[-2]:
                self._problem(
                    f"this line is indented {indent} spaces, which lines up with no enclosing "
                    f"line (indented {levels[-2]} or {levels[-1]})",
                    line,
                    indent + 1,
                )
                return
            levels.pop()
            yield Token.new_borrow_pos(self.DEDENT_type, indent_str, token)

    def _problem(self, message: str, line: int, column: int) -> None:
        self.problems.append(("bad-indentation", message, line, column))


class _TooManyTokens(Exception):
    pass


class _Shape(Transformer):  # type: ignore[type-arg]
    """Regroups children as lark reduces, so no parse tree is built (big files parse in about
    half the time). Spans are read from the tokens. These only regroup and cannot fail."""

    def segment(self, children: list[Token]) -> tuple[Token, ...]:
        return tuple(children)  # (key, *values)

    def block(self, children: list[object]) -> list[object]:
        return children  # [statement, ...]

    def statement(self, children: list[object]) -> list[object]:
        return children  # [segment, *inline segments, block?]

    def case(self, children: list[object]) -> list[object]:
        return children  # [CASE, NAME, statement, ...]

    def start(self, children: list[object]) -> list[object]:
        return children  # [case, ...]


_LOCK = threading.Lock()


def _cache_file(grammar: str) -> str | bool:
    """A grammar cache in the user's cache directory, or False where it cannot be written."""
    try:
        root = Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache") / "doctrine"
        root.mkdir(parents=True, exist_ok=True)
        if not os.access(root, os.W_OK):
            return False
    except (OSError, RuntimeError):  # no home directory, read-only file system ...
        return False
    digest = sha256(grammar.encode()).hexdigest()[:16]
    return str(root / f"case-grammar-{digest}.lark-cache")


@lru_cache(maxsize=1)
def _parser() -> tuple[Lark, CaseIndenter]:
    grammar = grammar_path().read_text(encoding="utf-8")
    indenter = CaseIndenter()
    parser = Lark(
        grammar,
        parser="lalr",
        lexer="contextual",
        postlex=indenter,
        transformer=_Shape(),
        propagate_positions=True,  # for any Tree lark builds; the AST's spans come from tokens
        maybe_placeholders=False,
        cache=_cache_file(grammar),
    )
    return parser, indenter


# ---------------------------------------------------------------------------------------------
# Loading


def load_source(path: str | os.PathLike[str]) -> Source:
    """Read a case file as UTF-8.

    Raises
    ------
    DoctrineError
        `cannot-read`, `file-too-large` (over 5 MB) or `not-utf8` (at the first bad byte).
    """
    name = str(path)
    start = Span.at(name, 1, 1)
    try:
        size = os.stat(path).st_size
        if size > MAX_BYTES:
            raise DoctrineError([_too_large(name, f"is {size:,} bytes")])
        data = Path(path).read_bytes()
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


def _outside_cases(text: str, name: str) -> list[Diagnostic]:
    """The text before the first case may hold only blank lines and comments."""
    for number, line in enumerate(text.split("\n"), 1):
        stripped = line.strip()
        if stripped and not stripped.startswith("#"):
            column = len(line) - len(line.lstrip()) + 1
            word = stripped.split()[0]
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
                if esc not in _ESCAPES:
                    at = Span.at(self.name, span.start.line, span.start.column + 1 + i, 2)
                    self.diagnostics.append(
                        Diagnostic(
                            "bad-escape",
                            f"unknown escape `\\{esc}` in a string",
                            at,
                            expected='\\" \\\\ \\n \\t',
                            hint="write a backslash as \\\\",
                        )
                    )
                out.append(_ESCAPES.get(esc, esc))
                i += 2
            else:
                out.append(ch)
                i += 1
        return "".join(out)


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
