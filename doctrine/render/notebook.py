"""Notebooks: a verdict and its explanation -> an HTML fragment for `Result._repr_html_`.

A notebook puts many outputs in one page, so the fragment has no document around it and its
styles apply only inside it: every rule is scoped under the class `doctrine-result` (no `body`,
no bare `table`), so a result never restyles the notebook or the other outputs.

    Verdict(case="billings", relief_available=False, ...)
becomes
    <div class="doctrine-result"><style>.doctrine-result table{...}</style><h3>billings ...</div>
"""

from __future__ import annotations

import html

from doctrine.reasoning.explanation import Explanation, Failure, Node, say
from doctrine.reasoning.verdict import Verdict
from doctrine.render.words import cite, minimum_line, quoted, relief_line, where

SCOPE = "doctrine-result"

_RULES = (
    ("", "font-family:Georgia,serif;line-height:1.4"),
    ("table", "border-collapse:collapse;margin:.4em 0"),
    ("td,th", "border-bottom:1px solid #ccc;padding:.2em .5em;text-align:left;vertical-align:top"),
    ("tr.alt", "color:#555"),
    ("blockquote", "color:#555;font-style:italic;margin:.2em 1em"),
    (".fact", "color:#805"),
    (".finding", "color:#860"),
    ("code", "font-size:90%"),
)


def style() -> str:
    """The fragment's style sheet: every selector starts with `.doctrine-result`."""
    def scoped(selectors: str) -> str:
        return ",".join(f".{SCOPE} {s}".rstrip() for s in selectors.split(",")) if selectors else f".{SCOPE}"

    return "".join(f"{scoped(sel)}{{{body}}}" for sel, body in _RULES)


def render_fragment(v: Verdict, e: Explanation | None = None) -> str:
    """One case: the verdict, the holdings and (when explained) the collapsible trees."""
    out = [f"<div class='{SCOPE}'><style>{style()}</style>",
           f"<h3>{html.escape(v.case)} <small>({html.escape(v.jurisdiction)})</small></h3>",
           f"<p>{html.escape(relief_line(v))}<br>{html.escape(minimum_line(v))}</p>",
           "<table><tr><th></th><th>question</th><th>holding</th><th>rule</th><th>authority</th></tr>"]
    for h in v.holdings:
        cond = f" ({h.condition})" if h.condition else ""
        out.append(f"<tr class='{'alt' if h.alternative else 'disp'}'><td>{'alt' if h.alternative else '•'}</td>"
                   f"<td>{html.escape(h.question)}</td><td>{html.escape(say(h.answer) + cond)}</td>"
                   f"<td><code>{html.escape(h.rule)}</code></td><td>{html.escape(cite(h))} ({h.weight})</td></tr>")
    out.append("</table>")
    if e is not None:
        for s in e.sections:
            out.append(f"<h4>{html.escape(s.title)}</h4><ul>{''.join(_node(n) for n in s.nodes)}</ul>")
        if e.why_not_goal:
            out.append(f"<h4>Why not {html.escape(e.why_not_goal)}</h4><ul>{''.join(_failure(f) for f in e.why_not)}</ul>")
    out.append("</div>")
    return "".join(out)


def _node(n: Node) -> str:
    rule = f" <code>{html.escape(n.rule)}</code> — {html.escape(cite(n))}" if n.rule else ""
    if n.ref:
        return f"<li>{html.escape(n.text)}{rule} <em>(shown above)</em></li>"
    inner = [f"<blockquote>{html.escape(quoted(n.quote))}</blockquote>"] if n.quote else []
    inner += ["<ul>", *(_node(c) for c in n.because)]
    inner += [f"<li class='fact'>{html.escape(f.text)} ({html.escape(where(f))})</li>" for f in n.facts]
    inner += [f"<li class='finding'>finding: {html.escape(x)}</li>" for x in n.findings]
    inner.append("</ul>")
    return f"<li><details><summary><strong>{html.escape(n.text)}</strong>{rule}</summary>{''.join(inner)}</details></li>"


def _failure(f: Failure) -> str:
    deeper = "".join(_failure(d) for d in f.deeper)
    return f"<li><code>{html.escape(f.rule)}</code>: {html.escape(f.text)}<ul>{deeper}</ul></li>"
