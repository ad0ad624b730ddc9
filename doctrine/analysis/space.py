"""The fact space: every well-formed scenario (as ASP choices, as a number, back to a case), and
the space around one case (Program -> Space, where each input atom may go, and back).

Over ~300 lines on purpose: this is the one description of what a case file can say, read off
`doctrine.language.vocabulary`, and its two views -- the whole space that `verify` searches
and the slots around a case that what-if and counterfactual search change -- must agree
(`tests/proof/test_strategies.py` checks the first against the strategies).

The whole space. What `doctrine.language.check` accepts and `doctrine.engine.compile` emits: a
single-valued key has one value (its default when unstated), a multiple key a set of values,
a keyed block's children exist only under its head, an allegation's `motion` names a declared
motion, a court of appeals is its own circuit and a district court names one, the numbers
enter only through the three comparisons the compiler makes, and the conflicts `check`
rejects (`plea_agreement none` with terms ...) are excluded. `choices()` writes that as
ground choice rules and constraints (clingo AST built from Symbols), `size()` counts it, and
`case_from_facts()` turns a chosen set of atoms back into a case that compiles to them:

    1 { raised_below(yes); raised_below(no); raised_below(unknown) } 1.
becomes, for the atom raised_below(no),
    Statement("raised_below", (Value(NAME, "no"),))

The space around a case. A what-if changes a case's facts within what a case file can say. A
single-valued key takes one value, a keyed block's children exist only under their head, a
child with a default always has a value. Each such place is a `Slot`; a `Space` is the slots
around one case -- the case's own atoms as the starting point, some slots pinned -- and
becomes meta-facts for the choice program in `doctrine.analysis.counterfactual`. A change
found there (`set`, `unset`, `add` or `drop` of one atom) is written back into the case's AST
by `apply_changes`, so every answer is a case file that parses and compiles to the atoms chosen.

The slot of `raised_below` and the case line
    raised_below no
become
    _slot(_s(raised_below)). _single(_s(raised_below)). _needed(_s(raised_below)).
    _opt(_s(raised_below), raised_below(yes)). ...  _base(raised_below(no)). _stated(raised_below(no)).
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass
from functools import lru_cache
from math import comb
from types import MappingProxyType

from clingo import Function, Number, Symbol, ast

from doctrine.engine.compile import Program, _word as compiled_word
from doctrine.language import vocabulary as V
from doctrine.language.syntax import Case, Statement, Value, ValueKind

LOC = ast.Location(ast.Position("<space>", 1, 1), ast.Position("<space>", 1, 1))
MINIMUM = ("term", "life", "none", "unknown")
# The comparisons compile.py makes, by the kind of minimum: the answers each can give.
COMPARED = {
    "guidelines_range_below_minimum": {
        "unknown": ("unknown",),
        "none": ("no", "unknown"),
        "term": ("yes", "no", "unknown"),
        "life": ("yes", "unknown"),
    },
    "reduced_range_below_minimum": {
        "unknown": ("unknown",),
        "none": ("no", "unknown"),
        "term": ("yes", "no", "unknown"),
        "life": ("yes", "unknown"),
    },
}
# The sentence against the minimum: (sentence_at_minimum, sentence_below_minimum) pairs the
# compiler can give, by the kind of minimum (one sentence decides both).
SENTENCE_PAIRS = {
    "unknown": (("unknown", "unknown"),),
    "none": (("no", "no"), ("no", "unknown")),
    "term": (("yes", "no"), ("no", "yes"), ("no", "no"), ("unknown", "unknown")),
    "life": (("yes", "no"), ("no", "yes"), ("unknown", "unknown")),
}
# Children a head rules out (doctrine.language.check, head_conflicts): the child keeps its default.
_CUSTODY_NO_ALLOWS = ("knew_effect", "approached_before_charging", "absconded")


def _c(word: str) -> Symbol:
    return Function(word)


def atom(pred: str, *args: str) -> Symbol:
    return Function(pred, [_c(a) for a in args])


def _lit(sym: Symbol, positive: bool = True) -> ast.AST:
    sign = ast.Sign.NoSign if positive else ast.Sign.Negation
    return ast.Literal(LOC, sign, ast.SymbolicAtom(ast.SymbolicTerm(LOC, sym)))


def choice(
    atoms: Iterable[Symbol], low: int | None, high: int | None, body: Iterable[ast.AST] = ()
) -> ast.AST:
    """`low { a1; a2 ... } high :- body.` (ground)."""
    elements = [ast.ConditionalLiteral(LOC, _lit(a), []) for a in atoms]
    le = ast.ComparisonOperator.LessEqual
    left = ast.Guard(le, ast.SymbolicTerm(LOC, Number(low))) if low else None
    right = ast.Guard(le, ast.SymbolicTerm(LOC, Number(high))) if high is not None else None
    return ast.Rule(LOC, ast.Aggregate(LOC, left, elements, right), list(body))


def forbid(*body: ast.AST) -> ast.AST:
    """`:- body.`"""
    return ast.Rule(LOC, ast.Literal(LOC, ast.Sign.NoSign, ast.BooleanConstant(False)), list(body))


def pos(sym: Symbol) -> ast.AST:
    return _lit(sym)


def neg(sym: Symbol) -> ast.AST:
    return _lit(sym, False)


def words(key: V.Key) -> tuple[str, ...]:
    """The ASP constants a key's atoms take."""
    if key.form is V.Form.PARTY:
        return V.SPEAKERS.constants()
    if key.form is V.Form.MONTHS:
        return MINIMUM
    assert key.domain is not None
    return key.domain.constants()


