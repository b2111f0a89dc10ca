"""Replays: a run's inputs with their times, enough to watch it again and to prove what it reached."""
