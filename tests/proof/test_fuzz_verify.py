"""`doctrine fuzz` and `doctrine verify` find a planted bug, and prove the real rules.

The planted bug: a copy of the rules with every `not holds(review(waived))` condition cut
out, so a waiver no longer blocks relief (Buffington, P21). Both tools must find it and
print a counterexample that `doctrine check` accepts.
"""

from __future__ import annotations

import os
import re
import shutil
from dataclasses import replace
from pathlib import Path

import pytest
from clitools import doctrine

from doctrine.engine.rulebase import load_rulebase
from doctrine.language.parse import parse_source
from doctrine.language.source import Source
from doctrine.proof.fuzz import counterexample_text, fuzz
from doctrine.proof.invariants import BY_NAME, INVARIANTS, Context
from doctrine.proof.verify import jurisdictions, stratification, verify

# The proofs run per jurisdiction file. The fast (CI) profile proves them for a sample that
# covers every kind of setting (recognized, unsettled, unknown and eligible positions);
# DOCTRINE_DEEP=1 (or `doctrine verify`, whose figures the README quotes) proves every file.
SAMPLE = ("seventh_circuit", "eighth_circuit", "third_circuit", "default")


def _sample(rulebase: object) -> list[str]:
    every = list(jurisdictions(rulebase))  # type: ignore[arg-type]
    return every if os.environ.get("DOCTRINE_DEEP") else [j for j in every if j in SAMPLE]

ROOT = Path(__file__).resolve().parents[2]
ONE_SCENARIO = (
    "no_contradiction",
    "waiver_blocks_relief",
    "no_threshold_no_relief",
    "below_minimum_needs_basis",
)
PAIRS = ("evidence_monotone", "reason_antitone", "plain_error_no_more")




def _copy_rules(tmp: Path, edit) -> Path:  # type: ignore[no-untyped-def]
    target = tmp / "rules"
    shutil.copytree(ROOT / "rules", target)
    for path in target.glob("*.lp"):
        text = path.read_text(encoding="utf-8")
        changed = edit(path.name, text)
        if changed != text:
            path.write_text(changed, encoding="utf-8")
    return target


def _without_waiver(_name: str, text: str) -> str:
    text = re.sub(r",\s*not holds\(review\(waived\)\)", "", text)
    return re.sub(r"not holds\(review\(waived\)\)\s*,\s*", "", text)


