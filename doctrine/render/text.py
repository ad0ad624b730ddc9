"""Text: verdicts and explanations -> rich renderables for the terminal; diagnostics -> code frames.

Renderers return values; only the CLI prints. Every string from a case or rule file goes
through rich's `Text` (never markup), since citations are full of brackets.

    Verdict(case="billings", ...), Explanation(...)
becomes
    a rich Group: the verdict panel, the holdings table, one tree per section
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from doctrine.language.diagnostics import Diagnostic, code_frame, visible
from doctrine.language.source import Source
from doctrine.reasoning.explanation import Explanation, Failure, Node, say
from doctrine.reasoning.verdict import Verdict
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


def render_text(v: Verdict, explanation: Explanation | None = None, quotes: bool = True) -> Any:
    """A rich renderable: the verdict, the holdings, and (if given) the explanation trees."""
    from rich.console import Group
    from rich.panel import Panel
    from rich.text import Text
    from rich.tree import Tree

    name = case_name(v)
    title = Text(f"{v.case}  ({court_words(v)})", style="bold")
    head = Text(name + "\n" if name else "", style="bold")
    head.append(relief_line(v) + "\n", style="green" if v.relief_available else "red" if v.relief_available is False else "yellow")
    head.append(minimum_line(v))
    if v.open_questions:
        head.append("\n" + open_line(v))
    parts: list[Any] = [head, _Holdings(v)]
    if explanation is not None:
        for section in explanation.sections:
            tree = Tree(Text(section.title, style="bold"))
            for n in section.nodes:
                _rich_node(tree, n, quotes)
            parts.append(tree)
        if explanation.why_not_goal:
            tree = Tree(Text(why_not_title(explanation.why_not_goal), style="bold"))
            if not explanation.why_not:
                tree.add(Text("no rule of the doctrine derives it"))
            for f in explanation.why_not:
                _rich_failure(tree, f)
            parts.append(tree)
    return Panel(Group(*parts), title=title, title_align="left")


class _Holdings:
    """The holdings: a table where the console is wide, a list where it is narrow (80 columns, a
    pipe), so that a column never squeezes a rule id or a citation into fragments."""

    WIDE = 120

    def __init__(self, v: Verdict) -> None:
        self.v = v

    def __rich_console__(self, console: Any, options: Any) -> Any:
        from rich.table import Table
        from rich.text import Text

        rows = [
            (
                "alt" if h.alternative else "•",
                h.question,
                say(h.answer) + (f" ({h.condition_text})" if h.condition_text else ""),
                h.rule,
                cite(h) + (f" [{h.weight}]" if h.weight else ""),
            )
            for h in self.v.holdings
        ]
        if options.max_width < self.WIDE:
            for mark, question, holding, rule, auth in rows:
                line = Text(f"{mark} {question}: ", style="bold")
                line.append(holding + "  ")
                line.append(f"[{rule}; {auth}]", style="cyan")
                yield line
            return
        table = Table(show_header=True, header_style="bold", expand=False, box=None)
        table.add_column("")
        table.add_column("question", no_wrap=True)
        table.add_column("holding", ratio=3)
        table.add_column("rule", no_wrap=True)  # ids are never cut or wrapped: researchers copy them
        table.add_column("authority", ratio=2)
        for row in rows:
            table.add_row(*(Text(x) for x in row))
        yield table


def _rich_node(parent: Any, n: Node, quotes: bool) -> None:
    from rich.text import Text

    label = Text(visible(n.text, 10_000), style="bold" if n.rule else "")
    if n.rule:
        label.append(f"  [{n.rule}; {cite(n)}]", style="cyan")
    if n.ref:
        label.append("  (shown above)", style="dim")
        parent.add(label)
        return
    branch = parent.add(label)
    if quotes and n.quote:
        branch.add(Text(quoted(n.quote), style="italic dim"))
    for c in n.because:
        _rich_node(branch, c, quotes)
    for f in n.facts:
        branch.add(Text(visible(f"{f.text}  ({where(f)})", 10_000), style="magenta"))
    for finding in n.findings:
        branch.add(Text(visible(f"finding: {finding}", 10_000), style="yellow"))


def _rich_failure(parent: Any, f: Failure) -> None:
    from rich.text import Text

    label = Text(f"{f.rule} ({f.authority}{', at ' + f.pin if f.pin else ''}): ")
    label.append(visible(f.text, 10_000), style="yellow")
    b = parent.add(label)
    for d in f.deeper:
        _rich_failure(b, d)


MAX_DIAGNOSTICS = 50  # code frames printed per file; the rest are counted


def render_diagnostics(diagnostics: Iterable[Diagnostic], sources: dict[str, Source]) -> str:
    """Code frames, at most MAX_DIAGNOSTICS of each file, then how many more there are."""
    shown: list[str] = []
    per_file: dict[str, int] = {}
    for d in diagnostics:
        n = per_file[d.span.source] = per_file.get(d.span.source, 0) + 1
        if n <= MAX_DIAGNOSTICS:
            shown.append(code_frame(d, sources.get(d.span.source)))
    shown.extend(f"{visible(name)}: {n - MAX_DIAGNOSTICS} more problems not shown"
                 for name, n in per_file.items() if n > MAX_DIAGNOSTICS)
    return "\n\n".join(shown) + "\n"
