"""The compiled doctrine on disk (format 3: runs of rows of one shape, each an array of ints in
base64): it reads back as exactly the built doctrine, tuples and all, and a damaged file is
refused (and built again), never read as another doctrine."""

from __future__ import annotations

import copy
import json
from pathlib import Path
from typing import Any

import pytest

from doctrine.engine import compiled_cache as cc
from doctrine.engine.compiled import CompiledDoctrine, _order, build
from doctrine.engine.rulebase import load_rulebase

RULEBASE = load_rulebase()


def _round_trip(doctrine: CompiledDoctrine) -> CompiledDoctrine:
    return cc.from_data(json.loads(json.dumps(cc.to_data(doctrine))))


@pytest.mark.parametrize("trace", [True, False])
def test_the_stored_form_reads_back_exactly(trace: bool) -> None:
    built = build(RULEBASE, "seventh_circuit", trace)
    back = _round_trip(built)
    assert back == built
    for _, rules in back.blocks:  # tuples, as built (a list would compare unequal anyway)
        assert all(type(r) is tuple and type(r[1]) is tuple and type(r[2]) is tuple for r in rules)
    assert list(back.inputs.items()) == list(built.inputs.items())


def test_every_shape_of_rule_reads_back() -> None:
    """Rules of many shapes, a recursive part, a constraint, and shown atoms with conditions."""
    rules = [(4, (1, 2), ()), (5, (), (4,)), (6, (3, 5), (1, 2)), (7, (1,), (6,)), (8, (), ()),
             (9, (10,), ()), (10, (9,), ()), (9, (1,), ()), (11, (1, 2, 3, 4, 5), (6, 7, 8))]
    doctrine = CompiledDoctrine(11, _order(rules, "test"), (((1,), (2,)),), (8,), {"a": 1, "b": 2, "c": 3},
                                (("d", (4,), ()), ("e", (5, 6), (7,)), ("f", (), (9,)), ("g", (11,), ())))
    assert any(recursive for recursive, _ in doctrine.blocks)
    assert _round_trip(doctrine) == doctrine


def _damaged() -> list[dict[str, Any]]:
    good = json.loads(json.dumps(cc.to_data(build(RULEBASE, "seventh_circuit", True))))
    out = []
    for change in (
        lambda d: d["blocks"][0][1][0].__setitem__(2, d["blocks"][0][1][0][2] + 1),  # a row more than stored
        lambda d: d["blocks"][0][1][0].__setitem__(3, d["blocks"][0][1][0][3][:-4]),  # ints cut short
        lambda d: d["blocks"][0][1][0].__setitem__(3, "not base64!"),
        lambda d: d["blocks"][0][1][0].__setitem__(0, -1),
        lambda d: d["blocks"][0][1][0].__setitem__(3, 7),
        lambda d: d["shown_names"].pop(),  # a name fewer than the shown atoms
        lambda d: d["input_names"].append("x"),
        lambda d: d.__setitem__("format", 2),
        lambda d: d.pop("shown"),
    ):
        d = copy.deepcopy(good)
        change(d)
        out.append(d)
    return out


@pytest.mark.parametrize("which", range(9))
def test_a_damaged_file_is_refused(which: int) -> None:
    with pytest.raises((ValueError, KeyError, TypeError)):
        cc.from_data(_damaged()[which])


