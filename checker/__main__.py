"""`python -m checker` runs the `opvangtoets` command, with the same first checks."""

from checker.launch import main

main()
