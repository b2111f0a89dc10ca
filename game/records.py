"""The one door to the record-class library (ducktools-classbuilder, a 0.x release with one maintainer).

Every record of the game (story model, state, events, saves) is declared with these names and nothing imports the
library elsewhere, so replacing it (by the standard library's dataclasses, should its start-up cost stop mattering or
the library stop being kept) is a change to this file, not to seventy. Its version is bounded in pyproject.toml: a
0.x minor may change what these do.
"""

from ducktools.classbuilder.prefab import as_dict, attribute, prefab, replace

__all__ = ["as_dict", "attribute", "prefab", "replace"]
