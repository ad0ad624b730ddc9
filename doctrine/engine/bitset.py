"""The compiled doctrine (the ground rules in evaluation order) and the pass over every rule of
it for many runs at once: bit w of an atom's int is run w. Rules are taken level by level
(a rule after every rule that defines one of its premises), each level by the shape of its
bodies, so one pass decides a part without recursion; a recursive part is passed over until
nothing changes. For one run, `Sparse` follows only the rules that fire.
(`doctrine.engine.compiled` builds the doctrine and answers plans.)

    holds(relief(remedy)) :- derive(king_remedy, relief(remedy)), not defeated(king_remedy, ...).
becomes, for a thousand runs at once,
    val[holds(...)] |= val[derive(...)] & ~val[defeated(...)]
"""

from __future__ import annotations

import heapq
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from itertools import chain

from doctrine.language.diagnostics import Diagnostic, DoctrineError
from doctrine.language.source import NOWHERE

GroundRule = tuple[int, tuple[int, ...], tuple[int, ...]]  # head atom, positive body, negated body atoms


@dataclass(frozen=True)
class CompiledDoctrine:
    """The ground doctrine of one (rules digest, jurisdiction, trace), in evaluation order.

    `blocks` are the strongly connected parts of the dependency graph in topological order,
    each with its rules and whether it is recursive (a positive cycle, iterated to its least
    fixpoint); `inputs` maps every input atom (as clingo prints it) to its program atom;
    `shown` is every shown atom with the literals that make it true.
    """

    atoms: int
    blocks: tuple[tuple[bool, tuple[GroundRule, ...]], ...]
    constraints: tuple[tuple[tuple[int, ...], tuple[int, ...]], ...]
    true: tuple[int, ...]  # externals declared true
    inputs: dict[str, int]
    shown: tuple[tuple[str, tuple[int, ...], tuple[int, ...]], ...]


FLAT, STORED, RECURSIVE = 0, 1, 2  # how a part's rules are read: laid out, as stored, to a fixpoint
# The shapes of a laid-out rule, by its premises (how many positive, how many negated); GENERAL is any other:
ALWAYS, ONE, TWO, THREE, ONE_BUT_ONE, TWO_BUT_ONE, GENERAL = range(7)
_SHAPES = {(0, 0): ALWAYS, (1, 0): ONE, (2, 0): TWO, (3, 0): THREE, (1, 1): ONE_BUT_ONE, (2, 1): TWO_BUT_ONE}

Group = tuple[int, tuple[tuple[int, ...], ...]]  # a shape, and its rules as (head, premises...)


def _levels(rules: Sequence[GroundRule]) -> list[int]:
    """Each rule's level in a part without recursion: one more than the level of the rules that
    define its premises (positive or negated). Rules of one level read nothing another rule of
    that level derives, so they may be taken in any order, and a level only after those below."""
    atom_level: dict[int, int] = {}
    out = []
    for head, pos, neg in rules:  # stored in dependency order: every premise's rules come first
        level = 1 + max([atom_level.get(a, 0) for a in (*pos, *neg)], default=0)
        out.append(level)
        atom_level[head] = max(atom_level.get(head, 0), level)
    return out


def in_levels(rules: Sequence[GroundRule]) -> tuple[GroundRule, ...]:
    """A part without recursion in the order its pass takes it: level by level (`_levels`), each
    level by the shape of its rules, so that `_groups` finds few groups (done once, when the
    compiled doctrine is built)."""
    levels = _levels(rules)
    order = sorted(range(len(rules)), key=lambda i: (levels[i], _shape(rules[i])))
    return tuple([rules[i] for i in order])


def _shape(rule: GroundRule) -> int:
    return _SHAPES.get((len(rule[1]), len(rule[2])), GENERAL)


