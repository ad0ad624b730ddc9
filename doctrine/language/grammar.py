"""The grammar in lark: grammar/case.lark -> one LALR parser (made once per process, its tables read
from doctrine's cache when they are there: grammar_cache.py), the indenter that turns
indentation into blocks, and the limits that bound a parse.

The lines
    case billings
      remark family_circumstances
become the tokens
    CASE NAME _NL _INDENT NAME NAME _NL _DEDENT
"""

from __future__ import annotations

import threading
from collections.abc import Iterator
from functools import lru_cache
from typing import Any, ClassVar

from lark import Lark, Token, Transformer
from lark.indenter import Indenter

from doctrine.language.grammar_cache import load_parser
from doctrine.resources import grammar_path

MAX_BYTES = 5 * 1024 * 1024  # a case file is a page of facts; anything bigger is a mistake
MAX_LINES = 100_000
MAX_TOKENS = 500_000  # words, strings and symbols: bounds the parse at a few seconds
MAX_DEPTH = 8  # nesting levels (the vocabulary needs three)


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


@lru_cache(maxsize=1)
def _parser() -> tuple[Lark, CaseIndenter]:
    grammar = grammar_path().read_text(encoding="utf-8")
    indenter = CaseIndenter()
    options: dict[str, Any] = {
        "parser": "lalr",
        "lexer": "contextual",
        "postlex": indenter,
        "transformer": _Shape(),
        "propagate_positions": True,  # for any Tree lark builds; the AST's spans come from tokens
        "maybe_placeholders": False,
        # Not lark's cache (a pickle: a planted file would run code when read) but doctrine's,
        # JSON: building the LALR tables takes about 20 ms, reading them about 1 ms.
        "cache": False,
    }
    parser = load_parser(grammar, options, lambda: Lark(grammar, **options))
    return parser, indenter
