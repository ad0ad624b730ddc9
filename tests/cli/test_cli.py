"""The CLI, end to end through `python -m doctrine`: exit codes, code frames, no tracebacks."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from clitools import doctrine

ROOT = Path(__file__).resolve().parents[2]
SCENARIOS = ROOT / "scenarios"




def test_check_accepts_the_bundled_scenarios() -> None:
    done = doctrine("check", str(SCENARIOS))
    assert done.returncode == 0, done.stderr
    assert "ok:" in done.stdout


def test_check_prints_a_code_frame_and_exits_2(tmp_path: Path) -> None:
    bad = tmp_path / "bad.case"
    bad.write_text("case x\n  court seventh_circuit\n  posture appeal_after_sentence\n  plea_agreement sole_discretoin\nend\n")
    done = doctrine("check", str(bad))
    assert done.returncode == 2
    assert "Traceback" not in done.stderr
    assert f"{bad}:4:18" in done.stderr
    assert "sole_discretoin" in done.stderr and "^" in done.stderr
    assert "did you mean `sole_discretion`?" in done.stderr


def test_non_utf8_and_missing_files_exit_2(tmp_path: Path) -> None:
    bad = tmp_path / "latin1.case"
    bad.write_bytes("case x\n  note \"caf\xe9\"\nend\n".encode("latin-1"))
    done = doctrine("check", str(bad))
    assert done.returncode == 2 and "not-utf8" in done.stderr and "Traceback" not in done.stderr
    done = doctrine("run", str(tmp_path / "nope.case"))
    assert done.returncode == 2 and "Traceback" not in done.stderr


def test_usage_errors_exit_2() -> None:
    done = doctrine("run", str(SCENARIOS), "--format", "yaml")
    assert done.returncode == 2 and "Traceback" not in done.stderr
    done = doctrine("frobnicate")
    assert done.returncode == 2 and "Traceback" not in done.stderr


def test_compile_output_reproduces_the_run(tmp_path: Path) -> None:
    """`clingo rules/doctrine.lp out.lp` (nothing else) gives the conclusions of the first run."""
    import clingo

    from doctrine.engine.compile import compile_case
    from doctrine.engine.solve import Solver
    from doctrine.language.check import load_case_file

    done = doctrine("compile", str(SCENARIOS / "billings.case"))
    assert done.returncode == 0, done.stderr
    out = tmp_path / "out.lp"
    out.write_text(done.stdout)
    ctl = clingo.Control()
    ctl.load(str(ROOT / "rules" / "doctrine.lp"))
    ctl.load(str(out))
    ctl.ground([("base", [])])
    shown: list[str] = []
    ctl.solve(on_model=lambda m: shown.extend(str(s) for s in m.symbols(shown=True)))
    holds = {s[len("holds("):-1] for s in shown if s.startswith("holds(")}
    [case] = load_case_file(SCENARIOS / "billings.case").cases
    outcome = Solver().solve(compile_case(case))
    first = next(r for r in outcome.primary if dict(r.branch).get("rounsavall_rule", "recognized") == "recognized")
    assert holds == set(first.conclusions)


def test_run_json_follows_the_schema() -> None:
    jsonschema = pytest.importorskip("jsonschema")
    done = doctrine("run", str(SCENARIOS), "--format", "json")
    assert done.returncode == 0, done.stderr
    doc = json.loads(done.stdout)
    schema = json.loads((ROOT / "doctrine" / "schema" / "result.schema.json").read_text())
    jsonschema.validate(doc, schema)
    assert doc["schema"] == "doctrine.result/1"
    assert {r["case"] for r in doc["results"]} >= {"wade", "king", "billings", "buffington", "mackmore"}


def test_run_works_from_another_directory(tmp_path: Path) -> None:
    done = doctrine("run", str(SCENARIOS / "mackmore.case"), cwd=tmp_path)
    assert done.returncode == 0, done.stderr
    assert "mackmore" in done.stdout


def test_a_malformed_goal_is_bad_usage_not_a_crash() -> None:
    done = doctrine("explain", str(SCENARIOS / "billings.case"), "--why", "relief(")
    assert done.returncode == 2 and "Traceback" not in done.stderr and "--why expects" in done.stderr
    done = doctrine("explain", str(SCENARIOS / "mackmore.case"), "--why-not", "hearing", "--format", "json")
    assert done.returncode == 0, done.stderr
    assert json.loads(done.stdout)["results"][0]["explanation"]["why_not"]["failures"]
