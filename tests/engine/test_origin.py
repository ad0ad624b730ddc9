"""A case's origin is kept as it is made and looked up only when asked (`doctrine.engine.origin`):
it must answer every question as the dict of spans it stands for, and cross between processes
as that dict."""

from __future__ import annotations

import pickle

from doctrine.engine.compile import Program, compile_case, symbol_text
from doctrine.engine.origin import Origin, TextOrigin
from doctrine.engine.solve import Outcome
from doctrine.proof.generate import pool_cases


def _program() -> Program:
    case, source = pool_cases(3, 0, 1)[0]
    return compile_case(case, source)


def test_an_origin_answers_as_the_dict_of_its_pairs() -> None:
    program = _program()
    origin = program.origin
    assert isinstance(origin, Origin)
    pairs = list(origin.pairs())
    assert pairs and len({f for f, _ in pairs}) == len(pairs)  # each fact once
    as_dict = dict(pairs)
    assert dict(origin) == as_dict and len(origin) == len(as_dict)
    for fact, span in pairs:
        assert origin[fact] == span and origin.get(fact) == span
    stated = set(as_dict)
    assert [f for f in program.facts if f in stated] == [f for f in program.facts if origin.get(f) is not None]


def test_a_text_origin_is_the_dict_by_text() -> None:
    pairs = list(_program().origin.pairs())
    expected = {str(f): s for f, s in pairs}
    for known in ({}, {f._rep: str(f) for f, _ in pairs}):  # texts not yet known, and known
        origin = TextOrigin(pairs, symbol_text, known)
        assert origin == expected and expected == origin
        assert origin.get("no_such_fact(x)") is None and origin.get(next(iter(expected))) == expected[next(iter(expected))]
        assert sorted(origin) == sorted(expected) and len(origin) == len(expected)
        back = pickle.loads(pickle.dumps(origin))
        assert type(back) is dict and back == expected
        assert repr(TextOrigin(pairs, symbol_text, known)) == repr(expected)
    assert TextOrigin(pairs, symbol_text, {}) != {**expected, "x": None}


def test_an_outcome_with_a_text_origin_equals_one_with_the_dict() -> None:
    pairs = list(_program().origin.pairs())
    lazy = Outcome("c", "s", "seventh_circuit", (), (), TextOrigin(pairs, symbol_text, {}))
    plain = Outcome("c", "s", "seventh_circuit", (), (), {str(f): s for f, s in pairs})
    assert lazy == plain and pickle.loads(pickle.dumps(lazy)) == plain


def test_a_text_origin_read_by_handle_answers_as_the_dict() -> None:
    """An outcome's origin made from the compiler's table (an `Origin`, by number) looks a fact
    up by its number: a stated fact gives its span, a default (no span) and an unknown text
    nothing, and it equals, and pickles as, the dict by text."""
    from doctrine.engine.compile import _TEXT

    program = _program()
    origin = program.origin
    assert isinstance(origin, Origin)
    expected = {symbol_text(f): s for f, s in origin.pairs()}
    lazy = TextOrigin((), symbol_text, _TEXT, origin)
    defaults = [f for f in program.facts if symbol_text(f) not in expected]
    assert defaults and expected  # both kinds are looked up
    for fact in program.facts:
        assert lazy.get(symbol_text(fact)) == expected.get(symbol_text(fact))
        assert origin.get(fact) == expected.get(symbol_text(fact))
    assert all(f not in origin for f in defaults) and len(origin) == len(expected)
    assert lazy.get("no_such_fact(x)") is None and lazy.get(symbol_text(defaults[0]), 5) == 5
    span_of = lazy.span_getter()  # what an explanation's leaves look spans up with
    for text in [*map(symbol_text, program.facts), "no_such_fact(x)"]:
        assert span_of(text) == lazy.get(text) == expected.get(text)
    assert lazy == expected and pickle.loads(pickle.dumps(lazy)) == expected
    assert pickle.loads(pickle.dumps(origin)) == origin
    assert all(lazy.span_getter()(t) == expected.get(t) for t in map(symbol_text, program.facts))  # once made by text