def test_a_damaged_file_is_built_again(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    built = cc.load_or_build(RULEBASE, "seventh_circuit", True)  # no file yet: built, and written
    path = cc.cache_path(RULEBASE, "seventh_circuit", True)
    assert path is not None and path.exists()
    assert cc.load_or_build(RULEBASE, "seventh_circuit", True) == built  # read back
    path.write_text(json.dumps(_damaged()[1]), encoding="utf-8")
    assert cc.load_or_build(RULEBASE, "seventh_circuit", True) == built
    assert cc.from_data(json.loads(path.read_text(encoding="utf-8"))) == built  # written again


def test_one_file_serves_every_jurisdiction(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The doctrine of every jurisdiction at once (the bundled rulebase's jurisdiction files are
    only facts) is one file, named `all`, read back as it was built; its inputs include every
    jurisdiction's settings."""
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    built = cc.load_or_build(RULEBASE, None, False)
    path = cc.cache_path(RULEBASE, None, False)
    assert path is not None and path.exists() and "-all-plain-" in path.name
    assert cc.load_or_build(RULEBASE, None, False) == built
    assert "setting(bad_faith_review,recognized)" in built.inputs
    assert all(str(f) in built.inputs for j in RULEBASE.jurisdictions for f in RULEBASE.jurisdiction_facts(j) or ())


def test_the_decoded_shown_atoms_are_stored_beside_the_doctrine(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Beside the doctrine, each shown atom's decoded value (format 6): read back, every one is
    what clingo decodes (`shown_entry`), Bodies and pairs included; a batch reads them instead
    of decoding, and decides as before."""
    import clingo

    from doctrine.engine.compiled import Batch, entry_of
    from doctrine.engine.solve import Body, shown_entry

    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    doctrine = cc.load_or_build(RULEBASE, None, True)
    stored = cc.stored_entries(RULEBASE, None, True)
    assert stored is not None and len(stored) == len(doctrine.shown)
    kinds = set()
    for (text, _, _), raw in zip(doctrine.shown, stored, strict=True):
        expected = shown_entry(clingo.parse_term(text))
        assert entry_of(raw) == expected
        if expected is not None:
            kinds.add(type(expected[1]))
    assert {Body, tuple, str} <= kinds
    batch = Batch(doctrine, lambda: stored)
    batch.prepare(100)
    assert batch._stored is stored
    assert batch._entry(len(stored) - 1) == entry_of(stored[-1])


def test_damaged_decoded_atoms_are_decoded_by_clingo(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A stored file that is not the doctrine's (another length, an unknown bucket, another
    format) is not read; a damaged value is decoded by clingo instead; either way every case
    is decided as with no file at all."""
    from doctrine.engine.compile import compile_case
    from doctrine.engine.compiled import Batch, CompiledEngine
    from doctrine.proof.generate import pool_cases

    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    doctrine = cc.load_or_build(RULEBASE, None, True)
    path = cc.cache_path(RULEBASE, None, True)
    assert path is not None
    beside = cc._entries_path(path)
    good = json.loads(beside.read_text(encoding="utf-8"))
    first_body = next(i for i, e in enumerate(good["entries"]) if e is not None and e[0] == "_body")
    for change in (lambda d: d["entries"].pop(), lambda d: d["entries"].__setitem__(0, ["nothing", "x"]),
                   lambda d: d.__setitem__("format", 5), lambda d: d.__setitem__("entries", 7)):
        d = copy.deepcopy(good)
        change(d)
        beside.write_text(json.dumps(d), encoding="utf-8")
        assert cc.stored_entries(RULEBASE, None, True) is None
    beside.unlink()
    assert cc.stored_entries(RULEBASE, None, True) is None

    programs = [compile_case(c, s) for c, s in pool_cases(5, 0, 60)]

    def outcomes(stored: Any) -> list[Any]:
        batch = Batch(doctrine, (lambda: stored) if stored is not None else None)
        engine = CompiledEngine(RULEBASE, "seventh_circuit", doctrine, True, batch)
        return engine.solve_many(programs)

    plain = outcomes(None)
    damaged = copy.deepcopy(good["entries"])
    damaged[first_body][1][1] = "not a clause"
    second_body = next(i for i, e in enumerate(damaged) if i > first_body and e is not None and e[0] == "_body")
    damaged[second_body][1][3] = "a string, not a list of premises"
    for e in damaged:
        if e is not None and e[0] == "applied":
            e[1] = [1, 2]
    assert outcomes(damaged) == plain == outcomes(good["entries"])
