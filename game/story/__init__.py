"""The story: an immutable model of a story folder, its loader and its checker.

Nothing here imports a front end; the engine and every front end read the same `Story`.
"""
