"""Data meetings: a grade team's flagged students, changes since last time, agenda and actions."""
