"""The Python API: decide and explain cases from a path or from case text.

    >>> import doctrine
    >>> [r] = doctrine.decide("scenarios/billings.case")
    >>> r.verdict.relief_available
    False
"""

from __future__ import annotations

import datetime
import os
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from doctrine.language.dates import as_of_date
from doctrine.language.diagnostics import Diagnostic, DoctrineError, visible
from doctrine.language.source import Span
from doctrine.reasoning.explanation import Explanation
from doctrine.reasoning.verdict import Verdict

__all__ = ["DoctrineError", "Result", "decide", "decide_text", "explain", "explain_text"]


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


AsOf = str | int | datetime.date | None


def _case_file(source: str | os.PathLike[str]):  # type: ignore[no-untyped-def]
    """A case file from a path (a `Path`, or a `str` naming an existing `.case` file); a `str` that
    holds a line break is case text (kept for compatibility: prefer `decide_text`)."""
    from doctrine.language.check import load_case_file, parse_text

    if isinstance(source, str) and "\n" in source:
        return parse_text(source, "<text>")
    if not isinstance(source, (str, os.PathLike)):
        raise _api_error("bad-source", f"a case file is a path or a str, not {type(source).__name__}")
    path = Path(source)
    if path.suffix != ".case":
        # refused before reading: the content of a file that is not a case file is never echoed
        raise _api_error("not-a-case-file", f"{visible(str(path), 200)} is not a .case file",
                         "pass a path ending in .case, or case text to doctrine.decide_text")
    return load_case_file(path)


def _api_error(code: str, message: str, hint: str = "") -> DoctrineError:
    return DoctrineError([Diagnostic(code, message, Span.at("<api>", 1, 1), hint=hint)])


def _run(
    case_file: Any,
    rules: str | None,
    as_of: AsOf,
    explained: bool,
    case: str | None = None,
    why: str | None = None,
    why_not: str | None = None,
    jurisdiction: str | None = None,
) -> list[Result]:
    from doctrine.engine.rulebase import load_rulebase
    from doctrine.reasoning.evaluate import evaluate

    date = as_of_date(as_of)
    if jurisdiction is not None:
        load_rulebase(rules).require_jurisdiction(jurisdiction)
    pairs = [(c, case_file.source) for c in case_file.cases if case is None or c.id == case]
    if case is not None and not pairs:
        known = ", ".join(c.id for c in case_file.cases)
        raise _api_error("unknown-case", f"no case `{case}`; the cases are: {known}")
    from doctrine.engine.rulebase import rules_digest

    digest = rules_digest(rules)
    return [Result(e.verdict, e.explanation, digest)
            for e in evaluate(pairs, rules, 1, explained, jurisdiction, date, why, why_not)]


def decide(
    source: str | os.PathLike[str],
    rules: str | None = None,
    as_of: AsOf = None,
    jurisdiction: str | None = None,
) -> list[Result]:
    """Decide every case of a case file: verdicts and holdings.

    Parameters
    ----------
    source
        The path of a `.case` file (a `Path` or a `str`; it must exist). A `str` holding a line
        break is read as case text, as `decide_text` does.
    as_of
        Apply only the authorities decided by then: a `datetime.date`, an ISO date string
        `"2008-10-24"`, or a year (`2008` or `"2008"`: its last day).
    jurisdiction
        One of the rules' jurisdictions (`seventh_circuit`, ...), instead of the case's own.

    Raises
    ------
    DoctrineError
        (a `ValueError`) with located diagnostics: a missing or unreadable file, a file that is
        not a `.case` file, bad case text, a bad date, an unknown jurisdiction.
    """
    return _run(_case_file(source), rules, as_of, False, jurisdiction=jurisdiction)


def decide_text(
    text: str, name: str = "<text>", rules: str | None = None, as_of: AsOf = None, jurisdiction: str | None = None
) -> list[Result]:
    """`decide` for case text; diagnostics are reported under `name`."""
    from doctrine.language.check import parse_text

    return _run(parse_text(text, name), rules, as_of, False, jurisdiction=jurisdiction)


def explain(
    source: str | os.PathLike[str],
    case: str | None = None,
    why: str | None = None,
    why_not: str | None = None,
    rules: str | None = None,
    as_of: AsOf = None,
    jurisdiction: str | None = None,
) -> list[Result]:
    """Decide and explain: why trees, "even if" alternatives and, with `why_not`, the failures.
    `source`, `as_of`, `jurisdiction` and the errors raised are as for `decide`."""
    return _run(_case_file(source), rules, as_of, True, case=case, why=why, why_not=why_not, jurisdiction=jurisdiction)


def explain_text(
    text: str,
    name: str = "<text>",
    case: str | None = None,
    why: str | None = None,
    why_not: str | None = None,
    rules: str | None = None,
    as_of: AsOf = None,
    jurisdiction: str | None = None,
) -> list[Result]:
    """`explain` for case text; diagnostics are reported under `name`."""
    from doctrine.language.check import parse_text

    return _run(parse_text(text, name), rules, as_of, True, case=case, why=why, why_not=why_not,
                jurisdiction=jurisdiction)