def rarest_first(rules: Sequence[GroundRule]) -> list[GroundRule]:
    """Each rule with the positive premise fewest rule bodies name put first (the lowest-numbered
    of the rarest; the others stay in order), done once, when the compiled doctrine is built.
    The pass reads a rule's first premise alone before the others (`_groups`), so a rule whose
    first premise holds in no run costs one lookup: a premise many rules share (that a claim
    was made) holds in most runs, one few rules read (a particular finding) in few. Measured on
    the federal rulebase: about 40% fewer rules read past their first premise."""
    rarity = Counter(chain.from_iterable([pos for _, pos, _ in rules])).__getitem__
    out = []
    for head, pos, neg in rules:
        if len(pos) > 1:
            first = min(pos, key=rarity)
            if first != pos[0]:
                pos = (first, *[a for a in pos if a != first])
        out.append((head, pos, neg))
    return out


def _groups(rules: Sequence[GroundRule]) -> tuple[Group, ...]:
    """The rules of a part without recursion as groups of consecutive rules of one shape (a
    tight loop for each common shape), in the order stored, which is an order of their
    dependencies (`in_levels` makes the groups few). A rule's first premise is read first
    (`rarest_first`); a general rule is (head, its first premise, the other premises, the
    negated atoms)."""
    groups: list[Group] = []
    rows: list[tuple[int, ...]] = []
    current = -1
    shapes = _SHAPES
    for head, pos, neg in rules:
        shape = shapes.get((len(pos), len(neg)), GENERAL)
        if shape != current:
            if rows:
                groups.append((current, tuple(rows)))
            current, rows = shape, []
        if shape == GENERAL:
            first = pos[0] if pos else 0  # atom 0 stands for no premise: true in every run
            rows.append((head, first, pos[1:], neg))  # type: ignore[arg-type]
        else:
            rows.append((head, *pos, *neg))
    if rows:
        groups.append((current, tuple(rows)))
    return tuple(groups)


class _Pass:
    """A compiled doctrine laid out for the pass over every rule: each part without recursion
    as groups of rules of one shape (`_groups`); each shown atom that is one atom, apart from
    the conditional ones."""

    def __init__(self, doctrine: CompiledDoctrine) -> None:
        self.blocks: list[tuple[int, tuple[Group, ...] | tuple[GroundRule, ...]]] = []
        for recursive, rules in doctrine.blocks:
            self.blocks.append((RECURSIVE, rules) if recursive else (FLAT, _groups(rules)))
        self.simple, self.conditional = _shown_layout(doctrine)


class _Plain(_Pass):
    """The stored form read as it is: every part by the general loop (as a recursive part,
    which one round leaves unchanged when there is no recursion)."""

    def __init__(self, doctrine: CompiledDoctrine) -> None:
        self.blocks = [(RECURSIVE if recursive else STORED, rules) for recursive, rules in doctrine.blocks]
        self.simple, self.conditional = _shown_layout(doctrine)


def _shown_layout(doctrine: CompiledDoctrine) -> tuple[list[tuple[int, int]], list[tuple[int, tuple[int, ...], tuple[int, ...]]]]:
    """The shown atoms that are one atom (index, atom), and the others (index, premises)."""
    simple, conditional = [], []
    for i, (_, pos, neg) in enumerate(doctrine.shown):
        if len(pos) == 1 and not neg:
            simple.append((i, pos[0]))
        else:
            conditional.append((i, pos, neg))
    return simple, conditional


def _pass_groups(val: list[int], groups: tuple[Group, ...]) -> None:
    """One pass over a part without recursion, laid out in groups (`_groups`)."""
    for shape, rows in groups:
        if shape == ONE:
            for head, a in rows:
                v = val[a]
                if v:
                    val[head] |= v
        elif shape == TWO:
            for head, a, b in rows:
                v = val[a]
                if v:
                    val[head] |= v & val[b]
        elif shape == THREE:
            for head, a, b, c in rows:
                v = val[a]
                if v:
                    val[head] |= v & val[b] & val[c]
        elif shape == ONE_BUT_ONE:
            for head, a, n in rows:
                v = val[a]
                if v:
                    val[head] |= v & ~val[n]
        elif shape == TWO_BUT_ONE:
            for head, a, b, n in rows:
                v = val[a]
                if v:
                    val[head] |= v & val[b] & ~val[n]
        elif shape == ALWAYS:
            for (head,) in rows:
                val[head] = val[0]
        else:
            _pass_general(val, rows)  # type: ignore[arg-type]  # the general form of a rule


