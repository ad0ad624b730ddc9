"""The Python API: decide and explain cases from a path or from case text.

    >>> import doctrine
    >>> [r] = doctrine.decide("scenarios/billings.case")
    >>> r.verdict.relief_available
    False
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from doctrine.reasoning.explanation import Explanation
from doctrine.reasoning.verdict import Verdict


@dataclass(frozen=True)
class Result:
    """One case's verdict and (when asked for) its explanation; renders itself in notebooks."""

    verdict: Verdict
    explanation: Explanation | None = None

    def to_json(self) -> dict[str, Any]:
        from doctrine.render.json import verdict_json

        return verdict_json(self.verdict, self.explanation)

    def markdown(self) -> str:
        from doctrine.render.markdown import render_markdown

        return render_markdown(self.verdict, self.explanation)

    def _repr_html_(self) -> str:
        from doctrine.render.html import render_html

        return render_html([(self.verdict, self.explanation)])


def _case_file(source: str | os.PathLike[str]):  # type: ignore[no-untyped-def]
    from doctrine.language.check import load_case_file, parse_text

    if isinstance(source, Path) or (isinstance(source, str) and "\n" not in source and Path(source).exists()):
        return load_case_file(source)
    return parse_text(str(source), "<text>")


def _run(
    source: str | os.PathLike[str],
    rules: str | None,
    as_of: int | None,
    explained: bool,
    case: str | None = None,
    why: str | None = None,
    why_not: str | None = None,
    jurisdiction: str | None = None,
) -> list[Result]:
    from doctrine.reasoning.evaluate import evaluate

    case_file = _case_file(source)
    pairs = [(c, case_file.source) for c in case_file.cases if case is None or c.id == case]
    return [Result(e.verdict, e.explanation) for e in evaluate(pairs, rules, 1, explained, jurisdiction, as_of, why, why_not)]


def decide(
    source: str | os.PathLike[str],
    rules: str | None = None,
    as_of: int | None = None,
    jurisdiction: str | None = None,
) -> list[Result]:
    """Decide every case of a case file (a path) or of case text: verdicts and holdings."""
    return _run(source, rules, as_of, False, jurisdiction=jurisdiction)


def explain(
    source: str | os.PathLike[str],
    case: str | None = None,
    why: str | None = None,
    why_not: str | None = None,
    rules: str | None = None,
    as_of: int | None = None,
    jurisdiction: str | None = None,
) -> list[Result]:
    """Decide and explain: why trees, "even if" alternatives and, with `why_not`, the failures."""
    return _run(source, rules, as_of, True, case=case, why=why, why_not=why_not, jurisdiction=jurisdiction)
