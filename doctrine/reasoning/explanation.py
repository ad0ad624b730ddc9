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

from collections.abc import Callable, Sequence
from functools import lru_cache

from clingo import Symbol, SymbolType

from doctrine.engine.origin import TextOrigin
from doctrine.engine.rulebase import Rulebase
from doctrine.engine.solve import Body, Outcome, Run
from doctrine.language import vocabulary as V
from doctrine.language.source import Span
from doctrine.reasoning.nodes import (
    Explanation as Explanation,
    Failure as Failure,
    Leaf as Leaf,
    Node as Node,
    Packed,
    Section as Section,
    pack_failure,
    span_fields,
    unpack_explanation,
)
from doctrine.reasoning.say import _say, atom_word, parse_atom, say as say, say_goal
from doctrine.reasoning.templates import TEMPLATES
from doctrine.reasoning.verdict import Verdict, decide_verdict_both

# ---------------------------------------------------------------------------------------------
# Why
#
# The trees are built as the nested tuples an explanation crosses between processes in
# (`doctrine.reasoning.nodes`: a Node's fields in field order, its `because` and `facts` packed in
# turn), not as Nodes: a batch's worker sends them as they are, and Nodes are made only when a
# caller reads them (`explain`, `Evaluation.explanation`). A node's fields before `because` are
# one tuple per derivation (`_base`), the same object case after case.

_CONCLUSION, _RULE, _BECAUSE = 0, 2, 7  # where a packed node has these fields


class _TreeBuilder:
    def __init__(self, rulebase: Rulebase, outcome: Outcome, run: Run, shown: set[str],
                 facts: frozenset[str] | None = None, bodies: dict[str, list[Body]] | None = None,
                 origin: Callable[[str], Span | None] | None = None) -> None:
        self.rulebase = rulebase
        self.outcome = outcome
        self.run = run
        self.shown = shown  # conclusions already shown in full (shared sub-derivations)
        self.bodies = _applied_bodies(run) if bodies is None else bodies  # the run's, when the caller has them
        self.facts_used: set[str] = set()
        self.facts = frozenset(outcome.facts) if facts is None else facts  # made once per explanation
        self.branch = dict(run.branch)
        self.origin = _span_getter(outcome) if origin is None else origin
        self.steps = _steps_of(rulebase)

    def leaf(self, fact: str) -> Packed:
        """A case fact's packed Leaf: its words and its span (None: a default, not stated)."""
        self.facts_used.add(fact)
        span = self.origin(fact)
        return (fact, _say(fact, False), None if span is None else span_fields(span), "")

    def step(self, body: Body, conclusion: str) -> Step:
        """The `Step` of `body` (a derivation of `conclusion`): found in this rulebase's table by
        the Body's id, kept with the Body so that an id is never reused while it is kept, or
        made now (`_step`)."""
        found = self.steps.get(id(body))
        return found[1] if found is not None and found[0] is body else _step(self.rulebase, self.steps, body, conclusion)

    def node(self, conclusion: str, depth: int = 0, stated: frozenset[str] = frozenset(), rule: str = "",
             derived: Derived | None = None) -> Packed:
        """The packed Node of `conclusion`'s derivation (by `rule` when given) and its premises'.
        `derived`: that derivation and its `Step`, when the caller has looked them up."""
        shown, rulebase = self.shown, self.rulebase
        bodies = self.bodies.get(conclusion, ())
        if derived is None:
            body = _derivation(bodies, rule)
            if body is None:
                return _bare(conclusion)
            step = None
        else:
            body, step = derived
        if not rule and len(bodies) > 1:  # a conclusion already shown is referred to by the derivation that was shown
            shown_body = next((b for b in bodies if self.step(b, conclusion)[0] in shown), body)
            if shown_body is not body:
                body, step = shown_body, None
        key, says, premises, subs, findings = self.step(body, conclusion) if step is None else step
        if key in shown or (not rule and conclusion in shown) or depth > 12:
            return _reference(rulebase, body.rule, conclusion)
        shown.add(key)
        shown.add(conclusion)
        because, facts = [], []
        negative = body.negative
        below = stated | set(negative) if negative and subs else stated
        for kind, premise, inner in premises:
            if kind is _HOLDS:
                because.append(self.node(inner, depth + 1, below))
            elif kind is _POSITION:
                facts.append(_setting(premise, self.outcome.jurisdiction, inner in self.branch))
            elif kind is _INPUT or premise in self.facts:
                facts.append(self.leaf(premise))
        # a finding already stated higher up the tree is not repeated below it
        if negative and stated:
            findings = _findings(tuple([n for n in negative if n not in stated]))
        return (*says, tuple(because), tuple(facts), findings, False)


