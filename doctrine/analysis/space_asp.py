"""The fact space: every well-formed scenario, as ASP choices, as a number, and back to a case.

What `doctrine.language.check` accepts and `doctrine.engine.compile` emits, read off `doctrine.language.vocabulary`: a
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
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from math import comb

from clingo import Function, Number, Symbol, ast

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
    "sentence_at_minimum": {
        "unknown": ("unknown",),
        "none": ("no",),
        "term": ("yes", "no", "unknown"),
        "life": ("yes", "no", "unknown"),
    },
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
        * len(COMPARED["sentence_at_minimum"][m])
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
    return out


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
    if answer == "yes":
        out.append(Statement("sentence", stated))
    elif answer == "no" and minimum != "none":
        out.append(Statement("sentence", (_n("60" if minimum == "term" else "240"), months)))
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
