"""`python -m checker.cli` runs the `opvangtoets` command."""

from checker.cli import main

main(prog_name="opvangtoets")
