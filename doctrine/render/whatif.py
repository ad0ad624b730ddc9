"""Render what-if answers and unknown facts: WhatIf / Unknowns -> rich renderables, JSON, Markdown.

Verdicts and explanations under the changed facts are rendered by `doctrine.render.text` and `doctrine.render.markdown`; this
module adds the diffs of the case file and the table of open facts. Case and rule text goes
through rich's `Text`, never markup.

    WhatIf(goal="hearing", alternatives=(Alternative(diff="-    ties_decision_maker no\\n+ ...") ...))
becomes
    {"schema": "doctrine.whatif/1", "goal": "hearing", "alternatives": [{"cost": 2, "diff": ...}]}
"""

from __future__ import annotations

from typing import Any

from doctrine.analysis.space import Change
from doctrine.analysis.whatif import Alternative, Result, Unknowns, WhatIf
from doctrine.reasoning.explanation import say
from doctrine.render.json import verdict_json
from doctrine.render.markdown import render_markdown
from doctrine.render.text import render_text
from doctrine.render.words import minimum_line, relief_line

WHATIF_SCHEMA = "doctrine.whatif/1"
UNKNOWNS_SCHEMA = "doctrine.unknowns/1"


def change_json(c: Change) -> dict[str, Any]:
    s = c.slot
    return {
        "op": c.op,
        "key": s.path,
        "head": s.head.name if s.head else None,
        "value": c.atom.arguments[-1].name,
        "atom": str(c.atom),
    }


def _branches(w: WhatIf) -> str:
    qs = sorted({q for b in w.branches for q, _ in b})
    return ("in every branch of " + ", ".join(qs)) if qs else "no open question"


def _goal_line(w: WhatIf) -> str:
    verb = "stops holding" if w.negate else "holds"
    return f"Goal: {w.goal} {verb} ({_branches(w)}); at most {w.max_changes} changes"


def whatif_json(w: WhatIf) -> dict[str, Any]:
    return {
        "schema": WHATIF_SCHEMA,
        "case": w.case,
        "source": w.source,
        "jurisdiction": w.jurisdiction,
        "goal": w.goal,
        "negate": w.negate,
        "branches": [[list(p) for p in b] for b in w.branches],
        "fixed": list(w.fixed),
        "max_changes": w.max_changes,
        "already": w.already,
        "baseline": verdict_json(w.baseline),
        "alternatives": [
            {
                "cost": a.cost,
                "changes": [change_json(c) for c in a.changes],
                "diff": a.diff,
                "confirmed": a.confirmed,
                "problems": list(a.problems),
                "verdict": verdict_json(a.verdict, a.explanation),
            }
            for a in w.alternatives
        ],
    }


def _diff_text(diff: str) -> Any:
    from rich.text import Text

    out = Text()
    for line in diff.splitlines(True):
        style = (
            "green"
            if line.startswith("+")
            else "red"
            if line.startswith("-")
            else "dim"
            if line.startswith("@@")
            else ""
        )
        out.append(line, style=style)
    return out


def _summary(w: WhatIf) -> str:
    if w.already:
        return "Already so: the goal needs no change."
    if not w.alternatives:
        return f"No set of at most {w.max_changes} changes reaches the goal (with these facts fixed)."
    return f"{len(w.alternatives)} minimal change set(s), cheapest first."


def holdings_changed(w: WhatIf, a: Alternative) -> tuple[list[str], list[str]]:
    """The holdings the changed case gains and loses, as `rule: conclusion in words`."""
    before = {(h.rule, h.answer) for h in w.baseline.holdings}
    after = {(h.rule, h.answer) for h in a.verdict.holdings}

    def words(hs: set[tuple[str, str]]) -> list[str]:
        return [f"{r}: {say(x)}" for r, x in sorted(hs)]

    return words(after - before), words(before - after)


def _alt_text(w: WhatIf, i: int, a: Alternative, explain: bool) -> list[Any]:
    from rich.text import Text

    mark = "" if a.confirmed else "  (NOT confirmed by the solver: please report)"
    mark += "".join(f"\n   check: {p}" for p in a.problems)
    out: list[Any] = [Text(f"\n{i}. {a.cost} change(s){mark}", style="bold"), _diff_text(a.diff)]
    if explain:
        return [*out, render_text(a.verdict, a.explanation, quotes=False)]
    body = Text(
        relief_line(a.verdict) + "; " + minimum_line(a.verdict) + "\n",
        style="green" if a.confirmed else "red",
    )
    gained, lost = holdings_changed(w, a)
    for line in gained:
        body.append(f"  + {line}\n")
    for line in lost:
        body.append(f"  - {line}\n", style="dim")
    return [*out, body]


def whatif_text(w: WhatIf, explain: bool = False) -> Any:
    """The goal, the case as stated, then each answer: its diff, the verdict, the holdings it
    gains (+) and loses (-); with `explain`, the whole verdict and the why-tree of the goal."""
    from rich.console import Group
    from rich.panel import Panel
    from rich.text import Text

    head = Text(_goal_line(w) + "\n")
    head.append(
        "As stated: " + relief_line(w.baseline) + "; " + minimum_line(w.baseline) + "\n"
    )
    head.append("Fixed: " + ", ".join(w.fixed) + "\n")
    head.append(_summary(w), style="bold")
    parts: list[Any] = [head]
    for i, a in enumerate(w.alternatives, 1):
        if a.changes:
            parts.extend(_alt_text(w, i, a, explain))
    return Panel(Group(*parts), title=Text(f"what if: {w.case}", style="bold"), title_align="left")


