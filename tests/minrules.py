"""The tiny rules fixture (tests/fixtures/rules_min) and case texts for the tooling tests.

The fixture rules are not the doctrine: they keep `doctrine test`, the pytest plugin and
`doctrine diff` tested against rules that do not move while the doctrine is being written.
Its vocabulary.lp is copied in from rules/ so it always speaks the current case language.
"""

from __future__ import annotations

import shutil
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
FIXTURE = ROOT / "tests" / "fixtures" / "rules_min"

RACE = """\
case race
  court eighth_circuit
  posture motion_to_compel
  waiver_conduct refused_to_disclose_proffers
  allegation unconstitutional_motive
    support record_evidence
    ties_decision_maker yes
    proven yes
  motion § 3553(e)
    filed yes
  expect
{expect}
end
"""

OPEN = """\
case open
  court eighth_circuit
  posture motion_to_compel
  allegation bad_faith
    proven yes
  expect
{expect}
end
"""

UNTIED = """\
case untied
  court seventh_circuit
  posture motion_to_compel
  allegation unconstitutional_motive
    support record_evidence
    ties_decision_maker no
  expect
{expect}
end
"""

MERE = """\
case mere
  court seventh_circuit
  posture motion_to_compel
  allegation unconstitutional_motive
    support assistance_only
  expect
{expect}
end
"""


def make_rules(dest: Path) -> Path:
    """A copy of the fixture rules at `dest`, with the current vocabulary.lp."""
    shutil.copytree(FIXTURE, dest)
    shutil.copy(ROOT / "rules" / "vocabulary.lp", dest / "vocabulary.lp")
    return dest


def case_text(template: str, *expect: str) -> str:
    """A case with the given expect lines (indented under `expect`)."""
    return template.format(expect="\n".join("    " + line for line in expect))


def passing_suite(directory: Path) -> Path:
    """Two case files whose expectations hold under the fixture rules (one xfail that fails)."""
    directory.mkdir(parents=True, exist_ok=True)
    (directory / "race.case").write_text(
        case_text(RACE, "relief none", "dispositive buffington_waiver", "alternative wade_remedy",
                  "below_minimum authorized", "explains waiver_conduct")
        + case_text(OPEN, "relief depends", "in_jurisdiction seventh_circuit", "  relief none"),
        encoding="utf-8",
    )
    (directory / "more.case").write_text(
        case_text(UNTIED, "relief none", "no_holding wade_threshold")
        + case_text(MERE, "relief available", 'xfail "the fixture grants nothing on mere assistance"'),
        encoding="utf-8",
    )
    return directory
