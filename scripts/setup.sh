#!/usr/bin/env bash
# Set up a fresh machine for plclassroom: the Debian packages Qt needs, a virtual environment in
# .venv, and the project with the pinned versions from requirements.lock. Safe to run again.
# Usage: scripts/setup.sh [test]   ("test" adds the test tools and PostgreSQL)
set -euo pipefail
cd "$(dirname "$0")/.."

PACKAGES="libgl1 libegl1 libxkbcommon0 libxkbcommon-x11-0 libfontconfig1 libfreetype6 libdbus-1-3 \
libglib2.0-0 fonts-dejavu-core libxcb-cursor0 libxcb-icccm4 libxcb-image0 libxcb-keysyms1 libxcb-randr0 \
libxcb-render-util0 libxcb-shape0 libxcb-xinerama0 libxcb-xkb1 libx11-xcb1 xvfb xauth"

# The tests also run the district server on PostgreSQL: they start a throwaway one (tests/postgres.py).
# ... and build the Linux app with PyInstaller (it reads binaries with objdump, from binutils);
# ... and look at the district's web dashboard in a real headless browser (chromium-headless-shell).
if [ "${1:-}" = "test" ]; then PACKAGES="$PACKAGES postgresql binutils chromium-headless-shell"; fi

missing=""
for pkg in $PACKAGES; do
  dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed" || missing="$missing $pkg"
done
if [ -n "$missing" ]; then
  if command -v apt-get >/dev/null; then
    SUDO=""; [ "$(id -u)" -eq 0 ] || SUDO="sudo"
    echo "Installing Debian packages:$missing"
    $SUDO apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends $missing >/dev/null
  else
    echo "Not a Debian/Ubuntu machine: install$missing (Qt 6's runtime libraries; PostgreSQL and chromium for the tests) with your package manager." >&2
  fi
fi

PYTHON="${PYTHON:-python3}"
if [ ! -x .venv/bin/python ]; then
  "$PYTHON" -m venv .venv
fi
.venv/bin/python -m pip install -q --upgrade pip
extra=""; [ "${1:-}" = "test" ] && extra="[test]"
.venv/bin/python -m pip install -q -c requirements.lock -e ".$extra"
