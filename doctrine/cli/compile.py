"""`doctrine compile FILE`: a case's facts as ASP, with its jurisdiction's settings.

    doctrine compile scenarios/wade.case > out.lp && clingo rules/doctrine.lp out.lp
"""

from __future__ import annotations

import sys
from pathlib import Path

import typer

from doctrine.cli.common import cases_of


def register(app: typer.Typer) -> None:
    app.command("compile")(compile_cmd)


def compile_cmd(
    path: Path = typer.Argument(..., help="a case file"),
    case: str | None = typer.Option(None, help="only this case id"),
    rules: str | None = typer.Option(None, help="a rules directory (default: the bundled rules)"),
) -> None:
    """Print a case's facts as ASP, with its jurisdiction's settings: `clingo rules/doctrine.lp out.lp` reproduces a run."""
    from doctrine.engine.compile import compile_case, settings_lp
    from doctrine.engine.rulebase import load_rulebase
    from doctrine.engine.solve import circuit_of

    rulebase = load_rulebase(rules)
    for c, source in cases_of(path, case):  # an unknown --case is exit 2, listing the cases
        program = compile_case(c, source)
        jurisdiction = rulebase.jurisdiction_for(circuit_of(program))
        sys.stdout.write(program.to_lp())
        settings = rulebase.jurisdictions[jurisdiction]
        since = rulebase.since.get(jurisdiction)
        sys.stdout.write(settings_lp(jurisdiction, settings, rulebase.questions, since))
