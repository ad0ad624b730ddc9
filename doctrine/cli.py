"""The command line: argv -> exit code. 0 ok, 1 a case or check failed, 2 bad input or usage.

Heavy modules (clingo, lark, rich renderers, hypothesis) are imported inside the commands
that need them, so `doctrine run one.case` loads only what it uses. No traceback reaches
the user: bad input is rendered as code frames, anything else as one line (`--debug` shows
the traceback).
"""

from __future__ import annotations

import os
import sys
from pathlib import Path
from typing import Any, Iterator, Optional

import typer

app = typer.Typer(
    add_completion=False,
    no_args_is_help=True,
    help="doctrine: decide and explain refusals to file a substantial-assistance motion.",
    pretty_exceptions_enable=False,
)

FORMAT_HELP = "text, json, md, dot, svg or html"


class Exit(Exception):
    def __init__(self, code: int) -> None:
        self.code = code


def _console(stderr: bool = False) -> Any:
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


def _load_all(paths: list[Path]) -> Iterator[Any]:
    """Load and check every file; report every bad file (all its diagnostics), then exit 2."""
    from doctrine.diagnostics import DoctrineError
    from doctrine.parse import load_case_file
    from doctrine.render import render_diagnostics

    files = case_paths(paths)
    if not files:
        typer.echo("doctrine: no .case files found in " + ", ".join(map(str, paths)), err=True)
        raise Exit(2)
    loaded, failed = [], False
    for path in files:
        try:
            loaded.append(load_case_file(path))
        except DoctrineError as e:
            failed = True
            sys.stderr.write(render_diagnostics(e.diagnostics, e.sources))
    if failed:
        raise Exit(2)
    return iter(loaded)


def _as_of(value: Optional[str]) -> int | None:
    if value is None:
        return None
    digits = value.replace("-", "")
    if not digits.isdigit() or len(digits) not in (4, 8):
        typer.echo(f"doctrine: --as-of expects YYYY or YYYY-MM-DD, not {value!r}", err=True)
        raise Exit(2)
    return int(digits) * (10000 if len(digits) == 4 else 1) + (1231 if len(digits) == 4 else 0)


@app.command()
def check(paths: list[Path] = typer.Argument(..., help="case files or directories")) -> None:
    """Parse and check case files; report every problem with its line and a caret."""
    n = sum(len(f.cases) for f in _load_all(paths))
    typer.echo(f"ok: {n} case(s) in {len(case_paths(paths))} file(s)")


@app.command("compile")
def compile_cmd(
    path: Path = typer.Argument(..., help="a case file"),
    case: Optional[str] = typer.Option(None, help="only this case id"),
    rules: Optional[str] = typer.Option(None, help="a rules directory (default: the bundled rules)"),
) -> None:
    """Print a case's facts as ASP, with its jurisdiction's settings: `clingo rules/doctrine.lp out.lp` reproduces a run."""
    from doctrine.compile import compile_case, settings_lp
    from doctrine.rulebase import load_rulebase
    from doctrine.solve import circuit_of

    rulebase = load_rulebase(rules)
    for f in _load_all([path]):
        for c in f.cases:
            if case is None or c.id == case:
                program = compile_case(c, f.source)
                jurisdiction = rulebase.jurisdiction_for(circuit_of(program))
                sys.stdout.write(program.to_lp())
                sys.stdout.write(settings_lp(jurisdiction, rulebase.jurisdictions[jurisdiction], rulebase.questions))


def _evaluate(
    paths: list[Path],
    rules: Optional[str],
    as_of: Optional[str],
    jurisdiction: Optional[str],
    explain: bool,
    case: Optional[str] = None,
    why: Optional[str] = None,
    why_not: Optional[str] = None,
    workers: int = 1,
) -> list[tuple[Any, Any]]:
    from doctrine.batch import evaluate

    files = list(_load_all(paths))
    if jurisdiction is not None:
        from doctrine.rulebase import load_rulebase

        known = sorted(load_rulebase(rules).jurisdictions)
        if jurisdiction not in known:
            typer.echo(f"doctrine: unknown jurisdiction {jurisdiction!r}; the rules have {', '.join(known)}", err=True)
            raise Exit(2)
    pairs = [(c, f.source) for f in files for c in f.cases if case is None or c.id == case]
    if case is not None and not pairs:
        typer.echo(f"doctrine: no case `{case}` in " + ", ".join(map(str, paths)), err=True)
        raise Exit(2)
    # processes pay off only for large batches (each worker grounds the doctrine once)
    n_workers = workers if len(pairs) >= 200 else 1
    results: Any = evaluate(pairs, rules, n_workers, explain, jurisdiction, _as_of(as_of), why, why_not)
    if len(pairs) > 20 and sys.stderr.isatty():
        from rich.progress import track

        results = track(results, total=len(pairs), description="solving", console=_console(True))
    return [(r.verdict, r.explanation) for r in results]


