"""What the commands share: the exit-code exception, the console, finding and loading case files,
dates, and the invariant selection and rules check of `fuzz` and `verify`.

Exit codes: 0 ok, 1 a case or check failed, 2 bad input or usage (`raise Exit(2)`).
"""

from __future__ import annotations

import os
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import typer

FORMAT_HELP = "text, json, md, dot, svg or html"


class Exit(Exception):
    def __init__(self, code: int) -> None:
        self.code = code


def make_console(stderr: bool = False) -> Any:
    from rich.console import Console

    width = int(os.environ.get("DOCTRINE_WIDTH", "0")) or None
    return Console(stderr=stderr, width=width, highlight=False, soft_wrap=False)


def case_paths(paths: list[Path]) -> list[Path]:
    """The .case files named, and those under the directories named, in a stable order."""
    out: list[Path] = []
    for p in paths:
        if p.is_dir():
            out.extend(sorted(p.rglob("*.case")))
        else:
            out.append(p)
    return out


def load_all(paths: list[Path]) -> Iterator[Any]:
    """Load and check every file; report every bad file (all its diagnostics), then exit 2."""
    loaded, failed = load_good(paths)
    if failed:
        raise Exit(2)
    return iter(loaded)


def load_good(paths: list[Path]) -> tuple[list[Any], bool]:
    """Every file that loads and checks, and whether any did not (each reported on stderr with
    all its diagnostics): a batch decides its good files and exits 2 at the end for the bad."""
    from doctrine.language.check import load_case_file
    from doctrine.language.diagnostics import DoctrineError

    files = case_paths(paths)
    if not files:
        typer.echo("doctrine: no .case files found in " + ", ".join(map(str, paths)), err=True)
        raise Exit(2)
    loaded, failed = [], False
    for path in files:
        try:
            loaded.append(load_case_file(path))
        except DoctrineError as e:
            from doctrine.render.text import render_diagnostics

            failed = True
            sys.stderr.write(render_diagnostics(e.diagnostics, e.sources))
    return loaded, failed


def require_jurisdiction(rulebase: Any, name: str | None) -> None:
    """A `--jurisdiction` is a name from the rules' closed list (never a path): else exit 2."""
    if name is not None and name not in rulebase.jurisdictions:
        known = ", ".join(sorted(rulebase.jurisdictions))
        typer.echo(f"doctrine: unknown jurisdiction {visible(name)!r}; the rules have {known}", err=True)
        raise Exit(2)


def visible(text: str) -> str:
    from doctrine.language.diagnostics import visible as escape

    return escape(text, 200)


TIMEOUT_HELP = "seconds one case may take before it is reported as failed"


def report_failures(failures: list[Any]) -> None:
    """Each case a batch could not decide, one line on stderr (the run then exits 1)."""
    for f in failures:
        case, source = f.item
        typer.echo(f"doctrine: case {case.id} ({visible(source)}) could not be decided: {visible(f.reason)}", err=True)


ENGINE_HELP = "compiled (the ground doctrine evaluated for many cases at once) or clingo (clingo's solve: the reference)"


def engine_option() -> Any:
    """The `--engine` option of the batch commands (run, test, diff, fuzz)."""
    return typer.Option("compiled", "--engine", help=ENGINE_HELP)


def check_engine(engine: str) -> str:
    if engine not in ("compiled", "clingo"):
        typer.echo(f"doctrine: unknown engine {engine!r}; expected compiled or clingo", err=True)
        raise Exit(2)
    return engine


def parse_as_of(value: str | None) -> int | None:
    """`--as-of` as YYYYMMDD: a real date YYYY-MM-DD or a year YYYY (ASCII digits), else exit 2."""
    from doctrine.language.dates import as_of_date
    from doctrine.language.diagnostics import DoctrineError

    try:
        return as_of_date(value, "--as-of")
    except DoctrineError:
        typer.echo(f"doctrine: --as-of expects a date YYYY-MM-DD or a year YYYY, not {visible(repr(value))}", err=True)
        raise Exit(2) from None


def cases_of(path: Path, case: str | None) -> list[tuple[Any, str]]:
    """The (case, source) pairs of a file, or of its case `case`; none is bad input."""
    files = list(load_all([path]))
    pairs = [(c, f.source) for f in files for c in f.cases if case is None or c.id == case]
    if not pairs:
        no_case(case, [path], [c.id for f in files for c in f.cases])
    return pairs


def no_case(case: str | None, paths: list[Path], known: list[str]) -> None:
    """`--case` names no case of the files: exit 2, listing the cases they hold."""
    where = ", ".join(visible(str(p)) for p in paths)
    listed = ", ".join(known[:50]) + (f", ... ({len(known)} cases)" if len(known) > 50 else "")
    typer.echo(f"doctrine: no case `{visible(str(case))}` in {where}; the cases are: {listed or '(none)'}", err=True)
    raise Exit(2)


def invariants_named(names: list[str] | None) -> list[Any]:
    from doctrine.proof.invariants import BY_NAME, INVARIANTS

    if not names:
        return list(INVARIANTS)
    unknown = [n for n in names if n not in BY_NAME]
    if unknown:
        typer.echo(
            f"doctrine: unknown invariant {unknown[0]!r}; expected one of {', '.join(BY_NAME)}", err=True
        )
        raise Exit(2)
    return [BY_NAME[n] for n in names]


def refuse_broken_rules(rulebase: Any) -> None:
    """Rules that do not ground are bad input (exit 2), not a violation."""
    from doctrine.proof.stratification import rule_errors

    errors = rule_errors(rulebase)
    if errors:
        for message in errors:
            typer.echo(f"doctrine: rule-file-error: {message}", err=True)
        raise Exit(2)