def allowed(parent: V.Key, head: str, child: V.Key) -> bool:
    """Whether `check` lets a block with this head state this child."""
    if parent.word == "plea_agreement" and head == "none":
        return False
    if parent.word == "custody" and head == "no":
        return child.word in _CUSTODY_NO_ALLOWS
    return True


def child_words(parent: V.Key, head: str, child: V.Key) -> tuple[str, ...]:
    """The values a child may take under this head ((its default) when it may not be stated)."""
    if not allowed(parent, head, child):
        return (child.default,) if child.default is not None else ()
    if parent.word == "assistance" and head == "none" and child.word == "led_to":
        return ("nothing",)
    return words(child)


# ---------------------------------------------------------------------------------------------
# Counting: each slot's number of options, multiplied


def _slot_count(key: V.Key, values: tuple[str, ...], required: bool) -> int:
    """Options of one slot: a single value (or none), or a set of values."""
    n = len(values)
    if key.multiple:
        return 2**n - (1 if required or key.default is not None else 0) if n else 1
    if not n:
        return 1
    return n if (required or key.default is not None) else n + 1


def _block_count(parent: V.Key, head: str, motions: int = 0) -> int:
    total = 1
    for child in parent.children:
        if child.predicate is None:
            continue
        values = child_words(parent, head, child)
        if parent.word == "allegation" and child.word == "motion":
            values = values[:motions]
        stated = allowed(parent, head, child)
        total *= _slot_count(child, values, False) if stated else 1
    return total


def _keyed_count(key: V.Key, motions: int = 0) -> int:
    total = 1
    for head in words(key):
        total *= 1 + _block_count(key, head, motions)
    return total


def _singleton_count(key: V.Key) -> int:
    heads = [_block_count(key, h) for h in words(key)]
    if key.default is not None:
        return sum(heads)
    return 1 + sum(heads)  # absent: children keep their defaults


def _minimum_count() -> int:
    return sum(
        len(COMPARED["guidelines_range_below_minimum"][m])
        * len(COMPARED["reduced_range_below_minimum"][m])
        * len(SENTENCE_PAIRS[m])
        for m in MINIMUM
    )


