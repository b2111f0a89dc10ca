"""The credits, shown by both front ends: the film's makers first, then ours."""

from __future__ import annotations

from game.paths import assets_dir

FALLBACK = "An unofficial fan work based on the 2012 film Ruby Sparks."


def credits_text() -> str:
    try:
        return (assets_dir() / "credits.md").read_text(encoding="utf-8").strip()
    except OSError:
        return FALLBACK
