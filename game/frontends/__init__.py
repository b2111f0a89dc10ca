"""Front ends: ways to play that send inputs to the engine and render its events, and nothing else."""
