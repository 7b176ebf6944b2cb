"""Tools for people who write norms and locations: new, lint, docs, examples, rule coverage."""
