"""Tab never walks cell by cell through a table (a keyboard trap in a big one): every table the UI
makes turns Qt's tab key navigation off, and arrows move inside it. Read from the source, so a
table in a dialog no test opens is held to it too."""

import ast
from pathlib import Path

import plclassroom.ui

TABLES = {"QTableWidget", "QTableView"}  # Qt's list and tree views leave Tab alone already
UI = Path(plclassroom.ui.__file__).parent


def tables_left_trapping(source: str) -> list[str]:
    tree = ast.parse(source)
    made, released = {}, set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Assign) and isinstance(node.value, ast.Call) \
                and getattr(node.value.func, "id", None) in TABLES:
            made[ast.unparse(node.targets[0])] = node.lineno
        if isinstance(node, ast.Call) and getattr(node.func, "attr", None) == "setTabKeyNavigation" \
                and node.args and getattr(node.args[0], "value", None) is False:
            released.add(ast.unparse(node.func.value))
    return [f"{name} (line {line})" for name, line in made.items() if name not in released]


def test_every_table_lets_tab_leave_it():
    trapping = {str(path.relative_to(UI)): found for path in sorted(UI.rglob("*.py"))
                if (found := tables_left_trapping(path.read_text(encoding="utf-8")))}
    assert not trapping


def test_the_check_finds_a_table_that_traps():
    assert tables_left_trapping("self.grid = QTableWidget(0, 3)\n") == ["self.grid (line 1)"]
    assert tables_left_trapping("t = QTableView()\nt.setTabKeyNavigation(False)\n") == []
