"""`doctrine diff OLD NEW [PATH...]`: what a change to the rules changes, case by case.

OLD and NEW are rule directories or git revisions (`HEAD~1`, `main`) of the git repository of
the current directory (its `rules/` folder at each revision). Every case under PATH
(default: scenarios/), plus `--generated N` scenarios drawn with `--seed S`, is decided under
both; each case whose outcome, relief kinds, authority below a minimum, holdings or reasons
differ is reported. Exit 1 when anything changed (unless `--allow-changes`), 2 on bad input.

    doctrine diff HEAD~1 HEAD                       # what the last commit changed
    doctrine diff main rules/ --generated 500 --seed 1 --format md > comment.md

The JSON document (`--format json`), schema `doctrine.diff/1`:

    {"schema": "doctrine.diff/1",
     "old": {"rules": "HEAD~1", "sha256": "..."}, "new": {"rules": "HEAD", "sha256": "..."},
     "summary": {"compared": 5, "generated": 0, "changed": 1, "outcome": 1, "relief_kinds": 1,
                 "below_minimum": 0, "holdings": 1, "reasons": 1},
     "changes": [{"case": "billings", "file": "scenarios/billings.case", "line": 2,
                  "old": {"outcome": "none", "relief_kinds": [], "below_minimum": "not_authorized",
                          "holdings": [...], "dispositive": [...]},
                  "new": {...},
                  "holdings_added": [...], "holdings_removed": [...],
                  "holdings_moved": [{"rule": R, "old": "alternative", "new": "dispositive"}],
                  "reasons_added": ["rule R: X", "fact F"], "reasons_removed": [...],
                  "text": "case gen_0001 ..." (generated cases only, else "")}]}
"""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path
from typing import TYPE_CHECKING, Any

import typer

if TYPE_CHECKING:
    from doctrine.regress.diff import CaseChange, DiffReport, Snapshot

FORMATS = ("text", "json", "md")


def register(app: typer.Typer) -> None:
    app.command("diff")(command)


def _default_paths() -> list[Path]:
    from doctrine.resources import _ROOT

    for candidate in (Path("scenarios"), _ROOT / "scenarios"):
        if candidate.is_dir():
            return [candidate]
    return []


def command(
    old: str = typer.Argument(..., help="the old rules: a directory or a git revision"),
    new: str = typer.Argument(..., help="the new rules: a directory or a git revision"),
    paths: list[Path] | None = typer.Argument(None, help="case files or directories (default: scenarios/)"),
    generated: int = typer.Option(0, "--generated", min=0, max=10_000_000, help="also compare N generated scenarios"),
    seed: int = typer.Option(0, "--seed", min=0, max=2**32 - 1, help="the seed of the generated scenarios"),
    generator: str = typer.Option("auto", "--generator", help="auto, strategies (hypothesis) or builtin"),
    allow_changes: bool = typer.Option(False, "--allow-changes", help="exit 0 even when something changed"),
    format: str = typer.Option("text", "--format", "-f", help="text, json or md"),
    workers: int = typer.Option(0, min=0, max=1024, help="processes for large batches (default: the number of cores)"),
    quiet: bool = typer.Option(False, "--quiet", "-q", help="no progress bar"),
    engine: str = typer.Option("compiled", "--engine", help="compiled (the ground doctrine evaluated for many cases at once) or clingo (clingo's solve: the reference)"),
) -> None:
    """Decide every case under two rule sets and report what changed, case by case."""
    from doctrine.cli.common import Exit, check_engine, load_all
    from doctrine.engine.batch import default_workers
    from doctrine.language.syntax import print_case
    from doctrine.proof.generate import generated_cases
    from doctrine.regress.diff import RevisionError, diff_cases, materialise_rules

    if format not in FORMATS:
        typer.echo(f"doctrine: unknown format {format!r}; expected text, json or md", err=True)
        raise Exit(2)
    if generated < 0:
        typer.echo("doctrine: --generated takes a count of 0 or more", err=True)
        raise Exit(2)
    check_engine(engine)
    paths = paths or _default_paths()
    if not paths and not generated:
        typer.echo("doctrine: no cases to compare: name case files or use --generated N", err=True)
        raise Exit(2)
    files = list(load_all(paths)) if paths else []
    pairs = [(c, f.source) for f in files for c in f.cases]
    try:
        extra = generated_cases(generated, seed, generator) if generated else []
    except ValueError as e:
        typer.echo(f"doctrine: {e}", err=True)
        raise Exit(2)
    pairs += [(c, f"<generated seed={seed}>") for c in extra]
    texts = {c.id: print_case(c) for c in extra}
    with tempfile.TemporaryDirectory(prefix="doctrine-diff-") as tmp:
        try:
            old_dir = materialise_rules(old, Path(tmp) / "old")
            new_dir = materialise_rules(new, Path(tmp) / "new")
        except RevisionError as e:
            typer.echo(f"doctrine: {e}", err=True)
            raise Exit(2)
        for spec, directory in ((old, old_dir), (new, new_dir)):
            _check_loads(spec, directory)
        from doctrine.cli.progress import Ticker

        with Ticker("comparing", total=len(pairs), quiet=quiet) as tick:
            report = diff_cases(pairs, old_dir, new_dir, workers or default_workers(), texts, (old, new), generated,
                                progress=tick.advance, engine=engine)
    if format == "json":
        from doctrine.render.json import to_json

        sys.stdout.write(to_json(json_document(report)) + "\n")
    elif format == "md":
        sys.stdout.write(markdown(report))
    else:
        _print_text(report)
    if report.changed and not allow_changes:
        raise Exit(1)


