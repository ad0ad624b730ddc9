"""Render: verdicts, explanations and diagnostics -> rich renderables, JSON, Markdown, DOT, HTML.

Everything is built from one `Explanation` value (or a `Verdict` when no explanation was
asked for). Renderers return values; only the CLI prints. Every string from a case or rule
file goes through rich's `Text` (never markup), since citations are full of brackets.

    Verdict(case="billings", relief_available=False, ...)
becomes
    {"case": "billings", "relief": {"available": false, "kinds": []}, "holdings": [...]}
"""

from __future__ import annotations

import html
import json
import shutil
import subprocess
from collections.abc import Iterable, Sequence
from typing import Any

from doctrine.engine.rulebase import Rulebase
from doctrine.language.diagnostics import Diagnostic, code_frame
from doctrine.language.source import Source
from doctrine.reasoning.explanation import Explanation, Failure, Leaf, Node, say
from doctrine.reasoning.verdict import SCHEMA, Holding, Verdict

FORMATS = ("text", "json", "md", "dot", "svg", "html")


# ---------------------------------------------------------------------------------------------
# JSON (the versioned result schema: doctrine/schema/result.schema.json)


def leaf_json(leaf: Leaf) -> dict[str, Any]:
    return {
        "fact": leaf.fact,
        "text": leaf.text,
        "line": leaf.line,
        "file": leaf.span.source if leaf.span else None,
        "note": leaf.note,
    }


def node_json(node: Node) -> dict[str, Any]:
    return {
        "conclusion": node.conclusion,
        "text": node.text,
        "rule": node.rule,
        "authority": node.authority,
        "pin": node.pin,
        "quote": node.quote,
        "statement": node.statement,
        "ref": node.ref,
        "findings": list(node.findings),
        "because": [node_json(c) for c in node.because],
        "facts": [leaf_json(f) for f in node.facts],
    }


def failure_json(f: Failure) -> dict[str, Any]:
    return {
        "goal": f.goal,
        "rule": f.rule,
        "authority": f.authority,
        "pin": f.pin,
        "condition": f.condition,
        "text": f.text,
        "deeper": [failure_json(d) for d in f.deeper],
    }


def holding_json(h: Holding) -> dict[str, Any]:
    return {
        "question": h.question,
        "answer": h.answer,
        "text": say(h.answer),
        "rule": h.rule,
        "authority": h.authority,
        "citation": h.citation,
        "pin": h.pin,
        "statement": h.statement,
        "weight": h.weight,
        "alternative": h.alternative,
        "condition": h.condition,
    }


def verdict_json(v: Verdict, explanation: Explanation | None = None) -> dict[str, Any]:
    out: dict[str, Any] = {
        "case": v.case,
        "source": v.source,
        "jurisdiction": v.jurisdiction,
        "as_of": v.as_of,
        "outcome": v.outcome,
        "relief": {
            "available": v.relief_available,
            "kinds": list(v.relief_kinds),
            "kinds_if": [{"kind": k, "condition": c} for k, c in v.relief_kinds_if],
            "depends_on": list(v.depends_on),
        },
        "below_minimum_authorized": v.below_minimum_authorized,
        "below_minimum_bases": list(v.below_minimum_bases),
        "open_questions": list(v.open_questions),
        "conclusions": list(v.conclusions),
        "holdings": [holding_json(h) for h in v.holdings],
    }
    if explanation is not None:
        out["explanation"] = {
            "sections": [
                {"title": s.title, "condition": s.condition, "nodes": [node_json(n) for n in s.nodes]}
                for s in explanation.sections
            ],
            "why_not": {"goal": explanation.why_not_goal, "failures": [failure_json(f) for f in explanation.why_not]}
            if explanation.why_not_goal
            else None,
        }
    return out


def result_document(verdicts: Iterable[dict[str, Any]], rulebase: Rulebase) -> dict[str, Any]:
    import clingo

    from doctrine.version import __version__

    return {
        "schema": SCHEMA,
        "doctrine_version": __version__,
        "rules_sha256": rulebase.digest,
        "clingo_version": clingo.__version__,
        "results": list(verdicts),
    }