def _coupled_count() -> int:
    """Motions and allegations together: an allegation's `motion` names a declared motion."""
    motion, allegation = V.KEYS["motion"], V.KEYS["allegation"]
    n, per_motion = len(words(motion)), _block_count(motion, "s3553e")
    return sum(comb(n, k) * per_motion**k * _keyed_count(allegation, k) for k in range(n + 1))


SEPARATE = ("court", "circuit", "statutory_minimum", "motion", "allegation")


def size(circuits: Iterable[str] | None = None, no_circuit: bool = True) -> int:
    """The number of distinct well-formed scenarios (compiled fact sets).

    Only cases whose circuit is in `circuits` (default: every circuit) are counted, and, if
    `no_circuit`, Supreme Court cases that name no circuit. A circuit is reached three ways:
    its court of appeals, a district court in it, the Supreme Court on review from it.
    """
    chosen = list(V.CIRCUITS.constants() if circuits is None else circuits)
    total = (3 * len(chosen) + int(no_circuit)) * _minimum_count() * _coupled_count()
    for key in V.CASE_KEYS:
        if key.predicate is None or key.word in SEPARATE:
            continue
        if key.keyed:
            total *= _keyed_count(key)
        elif key.children:
            total *= _singleton_count(key)
        else:
            total *= _slot_count(key, words(key), key.required)
    return total


# ---------------------------------------------------------------------------------------------
# The choice program: the same slots as ground choice rules and constraints


def _slot_rules(
    pred: str,
    prefix: tuple[str, ...],
    key: V.Key,
    values: tuple[str, ...],
    required: bool,
    body: list[ast.AST],
) -> Iterator[ast.AST]:
    atoms = [atom(pred, *prefix, w) for w in values]
    if not atoms:
        return
    if key.multiple:
        yield choice(atoms, 1 if (required or key.default is not None) else None, None, body)
    else:
        yield choice(atoms, 1 if (required or key.default is not None) else None, 1, body)


def _block_rules(parent: V.Key, head: str, body: list[ast.AST], prefix: tuple[str, ...]) -> Iterator[ast.AST]:
    """The children of one block (its head atom is in `body`)."""
    for child in parent.children:
        if child.predicate is None:
            continue
        values = child_words(parent, head, child)
        if allowed(parent, head, child):
            yield from _slot_rules(child.predicate, prefix, child, values, False, body)
        elif child.default is not None:  # stated by the compiler, never by the case
            yield ast.Rule(LOC, pos(atom(child.predicate, *prefix, child.default)), list(body))
        if parent.word == "allegation" and child.word == "motion":
            for m in values:
                yield forbid(pos(atom(child.predicate, *prefix, m)), neg(atom("motion", m)))


def _key_rules(key: V.Key) -> Iterator[ast.AST]:
    assert key.predicate is not None
    if key.keyed:
        yield choice([atom(key.predicate, h) for h in words(key)], None, None)
        for h in words(key):
            yield from _block_rules(key, h, [pos(atom(key.predicate, h))], (h,))
        return
    yield from _slot_rules(key.predicate, (), key, words(key), key.required, [])
    for h in words(key) if key.children else ():
        yield from _block_rules(key, h, [pos(atom(key.predicate, h))], ())
    if key.children and key.default is None:  # absent: the children with defaults keep them
        absent = [neg(atom(key.predicate, h)) for h in words(key)]
        for child in key.children:
            if child.predicate is not None and child.default is not None:
                yield ast.Rule(LOC, pos(atom(child.predicate, child.default)), absent)


