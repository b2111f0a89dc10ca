"""The Textual game: screens that send inputs to the engine's `Session` and draw the events it returns."""
