"""Rules load only from the rules folder: a file named like a rule file in the working directory
is never included, and a rules folder whose includes escape it is refused (exit 2)."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def _run(args: list[str], cwd: Path, cache: Path) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "XDG_CACHE_HOME": str(cache), "PYTHONPATH": str(ROOT)}
    return subprocess.run([sys.executable, "-m", "doctrine", *args], cwd=cwd, env=env, capture_output=True,
                          text=True, timeout=120)


def test_a_rule_file_in_the_working_directory_is_not_loaded(tmp_path: Path) -> None:
    (tmp_path / "wade.lp").write_text("holds(relief(remedy)).\n", encoding="utf-8")
    (tmp_path / "billings.lp").write_text("holds(relief(remedy)).\n", encoding="utf-8")
    done = _run(["run", str(ROOT / "scenarios" / "wade.case"), "--format", "json"], tmp_path, tmp_path / "cache")
    assert done.returncode == 0, done.stderr
    [result] = json.loads(done.stdout)["results"]
    assert result["relief"]["available"] is False


def test_an_include_that_escapes_the_rules_folder_is_refused(tmp_path: Path) -> None:
    rules = tmp_path / "rules"
    shutil.copytree(ROOT / "rules", rules)
    (tmp_path / "evil.lp").write_text("holds(relief(remedy)).\n", encoding="utf-8")
    entry = rules / "doctrine.lp"
    entry.write_text(entry.read_text(encoding="utf-8") + '#include "../evil.lp".\n', encoding="utf-8")
    done = _run(["run", str(ROOT / "scenarios" / "wade.case"), "--rules", str(rules)], tmp_path, tmp_path / "cache")
    assert done.returncode == 2, done.stdout + done.stderr
    assert "escapes the rules folder" in done.stderr and "Traceback" not in done.stderr


def test_a_file_name_never_becomes_asp(tmp_path: Path) -> None:
    """A case file whose name holds a newline and a rule: `compile` prints it escaped in a comment."""
    name = "x\nholds(relief(remedy)).\n%.case"
    path = tmp_path / name
    path.write_text((ROOT / "scenarios" / "wade.case").read_text(encoding="utf-8"), encoding="utf-8")
    done = _run(["compile", str(path)], tmp_path, tmp_path / "cache")
    assert done.returncode == 0, done.stderr
    assert not any(line.startswith("holds(") for line in done.stdout.splitlines())
    assert "\\nholds(relief(remedy)).\\n" in done.stdout
