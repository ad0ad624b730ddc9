"""Diff: the same cases under two rulebases -> what each case gained or lost, and why.

For every case, each rulebase's verdict is reduced to a `Snapshot` (outcome, relief kinds,
authority below a minimum, holdings by rule id and whether each is dispositive, and the reasons: every (rule, conclusion)
node of the explanation and every fact leaf); two snapshots that differ are a `CaseChange`.

    old: billings -> relief none, holdings {billings_stand_in_aside, ...}
    new: billings -> relief available
becomes
    CaseChange("billings", outcome=("none", "available"), holdings_removed=("billings_stand_in_aside",), ...)

A rules argument is a directory or a git revision of the repository of the current directory
(the researcher's checkout of the rules, wherever doctrine is installed); a revision's `rules/`
is extracted into a temporary directory with `git archive` (git runs as a subprocess with an
argument list; clingo never does) and loads from there alone, under the same include guard.
"""

from __future__ import annotations

import io
import shutil
import subprocess
import tarfile
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path

from doctrine.engine.batch import settled, solve_cases
from doctrine.engine.rulebase import Rulebase, load_rulebase
from doctrine.engine.solve import Outcome
from doctrine.language.syntax import Case

_MINIMUM = {True: "authorized", False: "not_authorized", None: "depends"}


@dataclass(frozen=True)
class Snapshot:
    """What one rulebase decides about one case, in comparable form."""

    outcome: str
    relief_kinds: tuple[str, ...]
    below_minimum: str
    holdings: frozenset[str]  # rule ids
    dispositive: frozenset[str]  # the rule ids among them that decide the case in every branch
    reasons: frozenset[str]  # "rule R: X" for explanation nodes, "fact F" for leaves


@dataclass(frozen=True)
class CaseChange:
    """One case whose snapshot differs between the old and the new rulebase."""

    case: str
    source: str
    line: int
    old: Snapshot
    new: Snapshot
    text: str = ""  # the printed case, for generated cases (so the change can be reproduced)

    @property
    def holdings_added(self) -> tuple[str, ...]:
        return tuple(sorted(self.new.holdings - self.old.holdings))

    @property
    def holdings_removed(self) -> tuple[str, ...]:
        return tuple(sorted(self.old.holdings - self.new.holdings))

    @property
    def holdings_moved(self) -> tuple[tuple[str, str, str], ...]:
        """(rule, old kind, new kind) for holdings that went from alternative to dispositive or back."""
        kind = {True: "dispositive", False: "alternative"}
        both = sorted(self.old.holdings & self.new.holdings)
        return tuple((r, kind[r in self.old.dispositive], kind[r in self.new.dispositive]) for r in both
                     if (r in self.old.dispositive) != (r in self.new.dispositive))

    @property
    def reasons_added(self) -> tuple[str, ...]:
        return tuple(sorted(self.new.reasons - self.old.reasons))

    @property
    def reasons_removed(self) -> tuple[str, ...]:
        return tuple(sorted(self.old.reasons - self.new.reasons))

    @property
    def outcome_changed(self) -> bool:
        return self.old.outcome != self.new.outcome

    @property
    def kinds_changed(self) -> bool:
        return self.old.relief_kinds != self.new.relief_kinds

    @property
    def minimum_changed(self) -> bool:
        return self.old.below_minimum != self.new.below_minimum


@dataclass(frozen=True)
class DiffReport:
    """Every changed case, and how many cases were compared."""

    old: str
    new: str
    old_digest: str
    new_digest: str
    compared: int
    generated: int
    changes: tuple[CaseChange, ...]

    @property
    def changed(self) -> bool:
        return bool(self.changes)

    def summary(self) -> dict[str, int]:
        """Counts of changed cases by what changed."""
        c = self.changes
        return {
            "compared": self.compared,
            "generated": self.generated,
            "changed": len(c),
            "outcome": sum(x.outcome_changed for x in c),
            "relief_kinds": sum(x.kinds_changed for x in c),
            "below_minimum": sum(x.minimum_changed for x in c),
            "holdings": sum(bool(x.holdings_added or x.holdings_removed or x.holdings_moved) for x in c),
            "reasons": sum(bool(x.reasons_added or x.reasons_removed) for x in c),
        }


def snapshot(outcome: Outcome, rulebase: Rulebase) -> Snapshot:
    """The comparable parts of a case's verdict and explanation under one rulebase."""
    from doctrine.reasoning.explanation import explain

    e = explain(outcome, rulebase)
    v = e.verdict
    reasons = set()
    for node in e.nodes():
        if node.rule:
            reasons.add(f"rule {node.rule}: {node.conclusion}")
        reasons.update(f"fact {leaf.fact}" for leaf in node.facts)
    return Snapshot(v.outcome, v.relief_kinds, _MINIMUM[v.below_minimum_authorized],
                    frozenset(h.rule for h in v.holdings), frozenset(h.rule for h in v.dispositive()),
                    frozenset(reasons))