@pytest.fixture(scope="module")
def planted(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return _copy_rules(tmp_path_factory.mktemp("planted"), _without_waiver)


def _checks(path: Path) -> None:
    done = doctrine("check", str(path))
    assert done.returncode == 0, done.stdout + done.stderr


def test_fuzz_finds_the_planted_bug(planted: Path, tmp_path: Path) -> None:
    args = ["--examples", "300", "--seed", "1", "--invariant", "waiver_blocks_relief"]
    done = doctrine("fuzz", *args, "--rules", str(planted), "--save", str(tmp_path))
    assert done.returncode == 1, done.stdout + done.stderr
    assert "violates waiver_blocks_relief" in done.stdout
    assert "scenarios/s" in done.stderr
    saved = tmp_path / "waiver_blocks_relief.case"
    _checks(saved)
    [case] = parse_source(Source(str(saved), saved.read_text(encoding="utf-8"))).cases
    assert case.get("waiver_conduct") or case.get("appeal_waiver"), "the shrunk case keeps a waiver"


def test_verify_finds_the_planted_bug(planted: Path, tmp_path: Path) -> None:
    chosen = [a for j in ("seventh_circuit", "eighth_circuit", "default") for a in ("--jurisdiction", j)]
    done = doctrine(
        "verify", "--invariant", "waiver_blocks_relief", "--rules", str(planted), "--save", str(tmp_path), *chosen
    )
    assert done.returncode == 1, done.stdout + done.stderr
    assert "VIOLATED" in done.stdout and "not confirmed" not in done.stdout
    saved = sorted(tmp_path.glob("*.case"))
    assert len(saved) == 3
    for path in saved:
        _checks(path)


@pytest.mark.parametrize("name", ONE_SCENARIO + PAIRS + ("one_answer_set",))
def test_verify_proves_the_real_rules(name: str) -> None:
    rulebase = load_rulebase()
    for j in _sample(rulebase):
        proof = verify(rulebase, BY_NAME[name], j)
        assert proof.status == "proved", (j, proof.note, proof.confirmed)
        assert proof.space > 10**100


def test_verify_searches_the_even_if_runs() -> None:
    """Relief with waiver conduct is impossible in the primary runs, possible "even if"."""
    rulebase = load_rulebase()
    probe = replace(
        BY_NAME["waiver_blocks_relief"],
        name="relief_despite_waiver_conduct",
        asp="_violation :- holds(relief(K)), waiver_conduct(W).",
    )
    proof = verify(rulebase, probe, "seventh_circuit")
    assert proof.status == "violated" and "even if" in proof.note


def test_a_cycle_through_negation_is_found(tmp_path: Path) -> None:
    cycle = (
        "\nderive(cycle_a, relief(discovery)) :- allegation(bad_faith), not holds(relief(remedy)).\n"
        "derive(cycle_b, relief(remedy)) :- allegation(bad_faith), not holds(relief(discovery)).\n"
    )
    rules = _copy_rules(tmp_path, lambda name, text: text + cycle if name == "relief.lp" else text)
    rulebase = load_rulebase(rules)
    assert "not stratified" in (stratification(rulebase, "default") or "")
    report = fuzz(rulebase, [BY_NAME["one_answer_set"]], examples=200, seed=0)
    assert report.violation is not None and "answer sets" in report.violation.message
    assert stratification(load_rulebase(), "default") is None


def test_fuzz_on_the_real_rules_finds_nothing() -> None:
    rulebase = load_rulebase()
    report = fuzz(rulebase, INVARIANTS, examples=25, seed=3, ctx=Context(rulebase))
    assert report.violation is None, counterexample_text(report.violation)
    assert report.examples >= 25 and report.rate > 0


@pytest.mark.parametrize(
    "args",
    [
        ("fuzz", "--invariant", "no_such"),
        ("verify", "--invariant", "no_such"),
        ("verify", "--jurisdiction", "twelfth_circuit"),
        ("fuzz", "--profile", "huge"),
    ],
)
def test_bad_input_exits_2(args: tuple[str, ...]) -> None:
    done = doctrine(*args)
    assert done.returncode == 2, done.stdout + done.stderr
    assert "Traceback" not in done.stderr


def test_rules_that_do_not_ground_exit_2(tmp_path: Path) -> None:
    def unsafe(name: str, text: str) -> str:
        return text + "\nderive(broken, X) :- allegation(bad_faith).\n" if name == "relief.lp" else text

    rules = _copy_rules(tmp_path, unsafe)
    for command in (("fuzz", "-n", "3"), ("verify", "-i", "waiver_blocks_relief")):
        done = doctrine(*command, "--rules", str(rules))
        assert done.returncode == 2, done.stdout + done.stderr
        assert "rule-file-error" in done.stderr and "unsafe" in done.stderr


def test_a_pair_counterexample_keeps_the_worlds_copies_out_of_its_cases() -> None:
    from clingo import Function

    from doctrine.proof.invariants import INVARIANTS
    from doctrine.proof.verify import _world_facts

    inv = next(i for i in INVARIANTS if i.name == "reason_antitone")
    appeal, lied = Function("appeal_after_sentence"), Function("lied")
    model = [Function("posture", [appeal]), Function("posture", [Function("w1"), appeal]),
             Function("posture", [Function("w2"), appeal]), Function("government_reason", [Function("w2"), lied])]
    assert [str(s) for s in _world_facts(model, inv, "w1")] == ["posture(appeal_after_sentence)"]
    assert [str(s) for s in _world_facts(model, inv, "w2")] == ["posture(appeal_after_sentence)", "government_reason(lied)"]
