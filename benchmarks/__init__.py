"""readerapp's benchmark: `python -m benchmarks.run` (see README.md, "Benchmarks")."""
