"""The norm library: the condition language, the norm file model, loading and checking norm
files."""
