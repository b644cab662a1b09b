"""Benchmarks: each prints a table comparing this app with a reference measured in the same run."""
