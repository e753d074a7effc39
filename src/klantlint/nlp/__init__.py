"""Analysing: loading the Dutch spaCy pipeline and klantlint's domain layer."""
