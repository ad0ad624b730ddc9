"""Graph pictures: Explanation -> DOT (one document per case, or one with a cluster per case), and
SVG through Graphviz's `dot` when it is installed.

One node per derivation (a rule and the conclusion it reached; two rules reaching the same
conclusion are two nodes), labelled with the conclusion in words, the rule id, the authority and
pin; a root that states the verdict; one cluster per section of the explanation (the dispositive
holdings, each "even if" alternative, each branch of unsettled law), drawn in its own style and
explained by a legend; the case facts a derivation rests on as one leaf under it, each with its
`file:line`. Top-down, in the order courts take the questions; the holdings are laid in rows of
a few, one row under the other, so that a case fits a page's width.

    Explanation(sections=(Section("Holdings", "", (Node("review(plain_error)", rule="olano_plain_error"),)),))
becomes
    digraph "billings" { v [label=<...Relief: none...>]; d0 [id="olano_plain_error|review(plain_error)" ...]; v -> d0; ... }
"""

from __future__ import annotations

import html
import re
import shutil
import subprocess
import textwrap
from collections.abc import Sequence

from doctrine.language.diagnostics import visible
from doctrine.reasoning.explanation import Explanation, Leaf, Node
from doctrine.render.words import case_name, cite, court_words, minimum_line, relief_line, where

PER_ROW = 3  # holdings side by side in one row of the picture
WRAP = 34  # characters a line in a node

# (cluster style, colour, legend text) by the kind of section
STYLES = {
    "holdings": ("solid", "#333333", "dispositive holding"),
    "even_if": ("dashed", "#b35900", "alternative: even if a procedural bar were set aside"),
    "branch": ("dotted", "#1f5fa8", "branch of unsettled law: holds under one answer only"),
}


class GraphvizError(RuntimeError):
    """Graphviz's `dot` is missing or failed: the message says which, and what to use instead."""


def _kind(condition: str) -> str:
    if not condition:
        return "holdings"
    return "even_if" if condition.startswith("even if") else "branch"


def _lines(text: str, width: int = WRAP) -> str:
    return "<BR/>".join(html.escape(line) for line in textwrap.wrap(visible(text, 10_000), width) or [""])


def _path_lines(text: str, width: int = 40) -> str:
    """A fact's `file:line`: the folders before its last are cut into lines of `width`, and the
    last folder with the file name and line (`scenarios/x.case:12`) is one line, never broken."""
    parts = [p for p in re.split(r"(?<=/)", visible(text, 10_000)) if p]
    if len(parts) < 2:
        return _lines(text, width)
    prefix = "".join(parts[:-2])
    lines = [prefix[i : i + width] for i in range(0, len(prefix), width)]
    lines.append(parts[-2] + parts[-1])
    return "<BR/>".join(html.escape(line) for line in lines)


