"""The frozen program's entry point (PyInstaller)."""

import sys

from plclassroom.__main__ import main

if __name__ == "__main__":
    sys.exit(main())
