"""Every fact this process has compiled, numbered in the order it was first met.

A case's facts are kept by number (`Program.numbers`, the compiler's table, an `Origin`): a
small int hashes as itself and indexes a list, where a Symbol's interned handle (a pointer)
is hashed again at every look-up, and a Symbol's own hash is a foreign call. Numbers are
this process's own: they are never pickled (a Program or an Origin crosses between processes
without them).

    number_of(court(seventh_circuit), "court(seventh_circuit)")  ->  17
    SYMBOLS[17], TEXTS[17]  ->  court(seventh_circuit), "court(seventh_circuit)"
"""

from __future__ import annotations

from clingo import Symbol

SYMBOLS: list[Symbol] = []  # each numbered fact, by number
TEXTS: list[str] = []  # its text, as clingo prints it
BY_TEXT: dict[str, int] = {}  # the number of each numbered fact, by its text
BY_HANDLE: dict[int, int] = {}  # and by its Symbol's interned handle (equal Symbols share one)


def number_of(sym: Symbol, text: str) -> int:
    """The number of fact `sym`, whose text is `text` (numbered now if not met before)."""
    found = BY_HANDLE.get(sym._rep)
    if found is None:
        found = BY_HANDLE[sym._rep] = BY_TEXT[text] = len(SYMBOLS)
        SYMBOLS.append(sym)
        TEXTS.append(text)
    return found
