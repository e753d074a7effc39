"""Judging: rules, their loading and selection, suppressions, fixes, the Linter."""
