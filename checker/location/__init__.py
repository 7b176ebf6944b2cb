"""The location: its model (the schema), loading and validating files and tables, writing YAML,
consistency checks."""
