"""Hypothesis strategies for well-formed case ASTs, built from `doctrine.language.vocabulary`.

Only users who want property tests import this module (`import doctrine` does not import
hypothesis). Every case drawn is one `doctrine.language.check` accepts: every key of the vocabulary
can appear, keyed blocks have distinct heads, children sit under their heads, `unknown` is a
value like any other, every court appears (so every jurisdiction setting is reached), parties
are declared before `by`/`stated_by` name them, an allegation's `motion` names a declared
motion, ranges run low to high, and the conflicts `check` rejects (`plea_agreement none` with
terms, `assistance none` that led to an arrest ...) are never drawn.

    >>> from hypothesis import given
    >>> from doctrine.proof.strategies import cases
    >>> @given(cases(court="eighth_circuit", plea_agreement="none"))
    ... def test_no_agreement_no_breach(case): ...

Knobs (keyword arguments, or a `fixed` mapping for dotted child keys):
    court="eighth_circuit"          fix a key to a value (a word, or the words of a value)
    posture=("motion_to_compel",)   a multiple or keyed key: exactly these heads
    allegation=st.just(...)         a strategy, a Statement or a tuple of Statements
    fixed={"allegation.support": "record_evidence"}   a child key, under every head
    safety_valve=None, exclude=("remark",)            never state these keys
The printed form of a drawn case is `case_texts(...)`.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from functools import cache
from typing import Any

from hypothesis import strategies as st
from hypothesis.strategies import SearchStrategy

from doctrine.language import vocabulary as V
from doctrine.language.contradictions import consistent
from doctrine.language.syntax import Case, CaseFile, Statement, Value, ValueKind, print_case_file

__all__ = ["case_texts", "cases", "names", "word_value"]

_BARE = re.compile(r"^[A-Za-z_][A-Za-z0-9_]*$")
_TOKEN = re.compile(r"§ *\S+|Rule +35\(b\)|\S+")
_MISSING = object()
# Words a user name must not shadow: keywords, roles, keys and every word of a domain.
_RESERVED = frozenset(
    {"case", "end", "to", "months", "life", "none", "unknown"}
    | set(V.KEYS)
    | {c.word for k in V.CASE_KEYS for c in k.children}
    | {w for _, k in V.walk() if k.domain is not None for w in k.domain.words()}
)
_CUSTODY_NO_ALLOWS = ("knew_effect", "approached_before_charging", "absconded")


def word_value(word: str) -> Value:
    """A domain word as the parser reads it: `sole_discretion` a name, `§ 3553(e)` a section."""
    return Value(ValueKind.NAME if _BARE.match(word) else ValueKind.SECTION, word)


@cache
def names() -> SearchStrategy[str]:
    """User-chosen names (case ids, parties) that shadow no word of the language."""
    return st.from_regex(r"[a-z][a-z0-9_]{0,9}", fullmatch=True).filter(lambda s: s not in _RESERVED)


@cache
def _one_of(words: tuple[str, ...]) -> SearchStrategy[str]:
    return st.sampled_from(words)


@cache
def _some_of(words: tuple[str, ...], at_least: int) -> SearchStrategy[list[str]]:
    return st.lists(st.sampled_from(words), unique=True, min_size=at_least, max_size=3)


def _text_values(text: str) -> tuple[Value, ...]:
    """`120 months` -> (NUMBER 120, NAME months); a fixed value written as in a case file."""
    out = []
    for tok in _TOKEN.findall(text):
        if tok.isdigit():
            out.append(Value(ValueKind.NUMBER, tok))
        elif re.fullmatch(r"\d{4}-\d{2}-\d{2}", tok):
            out.append(Value(ValueKind.DATE, tok))
        else:
            out.append(word_value(tok))
    return tuple(out)


_STRINGS = st.text(
    st.characters(blacklist_categories=("Cc", "Cs")) | st.sampled_from('\n\t"\\§'), max_size=16
)
_MONTH = st.integers(1, 480)
_NOTES = st.lists(_STRINGS, unique=True, max_size=2)


@st.composite
def _range(draw: Any) -> tuple[Value, ...]:
    low, high = sorted((draw(_MONTH), draw(_MONTH)))
    return (
        Value(ValueKind.NUMBER, str(low)),
        Value(ValueKind.NAME, "to"),
        Value(ValueKind.NUMBER, str(high)),
    )


def _months(key: V.Key) -> SearchStrategy[tuple[Value, ...]]:
    term = _MONTH.map(lambda n: (Value(ValueKind.NUMBER, str(n)), Value(ValueKind.NAME, "months")))
    words = ("life",) if key.word == "sentence" else ("life", "none", "unknown")
    return st.one_of(term, st.sampled_from(words).map(lambda w: (Value(ValueKind.NAME, w),)))


def _date() -> SearchStrategy[tuple[Value, ...]]:
    year = st.integers(1970, 2030)
    full = st.dates().filter(lambda d: d.year >= 1000).map(lambda d: Value(ValueKind.DATE, d.isoformat()))
    return st.one_of(year.map(lambda y: Value(ValueKind.NUMBER, str(y))), full).map(lambda v: (v,))


_PARTIES = st.lists(names(), unique=True, max_size=3)
_RANGES = _range()
_MONTHS = {w: _months(V.KEYS[w]) for w in ("statutory_minimum", "sentence")}
_DATES = _date()


class _Draw:
    """Draws one case: the knobs, and what earlier statements declared (parties, motions)."""

    def __init__(self, draw: Any, fixed: Mapping[str, Any], exclude: frozenset[str]) -> None:
        self.draw, self.fixed, self.exclude = draw, fixed, exclude
        self.parties: list[str] = []
        self.motions: list[str] = []
        self.court = ""

    def words(self, key: V.Key, parent: V.Key | None) -> tuple[str, ...]:
        """The words a value of `key` may take here (given the case so far)."""
        if key.form is V.Form.PARTY:
            return (*V.SPEAKERS.words(), *self.parties)
        if parent is not None and parent.word == "allegation" and key.word == "motion":
            return tuple(self.motions)
        if key.word == "circuit" and parent is None and self.court.endswith("_circuit"):
            return (self.court,)
        assert key.domain is not None
        return key.domain.words()

    def values(self, key: V.Key, parent: V.Key | None) -> tuple[Value, ...]:
        form = key.form
        if form is V.Form.STRING:
            return (Value(ValueKind.STRING, self.string()),)
        if form is V.Form.DATE:
            return self.date()
        if form is V.Form.MONTHS:
            return self.months(key.word)
        if form is V.Form.RANGE:
            return self.months_range()
        if form is V.Form.NAME:
            return (Value(ValueKind.NAME, self.name(self.parties)),)
        return (word_value(self.one_of(self.words(key, parent))),)

    # The draws themselves, one method each: `doctrine.proof.draws` makes the same cases from
    # plain integer choices (a seeded random source in a batch, hypothesis when shrinking).

    def coin(self) -> bool:
        return bool(self.draw(st.booleans()))

    def one_of(self, words: tuple[str, ...]) -> str:
        return str(self.draw(_one_of(words)))

    def some_of(self, words: tuple[str, ...], at_least: int) -> list[str]:
        return list(self.draw(_some_of(words, at_least)))

    def string(self) -> str:
        return str(self.draw(_STRINGS))

    def strings(self) -> list[str]:
        return list(self.draw(_NOTES))

    def date(self) -> tuple[Value, ...]:
        return tuple(self.draw(_DATES))

    def months(self, word: str) -> tuple[Value, ...]:
        return tuple(self.draw(_MONTHS[word]))

    def months_range(self) -> tuple[Value, ...]:
        return tuple(self.draw(_RANGES))

    def name(self, taken: list[str]) -> str:
        return str(self.draw(names().filter(lambda n: n not in taken)))

    def party_names(self) -> list[str]:
        return list(self.draw(_PARTIES))

    def spec(self, spec: Any) -> Any:
        """A knob's value: a strategy is drawn from."""
        return self.draw(spec) if isinstance(spec, SearchStrategy) else spec

    def statements(self, key: V.Key, parent: V.Key | None, head: str = "") -> tuple[Statement, ...]:
        """The statements of one key (top level, or under a block whose head is `head`)."""
        path = key.word if parent is None else f"{parent.word}.{key.word}"
        if path in self.exclude or key.form is V.Form.EXPECT:
            return ()
        spec = self.fixed.get(path, _MISSING)
        if spec is not _MISSING:
            return self.fixed_statements(key, parent, spec, head)
        words = self.words(key, parent) if key.domain is not None else ()
        if key.domain is not None and not words:
            return ()
        if key.multiple or key.keyed:
            many = self.many(key, parent, head)
            return tuple(self.block(key, parent, vs) for vs in many)
        required = key.required or (key.word == "circuit" and self.court == "district_court")
        if not required and not self.coin():
            return ()
        return (self.block(key, parent, self.values(key, parent)),)

    def many(self, key: V.Key, parent: V.Key | None, head: str) -> list[tuple[Value, ...]]:
        """Distinct values of a multiple or keyed key (at least one if it is required)."""
        if key.form is V.Form.STRING:  # notes: distinct texts
            texts = self.strings()
            return [(Value(ValueKind.STRING, t),) for t in texts]
        if key.domain is None:  # parties: distinct names
            chosen = self.party_names()
            return [(Value(ValueKind.NAME, n),) for n in chosen]
        words = self.words(key, parent)
        if parent is not None and parent.word == "assistance" and head == "none" and key.word == "led_to":
            words = ("nothing",)
        chosen = self.some_of(words, int(key.required))
        return [(word_value(w),) for w in chosen]

    def block(self, key: V.Key, parent: V.Key | None, values: tuple[Value, ...]) -> Statement:
        """A statement and (for a block) its children, drawn after its head."""
        if key.form is V.Form.NAME:  # a party: declared before it is referenced
            self.parties.append(values[0].text)
        elif key.word == "motion" and parent is None:
            self.motions.append(values[0].text)
        elif key.word == "court":
            self.court = values[0].text
        head = values[0].text if values else ""
        children: list[Statement] = []
        for child in key.children:
            if not self.allowed(key, head, child):
                continue
            children.extend(self.statements(child, key, head))
        return Statement(key.word, values, tuple(children))

    @staticmethod
    def allowed(key: V.Key, head: str, child: V.Key) -> bool:
        """The children `doctrine.language.check` lets this head have."""
        if key.word == "plea_agreement" and head == "none":
            return False
        if key.word == "custody" and head == "no":
            return child.word in _CUSTODY_NO_ALLOWS
        return True

    def fixed_statements(
        self, key: V.Key, parent: V.Key | None, spec: Any, head: str
    ) -> tuple[Statement, ...]:
        spec = self.spec(spec)
        if spec is None:
            return ()
        if isinstance(spec, Statement):
            return (spec,)
        if isinstance(spec, (tuple, list)) and all(isinstance(s, Statement) for s in spec):
            return tuple(spec)
        texts = [spec] if isinstance(spec, str) else list(spec)
        out = []
        for text in texts:
            values = (
                (word_value(text),) if key.domain is not None and text in key.domain else _text_values(text)
            )
            out.append(self.block(key, parent, values))
        return tuple(out)


