#!/usr/bin/env bash
# Build the Linux app: dist/plclassroom (one folder), its self-test, then
# dist/plclassroom-<version>-linux-<arch>.tar.gz to hand out. Run from anywhere in the repository:
#   installers/linux/build.sh
# Build on the oldest distribution you support (the folder uses that machine's glibc and system
# libraries: built on Debian 12, it runs on Debian 12, Ubuntu 22.04 and newer).
set -euo pipefail
cd "$(dirname "$0")/../.."

scripts/setup.sh test   # .venv with the pinned versions, PyInstaller included (the test tools)
command -v objdump >/dev/null || { echo "PyInstaller needs objdump: apt-get install binutils" >&2; exit 1; }
.venv/bin/pyinstaller --noconfirm installers/plclassroom.spec
dist/plclassroom/plclassroom --self-test

version=$(.venv/bin/python -c "import plclassroom; print(plclassroom.__version__)")
archive="dist/plclassroom-$version-linux-$(uname -m).tar.gz"
tar -C dist -czf "$archive" plclassroom
du -sh dist/plclassroom "$archive"
