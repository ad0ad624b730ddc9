"""The compiled engine: the ground doctrine, evaluated for many cases at once.

clingo grounds the doctrine once, every input atom `#external`, exactly as
for `doctrine.engine.solve.Engine`; a `clingo.Observer` records the ground rules it hands to
the solver. When that ground program is normal (no choice, weight, disjunctive or minimize
rules) and has no cycle through negation, its one answer set is computed by evaluating the
rules in the order of their dependencies, with a Python int as a bitset over runs (bit w is
run w of a batch):

    holds(relief(remedy)) :- derive(king_remedy, relief(remedy)), not defeated(king_remedy, ...).
becomes, for a thousand runs at once,
    val[holds(...)] |= val[derive(...)] & ~val[defeated(...)]

A case's runs (each branch of the unsettled law, then the "even if" runs) are the requests of
its `CasePlan` (`Engine.start`), the same plan the clingo engine answers one request at a time;
here every case of a batch makes its next requests together, and each round is one pass over
the rules.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Mapping, Sequence
from itertools import chain
from typing import Any

import clingo
from clingo import HeuristicType, Symbol
from clingo.backend import Observer

from doctrine.engine import numbered
from doctrine.engine.bitset import (
    CompiledDoctrine as CompiledDoctrine,
    GroundRule as GroundRule,
    Sparse as Sparse,
    evaluate as evaluate,
    in_levels,
    rarest_first,
    shown_runs,
)
from doctrine.engine.compile import Program
from doctrine.engine.numbered import symbol_text
from doctrine.engine.rulebase import Rulebase
from doctrine.engine.solve import (
    BUCKETS,
    Body,
    Engine,
    Outcome,
    Request,
    Run,
    _make_run,
    ground_doctrine,
    run_plans,
    shown_entry,
)
from doctrine.language.diagnostics import Diagnostic, DoctrineError
from doctrine.language.source import NOWHERE


class NotStratified(Exception):
    """The ground doctrine is not a normal program without cycles through negation."""


class NotStratifiedWarning(UserWarning):
    """The compiled engine cannot evaluate a rulebase; clingo's solve is used for it."""


class _Observer(Observer):
    """Collects the ground program clingo passes to its solver."""

    def __init__(self) -> None:
        self.rules: list[tuple[bool, Sequence[int], Sequence[int]]] = []
        self.externals: dict[int, clingo.TruthValue] = {}
        self.shown: list[tuple[Symbol, tuple[int, ...]]] = []
        self.unsupported: list[str] = []

    def rule(self, choice: bool, head: Sequence[int], body: Sequence[int]) -> None:
        self.rules.append((choice, tuple(head), tuple(body)))

    def weight_rule(self, choice: bool, head: Sequence[int], lower_bound: int, body: Sequence[tuple[int, int]]) -> None:
        self.unsupported.append("a weight rule (an aggregate)")

    def minimize(self, priority: int, literals: Sequence[tuple[int, int]]) -> None:
        self.unsupported.append("a minimize statement")

    def heuristic(self, atom: int, type_: HeuristicType, bias: int, priority: int, condition: Sequence[int]) -> None:
        self.unsupported.append("a heuristic directive")

    def acyc_edge(self, node_u: int, node_v: int, condition: Sequence[int]) -> None:
        self.unsupported.append("an edge directive")

    def theory_atom(self, atom_id_or_zero: int, term_id: int, elements: Sequence[int]) -> None:
        self.unsupported.append("a theory atom")

    def theory_atom_with_guard(
        self, atom_id_or_zero: int, term_id: int, elements: Sequence[int], operator_id: int, right_hand_side_id: int
    ) -> None:
        self.unsupported.append("a theory atom")

    def external(self, atom: int, value: clingo.TruthValue) -> None:
        self.externals[atom] = value

    def output_atom(self, symbol: Symbol, atom: int) -> None:
        self.shown.append((symbol, (atom,) if atom else ()))

    def output_term(self, symbol: Symbol, condition: Sequence[int]) -> None:
        self.shown.append((symbol, tuple(condition)))


