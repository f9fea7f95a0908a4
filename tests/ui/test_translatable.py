"""Every user-visible string in ui/ goes through Qt's translation (ui/i18n.py says the rules), and
the shipped Spanish covers every one of them."""

from __future__ import annotations

import ast
import re
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

UI = Path(__file__).resolve().parents[2] / "src" / "plclassroom" / "ui"
I18N = Path(__file__).resolve().parents[2] / "resources" / "i18n"
SCRIPTS = Path(__file__).resolve().parents[2] / "scripts"

# Calls whose string arguments are for the program, not for a person.
NOT_SHOWN_CALLS = {
    "setObjectName", "setProperty", "property", "value", "setValue", "contains", "remove", "beginGroup",
    "debug", "info", "warning_log", "exception", "getLogger", "getattr", "setattr", "hasattr", "startswith",
    "endswith", "split", "join", "replace", "strip", "strftime", "strptime", "fromisoformat", "findChild",
    "findChildren", "path", "Path", "open", "encode", "decode", "setStyleSheet", "QColor", "QKeySequence",
    "format_map", "compile", "match", "search", "sub", "fullmatch", "setDesktopFileName", "setFamily",
    "setFamilies", "QFont", "mkstemp", "NamedTemporaryFile", "TemporaryDirectory", "environ", "get", "pop",
    "setdefault", "Signal", "Slot", "Property", "print", "write", "setData", "data", "fromTheme",
    "QIcon", "toString", "fromString", "savefig", "rc_context", "use", "get_all", "setStyle",
}
LOGGERS = {"log", "logger", "_log", "LOG"}
PROSE = re.compile(r"[A-Za-z]{2,}")
SINGLE_WORD = re.compile(r"^&?[A-Z][a-z&]+[.…:!?]?$")


def looks_shown(text: str) -> bool:
    """A string a person would read: words with a space between them, or one capitalised word."""
    stripped = text.strip()
    if not PROSE.search(stripped):
        return False
    return bool(re.search(r"[A-Za-z]\W*\s+\W*[A-Za-z]", stripped)) or bool(SINGLE_WORD.match(stripped))


def _call_name(node: ast.Call) -> str:
    func = node.func
    if isinstance(func, ast.Attribute):
        return func.attr
    if isinstance(func, ast.Name):
        return func.id
    return ""


def _logger_call(node: ast.Call) -> bool:
    func = node.func
    return (isinstance(func, ast.Attribute) and isinstance(func.value, ast.Name)
            and func.value.id in LOGGERS)


def untranslated(path: Path) -> list[str]:
    source = path.read_text(encoding="utf-8")
    lines = source.splitlines()
    tree = ast.parse(source)
    exempt: set[int] = set()  # ids of string nodes that are fine as they are
    problems: list[str] = []

    for node in ast.walk(tree):
        # Docstrings are for readers of the code.
        if isinstance(node, ast.Module | ast.ClassDef | ast.FunctionDef | ast.AsyncFunctionDef):
            body = node.body
            if body and isinstance(body[0], ast.Expr) and isinstance(body[0].value, ast.Constant):
                exempt.add(id(body[0].value))
        if isinstance(node, ast.Call):
            name = _call_name(node)
            if name == "tr" and isinstance(node.func, ast.Name):
                first = node.args[0] if node.args else None
                if not (isinstance(first, ast.Constant) and isinstance(first.value, str)):
                    problems.append(f"{path.name}:{node.lineno}: tr() needs a plain string literal (not an "
                                    f"f-string or a variable): lupdate reads the source")
                if node.keywords:
                    problems.append(f"{path.name}:{node.lineno}: tr() takes its arguments by position "
                                    f"(lupdate reads no keywords)")
                for arg in node.args:
                    for inner in ast.walk(arg):
                        exempt.add(id(inner))
            elif name in NOT_SHOWN_CALLS or _logger_call(node) or name == "translate":
                for arg in [*node.args, *(k.value for k in node.keywords)]:
                    for inner in ast.walk(arg):
                        exempt.add(id(inner))
        # Comparisons and subscripts are the program talking to itself: x == "Cancel", d["Key"].
        if isinstance(node, ast.Compare):
            for inner in [node.left, *node.comparators]:
                if isinstance(inner, ast.Constant):
                    exempt.add(id(inner))
        if isinstance(node, ast.Subscript):
            for inner in ast.walk(node.slice):
                exempt.add(id(inner))
        if isinstance(node, ast.JoinedStr):  # an f-string's parts are checked as one text, below
            for inner in node.values:
                exempt.add(id(inner))

    # tr() at import time runs before the chosen language is installed: the text would stay English.
    for node in [*tree.body, *(n for c in ast.walk(tree) if isinstance(c, ast.ClassDef) for n in c.body)]:
        if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef | ast.ClassDef):
            defaults = [*node.args.defaults, *node.args.kw_defaults] if not isinstance(node, ast.ClassDef) else []
            scan = [d for d in defaults if d is not None]
        else:
            scan = [node]
        for part in scan:
            for inner in ast.walk(part):
                if isinstance(inner, ast.Call) and isinstance(inner.func, ast.Name) and inner.func.id == "tr":
                    problems.append(f"{path.name}:{inner.lineno}: tr() at import time stays English: call it "
                                    f"inside a function")

    for node in ast.walk(tree):
        if id(node) in exempt:
            continue
        if isinstance(node, ast.Constant) and isinstance(node.value, str):
            text = node.value
        elif isinstance(node, ast.JoinedStr):
            text = " ".join(v.value for v in node.values if isinstance(v, ast.Constant))
        else:
            continue
        if not looks_shown(text):
            continue
        line = lines[node.lineno - 1]
        end_line = lines[(node.end_lineno or node.lineno) - 1]
        if "# notr" in line or "# notr" in end_line:
            continue
        problems.append(f"{path.relative_to(UI)}:{node.lineno}: not translatable: {text[:60]!r}")
    return problems


