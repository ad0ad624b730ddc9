"""Solve: Rulebase x Program(s) -> Outcome(s). The only user of `clingo.Control` for cases.

The doctrine is grounded once per (rulebase, jurisdiction): every input atom the vocabulary
allows is declared external (through the Backend, from Symbols), and each case only switches
its own facts on. One case is solved once per branch of each question its circuit leaves
unsettled (Mackmore's "even if bad faith is a basis"), and once more with a procedural bar
set aside when one disposed of the claim (Buffington's "even if he had not waived it").

    court(eighth_circuit). allegation(bad_faith). ...
becomes
    Outcome(case="mackmore", runs=(Run(branch=(("bad_faith_ground","recognized"),)...), ...))
"""

from __future__ import annotations

import functools
import itertools
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any, TypeVar

import clingo
from clingo import Function, Symbol

from doctrine.engine.compile import Origin, Program
from doctrine.engine.numbered import _TEXT, fact_symbol, number_fact, symbol_text
from doctrine.engine.origin import TextOrigin
from doctrine.engine.rulebase import Rulebase, load_rulebase
from doctrine.language import vocabulary as V
from doctrine.language.diagnostics import Diagnostic, DoctrineError
from doctrine.language.source import NOWHERE, Span


@dataclass(frozen=True)
class Body:
    """One fired rule instance: rule id, clause index, conclusion, premises, satisfied negations."""

    rule: str
    clause: int
    conclusion: str
    positive: tuple[str, ...]
    negative: tuple[str, ...]


@dataclass(frozen=True)
class Run:
    """One answer set: the case under one branch of the unsettled law, maybe with a bar set aside."""

    branch: tuple[tuple[str, str], ...]
    even_if: tuple[str, ...]
    conclusions: frozenset[str]  # X of every holds(X)
    applied: tuple[tuple[str, str], ...]  # (rule id, conclusion)
    binding: frozenset[str]  # applied rules whose authority binds the court
    barred_by: tuple[str, ...]
    bodies: tuple[Body, ...] = ()

    @functools.cached_property  # a run is frozen: read once (the verdict asks several times)
    def relief(self) -> tuple[str, ...]:
        return _arguments(self.conclusions, _RELIEF_PREFIX)

    @functools.cached_property
    def below_minimum(self) -> tuple[str, ...]:
        return _arguments(self.conclusions, _BELOW_PREFIX)

    def verdict(self) -> tuple[tuple[str, ...], tuple[str, ...]]:
        return self.relief, self.below_minimum


@dataclass(frozen=True)
class Outcome:
    """Every run of one case, and what the explainer needs to point back at the case file."""

    case: str
    source: str
    jurisdiction: str
    runs: tuple[Run, ...]  # primary runs first (one per branch), then the "even if" runs
    facts: tuple[str, ...]
    origin: Mapping[str, Span] = field(default_factory=dict)
    as_of: int | None = None
    title: str = ""  # the case's name and citation, carried for headings (Program.title, .citation)
    citation: str = ""

    @functools.cached_property  # an outcome is frozen: read once
    def primary(self) -> tuple[Run, ...]:
        return tuple(r for r in self.runs if not r.even_if)

    @property
    def alternatives(self) -> tuple[Run, ...]:
        return tuple(r for r in self.runs if r.even_if)

    @property
    def relief_available(self) -> bool | None:
        """True or False; None when the answer depends on an unsettled question."""
        answers = {bool(r.relief) for r in self.primary}
        return answers.pop() if len(answers) == 1 else None

    @property
    def relief_kinds(self) -> tuple[str, ...]:
        """The kinds available in every branch (those available only in some are in `kinds_if`)."""
        sets = [set(r.relief) for r in self.primary]
        return tuple(sorted(set.intersection(*sets))) if sets else ()

    @property
    def below_minimum_authorized(self) -> bool | None:
        answers = {bool(r.below_minimum) for r in self.primary}
        return answers.pop() if len(answers) == 1 else None

    @property
    def depends_on(self) -> tuple[str, ...]:
        """Unsettled questions whose branches give different verdicts."""
        qs = sorted({q for r in self.primary for q, _ in r.branch})
        out = []
        for q in qs:
            by_position: dict[str, set[tuple[tuple[str, ...], tuple[str, ...]]]] = {}
            for r in self.primary:
                if q in dict(r.branch):
                    by_position.setdefault(dict(r.branch)[q], set()).add(r.verdict())
            if len({frozenset(v) for v in by_position.values()}) > 1:
                out.append(q)
        return tuple(out)


