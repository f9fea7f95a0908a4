"""Render the app icon (resources/icons/plclassroom.svg) at every size the systems ask for.

    .venv/bin/python installers/make_icons.py

Writes, from the one SVG (Qt draws it, Pillow packs the Windows and macOS containers):
- resources/icons/plclassroom-<N>.png for N in 16 24 32 48 64 128 256 512: the window icon, and
  the Linux desktop's hicolor theme (installers/linux/install-desktop-entry.sh copies them);
- installers/windows/plclassroom.ico (16-256): the .exe's icon and the installer's;
- installers/macos/plclassroom.icns (16-1024, Retina sizes included): the .app's icon.
The files are committed; run this again after changing the SVG.
"""

from __future__ import annotations

import io
import os
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SVG = ROOT / "resources" / "icons" / "plclassroom.svg"
PNG_SIZES = (16, 24, 32, 48, 64, 128, 256, 512)
ICO_SIZES = (16, 24, 32, 48, 64, 128, 256)
ICNS_SIZES = (16, 32, 64, 128, 256, 512, 1024)


def render(size: int) -> bytes:
    """The SVG drawn on a transparent ``size`` x ``size`` square, as PNG bytes."""
    from PySide6.QtCore import QBuffer, QByteArray, QIODevice, Qt
    from PySide6.QtGui import QImage, QPainter
    from PySide6.QtSvg import QSvgRenderer

    renderer = QSvgRenderer(str(SVG))
    if not renderer.isValid():
        raise SystemExit(f"{SVG} is not a valid SVG")
    image = QImage(size, size, QImage.Format.Format_ARGB32_Premultiplied)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
    renderer.render(painter)
    painter.end()
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    image.save(buffer, "PNG")
    buffer.close()
    return bytes(data)


def main() -> int:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PIL import Image
    from PySide6.QtGui import QGuiApplication

    _app = QGuiApplication.instance() or QGuiApplication(sys.argv[:1])  # noqa: F841  (QImage/QFont need one)
    images = {size: Image.open(io.BytesIO(render(size))).convert("RGBA") for size in {*PNG_SIZES, *ICO_SIZES,
                                                                                        *ICNS_SIZES}}
    written = []
    for size in PNG_SIZES:
        path = SVG.with_name(f"plclassroom-{size}.png")
        images[size].save(path, optimize=True)
        written.append(path)
    ico = ROOT / "installers" / "windows" / "plclassroom.ico"
    ico.parent.mkdir(parents=True, exist_ok=True)
    # Each size drawn from the SVG (not scaled down from the largest): small sizes stay crisp.
    images[max(ICO_SIZES)].save(ico, format="ICO", sizes=[(s, s) for s in ICO_SIZES],
                                append_images=[images[s] for s in ICO_SIZES])
    written.append(ico)
    icns = ROOT / "installers" / "macos" / "plclassroom.icns"
    icns.parent.mkdir(parents=True, exist_ok=True)
    images[max(ICNS_SIZES)].save(icns, format="ICNS", append_images=[images[s] for s in ICNS_SIZES])
    written.append(icns)
    for path in written:
        print(f"{path.relative_to(ROOT)} ({path.stat().st_size} bytes)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
