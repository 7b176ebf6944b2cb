"""Planning changes: improve (remedies), what-if and comparing two checks (diff)."""
