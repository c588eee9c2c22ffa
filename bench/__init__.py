"""Benchmarks: speed and timing goals live here, never in tests (figures in docs/performance.md)."""
