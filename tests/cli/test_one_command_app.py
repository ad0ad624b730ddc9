"""`doctrine NAME ...` runs an app with the command NAME alone (typer builds a click command of
every registered command at each call): what it prints and its exit code are those of the
whole app."""

from __future__ import annotations

from pathlib import Path

import pytest

from doctrine.cli import app as module

ROOT = Path(__file__).resolve().parents[2]
BILLINGS = str(ROOT / "scenarios" / "billings.case")

ARGVS = [
    ["explain", "--help"],
    ["run", "--help"],
    ["rules", "--help"],
    ["explain"],
    ["run", "--frmat", "x", BILLINGS],
    ["explain", BILLINGS, "extra"],
    ["explain", BILLINGS, "--why-not", "nonsense"],
    ["check", BILLINGS],
    ["explain", BILLINGS, "--format", "json"],
    ["expain", BILLINGS],  # a mistyped command: the whole app, with its suggestion
    ["--help"],
]


@pytest.mark.parametrize("argv", ARGVS, ids=" ".join)
def test_one_command_app_says_what_the_whole_app_says(
    argv: list[str], cli, monkeypatch: pytest.MonkeyPatch  # type: ignore[no-untyped-def]
) -> None:
    alone = cli(*argv)
    monkeypatch.setattr(module, "app_for", lambda _argv: module.app)
    whole = cli(*argv)
    assert alone == whole
    assert alone[1] or alone[2]


def test_a_command_name_gets_that_command_alone() -> None:
    one = module.app_for(["doctrine", "explain", "x.case"])
    assert [module.command_name(i) for i in one.registered_commands] == ["explain"]
    assert one.registered_callback is not None  # doctrine's options (--version)
    assert [module.command_name(i) for i in module.app_for(["doctrine", "rules"]).registered_commands] == ["rules"]
    assert module.app_for(["doctrine", "--version"]) is module.app
    assert module.app_for(["doctrine", "expain"]) is module.app
    assert module.app_for(["doctrine"]) is module.app


def test_the_table_of_commands_is_the_whole_app() -> None:
    """Every command the modules register is in COMMANDS, with its module, in the order of help."""
    names = [module.command_name(i) for i in module.whole_app().registered_commands]
    assert names == list(module.COMMANDS)
    for name, room_module in module.COMMANDS.items():
        one = module._typer([room_module])
        assert name in [module.command_name(i) for i in one.registered_commands]


def test_one_command_imports_only_its_module() -> None:
    import subprocess
    import sys

    code = ("import sys\nsys.argv = ['doctrine', 'explain', '--help']\nfrom doctrine.cli.app import main\n"
            "try:\n    main()\nexcept SystemExit:\n    pass\n"
            "print(sorted(m for m in sys.modules if m.startswith('doctrine.cli.')), file=sys.stderr)\n")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT, check=True)
    assert out.stderr.strip() == str(["doctrine.cli.app", "doctrine.cli.common", "doctrine.cli.run"])