def to_json(document: dict[str, Any]) -> str:
    return json.dumps(document, indent=2, ensure_ascii=False)


# ---------------------------------------------------------------------------------------------
# Plain words shared by the text and Markdown renderers


def relief_line(v: Verdict) -> str:
    if v.relief_available is None:
        return "Relief: depends on " + ", ".join(q.replace("_", " ") for q in v.depends_on)
    if v.relief_available:
        return "Relief: available — " + ", ".join(k.replace("_", " ") for k in v.relief_kinds)
    return "Relief: none"


def minimum_line(v: Verdict) -> str:
    if v.below_minimum_authorized is None:
        return "Below a statutory minimum: depends on " + ", ".join(v.depends_on)
    if v.below_minimum_authorized:
        return "Below a statutory minimum: authorized (" + ", ".join(b.replace("_", " ") for b in v.below_minimum_bases) + ")"
    return "Below a statutory minimum: not authorized"


def _cite(node_or_holding: Node | Holding) -> str:
    a = node_or_holding.authority if isinstance(node_or_holding, Node) else node_or_holding.citation
    pin = node_or_holding.pin
    return f"{a}{', at ' + pin if pin else ''}"


def _where(leaf: Leaf) -> str:
    if leaf.span:
        return f"{leaf.span.source}:{leaf.line}"
    return leaf.note or "not stated: the record is silent"


def _quoted(quote: str) -> str:
    return quote if quote[:1] in "“\"" else f"“{quote}”"


# ---------------------------------------------------------------------------------------------
# Terminal (rich)


def render_text(v: Verdict, explanation: Explanation | None = None, quotes: bool = True) -> Any:
    """A rich renderable: the verdict, the holdings, and (if given) the explanation trees."""
    from rich.console import Group
    from rich.panel import Panel
    from rich.table import Table
    from rich.text import Text
    from rich.tree import Tree

    title = Text(f"{v.case}  ({v.jurisdiction.replace('_', ' ')})", style="bold")
    head = Text()
    head.append(relief_line(v) + "\n", style="green" if v.relief_available else "red" if v.relief_available is False else "yellow")
    head.append(minimum_line(v))
    if v.open_questions:
        head.append("\nUnsettled here, decided both ways: " + ", ".join(v.open_questions))
    parts: list[Any] = [head]
    table = Table(show_header=True, header_style="bold", expand=False, box=None)
    table.add_column("")
    table.add_column("question")
    table.add_column("holding", ratio=3, overflow="fold")
    table.add_column("rule", overflow="fold", ratio=2)  # ids are never cut: researchers copy them
    table.add_column("authority", ratio=2)
    for h in v.holdings:
        mark = "alt" if h.alternative else "•"
        auth = Text(_cite(h) + (f" [{h.weight}]" if h.weight else ""))
        table.add_row(mark, Text(h.question), Text(say(h.answer) + (f"\n({h.condition})" if h.condition else "")), Text(h.rule), auth)
    parts.append(table)
    if explanation is not None:
        for section in explanation.sections:
            tree = Tree(Text(section.title, style="bold"))
            for n in section.nodes:
                _rich_node(tree, n, quotes)
            parts.append(tree)
        if explanation.why_not_goal:
            tree = Tree(Text(f"Why not {explanation.why_not_goal}", style="bold"))
            if not explanation.why_not:
                tree.add(Text("no rule of the doctrine derives it"))
            for f in explanation.why_not:
                _rich_failure(tree, f)
            parts.append(tree)
    return Panel(Group(*parts), title=title, title_align="left")


def _rich_node(parent: Any, n: Node, quotes: bool) -> None:
    from rich.text import Text

    label = Text(n.text, style="bold" if n.rule else "")
    if n.rule:
        label.append(f"  [{n.rule}; {_cite(n)}]", style="cyan")
    if n.ref:
        label.append("  (shown above)", style="dim")
        parent.add(label)
        return
    branch = parent.add(label)
    if quotes and n.quote:
        branch.add(Text(_quoted(n.quote), style="italic dim"))
    for c in n.because:
        _rich_node(branch, c, quotes)
    for f in n.facts:
        branch.add(Text(f"{f.text}  ({_where(f)})", style="magenta"))
    for finding in n.findings:
        branch.add(Text(f"finding: {finding}", style="yellow"))


