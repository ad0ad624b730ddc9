"""Where a case's facts came from, kept as they are made and looked up only when asked.

A batch decides thousands of cases and reads the spans of few of them (an explanation's
leaves), so the tables by fact are made on first look-up:

    Origin({handle of court(seventh_circuit): (court(seventh_circuit), <span 3:3>), ...})[court(seventh_circuit)]
    TextOrigin(origin, text_of)["court(seventh_circuit)"]
both give the span of line 3.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Mapping
from operator import attrgetter, itemgetter
from typing import Any

from clingo import Symbol

from doctrine.language.source import Span


class Origin(Mapping[Symbol, Span]):
    """Each stated fact's span, by the fact; read-only. Made from the compiler's own table of a
    case's facts, by each Symbol's interned handle (equal Symbols share it), with its span, or
    None for a fact the record's silence gave (a default, which this mapping leaves out):
    hashing a Symbol is a foreign call, a case states about sixty, and a batch reads them in
    order (`pairs`) without looking any up, or looks up the few an explanation shows by handle
    (`span_of`), and no other table is made for either."""

    __slots__ = ("_facts", "_pairs")

    def __init__(self, facts: Mapping[int, tuple[Symbol, Span | None]]) -> None:
        self._facts = facts
        self._pairs: list[tuple[Symbol, Span]] | None = None

    def span_of(self, rep: int) -> Span | None:
        """The span of the fact with interned handle `rep` (None: not stated)."""
        found = self._facts.get(rep)
        return None if found is None else found[1]

    def __getitem__(self, key: Symbol) -> Span:
        found = self._facts.get(getattr(key, "_rep", None))  # type: ignore[arg-type]  # None finds nothing
        if found is None or found[1] is None:
            raise KeyError(key)
        return found[1]

    def __iter__(self) -> Iterator[Symbol]:
        return (sym for sym, _ in self.pairs())

    def __len__(self) -> int:
        return len(self.pairs())

    def pairs(self) -> list[tuple[Symbol, Span]]:
        """(fact, span) for each stated fact, in the order the compiler met them (each fact once)."""
        if self._pairs is None:
            self._pairs = [v for v in self._facts.values() if v[1] is not None]  # type: ignore[misc]  # spans, not None
        return self._pairs

    def __repr__(self) -> str:
        return f"Origin({dict(self.pairs())!r})"


_REP, _FACT, _SPAN = attrgetter("_rep"), itemgetter(0), itemgetter(1)


class TextOrigin(Mapping[str, Span]):
    """An `Origin` by each fact's text (what an `Outcome` carries), made on first look-up;
    equal to, and pickled as, the plain dict. Made from an `Origin` and the handles by text,
    `get` looks a fact up by its handle in the Origin's table (made in C), and no table by
    text is made (an explanation looks up about nine leaves a case)."""

    __slots__ = ("_origin", "_pairs", "_table", "_text")

    def __init__(self, pairs: Iterable[tuple[Symbol, Span]], text: Callable[[Symbol], str], known: Mapping[int, str],
                 origin: tuple[Origin, Mapping[str, int]] | None = None) -> None:
        """`text` gives a fact's text; `known` is its table by handle, read first (no call);
        `origin`, when given, is the Origin the pairs are read from and the handles by text."""
        self._pairs, self._text, self._origin = pairs, (text, known), origin
        self._table: dict[str, Span] | None = None

    def table(self) -> dict[str, Span]:
        if self._table is None:
            text, known = self._text
            pairs = self._origin[0].pairs() if self._origin is not None else self._pairs
            try:  # every text known (the usual case): the table is made in C
                self._table = dict(zip(map(known.__getitem__, map(_REP, map(_FACT, pairs))), map(_SPAN, pairs)))
            except KeyError:
                self._table = {text(k): v for k, v in pairs}
            self._pairs, self._origin = (), None
        return self._table

    def __getitem__(self, key: str) -> Span:
        return self.table()[key]

    def get(self, key: str, default: Any = None) -> Any:
        if self._origin is not None:
            origin, reps = self._origin
            rep = reps.get(key)
            if rep is not None:  # a fact's text (a text not known is looked up in the table)
                span = origin.span_of(rep)
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