def _check_loads(spec: str, directory: Path) -> None:
    """Rules that do not load are bad input (exit 2), named by the argument that gave them."""
    from doctrine.cli.common import Exit
    from doctrine.engine.rulebase import load_rulebase
    from doctrine.language.diagnostics import DoctrineError

    try:
        load_rulebase(directory)
    except DoctrineError as e:
        messages = "; ".join(d.message for d in e.diagnostics)
        typer.echo(f"doctrine: the rules of {spec} do not load: {messages}", err=True)
        raise Exit(2)
    except RuntimeError as e:  # clingo's parser raises after logging
        typer.echo(f"doctrine: the rules of {spec} do not load: {e}", err=True)
        raise Exit(2)


# ---------------------------------------------------------------------------------------------
# Renderers


def _snapshot_json(s: Snapshot) -> dict[str, Any]:
    return {"outcome": s.outcome, "relief_kinds": list(s.relief_kinds), "below_minimum": s.below_minimum,
            "holdings": sorted(s.holdings), "dispositive": sorted(s.dispositive)}


def json_document(report: DiffReport) -> dict[str, Any]:
    """The `doctrine.diff/1` document (see the module docstring)."""
    return {
        "schema": "doctrine.diff/1",
        "old": {"rules": report.old, "sha256": report.old_digest},
        "new": {"rules": report.new, "sha256": report.new_digest},
        "summary": report.summary(),
        "changes": [
            {"case": c.case, "file": c.source, "line": c.line, "old": _snapshot_json(c.old),
             "new": _snapshot_json(c.new), "holdings_added": list(c.holdings_added),
             "holdings_removed": list(c.holdings_removed),
             "holdings_moved": [{"rule": r, "old": a, "new": b} for r, a, b in c.holdings_moved],
             "reasons_added": list(c.reasons_added),
             "reasons_removed": list(c.reasons_removed), "text": c.text}
            for c in report.changes
        ],
    }


def _arrow(old: str, new: str) -> str:
    return old if old == new else f"{old} → {new}"


def _kinds(kinds: tuple[str, ...]) -> str:
    return " ".join(kinds) or "–"


def _where(c: CaseChange) -> str:
    return f"{c.source}:{c.line}" if c.line else str(c.source)