def _rich_failure(parent: Any, f: Failure) -> None:
    from rich.text import Text

    label = Text(f"{f.rule} ({f.authority}{', at ' + f.pin if f.pin else ''}): ")
    label.append(f.text, style="yellow")
    b = parent.add(label)
    for d in f.deeper:
        _rich_failure(b, d)


# ---------------------------------------------------------------------------------------------
# Markdown


def render_markdown(v: Verdict, explanation: Explanation | None = None) -> str:
    out = [f"## {v.case} ({v.jurisdiction.replace('_', ' ')})", "", f"- {relief_line(v)}", f"- {minimum_line(v)}"]
    if v.open_questions:
        out.append(f"- Unsettled here, decided both ways: {', '.join(v.open_questions)}")
    out += ["", "| | question | holding | rule | authority |", "|---|---|---|---|---|"]
    for h in v.holdings:
        cond = f" ({h.condition})" if h.condition else ""
        out.append(
            f"| {'alt' if h.alternative else '•'} | {h.question} | {_md(say(h.answer) + cond)} | `{h.rule}` | {_md(_cite(h))} ({h.weight}) |"
        )
    if explanation is not None:
        for section in explanation.sections:
            out += ["", f"### {_md(section.title)}", ""]
            for n in section.nodes:
                out.extend(_md_node(n, 0))
        if explanation.why_not_goal:
            out += ["", f"### Why not {explanation.why_not_goal}", ""]
            for f in explanation.why_not:
                out.extend(_md_failure(f, 0))
    return "\n".join(out) + "\n"


def _md(text: str) -> str:
    return text.replace("|", "\\|")


def _md_node(n: Node, depth: int) -> list[str]:
    pad = "  " * depth
    rule = f" — `{n.rule}`, {_md(_cite(n))}" if n.rule else ""
    if n.ref:
        return [f"{pad}- {n.text}{rule} (shown above)"]
    out = [f"{pad}- **{n.text}**{rule}"]
    if n.quote:
        out.append(f"{pad}  > {n.quote}")
    for c in n.because:
        out.extend(_md_node(c, depth + 1))
    for f in n.facts:
        out.append(f"{pad}  - {f.text} (`{_where(f)}`)")
    for finding in n.findings:
        out.append(f"{pad}  - finding: {finding}")
    return out


def _md_failure(f: Failure, depth: int) -> list[str]:
    pad = "  " * depth
    out = [f"{pad}- `{f.rule}` ({_md(f.authority)}{', at ' + f.pin if f.pin else ''}): {_md(f.text)}"]
    for d in f.deeper:
        out.extend(_md_failure(d, depth + 1))
    return out


# ---------------------------------------------------------------------------------------------
# Graph pictures: DOT, and SVG / HTML through Graphviz when it is installed


def render_dot(explanation: Explanation) -> str:
    lines = ["digraph explanation {", '  rankdir=TB; node [shape=box, fontname="Helvetica", fontsize=10];']
    ids: dict[str, str] = {}

    def nid(key: str) -> str:
        return ids.setdefault(key, f"n{len(ids)}")

    def esc(text: str) -> str:
        return text.replace("\\", "\\\\").replace('"', '\\"')

    def walk(n: Node) -> str:
        me = nid("c:" + n.conclusion)
        rule = "\\n[" + esc(n.rule) + "]" if n.rule else ""
        lines.append(f'  {me} [label="{esc(n.text)}{rule}"];')
        if n.ref:
            return me
        for c in n.because:
            lines.append(f"  {me} -> {walk(c)};")
        for f in n.facts:
            fid = nid("f:" + f.fact)
            where = f" (line {f.line})" if f.line else ""
            lines.append(f'  {fid} [shape=note, label="{esc(f.text + where)}"];')
            lines.append(f"  {me} -> {fid};")
        return me

    for s in explanation.sections:
        for n in s.nodes:
            walk(n)
    lines.append("}")
    return "\n".join(lines) + "\n"


def graphviz_available() -> bool:
    return shutil.which("dot") is not None


