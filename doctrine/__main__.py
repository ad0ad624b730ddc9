"""`python -m doctrine` is the `doctrine` command."""

from doctrine.cli.startup import starting

starting()  # before the command's modules load (doctrine.cli.startup)

from doctrine.cli.app import program  # noqa: E402

program()
