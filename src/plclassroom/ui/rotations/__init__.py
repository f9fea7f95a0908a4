"""The station-rotation board: the full-screen classroom display and its chime."""
