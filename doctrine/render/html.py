"""HTML: verdicts and explanations -> one standalone page (no network, no script), with the graph
inline when Graphviz is installed, scaled to the page's width (a check box shows it at full size,
scrolling inside its own box), and a visible note when it is not.

    [(Verdict(case="billings", title="United States v. Billings", ...), Explanation(...))]
becomes
    "<!DOCTYPE html><html lang='en'><head>...<title>United States v. Billings, 546 F.3d 472 ..."
"""

from __future__ import annotations

import html
from collections.abc import Sequence

from doctrine.reasoning.explanation import Explanation, Failure, Node, say
from doctrine.reasoning.verdict import Verdict
from doctrine.render.graph import GraphvizError, graphviz_available, render_svg
from doctrine.render.words import (
    case_name,
    cite,
    court_words,
    minimum_line,
    open_line,
    quoted,
    relief_line,
    where,
    why_not_title,
)

# Every rule is scoped to .doctrine, so the same fragment can sit inside another page (a notebook).
SCOPE = "doctrine"
STYLE = (
    ".doctrine{font-family:Georgia,serif;line-height:1.4;max-width:90em;margin:0 auto;overflow-wrap:break-word}"
    ".doctrine h2 small{font-weight:normal;color:#555}"
    ".doctrine table{border-collapse:collapse;width:100%}"
    ".doctrine td,.doctrine th{border-bottom:1px solid #ccc;padding:.2em .5em;text-align:left;vertical-align:top}"
    ".doctrine tr.alt{color:#555}.doctrine blockquote{color:#555;font-style:italic;margin:.2em 1em}"
    ".doctrine .fact{color:#805}.doctrine .finding{color:#860}.doctrine code{font-size:90%;overflow-wrap:normal}"
    ".doctrine .note{border:1px solid #c90;background:#fff8e6;padding:.4em .8em}"
    ".doctrine .graph{max-width:100%;overflow:auto;border:1px solid #ddd;margin:.5em 0}"
    ".doctrine .graph svg{display:block;max-width:100%;height:auto}"
    ".doctrine .zoom:checked+label+.graph svg{max-width:none}"
    ".doctrine td:nth-child(2){white-space:nowrap}.doctrine ul{padding-left:1.4em}"
)


def page_title(verdicts: Sequence[tuple[Verdict, Explanation | None]]) -> str:
    if len(verdicts) == 1:
        v = verdicts[0][0]
        return case_name(v) or v.case
    return f"doctrine: {len(verdicts)} cases"


def render_fragment(verdicts: Sequence[tuple[Verdict, Explanation | None]], graph: bool = True) -> str:
    """The verdicts, holdings, graphs and trees as one `<div class="doctrine">` with scoped styles."""
    body = [f"<div class='doctrine'><style>{STYLE}</style>"]
    for i, (v, e) in enumerate(verdicts):
        body.extend(_case(i, v, e, graph))
    body.append("</div>")
    return "".join(body)


def render_html(verdicts: Sequence[tuple[Verdict, Explanation | None]], graph: bool = True) -> str:
    """A standalone page (no network): the verdicts, holdings, graphs and collapsible trees."""
    return (
        "<!DOCTYPE html><html lang='en'><head><meta charset='utf-8'>"
        "<meta name='viewport' content='width=device-width, initial-scale=1'>"
        f"<title>{html.escape(page_title(verdicts))}</title><style>body{{margin:1.5em}}</style></head>"
        f"<body>{render_fragment(verdicts, graph)}</body></html>\n"
    )


def _case(i: int, v: Verdict, e: Explanation | None, graph: bool) -> list[str]:
    name = case_name(v)
    out = [f"<section class='case' id='case-{html.escape(v.case, quote=True)}'>"]
    out.append(f"<h2>{html.escape(name or v.case)} <small>(<code>{html.escape(v.case)}</code>, {html.escape(court_words(v))})</small></h2>")
    lines = [relief_line(v), minimum_line(v)] + ([open_line(v)] if v.open_questions else [])
    out.append("<p class='verdict'>" + "<br>".join(html.escape(x) for x in lines) + "</p>")
    if e is not None and graph:
        out.extend(_graph(i, e))
    out.append("<table class='holdings'><tr><th></th><th>question</th><th>holding</th><th>rule</th><th>authority</th></tr>")
    for h in v.holdings:
        cond = f" ({h.condition_text})" if h.condition_text else ""
        out.append(
            f"<tr class='{'alt' if h.alternative else 'disp'}' data-holding='{html.escape(h.rule + '|' + h.answer, quote=True)}'>"
            f"<td>{'alt' if h.alternative else '•'}</td>"
            f"<td>{html.escape(h.question)}</td><td>{html.escape(say(h.answer) + cond)}</td>"
            f"<td><code>{html.escape(h.rule)}</code></td><td>{html.escape(cite(h))} ({h.weight})</td></tr>"
        )
    out.append("</table>")
    if e is None:
        out.append("</section>")
        return out
    for s in e.sections:
        out.append(f"<h3>{html.escape(s.title)}</h3><ul>")
        out.extend(_html_node(n) for n in s.nodes)
        out.append("</ul>")
    if e.why_not_goal:
        out.append(f"<h3>{html.escape(why_not_title(e.why_not_goal))}</h3><ul>")
        out.extend(_html_failure(f) for f in e.why_not)
        out.append("</ul>")
    out.append("</section>")
    return out


def _graph(i: int, e: Explanation) -> list[str]:
    """The graph inline (no XML prolog inside HTML), or a note saying why it is missing."""
    if not graphviz_available():
        return [
            "<p class='note'>The graph needs Graphviz (its <code>dot</code> program), which is not installed here "
            "(Debian: <code>apt-get install graphviz</code>). The trees below give the same explanation.</p>"
        ]
    try:
        svg = render_svg(e, prefix=f"c{i}_")
    except GraphvizError as err:
        return [f"<p class='note'>No graph: {html.escape(str(err))}. The trees below give the same explanation.</p>"]
    return [
        f"<input type='checkbox' class='zoom' id='zoom-{i}'><label for='zoom-{i}'> show the graph at full size</label>",
        f"<div class='graph'>{svg[svg.find('<svg') :]}</div>",
    ]


def _html_node(n: Node) -> str:
    rule = f" <code>{html.escape(n.rule)}</code> — {html.escape(cite(n))}" if n.rule else ""
    if n.ref:
        return f"<li>{html.escape(n.text)}{rule} <em>(shown above)</em></li>"
    inner = []
    if n.quote:
        inner.append(f"<blockquote>{html.escape(quoted(n.quote))}</blockquote>")
    inner.append("<ul>")
    inner.extend(_html_node(c) for c in n.because)
    inner.extend(f"<li class='fact'>{html.escape(f.text)} (<code>{html.escape(where(f))}</code>)</li>" for f in n.facts)
    inner.extend(f"<li class='finding'>finding: {html.escape(x)}</li>" for x in n.findings)
    inner.append("</ul>")
    return f"<li><details open><summary><strong>{html.escape(n.text)}</strong>{rule}</summary>{''.join(inner)}</details></li>"


def _html_failure(f: Failure) -> str:
    deeper = "".join(_html_failure(d) for d in f.deeper)
    return f"<li><code>{html.escape(f.rule)}</code>: {html.escape(f.text)}<ul>{deeper}</ul></li>"
