"""The first start of the app on a laptop: language, demo or empty school, the district server."""
