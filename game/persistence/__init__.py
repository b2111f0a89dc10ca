"""What the game keeps on disk for the player: saves and the endings they have seen.

Everything here is written atomically and read defensively: a damaged file is reported and left where it is.
"""