def build(rulebase: Rulebase, jurisdiction: str | None, trace: bool) -> CompiledDoctrine:
    """Ground the doctrine with clingo, watch the ground program, check it and order it: of one
    jurisdiction, or (None) of every jurisdiction at once (`ground_doctrine`).

    Raises NotStratified when the ground program is not normal or has a cycle through negation.
    """
    observer, messages = _Observer(), []
    ctl = clingo.Control(["--models=2"], logger=lambda code, msg: messages.append(msg.strip()))
    ctl.register_observer(observer)
    inputs = ground_doctrine(ctl, rulebase, jurisdiction, trace, messages)
    atoms = ctl.symbolic_atoms
    literal = {str(sym): atoms[sym].literal for sym in inputs if sym in atoms}  # type: ignore[union-attr]  # `in` checked
    rules: list[GroundRule] = []
    constraints = []
    for choice, head, body in observer.rules:
        if choice:
            observer.unsupported.append("a choice rule")
        elif len(head) > 1:
            observer.unsupported.append("a disjunctive rule")
        pos = tuple(sorted({b for b in body if b > 0}))
        neg = tuple(sorted({-b for b in body if b < 0}))
        if not head:
            constraints.append((pos, neg))
        elif len(head) == 1:
            rules.append((head[0], pos, neg))
    heads = {r[0] for r in rules}
    for atom, value in observer.externals.items():
        if value == clingo.TruthValue.Free:
            observer.unsupported.append("an external atom left free")
        elif atom in heads:
            observer.unsupported.append("an external atom that a rule also derives")
    if observer.unsupported:
        raise NotStratified(f"the ground doctrine of {jurisdiction or 'every jurisdiction'} has {observer.unsupported[0]}")
    true = tuple(a for a, v in observer.externals.items() if v == clingo.TruthValue.True_ and a not in literal.values())
    shown = tuple(
        (str(sym), tuple(c for c in cond if c > 0), tuple(-c for c in cond if c < 0)) for sym, cond in observer.shown
    )
    top = max([0, *heads, *(a for r in observer.rules for a in map(abs, r[2])), *observer.externals])
    return CompiledDoctrine(top, _order(rarest_first(rules), jurisdiction or "every jurisdiction"), tuple(constraints), true, literal, shown)


def _order(rules: list[GroundRule], jurisdiction: str) -> tuple[tuple[bool, tuple[GroundRule, ...]], ...]:
    """The rules grouped by the strongly connected parts of the atom graph, in dependency order
    (the rules of consecutive parts without recursion together, level by level: `in_levels`).

    A part with a negative edge inside it is a cycle through negation: NotStratified.
    """
    by_head: dict[int, list[GroundRule]] = {}
    for r in rules:
        by_head.setdefault(r[0], []).append(r)
    deps = {h: {a for _, pos, neg in rs for a in (*pos, *neg) if a in by_head} for h, rs in by_head.items()}
    blocks: list[tuple[bool, tuple[GroundRule, ...]]] = []
    for part in _components(deps):
        members = set(part)
        part_rules = tuple(r for h in part for r in by_head[h])
        if any(a in members for _, _, neg in part_rules for a in neg):
            raise NotStratified(f"the ground doctrine of {jurisdiction} has a cycle through negation")
        recursive = len(part) > 1 or any(part[0] in pos for _, pos, _ in part_rules)
        if not recursive and blocks and not blocks[-1][0]:  # one pass over consecutive plain parts
            blocks[-1] = (False, blocks[-1][1] + part_rules)
        else:
            blocks.append((recursive, part_rules))
    return tuple((recursive, rules if recursive else in_levels(rules)) for recursive, rules in blocks)