def _emit(results: list[tuple[Any, Any]], fmt: str, rules: Optional[str]) -> None:
    from doctrine import render
    from doctrine.rulebase import load_rulebase

    if fmt == "json":
        doc = render.result_document((render.verdict_json(v, e) for v, e in results), load_rulebase(rules))
        sys.stdout.write(render.to_json(doc) + "\n")
    elif fmt == "md":
        sys.stdout.write("\n".join(render.render_markdown(v, e) for v, e in results))
    elif fmt == "html":
        sys.stdout.write(render.render_html(results))
    elif fmt in ("dot", "svg"):
        for v, e in results:
            if e is None:
                continue
            if fmt == "svg":
                try:
                    sys.stdout.write(render.render_svg(e))
                except RuntimeError as err:
                    typer.echo(f"doctrine: {err}", err=True)
                    raise Exit(2)
            else:
                sys.stdout.write(render.render_dot(e))
    elif fmt == "text":
        console = _console()
        for v, e in results:
            console.print(render.render_text(v, e))
    else:
        typer.echo(f"doctrine: unknown format {fmt!r}; expected {FORMAT_HELP}", err=True)
        raise Exit(2)


@app.command()
def run(
    paths: list[Path] = typer.Argument(..., help="case files or directories"),
    format: str = typer.Option("text", "--format", "-f", help=FORMAT_HELP),
    rules: Optional[str] = typer.Option(None, help="a rules directory (default: the bundled rules)"),
    as_of: Optional[str] = typer.Option(None, "--as-of", help="apply only authorities decided by this date"),
    jurisdiction: Optional[str] = typer.Option(None, help="override the case's jurisdiction setting"),
    workers: int = typer.Option(0, help="processes for large batches (default: the number of cores)"),
) -> None:
    """Decide every case: relief, its kinds, authority below a minimum, and the holdings."""
    from doctrine.solve import default_workers

    explain = format in ("dot", "svg", "html")
    results = _evaluate(paths, rules, as_of, jurisdiction, explain, workers=workers or default_workers())
    _emit(results, format, rules)


@app.command()
def explain(
    path: Path = typer.Argument(..., help="a case file"),
    case: Optional[str] = typer.Option(None, "--case", help="only this case id"),
    why: Optional[str] = typer.Option(None, "--why", help="explain this conclusion, e.g. review or relief(discovery)"),
    why_not: Optional[str] = typer.Option(None, "--why-not", help="why a conclusion did not hold: relief, hearing, threshold_showing ..."),
    format: str = typer.Option("text", "--format", "-f", help=FORMAT_HELP),
    rules: Optional[str] = typer.Option(None, help="a rules directory (default: the bundled rules)"),
    as_of: Optional[str] = typer.Option(None, "--as-of", help="apply only authorities decided by this date"),
    jurisdiction: Optional[str] = typer.Option(None, help="override the case's jurisdiction setting"),
) -> None:
    """Explain a case: each holding down to the case-file lines and the opinions' words."""
    for flag, goal in (("--why", why), ("--why-not", why_not)):
        _check_goal(flag, goal)
    results = _evaluate([path], rules, as_of, jurisdiction, True, case, why, why_not)
    _emit(results, format, rules)


def _check_goal(flag: str, goal: Optional[str]) -> None:
    """A goal is a conclusion term (`relief`, `review(plain_error)`); anything else is bad usage."""
    if goal is None:
        return
    import clingo

    try:
        sym = clingo.parse_term(goal)
    except RuntimeError:
        sym = None
    if sym is None or sym.type != clingo.SymbolType.Function:
        typer.echo(f"doctrine: {flag} expects a conclusion such as `relief`, `hearing` or `review(plain_error)`, not {goal!r}", err=True)
        raise Exit(2)


def _register_optional() -> None:
    """Commands that live in their own modules (test, diff, fuzz, verify, whatif, compare)."""
    import importlib

    for module in ("doctrine.commands",):
        try:
            mod = importlib.import_module(module)
        except ModuleNotFoundError as e:
            if e.name != module:
                raise
            continue
        mod.register(app)


def main() -> None:
    """Entry point: run the CLI; map every failure to an exit code, never a traceback."""
    debug = "--debug" in sys.argv
    if debug:
        sys.argv.remove("--debug")
    try:
        _register_optional()
        app(standalone_mode=False)
    except Exit as e:
        sys.exit(e.code)
    except SystemExit:
        raise
    except KeyboardInterrupt:
        sys.exit(130)
    except Exception as e:  # noqa: BLE001 - the last line of defence against tracebacks
        if hasattr(e, "show") and hasattr(e, "exit_code"):  # click's (or typer's vendored click's) usage errors
            e.show()
            sys.exit(2)
        if type(e).__name__ == "Abort":
            sys.exit(130)
        from doctrine.diagnostics import DoctrineError

        if isinstance(e, DoctrineError):
            from doctrine.render import render_diagnostics

            sys.stderr.write(render_diagnostics(e.diagnostics, e.sources))
            sys.exit(2)
        if debug:
            raise
        sys.stderr.write(f"doctrine: internal error: {type(e).__name__}: {e} (run with --debug for details)\n")
        sys.exit(3)
    sys.exit(0)
