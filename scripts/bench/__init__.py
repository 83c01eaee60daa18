"""Pieces of the benchmarks (scripts/benchmark.py, scripts/benchmark_search.py): measuring a
command (wall time, peak memory of its whole process tree), a built site (bytes), search in
Chromium, and the report. Measurements only: nothing here is asserted in tests."""