def _minimum_rules() -> Iterator[ast.AST]:
    yield choice([atom("statutory_minimum", m) for m in MINIMUM], 1, 1)
    for pred, answers in COMPARED.items():
        yield choice([atom(pred, w) for w in V.TRI.constants()], 1, 1)
        for m, ok in answers.items():
            for w in V.TRI.constants():
                if w not in ok:
                    yield forbid(pos(atom("statutory_minimum", m)), pos(atom(pred, w)))
    for pred in ("sentence_at_minimum", "sentence_below_minimum"):
        yield choice([atom(pred, w) for w in V.TRI.constants()], 1, 1)
    for m, pairs in SENTENCE_PAIRS.items():
        for at in V.TRI.constants():
            for below in V.TRI.constants():
                if (at, below) not in pairs:
                    yield forbid(pos(atom("statutory_minimum", m)), pos(atom("sentence_at_minimum", at)),
                                 pos(atom("sentence_below_minimum", below)))


def _court_rules(circuits: Iterable[str], no_circuit: bool) -> Iterator[ast.AST]:
    chosen = list(circuits)
    courts = [*chosen, "district_court", "supreme_court"]
    yield choice([atom("court", c) for c in courts], 1, 1)
    for c in chosen:
        yield ast.Rule(LOC, pos(atom("circuit", c)), [pos(atom("court", c))])
    for c in ("district_court", "supreme_court"):
        yield choice(
            [atom("circuit", x) for x in chosen],
            1 if c == "district_court" or not no_circuit else None,
            1,
            [pos(atom("court", c))],
        )


def choices(
    circuits: Iterable[str] | None = None, no_circuit: bool = True, keys: Iterable[str] | None = None
) -> list[ast.AST]:
    """Ground choice rules whose answer sets are the scenarios `size()` counts.

    `keys` restricts the program to some keys (for testing the count slot by slot).
    """
    wanted = set(keys) if keys is not None else None
    out: list[ast.AST] = []
    if wanted is None or "court" in wanted:
        out.extend(_court_rules(V.CIRCUITS.constants() if circuits is None else circuits, no_circuit))
    if wanted is None or "statutory_minimum" in wanted:
        out.extend(_minimum_rules())
    for key in V.CASE_KEYS:
        if key.predicate is None or key.word in ("court", "circuit", "statutory_minimum"):
            continue
        if wanted is None or key.word in wanted:
            out.extend(_key_rules(key))
    if wanted is None:
        out.extend(_consistency_rules())
    return out


def _consistency_rules() -> Iterator[ast.AST]:
    """The records `doctrine.language.contradictions` rejects are not scenarios (so `size()`,
    a product of independent slots, is an upper bound of the space these rules enumerate)."""
    from doctrine.language.contradictions import EVIDENCE, REFUSAL_CLAIMS

    for g in V.REASONS.constants():
        yield forbid(pos(atom("government_reason", g)), pos(atom("government_denies", g)))
    for a in V.ALLEGATIONS.constants():
        for e in sorted(EVIDENCE):
            yield forbid(pos(atom("allegation_support", a, "nothing")), pos(atom("allegation_support", a, e)))
        if a in REFUSAL_CLAIMS:
            for m in V.MOTIONS.constants():
                yield forbid(pos(atom("allegation_motion", a, m)), pos(atom("motion_filed", m, "yes")),
                             pos(atom("motion_granted", m, "yes")))
    for p in V.KEYS["promise"].domain.constants() if V.KEYS["promise"].domain else ():
        yield forbid(pos(atom("plea_agreement", "none")), pos(atom("promise_in", p, "plea_agreement")))


def key_size(word: str) -> int:
    """The count of one slot group, as `size()` multiplies it (for tests)."""
    key = V.KEYS[word]
    if word == "statutory_minimum":
        return _minimum_count()
    if key.keyed:
        return _keyed_count(key)
    if key.children:
        return _singleton_count(key)
    return _slot_count(key, words(key), key.required)


# ---------------------------------------------------------------------------------------------
# Back to a case: chosen atoms -> statements that compile to them

_WORD = {
    (d, c): w
    for _, k in V.walk()
    if k.domain is not None
    for d in [k.domain.name]
    for w, c in k.domain.values.items()
}


