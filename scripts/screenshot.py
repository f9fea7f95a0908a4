"""Open the app on the demo school, pick a class and a student, and save a PNG of the window.

Run under a real X server to see what a person sees:
    xvfb-run -a -s "-screen 0 1400x900x24" .venv/bin/python scripts/screenshot.py docs/screenshot.png
    ... scripts/screenshot.py docs/rotations.png rotations   # a week's plan with groups built
    ... scripts/screenshot.py es.png heatmap es high-contrast  # a tab, in Spanish, in high contrast
Views: profile, heatmap, evidence, playlists, conferences, rotations, data-meeting. Themes: light, dark, high-contrast.
"""

import sys
import tempfile
from datetime import date
from pathlib import Path

from PySide6.QtCore import QTimer

from plclassroom.services import demo
from plclassroom.store.database import Store
from plclassroom.ui import i18n, theme
from plclassroom.ui.app import make_application, open_window


def plan_rotations(window) -> None:
    """A week's plan on the first class with a framework, groups built on its first competency."""
    from datetime import date, time, timedelta

    from plclassroom.services import mastery, rotations

    picker = window.roster.class_picker
    for row in range(picker.count()):
        picker.setCurrentIndex(row)
        if window.context.call(mastery.class_mastery, picker.currentData()).competencies:
            break
    window.tabs.setCurrentWidget(window.rotations)
    monday = date.today() - timedelta(days=date.today().weekday())
    plan_id = window.context.call(rotations.create_plan, picker.currentData(), "Ratios week", monday,
                                  monday + timedelta(days=4), start_time=time(9, 10))
    window.rotations._load_plans(select=plan_id)
    window.rotations.competency_box.setCurrentIndex(1)
    window.rotations.build_groups()


def main(out: str, view: str = "profile", language: str = "en", look: str = "light") -> None:
    app = make_application()
    i18n.install(language)
    theme.apply(look)
    store = Store.open(Path(tempfile.mkdtemp()) / "demo.sqlite")
    with store.unit_of_work(record_changes=False) as uow:
        demo.build_demo_school(uow, today=date.today())
        uow.commit()
    window = open_window(store, "screenshot")
    window.resize(1360, 860)
    window.show()
    window.roster.table.selectRow(4)
    shown = window
    if view == "rotations":
        plan_rotations(window)
    elif view == "data-meeting":
        shown = window.open_data_meeting()
        shown.resize(1360, 860)
    elif view != "profile":
        window.tabs.setCurrentWidget(getattr(window, view))

    def shoot() -> None:
        shown.grab().save(out)
        print(f"saved {out}")
        app.quit()

    QTimer.singleShot(800, shoot)
    app.exec()


if __name__ == "__main__":
    main(*(sys.argv[1:] or ["screenshot.png"]))
