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
    rules_sha256: str = ""  # the digest of the rules that decided it

    def to_json(self) -> dict[str, Any]:
        """The `doctrine.result/1` document of this one case, as `doctrine run --format json` prints
        it (a dict: schema, doctrine and clingo versions, the rules' sha256, `results: [case]`)."""
        from doctrine.reasoning.verdict import SCHEMA
        from doctrine.render.json import document, verdict_json

        return document(SCHEMA, [verdict_json(self.verdict, self.explanation)], self.rules_sha256)

    def markdown(self) -> str:
        from doctrine.render.markdown import render_markdown

        return render_markdown(self.verdict, self.explanation)

    def _repr_html_(self) -> str:
        """A fragment for a notebook: no page around it, its styles scoped to the result."""
        from doctrine.render.html import render_fragment

        return render_fragment([(self.verdict, self.explanation)])


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
    from doctrine.engine.rulebase import rules_digest

    digest = rules_digest(rules)
    return [Result(e.verdict, e.explanation, digest)
            for e in evaluate(pairs, rules, 1, explained, jurisdiction, as_of, why, why_not)]


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
