"""Docs and rule comments refer only to what the project ships: no numbered propositions
(`P22`) or sections of an outside brief, which a reader of the package cannot look up."""

from __future__ import annotations

import re
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
OUTSIDE = re.compile(r"\bP\d+\b|\bthe brief\b|§\s*\d+\s+of the brief", re.I)


def _prose(line: str) -> str:
    """The words of a rule-file line: its comment and its strings (never a variable such as P1)."""
    comment = line[line.index("%"):] if "%" in line else ""
    return comment + " " + " ".join(re.findall(r'"(?:[^"\\]|\\.)*"', line))


def hits(paths: list[Path], rule_files: bool = False) -> list[str]:
    out = []
    for path in paths:
        for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            if OUTSIDE.search(_prose(line) if rule_files else line):
                out.append(f"{path.relative_to(ROOT)}:{n}: {line.strip()}")
    return out


def test_the_pattern_finds_what_it_should() -> None:
    for bad in ("plain-error review (P22)", "P1-P25", "as the brief says", "see § 4 of the brief"):
        assert OUTSIDE.search(bad), bad
    for fine in ("Rule 35(b)", "18 U.S.C. § 3553(e)", "495 F.2d", "APP", "brief of the appellant"):
        assert not OUTSIDE.search(fine), fine


def test_docs_and_readme_refer_only_to_what_ships() -> None:
    """docs/rules.md is generated from the rule files: the next test covers it at its source."""
    docs = [p for p in sorted((ROOT / "docs").glob("*.md")) if p.name != "rules.md"]
    found = hits([ROOT / "README.md", *docs])
    assert not found, "references to an outside brief:\n" + "\n".join(found)


def test_rule_comments_refer_only_to_what_ships() -> None:
    rules = sorted((ROOT / "rules").glob("*.lp")) + sorted((ROOT / "rules" / "jurisdictions").glob("*.lp"))
    found = hits(rules, rule_files=True)
    assert not found, "references to an outside brief in rule comments:\n" + "\n".join(found)


def test_case_files_and_python_prose_refer_only_to_what_ships() -> None:
    """Comments of the bundled cases, and the prose the package prints (counterexample headers,
    value documentation), name no proposition of an outside brief either."""
    numbered = re.compile(r"\bP\d+\b|\bthe brief\b|§\s*\d+\s+of the brief")  # case-sensitive: `p2` is a variable
    found = []
    cases = sorted((ROOT / "scenarios").glob("*.case")) + sorted((ROOT / "corpus").glob("*.case"))
    for path in cases + sorted((ROOT / "doctrine").rglob("*.py")):
        for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            if numbered.search(re.sub(r"https?://\S+", "", line)):
                found.append(f"{path.relative_to(ROOT)}:{n}: {line.strip()}")
    assert not found, "references to an outside brief:\n" + "\n".join(found[:40])