# ---------------------------------------------------------------------------------------------


def input_universe() -> Iterator[Symbol]:
    """Every input atom the vocabulary allows: the finite fact space of the doctrine."""
    for parent, key in V.walk():
        if key.predicate is None:
            continue
        words = key.domain.constants() if key.domain is not None else ("term", "life", "none", "unknown")
        if key.form is V.Form.PARTY:
            words = V.SPEAKERS.constants()
        if parent is not None and parent.keyed:
            assert parent.domain is not None
            for h in parent.domain.constants():
                for w in words:
                    yield Function(key.predicate, [Function(h), Function(w)])
        else:
            for w in words:
                yield Function(key.predicate, [Function(w)])
    for pred in V.COMPARISONS:
        for w in V.TRI.constants():
            yield Function(pred, [Function(w)])


Request = tuple[tuple[frozenset[int], ...], tuple[tuple[str, str], ...], tuple[str, ...]]
"""One run of a case: its true external literals, as the sets whose union they are (the case's
facts; what every case of its jurisdiction and date shares; its branch and bars), the branch
taken and the bars set aside."""
Answered = tuple["Run", frozenset[str]]
"""A run's answer set, read: the run, and the open questions some rule read in it."""
Branching = tuple[tuple[tuple[str, str], ...], tuple[tuple[str, str], ...]]
"""A branch of a case's open questions (every one), and the part of it a run names (those it read)."""


def ground_doctrine(
    ctl: clingo.Control, rulebase: Rulebase, jurisdiction: str | None, trace: bool, messages: list[str]
) -> list[Symbol]:
    """Ground the doctrine into `ctl`, every input atom `#external`; the inputs.

    With a jurisdiction, the doctrine of that jurisdiction (its file's facts and rules); with
    None, of every jurisdiction at once: each jurisdiction file's facts (`setting/2`,
    `setting_since/2`: `Rulebase.jurisdiction_facts`) are input atoms too, which an engine
    switches on for the cases of its jurisdiction. The two are the same program for a case
    (an external atom switched on is a fact); one grounding serves every circuit.

    The one grounding both engines start from (the compiled engine watches it with an Observer).
    """
    inputs = doctrine_inputs(rulebase, jurisdiction is None)
    if jurisdiction is None:
        ctl.add("base", [], rulebase.program)
        if trace:
            ctl.add("base", [], rulebase.trace_program)
    else:
        rulebase.add_text(ctl, jurisdiction, trace)
    # Every possible input atom is declared `#external`, printed by the Symbol itself (which
    # escapes correctly; no case text is involved). Declaring them through Backend.add_atom
    # instead loses derivations whose body has a projected variable (clingo 5.8).
    ctl.add("base", [], "".join(f"#external {sym}.\n" for sym in inputs))
    ctl.add("base", [], "#show _touches/1.\n" + ("#show _body/5.\n" if trace else ""))
    ctl.ground([("base", [])])
    if any("error" in m.lower() for m in messages):
        raise DoctrineError([Diagnostic("rule-file-error", m, NOWHERE) for m in messages])
    return inputs


