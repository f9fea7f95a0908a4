#!/usr/bin/env bash
# Set up (see setup.sh) and open plclassroom on the demo school. Extra arguments go to the app.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh
exec .venv/bin/plclassroom --demo "$@"
