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
    assert [i.callback.__name__ for i in one.registered_commands if i.callback] == ["explain"]
    assert one.registered_callback is module.app.registered_callback
    assert module.app_for(["doctrine", "rules"]).registered_commands[0].name == "rules"
    assert module.app_for(["doctrine", "--version"]) is module.app
    assert module.app_for(["doctrine", "expain"]) is module.app
    assert module.app_for(["doctrine"]) is module.app