class _Builder:
    """The statements of one case's graph; node ids carry a prefix so that cases can share a document."""

    def __init__(self, explanation: Explanation, prefix: str = "") -> None:
        self.e = explanation
        self.p = prefix
        self.lines: list[str] = []
        self.ids: dict[tuple[str, str], str] = {}  # (rule, conclusion) -> node id: one node per derivation
        self.rows: list[list[str]] = []  # node ids of each row, top to bottom
        self.below: dict[str, list[str]] = {}  # the tree edges, for stacking the rows
        self.count = 0

    def nid(self, kind: str) -> str:
        self.count += 1
        return f"{self.p}{kind}{self.count}"

    def edge(self, a: str, b: str, attrs: str = "", tree: bool = True) -> None:
        self.lines.append(f"  {a} -> {b}" + (f" [{attrs}]" if attrs else "") + ";")
        if tree:
            self.below.setdefault(a, []).append(b)

    def build(self) -> list[str]:
        v = self.e.verdict
        head = [case_name(v) or v.case, f"{v.case} ({court_words(v)})", relief_line(v), minimum_line(v)]
        label = "<BR/>".join(f"<B>{_lines(h, 60)}</B>" if i == 0 else _lines(h, 60) for i, h in enumerate(head))
        self.lines.append(f'{self.p}v [id="{self.p}verdict", shape=box, style="bold,filled", fillcolor="#f4f4f4", label=<{label}>];')
        for i, section in enumerate(self.e.sections):
            self._section(i, section.title, section.condition, section.nodes)
        for upper, lower in zip(self.rows, self.rows[1:]):  # each row below every node of the one above
            anchor = self.nid("a")
            self.lines.append(f'  {anchor} [style=invis, shape=point, width=0, label=""];')
            for u in self._subtrees(upper):
                self.edge(u, anchor, "style=invis", tree=False)
            for r in lower:
                self.edge(anchor, r, "style=invis", tree=False)
        return self.lines

    def _section(self, index: int, title: str, condition: str, nodes: tuple[Node, ...]) -> None:
        style, colour, _ = STYLES[_kind(condition)]
        self.lines.append(f"subgraph cluster_{self.p}s{index} {{")
        self.lines.append(
            f'  label=<<B>{_lines(title, 90)}</B>>; labeljust=l; style="{style},rounded"; color="{colour}"; fontcolor="{colour}";'
        )
        roots: list[str] = []
        for n in nodes:
            before = len(self.ids)
            me = self._node(n, colour, style)
            if len(self.ids) > before:  # a new derivation, not one shown in an earlier section
                roots.append(me)
        self.lines.append("}")
        for start in range(0, len(roots), PER_ROW):
            self.rows.append(roots[start : start + PER_ROW])
            if start == 0:  # the verdict points at each section's first holding
                later = ", constraint=false" if len(self.rows) > 1 else ""
                self.edge(f"{self.p}v", roots[0], f'color="{colour}", style="{style}"{later}', tree=False)

    def _subtrees(self, roots: list[str]) -> list[str]:
        """The nodes under `roots`, roots included: the next row goes below all of them."""
        seen: dict[str, None] = {}
        stack = list(roots)
        while stack:
            n = stack.pop()
            if n not in seen:
                seen[n] = None
                stack.extend(self.below.get(n, []))
        return list(seen)

    def _node(self, n: Node, colour: str, style: str) -> str:
        key = (n.rule, n.conclusion)
        if key in self.ids:
            return self.ids[key]
        me = self.nid("d")
        self.ids[key] = me
        label = f"<B>{_lines(n.text)}</B>"
        if n.rule:
            label += f'<BR/><FONT FACE="monospace" POINT-SIZE="9">{html.escape(n.rule)}</FONT><BR/>{_lines(cite(n), 40)}'
        ident = _quote(f"{self.p}{n.rule}|{n.conclusion}")
        kind = "derivation" if n.rule else "conclusion"
        self.lines.append(f'  {me} [id={ident}, class="{kind}", color="{colour}", style="rounded,{style}", label=<{label}>];')
        for c in n.because:
            known = (c.rule, c.conclusion) in self.ids  # shown above: a cross-reference, not a tree edge
            child = self._node(c, colour, style)
            self.edge(me, child, "constraint=false, style=dashed" if known else "", tree=not known)
        if n.facts:
            self._facts(me, n.facts)
        return me

    def _facts(self, parent: str, facts: tuple[Leaf, ...]) -> None:
        leaf = self.nid("f")
        rows = "".join(
            f'<TR><TD ALIGN="LEFT" BALIGN="LEFT">{_lines(f.text, 36)}<BR/>'
            f'<FONT FACE="monospace" POINT-SIZE="8" COLOR="#805000">{_path_lines(where(f))}</FONT></TD></TR>'
            for f in facts
        )
        self.lines.append(
            f'  {leaf} [class="fact", shape=note, fillcolor="#fff8e6", style=filled, label=<<TABLE BORDER="0" CELLSPACING="1">{rows}</TABLE>>];'
        )
        self.edge(parent, leaf, 'arrowhead=none, color="#999999"')


def _legend(prefix: str = "") -> list[str]:
    """One node beside the verdict: the style of each kind of section, and the fact leaves."""
    rows = "".join(
        f'<TR><TD STYLE="{style}" COLOR="{colour}" BORDER="1" WIDTH="40"> </TD><TD ALIGN="LEFT">{html.escape(text)}</TD></TR>'
        for style, colour, text in STYLES.values()
    )
    rows += '<TR><TD BGCOLOR="#fff8e6" BORDER="1" COLOR="#999999"> </TD><TD ALIGN="LEFT">case fact, with its <FONT FACE="monospace">file:line</FONT></TD></TR>'
    label = f'<TABLE BORDER="0" CELLSPACING="4"><TR><TD COLSPAN="2" ALIGN="LEFT"><B>legend</B></TD></TR>{rows}</TABLE>'
    return [
        f'  {prefix}legend [shape=plain, fontsize=9, label=<{label}>];',
        f"  {{ rank=same; {prefix}v; {prefix}legend; }}",
    ]


