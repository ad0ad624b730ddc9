"""`doctrine diff REV REV` resolves revisions in the git repository of the current directory.

The repository here is a researcher's own checkout of the rules, created in a temporary
directory: doctrine itself (the package under test) lives elsewhere, as after a non-editable
`pip install .`, so the revisions can only be found through the working directory.
"""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]

pytestmark = pytest.mark.skipif(shutil.which("git") is None, reason="git is not installed")

# the derive clause dropped by the second commit: a dispositive holding of scenarios/wade.case
DROPPED = re.compile(r"^derive\(wade_mere_assistance,.*?\.[ \t]*$\n", re.S | re.M)


def _git(repo: Path, *args: str) -> None:
    subprocess.run(["git", "-c", "user.name=t", "-c", "user.email=t@example.org", "-c", "commit.gpgsign=false",
                    *args], cwd=repo, check=True, capture_output=True)


@pytest.fixture
def repo(tmp_path: Path) -> Path:
    """A checkout with two commits: the bundled rules, then the rules without one holding's clause."""
    repo = tmp_path / "checkout"
    shutil.copytree(ROOT / "rules", repo / "rules")
    (repo / "cases").mkdir()
    shutil.copy(ROOT / "scenarios" / "wade.case", repo / "cases" / "wade.case")
    _git(repo, "init", "-q")
    _git(repo, "add", ".")
    _git(repo, "commit", "-q", "-m", "the rules")
    wade = repo / "rules" / "wade.lp"
    text, n = DROPPED.subn("", wade.read_text(encoding="utf-8"))
    assert n == 1, "wade_mere_assistance's derive clause is no longer where this test drops it"
    wade.write_text(text, encoding="utf-8")
    _git(repo, "commit", "-q", "-am", "drop wade_mere_assistance")
    return repo


def test_diff_between_two_revisions_of_the_current_checkout(cli, repo: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.chdir(repo)
    code, out, err = cli("diff", "HEAD~1", "HEAD", "cases")
    assert code == 1, out + err
    assert "- holding wade_mere_assistance" in out
    assert "1 of 1 case(s) changed" in out
    code, out, err = cli("diff", "HEAD", "HEAD", "cases")
    assert code == 0, out + err
    assert "no changes: 1 case(s) compared" in out


def test_a_subdirectory_of_the_checkout_finds_the_same_repository(cli, repo: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.chdir(repo / "cases")
    code, out, err = cli("diff", "HEAD~1", "HEAD", "wade.case")
    assert code == 1 and "- holding wade_mere_assistance" in out, out + err


def test_outside_a_git_repository_the_message_says_so(cli, tmp_path: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    plain = tmp_path / "plain"
    plain.mkdir()
    shutil.copy(ROOT / "scenarios" / "wade.case", plain / "wade.case")
    monkeypatch.chdir(plain)
    monkeypatch.setenv("GIT_CEILING_DIRECTORIES", str(tmp_path))  # never find a repository above tmp_path
    code, _, err = cli("diff", "HEAD~1", "HEAD", "wade.case")
    assert code == 2 and "Traceback" not in err
    assert "is not in a git repository" in err and "run `doctrine diff` inside your checkout" in err


def test_an_unknown_revision_and_a_revision_without_rules_exit_2(cli, repo: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.chdir(repo)
    code, _, err = cli("diff", "no-such-branch", "HEAD", "cases")
    assert code == 2 and "'no-such-branch' is neither a directory nor a git revision" in err
    _git(repo, "rm", "-r", "-q", "rules")
    _git(repo, "commit", "-q", "-m", "no rules")
    code, _, err = cli("diff", "HEAD~1", "HEAD", "cases")
    assert code == 2 and "no rules/ folder with a doctrine.lp at HEAD" in err, err


def test_rules_from_a_revision_keep_the_include_guard(cli, repo: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    """An include that escapes the extracted rules folder is refused, as for a rules directory."""
    (repo / "evil.lp").write_text("holds(relief(remedy)).\n", encoding="utf-8")
    entry = repo / "rules" / "doctrine.lp"
    entry.write_text(entry.read_text(encoding="utf-8") + '#include "../evil.lp".\n', encoding="utf-8")
    _git(repo, "add", ".")
    _git(repo, "commit", "-q", "-m", "escape")
    monkeypatch.chdir(repo)
    code, _, err = cli("diff", "HEAD~1", "HEAD", "cases")
    assert code == 2 and "escapes the rules folder" in err, err


def test_after_a_non_editable_install(repo: Path, tmp_path: Path) -> None:
    """doctrine as a wheel installs it (rules and grammar inside the package, no checkout around
    it), run in a fresh process from the researcher's checkout."""
    import os
    import sys

    site = tmp_path / "site"
    shutil.copytree(ROOT / "doctrine", site / "doctrine", ignore=shutil.ignore_patterns("__pycache__"))
    shutil.copytree(ROOT / "rules", site / "doctrine" / "rules")
    shutil.copytree(ROOT / "grammar", site / "doctrine" / "grammar")
    env = {**os.environ, "PYTHONPATH": str(site), "XDG_CACHE_HOME": str(tmp_path / "cache"), "DOCTRINE_WIDTH": "200"}
    done = subprocess.run([sys.executable, "-m", "doctrine", "diff", "HEAD~1", "HEAD", "cases"], cwd=repo, env=env,
                          capture_output=True, text=True, timeout=300)
    assert done.returncode == 1, done.stdout + done.stderr
    assert "- holding wade_mere_assistance" in done.stdout
    where = subprocess.run([sys.executable, "-c", "import doctrine.resources as r; print(r.rules_dir())"], cwd=repo,
                           env=env, capture_output=True, text=True, timeout=60)
    assert where.stdout.strip() == str(site / "doctrine" / "rules")  # the installed copy, not a checkout
