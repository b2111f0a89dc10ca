"""`python -m game` is the same as `ruby-sparks`."""

from game.cli import console

raise SystemExit(console())
