"""Speed-run records: personal bests, gold segments and sum of best, per story version and category."""
