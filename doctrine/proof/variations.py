"""Variations of a case: the edits the two-scenario invariants compare a case with.

Each returns a new case (the AST is frozen); none touches spans, so a varied case prints and
checks like the original.

    renamed(case, Random(0))
becomes
    the same case with id `renamed_…` and each party (and each `by`/`stated_by` naming it) renamed
"""

from __future__ import annotations

import random
from dataclasses import replace

from doctrine.language.syntax import Case, Statement, Value, ValueKind


def word(text: str) -> Value:
    return Value(ValueKind.NAME, text)


def set_value(case: Case, key: str, word: str) -> Case:
    kept = tuple(s for s in case.statements if s.key != key)
    return replace(case, statements=(*kept, Statement(key, (Value(ValueKind.NAME, word),))))


def add_child(case: Case, index: int, child: Statement) -> Case:
    s = case.statements[index]
    statements = list(case.statements)
    statements[index] = replace(s, children=(*s.children, child))
    return replace(case, statements=tuple(statements))


def renamed(case: Case, rng: random.Random) -> Case:
    """The case with a new id and every party (and every reference to it) renamed."""
    parties = [s.values[0].text for s in case.get("party")]
    fresh = {p: f"p{i}_{rng.randrange(10**6)}" for i, p in enumerate(parties)}

    def rename(s: Statement, top: bool) -> Statement:
        values = s.values
        if (top and s.key == "party") or (not top and s.key in ("by", "stated_by")):
            values = tuple(replace(v, text=fresh.get(v.text, v.text)) for v in values)
        return replace(s, values=values, children=tuple(rename(c, False) for c in s.children))

    return replace(
        case, id=f"renamed_{rng.randrange(10**6)}", statements=tuple(rename(s, True) for s in case.statements)
    )


def shuffled(case: Case, rng: random.Random) -> Case:
    """The case with its statements, and every block's children, in a random order."""

    def mix(items: tuple[Statement, ...]) -> tuple[Statement, ...]:
        out = [replace(s, children=mix(s.children)) for s in items]
        rng.shuffle(out)
        return tuple(out)

    return replace(case, statements=mix(case.statements))


def with_statement(case: Case, statement: Statement) -> Case:
    return replace(case, statements=(*case.statements, statement))
