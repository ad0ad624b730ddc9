"""`doctrine check PATH...`: parse and check case files; every problem with its line and a caret.

    doctrine check scenarios/
"""

from __future__ import annotations

from pathlib import Path

import typer

from doctrine.cli.common import case_paths, load_all


def register(app: typer.Typer) -> None:
    app.command()(check)


def check(paths: list[Path] = typer.Argument(..., help="case files or directories")) -> None:
    """Parse and check case files; report every problem with its line and a caret."""
    n = sum(len(f.cases) for f in load_all(paths))
    typer.echo(f"ok: {n} case(s) in {len(case_paths(paths))} file(s)")