def cases(
    fixed: Mapping[str, Any] | None = None,
    *,
    exclude: tuple[str, ...] | frozenset[str] = (),
    case_id: str | SearchStrategy[str] | None = None,
    **knobs: Any,
) -> SearchStrategy[Case]:
    """Well-formed cases over the whole vocabulary; see the module docstring for the knobs.

    Parameters
    ----------
    fixed
        key (or `parent.child`) -> a word, words, a Statement, statements, a strategy of any
        of these, or None (never stated).
    exclude
        keys (or `parent.child`) never stated.
    case_id
        the case's id (default: a drawn name).
    **knobs
        more entries of `fixed`, for top-level keys.
    """
    spec = {**(fixed or {}), **knobs}
    unknown = [k for k in spec if k.split(".")[0] not in V.KEYS]
    if unknown:
        raise ValueError(f"cases(): unknown key {unknown[0]!r}")
    ids = st.just(case_id) if isinstance(case_id, str) else case_id or names()
    excluded = frozenset(exclude)

    @st.composite
    def build(draw: Any) -> Case:
        d = _Draw(draw, spec, excluded)
        statements: list[Statement] = []
        for key in V.CASE_KEYS:
            statements.extend(d.statements(key, None))
        return Case(draw(ids), tuple(consistent(statements)))

    return build()


def case_texts(fixed: Mapping[str, Any] | None = None, **kw: Any) -> SearchStrategy[str]:
    """The canonical printed text of `cases(...)`."""
    return cases(fixed, **kw).map(lambda c: print_case_file(CaseFile((c,))))
