"""Keep the app's translations up to date (Qt's own tools, which come with PySide6).

    .venv/bin/python scripts/translations.py                 # collect new strings, compile the .qm files
    .venv/bin/python scripts/translations.py --fill es.json  # also take translations from a JSON list

1. ``pyside6-lupdate`` reads every ``tr("...")`` in src/plclassroom/ui into
   resources/i18n/plclassroom_<lang>.ts (strings gone from the code are dropped; translations kept).
2. ``--fill`` takes ``[{"source": "...", "translation": "..."}]`` files (a translator's work, or a
   spreadsheet's) and fills the strings still unfinished in plclassroom_es.ts.
3. ``pyside6-lrelease`` compiles each .ts into the .qm the app loads (ui/i18n.py).
Translators can also open the .ts files in Qt Linguist (``.venv/bin/pyside6-linguist``).
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
UI = ROOT / "src" / "plclassroom" / "ui"
I18N = ROOT / "resources" / "i18n"
LANGUAGES = ("en", "es")  # en: the source text; its .ts is the template a new language starts from
TOOLS = Path(sys.executable).parent


def ts(language: str) -> Path:
    return I18N / f"plclassroom_{language}.ts"


def collect() -> None:
    sources = [str(p) for p in sorted(UI.rglob("*.py"))]
    for language in LANGUAGES:
        subprocess.run([str(TOOLS / "pyside6-lupdate"), *sources, "-no-obsolete", "-locations", "none",
                        "-source-language", "en", "-target-language", language, "-ts", str(ts(language))],
                       check=True, cwd=ROOT)


def fill(language: str, files: list[Path]) -> tuple[int, int]:
    """Fill unfinished messages from the JSON files; returns (filled, still unfinished)."""
    given: dict[str, str] = {}
    for file in files:
        for entry in json.loads(file.read_text(encoding="utf-8")):
            given.setdefault(entry["source"], entry["translation"])
    tree = ET.parse(ts(language))
    filled = left = 0
    for message in tree.getroot().iter("message"):
        translation = message.find("translation")
        if translation.get("type") != "unfinished":
            continue
        text = given.get(message.findtext("source"))
        if text is None:
            left += 1
            continue
        translation.text = text
        del translation.attrib["type"]
        filled += 1
    body = ET.tostring(tree.getroot(), encoding="unicode")
    ts(language).write_text(f'<?xml version="1.0" encoding="utf-8"?>\n<!DOCTYPE TS>\n{body}\n', encoding="utf-8")
    return filled, left


def release() -> None:
    for language in LANGUAGES:
        subprocess.run([str(TOOLS / "pyside6-lrelease"), str(ts(language)), "-qm",
                        str(I18N / f"plclassroom_{language}.qm")], check=True, capture_output=True)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--fill", nargs="*", type=Path, default=[], help="JSON files of Spanish translations")
    args = parser.parse_args()
    collect()
    if args.fill:
        filled, left = fill("es", args.fill)
        print(f"filled {filled} Spanish strings; {left} still unfinished")
    release()
    return 0


if __name__ == "__main__":
    sys.exit(main())
