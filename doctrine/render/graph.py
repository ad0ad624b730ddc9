"""Graph pictures: Explanation -> DOT, and SVG through Graphviz when it is installed.

    Explanation(sections=(Section(nodes=(Node("relief", ...),)),))
becomes
    digraph explanation { n0 [label="relief ..."]; n0 -> n1; ... }
"""

from __future__ import annotations

import shutil
import subprocess

from doctrine.reasoning.explanation import Explanation, Node


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