def _pass_general(val: list[int], rows: Sequence[tuple[int, int, tuple[int, ...], tuple[int, ...]]]) -> None:
    for head, first, pos, neg in rows:
        v = val[first]
        if not v:
            continue
        for a in pos:
            v &= val[a]
        if v:
            for a in neg:
                v &= ~val[a]
            val[head] |= v


def _body(val: list[int], everything: int, pos: Sequence[int], neg: Sequence[int]) -> int:
    """The runs (bits) in which every atom of `pos` holds and none of `neg`."""
    v = everything
    for a in pos:
        v &= val[a]
    for a in neg:
        v &= ~val[a]
    return v


_PASSES: dict[tuple[int, bool], tuple[CompiledDoctrine, _Pass]] = {}


def _pass(doctrine: CompiledDoctrine, laid_out: bool = True) -> _Pass:
    """The doctrine laid out for the pass (`_Pass`), or as stored (`_Plain`); made once."""
    got = _PASSES.get((id(doctrine), laid_out))
    if got is None or got[0] is not doctrine:
        if len(_PASSES) >= 64:
            _PASSES.clear()
        got = _PASSES[(id(doctrine), laid_out)] = (doctrine, _Pass(doctrine) if laid_out else _Plain(doctrine))
    return got[1]


def evaluate(doctrine: CompiledDoctrine, requests: Sequence[frozenset[int]], laid_out: bool = True) -> list[list[int]]:
    """The shown atoms (indices into `doctrine.shown`) of the answer set of each request.

    A request is the set of input atoms that are true; every other input is false. Without
    `laid_out` the rules are read as they are stored (for a few runs of a single case, making
    the layout would cost more than it saves).
    """
    out: list[list[int]] = [[] for _ in requests]
    for i, v in shown_runs(doctrine, [(r,) for r in requests], laid_out):
        bits = bin(v)[:1:-1]
        w = bits.find("1")
        while w >= 0:
            out[w].append(i)
            w = bits.find("1", w + 1)
    return out


def shown_runs(doctrine: CompiledDoctrine, requests: Sequence[Sequence[frozenset[int]]],
               laid_out: bool = True) -> list[tuple[int, int]]:
    """Each shown atom true in some run, in the order of `doctrine.shown`, with the runs in
    which it is true (bit w: request w): `evaluate` before it is turned run by run. A request's
    true inputs are the union of its sets: a set many requests share (the facts of a case in
    each of its runs, a jurisdiction's settings) is read once, with the runs that have it."""
    layout = _pass(doctrine, laid_out)
    everything = (1 << len(requests)) - 1
    val = [0] * (doctrine.atoms + 1)
    val[0] = everything
    for atom in doctrine.true:
        val[atom] = everything
    runs: dict[frozenset[int], int] = {}  # each set, and the runs that have it
    for w, parts in enumerate(requests):
        bit = 1 << w
        for part in parts:
            runs[part] = runs.get(part, 0) | bit
    for part, bits in runs.items():
        for atom in part:
            val[atom] |= bits
    for kind, rules in layout.blocks:
        if kind == FLAT:
            _pass_groups(val, rules)  # type: ignore[arg-type]  # the groups of a part without recursion
            continue
        changed = True
        while changed:
            changed = False
            for head, pos, neg in rules:  # type: ignore[misc]  # a recursive part, to its fixpoint
                v = everything
                for a in pos:
                    v &= val[a]
                if v:
                    for a in neg:
                        v &= ~val[a]
                    if v & ~val[head]:
                        val[head] |= v
                        changed = kind == RECURSIVE
    for pos, neg in doctrine.constraints:
        if _body(val, everything, pos, neg):
            raise DoctrineError([Diagnostic("not-one-answer-set", "the doctrine gave 0 answer sets, not one", NOWHERE)])
    found = [(i, val[a]) for i, a in layout.simple if val[a]]
    for i, pos, neg in layout.conditional:
        v = _body(val, everything, pos, neg)
        if v:
            found.append((i, v))
    if layout.simple and layout.conditional:
        found.sort()
    return found