def _components(deps: dict[int, set[int]]) -> list[list[int]]:
    """Tarjan's strongly connected components, iteratively; dependencies come first."""
    index: dict[int, int] = {}
    low: dict[int, int] = {}
    stack: list[int] = []
    on_stack: set[int] = set()
    out: list[list[int]] = []
    for root in sorted(deps):
        if root in index:
            continue
        work = [(root, iter(sorted(deps[root])))]
        index[root] = low[root] = len(index)
        stack.append(root)
        on_stack.add(root)
        while work:
            node, children = work[-1]
            child = next(children, None)
            if child is not None:
                if child not in index:
                    index[child] = low[child] = len(index)
                    stack.append(child)
                    on_stack.add(child)
                    work.append((child, iter(sorted(deps[child]))))
                elif child in on_stack:
                    low[node] = min(low[node], index[child])
                continue
            work.pop()
            if work:
                low[work[-1][0]] = min(low[work[-1][0]], low[node])
            if low[node] == index[node]:
                part = []
                while True:
                    member = stack.pop()
                    on_stack.discard(member)
                    part.append(member)
                    if member == node:
                        break
                out.append(part)
    return out


SPARSE_BELOW = 5  # requests in a round below which following what fires beats a pass over every rule
READ_FROM = 16  # cases in a batch from which finding the atoms nothing reads (a few ms) pays
SPARSE_AFTER = 8  # small-round runs after which making Sparse (about 12 ms) has paid for itself


# Shared by the engines of every jurisdiction in this process (the same atoms recur in each):
_DECODED: dict[str, tuple[str, object] | None] = {}  # shown atom text -> its decoded value


def stored_form(entry: tuple[str, object] | None) -> Any:
    """A decoded shown atom (`shown_entry`) as JSON stores it (`entry_of` reads it back): null
    for an atom a Run does not read, else [bucket, value], a Body's value as [rule, clause,
    conclusion, premises, negated premises] and a pair's as a list."""
    if entry is None:
        return None
    bucket, value = entry
    if isinstance(value, Body):
        return [bucket, [value.rule, value.clause, value.conclusion, list(value.positive), list(value.negative)]]
    return [bucket, list(value) if isinstance(value, tuple) else value]


def entry_of(stored: Any) -> tuple[str, object] | None:
    """A shown atom's decoded value as `shown_entry` gives it, from its stored form (`stored_form`).
    Raises ValueError or TypeError when the stored form is not one."""
    if stored is None:
        return None
    bucket, value = stored
    if bucket == "_body":
        rule, clause, conclusion, positive, negative = value
        if not (type(rule) is str and type(clause) is int and type(conclusion) is str and type(positive) is list
                and type(negative) is list and all(type(p) is str for p in positive + negative)):
            raise TypeError("a damaged body")
        return bucket, Body(rule, clause, conclusion, tuple(positive), tuple(negative))
    if bucket == "applied":
        rule, conclusion = value
        if not (type(rule) is str and type(conclusion) is str):
            raise TypeError("a damaged pair")
        return bucket, (rule, conclusion)
    if type(value) is not str:
        raise TypeError("a damaged value")
    return bucket, value


class _ByText(Mapping[Symbol, int]):
    """The input literals of a compiled doctrine, looked up by the atom's text as asked for
    (making a Symbol of every input atom at start-up cost more than a case's whole decision)."""

    def __init__(self, inputs: dict[str, int]) -> None:
        self.inputs = inputs

    def __getitem__(self, sym: Symbol) -> int:
        return self.inputs[symbol_text(sym)]

    def __iter__(self) -> Iterator[Symbol]:
        return (clingo.parse_term(text) for text in self.inputs)

    def __len__(self) -> int:
        return len(self.inputs)


