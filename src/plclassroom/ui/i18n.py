"""Two languages, by Qt's own translation: every user-visible string in ``ui/`` goes through ``tr``,
``pyside6-lupdate`` collects them into ``resources/i18n/plclassroom_<lang>.ts``, ``pyside6-lrelease``
compiles those to the ``.qm`` files the app loads (``scripts/translations.py`` does both).

The rules, checked by ``tests/ui/test_translatable.py``:
- ``tr("Plain literal")``: lupdate reads the source, so the text is a literal, never an f-string.
  Values go in afterwards: ``tr("Saved {name}").format(name=...)``.
- Plurals: two strings, ``tr("{n} student")`` when n == 1 and ``tr("{n} students")`` otherwise:
  Spanish counts as English does, and English needs no translation file of its own for it.
- Arguments by position only (lupdate reads no keywords): ``tr("Open", "menu")`` for a disambiguation.
- One context for the whole app (free ``tr``, context ""): a string is translated once, wherever
  it stands, and a subclass never looks its text up under another class's name.
- A literal that is not shown to a person (a settings key, a file pattern Qt needs verbatim) says
  so with a trailing ``# notr`` comment on its line.

Dates and numbers go through ``QLocale()`` (``date_text``, ``number_text``…), which ``install`` sets
to the chosen language in the OS's own region, so a Spanish teacher in Mexico sees 06/12/2026.
"""

from __future__ import annotations

from datetime import date, datetime

from PySide6.QtCore import QCoreApplication, QDate, QDateTime, QLibraryInfo, QLocale, QTime, QTranslator

from plclassroom.ui import resources

LANGUAGES = ("en", "es")
_installed: list[QTranslator] = []


def tr(text: str, disambiguation: str | None = None, n: int = -1) -> str:
    return QCoreApplication.translate("", text, disambiguation, n)


def qm_path(language: str):
    return resources.path(f"i18n/plclassroom_{language}.qm")


def locale_for(language: str) -> QLocale:
    """The language chosen in Settings, in the OS's region when the OS speaks it too."""
    system = QLocale.system()
    if QLocale(language).language() == system.language():
        return system
    return QLocale(language)


def install(language: str) -> bool:
    """Make ``language`` the app's: our translations, Qt's own (the standard buttons and dialogs)
    and the locale for dates and numbers. Returns False when its ``.qm`` is missing (then English)."""
    app = QCoreApplication.instance()
    if app is None:
        return False
    for translator in _installed:
        app.removeTranslator(translator)
    _installed.clear()
    language = language if language in LANGUAGES else "en"
    QLocale.setDefault(locale_for(language))
    if language == "en":  # the source text is English
        return True
    ours, qt = QTranslator(app), QTranslator(app)
    loaded = ours.load(str(qm_path(language)))
    if loaded:
        app.installTranslator(ours)
        _installed.append(ours)
    if qt.load(f"qtbase_{language}", QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)):
        app.installTranslator(qt)
        _installed.append(qt)
    return loaded


def date_text(day: date | None, long: bool = False) -> str:
    """A date as this locale writes it: short (06/12/2026) or long (domingo, 6 de diciembre de 2026)."""
    if day is None:
        return ""
    return QLocale().toString(QDate(day.year, day.month, day.day),
                              QLocale.FormatType.LongFormat if long else QLocale.FormatType.ShortFormat)


def date_format_text(day: date, pattern: str) -> str:
    """A date in a Qt pattern ("ddd d MMM"), with this locale's day and month names."""
    return QLocale().toString(QDate(day.year, day.month, day.day), pattern)


def time_text(moment) -> str:
    """A time of day as this locale writes it (14:05, or 2:05 PM)."""
    if moment is None:
        return ""
    return QLocale().toString(QTime(moment.hour, moment.minute), QLocale.FormatType.ShortFormat)


def datetime_text(moment: datetime | None) -> str:
    """A moment in local time, as this locale writes it."""
    if moment is None:
        return ""
    if moment.tzinfo is not None:
        moment = moment.astimezone()
    qt = QDateTime(QDate(moment.year, moment.month, moment.day), QTime(moment.hour, moment.minute))
    return QLocale().toString(qt, QLocale.FormatType.ShortFormat)


def number_text(value: float, decimals: int = -1) -> str:
    """A number with this locale's decimal mark (2,5 in Spanish); whole numbers without decimals."""
    if decimals < 0:
        decimals = 0 if float(value).is_integer() else 2
        text = QLocale().toString(float(value), "f", decimals)
        return text.rstrip("0").rstrip(QLocale().decimalPoint()) if decimals else text
    return QLocale().toString(float(value), "f", decimals)
