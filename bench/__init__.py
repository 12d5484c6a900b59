"""Benchmarks for `make bench`: speed, scale and memory, each against a reference measured in the same run.

Not tests: nothing here runs in CI. `python -m bench` runs everything and writes docs/benchmarks.md.
"""
