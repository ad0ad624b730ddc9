"""pytest plugin: every `.case` file is a test file, every case in it a test item.

    pytest scenarios/                       # one item per case: scenarios/billings.case::billings
    pytest scenarios/ -k billings           # select by case id
    pytest scenarios/ -n 4 --junitxml=r.xml # xdist and JUnit work as for any test
    pytest scenarios/ --doctrine-rules=rules_dir

A case passes when its `expect` block holds (a case without one is skipped); a failure prints each mismatch as expected vs
actual with the `file:line` of the expectation, then the verdict the case got. A case whose
expect block says `xfail "reason"` is a strict pytest xfail (passing is XPASS, a failure).
The checking is `doctrine.regress.runner.judge`, the same function `doctrine test` uses.

Registered through the `pytest11` entry point, so it loads in every pytest run of a project
that installs doctrine: this module imports only pytest until a `.case` file is collected.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

_SOLVERS: pytest.StashKey[dict[str | None, Any]] = pytest.StashKey()


def pytest_addoption(parser: pytest.Parser) -> None:
    group = parser.getgroup("doctrine", "doctrine case files")
    group.addoption("--doctrine-rules", default=None, metavar="DIR",
                    help="rules directory for .case tests (default: the bundled rules)")
    parser.addini("doctrine_rules", "rules directory for .case tests, relative to the rootdir", default="")


def pytest_collect_file(file_path: Path, parent: pytest.Collector) -> pytest.Collector | None:
    if file_path.suffix == ".case":
        return CaseFileCollector.from_parent(parent, path=file_path)
    return None


class CaseFileCollector(pytest.File):
    """A case file: loaded and checked once; yields one item per case id."""

    def collect(self) -> Iterator[pytest.Item]:
        from doctrine.language.check import load_case_file
        from doctrine.language.syntax import ValueKind

        self.case_file = load_case_file(self.path)
        for case in self.case_file.cases:
            item = CaseItem.from_parent(self, name=case.id)
            for block in case.get("expect"):  # xfail is known before solving: a marker, strict
                for s in block.children:
                    if s.key == "xfail" and s.values and s.values[0].kind is ValueKind.STRING:
                        item.add_marker(pytest.mark.xfail(reason=s.values[0].text, strict=True, raises=CaseMismatch))
            yield item

    def repr_failure(self, excinfo: pytest.ExceptionInfo[BaseException]) -> Any:  # type: ignore[override]
        text = _diagnostics_text(excinfo.value)
        return text if text is not None else super().repr_failure(excinfo)


class CaseMismatch(Exception):
    """A case whose verdict contradicts its expect block; carries the readable diff."""


class CaseItem(pytest.Item):
    """One case, found again by its id in its file (so items are rebuilt on xdist workers)."""

    def runtest(self) -> None:
        from doctrine.language.diagnostics import DoctrineError
        from doctrine.regress.expect import read_expectation, validate_expectation
        from doctrine.regress.runner import Entry, failure_text, run_entries

        assert isinstance(self.parent, CaseFileCollector)
        case_file = self.parent.case_file
        case = next(c for c in case_file.cases if c.id == self.name)
        rulebase, solver, rules = _solver(self.config)
        exp, problems = read_expectation(case)
        if exp is not None:
            problems += validate_expectation(exp, rulebase)
        if problems:
            raise DoctrineError(problems)
        if exp is None:
            pytest.skip("no expect block")
        [result] = run_entries([Entry(case, case_file.source, exp)], rulebase, rules, solver=solver)
        self.user_properties.append(("case", result.where))
        if result.mismatches:
            raise CaseMismatch(failure_text(result))

    def repr_failure(self, excinfo: pytest.ExceptionInfo[BaseException], style: Any = None) -> Any:
        if isinstance(excinfo.value, CaseMismatch):
            return str(excinfo.value)
        text = _diagnostics_text(excinfo.value)
        return text if text is not None else super().repr_failure(excinfo, style=style)

    def reportinfo(self) -> tuple[Path, int, str]:
        assert isinstance(self.parent, CaseFileCollector)
        case = next((c for c in self.parent.case_file.cases if c.id == self.name), None)
        line = case.span.start.line if case is not None else 1
        return self.path, line - 1, f"case {self.name}"


def _rules(config: pytest.Config) -> str | None:
    given = config.getoption("--doctrine-rules", None)
    if given:
        return str(Path(given).resolve())
    ini = config.getini("doctrine_rules")
    return str((config.rootpath / ini).resolve()) if ini else None


def _solver(config: pytest.Config) -> tuple[Any, Any, str | None]:
    """The rulebase and a Solver for this session, grounded once per jurisdiction and kept."""
    from doctrine.engine.rulebase import load_rulebase
    from doctrine.engine.solve import Solver

    rules = _rules(config)
    cache = config.stash.setdefault(_SOLVERS, {})
    if rules not in cache:
        rulebase = load_rulebase(rules)
        cache[rules] = (rulebase, Solver(rulebase))
    rulebase, solver = cache[rules]
    return rulebase, solver, rules


def _diagnostics_text(error: BaseException) -> str | None:
    from doctrine.language.diagnostics import DoctrineError

    if not isinstance(error, DoctrineError):
        return None
    from doctrine.language.parse import load_source
    from doctrine.render.text import render_diagnostics

    sources = dict(error.sources)
    for name in {d.span.source for d in error.diagnostics} - set(sources):
        try:
            sources[name] = load_source(name)
        except DoctrineError:
            pass
    return render_diagnostics(error.diagnostics, sources)