def doctrine_inputs(rulebase: Rulebase, merged: bool = False) -> list[Symbol]:
    """Every input atom: the case facts the vocabulary allows, and the branch, "even if" and
    as-of atoms the engine sets; `merged`, every jurisdiction file's facts as well."""
    extra = [Function("branch", [Function(q), Function(p)]) for q, ps in rulebase.questions.items() for p in ps]
    extra += [Function("even_if", [clingo.parse_term(b)]) for b in rulebase.bars]
    extra += [Function("not_yet_decided", [Function(a)]) for a in rulebase.authorities]
    if merged:
        extra += dict.fromkeys(f for j in sorted(rulebase.jurisdictions) for f in rulebase.jurisdiction_facts(j) or ())
    return [*input_universe(), *extra]


SHOWN = ("holds", "applied", "binding", "barred_by", "_touches", "_body")
"""The shown predicates a Run is read from (the others are for `clingo` on the command line)."""

RELIEF, BELOW = "holds relief", "holds below_minimum_authorized"
"""Where a run's decoded `holds(relief(K))` and `holds(below_minimum_authorized(B))` go, apart
from its other conclusions: `_make_run` reads `Run.relief` and `Run.below_minimum` off them."""

BUCKETS = (*SHOWN, RELIEF, BELOW)
"""What a run's decoded shown atoms are gathered by (`shown_entry`)."""


def shown_entry(sym: Symbol) -> tuple[str, object] | None:
    """A shown atom's bucket (`BUCKETS`: its predicate, or RELIEF or BELOW for a conclusion of
    relief or of authority below a minimum) and its Python value; None: not read by a Run."""
    name = sym.name
    if name not in SHOWN:
        return None
    if name == "holds":
        text = str(sym.arguments[0])
        return RELIEF if text.startswith(_RELIEF_PREFIX) else BELOW if text.startswith(_BELOW_PREFIX) else name, text
    return name, _decode_atom(sym)


def _decode_atom(sym: Symbol) -> object:
    """The Python value of a shown atom (done once per atom of the ground program)."""
    a = sym.arguments
    if sym.name == "applied":
        return (a[0].name, str(a[1]))
    if sym.name == "binding":
        return a[0].name
    if sym.name == "_body":
        return Body(a[0].name, a[1].number, str(a[2]), tuple(map(str, a[3].arguments)), tuple(map(str, a[4].arguments)))
    return str(a[0])