def _alt_markdown(w: WhatIf, i: int, a: Alternative, explain: bool) -> list[str]:
    mark = "" if a.confirmed else " (not confirmed by the solver)"
    out = [f"### {i}. {a.cost} change(s){mark}", "", "```diff", a.diff.rstrip("\n"), "```", ""]
    if explain:
        return [*out, demote(render_markdown(a.verdict, a.explanation), 2)]
    gained, lost = holdings_changed(w, a)
    out += [f"- {relief_line(a.verdict)}; {minimum_line(a.verdict)}"]
    out += [f"- gains `{x.split(':', 1)[0]}`:{x.split(':', 1)[1]}" for x in gained]
    out += [f"- loses `{x.split(':', 1)[0]}`:{x.split(':', 1)[1]}" for x in lost]
    return [*out, ""]


def demote(markdown: str, levels: int) -> str:
    """Markdown with every heading `levels` deeper, to nest a rendered verdict."""
    return "\n".join("#" * levels + line if line.startswith("#") else line for line in markdown.split("\n"))


def whatif_markdown(w: WhatIf, explain: bool = False) -> str:
    out = [f"## What if: {w.case} ({w.jurisdiction.replace('_', ' ')})", "", f"- {_goal_line(w)}"]
    out += [
        f"- As stated: {relief_line(w.baseline)}; {minimum_line(w.baseline)}",
        f"- Fixed: {', '.join(w.fixed)}",
        "",
        _summary(w),
        "",
    ]
    for i, a in enumerate(w.alternatives, 1):
        if a.changes:
            out.extend(_alt_markdown(w, i, a, explain))
    return "\n".join(out) + "\n"


# ---------------------------------------------------------------------------------------------
# Unknown facts


def result_words(r: Result) -> str:
    relief = {
        "available": "relief: " + ", ".join(k.replace("_", " ") for k in r.kinds),
        "none": "no relief",
        "depends": "relief depends",
    }[r.outcome]
    below = {True: "below minimum authorized", False: "", None: "below minimum depends"}[r.below_minimum]
    return "; ".join(p for p in (relief, below) if p)


def _fact_name(f: Any) -> str:
    return str(f.slot.path) + (f"[{f.slot.head.name}]" if f.slot.head else "")


def _where(f: Any) -> str:
    return f"line {f.span.line}" if f.span else "not stated"


def _verdict_line(u: Unknowns) -> str:
    if u.determined:
        return "Determined: no combination of values of the unknown facts changes the outcome."
    return "Undetermined: the outcome turns on facts the record leaves unknown."


def unknowns_json(u: Unknowns) -> dict[str, Any]:
    def res(r: Result) -> dict[str, Any]:
        return {
            "outcome": r.outcome,
            "kinds": list(r.kinds),
            "below_minimum_authorized": r.below_minimum,
            "words": result_words(r),
        }

    return {
        "schema": UNKNOWNS_SCHEMA,
        "case": u.case,
        "source": u.source,
        "jurisdiction": u.jurisdiction,
        "baseline": res(u.baseline),
        "determined": u.determined,
        "facts": [
            {
                "key": f.slot.path,
                "head": f.slot.head.name if f.slot.head else None,
                "atom": str(f.atom),
                "line": f.span.line if f.span else None,
                "decisive": f.decisive,
                "values": {v: res(r) for v, r in f.outcomes},
            }
            for f in u.facts
        ],
        "combination": [change_json(c) for c in u.combination],
    }


def unknowns_text(u: Unknowns, all_facts: bool = False) -> Any:
    from rich.console import Group
    from rich.panel import Panel
    from rich.table import Table
    from rich.text import Text

    head = Text(f"As the record stands: {result_words(u.baseline)}\n")
    head.append(_verdict_line(u), style="bold yellow" if not u.determined else "bold green")
    table = Table(box=None, header_style="bold")
    for col in ("unknown fact", "where", "value -> outcome", "decides"):
        table.add_column(col)
    for f in u.facts:
        if not (all_facts or f.decisive):
            continue
        cells = "\n".join(f"{v}: {result_words(r)}" for v, r in f.outcomes)
        table.add_row(Text(_fact_name(f)), Text(_where(f)), Text(cells), Text("yes" if f.decisive else ""))
    parts: list[Any] = [head, table]
    hidden = sum(1 for f in u.facts if not f.decisive)
    if hidden and not all_facts:
        parts.append(
            Text(
                f"{hidden} other unknown fact(s) change nothing on their own (--all to list them)",
                style="dim",
            )
        )
    if u.combination:
        parts.append(
            Text(
                "No single fact decides it; together these do: "
                + "; ".join(say(c.atom) for c in u.combination)
            )
        )
    return Panel(
        Group(*parts),
        title=Text(f"unknown facts: {u.case} ({u.jurisdiction})", style="bold"),
        title_align="left",
    )


def unknowns_markdown(u: Unknowns) -> str:
    out = [
        f"## Unknown facts: {u.case} ({u.jurisdiction.replace('_', ' ')})",
        "",
        f"- As the record stands: {result_words(u.baseline)}",
        f"- {_verdict_line(u)}",
        "",
    ]
    out += ["| unknown fact | where | value → outcome | decides |", "|---|---|---|---|"]
    for f in u.facts:
        cells = "<br>".join(f"{v}: {result_words(r)}" for v, r in f.outcomes)
        out.append(f"| `{_fact_name(f)}` | {_where(f)} | {cells} | {'yes' if f.decisive else ''} |")
    if u.combination:
        out += [
            "",
            "No single fact decides it; together these do: "
            + "; ".join(f"`{c.atom}`" for c in u.combination),
        ]
    return "\n".join(out) + "\n"