def _value(key: V.Key, const: str) -> Value:
    word = _WORD.get((key.domain.name, const), const) if key.domain is not None else const
    return Value(ValueKind.NAME if word.replace("_", "a").isalnum() else ValueKind.SECTION, word)


def _n(text: str) -> Value:
    return Value(ValueKind.NUMBER, text)


def _numbers(facts: dict[str, list[tuple[str, ...]]]) -> list[Statement]:
    """Months and ranges giving the minimum and the three comparisons that were chosen."""
    minimum = facts.get("statutory_minimum", [("unknown",)])[0][0]
    to = Value(ValueKind.NAME, "to")
    months = Value(ValueKind.NAME, "months")
    stated = (_n("120"), months) if minimum == "term" else (Value(ValueKind.NAME, minimum),)
    out = [Statement("statutory_minimum", stated)]
    for pred, key in (
        ("guidelines_range_below_minimum", "guidelines_range"),
        ("reduced_range_below_minimum", "reduced_range"),
    ):
        answer = facts.get(pred, [("unknown",)])[0][0]
        if answer != "unknown":
            low = "100" if answer == "yes" else "130"
            out.append(Statement(key, (_n(low), to, _n("150"))))
    answer = facts.get("sentence_at_minimum", [("unknown",)])[0][0]
    below = facts.get("sentence_below_minimum", [("unknown",)])[0][0]
    if answer == "yes":
        out.append(Statement("sentence", stated))
    elif answer == "no" and below == "yes":
        out.append(Statement("sentence", (_n("60" if minimum == "term" else "240"), months)))
    elif answer == "no" and below == "no":
        out.append(Statement("sentence", (_n("200" if minimum == "term" else "60"), months)))
    return out if minimum != "unknown" else out[1:]


def _children(
    parent: V.Key, facts: dict[str, list[tuple[str, ...]]], head: tuple[str, ...]
) -> tuple[Statement, ...]:
    out: list[Statement] = []
    for child in parent.children:
        if child.predicate is None:
            continue
        values = [a[-1] for a in facts.get(child.predicate, []) if a[:-1] == head]
        if values == [child.default]:
            continue  # the default: the compiler states it
        out.extend(Statement(child.word, (_value(child, v),)) for v in values)
    return tuple(out)


def case_from_facts(facts: Iterable[Symbol], case_id: str = "counterexample") -> Case:
    """A case that `check` accepts and `compile_case` turns into exactly these input atoms."""
    by: dict[str, list[tuple[str, ...]]] = {}
    for f in facts:
        by.setdefault(f.name, []).append(tuple(str(a) for a in f.arguments))
    for v in by.values():
        v.sort()
    court = by["court"][0][0]
    out: list[Statement] = [Statement("court", (_value(V.KEYS["court"], court),))]
    if not court.endswith("_circuit") and by.get("circuit"):
        out.append(Statement("circuit", (_value(V.KEYS["circuit"], by["circuit"][0][0]),)))
    out.extend(_numbers(by))
    for key in V.CASE_KEYS:
        if key.predicate is None or key.word in ("court", "circuit", "statutory_minimum"):
            continue
        for head, *_rest in by.get(key.predicate, []):
            children = _children(key, by, (head,) if key.keyed else ())
            if key.keyed or children or head != key.default:
                out.append(Statement(key.word, (_value(key, head),), children))
    return Case(case_id, tuple(sorted(out, key=lambda s: _ORDER[s.key])))


_ORDER = {k.word: i for i, k in enumerate(V.CASE_KEYS)}


def minimize(facts: Iterable[Symbol]) -> list[ast.AST]:
    """Weak constraints preferring scenarios that state little: each atom off its default costs 1."""
    defaults = {k.predicate: k.default for _, k in V.walk() if k.predicate is not None}
    defaults.update(dict.fromkeys(COMPARED, "unknown"))
    out: list[ast.AST] = []
    for f in facts:
        if f.name in ("court", "circuit") or str(f.arguments[-1]) == defaults.get(f.name):
            continue
        one = ast.SymbolicTerm(LOC, Number(1))
        out.append(
            ast.Minimize(LOC, one, ast.SymbolicTerm(LOC, Number(0)), [ast.SymbolicTerm(LOC, f)], [pos(f)])
        )
    return out


