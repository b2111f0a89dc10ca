"""Ruby Sparks: an interactive fiction of the film, and a small engine for writing more of it."""

__version__ = "0.1.0"
