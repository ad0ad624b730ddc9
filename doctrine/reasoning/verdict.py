"""The verdict: Outcome x Rulebase -> Verdict (relief, authority below a minimum, holdings).

Holdings are the rules that decided the case, in the order courts take the questions. A
holding found in every branch of the unsettled law is dispositive; one found only in some
branches, or only when a procedural bar is set aside ("even if"), is an alternative holding
and says under what condition it was reached.

    Outcome(runs=(Run(applied=(("buffington_waiver", "review(waived)"),) ...), Run(even_if=...)))
becomes
    Verdict(relief_available=False, holdings=(Holding(rule="buffington_waiver", alternative=False) ...))
"""

from __future__ import annotations

import functools
import operator
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from doctrine.engine.rulebase import Rulebase
from doctrine.engine.solve import Outcome, Run, stored
from doctrine.reasoning.say import say, say_position

QUESTION_ORDER = ("preservation", "duty", "gate", "merits", "notice", "remedy", "authority", "allocution")
SCHEMA = "doctrine.result/1"


@dataclass(frozen=True)
class Holding:
    question: str
    answer: str  # the conclusion the rule decided, e.g. "review(plain_error)"
    rule: str
    authority: str  # authority id
    citation: str  # "Wade v. United States, 504 U.S. 181"
    pin: str
    statement: str  # the kind of statement in its source opinion
    weight: str  # binding / persuasive, relative to the case's court
    alternative: bool
    condition: str = ""  # for alternatives: "even if review(waived) were set aside", "if bad_faith_ground = recognized"
    condition_text: str = ""  # the same in plain English, for prose: "even if the holding that the claim was waived ..."


@dataclass(frozen=True)
class Verdict:
    case: str
    source: str
    jurisdiction: str
    relief_available: bool | None  # None: depends on an unsettled question
    relief_kinds: tuple[str, ...]
    relief_kinds_if: tuple[tuple[str, str], ...]  # (kind, condition) available in some branches only
    below_minimum_authorized: bool | None
    below_minimum_bases: tuple[str, ...]
    depends_on: tuple[str, ...]
    open_questions: tuple[str, ...]
    holdings: tuple[Holding, ...]
    conclusions: tuple[str, ...]  # everything that holds in every primary run
    as_of: int | None = None
    title: str = ""  # the case's name from its file (`title`), e.g. "United States v. Billings"
    citation: str = ""  # its citation (`citation` or `cite`), e.g. "546 F.3d 472 (7th Cir. 2008)"

    @property
    def outcome(self) -> str:
        """`available`, `none` or `depends` -- the word `expect relief` uses."""
        return {True: "available", False: "none", None: "depends"}[self.relief_available]

    def dispositive(self) -> tuple[Holding, ...]:
        return tuple(h for h in self.holdings if not h.alternative)

    def alternatives(self) -> tuple[Holding, ...]:
        return tuple(h for h in self.holdings if h.alternative)


def _condition_parts(runs: list[Run], where: list[Run]) -> tuple[list[tuple[str, str]], tuple[str, ...]]:
    """The weakest condition under which a holding was reached: (question, position) pairs and bars.

    `where` are the runs in which it was reached, among all `runs`. A run's branch names only
    the open questions that mattered to it. A question stays in the condition only when every
    run reaching the holding took the same position on it and some run taking another position
    (with the same bars set aside) did not reach it; a bar stays when every such run set it aside.
    """
    parts = []
    questions = sorted({q for r in where for q, _ in r.branch})
    if questions:
        bars_where = {w.even_if for w in where}
        reached = {id(w) for w in where}  # the runs of a case are distinct values, so identity is equality
        branches = [dict(r.branch) for r in runs]
        where_branches = [dict(w.branch) for w in where]
        for q in questions:
            values = {b.get(q) for b in where_branches}
            if len(values) != 1 or None in values:
                continue
            p = values.pop()
            if p is not None and any(
                id(r) not in reached for r, b in zip(runs, branches) if q in b and b[q] != p and r.even_if in bars_where
            ):
                parts.append((q, p))
    bars = {r.even_if for r in where}
    return parts, (next(iter(bars)) if all(r.even_if for r in where) and len(bars) == 1 else ())