# ---------------------------------------------------------------------------------------------
# The space around one case: slots, changes, and back to the case
# Facts no party can change: where and how the question reaches the court, the numbers.
FIXED_KEYS = (
    "court",
    "circuit",
    "decided",
    "posture",
    "statutory_minimum",
    "guidelines_range",
    "amended_range",
    "reduced_range",
    "sentence",
)
# Computed by the compiler from the numbers (doctrine.engine.compile): never chosen.
DERIVED = tuple(V.COMPARISONS)
# A child whose value must be declared as the head of another keyed block.
REFERENCES = MappingProxyType({"allegation_motion": "motion"})


@dataclass(frozen=True)
class Slot:
    """One place a fact can go: a key, under one head for a keyed block's child."""

    id: Symbol
    path: str  # `raised_below`, `allegation.support`
    key: V.Key
    parent: V.Key | None
    head: Symbol | None  # the block's head constant for a keyed child (motion: s3553e)
    options: tuple[Symbol, ...]
    single: bool
    needed: bool  # the compiler always gives it a value while it is active
    default: Symbol | None
    requires: tuple[Symbol, ...]  # active only with one of these atoms (its block's head)
    head_for_values: tuple[Symbol, ...] = ()  # a non-default value needs one of these stated


def _words(key: V.Key) -> tuple[str, ...]:
    if key.form is V.Form.PARTY:
        return V.SPEAKERS.constants()
    if key.domain is not None:
        return key.domain.constants()
    return ("term", "life", "none", "unknown")


def _slot(key: V.Key, parent: V.Key | None, head: str | None) -> Slot:
    assert key.predicate is not None
    prefix = (head,) if head is not None else ()
    options = tuple(atom(key.predicate, *prefix, w) for w in _words(key))
    default = atom(key.predicate, *prefix, key.default) if key.default is not None else None
    requires: tuple[Symbol, ...] = ()
    values_need: tuple[Symbol, ...] = ()
    if parent is not None and parent.predicate is not None:
        heads = tuple(atom(parent.predicate, w) for w in _words(parent))
        if head is not None:
            requires = (atom(parent.predicate, head),)
        elif key.default is None:
            requires = heads
        else:  # the compiler states a singleton block's child defaults even without the block
            values_need = heads
    sid = Function("_s", [Function(key.predicate), *([Function(head)] if head is not None else [])])
    path = f"{parent.word}.{key.word}" if parent is not None else key.word
    return Slot(
        sid,
        path,
        key,
        parent,
        Function(head) if head else None,
        options,
        not key.multiple,
        key.default is not None,
        default,
        requires,
        values_need,
    )


@lru_cache(maxsize=1)
def slots() -> tuple[Slot, ...]:
    """Every slot of the vocabulary (keyed children once per possible head)."""
    out: list[Slot] = []
    for parent, key in V.walk():
        if key.predicate is None:
            continue
        if parent is not None and parent.keyed:
            assert parent.domain is not None
            out.extend(_slot(key, parent, h) for h in parent.domain.constants())
        else:
            out.append(_slot(key, parent, None))
    out.extend(_slot(V.Key(p, "", (), V.Form.ENUM, V.TRI, p, default="unknown"), None, None) for p in DERIVED)
    return tuple(out)


@lru_cache(maxsize=1)
def slot_of() -> Mapping[Symbol, Slot]:
    """Each input atom -> its slot."""
    return MappingProxyType({a: s for s in slots() for a in s.options})


