"""The commands that live in their own modules, each registering itself on the CLI app.

Each `doctrine/cli_<name>.py` defines `register(app)`; its command bodies import their heavy
modules lazily, so registering them costs only the import of typer.
"""

from __future__ import annotations

import importlib

import typer

MODULES = ("cli_test", "cli_diff", "cli_fuzz", "cli_verify", "cli_whatif", "cli_compare")


def register(app: typer.Typer) -> None:
    for name in MODULES:
        try:
            module = importlib.import_module(f"doctrine.{name}")
        except ModuleNotFoundError as e:
            if e.name != f"doctrine.{name}":
                raise
            continue
        module.register(app)