def diff_cases(
    cases: Iterable[tuple[Case, str]],
    old: str | Path,
    new: str | Path,
    workers: int = 1,
    texts: dict[str, str] | None = None,
    labels: tuple[str, str] | None = None,
    generated: int = 0,
    progress: Callable[[], None] | None = None,
    engine: str = "compiled",
) -> DiffReport:
    """Solve every (case, source) pair under both rule directories and collect the changes.

    Parameters
    ----------
    cases
        (case, source name) pairs, as for `solve.solve_cases`.
    old, new
        Rule directories.
    texts
        Case id -> printed case text, kept on the changes of generated cases.
    labels
        How the two rulebases are named in the report (default: their directories).
    progress
        Called once a case has been decided under both.
    """
    pairs = list(cases)
    old_rb, new_rb = load_rulebase(old), load_rulebase(new)
    n = workers if len(pairs) > 50 else 1
    old_outcomes = settled(solve_cases(pairs, str(old_rb.directory), n, engine=engine), None)
    new_outcomes = settled(solve_cases(pairs, str(new_rb.directory), n, engine=engine), None)
    changes = []
    for (case, source), a, b in zip(pairs, old_outcomes, new_outcomes):
        before, after = snapshot(a, old_rb), snapshot(b, new_rb)
        if before != after:
            text = (texts or {}).get(case.id, "")
            changes.append(CaseChange(case.id, source, case.span.start.line, before, after, text))
        if progress is not None:
            progress()
    names = labels or (str(old), str(new))
    return DiffReport(names[0], names[1], old_rb.digest, new_rb.digest, len(pairs), generated, tuple(changes))


# ---------------------------------------------------------------------------------------------
# Rules from a git revision


class RevisionError(Exception):
    """A rules argument that is neither a directory nor a revision git knows."""


def _git(args: list[str], cwd: Path) -> bytes:
    try:
        done = subprocess.run(["git", *args], cwd=cwd, capture_output=True, timeout=120, check=False)
    except (OSError, subprocess.TimeoutExpired) as e:
        raise RevisionError(f"cannot run git: {e}") from None
    if done.returncode != 0:
        raise RevisionError(done.stderr.decode(errors="replace").strip() or f"git {args[0]} failed")
    return done.stdout


def materialise_rules(spec: str, into: Path, repo: Path | None = None) -> Path:
    """A snapshot of a rules directory: a copy of `spec` if it is one, else `rules/` at revision `spec`.

    A revision is resolved in the git repository of `repo` (default: the current directory, the
    researcher's checkout of the rules), never in the installed package, which need not be a
    checkout at all. The `rules/` folder at the repository's top is extracted with `git archive`
    into `into`, and loads from there alone.

    Parameters
    ----------
    spec
        A directory, or a revision such as `HEAD~1` or `main`.
    into
        A temporary directory (need not exist) the rules are copied or extracted into.
    repo
        A directory inside the git repository (default: the current directory).

    Raises
    ------
    RevisionError
        Not a directory, not in a git repository, an unknown revision, or no rules at it.
    """
    if Path(spec).is_dir():  # a snapshot: the rules may be edited while the cases are solved
        shutil.copytree(Path(spec), into / "rules", ignore=shutil.ignore_patterns(".*", "__pycache__"))
        return into / "rules"
    where = (repo or Path.cwd()).resolve()
    try:
        top = Path(_git(["rev-parse", "--show-toplevel"], where).decode().strip()).resolve()
    except RevisionError:
        raise RevisionError(
            f"{spec!r} is not a directory, and {where} is not in a git repository: run `doctrine diff` "
            "inside your checkout of the rules, or name two rules directories"
        ) from None
    try:
        commit = _git(["rev-parse", "--verify", "--quiet", f"{spec}^{{commit}}"], top).decode().strip()
    except RevisionError:
        commit = ""
    if not commit:
        raise RevisionError(f"{spec!r} is neither a directory nor a git revision of the repository at {top}")
    inside = "rules"  # never the installed package's path: a virtualenv may sit inside the checkout
    try:
        _git(["cat-file", "-e", f"{commit}:{inside}/doctrine.lp"], top)
    except RevisionError:
        raise RevisionError(f"no {inside}/ folder with a doctrine.lp at {spec} in the repository at {top}") from None
    archive = _git(["archive", "--format=tar", commit, inside], top)
    with tarfile.open(fileobj=io.BytesIO(archive)) as tar:
        tar.extractall(into, filter="data")
    return into / inside

