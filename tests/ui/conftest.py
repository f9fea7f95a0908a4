"""Fixtures shared by the UI tests."""

import pytest

from plclassroom.ui import app as ui_app


@pytest.fixture
def window(qtbot, demo_store, request):
    """The main window on a copy of the demo school, shown at a laptop's size. Each test has its own
    profile, so each starts on the demo's first class whatever an earlier test picked."""
    ui_app.make_application()
    main = ui_app.open_window(demo_store, request.node.name)
    qtbot.addWidget(main)
    main.resize(1360, 860)
    main.show()
    qtbot.waitExposed(main)
    return main
