"""Seeded synthetic locations, used by the tests and the benchmarks."""
