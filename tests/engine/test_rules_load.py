"""Every jurisdiction loads with the doctrine cleanly: one answer set, zero clingo messages.

A stray "atom does not occur in any rule head" info means a typo in a rule body (every
input predicate is #defined in vocabulary.lp), so any message at all fails the test.
"""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

import clingo
import pytest

HERE = Path(__file__).resolve().parent
_spec = importlib.util.spec_from_file_location("doctrine_rule_helpers", HERE.parent / "rules" / "conftest.py")
assert _spec and _spec.loader
helpers = importlib.util.module_from_spec(_spec)
sys.modules[_spec.name] = helpers  # dataclasses look their module up
_spec.loader.exec_module(helpers)

JURISDICTIONS = sorted(p.stem for p in (helpers.RULES / "jurisdictions").glob("*.lp"))


def test_the_three_jurisdictions_exist():
    assert {"seventh_circuit", "eighth_circuit", "default"} <= set(JURISDICTIONS)


@pytest.mark.parametrize("jurisdiction", JURISDICTIONS)
@pytest.mark.parametrize("facts", ["", "billings"], ids=["no facts", "billings"])
def test_loads_with_one_model_and_no_messages(jurisdiction, facts):
    result = helpers.solve(helpers.seed_facts(facts) if facts else "", jurisdiction)
    assert result.messages == ()
    assert result.models == 1


@pytest.mark.parametrize("jurisdiction", JURISDICTIONS)
def test_loads_with_every_input_external(jurisdiction):
    """Grounded the way the solver grounds it: every vocabulary atom #external, none true."""
    from doctrine.engine.solve import input_universe

    lines = [f"#external {sym}." for sym in input_universe()]
    messages: list[str] = []
    ctl = clingo.Control(["--models=0"], logger=lambda c, m: messages.append(m))
    ctl.load(str(helpers.RULES / "doctrine.lp"))
    ctl.load(str(helpers.RULES / "jurisdictions" / f"{jurisdiction}.lp"))
    ctl.add("base", [], "\n".join(lines))
    ctl.ground([("base", [])])
    models = []
    ctl.solve(on_model=lambda m: models.append(m.symbols(shown=True)))
    assert messages == []
    assert len(models) == 1
