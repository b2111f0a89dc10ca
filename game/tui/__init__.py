"""The Textual game: screens that send what the player does to the game controller and draw the events it returns."""
