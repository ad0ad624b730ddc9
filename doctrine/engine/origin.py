"""Where a case's facts came from, kept as they are made and looked up only when asked.

A batch decides thousands of cases and reads the spans of few of them (an explanation's
leaves), so the tables by fact are made on first look-up:

    Origin({number of court(seventh_circuit): <span 3:3>, ...})[court(seventh_circuit)]
    TextOrigin((), text_of, {}, origin)["court(seventh_circuit)"]
both give the span of line 3.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Mapping
from operator import attrgetter, itemgetter
from typing import Any

from clingo import Symbol

from doctrine.engine import numbered
from doctrine.language.source import Span


class Origin(Mapping[Symbol, Span]):
    """Each stated fact's span, by the fact; read-only. Made from the compiler's own table of a
    case's facts, by each fact's number (`doctrine.engine.numbered`), with its span, or None for
    a fact the record's silence gave (a default, which this mapping leaves out): hashing a
    Symbol is a foreign call, a case states about sixty, and a batch reads them in order
    (`pairs`) without looking any up, or looks up the few an explanation shows by number
    (`span_of`), and no other table is made for either. Pickled as the dict of its pairs (the
    numbers are this process's own)."""

    __slots__ = ("_facts", "_pairs")

    def __init__(self, facts: Mapping[int, Span | None]) -> None:
        self._facts = facts
        self._pairs: list[tuple[Symbol, Span]] | None = None

    def span_of(self, number: int | None) -> Span | None:
        """The span of the fact numbered `number` (None: not stated, or no number)."""
        return self._facts.get(number)  # type: ignore[arg-type]  # None finds nothing

    def __getitem__(self, key: Symbol) -> Span:
        number = numbered.BY_TEXT.get(numbered.symbol_text(key)) if isinstance(key, Symbol) else None
        found = self._facts.get(number)  # type: ignore[arg-type]  # None finds nothing
        if found is None:
            raise KeyError(key)
        return found

    def __iter__(self) -> Iterator[Symbol]:
        return (sym for sym, _ in self.pairs())

    def __len__(self) -> int:
        return len(self.pairs())

    def pairs(self) -> list[tuple[Symbol, Span]]:
        """(fact, span) for each stated fact, in the order the compiler met them (each fact once)."""
        if self._pairs is None:
            symbol = numbered.symbol_of
            self._pairs = [(symbol(n), span) for n, span in self._facts.items() if span is not None]
        return self._pairs

    def by_text(self) -> dict[str, Span]:
        """Each stated fact's span, by the fact's text."""
        texts = numbered.TEXTS
        return {texts[n]: span for n, span in self._facts.items() if span is not None}

    def __reduce__(self) -> tuple[Any, ...]:
        return (dict, (dict(self.pairs()),))

    def __repr__(self) -> str:
        return f"Origin({dict(self.pairs())!r})"


_REP, _FACT, _SPAN = attrgetter("_rep"), itemgetter(0), itemgetter(1)


class TextOrigin(Mapping[str, Span]):
    """An `Origin` by each fact's text (what an `Outcome` carries), made on first look-up;
    equal to, and pickled as, the plain dict. Made from an `Origin`, `get` looks a fact up by
    its number in the Origin's table, and no table by text is made (an explanation looks up
    about nine leaves a case)."""

    __slots__ = ("_origin", "_pairs", "_table", "_text")

    def __init__(self, pairs: Iterable[tuple[Symbol, Span]], text: Callable[[Symbol], str], known: Mapping[int, str],
                 origin: Origin | None = None) -> None:
        """`text` gives a fact's text; `known` is its table by handle, read first (no call);
        `origin`, when given, is the Origin the pairs are read from (and `pairs` is empty)."""
        self._pairs, self._text, self._origin = pairs, (text, known), origin
        self._table: dict[str, Span] | None = None

    def table(self) -> dict[str, Span]:
        if self._table is None:
            text, known = self._text
            if self._origin is not None:
                self._table = self._origin.by_text()
            else:
                pairs = self._pairs
                try:  # every text known (the usual case): the table is made in C
                    self._table = dict(zip(map(known.__getitem__, map(_REP, map(_FACT, pairs))), map(_SPAN, pairs)))
                except KeyError:
                    self._table = {text(k): v for k, v in pairs}
            self._pairs, self._origin = (), None
        return self._table

    def __getitem__(self, key: str) -> Span:
        return self.table()[key]

    def span_getter(self) -> Callable[[str], Span | None]:
        """`get` of a fact's text with no default, as one function: the lookup by number in the
        Origin's table (two look-ups in C) while it stands for an Origin."""
        if self._origin is None:
            return self.get
        table, number = self._origin._facts, numbered.BY_TEXT
        return lambda text: table.get(number.get(text))  # type: ignore[arg-type]  # None finds nothing

    def get(self, key: str, default: Any = None) -> Any:
        if self._origin is not None:
            number = numbered.BY_TEXT.get(key)
            if number is not None:  # a fact's text (a text not known is looked up in the table)
                span = self._origin.span_of(number)
                return default if span is None else span
        return self.table().get(key, default)

    def __iter__(self) -> Iterator[str]:
        return iter(self.table())

    def __len__(self) -> int:
        return len(self.table())

    def __eq__(self, other: object) -> bool:
        return self.table() == (other.table() if isinstance(other, TextOrigin) else other)

    __hash__ = None  # type: ignore[assignment]  # like the dict it stands for

    def __reduce__(self) -> tuple[Any, ...]:
        return (dict, (self.table(),))

    def __repr__(self) -> str:
        return repr(self.table())