# The self-test prints a diagnostic for IT to the console: English, the words one searches the web for.
CONSOLE_ONLY = {"self_test.py"}


def test_every_shown_string_in_ui_goes_through_tr():
    problems = [p for path in sorted(UI.rglob("*.py")) if path.name not in CONSOLE_ONLY for p in untranslated(path)]
    assert not problems, f"{len(problems)} strings in ui/ not translatable:\n" + "\n".join(problems)


def test_the_checker_catches_a_bare_string(tmp_path):
    sample = tmp_path / "sample.py"
    sample.write_text(
        'from plclassroom.ui.i18n import tr\n'
        'def f(label, name):\n'
        '    """A docstring is fine."""\n'
        '    label.setText("Class mastery")\n'
        '    label.setToolTip(tr("Shown in the language chosen"))\n'
        '    label.setObjectName("heatmap_table")\n'
        '    label.setWindowTitle(f"Student {name}")\n'
        '    label.setText(tr(f"Hello {name}"))\n'
        '    label.setAccessibleName("Offline")  # notr\n'
        '    label.setText("Saved")\n'
        'TITLE = tr("At import")\n', encoding="utf-8")
    global UI
    saved, UI = UI, tmp_path
    try:
        found = untranslated(sample)
    finally:
        UI = saved
    assert any(":4:" in p and "Class mastery" in p for p in found)
    assert any(":7:" in p and "Student" in p for p in found)
    assert any(":8:" in p and "plain string literal" in p for p in found)
    assert any(":10:" in p and "Saved" in p for p in found)
    assert any(":11:" in p and "import time" in p for p in found)
    assert not any(":5:" in p or ":6:" in p or ":9:" in p for p in found), found


def _messages(ts: Path) -> dict[tuple[str, str | None], ET.Element]:
    root = ET.parse(ts).getroot()
    return {(m.findtext("source"), m.findtext("comment")): m.find("translation")
            for m in root.iter("message")}


def test_spanish_translates_every_string_the_code_has(tmp_path):
    """lupdate over today's ui/ finds no string that the shipped Spanish lacks or leaves unfinished."""
    lupdate = shutil.which("pyside6-lupdate", path=str(Path(sys.executable).parent))
    assert lupdate, "pyside6-lupdate comes with PySide6"
    fresh = tmp_path / "fresh.ts"
    subprocess.run([lupdate, *map(str, sorted(UI.rglob("*.py"))), "-ts", str(fresh)],
                   check=True, capture_output=True)
    wanted = _messages(fresh)
    shipped = _messages(I18N / "plclassroom_es.ts")
    assert len(wanted) > 500
    missing = [source for key, _ in wanted.items() for source in [key[0]]
               if key not in shipped or shipped[key].get("type") in ("unfinished", "vanished", "obsolete")]
    assert not missing, f"{len(missing)} strings have no Spanish yet (scripts/translations.py): {missing[:20]}"
    for key, translation in shipped.items():
        if translation.get("type") in ("vanished", "obsolete"):
            continue
        texts = [f.text or "" for f in translation.iter("numerusform")] or [translation.text or ""]
        for text in texts:
            for placeholder in re.findall(r"\{\w*\}|%n", key[0]):
                assert placeholder in text, f"Spanish for {key[0]!r} lost {placeholder}: {text!r}"


@pytest.mark.parametrize("language", ["es"])
def test_the_shipped_qm_is_compiled_from_the_shipped_ts(tmp_path, language):
    lrelease = shutil.which("pyside6-lrelease", path=str(Path(sys.executable).parent))
    built = tmp_path / f"plclassroom_{language}.qm"
    subprocess.run([lrelease, str(I18N / f"plclassroom_{language}.ts"), "-qm", str(built)],
                   check=True, capture_output=True)
    assert built.read_bytes() == (I18N / f"plclassroom_{language}.qm").read_bytes(), \
        "run scripts/translations.py to compile the .qm"