class Engine:
    """The doctrine grounded once for one jurisdiction; solves case after case.

    Each case switches on its facts (external atoms) and switches off the previous case's,
    so the Control never grows. Not thread-safe; one per process.
    """

    def __init__(self, rulebase: Rulebase, jurisdiction: str, trace: bool = True) -> None:
        jurisdiction = rulebase.require_jurisdiction(jurisdiction)
        self.messages: list[str] = []
        # two models asked for: a second would break the doctrine's determinism (an error below)
        ctl = clingo.Control(["--models=2"], logger=lambda code, msg: self.messages.append(msg.strip()))
        # One grounding for every jurisdiction when the jurisdiction files are only facts (the
        # compiled engine grounds the same program, so both give the shown atoms in one order).
        inputs = ground_doctrine(ctl, rulebase, None if rulebase.merged() else jurisdiction, trace, self.messages)
        self._ctl = ctl
        atoms = ctl.symbolic_atoms
        # Program literals of the externals, looked up once (assign_external by Symbol looks
        # the atom up on every call).
        self._setup(rulebase, jurisdiction, trace, {sym: atoms[sym].literal for sym in inputs if sym in atoms})  # type: ignore[union-attr]  # `in` checked
        # The externals are false until a case switches its facts on; switching only the
        # difference from the previous case is cheaper than assuming all of them each time
        # (clingo's Python API converts an assumption list element by element).
        self._on: set[int] = set()
        self.ask_ahead = False  # one solve a run: nothing is gained by asking ahead

    def _setup(self, rulebase: Rulebase, jurisdiction: str, trace: bool, literal: Mapping[Symbol, int]) -> None:
        """What every engine of one (rulebase, jurisdiction, trace) shares: the input literals."""
        self.rulebase = rulebase
        self.jurisdiction = jurisdiction
        self.trace = trace
        self._literal = literal
        self._literal_of_rep = {sym._rep: lit for sym, lit in literal.items()} if isinstance(literal, dict) else {}
        # A shown atom is decoded the first time a model holds it and kept by its interned
        # handle; later models are decoded by lookups (a flat trace, not calls on Symbols).
        self._decoded: dict[int, tuple[str, object] | None] = {}
        self._extra: dict[tuple[tuple[tuple[str, str], ...], tuple[str, ...]], frozenset[int]] = {}
        self._shared: dict[int | None, frozenset[int]] = {}  # by date: the literals every case of that date has
        self._not_yet_decided = [
            (a.date, literal[fact_symbol("not_yet_decided", (a.id,))]) for a in rulebase.authorities.values()
        ]
        # The jurisdiction file's facts, switched on in every run of its cases, when one grounding
        # serves every jurisdiction (`ground_doctrine`); else they are part of the grounding.
        self._settings = [literal[f] for f in rulebase.jurisdiction_facts(jurisdiction) or ()] if rulebase.merged() else []
        self.open_questions = rulebase.open_questions(jurisdiction)
        self._firsts: dict[tuple[str, ...], tuple[tuple[str, str], ...]] = {}
        self._branchings: dict[tuple[Any, ...], tuple[Branching, ...]] = {}
        self._open_by_date: dict[int | None, tuple[str, ...]] = {None: self.open_questions}

    def _switch(self, literals: set[int]) -> None:
        assign = self._ctl.assign_external
        for lit in self._on - literals:
            assign(lit, False)
        for lit in literals - self._on:
            assign(lit, True)
        self._on = literals

    def _request(self, facts: tuple[frozenset[int], ...], branch: tuple[tuple[str, str], ...],
                 bars: tuple[str, ...]) -> Request:
        """The external literals of one run: the case's (`CasePlan.facts`), and those of its branch
        and of the bars set aside (each bar as its text: `_parsed` gives the Symbol)."""
        extra = self._extra.get((branch, bars))
        if extra is None:
            lits = [self._literal[fact_symbol("branch", qp)] for qp in branch]
            lits += [self._literal[Function("even_if", [b])] for b in _parsed(bars)]
            extra = self._extra[(branch, bars)] = frozenset(lits)
        return ((*facts, extra) if extra else facts), branch, bars

    def _run(self, request: Request) -> tuple[Run, frozenset[str]]:
        parts, branch, even_if = request
        self._switch(set().union(*parts))
        shown: list[Sequence[Symbol]] = []
        self._ctl.solve(on_model=lambda m: shown.append(m.symbols(shown=True)))
        if len(shown) != 1:
            raise DoctrineError(
                [Diagnostic("not-one-answer-set", f"the doctrine gave {len(shown)} answer sets, not one", NOWHERE)]
            )
        return self._decode(shown[0], branch, even_if)

    def _decode(
        self, symbols: Sequence[Symbol], branch: tuple[tuple[str, str], ...], even_if: tuple[str, ...]
    ) -> tuple[Run, frozenset[str]]:
        table = self._decoded
        entries = []
        for sym in symbols:
            rep = sym._rep
            if rep not in table:
                table[rep] = shown_entry(sym)
            entry = table[rep]
            if entry is not None:
                entries.append(entry)
        return self._decode_entries(entries, branch, even_if)

    def _decode_entries(
        self, entries: Iterable[tuple[str, object]], branch: tuple[tuple[str, str], ...], even_if: tuple[str, ...]
    ) -> tuple[Run, frozenset[str]]:
        """A run from the decoded shown atoms of its answer set (`SHOWN`).

        Both engines give the shown atoms in the order of clingo's output table (the order the
        ground program defines them), so the derivations of a conclusion come in one order
        whichever engine found them, and the explanation shows the same first one.
        """
        got: dict[str, list[Any]] = {name: [] for name in BUCKETS}
        for name, value in entries:
            got[name].append(value)
        return _make_run(got, branch, even_if)

    def _case_facts(self, program: Program) -> tuple[frozenset[int], tuple[str, ...]]:
        """The external literals of a case's facts, and the facts as text."""
        return self._fact_literals(program.facts), program.texts()

    def _fact_literals(self, facts: Sequence[Symbol]) -> frozenset[int]:
        """The external literals of a case's facts."""
        by_rep = self._literal_of_rep
        unknown = [f for f in facts if f._rep not in by_rep]
        if unknown:  # the compiler only emits vocabulary atoms; this guards the invariant
            raise DoctrineError([Diagnostic("unknown-fact", f"not in the vocabulary: {unknown[0]}", NOWHERE)])
        return frozenset([by_rep[f._rep] for f in facts])

    def _open_on(self, as_of: int | None) -> tuple[str, ...]:
        """The open questions for a case decided on `as_of` (a position settled only later is open)."""
        found = self._open_by_date.get(as_of)
        if found is None:
            found = self._open_by_date[as_of] = self.rulebase.open_questions(self.jurisdiction, as_of)
        return found

    def _first(self, open_questions: tuple[str, ...]) -> tuple[tuple[str, str], ...]:
        """The first position of each open question: the branch a case is first run under."""
        first = self._firsts.get(open_questions)
        if first is None:
            first = self._firsts[open_questions] = tuple((q, self.rulebase.questions[q][0]) for q in open_questions)
        return first

    def _branching(self, first: tuple[tuple[str, str], ...], open_here: tuple[str, ...]) -> tuple[Branching, ...]:
        """Every combination of the positions of the questions `open_here`, the others as in
        `first`: each branch, and the part of it a run names (the questions it read)."""
        key = (first, open_here)
        found = self._branchings.get(key)
        if found is None:
            if len(self._branchings) > 10_000:
                self._branchings.clear()
            questions = self.rulebase.questions
            branches = [tuple(dict(first, **dict(combo)).items())
                        for combo in itertools.product(*([(q, p) for p in questions[q]] for q in open_here))]
            found = self._branchings[key] = tuple((b, tuple((q, p) for q, p in b if q in open_here)) for b in branches)
        return found

    def start(self, program: Program, as_of: int | None = None) -> CasePlan:
        """The plan of one case's runs (`CasePlan`), its first run asked for."""
        case_facts, fact_texts = self._case_facts(program)
        as_of = program.law_date(as_of)
        shared = self._shared.get(as_of)
        if shared is None:  # the jurisdiction's settings, and the authorities not yet decided on that date
            if len(self._shared) > 10_000:
                self._shared.clear()
            pending = [lit for date, lit in self._not_yet_decided if as_of is not None and date > as_of]
            shared = self._shared[as_of] = frozenset([*self._settings, *pending])
        plan = _object_new(CasePlan)
        plan.engine, plan.program, plan.as_of, plan.fact_texts = self, program, as_of, fact_texts
        plan.facts = facts = (case_facts, shared) if shared else (case_facts,)  # shared by the plan's requests
        plan.open_questions = open_questions = self._open_on(as_of)
        plan.first = first = self._first(open_questions)
        plan.even_if, plan.runs, plan.ahead, plan.ahead_answer, plan.branching = (), [], None, None, False
        plan.asked = [self._request(facts, first, ())]
        return plan

    def _outcome(self, plan: CasePlan) -> Outcome:
        program = plan.program
        if isinstance(program.origin, Origin):  # looked up by number, or made into a dict by text when first read
            origin = TextOrigin((), symbol_text, _TEXT, program.origin)
        else:
            origin = TextOrigin(list(program.origin.items()), symbol_text, _TEXT)
        runs = tuple(plan.runs)
        outcome = _new_outcome(program.case, program.source, self.jurisdiction, runs, plan.fact_texts, origin,
                               plan.as_of, program.title, program.citation)
        # `primary`, as the property reads it (its first read would take a lock, in Python 3.11)
        outcome.__dict__["primary"] = tuple([r for r in runs if not r.even_if]) if plan.even_if else runs
        return outcome

    def solve(self, program: Program, as_of: int | None = None) -> Outcome:
        """Every run of one case: each branch of the open questions, and the "even if" runs."""
        return run_plans([self.start(program, as_of)], self._answer_each)[0]

    def _answer_each(self, requests: list[Request]) -> list[Answered]:
        return [self._run(r) for r in requests]

    def solve_many(self, programs: Sequence[Program], as_of: int | None = None) -> list[Outcome]:
        """`solve` of each program, in order (the compiled engine does them all at once)."""
        return [self.solve(p, as_of) for p in programs]

    batch: Any = None
    """What answers the runs of many cases at once, shared by the engines of every jurisdiction
    (`doctrine.engine.compiled.Batch`); None: this engine answers one run at a time."""


