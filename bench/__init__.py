"""Benchmarks and experiments that print a table (``python -m bench.<name>``)."""
