"""Standard transliterations of names between scripts (issue 17)."""
