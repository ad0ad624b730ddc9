"""Compile a checked case to clingo facts: Case -> Program(facts, origin).

Every fact is built as a clingo `Symbol` (never by formatting text), so nothing a case file
says can become a rule: strings and user names never reach ASP at all, and every value that
does is a constant of a closed domain of `doctrine.language.vocabulary`. Numbers are compared here and
enter as booleans, which keeps the ground program small and the same for every case.

The case lines
    plea_agreement sole_discretion
      motion unspecified
become
    plea_agreement(sole_discretion).
    plea_agreement_motion(unspecified).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from functools import cache, cached_property
from typing import Any

from clingo import Function, Symbol

from doctrine.engine.numbered import (
    _TEXT as _TEXT,
    TEXTS,
    constant as constant,
    fact_symbol as fact_symbol,
    number_fact,
    number_of,
    printed as printed,
    symbol_of,
    symbol_text as symbol_text,
)
from doctrine.engine.origin import Origin as Origin
from doctrine.language import vocabulary as V
from doctrine.language.source import Span
from doctrine.language.syntax import Case, Statement, Value, ValueKind


@dataclass(frozen=True)
class Program:
    """A case's facts, and for each fact the span of the case-file line it came from.

    The facts are kept by number (`doctrine.engine.numbered`): `facts` makes their Symbols when
    first read (a batch of the compiled engine never reads them). Facts compiled from defaults
    (the record is silent) have no span in `origin`. Pickled as its facts (`of_facts`): the
    numbers are this process's own.
    """

    case: str
    numbers: tuple[int, ...]  # each fact's number, in order
    origin: Mapping[Symbol, Span] = field(default_factory=dict)
    source: str = ""
    decided: int | None = None  # YYYYMMDD from `decided`: the default --as-of (a year alone: its last day)
    title: str = ""  # the case's name (`title`), for headings; never a fact
    citation: str = ""  # its citation (`citation` or `cite`), for headings; never a fact

    @cached_property
    def facts(self) -> tuple[Symbol, ...]:
        """The facts, in order."""
        return tuple(map(symbol_of, self.numbers))

    def texts(self) -> tuple[str, ...]:
        """The facts as clingo prints them, in order (from their numbers: no Symbol is made)."""
        return tuple(map(TEXTS.__getitem__, self.numbers))

    @classmethod
    def of_facts(cls, case: str, facts: Sequence[Symbol], origin: Mapping[Symbol, Span], source: str = "",
                 decided: int | None = None, title: str = "", citation: str = "") -> Program:
        """The program of `facts` (in order), each stated at its span in `origin` (or a default)."""
        numbers = tuple(map(number_of, facts))
        table: Facts = {n: origin.get(f) for n, f in zip(numbers, facts, strict=True)}
        return cls(case, numbers, Origin(table), source, decided, title, citation)

    def with_facts(self, facts: Sequence[Symbol]) -> Program:
        """The same case with these facts (a fact not stated before is a default)."""
        return Program.of_facts(self.case, facts, self.origin, self.source, self.decided, self.title, self.citation)

    def __reduce__(self) -> tuple[Any, ...]:
        return (Program.of_facts, (self.case, self.facts, dict(self.origin.items()), self.source, self.decided,
                                   self.title, self.citation))

    def law_date(self, as_of: int | None) -> int | None:
        """The date whose law decides the case: `as_of` when given, else the law in force when
        it was decided (None: today's law)."""
        return as_of if as_of is not None else self.decided

    def to_lp(self) -> str:
        """The facts as ASP text (each printed by the Symbol itself, which escapes correctly)."""
        lines = [f"% case {self.case} ({comment_text(self.source)})"]
        for f in self.facts:
            where = self.origin.get(f)
            note = f"  % {comment_text(str(where))}" if where else "  % default: not stated"
            lines.append(f"{f}.{note}")
        return "\n".join(lines) + "\n"


def comment_text(text: str) -> str:
    """Text safe inside a one-line ASP comment: every control or line-separating character
    (a newline in a file name would end the comment and start a rule) is written as an escape."""
    return "".join(ch if ch.isprintable() else ch.encode("unicode_escape").decode("ascii") for ch in text)


def settings_lp(
    jurisdiction: str,
    settings: Mapping[str, str],
    questions: Mapping[str, tuple[str, ...]],
    since: Mapping[str, str] | None = None,
) -> str:
    """The jurisdiction's settings as ASP facts (built as Symbols), the decision that settled each
    (`since`), and the first branch of each question it leaves open, so that
    `clingo rules/doctrine.lp out.lp` reproduces the first run."""
    lines = [f"% jurisdiction: rules/jurisdictions/{jurisdiction}.lp"]
    for question, position in settings.items():
        lines.append(f"{Function('setting', [Function(question), Function(position)])}.")
    for question, authority in (since or {}).items():
        lines.append(f"{Function('setting_since', [Function(question), Function(authority)])}.")
    for question, position in settings.items():
        if position in ("unsettled", "unknown") and questions.get(question):
            first, *others = questions[question]
            branch = Function("branch", [Function(question), Function(first)])
            lines.append(f"{branch}.  % open here; the other branch: {', '.join(others)}")
    return "\n".join(lines) + "\n"


def _months(values: tuple[Value, ...]) -> tuple[str, int | None]:
    """`120 months` -> ("term", 120); `life` -> ("life", None)."""
    first = values[0]
    if first.kind is ValueKind.NUMBER:
        return "term", int(first.text)
    return first.text, None


def _range(values: tuple[Value, ...]) -> tuple[int, int]:
    return int(values[0].text), int(values[2].text)


def _compare(low: int | None, minimum: tuple[str, int | None]) -> str:
    kind, months = minimum
    if low is None or kind == "unknown":
        return "unknown"
    if kind == "none":
        return "no"
    if kind == "life":
        return "yes"
    assert months is not None
    return "yes" if low < months else "no"


def _word(key: V.Key, value: Value, parties: Mapping[str, str]) -> str:
    """The ASP constant for a checked value of `key`."""
    if key.form is V.Form.PARTY and value.text in parties:
        return parties[value.text]
    assert key.domain is not None
    return key.domain.values[value.text]


def compile_case(case: Case, source: str = "") -> Program:
    """Compile a case that `doctrine.language.check` accepted into its facts."""
    facts: Facts = {}
    by_key: dict[str, list[Statement]] = {}
    for s in case.statements:
        stated = by_key.get(s.key)
        if stated is None:
            by_key[s.key] = [s]
        else:
            stated.append(s)
    parties = {
        s.values[0].text: c.values[0].text for s in by_key.get("party", ()) for c in s.children if c.key == "role"
    }
    minimum: tuple[str, int | None] = ("unknown", None)
    lows: dict[str, tuple[int | None, Span | None]] = {}
    for word, kind in _NUMBERS.items():  # the statements compared here, in the order stated
        for s in by_key.get(word, ()):
            if kind == "minimum":
                minimum = _months(s.values)
            elif kind == "range":
                lows[word] = (_range(s.values)[0], s.span)
            else:
                lows["sentence"] = (int(s.values[0].text) if s.values[0].kind is ValueKind.NUMBER else None, s.span)
    for word, defaults, block, key in _plan():
        stated = by_key.get(word)
        if stated is None:
            for number in defaults:  # what _compile_key emits for a key the case omits
                if number not in facts:
                    facts[number] = None
        elif block is None:
            _compile_key(facts, key, stated, parties)
        else:  # a block key stated (about twenty a case): each statement and its children
            heads, head_of, head_party, head_values = block
            for s in stated:
                text = s.values[0].text  # `_word`, inline
                head = (parties[text] if head_party and text in parties
                        else head_values.get(text) or _word(key, s.values[0], parties))
                number, kids, kid_defaults = heads.get(head) or head_of(head)
                if facts.get(number) is None:  # a stated fact replaces the same fact from a default
                    facts[number] = s.span
                seen = _compile_children(facts, s, kids, parties) if s.children else ()
                for kid, number in kid_defaults:
                    if kid not in seen and number not in facts:
                        facts[number] = None
    court = by_key.get("court")
    if court and court[0].values[0].text.endswith("_circuit") and "circuit" not in by_key:
        _emit(facts, "circuit", (court[0].values[0].text,), court[0].span)
    min_span = by_key["statutory_minimum"][0].span if "statutory_minimum" in by_key else None
    for pred, (low_key, exact) in _BELOW.items():
        low, span = lows.get(low_key, (None, None))
        if pred == "sentence_below_minimum" and "sentence" in by_key and low is None:
            answer = "unknown" if minimum[0] == "unknown" else "no"  # a life sentence is below nothing
        elif exact:
            answer = _sentence_at_minimum(by_key, minimum)
        else:
            answer = _compare(low, minimum)
        _emit(facts, pred, (answer,), span if answer != "unknown" else (span or min_span))
    title, citation = _text(by_key, "title"), _text(by_key, "citation", "cite")
    return Program(case.id, tuple(facts), Origin(facts), source, _decided(by_key), title, citation)

_BELOW = {
    "guidelines_range_below_minimum": ("guidelines_range", False),
    "reduced_range_below_minimum": ("reduced_range", False),
    "sentence_at_minimum": ("sentence", True),
    "sentence_below_minimum": ("sentence", False),
}


def _numbers() -> dict[str, str]:
    """The keys whose numbers are compared with the statutory minimum: word -> what it gives."""
    out = {}
    for key in V.CASE_KEYS:
        if key.form is V.Form.MONTHS and key.word == "statutory_minimum":
            out[key.word] = "minimum"
        elif key.form is V.Form.RANGE:
            out[key.word] = "range"
        elif key.form is V.Form.MONTHS and key.word == "sentence":
            out[key.word] = "sentence"
    return out


_NUMBERS = _numbers()


Block = tuple[dict[str, "Head"], Any, bool, Mapping[str, str]]
"""A block key made ready for `compile_case`: its heads (`_Block.heads`), the function that
makes one, whether the head names a party, and the head's domain."""


@cache
def _plan() -> tuple[tuple[str, tuple[int, ...], Block | None, V.Key], ...]:
    """Every case key in order: its word, the facts it gives when a case omits it (`_defaults`),
    and, for a block, what compiling one needs (the other keys are `_compile_key`'s)."""
    out = []
    for k in V.CASE_KEYS:
        block: Block | None = None
        if k.predicate is not None and k.form is not V.Form.MONTHS:
            b = _block(k.word)
            block = (b.heads, b.head, k.form is V.Form.PARTY, k.domain.values if k.domain is not None else {})
        out.append((k.word, _defaults(k.word), block, k))
    return tuple(out)


def _emit(facts: Facts, pred: str, args: tuple[str, ...], span: Span | None) -> None:
    """Add a fact (a stated one replaces the same fact from a default)."""
    fact = (pred, args)
    number = _NUMBERED.get(fact)
    if number is None:
        number = _number(fact)
    if facts.get(number) is None:
        facts[number] = span


Stated = Mapping[str, list[Statement]]  # a case's statements by key, in order


def _text(by_key: Stated, *keys: str) -> str:
    """The first string stated under one of `keys` (a label for headings, not a fact)."""
    stated = [s for k in keys for s in by_key.get(k, ()) if s.values]
    return stated[0].values[0].text if stated else ""


def _decided(by_key: Stated) -> int | None:
    """The date of decision as YYYYMMDD: a case is decided by the law in force when it was decided."""
    stated = by_key.get("decided")
    if not stated:
        return None
    text = stated[0].values[0].text
    if len(text) == 4:
        return int(text) * 10000 + 1231
    return int(text.replace("-", ""))


def _sentence_at_minimum(by_key: Stated, minimum: tuple[str, int | None]) -> str:
    stated = by_key.get("sentence")
    if not stated or minimum[0] in ("unknown", "none"):
        return "unknown" if minimum[0] != "none" else "no"
    kind, months = _months(stated[0].values)
    return "yes" if (kind, months) == minimum else "no"


@cache
def _defaults(word: str) -> tuple[int, ...]:
    """The facts (numbers) `_compile_key` emits for a key a case does not state (the same for every case)."""
    facts: Facts = {}
    _compile_key(facts, V.KEYS[word], [], {})
    return tuple(facts)


def _compile_key(facts: Facts, key: V.Key, stated: Sequence[Statement], parties: Mapping[str, str]) -> None:
    if key.predicate is None and not key.children:
        return
    if key.form is V.Form.MONTHS:
        if key.predicate:
            kind = _months(stated[0].values)[0] if stated else (key.default or "unknown")
            _emit(facts, key.predicate, (kind,), stated[0].span if stated else None)
        return
    if key.predicate is None:  # party: resolved into roles, never compiled
        return
    if not stated:
        if key.default is not None:
            _emit(facts, key.predicate, (key.default,), None)
        if not key.keyed:  # singleton blocks: children's defaults are always stated
            for kid in key.children:
                if kid.default is not None and kid.predicate:
                    _emit(facts, kid.predicate, (kid.default,), None)
        return
    raise AssertionError(f"a stated block ({key.word}) is compiled by compile_case")


Facts = dict[int, Span | None]  # a case's facts by number (`numbered`), in order, and their spans (None: a default)

Kid = tuple[str, dict[str, int], Mapping[str, str], bool]
"""A child key of a block under one head: its word, its facts (numbers) by value (filled as
met), its domain, and whether it names a party."""
Head = tuple[int, dict[str, Kid], tuple[tuple[str, int], ...]]
"""A block's head value: its fact (number), its children by key, and its children's default
facts (each with the child's word)."""


class _Block:
    """A block key's facts under each head value, made the first time the head is met: a
    statement's children are looked up by key and value, without building the fact's
    (predicate, arguments) key each time, and its defaults are ready-made facts."""

    __slots__ = ("heads", "key")

    def __init__(self, key: V.Key) -> None:
        self.key = key
        self.heads: dict[str, Head] = {}

    def head(self, head: str) -> Head:
        found = self.heads.get(head)
        if found is None:
            key = self.key
            assert key.predicate is not None
            kids: dict[str, Kid] = {}
            defaults = []
            for k in key.children:
                if k.predicate is None:
                    continue
                kids[k.word] = (k.word, _Facts(k.predicate, head if key.keyed else None),
                                k.domain.values if k.domain is not None else {}, k.form is V.Form.PARTY)
                if k.default is not None:
                    defaults.append((k.word, kids[k.word][1][k.default]))
            found = self.heads[head] = (_number((key.predicate, (head,))), kids, tuple(defaults))
        return found


class _Facts(dict[str, int]):
    """A child's facts (numbers) by value, under one head (None: a singleton block)."""

    __slots__ = ("head", "predicate")

    def __init__(self, predicate: str, head: str | None) -> None:
        super().__init__()
        self.predicate, self.head = predicate, head

    def __missing__(self, value: str) -> int:
        got = self[value] = _number((self.predicate, (self.head, value) if self.head is not None else (value,)))
        return got


@cache
def _block(word: str) -> _Block:
    return _Block(V.KEYS[word])


def _compile_children(facts: Facts, s: Statement, kids: dict[str, Kid], parties: Mapping[str, str]) -> set[str]:
    """The facts of a statement's children (what `_emit` does, inline); the child keys stated."""
    seen: set[str] = set()
    for c in s.children:
        child = kids.get(c.key)
        if child is None:
            continue
        word, by_value, values, party = child
        seen.add(word)
        text = c.values[0].text
        number = by_value[parties[text] if party and text in parties else values[text]]
        if facts.get(number) is None:
            facts[number] = c.span
    return seen


# Each fact's number (`numbered`), by (predicate, arguments): a case's facts are kept by number
# (a small int hashes as itself; a tuple of strings is hashed again at every look-up).
_NUMBERED: dict[tuple[str, tuple[str, ...]], int] = {}


def _number(fact: tuple[str, tuple[str, ...]]) -> int:
    got = _NUMBERED[fact] = number_fact(fact)
    return got
