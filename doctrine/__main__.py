"""`python -m doctrine` is the `doctrine` command."""

from doctrine.cli.app import program

program()
