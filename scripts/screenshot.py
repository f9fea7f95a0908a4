"""Open the app on the demo school, pick a class and a student, and save a PNG of the window.

Run under a real X server to see what a person sees:
    xvfb-run -a -s "-screen 0 1400x900x24" .venv/bin/python scripts/screenshot.py docs/screenshot.png
"""

import sys
import tempfile
from pathlib import Path

from PySide6.QtCore import QTimer

from plclassroom.services import demo
from plclassroom.store.database import Store
from plclassroom.ui.app import make_application, open_window


def main(out: str) -> None:
    app = make_application()
    store = Store.open(Path(tempfile.mkdtemp()) / "demo.sqlite")
    with store.unit_of_work(record_changes=False) as uow:
        demo.build_demo_school(uow)
        uow.commit()
    window = open_window(store, "screenshot")
    window.resize(1360, 860)
    window.show()
    window.roster.table.selectRow(4)

    def shoot() -> None:
        window.grab().save(out)
        print(f"saved {out}")
        app.quit()

    QTimer.singleShot(800, shoot)
    app.exec()


if __name__ == "__main__":
    main(sys.argv[1] if len(sys.argv) > 1 else "screenshot.png")
