"""The Qt binding the app runs on must not damage Python's own objects: PySide6 6.12.0 on
Python 3.11 drops a reference to None with every item handed to a table or list widget, and a
long session then aborts. This guards the pinned version."""

import os
import subprocess
import sys

PROBE = """
import sys
from PySide6.QtWidgets import QApplication, QListWidget, QListWidgetItem, QTableWidget, QTableWidgetItem
app = QApplication(sys.argv)
table, listing = QTableWidget(3000, 1), QListWidget()
before = sys.getrefcount(None)
for row in range(3000):
    table.setItem(row, 0, QTableWidgetItem("x"))
    listing.addItem(QListWidgetItem("x"))
print(sys.getrefcount(None) - before)
"""


def test_handing_items_to_qt_widgets_leaves_none_alone():
    result = subprocess.run([sys.executable, "-c", PROBE], capture_output=True, text=True, timeout=120,
                            env={**os.environ, "QT_QPA_PLATFORM": "offscreen"})
    assert result.returncode == 0, result.stderr[-2000:]
    assert int(result.stdout.strip().splitlines()[-1]) > -100
