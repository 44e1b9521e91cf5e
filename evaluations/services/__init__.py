"""Writes and workflows of the evaluations app (keyword-only, typed, atomic)."""