def _span_getter(outcome: Outcome) -> Callable[[str], Span | None]:
    """A case fact's span by its text (None: a default, not stated), as one function."""
    origin = outcome.origin
    return origin.span_getter() if isinstance(origin, TextOrigin) else origin.get


_HOLDS, _POSITION, _INPUT, _OTHER = "holds", "position", "input", "other"  # what a premise is, for `node`


def _applied_bodies(run: Run) -> dict[str, list[Body]]:
    """The derivations of a run's conclusions by rules that applied (not defeated), by conclusion."""
    applied = set(run.applied)
    out: dict[str, list[Body]] = {}
    for b in run.bodies:
        if (b.rule, b.conclusion) in applied:
            out.setdefault(b.conclusion, []).append(b)
    return out


def _derivation(bodies: Sequence[Body] | None, rule: str) -> Body | None:
    """A conclusion's first derivation (by `rule`, when given) among `bodies` (None: none).
    Most conclusions have one, so the first is looked at before any search."""
    if not bodies:
        return None
    first = bodies[0]
    if not rule or first.rule == rule:
        return first
    return next((b for b in bodies if b.rule == rule), None)


Step = tuple[str, tuple[str, ...], tuple[tuple[str, str, str], ...], tuple[str, ...], tuple[str, ...]]
"""What a node says of one derivation, the same in every case: its key (`rule:conclusion`), what
it says of the rule (`_base`: its fields before `because`), each positive premise as (what it is,
the premise, its first argument's text), the conclusions its `holds` premises are about, and its
negative conditions as findings (`_findings`)."""

Derived = tuple[Body, Step]
"""A conclusion's derivation and what a node says of it."""

_STEPS: dict[str, dict[int, Derived]] = {}  # by rules digest, then the Body's id (kept with it)


def _steps_of(rulebase: Rulebase) -> dict[int, Derived]:
    """The `Step`s made for this rulebase's derivations (`_step`), by the Body's id."""
    steps = _STEPS.get(rulebase.digest)
    if steps is None:
        steps = _STEPS[rulebase.digest] = {}
    return steps


def _step(rulebase: Rulebase, steps: dict[int, Derived], body: Body, conclusion: str) -> Step:
    """`Step` of a derivation of `conclusion` (the Body's), made once per Body and kept in
    `steps` by its id (`_TreeBuilder.step` looks it up; a shown atom is decoded once per process,
    so its Body recurs case after case). What it says of the rule is `_base`'s, made with the
    conclusion as the caller has it (the holding's own text, which pickle then writes once for
    both)."""
    if len(steps) > 100_000:
        steps.clear()
    premises = []
    for premise in body.positive:
        name, inner = _premise(premise)
        kind = _HOLDS if name == "holds" else _POSITION if name == "position" else _INPUT if name in _INPUTS else _OTHER
        premises.append((kind, premise, inner))
    subs = tuple([inner for kind, _, inner in premises if kind is _HOLDS])
    step = (f"{body.rule}:{conclusion}", _base(rulebase, body.rule, conclusion), tuple(premises), subs,
            _findings(body.negative))
    steps[id(body)] = (body, step)
    return step


@lru_cache(maxsize=16384)
def _bare(conclusion: str) -> Packed:
    """The packed Node of a conclusion no derivation of this run reached (one serves every case)."""
    return (conclusion, say(conclusion), "", "", "", "", "", (), (), (), False)


_REFERENCES: dict[tuple[str, str, str], Packed] = {}


def _reference(rulebase: Rulebase, rule: str, conclusion: str) -> Packed:
    """The packed Node of a derivation shown in full earlier in the explanation, referred to."""
    memo = (rulebase.digest, rule, conclusion)
    node = _REFERENCES.get(memo)
    if node is None:
        if len(_REFERENCES) > 100_000:
            _REFERENCES.clear()
        node = _REFERENCES[memo] = (*_base(rulebase, rule, conclusion), (), (), (), True)
    return node


