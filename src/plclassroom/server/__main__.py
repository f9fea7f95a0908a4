"""``python -m plclassroom.server``: the same as the ``plclassroom-server`` command."""

from __future__ import annotations

import sys

from plclassroom.server.cli import main

if __name__ == "__main__":
    sys.exit(main())
