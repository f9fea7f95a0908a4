"""Backups in the window: back up now, on a schedule, and restore."""