def _pinned(slot: Slot, fixed: Iterable[str]) -> bool:
    for f in fixed:
        if slot.path == f or slot.path.startswith(f + ".") or (slot.parent is None and slot.key.word == f):
            return True
    return slot.key.form is V.Form.MONTHS or slot.key.word in DERIVED


@dataclass(frozen=True)
class Space:
    """The slots around one case: its atoms as the starting point, the pinned slots, the options."""

    base: frozenset[Symbol]
    stated: frozenset[Symbol]
    fixed: frozenset[Symbol]  # slot ids
    excluded: frozenset[Symbol] = frozenset()  # atoms no answer may use

    def facts(self) -> list[Symbol]:
        """The case's meta-facts for the choice program (the shape is `shape_facts`)."""
        f = Function
        out = [f("_base", [a]) for a in self.base] + [f("_stated", [a]) for a in self.stated]
        out += [f("_fixed", [s]) for s in self.fixed] + [f("_excluded", [a]) for a in self.excluded]
        return out


@lru_cache(maxsize=1)
def shape_facts() -> tuple[Symbol, ...]:
    """The vocabulary's slots as meta-facts (see doctrine.analysis.counterfactual.SPACE), for every case."""
    f = Function
    out: list[Symbol] = []
    for s in slots():
        out.append(f("_slot", [s.id]))
        out.extend(f("_opt", [s.id, a]) for a in s.options)
        out.extend(f("_req", [s.id, h]) for h in s.requires)
        out.extend(f("_hreq", [s.id, h]) for h in s.head_for_values)
        if s.single:
            out.append(f("_single", [s.id]))
        if s.needed:
            out.append(f("_needed", [s.id]))
        if s.default is not None:
            out.append(f("_dflt", [s.id, s.default]))
        target = REFERENCES.get(s.key.predicate or "")
        if target:
            out.extend(f("_needs", [a, f(target, [a.arguments[-1]])]) for a in s.options)
    return tuple(out)


def fact_space(
    program: Program,
    fix: Iterable[str] = (),
    free: Iterable[Symbol] | None = None,
    exclude: Iterable[Symbol] = (),
) -> Space:
    """The space around `program`: FIXED_KEYS and `fix` (key words or `block.child`) pinned;
    or, given `free`, every slot but those."""
    if free is not None:
        free_ids = frozenset(free)
        fixed = frozenset(s.id for s in slots() if s.id not in free_ids)
    else:
        fixed = frozenset(s.id for s in slots() if _pinned(s, (*FIXED_KEYS, *fix)))
    return Space(frozenset(program.facts), frozenset(program.origin), fixed, frozenset(exclude))


def unread_keys(read: frozenset[str]) -> tuple[str, ...]:
    """The keys no rule reads, neither they nor a child of theirs: pinning them loses no answer."""
    needed = read | {REFERENCES[p] for p in read if p in REFERENCES}
    out = []
    for parent, key in V.walk():
        if key.predicate is None:
            continue
        if parent is not None:
            if key.predicate not in needed:
                out.append(f"{parent.word}.{key.word}")
        elif not needed & {key.predicate, *(c.predicate for c in key.children if c.predicate)}:
            out.append(key.word)
    return tuple(out)


def unknown_keys(program: Program) -> tuple[Slot, ...]:
    """The single-valued slots whose value in the case is `unknown` (stated or by default) and
    could be stated as it stands (a block's child only where the block is stated)."""
    by, facts = slot_of(), frozenset(program.facts)
    out = []
    for a in program.facts:
        s = by.get(a)
        if s is None or not s.single or a.arguments[-1] != Function("unknown"):
            continue
        if s.head_for_values and not facts.intersection(s.head_for_values):
            continue
        out.append(s)
    return tuple(out)


# ---------------------------------------------------------------------------------------------
# Changes back into the AST


