"""The district web dashboard: server-rendered pages (Jinja2, no JavaScript) for people who sign
in with a password, beside the laptops' sync API. See ``routes.py``."""

from plclassroom.server.dashboard.routes import make_router
