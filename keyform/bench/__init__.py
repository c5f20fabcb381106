"""The benchmark: ``python -m keyform.bench``. Splits each cost into fixed + per-object parts."""