_BASES: dict[tuple[str, str, str], tuple[str, ...]] = {}


def _base(rulebase: Rulebase, rule: str, conclusion: str) -> tuple[str, ...]:
    """What a node says of the rule that derived its conclusion (the same for every case): a
    Node's fields before `because` (conclusion, text, rule, authority, pin, quote, statement)."""
    memo = (rulebase.digest, rule, conclusion)
    base = _BASES.get(memo)
    if base is None:
        if len(_BASES) > 100_000:
            _BASES.clear()
        info = rulebase.rules.get(rule)
        auth = rulebase.authorities.get(info.authority) if info else None
        base = _BASES[memo] = (
            conclusion,
            say(conclusion),
            rule,
            auth.cite() if auth else (info.authority if info else ""),
            info.pin if info else "",
            info.quote if info else "",
            info.statement if info else "",
        )
    return base


@lru_cache(maxsize=4096)
def _setting(premise: str, jurisdiction: str, assumed: bool) -> Packed:
    """The packed Leaf of a jurisdiction's position: `assumed` when the run took it as a branch
    of an unsettled question (one serves every case)."""
    sym = parse_atom(premise)
    if assumed:
        court = atom_word(parse_atom(jurisdiction))
        note = f"assumed: unsettled in {court}, decided both ways"
    else:
        note = f"rules/jurisdictions/{jurisdiction}.lp"
    return (str(sym), say(sym), None, note)


_INPUTS = frozenset(V.input_predicates())


@lru_cache(maxsize=16384)
def _premise(text: str) -> tuple[str, str]:
    """A premise's predicate, and its first argument's text (reading a clingo Symbol's parts
    is a foreign call each time; the same premises recur case after case)."""
    sym = parse_atom(text)
    return sym.name, str(sym.arguments[0]) if sym.type == SymbolType.Function and sym.arguments else ""


@lru_cache(maxsize=16384)
def _findings(negatives: tuple[str, ...]) -> tuple[str, ...]:
    """Negative conditions as findings; those about one conclusion for several arguments are joined."""
    groups: dict[tuple[str, int], list[Symbol]] = {}
    order: list[tuple[str, int] | str] = []
    for n in negatives:
        sym = parse_atom(n)
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
        joined = "; ".join(atom_word(a.arguments[0]) for a in syms)
        template = TEMPLATES.get(item)
        out.append(template[1].format(joined) if template else say(syms[0], negative=True))
    return tuple(out)


def explain(outcome: Outcome, rulebase: Rulebase, why: str | None = None, why_not: str | None = None) -> Explanation:
    """The explanation of one case: dispositive holdings first, then each "even if" alternative."""
    verdict, packed = explain_packed(outcome, rulebase, why, why_not)
    return unpack_explanation(packed, verdict)