def _condition_text(parts: list[tuple[str, str]], bars: tuple[str, ...]) -> str:
    return "; ".join([f"if {q} = {p}" for q, p in parts] + [f"even if {b} were set aside" for b in bars])


def _condition_words(parts: list[tuple[str, str]], bars: tuple[str, ...]) -> str:
    return _words_of(tuple(parts), bars)


@functools.lru_cache(maxsize=4096)
def _words_of(parts: tuple[tuple[str, str], ...], bars: tuple[str, ...]) -> str:
    return "; ".join([f"if {say_position(q, p)}" for q, p in parts] + [say(f"even_if({b})") for b in bars])


def minimal_condition(runs: list[Run], where: list[Run]) -> str:
    """The weakest condition under which a holding was reached, as data: "if q = p; even if X were set aside"."""
    return _condition_text(*_condition_parts(runs, where))


def condition_words(runs: list[Run], where: list[Run]) -> str:
    """The same condition in plain English, for prose (the words come from the templates)."""
    return _condition_words(*_condition_parts(runs, where))


def _order(rulebase: Rulebase, rule: str) -> tuple[int, str]:
    """Where a rule's holding comes in the order courts take the questions (then by rule)."""
    q = rulebase.rules[rule].question if rule in rulebase.rules else ""
    return (QUESTION_ORDER.index(q) if q in QUESTION_ORDER else len(QUESTION_ORDER), rule)


_OBJECT, _PACKED_HOLDING = 1, 2  # where a `Ranked` has the Holding, and where it has it packed
_BOTH = slice(_OBJECT, _PACKED_HOLDING + 1)  # a `Ranked`'s Holding and the Holding packed
Form = int | slice  # which of a `Ranked`'s parts a verdict's holdings are read as


def decide_verdict(outcome: Outcome, rulebase: Rulebase) -> Verdict:
    """Read the verdict and the holdings off every run of a case."""
    return _new_verdict(*_verdict_fields(outcome, rulebase, _OBJECT))


def decide_verdict_packed(outcome: Outcome, rulebase: Rulebase) -> tuple[Any, ...]:
    """`pack_verdict(decide_verdict(outcome, rulebase))`, without the Verdict: what a batch's
    worker sends (an `Evaluation` makes the Verdict when it is first read)."""
    return _verdict_fields(outcome, rulebase, _PACKED_HOLDING)


def decide_verdict_both(outcome: Outcome, rulebase: Rulebase) -> tuple[Verdict, tuple[Any, ...]]:
    """`decide_verdict` and `decide_verdict_packed` of one case, read once (an explanation
    reads the Verdict and sends it packed)."""
    fields = _verdict_fields(outcome, rulebase, _BOTH)
    both = fields[_HOLDINGS_AT]
    objects, packed = list(fields), list(fields)
    objects[_HOLDINGS_AT] = tuple([h for h, _ in both])
    packed[_HOLDINGS_AT] = tuple([p for _, p in both])
    return _new_verdict(*objects), tuple(packed)


def _verdict_fields(outcome: Outcome, rulebase: Rulebase, form: Form) -> tuple[Any, ...]:
    """A Verdict's fields, in field order, its holdings as `Holding`s (`form` _OBJECT), packed
    (_PACKED_HOLDING) or both, in pairs (_BOTH)."""
    primary = outcome.primary
    if len(outcome.runs) == 1 and len(primary) == 1:  # no open question mattered, no bar: read it off
        return _one_run_verdict(outcome, primary[0], rulebase, form)
    return _general_verdict(outcome, rulebase, form)


