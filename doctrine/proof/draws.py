"""Scenarios from plain integer choices: the fuzz's cases, drawn fast in a batch and shrunk by hypothesis.

Every choice a scenario makes is `choose(n)`, an integer in [0, n). `RandomChoices` answers from
a seeded `random.Random` and records the answers (a batch draws a thousand scenarios in the
time hypothesis draws a few dozen); `HypothesisChoices` answers each with
`draw(integers(0, n - 1))`, so hypothesis's choice sequence for a scenario is exactly the list
the random source recorded. A scenario found in a batch is handed to hypothesis by that list
(`doctrine.proof.fuzz` stores it in an example database that hypothesis replays, then shrinks).

The cases are those of `doctrine.proof.strategies.cases` (the same `_Draw`, its draws made of
choices): every key of the vocabulary can appear, and what `doctrine.language.check` rejects is
never drawn. Half the scenarios focus on allegations with specific support, as `scenarios()`.

    draw_scenario(RandomChoices(random.Random(0)))
becomes
    Scenario(Case("k2", (Statement("court", ...), ...)), seed=40321)
"""

from __future__ import annotations

import random
import unicodedata
from collections.abc import Callable
from typing import Any, Protocol

from doctrine.language import vocabulary as V
from doctrine.language.contradictions import consistent
from doctrine.language.syntax import Case, Statement, Value, ValueKind
from doctrine.proof.context import Scenario
from doctrine.proof.strategies import _RESERVED, _Draw

SEEDS = 2**16 + 1  # a scenario's seed is in [0, 2**16], as `scenarios()` draws it
_FIRST = "abcdefghijklmnopqrstuvwxyz"
_REST = _FIRST + "0123456789_"
# The characters of a note: the ones the printer must escape first, then letters, then others;
# one in eight is any code point that is not a control character or a surrogate (as `_STRINGS`).
_CHARS = '"\\\n\t§ aZ0é中😀\u00a0\u200b\ufeff\u2028.,#'
_MONTHS = 480


class Source(Protocol):
    def choose(self, n: int) -> int: ...


class RandomChoices:
    """`choose(n)` from a seeded Random; the answers are kept in `choices`."""

    def __init__(self, rng: random.Random) -> None:
        self._random = rng.random
        self.choices: list[int] = []
        self._keep = self.choices.append

    def choose(self, n: int) -> int:
        if n <= 1:
            return 0
        c = int(self._random() * n)
        self._keep(c)
        return c


class ReplayChoices:
    """`choose(n)` answered by choices recorded before (`RandomChoices.choices`)."""

    def __init__(self, choices: list[int]) -> None:
        self._next = iter(choices).__next__

    def choose(self, n: int) -> int:
        return 0 if n <= 1 else self._next()


class HypothesisChoices:
    """`choose(n)` as a hypothesis draw of an integer in [0, n): shrinking makes it smaller."""

    def __init__(self, draw: Callable[[Any], Any]) -> None:
        self.draw = draw

    def choose(self, n: int) -> int:
        if n <= 1:
            return 0
        return int(self.draw(_integers(n)))


_INTEGERS: dict[int, Any] = {}


def _integers(n: int) -> Any:
    if n not in _INTEGERS:
        from hypothesis import strategies as st

        _INTEGERS[n] = st.integers(0, n - 1)
    return _INTEGERS[n]


