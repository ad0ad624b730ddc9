"""Graph pictures: Explanation -> DOT, and SVG through Graphviz when it is installed.

    Explanation(sections=(Section(nodes=(Node("relief", ...),)),))
becomes
    digraph explanation { n0 [label="relief ..."]; n0 -> n1; ... }
"""

from __future__ import annotations

import shutil
import subprocess

from doctrine.language.diagnostics import visible
from doctrine.reasoning.explanation import Explanation, Node


def render_dot(explanation: Explanation) -> str:
    lines = ["digraph explanation {", '  rankdir=TB; node [shape=box, fontname="Helvetica", fontsize=10];']
    ids: dict[str, str] = {}

    def nid(key: str) -> str:
        return ids.setdefault(key, f"n{len(ids)}")

    def esc(text: str) -> str:
        return visible(text, 10_000).replace("\\", "\\\\").replace('"', '\\"')

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
    try:
        done = subprocess.run(["dot", "-Tsvg"], input=render_dot(explanation), capture_output=True, text=True,
                              timeout=DOT_TIMEOUT)
    except subprocess.TimeoutExpired:
        raise RuntimeError(f"Graphviz `dot` took longer than {DOT_TIMEOUT} s: use --format dot, md or html") from None
    except OSError as e:
        raise RuntimeError(f"Graphviz `dot` could not be run ({e.strerror or e}): use --format dot, md or html") from None
    if done.returncode != 0:
        said = visible(done.stderr.strip().splitlines()[0]) if done.stderr.strip() else "no message"
        raise RuntimeError(f"Graphviz `dot` failed (exit code {done.returncode}: {said}): use --format dot, md or html")
    return done.stdout


DOT_TIMEOUT = 120  # seconds
