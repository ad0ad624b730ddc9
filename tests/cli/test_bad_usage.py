"""Bad usage is a message and exit 2, never a traceback, a PANIC or exit 3 (issue 15, defect 6):
clingo's messages are raised after clingo returns, jurisdictions are names from a closed list,
a failing Graphviz is reported, dates are validated once, and fuzz without hypothesis says what
to install."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
WADE = str(ROOT / "scenarios" / "wade.case")


def _run(args: list[str], tmp_path: Path) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "XDG_CACHE_HOME": str(tmp_path / "cache"), "PYTHONPATH": str(ROOT)}
    return subprocess.run([sys.executable, "-m", "doctrine", *args], cwd=tmp_path, env=env, capture_output=True,
                          text=True, timeout=300)


def test_an_unknown_jurisdiction_in_whatif_is_no_panic(tmp_path: Path) -> None:
    done = _run(["whatif", WADE, "--goal", "relief", "--jurisdiction", "bogus"], tmp_path)
    assert done.returncode == 2, done.stderr
    assert "unknown jurisdiction 'bogus'" in done.stderr and "seventh_circuit" in done.stderr
    assert "PANIC" not in done.stderr and "Traceback" not in done.stderr


def test_a_jurisdiction_file_with_a_syntax_error_is_no_panic(tmp_path: Path) -> None:
    rules = tmp_path / "rules"
    shutil.copytree(ROOT / "rules", rules)
    (rules / "jurisdictions" / "seventh_circuit.lp").write_text("setting(x, .\n", encoding="utf-8")
    done = _run(["run", WADE, "--rules", str(rules)], tmp_path)
    assert done.returncode == 2, done.stderr
    assert "rule-file-error" in done.stderr and "seventh_circuit.lp" in done.stderr
    assert "PANIC" not in done.stderr and "Traceback" not in done.stderr


@pytest.mark.parametrize(
    "args",
    [
        ["run", WADE, "--jurisdiction", "/etc/passwd"],
        ["explain", WADE, "--jurisdiction", "../rules/doctrine"],
        ["whatif", WADE, "--goal", "relief", "--jurisdiction", "/etc/passwd"],
        ["whatif", WADE, "--unknowns", "--jurisdiction", "/etc/passwd"],
        ["compare", WADE, "--jurisdictions", "seventh_circuit,/etc/passwd"],
        ["verify", "--jurisdiction", "/etc/passwd"],
    ],
    ids=lambda a: a[0] + ("-unknowns" if "--unknowns" in a else ""),
)
def test_a_jurisdiction_is_a_name_from_the_rules(cli, args: list[str]) -> None:  # type: ignore[no-untyped-def]
    code, _out, err = cli(*args)
    assert code == 2
    assert "unknown jurisdiction" in err


def test_the_engine_refuses_a_path_as_a_jurisdiction() -> None:
    from doctrine.engine.rulebase import _jurisdiction_statements, load_rulebase
    from doctrine.engine.solve import Solver
    from doctrine.language.diagnostics import DoctrineError

    rulebase = load_rulebase()
    with pytest.raises(DoctrineError):
        Solver(rulebase).engine("/etc/passwd")
    with pytest.raises(DoctrineError):
        _jurisdiction_statements(rulebase.directory, "../doctrine")


def test_a_failing_dot_is_a_clear_message(cli, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:  # type: ignore[no-untyped-def]
    fake = tmp_path / "bin"
    fake.mkdir()
    (fake / "dot").write_text("#!/bin/sh\necho 'Error: syntax error in line 1' >&2\nexit 1\n", encoding="utf-8")
    (fake / "dot").chmod(0o755)
    monkeypatch.setenv("PATH", f"{fake}{os.pathsep}{os.environ['PATH']}")
    code, out, err = cli("explain", WADE, "--format", "svg")
    assert code == 2
    assert "Graphviz's `dot` failed (exit 1): Error: syntax error in line 1" in err and "Traceback" not in err
    code, out, err = cli("explain", WADE, "--format", "html")  # the page still carries the trees
    assert code == 0 and "Graphviz&#x27;s `dot` failed" in out and "<details" in out


@pytest.mark.parametrize("date", ["²⁰⁰⁸", "2008-13-45", "-2008", "2009-02-29", "0999", "2008-1-1", "٢٠٠٨"])
def test_a_bad_as_of_is_exit_2(cli, date: str) -> None:  # type: ignore[no-untyped-def]
    for command in (["run", WADE], ["compare", WADE], ["whatif", WADE, "--goal", "relief"]):
        code, _out, err = cli(*command, f"--as-of={date}")
        assert code == 2, (command, date)
        assert "--as-of expects a date" in err


def test_good_dates_are_accepted() -> None:
    import datetime

    from doctrine.language.dates import as_of_date

    assert as_of_date("2008-10-24") == 20081024
    assert as_of_date("2008") == as_of_date(2008) == 20081231
    assert as_of_date(datetime.date(2008, 10, 24)) == 20081024
    assert as_of_date(20081024) == 20081024


def test_fuzz_without_hypothesis_says_what_to_install(cli, monkeypatch: pytest.MonkeyPatch) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.setitem(sys.modules, "hypothesis", None)
    code, _out, err = cli("fuzz", "--examples", "1")
    assert code == 2
    assert "install the fuzz extra" in err