def _general_verdict(outcome: Outcome, rulebase: Rulebase, form: Form = _OBJECT) -> tuple[Any, ...]:
    primary = outcome.primary
    everyrun = outcome.runs  # the primary runs first, then the "even if" runs
    n = len(primary)
    # the runs reaching each holding (in order), found in one pass over the runs
    reached: dict[tuple[str, str], list[int]] = {}
    for i, run in enumerate(everyrun):
        for key in run.applied:
            where = reached.get(key)
            if where is None:
                reached[key] = [i]
            else:
                where.append(i)
    shape: tuple[Any, ...] | None = None  # the runs' branches and bars (`_condition_of`), made when first needed
    table = _ranked_table(rulebase)
    ranked = []
    for key, where in reached.items():
        # dispositive: reached in every branch (the primary runs are 0 to n - 1)
        alternative = not (n and len(where) >= n and where[n - 1] == n - 1)
        condition = condition_text = ""
        if alternative:
            if shape is None:
                shape = _shape(everyrun)
            condition, condition_text = _condition_of(everyrun, tuple(where), shape)
        # the weight as the first run reaching it says (a rule's weight is the court's, in every run)
        memo = (key, key[0] in everyrun[where[0]].binding, alternative, condition)
        ranked.append(table.get(memo) or _ranked_holding(rulebase, table, memo, condition_text))
    ranked.sort(key=_RANK)  # (rule, conclusion) is one holding: no two ranks are equal
    kinds = outcome.relief_kinds
    kinds_if = sorted(
        {
            (k, minimal_condition(list(primary), [r2 for r2 in primary if k in r2.relief]))
            for k in {k for r in primary for k in r.relief if k not in kinds}
        }
    )
    common = set.intersection(*(set(r.conclusions) for r in primary)) if primary else set()
    bases = sorted(set.intersection(*(set(r.below_minimum) for r in primary))) if primary else []
    return (
        outcome.case, outcome.source, outcome.jurisdiction, outcome.relief_available, kinds, tuple(kinds_if),
        outcome.below_minimum_authorized, tuple(bases), outcome.depends_on,
        tuple(sorted({q for r in primary for q, _ in r.branch})), tuple([h[form] for h in ranked]),
        tuple(sorted(common)), outcome.as_of, outcome.title, outcome.citation,
    )


_RANK = operator.itemgetter(0)

_CONDITIONS: dict[tuple[Any, ...], tuple[str, str]] = {}
"""A holding's condition and its words, by the shape of its case's runs (`_shape`) and the runs
reaching it: a case's runs differ from another's in the holdings they reach far more often
than in the branches and bars they were run under, which alone decide the condition."""


def _shape(runs: Sequence[Run]) -> tuple[Any, ...]:
    """What `_condition_parts` reads of a case's runs: each run's branch and bars, and whether
    the runs are distinct objects (it tells them apart by identity); () when it could not be
    the same for another case's runs."""
    return tuple([(r.branch, r.even_if) for r in runs]) if len(set(map(id, runs))) == len(runs) else ()


def _condition_of(runs: Sequence[Run], where: tuple[int, ...], shape: tuple[Any, ...]) -> tuple[str, str]:
    """The condition (`minimal_condition`) and its words of a holding reached in the runs
    numbered `where` among `runs`, kept by `shape` (`_shape`) for every case of that shape."""
    key = (shape, where)
    found = _CONDITIONS.get(key) if shape else None
    if found is None:
        parts = _condition_parts(list(runs), [runs[i] for i in where])
        found = (_condition_text(*parts), _condition_words(*parts))
        if shape:
            if len(_CONDITIONS) > 100_000:
                _CONDITIONS.clear()
            _CONDITIONS[key] = found
    return found


def _one_run_verdict(outcome: Outcome, run: Run, rulebase: Rulebase, form: Form = _OBJECT) -> tuple[Any, ...]:
    """The Verdict's fields of a case with one run: every holding dispositive, no condition, the
    verdict that run's (the same value as the general reading: a test holds them equal)."""
    binding, table = run.binding, _ranked_table(rulebase)
    ranked = []
    for key in dict.fromkeys(run.applied):
        memo = (key, key[0] in binding, False, "")
        ranked.append(table.get(memo) or _ranked_holding(rulebase, table, memo, ""))
    ranked.sort(key=_RANK)
    relief, below = run.relief, run.below_minimum
    return (outcome.case, outcome.source, outcome.jurisdiction, bool(relief), relief, (), bool(below),
            below, (), tuple(sorted({q for q, _ in run.branch})), tuple([h[form] for h in ranked]),
            tuple(sorted(run.conclusions)), outcome.as_of, outcome.title, outcome.citation)


