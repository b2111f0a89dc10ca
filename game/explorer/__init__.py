"""Automated playtesting: seeded random playthroughs (and, later, the exhaustive explorer).

Random runs drive the same engine as every front end, so whatever they find is a replayable bug, not a test artefact.
"""
