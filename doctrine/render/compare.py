"""Render comparisons and timelines: Comparison / Timeline -> rich renderables, JSON, Markdown.

A comparison is one table: a column per jurisdiction and branch, a row for the outcome, for
authority below a minimum, and for every holding; rows that separate diverging columns are
marked. A timeline is a table of dates: the outcome as of each, and what changed it.

    Comparison(columns=(Column("eighth_circuit", ...), Column("seventh_circuit", ...)), ...)
becomes
    | holding | eighth circuit | seventh circuit [rounsavall_rule=rejected] | ...
"""

from __future__ import annotations

from typing import Any

from doctrine.analysis.compare import Column, Comparison, Holding, Step, Timeline
from doctrine.reasoning.explanation import say
from doctrine.render.json import verdict_json

COMPARE_SCHEMA = "doctrine.compare/1"
TIMELINE_SCHEMA = "doctrine.timeline/1"


def date_text(date: int) -> str:
    """YYYYMMDD -> 2008-10-24; YYYY0000 (only the year known) -> 2008."""
    y, md = divmod(date, 10000)
    return str(y) if md == 0 else f"{y}-{md // 100:02d}-{md % 100:02d}"


def outcome_words(relief: tuple[str, ...], below: tuple[str, ...]) -> str:
    r = ("relief: " + ", ".join(k.replace("_", " ") for k in relief)) if relief else "no relief"
    return r + ("; below minimum: " + ", ".join(b.replace("_", " ") for b in below) if below else "")


def _holding_words(h: Holding) -> str:
    return f"{h[0]}: {say(h[1])}"


def _divergence_lines(cmp: Comparison) -> list[str]:
    out = []
    for d in cmp.divergences:
        left, right = cmp.columns[d.left], cmp.columns[d.right]
        law = (
            "; ".join(f"{q}: {p} vs {p2}" for q, p, p2 in d.questions)
            or "no question (the authorities that bind differ)"
        )
        out.append(
            f"{law} -- {left.label}: {outcome_words(*left.outcome)} / {right.label}: {outcome_words(*right.outcome)}"
        )
        out += [f"  only in the first: {_holding_words(h)}" for h in d.only_left]
        out += [f"  only in the second: {_holding_words(h)}" for h in d.only_right]
    return out


def comparison_json(cmp: Comparison) -> dict[str, Any]:
    return {
        "schema": COMPARE_SCHEMA,
        "case": cmp.case,
        "source": cmp.source,
        "as_of": cmp.as_of,
        "diverges": cmp.diverges,
        "columns": [
            {
                "jurisdiction": c.jurisdiction,
                "branch": [list(p) for p in c.branch],
                "relief": list(c.relief),
                "below_minimum": list(c.below_minimum),
                "holdings": [list(h) for h in sorted(c.holdings)],
            }
            for c in cmp.columns
        ],
        "divergences": [
            {
                "left": d.left,
                "right": d.right,
                "questions": [{"question": q, "left": p, "right": p2} for q, p, p2 in d.questions],
                "only_left": [list(h) for h in d.only_left],
                "only_right": [list(h) for h in d.only_right],
            }
            for d in cmp.divergences
        ],
        "verdicts": [verdict_json(v) for v in cmp.verdicts],
    }


def _mark(c: Column) -> str:
    return ("R" if c.relief else "–") + ("M" if c.below_minimum else "")


def comparison_text(cmp: Comparison) -> Any:
    """Columns numbered (the legend gives each its jurisdiction, branch and outcome), a row per holding."""
    from rich.console import Group
    from rich.panel import Panel
    from rich.table import Table
    from rich.text import Text

    legend = Text()
    for i, c in enumerate(cmp.columns, 1):
        legend.append(f"{i:>2}  {c.label}: ", style="bold")
        legend.append(outcome_words(*c.outcome) + "\n", style="green" if c.relief else "")
    table = Table(header_style="bold", box=None, pad_edge=False)
    table.add_column("holding")
    for i, _ in enumerate(cmp.columns, 1):
        table.add_column(str(i), justify="center")
    table.add_row(
        Text("outcome (R relief, M below minimum)", style="bold"), *(Text(_mark(c)) for c in cmp.columns)
    )
    marked = cmp.divergent_rows()
    for h in cmp.rows:
        style = "bold yellow" if h in marked else ""
        label = Text(("» " if h in marked else "  ") + f"{h[0]}  ", style=style)
        label.append(h[1], style="dim")
        table.add_row(label, *(Text("●" if h in c.holdings else "·", style=style) for c in cmp.columns))
    head = Text("As of " + date_text(cmp.as_of) + "\n" if cmp.as_of else "")
    head.append(
        "The outcomes diverge (» marks the holdings that separate them)."
        if cmp.diverges
        else "Every jurisdiction and branch reaches the same outcome.",
        style="bold",
    )
    parts: list[Any] = [head, legend, table]
    if cmp.diverges:
        parts.append(Text("\n" + "\n".join(_divergence_lines(cmp))))
    return Panel(Group(*parts), title=Text(f"compare: {cmp.case}", style="bold"), title_align="left")


