"""Printing and parsing are inverse: parse(print(f)) == f for any AST the grammar can express.

The ASTs are drawn from the vocabulary (real keys, values and children) mixed with arbitrary
names, numbers, dates, sections and hostile strings; they need not be legally sensible, so the
checker must also survive them without raising.
"""

from __future__ import annotations

import string
from pathlib import Path

import pytest
from hypothesis import example, given, strategies as hs
from hypothesis.strategies import SearchStrategy

from doctrine.language import vocabulary as V
from doctrine.language.check import check_case_file
from doctrine.language.parse import load_source, parse_source
from doctrine.language.source import Source
from doctrine.language.syntax import Case, CaseFile, Statement, Value, ValueKind, print_case_file

SCENARIOS = sorted((Path(__file__).resolve().parents[2] / "scenarios").glob("*.case"))

_WORDS = sorted({w for _, k in V.walk() if k.domain is not None for w in k.domain.words()})
_KEYS = sorted({k.word for _, k in V.walk()} | set(V.EXPECT_KEYS))
HOSTILE = [
    '"',
    "\\",
    '\\"',
    "). relief. %",
    '#include "doctrine.lp"',
    "a # not a comment",
    "x, y",
    "\n",
    "\t",
    "\r",
    "case x\nend",
    "§ 3553(e)",
    "[bold]",
    "curly ’quotes’ and “more”",
    "日本語",
    "\x00",
    "\u2028",
    "",
]


def _joined(*parts: SearchStrategy[str]) -> SearchStrategy[str]:
    """Concatenated draws (much faster than `from_regex`)."""
    return hs.tuples(*parts).map("".join)


def _digits(n: int, m: int | None = None) -> SearchStrategy[str]:
    return hs.text(alphabet=string.digits, min_size=n, max_size=m or n)


def identifiers() -> SearchStrategy[str]:
    """A NAME: vocabulary words, keywords, or arbitrary `[A-Za-z_][A-Za-z0-9_]*`."""
    first = string.ascii_letters + "_"
    return hs.one_of(
        hs.sampled_from(
            _KEYS + [w for w in _WORDS if w.isidentifier()] + ["case", "end", "Rule", "to", "months"]
        ),
        _joined(hs.sampled_from(first), hs.text(alphabet=first + string.digits, max_size=12)),
    )


def values() -> SearchStrategy[Value]:
    section = hs.one_of(
        hs.sampled_from(["§ 3553(e)", "§ 5K1.1", "Rule 35(b)"]),
        _joined(
            hs.just("§ "),
            _digits(1),
            hs.text(alphabet=string.ascii_letters + string.digits + ".()", max_size=8),
        ),
    )
    date = _joined(_digits(4), hs.just("-"), _digits(2), hs.just("-"), _digits(2))
    return hs.one_of(
        hs.builds(Value, hs.just(ValueKind.NAME), identifiers()),
        hs.builds(
            Value, hs.just(ValueKind.STRING), hs.one_of(hs.sampled_from(HOSTILE), hs.text(max_size=30))
        ),
        hs.builds(Value, hs.just(ValueKind.NUMBER), _digits(1, 9)),
        hs.builds(Value, hs.just(ValueKind.DATE), date),
        hs.builds(Value, hs.just(ValueKind.SECTION), section),
    )


def statements(depth: int = 3) -> SearchStrategy[Statement]:
    """A statement with up to `depth` levels below it (the language nests three deep)."""
    children = hs.lists(statements(depth - 1), max_size=2).map(tuple) if depth > 1 else hs.just(())
    return hs.builds(Statement, identifiers(), hs.lists(values(), max_size=4).map(tuple), children)


def vocabulary_statements() -> SearchStrategy[Statement]:
    """A statement of the vocabulary with a domain value and children from its key."""

    def build(key: V.Key) -> SearchStrategy[Statement]:
        head = hs.sampled_from(key.domain.words()) if key.domain else hs.sampled_from(_WORDS)
        kids = hs.lists(hs.sampled_from(key.children), max_size=3) if key.children else hs.just([])

        def make(word: str, children: list[V.Key]) -> Statement:
            return Statement(
                key.word,
                (_word(word),),
                tuple(
                    Statement(c.word, (_word(c.domain.words()[0] if c.domain else "x"),)) for c in children
                ),
            )

        return hs.builds(make, head, kids)

    return hs.sampled_from(V.CASE_KEYS).flatmap(build)


def _word(word: str) -> Value:
    return Value(ValueKind.NAME if word.isidentifier() else ValueKind.SECTION, word)


def case_files() -> SearchStrategy[CaseFile]:
    body = hs.lists(hs.one_of(statements(), vocabulary_statements()), max_size=6).map(tuple)
    return hs.lists(hs.builds(Case, identifiers(), body), min_size=1, max_size=3).map(
        lambda cs: CaseFile(tuple(cs))
    )


@given(case_files())
@example(CaseFile((Case("end", (Statement("end", (Value(ValueKind.NAME, "case"),)),)),)))
@example(
    CaseFile(
        (
            Case(
                "a", (Statement("motion", (Value(ValueKind.NAME, "x"),), (Statement("k"),)), Statement("end"))
            ),
        )
    )
)
@example(CaseFile((Case("a", (Statement("note", (Value(ValueKind.STRING, '\\"\n#,'),)),)),)))
@example(
    CaseFile((Case("a", (Statement("k", (Value(ValueKind.NAME, "Rule"), Value(ValueKind.NUMBER, "35"))),)),))
)
def test_parse_inverts_print(f: CaseFile) -> None:
    text = print_case_file(f)
    assert parse_source(Source("x", text)) == f
    check_case_file(f)  # any AST: diagnostics, never an exception


@pytest.mark.parametrize("path", SCENARIOS, ids=[p.stem for p in SCENARIOS])
def test_printing_a_scenario_is_a_fixed_point(path: Path) -> None:
    parsed = parse_source(load_source(path))
    printed = print_case_file(parsed)
    reparsed = parse_source(Source("printed", printed))
    assert reparsed == parsed
    assert print_case_file(reparsed) == printed
