"""Where a case's facts came from, kept as they are made and looked up only when asked.

A batch decides thousands of cases and reads the spans of few of them (an explanation's
leaves), so the tables by fact are made on first look-up:

    Origin([(court(seventh_circuit), <span 3:3>), ...])["court(seventh_circuit)" as a Symbol]
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
    """Each stated fact's span, by the fact; read-only. Kept as (fact, span) pairs, and by the
    Symbol's interned handle (equal Symbols share it) only when a fact is first looked up:
    hashing a Symbol is a foreign call, a case states about sixty, and a batch reads them in
    order (`pairs`) without looking any up."""

    __slots__ = ("_by_rep", "_pairs")

    def __init__(self, pairs: list[tuple[Symbol, Span]]) -> None:
        self._pairs = pairs
        self._by_rep: dict[int, tuple[Symbol, Span]] | None = None

    def _table(self) -> dict[int, tuple[Symbol, Span]]:
        if self._by_rep is None:
            self._by_rep = {f._rep: (f, s) for f, s in self._pairs}
        return self._by_rep

    def __getitem__(self, key: Symbol) -> Span:
        found = self._table().get(getattr(key, "_rep", None))  # type: ignore[arg-type]  # None finds nothing
        if found is None:
            raise KeyError(key)
        return found[1]

    def __iter__(self) -> Iterator[Symbol]:
        return (sym for sym, _ in self._table().values())

    def __len__(self) -> int:
        return len(self._table())

    def pairs(self) -> Iterable[tuple[Symbol, Span]]:
        """(fact, span) for each stated fact, without looking any up (each fact once)."""
        return self._pairs

    def __repr__(self) -> str:
        return f"Origin({dict(self.pairs())!r})"


_REP, _FACT, _SPAN = attrgetter("_rep"), itemgetter(0), itemgetter(1)


class TextOrigin(Mapping[str, Span]):
    """An `Origin` by each fact's text (what an `Outcome` carries), made on first look-up;
    equal to, and pickled as, the plain dict."""

    __slots__ = ("_pairs", "_table", "_text")

    def __init__(self, pairs: Iterable[tuple[Symbol, Span]], text: Callable[[Symbol], str], known: Mapping[int, str]) -> None:
        """`text` gives a fact's text; `known` is its table by handle, read first (no call)."""
        self._pairs, self._text = pairs, (text, known)
        self._table: dict[str, Span] | None = None

    def table(self) -> dict[str, Span]:
        if self._table is None:
            text, known = self._text
            pairs = self._pairs
            try:  # every text known (the usual case): the table is made in C
                self._table = dict(zip(map(known.__getitem__, map(_REP, map(_FACT, pairs))), map(_SPAN, pairs)))
            except KeyError:
                self._table = {text(k): v for k, v in pairs}
            self._pairs = ()
        return self._table

    def __getitem__(self, key: str) -> Span:
        return self.table()[key]

    def get(self, key: str, default: Any = None) -> Any:
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