Answer = Callable[[list[Request]], list[Answered]]
"""Answers a round of requests (the runs of many cases) all at once, in order."""


class CasePlan:
    """The runs of one case, asked for round by round: the case under the first position of
    each open question; then, if a rule read one of them (`_touches`), under every other
    combination of the positions of those it read; then, if a run found a procedural bar, the
    same again with every bar found set aside ("even if"). A run's `branch` names only the
    questions it decided: a question it does not name made no difference.

    A batch engine (`ask_ahead`) asks for the first "even if" run together with the other
    branches (they almost always find the same bars, and a round is a pass over every rule).
    Made by `Engine.start`; advanced by `run_plans`.
    """

    __slots__ = ("ahead", "ahead_answer", "as_of", "asked", "branches", "branching", "engine", "even_if", "fact_texts",
                 "facts", "first", "open_questions", "program", "run", "runs")

    engine: Engine
    program: Program
    as_of: int | None
    fact_texts: tuple[str, ...]
    facts: tuple[frozenset[int], ...]  # the literals of every run: the case's, and those it shares with others
    open_questions: tuple[str, ...]
    first: tuple[tuple[str, str], ...]  # the first position of each open question
    even_if: tuple[str, ...]  # the bars set aside in the runs now asked for
    runs: list[Run]  # the runs found so far: the primary runs, then the "even if" runs
    asked: list[Request]  # the requests of the coming round
    branching: bool  # the requests asked are the other branches (else the first run under `first`)
    run: Run  # the first run of the present branching
    branches: tuple[Branching, ...]  # every combination of the positions of the open questions it read
    ahead: Request | None  # the first "even if" run, asked for with the other branches
    ahead_answer: Answered | None

    def advance(self, answers: list[Answered]) -> bool:
        """Take the answers to the requests asked; True while more are asked."""
        if self.branching:
            return self._branched(answers)
        run, touched = answers[0]
        open_here = tuple([q for q in self.open_questions if q in touched]) if touched else ()
        if not open_here:
            self.runs.append(_with_branch(run, ()) if run.branch else run)
            return self._next_bars()
        engine, first = self.engine, self.first
        self.run, self.branches = run, engine._branching(first, open_here)
        asked = [engine._request(self.facts, b, self.even_if) for b, _ in self.branches if b != first]
        if engine.ask_ahead and not self.even_if and run.barred_by:
            self.ahead = engine._request(self.facts, first, _bar_texts(run))
            asked.append(self.ahead)
        if not asked:  # every question read has one position
            return self._branched([])
        self.asked, self.branching = asked, True
        return True

    def _branched(self, answers: list[Answered]) -> bool:
        """The runs of every branch, from the first run and the answers for the others."""
        self.branching = False
        if self.ahead is not None and self.ahead_answer is None:  # asked with these branches
            self.ahead_answer = answers[-1]
        found = iter(answers)
        first, run = self.first, self.run
        for branch, decided in self.branches:
            self.runs.append(_with_branch(run if branch == first else next(found)[0], decided))
        return self._next_bars()

    def _next_bars(self) -> bool:
        """After the primary runs: the "even if" runs, if some run found a bar; else done."""
        if self.even_if:
            return False
        bars = tuple(sorted({b for r in self.runs for b in r.barred_by}))
        if not bars:
            return False
        self.even_if = bars
        request = self.engine._request(self.facts, self.first, bars)
        self.asked = [request]
        if self.ahead_answer is not None and self.ahead == request:  # asked ahead: answered already
            return self.advance([self.ahead_answer])
        return True


