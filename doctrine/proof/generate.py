"""Generated scenarios: (n, seed) -> n well-formed Case ASTs, the same for the same seed.

`generated_cases` draws from `doctrine.strategies.cases()` (hypothesis, seeded) when
hypothesis is installed, and otherwise from the small seeded generator below, which needs
nothing but the standard library. Both keep to what `doctrine.language.check` accepts: distinct heads,
declared motions, ranges low to high, no `plea_agreement none` with terms.

    generated_cases(2, seed=7)
becomes
    [Case("gen_0001", (Statement("court", (Value(NAME, "eighth_circuit"),)), ...)), Case("gen_0002", ...)]
"""

from __future__ import annotations

import random
from dataclasses import replace

from doctrine.language import vocabulary as V
from doctrine.language.check_values import _CUSTODY_NO_ALLOWS
from doctrine.language.contradictions import consistent
from doctrine.language.syntax import Case, Statement, Value, ValueKind

_SKIP_FORMS = (V.Form.STRING, V.Form.DATE, V.Form.NAME, V.Form.EXPECT)
MINIMUMS = (60, 120, 180, 240)


GENERATORS = ("auto", "strategies", "builtin")


def generated_cases(n: int, seed: int = 0, generator: str = "auto") -> list[Case]:
    """`n` scenarios over the whole vocabulary, named gen_0001 ..., deterministic in `seed`.

    Parameters
    ----------
    n
        How many cases.
    seed
        The seed; the same seed gives the same cases (with the same generator).
    generator
        `strategies` (hypothesis, `doctrine.strategies.cases()`), `builtin` (standard library
        only), or `auto`: strategies when hypothesis is importable, else builtin.

    Raises
    ------
    ValueError
        An unknown generator, or `strategies` without hypothesis.
    """
    if generator not in GENERATORS:
        raise ValueError(f"unknown generator {generator!r}; expected {', '.join(GENERATORS)}")
    drawn = _from_strategies(n, seed) if generator != "builtin" else None
    if drawn is None and generator == "strategies":
        raise ValueError("the strategies generator needs hypothesis (pip install doctrine[fuzz])")
    if drawn is None:
        rng = random.Random(seed)
        drawn = [_case(rng) for _ in range(n)]
    return [replace(c, id=f"gen_{i:04d}") for i, c in enumerate(drawn, 1)]


_POOLS: dict[tuple[int, int], list[Case]] = {}


def pool_cases(seed: int, start: int, stop: int, pool: int = 1000) -> list[tuple[Case, str]]:
    """Cases `start` to `stop` of an endless stream: `pool` distinct seeded scenarios (the
    built-in generator), cycled with fresh ids. A batch worker given only these ints makes
    its own slice (`doctrine.engine.batch.Deferred`), so no case crosses between processes."""
    key = (seed, pool)
    if key not in _POOLS:
        rng = random.Random(seed)
        _POOLS.clear()
        _POOLS[key] = [_case(rng) for _ in range(pool)]
    cases = _POOLS[key]
    return [(replace(cases[i % pool], id=f"gen_{i:06d}"), "generated") for i in range(start, stop)]


def _from_strategies(n: int, seed: int) -> list[Case] | None:
    """n cases drawn by hypothesis with a fixed seed, or None without hypothesis."""
    try:
        from hypothesis import HealthCheck, Phase, given, seed as fixed_seed, settings

        from doctrine.proof.strategies import cases
    except ImportError:
        return None
    out: list[Case] = []

    @fixed_seed(seed)
    @settings(max_examples=max(n, 1), database=None, deadline=None, phases=[Phase.generate],
              suppress_health_check=list(HealthCheck))
    @given(cases())
    def collect(case: Case) -> None:
        if len(out) < n:
            out.append(case)

    collect()
    while len(out) < n:  # hypothesis stops early on a small space: top up with our own
        out.append(_case(random.Random(seed * 1_000_003 + len(out))))
    return out


# ---------------------------------------------------------------------------------------------
# The standard-library generator


def _value(word: str) -> Value:
    kind = ValueKind.SECTION if word.startswith(("§", "Rule ")) else ValueKind.NAME
    return Value(kind, word)


def _case(rng: random.Random) -> Case:
    motions: list[str] = []
    statements: list[Statement] = []
    for key in V.CASE_KEYS:
        if key.form in _SKIP_FORMS or key.word in ("circuit", "party"):
            continue
        if not key.required and rng.random() < 0.45:
            continue
        statements.extend(_statements(rng, key, motions))
        if key.word == "court" and statements[-1].values[0].text == "district_court":
            circuit = rng.choice(V.CIRCUITS.words())  # a district court sits in a circuit
            statements.append(Statement("circuit", (_value(circuit),)))
    return Case("gen", tuple(map(_shared, consistent(statements))))


_SHARED: dict[Statement, Statement] = {}


def _shared(statement: Statement) -> Statement:
    """One object for equal generated statements (their spans are all `NOWHERE`, so equal is
    identical): a pool of scenarios holds each distinct statement once, and a worker that
    reads the pool it inherited touches (and so copies) a few pages, not the whole pool."""
    if len(_SHARED) > 100_000:
        _SHARED.clear()
    return _SHARED.setdefault(statement, statement)


def _statements(rng: random.Random, key: V.Key, motions: list[str]) -> list[Statement]:
    if key.form is V.Form.MONTHS:
        return [Statement(key.word, _months(rng))]
    if key.form is V.Form.RANGE:
        low = rng.choice(MINIMUMS) + rng.randrange(-30, 60)
        values = (Value(ValueKind.NUMBER, str(low)), Value(ValueKind.NAME, "to"),
                  Value(ValueKind.NUMBER, str(low + rng.randrange(0, 60))))
        return [Statement(key.word, values)]
    assert key.domain is not None
    words = key.domain.words()
    heads = rng.sample(words, rng.randint(1, min(2, len(words)))) if key.multiple or key.keyed else [rng.choice(words)]
    out = []
    for head in heads:
        if key.word == "motion":
            motions.append(head)
        children = tuple(s for c in key.children if c.form not in _SKIP_FORMS and _allowed(key, head, c)
                         and rng.random() < 0.6 for s in _children(rng, key, head, c, motions))
        out.append(Statement(key.word, (_value(head),), children))
    return out


def _children(rng: random.Random, parent: V.Key, head: str, key: V.Key, motions: list[str]) -> list[Statement]:
    if key.form is V.Form.PARTY:
        return [_shared(Statement(key.word, (_value(rng.choice(V.SPEAKERS.words())),)))]
    assert key.domain is not None
    words = key.domain.words()
    if parent.word == "allegation" and key.word == "motion":
        words = tuple(motions)
    if parent.word == "assistance" and head == "none" and key.word == "led_to":
        words = ("nothing",)
    if not words:
        return []
    chosen = rng.sample(words, rng.randint(1, min(2, len(words)))) if key.multiple else [rng.choice(words)]
    return [_shared(Statement(key.word, (_value(w),))) for w in chosen]


def _allowed(key: V.Key, head: str, child: V.Key) -> bool:
    if key.word == "plea_agreement" and head == "none":
        return False
    if key.word == "custody" and head == "no":
        return child.word in _CUSTODY_NO_ALLOWS
    return True


def _months(rng: random.Random) -> tuple[Value, ...]:
    pick = rng.random()
    if pick < 0.6:
        return (Value(ValueKind.NUMBER, str(rng.choice(MINIMUMS))), Value(ValueKind.NAME, "months"))
    return (Value(ValueKind.NAME, rng.choice(("life", "none", "unknown"))),)