_HEAD = [
    '  graph [rankdir=TB, compound=true, newrank=true, nodesep=0.2, ranksep=0.3, fontname="Helvetica", fontsize=11];',
    '  node [shape=box, fontname="Helvetica", fontsize=10, margin="0.08,0.04"];',
    '  edge [color="#555555", arrowsize=0.6];',
]


def _quote(text: str) -> str:
    return '"' + visible(text, 10_000).replace("\\", "\\\\").replace('"', '\\"') + '"'


def render_dot(explanation: Explanation, prefix: str = "") -> str:
    """One case's graph as one DOT document (`prefix` keeps node ids apart on a page of several)."""
    body = _Builder(explanation, prefix).build() + _legend(prefix)
    return "\n".join([f"digraph {_quote(explanation.verdict.case)} {{", *_HEAD, *body, "}"]) + "\n"


def render_dot_many(explanations: Sequence[Explanation]) -> str:
    """Several cases as one DOT document: each case's graph (its verdict on top, its own clusters and
    legend) side by side, with straight edges (Graphviz 2.43 fails to route curved edges between
    the clusters of many cases in one graph). `render_svg_many` draws each case on its own."""
    lines = ["digraph doctrine {", *_HEAD, "  graph [splines=line];"]
    for i, e in enumerate(explanations):
        lines.extend(_Builder(e, f"c{i}_").build())
        lines.extend(_legend(f"c{i}_"))
    return "\n".join([*lines, "}"]) + "\n"


def graphviz_available() -> bool:
    return shutil.which("dot") is not None


def dot_to_svg(dot: str) -> str:
    """SVG from DOT through Graphviz; GraphvizError with a clear message when it is absent or fails."""
    exe = shutil.which("dot")
    if exe is None:
        raise GraphvizError("Graphviz is not installed (no `dot` on PATH): install it (Debian: apt-get install graphviz), or use --format dot, md or html")
    try:
        done = subprocess.run([exe, "-Tsvg"], input=dot, capture_output=True, text=True, timeout=120)
    except (OSError, subprocess.TimeoutExpired) as err:
        raise GraphvizError(f"Graphviz's `dot` could not run: {err}") from None
    if done.returncode != 0 or "<svg" not in done.stdout:
        message = (done.stderr.strip().splitlines() or ["no output"])[-1]
        raise GraphvizError(f"Graphviz's `dot` failed (exit {done.returncode}): {message}")
    return done.stdout


def render_svg(explanation: Explanation, prefix: str = "") -> str:
    """One case's graph as one SVG document."""
    return dot_to_svg(render_dot(explanation, prefix))


def render_svg_many(explanations: Sequence[Explanation]) -> str:
    """Several cases as one SVG document: each case drawn by Graphviz on its own, stacked top-down."""
    import xml.etree.ElementTree as ET

    ns = "http://www.w3.org/2000/svg"
    ET.register_namespace("", ns)
    ET.register_namespace("xlink", "http://www.w3.org/1999/xlink")
    parts, y, width = [], 0.0, 0.0
    for e in explanations:
        svg = ET.fromstring(render_svg(e).encode())
        _x0, _y0, w, h = (float(x) for x in (svg.get("viewBox") or "0 0 0 0").split())
        svg.set("x", "0")
        svg.set("y", str(y))
        svg.set("width", str(w))
        svg.set("height", str(h))
        parts.append(svg)
        y, width = y + h + 24, max(width, w)
    root = ET.Element(f"{{{ns}}}svg", {"viewBox": f"0 0 {width:.2f} {max(y - 24, 0):.2f}", "width": f"{width:.0f}pt", "height": f"{max(y - 24, 0):.0f}pt"})
    root.extend(parts)
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + ET.tostring(root, encoding="unicode") + "\n"
