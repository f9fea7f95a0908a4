"""Charts drawn with matplotlib: embedded in Qt (``mastery_charts``) or written to files
(``plclassroom.ui.mastery.reports``).

Importing this package does not import matplotlib (it costs most of a second at start-up): the
modules that draw import it when a chart is first made. What lives here is the shared style, plain
Python, so every chart and export says a level the same way, and never by colour alone: each level
also has a hatch pattern (bars, cells) and a marker shape (points), and its label is written out.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from plclassroom.ui.i18n import number_text, tr

if TYPE_CHECKING:
    from plclassroom.services.mastery import Level, Scale

# Per level, highest first (the order of ``Scale.levels``); a scale with more levels wraps round.
HATCHES = ["", "///", "...", "xxx", "\\\\\\", "ooo", "+++"]
MARKERS = ["D", "o", "s", "^", "v", "P", "X"]
NO_EVIDENCE_LABEL = "No evidence"  # notr: the key of the no-evidence band (chart ids); shown as no_evidence_label()
NO_EVIDENCE_COLOR = "#EEEEEE"  # lighter than the default scale's grey "Insufficient evidence"
NO_EVIDENCE_HATCH = "---"
NO_EVIDENCE_TEXT = "\u2014"  # an em dash in a cell with no evidence
EDGE_COLOR = "#333333"
HATCH_COLOR = "#00000066"  # the pattern over a level's colour: dark, half see-through


def no_evidence_label() -> str:
    """The legend's name for the students with no evidence, in the user's language."""
    return tr("No evidence")


def level_index(scale: Scale, level: Level | None) -> int | None:
    """Where a level sits on its scale (0 = highest), matched by label so copies compare equal."""
    if level is None:
        return None
    return next((i for i, lv in enumerate(scale.levels) if lv.label == level.label), None)


def level_hatch(scale: Scale, level: Level | None) -> str:
    index = level_index(scale, level)
    return NO_EVIDENCE_HATCH if index is None else HATCHES[index % len(HATCHES)]


def level_marker(scale: Scale, level: Level | None) -> str:
    index = level_index(scale, level)
    return "x" if index is None else MARKERS[index % len(MARKERS)]


def level_color(level: Level | None) -> str:
    return NO_EVIDENCE_COLOR if level is None else level.color


def mastery_cutoff(scale: Scale) -> float:
    """The score from which a student has mastered a competency: the cut-off of the lowest level at
    or above the scale's mastery level (2.5 on the default scale, where 2.7 reads as Proficient)."""
    cutoffs = [level.min_score for level in scale.levels if level.score >= scale.mastery_score]
    return min(cutoffs) if cutoffs else scale.mastery_score


def _luminance(color: str) -> float:
    """WCAG relative luminance of "#rrggbb" (or "#rrggbbaa", alpha ignored); mid-grey if unreadable."""
    text = color.lstrip("#")
    if len(text) == 3:
        text = "".join(c * 2 for c in text)
    try:
        channels = [int(text[i:i + 2], 16) / 255 for i in (0, 2, 4)]
    except ValueError:
        return 0.2
    linear = [c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
    return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]


def text_color_on(background: str) -> str:
    """Black or white, whichever contrasts more with the background (WCAG contrast ratio)."""
    lum = _luminance(background)
    return "#000000" if (lum + 0.05) / 0.05 >= 1.05 / (lum + 0.05) else "#FFFFFF"


def score_text(score: float | None) -> str:
    return NO_EVIDENCE_TEXT if score is None else number_text(score, 1)