def explain_packed(outcome: Outcome, rulebase: Rulebase, why: str | None = None,
                   why_not: str | None = None) -> tuple[Verdict, Packed]:
    """The verdict of one case and its explanation packed (`pack_explanation`'s form), as
    `explain` reads it: what a batch's worker sends, and unpacks only when asked."""
    verdict, packed_verdict = decide_verdict_both(outcome, rulebase)
    shown: set[str] = set()
    facts_used: set[str] = set()
    sections: list[Packed] = []
    primary = outcome.primary[0] if outcome.primary else None
    facts = frozenset(outcome.facts)
    origin = _span_getter(outcome)
    derivations: dict[int, dict[str, list[Body]]] = {}  # each run's applied derivations (`_applied_bodies`), made once

    def bodies_of(run: Run) -> dict[str, list[Body]]:
        found = derivations.get(id(run))
        if found is None:
            found = derivations[id(run)] = _applied_bodies(run)
        return found

    if primary is not None:
        builder = _TreeBuilder(rulebase, outcome, primary, shown, facts, bodies_of(primary), origin)
        pairs = [(h.rule, h.answer) for h in verdict.dispositive()]
        if why:
            pairs = [("", c) for c in sorted(primary.conclusions) if _matches(parse_atom(c), why)]
        nodes = _holding_nodes(builder, pairs, every_pair=not why)
        sections.append(("Holdings" if not why else f"Why: {say_goal(why)}", "", tuple(nodes)))
        facts_used |= builder.facts_used
    if not why:
        by_condition: dict[str, list[tuple[str, str]]] = {}
        words: dict[str, str] = {}
        for h in verdict.alternatives():
            words.setdefault(h.condition, h.condition_text)
            by_condition.setdefault(h.condition, []).append((h.rule, h.answer))
        for condition, answers in by_condition.items():
            # Holdings under one condition's words may be reached in different runs (a condition
            # that is a disjunction of branches reads as its common part): each is explained
            # from the first run that reached it.
            by_run: dict[int, list[tuple[str, str]]] = {}
            for pair in answers:
                found = next((i for i, r in enumerate(outcome.runs) if pair in r.applied), None)
                if found is not None:
                    by_run.setdefault(found, []).append(pair)
            if not by_run:
                continue
            section_shown = set(shown)
            alt: list[Packed] = []
            for i, pairs in by_run.items():
                builder = _TreeBuilder(rulebase, outcome, outcome.runs[i], section_shown, facts,
                                       bodies_of(outcome.runs[i]), origin)
                alt += _holding_nodes(builder, pairs, every_pair=True)
                facts_used |= builder.facts_used
            sections.append((f"In the alternative: {words[condition]}", condition, tuple(alt)))
    failures: tuple[Packed, ...] = ()
    if why_not and primary is not None:
        # imported here: why-not reads the rules' clingo AST, which an explanation alone never needs
        from doctrine.reasoning.why_not import GOAL_ALIASES, why_not_failures

        failed = why_not_failures(why_not, primary, outcome, rulebase)
        # A defendant who asks for a sentence below the minimum is refused that too: say why.
        seeks_below = "seeks(below_minimum_sentence)" in outcome.facts
        if GOAL_ALIASES.get(why_not, why_not) == "relief" and seeks_below and not primary.below_minimum:
            failed += why_not_failures("below_minimum_authorized", primary, outcome, rulebase)
        failures = tuple(map(pack_failure, failed))
    return verdict, (packed_verdict, tuple(sections), failures, why_not or "", frozenset(facts_used))


def _holding_nodes(builder: _TreeBuilder, pairs: list[tuple[str, str]], every_pair: bool) -> list[Packed]:
    """The trees of (rule, conclusion) holdings: those not shown inside another's derivation, and
    (`every_pair`) any holding reached only through a helper the trees do not follow."""
    nodes = [builder.node(c, rule=r, derived=d) for r, c, d in _roots(pairs, builder)]
    if every_pair:
        seen_pairs = {(n[_RULE], n[_CONCLUSION]) for top in nodes for n in _walk(top)}
        nodes += [builder.node(c, rule=r) for r, c in dict.fromkeys(pairs) if (r, c) not in seen_pairs]
    return nodes


def _walk(node: Packed) -> list[Packed]:
    """A packed node and every node below it."""
    out = [node]
    for child in node[_BECAUSE]:
        out.extend(_walk(child))
    return out


def _roots(pairs: list[tuple[str, str]], builder: _TreeBuilder) -> list[tuple[str, str, Derived | None]]:
    """The (rule, conclusion) holdings not already shown inside another's derivation, each with
    its derivation and `Step` (None: no derivation of this run reached it).

    Inside a derivation a conclusion is shown through its first rule, so only that pair is
    covered; a second rule reaching the same conclusion stays a root of its own.
    """
    wanted: list[tuple[str, str, Derived | None]] = []
    inside: set[tuple[str, str]] = set()
    bodies = builder.bodies
    for rule, c in dict.fromkeys(pairs):
        body = _derivation(bodies.get(c), rule)
        if body is None:
            wanted.append((rule, c, None))
            continue
        step = builder.step(body, c)
        wanted.append((rule, c, (body, step)))
        for sub in step[3]:  # its `holds` premises, read once per derivation
            first = bodies.get(sub)
            if first:
                inside.add((first[0].rule, sub))
    kept = [w for w in wanted if (w[0], w[1]) not in inside]
    return kept or wanted


def _matches(sym: Symbol, goal: str) -> bool:
    """`relief` matches relief(K) for any K; `relief(discovery)` matches only itself."""
    g = parse_atom(goal)
    if g.type != SymbolType.Function or sym.type != SymbolType.Function or g.name != sym.name:
        return False
    return not g.arguments or g == sym
