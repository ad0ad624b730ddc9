"""Compile: case -> facts as Symbols; nothing a case file says can become a rule."""

from __future__ import annotations

from pathlib import Path

import clingo
import pytest

from doctrine.engine.compile import compile_case
from doctrine.engine.solve import input_universe
from doctrine.language.parse import parse_source
from doctrine.language.source import Source

ROOT = Path(__file__).resolve().parents[2]
SCENARIOS = sorted((ROOT / "scenarios").glob("*.case"))

BASE = """case probe
  title {title}
  court eighth_circuit
  posture motion_to_compel
  party {party}, role decision_maker
  government_reason insufficient_assistance, stated_by {party}
  note {note}
end
"""

HOSTILE = [
    '"). relief(remedy). %"',
    '"#include \\"/etc/passwd\\"."',
    '"a. holds(relief(discovery)) :- true. %*"',
    '"#script (python) import os #end."',
    '"\\\\\\" :- not x. \\n"',
]


def _facts(text: str) -> tuple[clingo.Symbol, ...]:
    [case] = parse_source(Source("probe.case", text)).cases
    return compile_case(case, "probe.case").facts


@pytest.mark.parametrize("hostile", HOSTILE)
def test_strings_never_reach_asp(hostile: str) -> None:
    benign = _facts(BASE.format(title='"plain"', note='"plain"', party="smith"))
    attacked = _facts(BASE.format(title=hostile, note=hostile, party="smith"))
    assert attacked == benign
    [case] = parse_source(Source("probe.case", BASE.format(title=hostile, note=hostile, party="smith"))).cases
    text = compile_case(case).to_lp()
    assert "include" not in text and "script" not in text and "relief" not in text


def test_party_names_are_resolved_to_roles() -> None:
    a = _facts(BASE.format(title='"t"', note='"n"', party="smith"))
    b = _facts(BASE.format(title='"t"', note='"n"', party="relief"))
    assert a == b
    assert clingo.Function("government_reason_stated_by", [clingo.Function("insufficient_assistance"), clingo.Function("decision_maker")]) in a


@pytest.mark.parametrize("path", SCENARIOS, ids=lambda p: p.stem)
def test_every_fact_is_in_the_finite_vocabulary(path: Path) -> None:
    universe = set(input_universe())
    for case in parse_source(Source(str(path), path.read_text())).cases:
        program = compile_case(case, str(path))
        assert set(program.facts) <= universe
        # every stated fact points back at its line
        for span in program.origin.values():
            assert span.source == str(path) and span.start.line >= 1


def test_to_lp_reparses_to_the_same_symbols() -> None:
    path = ROOT / "scenarios" / "billings.case"
    [case] = parse_source(Source(str(path), path.read_text())).cases
    program = compile_case(case, str(path))
    ctl = clingo.Control()
    ctl.add("base", [], program.to_lp())
    ctl.ground([("base", [])])
    models: list[list[clingo.Symbol]] = []
    ctl.solve(on_model=lambda m: models.append(m.symbols(atoms=True)))
    assert set(models[0]) == set(program.facts)


def test_numbers_become_booleans() -> None:
    text = BASE.format(title='"t"', note='"n"', party="p").replace(
        "end\n", "  statutory_minimum 120 months\n  reduced_range 112 to 140\n  guidelines_range 168 to 210\n  sentence 120 months\nend\n"
    )
    facts = {str(f) for f in _facts(text)}
    assert {"statutory_minimum(term)", "reduced_range_below_minimum(yes)", "guidelines_range_below_minimum(no)", "sentence_at_minimum(yes)"} <= facts


def test_a_fact_is_printed_as_clingo_prints_it() -> None:
    """`symbol_text` of a fact the compiler built is the text `printed` gives without asking
    clingo: the same as clingo's own, over every input atom (and None where only clingo can say)."""
    from doctrine.engine.compile import fact_symbol, printed, symbol_text

    universe = list(input_universe())
    assert len(universe) > 3000
    for sym in universe:
        args = tuple(a.name for a in sym.arguments)
        assert printed(sym.name, args) == str(sym)
        assert symbol_text(fact_symbol(sym.name, args)) == str(sym)
    assert printed("p", ("Variable",)) is None and printed("p", ("1",)) is None and printed("p", ('"s"',)) is None
    assert printed("p", ()) == "p" and printed("p", ("a", "b")) == str(clingo.Function("p", [clingo.Function("a"), clingo.Function("b")]))