def run_plans(plans: Sequence[CasePlan], answer: Answer) -> list[Outcome]:
    """Every case's plan advanced together: each round, the requests of every plan still
    running are answered in one call of `answer` (one pass over the rules)."""
    waiting = list(plans)
    while waiting:
        answers = answer([r for plan in waiting for r in plan.asked])
        following, at = [], 0
        for plan in waiting:
            n = len(plan.asked)
            if plan.advance(answers[at : at + n]):
                following.append(plan)
            at += n
        waiting = following
    return [plan.engine._outcome(plan) for plan in plans]


def _make_run(
    got: dict[str, list[Any]], branch: tuple[tuple[str, str], ...], even_if: tuple[str, ...]
) -> tuple[Run, frozenset[str]]:
    """A run from the values of its shown atoms by bucket (`BUCKETS`), and the questions it touched."""
    relief, below = got[RELIEF], got[BELOW]
    run = _new_run(
        branch,
        even_if,
        frozenset(got["holds"] + relief + below if relief or below else got["holds"]),
        tuple(sorted(got["applied"])),
        frozenset(got["binding"]),
        tuple(sorted(got["barred_by"])),
        tuple(got["_body"]),
    )
    # the properties `relief` and `below_minimum`, read off their buckets (the same values)
    d = run.__dict__
    d["relief"] = _arguments(relief, _RELIEF_PREFIX) if relief else ()
    d["below_minimum"] = _arguments(below, _BELOW_PREFIX) if below else ()
    return run, frozenset(got["_touches"])


