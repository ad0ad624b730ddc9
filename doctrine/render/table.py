"""Data for analysis: one row per case (CSV for spreadsheets, JSON lines for pandas), and the
one-line tally that ends a run over several cases.

    (Case("wade", ...), Verdict(case="wade", relief_available=False, ...))
becomes
    case,source,citation,court,decided,jurisdiction,outcome,relief_kinds,below_minimum,dispositive
    wade,scenarios/wade.case,"Wade v. United States, 504 U.S. 181 (1992)",supreme_court,1992-05-18,...

Lists (relief kinds, dispositive rules) are joined with `;` in CSV and are arrays in JSON lines;
`below_minimum` is `authorized`, `not_authorized` or `depends`.
"""

from __future__ import annotations

import csv
import io
import json
from collections import Counter
from collections.abc import Iterable
from typing import Any

from doctrine.language.syntax import Case
from doctrine.reasoning.verdict import Verdict

COLUMNS = ("case", "source", "citation", "court", "decided", "jurisdiction", "outcome", "relief_kinds",
           "below_minimum", "dispositive")
_MINIMUM = {True: "authorized", False: "not_authorized", None: "depends"}


def _stated(case: Case | None, key: str) -> str:
    stated = case.get(key) if case is not None else ()
    return stated[0].values[0].text if stated and stated[0].values else ""


def citation(case: Case | None) -> str:
    """The case's name and citation as its file states them (`title` and `citation` or `cite`)."""
    title, cite = _stated(case, "title"), _stated(case, "citation") or _stated(case, "cite")
    return ", ".join(x for x in (title, cite) if x)


def case_row(case: Case | None, v: Verdict) -> dict[str, Any]:
    """One case as a flat record: who decided it and when, and what the doctrine decides."""
    return {
        "case": v.case,
        "source": v.source,
        "citation": citation(case),
        "court": _stated(case, "court"),
        "decided": _stated(case, "decided"),
        "jurisdiction": v.jurisdiction,
        "outcome": v.outcome,
        "relief_kinds": list(v.relief_kinds),
        "below_minimum": _MINIMUM[v.below_minimum_authorized],
        "dispositive": list(dict.fromkeys(h.rule for h in v.dispositive())),
    }


def render_csv(rows: Iterable[dict[str, Any]]) -> str:
    """RFC 4180 CSV with a header row (the stdlib csv module quotes what needs quoting)."""
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=COLUMNS, lineterminator="\n")
    writer.writeheader()
    for row in rows:
        writer.writerow({k: ";".join(v) if isinstance(v, list) else v for k, v in row.items()})
    return out.getvalue()


def render_jsonl(rows: Iterable[dict[str, Any]]) -> str:
    """One JSON object a line."""
    return "".join(json.dumps(row, ensure_ascii=False) + "\n" for row in rows)


def tally_line(verdicts: Iterable[Verdict], failures: int | None = None) -> str:
    """`39 cases: 12 relief, 25 none, 2 depends` (and `; 1 failure` when expectations were checked)."""
    counts = Counter(v.outcome for v in verdicts)
    n = sum(counts.values())
    line = (f"{n} case{'s' if n != 1 else ''}: {counts['available']} relief, {counts['none']} none, "
            f"{counts['depends']} depends")
    if failures is not None:
        line += f"; {failures} failure{'s' if failures != 1 else ''}"
    return line
