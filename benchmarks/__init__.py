"""Performance benchmarks (``make bench``): throughput, memory, incremental and parallel runs.

Not part of the tests: they take minutes and their figures depend on the machine. See
docs/BENCHMARKS.md for the figures of the last full run and the command that produced them.
"""