class Batch:
    """What the engines of one compiled doctrine share: the answers to many runs at once.

    One compiled doctrine serves every jurisdiction when the jurisdiction files are only facts
    (`Rulebase.jurisdiction_facts`): the engines of all of them share one Batch, so the runs of
    a chunk's cases, whatever their circuits, are answered in one pass a round
    (`Solver.solve_many`)."""

    def __init__(self, doctrine: CompiledDoctrine, stored: Callable[[], list[Any] | None] | None = None) -> None:
        """`stored` reads the decoded shown atoms kept beside the doctrine on disk
        (`compiled_cache.stored_entries`), which a batch takes instead of decoding each atom."""
        self.doctrine = doctrine
        self.inputs = _ByText(doctrine.inputs)
        self._entries: list[tuple[str, object] | bool | None] = [False] * len(doctrine.shown)
        self._stored_reader = stored
        self._stored: list[Any] | None = None  # the stored decoded atoms, once a batch has read them
        self._sparse: Sparse | None = None
        self._small_runs = 0  # runs answered in small rounds by a pass, before Sparse is made
        self._read: frozenset[int] | None = None  # the atoms some rule, constraint or shown atom reads
        self._literal_by_number: list[int] = []  # a fact's literal (0: left out; -1: not in the vocabulary), by number

    def prepare(self, cases: int) -> None:
        """Before the plans of `cases` cases are made: from READ_FROM cases on, leave out of each
        request the facts nothing reads (`case_facts`)."""
        if cases >= READ_FROM:
            self._reading()
            if self._stored_reader is not None:  # read once, by the first batch
                stored, self._stored_reader = self._stored_reader(), None
                if stored is not None and len(stored) == len(self._entries):
                    self._stored = stored

    def case_facts(self, program: Program) -> tuple[frozenset[int], tuple[str, ...]]:
        """The external literals of a case's facts and their texts, each looked up by the
        fact's number (`numbered`) in C (`map`), each fact's literal found the first time a
        fact of that number or a later one is met (the facts' Symbols are never made). In a
        batch (`prepare`), a fact no rule, constraint or shown atom reads is left out of the
        literals: it changes nothing else in the answer set (about three facts in five of a
        generated case)."""
        numbers = program.numbers
        literal = self._literal_by_number
        try:
            out = frozenset(filter(None, map(literal.__getitem__, numbers)))  # 0: left out
        except IndexError:  # a fact numbered since this engine last looked
            literal.extend(map(self._fact_literal, numbered.TEXTS[len(literal):]))
            out = frozenset(filter(None, map(literal.__getitem__, numbers)))
        if -1 in out:  # the compiler only emits vocabulary atoms; this guards the invariant
            unknown = next(numbered.TEXTS[n] for n in numbers if literal[n] == -1)
            raise DoctrineError([Diagnostic("unknown-fact", f"not in the vocabulary: {unknown}", NOWHERE)])
        return out, program.texts()

    def _fact_literal(self, text: str) -> int:
        """The literal of the fact `text` (0: nothing reads it; -1: not in the vocabulary)."""
        lit = self.doctrine.inputs.get(text)
        if lit is None:
            return -1
        return lit if self._read is None or lit in self._read else 0

    def _reading(self) -> None:
        """From now on, leave out of each request the facts nothing reads (`case_facts`)."""
        if self._read is None:
            d = self.doctrine
            bodies = [*(r for _, rules in d.blocks for r in rules), *(("", *c) for c in d.constraints), *d.shown]
            read = set(chain.from_iterable([pos for _, pos, _ in bodies] + [neg for _, _, neg in bodies]))
            self._read = frozenset(read)  # a table of its own size (the set grew by steps)
            self._literal_by_number = []

    def _entry(self, i: int) -> tuple[str, object] | None:
        entry = self._entries[i]
        if entry is False and self._stored is not None:
            try:
                entry = self._entries[i] = entry_of(self._stored[i])
                return entry
            except (ValueError, TypeError):  # a damaged file: clingo decodes the atom
                pass
        if entry is False:
            text = self.doctrine.shown[i][0]
            if text not in _DECODED:
                if len(_DECODED) > 200_000:
                    _DECODED.clear()
                _DECODED[text] = shown_entry(clingo.parse_term(text))
            entry = self._entries[i] = _DECODED[text]
        return entry  # type: ignore[return-value]  # False replaced above

    def answer(self, requests: Sequence[Request]) -> list[tuple[Run, frozenset[str]]]:
        """The run of each request (a round of the plans of many cases), in order."""
        distinct: dict[tuple[frozenset[int], ...], int] = {}
        for literals, _, _ in requests:
            distinct.setdefault(literals, len(distinct))
        small = len(distinct) <= SPARSE_BELOW
        if small and self._sparse is None and self._small_runs >= SPARSE_AFTER:
            self._sparse = Sparse(self.doctrine)
        if small and self._sparse is not None:
            got = [self._decoded_run(self._sparse.evaluate(r)) for r in distinct]
        else:
            self._small_runs += len(distinct) if small else 0
            got = self._decoded_runs(shown_runs(self.doctrine, list(distinct), laid_out=not small), len(distinct))
        return [_make_run(got[distinct[literals]], branch, even_if) for literals, branch, even_if in requests]

    def _decoded_run(self, shown: list[int]) -> dict[str, list[Any]]:
        """The values of a run's shown atoms (indices, in order) by bucket (`BUCKETS`)."""
        got: dict[str, list[Any]] = {name: [] for name in BUCKETS}
        table, entry = self._entries, self._entry
        for i in shown:
            e = table[i]
            if e is False:
                e = entry(i)
            if e:
                got[e[0]].append(e[1])  # type: ignore[index]  # a decoded entry
        return got

    def _decoded_runs(self, found: list[tuple[int, int]], width: int) -> list[dict[str, list[Any]]]:
        """`_decoded_run` of every run of a pass at once, from each shown atom's runs (bit w:
        run w; `shown_runs`, in the order of the shown atoms): each atom is decoded once, and
        one not read (`shown_entry`) is never turned run by run."""
        got: list[dict[str, list[Any]]] = [{name: [] for name in BUCKETS} for _ in range(width)]
        column = {name: [g[name] for g in got] for name in BUCKETS}  # a predicate's list in each run
        table, entry = self._entries, self._entry
        for i, v in found:
            e = table[i]
            if e is False:
                e = entry(i)
            if not e:
                continue
            name, value = e  # type: ignore[misc]  # a decoded entry
            lists, bits = column[name], bin(v)[:1:-1]
            w = bits.find("1")
            while w >= 0:
                lists[w].append(value)
                w = bits.find("1", w + 1)
        return got


class CompiledEngine(Engine):
    """`Engine`'s interface over a CompiledDoctrine: the same plans, answered by bitset passes
    (a `Batch`, shared with the engines of the other jurisdictions when one doctrine serves them all)."""

    def __init__(self, rulebase: Rulebase, jurisdiction: str, doctrine: CompiledDoctrine, trace: bool = True,
                 batch: Batch | None = None) -> None:
        self.doctrine = doctrine
        self.messages = []
        self.batch = batch if batch is not None and batch.doctrine is doctrine else Batch(doctrine)
        self._setup(rulebase, jurisdiction, trace, self.batch.inputs)
        self.ask_ahead = True  # a request more in a round costs little; a round more is a pass
        self._case_facts = self.batch.case_facts  # type: ignore[method-assign]
        self._answer = self.batch.answer

    def solve(self, program: Program, as_of: int | None = None) -> Outcome:
        return self.solve_many([program], as_of)[0]

    def solve_many(self, programs: Sequence[Program], as_of: int | None = None) -> list[Outcome]:
        """Every case's plan advanced together: one pass over the rules per round of requests."""
        self.batch.prepare(len(programs))
        return run_plans([self.start(p, as_of) for p in programs], self.batch.answer)
