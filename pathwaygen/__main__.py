"""`python -m pathwaygen` runs the command line."""

from .cli import main

main()
