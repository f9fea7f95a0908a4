#!/bin/sh
# Put plclassroom in the desktop's application menu, for you alone (no root needed):
# the icon at every size into ~/.local/share/icons/hicolor and plclassroom.desktop, pointing at
# the program in this folder, into ~/.local/share/applications. Run it from the built folder
# (dist/plclassroom, wherever you copied it): sh install-desktop-entry.sh
# To remove: sh install-desktop-entry.sh --uninstall
set -eu
here=$(cd "$(dirname "$0")" && pwd)
data="${XDG_DATA_HOME:-$HOME/.local/share}"
sizes="16 24 32 48 64 128 256 512"

if [ "${1:-}" = "--uninstall" ]; then
  rm -f "$data/applications/plclassroom.desktop" "$data/icons/hicolor/scalable/apps/plclassroom.svg"
  for size in $sizes; do rm -f "$data/icons/hicolor/${size}x${size}/apps/plclassroom.png"; done
  echo "plclassroom removed from the application menu (its folder and your data are untouched)."
  exit 0
fi

icons="$here/_internal/resources/icons"
[ -x "$here/plclassroom" ] && [ -d "$icons" ] || { echo "Run this from the built plclassroom folder." >&2; exit 1; }
for size in $sizes; do
  mkdir -p "$data/icons/hicolor/${size}x${size}/apps"
  cp "$icons/plclassroom-$size.png" "$data/icons/hicolor/${size}x${size}/apps/plclassroom.png"
done
mkdir -p "$data/icons/hicolor/scalable/apps" "$data/applications"
cp "$icons/plclassroom.svg" "$data/icons/hicolor/scalable/apps/plclassroom.svg"
# Exec takes the program's full path, quoted as the Desktop Entry spec asks.
escaped=$(printf '%s' "$here" | sed 's/[\\&|]/\\&/g')  # safe inside sed's replacement
sed "s|^Exec=.*|Exec=\"$escaped/plclassroom\"|" "$here/plclassroom.desktop" > "$data/applications/plclassroom.desktop"
command -v update-desktop-database >/dev/null && update-desktop-database -q "$data/applications" || true
command -v gtk-update-icon-cache >/dev/null && gtk-update-icon-cache -q -t "$data/icons/hicolor" || true
echo "plclassroom is in the application menu (Education). Program: $here/plclassroom"
