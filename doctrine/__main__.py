"""`python -m doctrine` is the `doctrine` command."""

from doctrine.cli import main

main()
