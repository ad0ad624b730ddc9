"""Every fact this process has compiled, numbered in the order it was first met, with its text;
and how a fact over constants is made (`fact_symbol`) and printed (`printed`) without clingo.

A case's facts are kept by number (`Program.numbers`, the compiler's table, an `Origin`): a
small int hashes as itself and indexes a list, where a Symbol is hashed by a foreign call.
A fact the compiler numbers is a predicate over constants, and its Symbol is made only when
something asks for it (`symbol_of`): a batch of the compiled engine reads a case's facts by
number and text alone, and never makes one. Numbers are this process's own: a Program or an
Origin crosses between processes as its facts, never its numbers.

    number("court(seventh_circuit)", ("court", ("seventh_circuit",)))  ->  17
    TEXTS[17], symbol_of(17)  ->  "court(seventh_circuit)", court(seventh_circuit)
"""

from __future__ import annotations

import re
from functools import cache

from clingo import Function, Symbol

TEXTS: list[str] = []  # each numbered fact's text, as clingo prints it, by number
BY_TEXT: dict[str, int] = {}  # the number of each numbered fact, by its text
_SYMBOLS: list[Symbol | None] = []  # its Symbol, once made (`symbol_of`)
_MADE_OF: list[tuple[str, tuple[str, ...]] | None] = []  # its predicate and constants, when numbered from them


def number(text: str, made_of: tuple[str, tuple[str, ...]] | None = None, sym: Symbol | None = None) -> int:
    """The number of the fact whose text is `text` (numbered now if not met before), given its
    predicate and constants (`made_of`) or its Symbol (`sym`): what `symbol_of` makes it from."""
    found = BY_TEXT.get(text)
    if found is None:
        if made_of is None and sym is None:
            raise ValueError(f"a fact numbered without its predicate or Symbol: {text}")
        found = BY_TEXT[text] = len(TEXTS)
        TEXTS.append(text)
        _SYMBOLS.append(sym)
        _MADE_OF.append(made_of)
    return found


def number_of(sym: Symbol) -> int:
    """The number of the fact `sym`."""
    return number(symbol_text(sym), None, sym)


def symbol_of(n: int) -> Symbol:
    """The Symbol of the fact numbered `n`, made the first time it is asked for."""
    sym = _SYMBOLS[n]
    if sym is None:
        made_of = _MADE_OF[n]
        assert made_of is not None  # `number` has one or the other
        sym = _SYMBOLS[n] = fact_symbol(*made_of)
    return sym


def number_fact(fact: tuple[str, tuple[str, ...]]) -> int:
    """The number of `predicate(args...)` over constants, its Symbol made now only when only
    clingo can print it (`printed`)."""
    text = printed(*fact)
    return number(text, fact) if text is not None else number_of(fact_symbol(*fact))


_TEXT: dict[int, str] = {}  # each Symbol's text, by its interned handle (equal Symbols share one)


def symbol_text(sym: Symbol) -> str:
    """`str(sym)`, remembered by the symbol's interned handle (facts recur case after case)."""
    text = _TEXT.get(sym._rep)
    if text is None:
        text = _TEXT[sym._rep] = str(sym)
    return text


@cache
def fact_symbol(predicate: str, args: tuple[str, ...]) -> Symbol:
    """`predicate(args...)` over constants; the fact space is finite, so each is built once
    (and each constant once: building a Symbol is a foreign call). Its text, which clingo
    prints as `predicate(a,b)` when every name is a plain identifier, is kept for
    `symbol_text` without asking clingo for it (another foreign call: a process meets some
    thousands of facts); `tests/engine` holds it to `str` over every input atom."""
    sym = Function(predicate, [constant(a) for a in args])
    text = printed(predicate, args)
    if text is not None and sym._rep not in _TEXT:
        _TEXT[sym._rep] = text
    return sym


def printed(predicate: str, args: tuple[str, ...]) -> str | None:
    """How clingo prints `predicate(args...)` over constants, when every name is a plain
    identifier (None otherwise: then only clingo can say)."""
    if not all(map(_plain, (predicate, *args))):
        return None
    return f"{predicate}({','.join(args)})" if args else predicate


_IDENTIFIER = re.compile(r"_*[a-z][A-Za-z0-9_]*")  # a name clingo prints as it is (not a string, number or variable)


@cache
def _plain(name: str) -> bool:
    """Whether clingo prints `name` as it is (`_IDENTIFIER`); names recur fact after fact."""
    return _IDENTIFIER.fullmatch(name) is not None


@cache
def constant(name: str) -> Symbol:
    """The constant `name` as a Symbol, built once."""
    return Function(name, [])
