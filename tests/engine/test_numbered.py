"""A case's facts are kept by number (`doctrine.engine.numbered`): each number names one fact in
this process, a Program's numbers are its facts', its Symbols are made only when read, and a
Program pickled, or with a fact replaced, is numbered again and decided on its facts as they are."""

from __future__ import annotations

import pickle

import pytest
from clingo import Function

from doctrine.engine import numbered
from doctrine.engine.compile import compile_case
from doctrine.engine.engines import make_solver
from doctrine.engine.rulebase import load_rulebase
from doctrine.engine.solve import Solver
from doctrine.language.diagnostics import DoctrineError
from doctrine.proof.generate import pool_cases

RULEBASE = load_rulebase()
PROGRAMS = [compile_case(c, s) for c, s in pool_cases(5, 0, 40)]


def test_each_number_names_one_fact_with_its_text() -> None:
    assert len(numbered.TEXTS) == len(set(numbered.TEXTS)) == len(numbered.BY_TEXT)
    for program in PROGRAMS:
        assert "facts" not in program.__dict__  # not made by compiling
        assert len(program.numbers) == len(program.facts) == len(set(program.numbers))
        for fact, number in zip(program.facts, program.numbers, strict=True):
            assert numbered.symbol_of(number) == fact and numbered.TEXTS[number] == str(fact)
            assert numbered.BY_TEXT[str(fact)] == number == numbered.number_of(fact)


def test_a_program_crosses_between_processes_without_its_numbers() -> None:
    program = PROGRAMS[0]
    back = pickle.loads(pickle.dumps(program))
    assert back == program and back.facts == program.facts and dict(back.origin) == dict(program.origin)
    assert pickle.loads(pickle.dumps(program)).to_lp() == program.to_lp()
    compiled = make_solver(RULEBASE, engine="compiled")
    assert compiled.solve_many([back, *PROGRAMS[1:]]) == compiled.solve_many(PROGRAMS)


def test_a_fact_replaced_is_decided_as_it_now_reads() -> None:
    """What `whatif` does to a case: one fact replaced (`with_facts`); the compiled
    engine decides the case as clingo's does, not as the original."""
    compiled = make_solver(RULEBASE, engine="compiled")
    clingo = Solver(RULEBASE)
    changed = 0
    for program in PROGRAMS:
        old = next(f for f in program.facts if f.name == "appeal_waiver")
        for value in ("yes", "no", "unknown"):
            new = Function("appeal_waiver", [Function(value)])
            variant = program.with_facts(tuple(new if f == old else f for f in program.facts))
            want, have = clingo.solve(variant), compiled.solve_many([variant])[0]
            assert have == want
            changed += have != compiled.solve_many([program])[0]
    assert changed  # some replacement changed some outcome


def test_a_fact_outside_the_vocabulary_is_refused() -> None:
    program = PROGRAMS[0]
    odd = program.with_facts((*program.facts, Function("no_such_fact", [Function("x")])))
    with pytest.raises(DoctrineError, match="not in the vocabulary: no_such_fact"):
        make_solver(RULEBASE, engine="compiled").solve_many([odd, *PROGRAMS])
