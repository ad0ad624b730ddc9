"""Markdown: Verdict and Explanation -> a Markdown document (the `--format md` output).

    Verdict(case="billings", ...)
becomes
    "## billings (seventh circuit)\n\nRelief: none ..."
"""

from __future__ import annotations

from doctrine.reasoning.explanation import Explanation, Failure, Node, say
from doctrine.reasoning.verdict import Verdict
from doctrine.render.words import (
    case_name,
    cite,
    court_words,
    minimum_line,
    open_line,
    relief_line,
    where,
    why_not_title,
)


def render_markdown(v: Verdict, explanation: Explanation | None = None) -> str:
    name = case_name(v)
    head = f"## {_md(name)} (`{v.case}`, {court_words(v)})" if name else f"## `{v.case}` ({court_words(v)})"
    out = [head, "", f"- {relief_line(v)}", f"- {minimum_line(v)}"]
    if v.open_questions:
        out.append(f"- {open_line(v)}")
    out += ["", "| | question | holding | rule | authority |", "|---|---|---|---|---|"]
    for h in v.holdings:
        cond = f" ({h.condition_text})" if h.condition_text else ""
        out.append(
            f"| {'alt' if h.alternative else '•'} | {h.question} | {_md(say(h.answer) + cond)} | `{h.rule}` | {_md(cite(h))} ({h.weight}) |"
        )
    if explanation is not None:
        for section in explanation.sections:
            out += ["", f"### {_md(section.title)}", ""]
            for n in section.nodes:
                out.extend(_md_node(n, 0))
        if explanation.why_not_goal:
            out += ["", f"### {_md(why_not_title(explanation.why_not_goal))}", ""]
            for f in explanation.why_not:
                out.extend(_md_failure(f, 0))
    return "\n".join(out) + "\n"


def _md(text: str) -> str:
    return text.replace("|", "\\|")


def _md_node(n: Node, depth: int) -> list[str]:
    pad = "  " * depth
    rule = f" — `{n.rule}`, {_md(cite(n))}" if n.rule else ""
    if n.ref:
        return [f"{pad}- {n.text}{rule} (shown above)"]
    out = [f"{pad}- **{n.text}**{rule}"]
    if n.quote:
        out.append(f"{pad}  > {n.quote}")
    for c in n.because:
        out.extend(_md_node(c, depth + 1))
    for f in n.facts:
        out.append(f"{pad}  - {f.text} (`{where(f)}`)")
    for finding in n.findings:
        out.append(f"{pad}  - finding: {finding}")
    return out


def _md_failure(f: Failure, depth: int) -> list[str]:
    pad = "  " * depth
    out = [f"{pad}- `{f.rule}` ({_md(f.authority)}{', at ' + f.pin if f.pin else ''}): {_md(f.text)}"]
    for d in f.deeper:
        out.extend(_md_failure(d, depth + 1))
    return out