def _holdings(c: CaseChange) -> str:
    moved = (f"~{r} ({b})" for r, _, b in c.holdings_moved)
    return " ".join([*(f"+{h}" for h in c.holdings_added), *(f"-{h}" for h in c.holdings_removed), *moved])


def summary_line(report: DiffReport) -> str:
    s = report.summary()
    if not report.changed:
        return f"no changes: {s['compared']} case(s) compared ({s['generated']} generated)"
    parts = ", ".join(f"{k.replace('_', ' ')} {s[k]}" for k in ("outcome", "relief_kinds", "below_minimum", "holdings", "reasons"))
    return f"{s['changed']} of {s['compared']} case(s) changed ({parts})"


def _print_text(report: DiffReport) -> None:
    from rich.table import Table
    from rich.text import Text

    from doctrine.cli.common import make_console

    console = make_console()
    if report.changed:
        table = Table(title=f"doctrine diff {report.old} → {report.new}", title_justify="left")
        for column in ("case", "file:line", "outcome", "relief kinds", "below minimum", "holdings", "reasons"):
            table.add_column(column, overflow="fold")
        for c in report.changes:
            reasons = f"+{len(c.reasons_added)} -{len(c.reasons_removed)}"
            table.add_row(*(Text(x) for x in (c.case, _where(c), _arrow(c.old.outcome, c.new.outcome),
                          _arrow(_kinds(c.old.relief_kinds), _kinds(c.new.relief_kinds)),
                          _arrow(c.old.below_minimum, c.new.below_minimum), _holdings(c), reasons)))
        console.print(table)
        for c in report.changes:
            console.print(Text(f"{c.case} ({c.source}:{c.line})", style="bold"))
            for line in detail_lines(c):
                style = "green" if line.startswith("+") else "red" if line.startswith("-") else None
                console.print(Text("  " + line, style=style or ""))
    console.print(Text(summary_line(report), style="bold red" if report.changed else "bold green"))


def detail_lines(c: CaseChange) -> list[str]:
    """A change as diff lines: `-` for the old rules, `+` for the new."""
    lines = []
    for what, a, b in (("relief", c.old.outcome, c.new.outcome),
                       ("relief_kinds", _kinds(c.old.relief_kinds), _kinds(c.new.relief_kinds)),
                       ("below_minimum", c.old.below_minimum, c.new.below_minimum)):
        if a != b:
            lines += [f"- {what} {a}", f"+ {what} {b}"]
    lines += [f"- holding {h}" for h in c.holdings_removed] + [f"+ holding {h}" for h in c.holdings_added]
    lines += [f"! holding {r}: {a} → {b}" for r, a, b in c.holdings_moved]
    lines += [f"- {r}" for r in c.reasons_removed] + [f"+ {r}" for r in c.reasons_added]
    return lines


def _md(text: str) -> str:
    return text.replace("|", "\\|").replace("<", "&lt;")


def markdown(report: DiffReport) -> str:
    """A PR comment: the summary, a table of changed cases, a collapsed diff per case."""
    out = [f"### doctrine diff `{report.old}` → `{report.new}`", "", f"**{summary_line(report)}**", ""]
    if not report.changed:
        return "\n".join(out)
    out += ["| case | file | outcome | relief kinds | below minimum | holdings |", "|---|---|---|---|---|---|"]
    for c in report.changes:
        cells = (c.case, _where(c), _arrow(c.old.outcome, c.new.outcome),
                 _arrow(_kinds(c.old.relief_kinds), _kinds(c.new.relief_kinds)),
                 _arrow(c.old.below_minimum, c.new.below_minimum), _holdings(c))
        out.append("| " + " | ".join(f"`{_md(x)}`" if x and i == 0 else _md(x) for i, x in enumerate(cells)) + " |")
    out.append("")
    for c in report.changes:
        out += [f"<details><summary>{_md(c.case)}: what changed</summary>", "", "```diff", *detail_lines(c), "```"]
        if c.text:
            out += ["", "```", c.text.rstrip("\n"), "```"]
        out += ["", "</details>", ""]
    return "\n".join(out)