@dataclass(frozen=True, order=True)
class Change:
    """One edit of a case: `set` a single-valued slot, `unset` it, `add` or `drop` one value."""

    op: str
    atom: Symbol

    @property
    def slot(self) -> Slot:
        return slot_of()[self.atom]

    def __str__(self) -> str:
        return f"{self.op} {self.slot.path}{'[' + str(self.slot.head) + ']' if self.slot.head else ''} {self.atom.arguments[-1]}"


def _word_of(key: V.Key, const: Symbol) -> str:
    name = const.name
    if key.domain is not None and key.form is not V.Form.PARTY:
        for w, c in key.domain.values.items():
            if c == name:
                return w
    return name


def _word_value(word: str) -> Value:
    kind = ValueKind.SECTION if word.startswith(("§", "Rule ")) else ValueKind.NAME
    return Value(kind, word)


class _Editor:
    """Edits one case's statements, resolving values the way the compiler does."""

    def __init__(self, case: Case) -> None:
        self.case = case
        self.statements = list(case.statements)
        self.parties = {
            s.values[0].text: c.values[0].text
            for s in case.get("party")
            for c in s.children
            if c.key == "role"
        }

    def const(self, key: V.Key, stm: Statement) -> str:
        return compiled_word(key, stm.values[0], self.parties)

    def apply(self, change: Change) -> None:
        slot = change.slot
        word = _word_of(slot.key, change.atom.arguments[-1])
        if slot.parent is None:
            self.statements = _edit(self.statements, slot, change, word, self.const)
            return
        index = self._block(slot)
        block = self.statements[index]
        children = _edit(list(block.children), slot, change, word, self.const)
        self.statements[index] = Statement(block.key, block.values, tuple(children))

    def _block(self, slot: Slot) -> int:
        parent = slot.parent
        assert parent is not None
        for i, s in enumerate(self.statements):
            if s.key == parent.word and (slot.head is None or self.const(parent, s) == slot.head.name):
                return i
        if slot.head is not None or parent.default is None:
            raise ValueError(f"{slot.path} changed without its `{parent.word}` block")
        new = Statement(parent.word, (_word_value(_word_of(parent, Function(parent.default))),))
        self.statements = _insert(self.statements, new, V.CASE_KEYS)
        return self._block(slot)


def _edit(stms: list[Statement], slot: Slot, change: Change, word: str, const) -> list[Statement]:  # type: ignore[no-untyped-def]
    key = slot.key
    target = change.atom.arguments[-1].name
    mine = [i for i, s in enumerate(stms) if s.key == key.word]
    if change.op in ("unset", "drop"):
        return [s for i, s in enumerate(stms) if i not in mine or const(key, s) != target]
    if change.op == "set" and mine:
        old = stms[mine[0]]
        stms[mine[0]] = Statement(old.key, (_word_value(word),), old.children)
        return stms
    order = slot.parent.children if slot.parent is not None else V.CASE_KEYS
    return _insert(stms, Statement(key.word, (_word_value(word),)), order)


def _insert(stms: list[Statement], new: Statement, order: tuple[V.Key, ...]) -> list[Statement]:
    """After the last statement of the same key, else before the first that comes later."""
    rank = {k.word: i for i, k in enumerate(order)}
    same = [i for i, s in enumerate(stms) if s.key == new.key]
    if same:
        at = same[-1] + 1
    else:
        later = [i for i, s in enumerate(stms) if rank.get(s.key, len(rank)) > rank.get(new.key, len(rank))]
        at = later[0] if later else len(stms)
    return [*stms[:at], new, *stms[at:]]


def apply_changes(case: Case, changes: Iterable[Change]) -> Case:
    """The case with the changes made: block heads first, then their children.

    Raises
    ------
    ValueError
        When a child is changed under a block the case does not state and the changes do not add.
    """
    editor = _Editor(case)
    for change in sorted(changes, key=lambda c: (c.slot.parent is not None, c.op in ("unset", "drop"), c)):
        editor.apply(change)
    return Case(case.id, tuple(editor.statements), case.span)