def render_svg(explanation: Explanation) -> str:
    """SVG through Graphviz's `dot`; raises RuntimeError with a clear message when it is absent."""
    if not graphviz_available():
        raise RuntimeError("Graphviz is not installed (no `dot` on PATH): use --format dot, md or html")
    done = subprocess.run(["dot", "-Tsvg"], input=render_dot(explanation), capture_output=True, text=True, check=True)
    return done.stdout


def render_html(verdicts: Sequence[tuple[Verdict, Explanation | None]]) -> str:
    """A standalone page (no network): the verdicts, holdings and collapsible explanation trees."""
    body = []
    for v, e in verdicts:
        body.append(f"<section><h2>{html.escape(v.case)} <small>({html.escape(v.jurisdiction)})</small></h2>")
        body.append(f"<p class='verdict'>{html.escape(relief_line(v))}<br>{html.escape(minimum_line(v))}</p>")
        body.append("<table><tr><th></th><th>question</th><th>holding</th><th>rule</th><th>authority</th></tr>")
        for h in v.holdings:
            cond = f" ({h.condition})" if h.condition else ""
            body.append(
                f"<tr class='{'alt' if h.alternative else 'disp'}'><td>{'alt' if h.alternative else '•'}</td>"
                f"<td>{html.escape(h.question)}</td><td>{html.escape(say(h.answer) + cond)}</td>"
                f"<td><code>{html.escape(h.rule)}</code></td><td>{html.escape(_cite(h))} ({h.weight})</td></tr>"
            )
        body.append("</table>")
        if e is not None:
            if graphviz_available():  # inline SVG: no XML prolog or DOCTYPE inside HTML
                svg = render_svg(e)
                body.append(svg[svg.find("<svg") :])
            for s in e.sections:
                body.append(f"<h3>{html.escape(s.title)}</h3><ul>")
                body.extend(_html_node(n) for n in s.nodes)
                body.append("</ul>")
            if e.why_not_goal:
                body.append(f"<h3>Why not {html.escape(e.why_not_goal)}</h3><ul>")
                body.extend(_html_failure(f) for f in e.why_not)
                body.append("</ul>")
        body.append("</section>")
    style = (
        "body{font-family:Georgia,serif;max-width:60em;margin:2em auto;line-height:1.4}"
        "table{border-collapse:collapse}td,th{border-bottom:1px solid #ccc;padding:.2em .5em;text-align:left}"
        "tr.alt{color:#555}blockquote{color:#555;font-style:italic;margin:.2em 1em}"
        ".fact{color:#805}.finding{color:#860}code{font-size:90%}"
    )
    return (
        "<!DOCTYPE html><html lang='en'><head><meta charset='utf-8'><title>doctrine</title>"
        f"<style>{style}</style></head><body><h1>doctrine</h1>{''.join(body)}</body></html>\n"
    )


def _html_node(n: Node) -> str:
    rule = f" <code>{html.escape(n.rule)}</code> — {html.escape(_cite(n))}" if n.rule else ""
    if n.ref:
        return f"<li>{html.escape(n.text)}{rule} <em>(shown above)</em></li>"
    inner = []
    if n.quote:
        inner.append(f"<blockquote>{html.escape(_quoted(n.quote))}</blockquote>")
    inner.append("<ul>")
    inner.extend(_html_node(c) for c in n.because)
    inner.extend(f"<li class='fact'>{html.escape(f.text)} ({html.escape(_where(f))})</li>" for f in n.facts)
    inner.extend(f"<li class='finding'>finding: {html.escape(x)}</li>" for x in n.findings)
    inner.append("</ul>")
    return f"<li><details open><summary><strong>{html.escape(n.text)}</strong>{rule}</summary>{''.join(inner)}</details></li>"


def _html_failure(f: Failure) -> str:
    deeper = "".join(_html_failure(d) for d in f.deeper)
    return f"<li><code>{html.escape(f.rule)}</code>: {html.escape(f.text)}<ul>{deeper}</ul></li>"


# ---------------------------------------------------------------------------------------------
# Diagnostics


def render_diagnostics(diagnostics: Iterable[Diagnostic], sources: dict[str, Source]) -> str:
    return "\n\n".join(code_frame(d, sources.get(d.span.source)) for d in diagnostics) + "\n"
