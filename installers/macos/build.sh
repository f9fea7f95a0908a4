#!/usr/bin/env bash
# Build the macOS app and disk image: dist/plclassroom.app (PyInstaller's BUNDLE, signed with the
# hardened runtime when a Developer ID is given), its self-test, then dist/plclassroom-<version>.dmg,
# signed, notarized by Apple and stapled. Run from anywhere on a Mac (Xcode command line tools):
#   installers/macos/build.sh
# Signing and notarization need an Apple Developer account (installers/README.md, "macOS"):
#   export PLCLASSROOM_CODESIGN_IDENTITY="Developer ID Application: Your School District (TEAMID1234)"
#   export PLCLASSROOM_NOTARY_PROFILE=plclassroom-notary   # made once with: xcrun notarytool store-credentials
# Without them it builds an unsigned .app and .dmg (fine on your own Mac; Gatekeeper blocks it elsewhere).
# The build is for the Mac's own architecture (arm64 on Apple silicon); build on each kind you ship.
set -euo pipefail
cd "$(dirname "$0")/../.."

python3 -m venv .venv 2>/dev/null || true
.venv/bin/python -m pip install -q --upgrade pip
.venv/bin/python -m pip install -q -c requirements.lock -e ".[test]"
.venv/bin/pyinstaller --noconfirm installers/plclassroom.spec   # signs every binary when the identity is set

app=dist/plclassroom.app
"$app/Contents/MacOS/plclassroom" --self-test

version=$(.venv/bin/python -c "import plclassroom; print(plclassroom.__version__)")
dmg="dist/plclassroom-$version.dmg"
identity="${PLCLASSROOM_CODESIGN_IDENTITY:-}"
if [ -n "$identity" ]; then
  codesign --verify --deep --strict --verbose=2 "$app"
fi

# The disk image: the app and a link to /Applications to drag it onto.
staging=$(mktemp -d)
trap 'rm -rf "$staging"' EXIT
cp -R "$app" "$staging/"
ln -s /Applications "$staging/Applications"
rm -f "$dmg"
hdiutil create -volname "plclassroom $version" -srcfolder "$staging" -fs HFS+ -format UDZO -ov "$dmg"

if [ -n "$identity" ]; then
  codesign --sign "$identity" --timestamp "$dmg"
  if [ -n "${PLCLASSROOM_NOTARY_PROFILE:-}" ]; then
    xcrun notarytool submit "$dmg" --keychain-profile "$PLCLASSROOM_NOTARY_PROFILE" --wait
    xcrun stapler staple "$dmg"
    xcrun stapler validate "$dmg"
    spctl --assess --type open --context context:primary-signature --verbose=2 "$dmg"
  else
    echo "Signed but not notarized (set PLCLASSROOM_NOTARY_PROFILE): Gatekeeper will still warn." >&2
  fi
fi
echo "$dmg"