class Sparse:
    """The same ground program, evaluated for one run by following only what fires.

    Rules are numbered in evaluation order; a rule is queued when its last positive premise
    becomes true and taken from the queue lowest number first, so that every atom it negates
    (defined in an earlier part) is final by then. The atoms true in every run (the facts
    and what they alone derive) are computed once.
    """

    def __init__(self, doctrine: CompiledDoctrine) -> None:
        self.rules = [r for _, rules in doctrine.blocks for r in rules]
        self.watch: dict[int, list[int]] = {}
        for i, (_, pos, _) in enumerate(self.rules):
            for a in pos:
                self.watch.setdefault(a, []).append(i)
        self.need = [len(pos) for _, pos, _ in self.rules]
        always: set[int] = set()
        queue = [i for i, (_, pos, neg) in enumerate(self.rules) if not pos and not neg]
        for atom in doctrine.true:
            self._on(atom, always, self.need, queue, plain=True)
        while queue:
            head = self.rules[queue.pop()][0]
            if head not in always:
                self._on(head, always, self.need, queue, plain=True)
        self.always = frozenset(always)
        self.seeds = [i for i, (h, pos, neg) in enumerate(self.rules) if neg and self.need[i] == 0 and h not in always]
        self.shown_of: dict[int, list[int]] = {}
        self.conditional: list[int] = []
        for i, (_, pos, neg) in enumerate(doctrine.shown):
            if len(pos) == 1 and not neg:
                self.shown_of.setdefault(pos[0], []).append(i)
            else:
                self.conditional.append(i)
        self.doctrine = doctrine

    def _on(self, atom: int, true: set[int], need: list[int] | dict[int, int], queue: list[int], plain: bool = False) -> None:
        true.add(atom)
        for r in self.watch.get(atom, ()):
            left = need[r] - 1
            need[r] = left
            if left == 0 and (not plain or not self.rules[r][2]):
                queue.append(r)

    def evaluate(self, parts: Sequence[frozenset[int]]) -> list[int]:
        """The shown atoms (indices into `doctrine.shown`) of the answer set of one request
        (its true inputs: the union of `parts`)."""
        rules, watch, base = self.rules, self.watch, self.need
        true = set(self.always)
        need: dict[int, int] = {}
        heap = list(self.seeds)

        def release(atom: int) -> None:
            """`atom` is true: every rule waiting on it needs one premise fewer."""
            true.add(atom)
            for r in watch.get(atom, ()):
                left = need.get(r, base[r]) - 1
                need[r] = left
                if left == 0:
                    heapq.heappush(heap, r)

        for atom in chain.from_iterable(parts):
            if atom not in true:
                release(atom)
        while heap:
            head, _, neg = rules[heapq.heappop(heap)]
            if head not in true and not any(a in true for a in neg):
                release(head)
        d = self.doctrine
        for pos, neg in d.constraints:
            if all(a in true for a in pos) and not any(a in true for a in neg):
                raise DoctrineError([Diagnostic("not-one-answer-set", "the doctrine gave 0 answer sets, not one", NOWHERE)])
        out = [i for a in true for i in self.shown_of.get(a, ())]
        out += [i for i in self.conditional if all(a in true for a in d.shown[i][1]) and not any(a in true for a in d.shown[i][2])]
        out.sort()
        return out
