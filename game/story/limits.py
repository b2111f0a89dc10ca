"""How large a story file may be, in one place: the YAML reader refuses a larger file, and the story cache must not
read more of one than the reader would (a 3 GB file once filled the memory while the cache was only computing its key).
"""

MAX_FILE_BYTES = 2_000_000