_RELIEF_PREFIX, _BELOW_PREFIX = "relief(", "below_minimum_authorized("


def _arguments(conclusions: Iterable[str], prefix: str) -> tuple[str, ...]:
    """The arguments of the conclusions `prefix...)` among `conclusions`, sorted: what `Run.relief`
    and `Run.below_minimum` read (`_make_run` from the buckets `shown_entry` put them in)."""
    n = len(prefix)
    return tuple(sorted([c[n:-1] for c in conclusions if c.startswith(prefix)]))


def _with_branch(run: Run, branch: tuple[tuple[str, str], ...]) -> Run:
    """`run` under another branch name (`dataclasses.replace`, without its field-by-field look-ups:
    its fields, and what it has read of its properties, copied)."""
    made = _object_new(Run)
    d = made.__dict__
    d.update(run.__dict__)
    d["branch"] = branch
    return made


_object_new = object.__new__
_T = TypeVar("_T")


def stored(cls: type[_T], fields: Iterable[tuple[str, Any]] | Mapping[str, Any]) -> _T:
    """An instance of the frozen dataclass `cls` with `fields` (every field, in field order)
    stored straight into its `__dict__`: a frozen dataclass's `__init__` sets each through
    `object.__setattr__`, which on the hot path of a batch costs more than the work. Tests hold
    each use to the dataclass (value, repr, hash, pickle)."""
    made = _object_new(cls)
    made.__dict__.update(fields)
    return made


