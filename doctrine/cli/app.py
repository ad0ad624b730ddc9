"""The command line: argv -> exit code. 0 ok, 1 a case or check failed, 2 bad input or usage.

One small app: each command lives in its own module of this room and registers itself here, in
the order `doctrine --help` lists them. Heavy modules (clingo, lark, rich renderers,
hypothesis) are imported inside the commands that need them, so `doctrine run one.case` loads
only what it uses. No traceback reaches the user: bad input is rendered as code frames,
anything else as one line (`--debug` shows the traceback).
"""

from __future__ import annotations

import functools
import importlib
import os
import sys
from typing import Any, NoReturn

import typer

from doctrine.cli.common import Exit

# Each command, and the module of this room that registers it, in the order `doctrine --help`
# lists them. `doctrine NAME ...` imports only NAME's module (see `app_for`).
COMMANDS = {
    "check": "check", "compile": "compile", "run": "run", "explain": "run", "test": "test", "diff": "diff",
    "fuzz": "fuzz", "verify": "verify", "whatif": "whatif", "compare": "compare", "rules": "rules",
}

def version_text() -> str:
    """doctrine's version, the digest of the bundled rules (as every JSON document reports it)
    and clingo's version: what reproduces a result."""
    import clingo

    from doctrine.engine.rulebase import rules_digest
    from doctrine.resources import rules_dir
    from doctrine.version import __version__

    return (f"doctrine {__version__}\n"
            f"rules sha256 {rules_digest()} ({rules_dir()})\n"
            f"clingo {clingo.__version__}\n")


def _show_version(value: bool) -> None:
    if value:
        sys.stdout.write(version_text())
        raise Exit(0)


def _options(
    version: bool = typer.Option(
        False, "--version", is_eager=True, callback=_show_version,
        help="print doctrine's version, the sha256 of the bundled rules and clingo's version",
    ),
) -> None:
    """doctrine: decide and explain refusals to file a substantial-assistance motion."""


def _typer(modules: list[str]) -> typer.Typer:
    """An app with doctrine's options and the commands the `modules` of this room register."""
    made = typer.Typer(
        add_completion=False,
        no_args_is_help=True,
        help="doctrine: decide and explain refusals to file a substantial-assistance motion.",
        pretty_exceptions_enable=False,
    )
    made.callback()(_options)
    for module in modules:
        importlib.import_module(f"doctrine.cli.{module}").register(made)
    return made


@functools.cache
def whole_app() -> typer.Typer:
    """The app with every command."""
    return _typer(list(dict.fromkeys(COMMANDS.values())))


def command_name(info: Any) -> str:
    """The name a registered command is called by."""
    return str(info.name or typer.main.get_command_name(info.callback.__name__))


def app_for(argv: list[str]) -> typer.Typer:
    """The app that runs `argv`. typer makes a click command of every registered command at each
    call (about 8 ms for all of them, where a single `doctrine explain` takes about 150), so
    `doctrine NAME ...` gets an app with doctrine's options and the command NAME alone, only its
    module imported: the same options, help and usage errors. Anything else (`--help`,
    `--version`, a mistyped command) gets the whole app."""
    name = argv[1] if len(argv) > 1 else ""
    if name not in COMMANDS:
        return whole_app()
    one = _typer([COMMANDS[name]])
    one.registered_commands = [info for info in one.registered_commands if command_name(info) == name]
    return one


def __getattr__(name: str) -> Any:
    if name == "app":  # the whole app, made when first asked for
        return whole_app()
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


def main() -> None:
    """Entry point: run the CLI; map every failure to an exit code, never a traceback."""
    debug = "--debug" in sys.argv
    if debug:
        sys.argv.remove("--debug")
    import warnings

    # a notice (the compiled engine falling back to clingo) reads as one line, not a source line
    warnings.formatwarning = lambda message, *_args, **_kw: f"doctrine: {message}\n"
    try:
        app_for(sys.argv)(standalone_mode=False)
    except Exit as e:
        sys.exit(e.code)
    except SystemExit:
        raise
    except KeyboardInterrupt:
        sys.exit(130)
    except Exception as e:
        if hasattr(e, "show") and hasattr(e, "exit_code"):  # click's (or typer's vendored click's) usage errors
            e.show()
            sys.exit(2)
        if type(e).__name__ == "Abort":
            sys.exit(130)
        from doctrine.engine.batch import BatchFailure
        from doctrine.language.diagnostics import DoctrineError

        if isinstance(e, BatchFailure):
            from doctrine.language.diagnostics import visible

            sys.stderr.write(f"doctrine: a case could not be decided: {visible(e.failed.reason)}\n")
            sys.exit(1)
        if isinstance(e, DoctrineError):
            from doctrine.render.text import render_diagnostics

            sys.stderr.write(render_diagnostics(e.diagnostics, e.sources))
            sys.exit(2)
        if debug:
            raise
        sys.stderr.write(f"doctrine: internal error: {type(e).__name__}: {e} (run with --debug for details)\n")
        sys.exit(3)
    sys.exit(0)


def program() -> NoReturn:
    """`main` as a program: once its output is flushed, the process ends at once, without the
    interpreter's teardown of every module (tens of milliseconds a command; nothing is left to
    write by then, and the batch pool has stopped its workers). The start-up runs with the
    cyclic collector paused (doctrine.cli.startup)."""
    from doctrine.cli.startup import starting

    starting()
    try:
        main()
        code: object = 0
    except SystemExit as e:
        code = e.code
    if code is not None and not isinstance(code, int):
        sys.stderr.write(f"{code}\n")
        code = 1
    for stream in (sys.stdout, sys.stderr):
        try:
            stream.flush()
        except (OSError, ValueError):  # a closed pipe (`doctrine run | head`): nothing more to say
            pass
    os._exit(code or 0)
