"""The fact space around a case: Program -> Space (where each input atom may go), and back.

A what-if changes a case's facts within what a case file can say. The vocabulary fixes that
shape: a single-valued key takes one value, a keyed block's children exist only under their
head, a child with a default always has a value. Each such place is a `Slot`; a `Space` is the
slots around one case -- the case's own atoms as the starting point, some slots pinned -- and
becomes meta-facts for the choice program in `doctrine.analysis.counterfactual`. A change found there
(`set`, `unset`, `add` or `drop` of one atom) is written back into the case's AST by
`apply_changes`, so every answer is a case file that parses and compiles to the atoms chosen.

The slot of `raised_below` and the case line
    raised_below no
become
    _slot(_s(raised_below)). _single(_s(raised_below)). _needed(_s(raised_below)).
    _opt(_s(raised_below), raised_below(yes)). ...  _base(raised_below(no)). _stated(raised_below(no)).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from functools import lru_cache
from types import MappingProxyType

from clingo import Function, Symbol

from doctrine.engine.compile import Program
from doctrine.engine.compile import _word as compiled_word
from doctrine.language import vocabulary as V
from doctrine.language.syntax import Case, Statement, Value, ValueKind

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
DERIVED = ("guidelines_range_below_minimum", "reduced_range_below_minimum", "sentence_at_minimum")
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


def _atom(pred: str, *args: str) -> Symbol:
    return Function(pred, [Function(a) for a in args])


def _slot(key: V.Key, parent: V.Key | None, head: str | None) -> Slot:
    assert key.predicate is not None
    prefix = (head,) if head is not None else ()
    options = tuple(_atom(key.predicate, *prefix, w) for w in _words(key))
    default = _atom(key.predicate, *prefix, key.default) if key.default is not None else None
    requires: tuple[Symbol, ...] = ()
    values_need: tuple[Symbol, ...] = ()
    if parent is not None and parent.predicate is not None:
        heads = tuple(_atom(parent.predicate, w) for w in _words(parent))
        if head is not None:
            requires = (_atom(parent.predicate, head),)
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


def _value(word: str) -> Value:
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
        new = Statement(parent.word, (_value(_word_of(parent, Function(parent.default))),))
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
        stms[mine[0]] = Statement(old.key, (_value(word),), old.children)
        return stms
    order = slot.parent.children if slot.parent is not None else V.CASE_KEYS
    return _insert(stms, Statement(key.word, (_value(word),)), order)


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