def _new_run(
    branch: tuple[tuple[str, str], ...], even_if: tuple[str, ...], conclusions: frozenset[str],
    applied: tuple[tuple[str, str], ...], binding: frozenset[str], barred_by: tuple[str, ...], bodies: tuple[Body, ...],
) -> Run:
    """`Run(...)`, its fields stored straight into its `__dict__` (a frozen dataclass's `__init__`
    sets each through `object.__setattr__`: a third of the cost of a batch's runs). The same
    value: `tests/engine/test_compiled.py` checks it against `Run(...)`, field by field."""
    run = _object_new(Run)
    d = run.__dict__
    d["branch"] = branch
    d["even_if"] = even_if
    d["conclusions"] = conclusions
    d["applied"] = applied
    d["binding"] = binding
    d["barred_by"] = barred_by
    d["bodies"] = bodies
    return run


_OUTCOME_FIELDS = tuple(Outcome.__dataclass_fields__)


def _new_outcome(*fields: Any) -> Outcome:
    """`Outcome(*fields)`, stored field by field (`stored`)."""
    return stored(Outcome, zip(_OUTCOME_FIELDS, fields, strict=True))


@functools.lru_cache(maxsize=1024)
def _parsed(bars: tuple[str, ...]) -> tuple[Symbol, ...]:
    return tuple(clingo.parse_term(b) for b in bars)


def _bar_texts(run: Run) -> tuple[str, ...]:
    """The bars a run found, as `plan` sets them aside (sorted)."""
    return tuple(sorted(set(run.barred_by)))


_CIRCUITS = {number_fact(("circuit", (c,))): c for c in V.CIRCUITS.constants()}  # by the fact's number


def circuit_of(program: Program) -> str | None:
    """The circuit a case's facts name (the first), looked up in C (`map`): a batch asks for every case."""
    return next(filter(None, map(_CIRCUITS.get, program.numbers)), None)


EngineFactory = Callable[[Rulebase, str, bool], Engine]
"""Makes the engine of one (rulebase, jurisdiction, trace): `Engine` (clingo's solve) or
`doctrine.engine.compiled.make_engine`."""


class Solver:
    """Engines for every jurisdiction of one rulebase, made on first use and kept."""

    def __init__(self, rulebase: Rulebase | None = None, trace: bool = True, factory: EngineFactory | None = None) -> None:
        self.rulebase = rulebase or load_rulebase()
        self.trace = trace
        self.factory: EngineFactory = factory or Engine
        self._engines: dict[str, Engine] = {}

    def engine(self, jurisdiction: str) -> Engine:
        if jurisdiction not in self._engines:
            self._engines[jurisdiction] = self.factory(self.rulebase, jurisdiction, self.trace)
        return self._engines[jurisdiction]

    def solve(self, program: Program, jurisdiction: str | None = None, as_of: int | None = None) -> Outcome:
        j = jurisdiction or self.rulebase.jurisdiction_for(circuit_of(program))
        return self.engine(j).solve(program, as_of)

    def solve_many(self, programs: Sequence[Program], jurisdiction: str | None = None, as_of: int | None = None) -> list[Outcome]:
        """`solve` of each program, in order, each jurisdiction's cases given to its engine at once."""
        groups: dict[str, list[int]] = {}
        for i, program in enumerate(programs):
            groups.setdefault(jurisdiction or self.rulebase.jurisdiction_for(circuit_of(program)), []).append(i)
        engines = [self.engine(j) for j in groups]
        batch = engines[0].batch if engines else None
        if batch is not None and all(e.batch is batch for e in engines):
            # One grounding serves every jurisdiction: the cases of all of them in one pass a round.
            batch.prepare(len(programs))
            plans: list[CasePlan | None] = [None] * len(programs)
            for engine, index in zip(engines, groups.values()):
                start = engine.start
                for i in index:
                    plans[i] = start(programs[i], as_of)
            return run_plans(plans, batch.answer)  # type: ignore[arg-type]  # every index is in one group
        out: list[Outcome | None] = [None] * len(programs)
        for j, index in groups.items():
            for i, outcome in zip(index, self.engine(j).solve_many([programs[i] for i in index], as_of)):
                out[i] = outcome
        return out  # type: ignore[return-value]  # every index is in one group
