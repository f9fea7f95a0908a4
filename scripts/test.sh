#!/usr/bin/env bash
# Set up (see setup.sh, with the test tools) and run every check: architecture contracts, lint, tests.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh test
export QT_QPA_PLATFORM=offscreen
.venv/bin/lint-imports
.venv/bin/ruff check src tests bench scripts
.venv/bin/python -m pytest "$@"