Ranked = tuple[tuple[Any, ...], "Holding", tuple[Any, ...]]
"""A holding as a verdict lists it: its rank (alternative or not, then the order courts take the
questions, `_order`), the Holding, and the Holding packed (`packed_once`)."""

_RANKED: dict[str, dict[tuple[Any, ...], Ranked]] = {}  # by rules digest, then (rule and conclusion, binding,
# alternative, condition): one value serves every case


def _ranked_table(rulebase: Rulebase) -> dict[tuple[Any, ...], Ranked]:
    table = _RANKED.get(rulebase.digest)
    if table is None or len(table) > 100_000:
        if len(_RANKED) >= 8:
            _RANKED.clear()
        table = _RANKED[rulebase.digest] = {}
    return table


def _ranked_holding(rulebase: Rulebase, table: dict[tuple[Any, ...], Ranked], memo: tuple[Any, ...],
                    condition_text: str) -> Ranked:
    """The `Ranked` of a holding (rule and conclusion, binding or not, alternative or not, under
    a condition, whose words are `condition_text`), made and kept in `table`: the one memo of
    holdings, so that their ranks and Holdings are made once per rulebase."""
    key, binding, alternative, condition = memo
    holding = _holding(rulebase, key, "binding" if binding else "persuasive", alternative, condition, condition_text)
    found = table[memo] = ((alternative, *_order(rulebase, key[0]), key[1]), holding, packed_once(holding))
    return found


_VERDICT_NAMES = tuple(Verdict.__dataclass_fields__)


def _new_verdict(*fields: Any) -> Verdict:
    """`Verdict(*fields)`, stored field by field (`stored`; fifteen fields)."""
    return stored(Verdict, zip(_VERDICT_NAMES, fields, strict=True))


def _holding(
    rulebase: Rulebase, key: tuple[str, str], weight: str, alternative: bool, condition: str, condition_text: str
) -> Holding:
    """The holding of one applied rule (frozen: `_ranked_holding` keeps one for every case that has it)."""
    rule, conclusion = key
    info = rulebase.rules.get(rule)
    auth = rulebase.authorities.get(info.authority) if info else None
    return Holding(
        question=info.question if info else "",
        answer=conclusion,
        rule=rule,
        authority=info.authority if info else "",
        citation=auth.cite() if auth else "",
        pin=info.pin if info else "",
        statement=info.statement if info else "",
        weight=weight,
        alternative=alternative,
        condition=condition,
        condition_text=condition_text,
    )


_HOLDING_FIELDS = operator.attrgetter(*Holding.__dataclass_fields__)
_VERDICT_FIELDS = operator.attrgetter(*Verdict.__dataclass_fields__)
_HOLDINGS_AT = tuple(Verdict.__dataclass_fields__).index("holdings")


def pack_verdict(verdict: Verdict) -> tuple[Any, ...]:
    """A verdict as nested tuples of its fields (what crosses between processes: pickling
    dataclasses cost the parent more than its workers spent deciding)."""
    fields = list(_VERDICT_FIELDS(verdict))
    fields[_HOLDINGS_AT] = tuple(map(packed_once, verdict.holdings))
    return tuple(fields)


_PACKED: dict[int, tuple[object, tuple[Any, ...]]] = {}  # id -> (the value, its packed tuple)


def packed_once(value: Any, pack: Any = None) -> tuple[Any, ...]:
    """The fields of a value one object serves every case with (a memoized `Holding`, a
    reference node, a setting's leaf) as a tuple, made once: every case of a chunk then carries
    the same tuple, which pickle writes once and the parent reads once. Kept by the value's id
    with the value itself, so that an id is never reused while it is kept."""
    found = _PACKED.get(id(value))
    if found is not None and found[0] is value:
        return found[1]
    if len(_PACKED) > 100_000:
        _PACKED.clear()
    packed = (pack or _HOLDING_FIELDS)(value)
    _PACKED[id(value)] = (value, packed)
    return packed


def unpack_verdict(data: tuple[Any, ...]) -> Verdict:
    """The verdict `pack_verdict` packed."""
    fields = list(data)
    fields[_HOLDINGS_AT] = tuple(Holding(*h) for h in data[_HOLDINGS_AT])
    return Verdict(*fields)