class _Choices(_Draw):
    """`_Draw` with every draw made of `choose(n)`: lists end where a choice says so (as
    hypothesis's lists do, so shrinking shortens them), words are indices into their domain."""

    def __init__(self, source: Source, fixed: dict[str, Any]) -> None:
        super().__init__(None, fixed, frozenset())
        self.choose = source.choose

    def coin(self) -> bool:
        return self.choose(2) == 1

    def more(self, mean: int = 3) -> bool:
        """Whether a list goes on: yes with odds `mean - 1` to 1 (hypothesis's lists of at most
        three average 1.5; its texts of at most 16, 5), no when shrunk."""
        return self.choose(mean) > 0

    def one_of(self, words: tuple[str, ...]) -> str:
        return words[self.choose(len(words))]

    def pick(self, options: tuple[str, ...], at_least: int, at_most: int) -> list[str]:
        """Distinct options, at least `at_least` (as many as there are), at most `at_most`."""
        distinct = len(set(options))
        out: list[str] = []
        while len(out) < min(at_most, distinct) and (len(out) < at_least or self.more()):
            w = options[self.choose(len(options))]
            if w not in out:
                out.append(w)
        return out

    def some_of(self, words: tuple[str, ...], at_least: int) -> list[str]:
        return self.pick(words, at_least, 3)

    def char(self) -> str:
        if self.choose(8) > 0:
            return _CHARS[self.choose(len(_CHARS))]
        while True:
            c = chr(self.choose(0x110000))
            if unicodedata.category(c) not in ("Cc", "Cs"):
                return c

    def string(self) -> str:
        out: list[str] = []
        while len(out) < 16 and self.more(6):
            out.append(self.char())
        return "".join(out)

    def strings(self) -> list[str]:
        out: list[str] = []
        while len(out) < 2 and self.more():
            s = self.string()
            if s not in out:
                out.append(s)
        return out

    def date(self) -> tuple[Value, ...]:
        if self.coin():
            return (Value(ValueKind.NUMBER, str(1970 + self.choose(61))),)
        year, month = 1000 + self.choose(9000), 1 + self.choose(12)
        leap = year % 4 == 0 and (year % 100 != 0 or year % 400 == 0)
        days = (31, 29 if leap else 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31)[month - 1]
        return (Value(ValueKind.DATE, f"{year:04d}-{month:02d}-{1 + self.choose(days):02d}"),)

    def month(self) -> int:
        return 1 + self.choose(_MONTHS)

    def months(self, word: str) -> tuple[Value, ...]:
        if self.coin():
            words = ("life",) if word == "sentence" else ("life", "none", "unknown")
            return (Value(ValueKind.NAME, self.one_of(words)),)
        return (Value(ValueKind.NUMBER, str(self.month())), Value(ValueKind.NAME, "months"))

    def months_range(self) -> tuple[Value, ...]:
        low, high = sorted((self.month(), self.month()))
        return (Value(ValueKind.NUMBER, str(low)), Value(ValueKind.NAME, "to"), Value(ValueKind.NUMBER, str(high)))

    def name(self, taken: list[str]) -> str:
        while True:  # as `names()`: a fresh draw until it shadows no word and no party
            text = _FIRST[self.choose(26)]
            while len(text) < 10 and self.more():
                text += _REST[self.choose(len(_REST))]
            if text not in _RESERVED and text not in taken:
                return text

    def party_names(self) -> list[str]:
        out: list[str] = []
        while len(out) < 3 and self.more():
            out.append(self.name(out))
        return out

    def spec(self, spec: Any) -> Any:
        """A knob's value: a callable is called with this draw."""
        return spec(self) if callable(spec) else spec


# The focused half's words, shared with `doctrine.proof.fuzz.scenarios` (its hypothesis strategy).
STRONG_SUPPORT = ("record_evidence", "remark", "earlier_offer", "record_evidence", "assistance_only")
YES_NO_WEIGHTED = ("yes", "yes", "no", "unknown")


def _yes_no(d: _Choices) -> str:
    return d.one_of(YES_NO_WEIGHTED)


# The focused half (as `doctrine.proof.fuzz.scenarios`): allegations with specific support and
# no waiver more often, since a uniformly drawn case almost never makes a threshold showing.
FOCUS: dict[str, Any] = {
    "allegation": lambda d: d.pick(V.ALLEGATIONS.words(), 1, 2),
    "allegation.support": lambda d: d.pick(STRONG_SUPPORT, 1, 2),
    "allegation.ties_decision_maker": _yes_no,
    "allegation.rebuts_stated_reasons": _yes_no,
    "allegation.proven": _yes_no,
    "waiver_conduct": lambda d: d.pick(V.WAIVER.words(), 0, 1),
}


def draw_scenario(source: Source) -> Scenario:
    """One scenario, every choice asked of `source`: uniform or focused, its case, its seed."""
    d = _Choices(source, FOCUS if source.choose(2) else {})
    statements: list[Statement] = []
    for key in V.CASE_KEYS:
        statements.extend(d.statements(key, None))
    case = Case(d.name([]), tuple(consistent(statements)))
    return Scenario(case, source.choose(SEEDS))


def draw_batch(rng: random.Random, n: int) -> list[tuple[Scenario, list[int]]]:
    """`n` scenarios from `rng`, each with the choices that make it (for hypothesis to replay)."""
    out = []
    for _ in range(n):
        source = RandomChoices(rng)
        out.append((draw_scenario(source), source.choices))
    return out


def scenario_strategy() -> Any:
    """The hypothesis strategy of the same scenarios (for shrinking one a batch found)."""
    from hypothesis import strategies as st

    @st.composite
    def scenario(draw: Any) -> Scenario:
        return draw_scenario(HypothesisChoices(draw))

    return scenario()
