"""HTML: verdicts and explanations -> one standalone page (no network), with inline SVG when
Graphviz is installed.

    [(Verdict(case="billings", ...), Explanation(...))]
becomes
    "<!DOCTYPE html><html lang='en'>...<section><h2>billings ..."
"""

from __future__ import annotations

import html
from collections.abc import Sequence

from doctrine.reasoning.explanation import Explanation, Failure, Node, say
from doctrine.reasoning.verdict import Verdict
from doctrine.render.graph import graphviz_available, render_svg
from doctrine.render.words import cite, minimum_line, quoted, relief_line, where


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
                f"<td><code>{html.escape(h.rule)}</code></td><td>{html.escape(cite(h))} ({h.weight})</td></tr>"
            )
        body.append("</table>")
        if e is not None:
            if graphviz_available():  # inline SVG: no XML prolog or DOCTYPE inside HTML
                try:
                    svg = render_svg(e)
                    body.append(svg[svg.find("<svg") :])
                except RuntimeError as failed:  # the page still carries the trees
                    body.append(f"<p class='note'>{html.escape(str(failed))}</p>")
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
    rule = f" <code>{html.escape(n.rule)}</code> — {html.escape(cite(n))}" if n.rule else ""
    if n.ref:
        return f"<li>{html.escape(n.text)}{rule} <em>(shown above)</em></li>"
    inner = []
    if n.quote:
        inner.append(f"<blockquote>{html.escape(quoted(n.quote))}</blockquote>")
    inner.append("<ul>")
    inner.extend(_html_node(c) for c in n.because)
    inner.extend(f"<li class='fact'>{html.escape(f.text)} ({html.escape(where(f))})</li>" for f in n.facts)
    inner.extend(f"<li class='finding'>finding: {html.escape(x)}</li>" for x in n.findings)
    inner.append("</ul>")
    return f"<li><details open><summary><strong>{html.escape(n.text)}</strong>{rule}</summary>{''.join(inner)}</details></li>"


def _html_failure(f: Failure) -> str:
    deeper = "".join(_html_failure(d) for d in f.deeper)
    return f"<li><code>{html.escape(f.rule)}</code>: {html.escape(f.text)}<ul>{deeper}</ul></li>"
