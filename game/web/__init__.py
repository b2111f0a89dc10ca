"""Playing in a browser: `ruby-sparks serve` hands each visitor the Textual game through textual-serve (the `web`
extra), which runs the app in a subprocess and draws it with xterm.js over a websocket.

Nothing here knows a game rule: a browser gets the same `RubySparksApp` a terminal does, with its own data folder.
"""
