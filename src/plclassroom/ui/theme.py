"""How the app looks: the one place that applies a theme and the text size.

Themes (Edit > Settings): "system" follows the OS (dark when it is dark, high contrast when the OS
asks for more contrast, and it changes with the OS while the app runs); "light", "dark" and
"high-contrast" are fixed. Each is a palette (what every Qt widget draws with) plus the style sheets
in resources/styles/: ``app.qss`` for every theme and ``<theme>.qss`` on top. Dark and high contrast
use Qt's Fusion style, which draws from the palette alike on every platform; light keeps the
platform's own style.

Text size follows the OS's font; View > Larger/Smaller text scales it for this laptop (kept in
QSettings), and every size in the style sheets is in points, so it scales too.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QFont, QGuiApplication, QPalette
from PySide6.QtWidgets import QApplication

from plclassroom.ui import resources, settings

LIGHT, DARK, HIGH_CONTRAST = "light", "dark", "high-contrast"
TEXT_SCALES = (80, 90, 100, 115, 130, 150, 175, 200)  # per cent of the OS's font size

_state: dict = {"chosen": "system", "native_style": None, "os_font": None, "hooked": False}


def os_asks_for_high_contrast() -> bool:
    hints = QGuiApplication.styleHints()
    accessibility = getattr(hints, "accessibility", None)  # Qt 6.10+
    if accessibility is None:
        return False
    return accessibility().contrastPreference() == Qt.ContrastPreference.HighContrast


def os_prefers_dark() -> bool:
    return QGuiApplication.styleHints().colorScheme() == Qt.ColorScheme.Dark


def effective(theme: str) -> str:
    """The theme that ``theme`` means now: "system" resolved against what the OS says."""
    if theme in (LIGHT, DARK, HIGH_CONTRAST):
        return theme
    if os_asks_for_high_contrast():
        return HIGH_CONTRAST
    return DARK if os_prefers_dark() else LIGHT


def _palette(theme: str, native: QPalette) -> QPalette:
    if theme == LIGHT:
        return native
    colours = {  # role: (dark, high contrast)
        QPalette.ColorRole.Window: ("#2b2b2b", "#000000"),
        QPalette.ColorRole.WindowText: ("#eeeeee", "#ffffff"),
        QPalette.ColorRole.Base: ("#1e1e1e", "#000000"),
        QPalette.ColorRole.AlternateBase: ("#323232", "#1a1a1a"),
        QPalette.ColorRole.Text: ("#eeeeee", "#ffffff"),
        QPalette.ColorRole.Button: ("#3a3a3a", "#000000"),
        QPalette.ColorRole.ButtonText: ("#eeeeee", "#ffffff"),
        QPalette.ColorRole.BrightText: ("#ff6b6b", "#ffff00"),
        QPalette.ColorRole.Highlight: ("#3d7bd9", "#ffff00"),
        QPalette.ColorRole.HighlightedText: ("#ffffff", "#000000"),
        QPalette.ColorRole.ToolTipBase: ("#3a3a3a", "#000000"),
        QPalette.ColorRole.ToolTipText: ("#eeeeee", "#ffffff"),
        QPalette.ColorRole.PlaceholderText: ("#a0a0a0", "#c8c8c8"),
        QPalette.ColorRole.Link: ("#8ab4f8", "#00ffff"),
        QPalette.ColorRole.LinkVisited: ("#c58af9", "#ff80ff"),
        QPalette.ColorRole.Mid: ("#555555", "#ffffff"),
        QPalette.ColorRole.Dark: ("#1a1a1a", "#ffffff"),
        QPalette.ColorRole.Light: ("#505050", "#ffffff"),
    }
    palette = QPalette()
    column = 0 if theme == DARK else 1
    for role, pair in colours.items():
        palette.setColor(role, QColor(pair[column]))
    disabled = QColor("#7a7a7a" if theme == DARK else "#b0b0b0")
    for role in (QPalette.ColorRole.WindowText, QPalette.ColorRole.Text, QPalette.ColorRole.ButtonText):
        palette.setColor(QPalette.ColorGroup.Disabled, role, disabled)
    return palette


def style_sheet(theme: str) -> str:
    sheet = resources.path("styles/app.qss").read_text(encoding="utf-8")
    extra = resources.path(f"styles/{theme}.qss")
    return sheet + ("\n" + extra.read_text(encoding="utf-8") if extra.is_file() else "")


def apply(theme: str | None = None) -> str:
    """Apply ``theme`` (None: the one chosen in Settings) to the whole app; returns what it resolved to."""
    app = QApplication.instance()
    if app is None:
        return LIGHT
    if _state["native_style"] is None:
        _state["native_style"] = app.style().name()
        _state["native_palette"] = QPalette(app.palette())
    _hook_os_changes(app)
    _state["chosen"] = theme if theme is not None else settings.preferences().theme
    resolved = effective(_state["chosen"])
    if app.property("plclassroom_theme") == resolved:
        return resolved  # already so: restyling every window again would only cost time
    app.setStyle("Fusion" if resolved != LIGHT else _state["native_style"])
    app.setPalette(_palette(resolved, _state["native_palette"]))
    app.setStyleSheet(style_sheet(resolved))
    app.setProperty("plclassroom_theme", resolved)
    return resolved


def current() -> str:
    app = QApplication.instance()
    return (app.property("plclassroom_theme") if app is not None else None) or LIGHT


def _hook_os_changes(app: QApplication) -> None:
    """While "system" is chosen, follow the OS when it switches to dark or to high contrast."""
    if _state["hooked"]:
        return
    _state["hooked"] = True
    hints = app.styleHints()

    def follow(*_args) -> None:
        if _state["chosen"] == "system":
            apply("system")

    hints.colorSchemeChanged.connect(follow)
    accessibility = getattr(hints, "accessibility", None)
    if accessibility is not None and hasattr(accessibility(), "contrastPreferenceChanged"):
        accessibility().contrastPreferenceChanged.connect(follow)


# -- Text size ----------------------------------------------------------------------------------


def apply_text_scale(percent: int | None = None) -> int:
    """Scale the app's font to ``percent`` of the OS's (None: the saved choice); returns it."""
    app = QApplication.instance()
    if app is None:
        return 100
    if _state["os_font"] is None:
        _state["os_font"] = QFont(app.font())
    percent = settings.text_scale() if percent is None else percent
    percent = min(TEXT_SCALES, key=lambda s: abs(s - percent))
    font = QFont(_state["os_font"])
    size = font.pointSizeF()
    if size > 0:
        font.setPointSizeF(size * percent / 100)
    settings.set_text_scale(percent)
    if app.font() == font:
        return percent
    app.setFont(font)
    app.setStyleSheet(app.styleSheet())  # a style sheet holds the fonts it resolved: make it look again
    return percent


def step_text_scale(steps: int) -> int:
    """One step larger (+1) or smaller (-1) than now; 0: back to the OS's size."""
    if steps == 0:
        return apply_text_scale(100)
    now = TEXT_SCALES.index(min(TEXT_SCALES, key=lambda s: abs(s - settings.text_scale())))
    return apply_text_scale(TEXT_SCALES[max(0, min(len(TEXT_SCALES) - 1, now + steps))])