def comparison_markdown(cmp: Comparison) -> str:
    cols = [c.label.replace("|", "\\|") for c in cmp.columns]
    out = [f"## Compare: {cmp.case}" + (f" (as of {date_text(cmp.as_of)})" if cmp.as_of else ""), ""]
    out += ["| | " + " | ".join(cols) + " |", "|---" * (len(cols) + 1) + "|"]
    out.append("| **outcome** | " + " | ".join(outcome_words(c.relief, ()) for c in cmp.columns) + " |")
    out.append(
        "| **below minimum** | " + " | ".join(", ".join(c.below_minimum) or "—" for c in cmp.columns) + " |"
    )
    marked = cmp.divergent_rows()
    for h in cmp.rows:
        name = f"`{h[0]}`: {say(h[1])}".replace("|", "\\|")
        out.append(
            f"| {'**» ' + name + '**' if h in marked else name} | "
            + " | ".join("●" if h in c.holdings else "" for c in cmp.columns)
            + " |"
        )
    if cmp.diverges:
        out += ["", "Divergences:", ""] + [
            f"- {line.strip()}" if not line.startswith("  ") else f"  - {line.strip()}"
            for line in _divergence_lines(cmp)
        ]
    return "\n".join(out) + "\n"


# ---------------------------------------------------------------------------------------------
# Timeline


def _step_words(s: Step) -> str:
    v = s.verdict
    relief = {
        "available": "relief: " + ", ".join(k.replace("_", " ") for k in v.relief_kinds),
        "none": "no relief",
    }.get(v.outcome, "relief depends on " + ", ".join(v.depends_on))
    below = {True: "; below minimum authorized", False: "", None: "; below minimum depends"}[
        v.below_minimum_authorized
    ]
    return relief + below


def _step_change(s: Step) -> list[str]:
    """The rules whose holdings appear (+) or go (-) at this step."""
    gained = sorted({r for r, _ in s.gained})
    lost = sorted({r for r, _ in s.lost})
    return ([f"+ {', '.join(gained)}"] if gained else []) + ([f"- {', '.join(lost)}"] if lost else [])


def timeline_json(t: Timeline) -> dict[str, Any]:
    return {
        "schema": TIMELINE_SCHEMA,
        "case": t.case,
        "source": t.source,
        "jurisdiction": t.jurisdiction,
        "steps": [
            {
                "as_of": s.date,
                "date": date_text(s.date),
                "decided": list(s.decided),
                "outcome": s.verdict.outcome,
                "relief_kinds": list(s.verdict.relief_kinds),
                "below_minimum_authorized": s.verdict.below_minimum_authorized,
                "changed": s.changed,
                "gained": [list(h) for h in s.gained],
                "lost": [list(h) for h in s.lost],
            }
            for s in t.steps
        ],
    }


def timeline_text(t: Timeline) -> Any:
    from rich.panel import Panel
    from rich.table import Table
    from rich.text import Text

    table = Table(header_style="bold", box=None)
    for col in ("as of", "decided", "outcome", "holdings gained / lost"):
        table.add_column(col)
    for s in t.steps:
        style = "bold yellow" if s.changed else ""
        table.add_row(
            Text(date_text(s.date), style=style),
            Text(", ".join(s.decided) or "(before every authority)"),
            Text(("changed: " if s.changed else "") + _step_words(s), style=style),
            Text("\n".join(_step_change(s))),
        )
    title = Text(f"timeline: {t.case} ({t.jurisdiction.replace('_', ' ')})", style="bold")
    return Panel(table, title=title, title_align="left")


def timeline_markdown(t: Timeline) -> str:
    out = [
        f"## Timeline: {t.case} ({t.jurisdiction.replace('_', ' ')})",
        "",
        "| as of | decided | outcome | holdings gained / lost |",
        "|---|---|---|---|",
    ]
    for s in t.steps:
        words = ("**changed:** " if s.changed else "") + _step_words(s)
        change = "<br>".join(x.replace("|", "\\|") for x in _step_change(s))
        out.append(
            f"| {date_text(s.date)} | {', '.join(s.decided) or '(before every authority)'} | {words} | {change} |"
        )
    return "\n".join(out) + "\n"
