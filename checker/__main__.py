"""`python -m checker` runs the `opvangtoets` command."""

from checker.launch import main

main()
