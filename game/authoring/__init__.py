"""Tools for story authors: the scene graph, the JSON Schema of story files, and live reloading."""
