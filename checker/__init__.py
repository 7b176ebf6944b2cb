"""opvangtoets: checks whether a reception location for children is child-friendly and lawful."""

# Written here, not asked of the installed metadata: `importlib.metadata` costs a cold
# `opvangtoets check` about 12 ms (6%) to import. pyproject.toml takes the version from here.
__version__ = "0.2.0"
