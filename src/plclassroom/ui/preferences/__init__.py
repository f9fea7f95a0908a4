"""Edit > Settings: the preferences dialog, and applying its choices."""
