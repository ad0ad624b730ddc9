"""Explain: Outcome x Rulebase -> Explanation (why trees, why-not, "even if" alternatives). Pure.

A why tree goes from a conclusion down through the rule that derived it (its id, authority,
pin cite and quote), the conclusions it rested on, to leaves that are case facts with their
`file:line`. Negative conditions read as findings. A why-not names, for each rule that could
have derived the goal, the first condition (in the order the rule states them, which is the
order courts take them) that failed, and follows a failed conclusion down a few levels.

    holds(no_threshold_showing(impermissible_factor)) via billings_stand_in_aside
becomes
    Node("no_threshold_showing(impermissible_factor)", "no substantial threshold showing ...",
         rule="billings_stand_in_aside", facts=(Leaf("remark_by(family_circumstances,stand_in)", 31),))
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any

import clingo
from clingo import Symbol, SymbolType, ast

from doctrine.engine.rulebase import Clause, Rulebase
from doctrine.engine.solve import Body, Outcome, Run
from doctrine.language import vocabulary as V
from doctrine.language.source import Span
from doctrine.reasoning.verdict import Verdict, decide_verdict

try:  # the templates sit beside the vocabulary; a missing template falls back to the atom
    from doctrine.reasoning.templates import TEMPLATES, WORDS
except ImportError:  # pragma: no cover - only while the templates are being written
    TEMPLATES, WORDS = {}, {}


@dataclass(frozen=True)
class Leaf:
    """A case fact (or a jurisdiction setting) an explanation rests on."""

    fact: str
    text: str
    span: Span | None  # None: not stated in the case file (a default: the record is silent)
    note: str = ""  # where a leaf with no span comes from (a jurisdiction setting, a branch)

    @property
    def line(self) -> int | None:
        return self.span.start.line if self.span else None


@dataclass(frozen=True)
class Node:
    """One step of a derivation: a conclusion and the rule that reached it."""

    conclusion: str
    text: str
    rule: str = ""
    authority: str = ""
    pin: str = ""
    quote: str = ""
    statement: str = ""
    because: tuple[Node, ...] = ()
    facts: tuple[Leaf, ...] = ()
    findings: tuple[str, ...] = ()  # negative conditions, read as findings
    ref: bool = False  # shown in full earlier in the explanation


@dataclass(frozen=True)
class Failure:
    """Why a rule did not reach the goal: the first condition that failed."""

    goal: str
    rule: str
    authority: str
    pin: str
    condition: str  # the failed body literal, as written
    text: str  # in plain words
    deeper: tuple[Failure, ...] = ()


@dataclass(frozen=True)
class Section:
    """A group of holdings: the dispositive ones, or those reached under one condition."""

    title: str
    condition: str
    nodes: tuple[Node, ...]


@dataclass(frozen=True)
class Explanation:
    verdict: Verdict
    sections: tuple[Section, ...]
    why_not: tuple[Failure, ...] = ()
    why_not_goal: str = ""
    facts_used: frozenset[str] = field(default_factory=frozenset)

    def nodes(self) -> Iterator[Node]:
        def walk(n: Node) -> Iterator[Node]:
            yield n
            for c in n.because:
                yield from walk(c)

        for s in self.sections:
            for n in s.nodes:
                yield from walk(n)


# ---------------------------------------------------------------------------------------------
# Words


@lru_cache(maxsize=4096)
def _parse(text: str) -> Symbol:
    return clingo.parse_term(text)


def _word(sym: Symbol) -> str:
    if sym.type == SymbolType.Function and sym.arguments:
        return say(sym)
    s = str(sym).strip('"')
    return WORDS.get(s, s.replace("_", " "))


def say(sym: Symbol | str, negative: bool = False) -> str:
    """A conclusion or fact in plain English (a template per predicate), or its finding if negative."""
    return _say(sym if isinstance(sym, str) else str(sym), negative)


@lru_cache(maxsize=16384)
def _say(text: str, negative: bool) -> str:
    return _say_symbol(_parse(text), negative)


def _say_symbol(sym: Symbol, negative: bool) -> str:
    if sym.type != SymbolType.Function:
        return _word(sym)
    if sym.name == "holds" and len(sym.arguments) == 1:
        return say(sym.arguments[0], negative)
    template = TEMPLATES.get(str(sym)) or TEMPLATES.get((sym.name, len(sym.arguments)))
    args = [_word(a) for a in sym.arguments]
    if template:
        text = template[1 if negative else 0]
        try:
            return text.format(*args)
        except (IndexError, KeyError):
            pass
    plain = sym.name.replace("_", " ") + (f" ({', '.join(args)})" if args else "")
    return f"it is not established that {plain}" if negative else plain


# ---------------------------------------------------------------------------------------------
# Why


class _TreeBuilder:
    def __init__(self, rulebase: Rulebase, outcome: Outcome, run: Run, shown: set[str]) -> None:
        self.rulebase = rulebase
        self.outcome = outcome
        self.run = run
        self.shown = shown  # conclusions already shown in full (shared sub-derivations)
        self.bodies: dict[str, list[Body]] = {}
        applied = set(run.applied)
        for b in run.bodies:
            if (b.rule, b.conclusion) in applied:
                self.bodies.setdefault(b.conclusion, []).append(b)
        self.facts_used: set[str] = set()

    def leaf(self, fact: str) -> Leaf:
        self.facts_used.add(fact)
        return Leaf(fact, say(fact), self.outcome.origin.get(fact))

    def node(self, conclusion: str, depth: int = 0, stated: frozenset[str] = frozenset(), rule: str = "") -> Node:
        bodies = [b for b in self.bodies.get(conclusion, []) if not rule or b.rule == rule]
        if not bodies:
            return Node(conclusion, say(conclusion))
        body = bodies[0]
        key = f"{body.rule}:{conclusion}"
        info = self.rulebase.rules.get(body.rule)
        auth = self.rulebase.authorities.get(info.authority) if info else None
        base: dict[str, Any] = {
            "conclusion": conclusion,
            "text": say(conclusion),
            "rule": body.rule,
            "authority": auth.cite() if auth else (info.authority if info else ""),
            "pin": info.pin if info else "",
            "quote": info.quote if info else "",
            "statement": info.statement if info else "",
        }
        if key in self.shown or (not rule and conclusion in self.shown) or depth > 12:
            return Node(**base, ref=True)
        self.shown.update((key, conclusion))
        because, facts = [], []
        for premise in body.positive:
            sym = _parse(premise)
            if sym.name == "holds":
                because.append(self.node(str(sym.arguments[0]), depth + 1, stated | set(body.negative)))
            elif sym.name == "position":
                facts.append(self._setting(sym))
            elif premise in self.outcome.facts or sym.name in _INPUTS:
                facts.append(self.leaf(premise))
        # a finding already stated higher up the tree is not repeated below it
        findings = _findings([n for n in body.negative if n not in stated])
        return Node(**base, because=tuple(because), facts=tuple(facts), findings=findings)

    def _setting(self, sym: Symbol) -> Leaf:
        q, _p = (str(a) for a in sym.arguments)
        branch = dict(self.run.branch)
        if q in branch:
            note = f"assumed: {q} is unsettled in {self.outcome.jurisdiction}, decided both ways"
        else:
            note = f"rules/jurisdictions/{self.outcome.jurisdiction}.lp"
        return Leaf(str(sym), say(sym), None, note)


_INPUTS = frozenset(V.input_predicates())


def _findings(negatives: list[str]) -> tuple[str, ...]:
    """Negative conditions as findings; those about one conclusion for several arguments are joined."""
    groups: dict[tuple[str, int], list[Symbol]] = {}
    order: list[tuple[str, int] | str] = []
    for n in negatives:
        sym = _parse(n)
        inner = sym.arguments[0] if sym.name == "holds" and sym.arguments else sym
        if inner.type == SymbolType.Function and len(inner.arguments) == 1 and str(inner) not in TEMPLATES:
            key = (inner.name, 1)
            if key not in groups:
                order.append(key)
            groups.setdefault(key, []).append(inner)
        else:
            order.append(n)
    out = []
    for item in order:
        if isinstance(item, str):
            out.append(say(item, negative=True))
            continue
        syms = groups[item]
        if len(syms) == 1:
            out.append(say(syms[0], negative=True))
            continue
        joined = "; ".join(_word(a.arguments[0]) for a in syms)
        template = TEMPLATES.get(item)
        out.append(template[1].format(joined) if template else say(syms[0], negative=True))
    return tuple(out)


def explain(outcome: Outcome, rulebase: Rulebase, why: str | None = None, why_not: str | None = None) -> Explanation:
    """The explanation of one case: dispositive holdings first, then each "even if" alternative."""
    verdict = decide_verdict(outcome, rulebase)
    shown: set[str] = set()
    facts_used: set[str] = set()
    sections: list[Section] = []
    primary = outcome.primary[0] if outcome.primary else None
    if primary is not None:
        builder = _TreeBuilder(rulebase, outcome, primary, shown)
        pairs = [(h.rule, h.answer) for h in verdict.dispositive()]
        if why:
            pairs = [("", c) for c in sorted(primary.conclusions) if _matches(_parse(c), why)]
        roots = _roots(pairs, builder)
        sections.append(Section("Holdings" if not why else f"Why {why}", "", tuple(builder.node(c, rule=r) for r, c in roots)))
        facts_used |= builder.facts_used
    if not why:
        by_condition: dict[str, list[tuple[str, str]]] = {}
        run_for: dict[str, Run] = {}
        for h in verdict.alternatives():
            by_condition.setdefault(h.condition, []).append((h.rule, h.answer))
            found = next((r for r in outcome.runs if (h.rule, h.answer) in r.applied), None)
            if found is not None:
                run_for.setdefault(h.condition, found)
        for condition, answers in by_condition.items():
            run = run_for.get(condition)
            if run is None:
                continue
            builder = _TreeBuilder(rulebase, outcome, run, set(shown))
            nodes = tuple(builder.node(c, rule=r) for r, c in _roots(answers, builder))
            sections.append(Section(f"In the alternative: {condition}", condition, nodes))
            facts_used |= builder.facts_used
    failures: tuple[Failure, ...] = ()
    if why_not and primary is not None:
        failed = why_not_failures(why_not, primary, outcome, rulebase)
        # A defendant who asks for a sentence below the minimum is refused that too: say why.
        seeks_below = "seeks(below_minimum_sentence)" in outcome.facts
        if GOAL_ALIASES.get(why_not, why_not) == "relief" and seeks_below and not primary.below_minimum:
            failed += why_not_failures("below_minimum_authorized", primary, outcome, rulebase)
        failures = tuple(failed)
    return Explanation(verdict, tuple(sections), failures, why_not or "", frozenset(facts_used))


def _roots(pairs: list[tuple[str, str]], builder: _TreeBuilder) -> list[tuple[str, str]]:
    """The (rule, conclusion) holdings not already shown inside another's derivation.

    Inside a derivation a conclusion is shown through its first rule, so only that pair is
    covered; a second rule reaching the same conclusion stays a root of its own.
    """
    wanted = list(dict.fromkeys(pairs))
    inside: set[tuple[str, str]] = set()
    for rule, c in wanted:
        for b in [b for b in builder.bodies.get(c, []) if not rule or b.rule == rule][:1]:
            for p in b.positive:
                if p.startswith("holds("):
                    sub = str(_parse(p).arguments[0])
                    first = builder.bodies.get(sub, [])
                    if first:
                        inside.add((first[0].rule, sub))
    kept = [(r, c) for r, c in wanted if (r, c) not in inside]
    return kept or wanted


def _matches(sym: Symbol, goal: str) -> bool:
    """`relief` matches relief(K) for any K; `relief(discovery)` matches only itself."""
    g = _parse(goal)
    if g.type != SymbolType.Function or sym.type != SymbolType.Function or g.name != sym.name:
        return False
    return not g.arguments or g == sym


# ---------------------------------------------------------------------------------------------
# Why not: the decisive failed condition of each rule that could have reached the goal

GOAL_ALIASES: Mapping[str, str] = {
    "hearing": "relief(evidentiary_hearing)",
    "discovery": "relief(discovery)",
    "remedy": "relief(remedy)",
    "below_minimum": "below_minimum_authorized",
    "threshold": "threshold_showing",
}


class _Matcher:
    """Evaluate a clause body against one answer set, to find where it fails."""

    def __init__(self, atoms: set[Symbol]) -> None:
        self.by_sig: dict[tuple[str, int], list[Symbol]] = {}
        for a in atoms:
            self.by_sig.setdefault((a.name, len(a.arguments)), []).append(a)

    def unify(self, term: ast.AST, sym: Symbol, env: dict[str, Symbol]) -> dict[str, Symbol] | None:
        t = term.ast_type
        if t == ast.ASTType.Variable:
            if term.name == "_":
                return env
            if term.name in env:
                return env if env[term.name] == sym else None
            return {**env, term.name: sym}
        if t == ast.ASTType.SymbolicTerm:
            return env if term.symbol == sym else None
        if t == ast.ASTType.Function:
            if sym.type != SymbolType.Function or sym.name != term.name or len(sym.arguments) != len(term.arguments):
                return None
            for a, s in zip(term.arguments, sym.arguments):
                env2 = self.unify(a, s, env)
                if env2 is None:
                    return None
                env = env2
            return env
        return None

    def matches(self, term: ast.AST, env: dict[str, Symbol]) -> list[dict[str, Symbol]]:
        name = term.name if term.ast_type == ast.ASTType.Function else str(term)
        arity = len(term.arguments) if term.ast_type == ast.ASTType.Function else 0
        out = []
        for s in self.by_sig.get((name, arity), []):
            e = self.unify(term, s, env)
            if e is not None:
                out.append(e)
        return out


def _ground(term: ast.AST, env: Mapping[str, Symbol]) -> str:
    """A body term with the variables bound so far replaced by their values."""
    t = term.ast_type
    if t == ast.ASTType.Variable:
        return str(env[term.name]) if term.name in env else term.name
    if t == ast.ASTType.Function:
        args = ",".join(_ground(a, env) for a in term.arguments)
        return f"{term.name}({args})" if term.arguments else term.name
    return str(term)


def _first_failure(clause: Clause, goal: Symbol, m: _Matcher) -> tuple[ast.AST, dict[str, Symbol]] | None:
    node = clause.ast_node
    head = node.head.atom.symbol.arguments[1]
    env = m.unify(head, goal, {}) if goal.arguments or not getattr(head, "arguments", ()) else {}
    if env is None:
        return None
    body = list(node.body)
    best: list[tuple[int, ast.AST, dict[str, Symbol]]] = []

    def go(i: int, env: dict[str, Symbol], budget: list[int]) -> bool:
        budget[0] -= 1
        if budget[0] < 0:
            return False
        if i == len(body):
            return True
        lit = body[i]
        if lit.ast_type != ast.ASTType.Literal or lit.atom.ast_type != ast.ASTType.SymbolicAtom:
            return go(i + 1, env, budget)  # comparisons: not the decisive condition of a doctrine
        term = lit.atom.symbol
        if lit.sign == ast.Sign.NoSign:
            envs = m.matches(term, env)
            if not envs:
                best.append((i, lit, env))
                return False
            return any(go(i + 1, e, budget) for e in envs)
        if m.matches(term, env):
            best.append((i, lit, env))
            return False
        return go(i + 1, env, budget)

    if go(0, env, [5000]):
        return None  # the rule is satisfied (the goal was defeated by an exception instead)
    if not best:
        return None
    _i, lit, env = max(best, key=lambda b: b[0])
    return lit, env


def why_not_failures(
    goal: str, run: Run, outcome: Outcome, rulebase: Rulebase, depth: int = 0, seen: set[str] | None = None
) -> list[Failure]:
    """For each rule that could derive `goal`, the first condition that failed (pruned, recursive).

    A failed condition that is itself a conclusion is followed down (two levels at most, each
    conclusion once), so the answer stays at the level of doctrine, not of absent atoms.
    """
    goal = GOAL_ALIASES.get(goal, goal)
    seen = set() if seen is None else seen
    m = _Matcher(_answer_atoms(run, outcome, rulebase))
    g = _parse(goal)
    out: list[Failure] = []
    for clause in rulebase.clauses:
        head = clause.ast_node.head.atom.symbol.arguments[1]
        if _head_name(head) != g.name:
            continue
        found = _first_failure(clause, g, m)
        if found is None:
            continue
        lit, env = found
        cond = ("not " if lit.sign != ast.Sign.NoSign else "") + _ground(lit.atom.symbol, env)
        if f"{clause.rule}|{cond}" in seen:
            continue
        seen.add(f"{clause.rule}|{cond}")
        info = rulebase.rules.get(clause.rule)
        auth = rulebase.authorities.get(info.authority) if info else None
        deeper: list[Failure] = []
        inner = lit.atom.symbol
        if depth < 2 and lit.sign == ast.Sign.NoSign and inner.ast_type == ast.ASTType.Function and inner.name == "holds":
            sub = _ground(inner.arguments[0], env)
            sub_goal = sub.split("(")[0] if any(ch.isupper() for ch in sub) else sub
            if sub_goal not in seen:
                seen.add(sub_goal)
                deeper = why_not_failures(sub_goal, run, outcome, rulebase, depth + 1, seen)[:4]
        out.append(
            Failure(
                goal=str(g),
                rule=clause.rule,
                authority=auth.cite() if auth else (info.authority if info else ""),
                pin=info.pin if info else "",
                condition=cond,
                text=_failure_text(lit, env) + _stated_instead(lit, env, outcome),
                deeper=tuple(deeper),
            )
        )
    return out


def _head_name(term: ast.AST) -> str:
    if term.ast_type == ast.ASTType.Function:
        return str(term.name)
    if term.ast_type == ast.ASTType.SymbolicTerm and term.symbol.type == SymbolType.Function:
        return str(term.symbol.name)
    return ""


def _answer_atoms(run: Run, outcome: Outcome, rulebase: Rulebase) -> set[Symbol]:
    """The answer set of a run, as far as a why-not needs it: facts, conclusions, the law."""
    atoms = {_parse(f) for f in outcome.facts}
    atoms |= {clingo.Function("holds", [_parse(c)]) for c in run.conclusions}
    branch = dict(run.branch)
    for q, setting in rulebase.jurisdictions.get(outcome.jurisdiction, {}).items():
        p = branch.get(q, setting)
        atoms.add(clingo.Function("position", [clingo.Function(q), clingo.Function(p)]))
    return atoms | _static_atoms(rulebase)


def _stated_instead(lit: ast.AST, env: Mapping[str, Symbol], outcome: Outcome) -> str:
    """For a failed input condition: what the case file says instead, with its line."""
    sym = lit.atom.symbol
    if lit.sign != ast.Sign.NoSign or sym.ast_type != ast.ASTType.Function or sym.name not in _INPUTS:
        return ""
    ground = _ground(sym, env)
    key = ground.rsplit(",", 1)[0] + "," if ground.count(",") and not ground.split(",")[0][-1:].isupper() else sym.name + "("
    stated = [f for f in outcome.facts if f.startswith(key)]
    if not stated:
        return ""
    where = outcome.origin.get(stated[0])
    line = f", {where.source}:{where.start.line}" if where else ", not stated"
    return f" (the case: {say(stated[0])}{line})"


def _failure_text(lit: ast.AST, env: Mapping[str, Symbol]) -> str:
    text = re.sub(r"\b[A-Z][A-Za-z0-9_]*\b", "any", _ground(lit.atom.symbol, env))
    try:
        sym = clingo.parse_term(text)
    except RuntimeError:
        return text
    if lit.sign == ast.Sign.NoSign:
        return say(sym, negative=True)
    return say(sym)


_STATIC: dict[str, frozenset[Symbol]] = {}


def _static_atoms(rulebase: Rulebase) -> frozenset[Symbol]:
    """The facts the rule files state (metadata and doctrine tables), once per rulebase."""
    from doctrine.engine.rulebase import _head_fact

    if rulebase.digest not in _STATIC:
        out = set()
        for stm in rulebase.statements:
            if _head_fact(stm) is not None:
                try:
                    out.add(clingo.parse_term(str(stm.head)))
                except RuntimeError:
                    pass
        _STATIC[rulebase.digest] = frozenset(out)
    return _STATIC[rulebase.digest]
