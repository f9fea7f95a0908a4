"""Mastery charts in Qt: a student's trend on one competency, and the class's spread of levels.

Each widget holds a matplotlib canvas (FigureCanvasQTAgg) and redraws on ``plot(...)``. The
drawing itself is in ``draw_trend`` / ``draw_distribution``, which take any matplotlib Axes, so the
printed reports (``plclassroom.ui.mastery.reports``) draw the same charts without a display.

matplotlib is imported when the first chart is made, not when this module is imported: the app's
windows can import the chart classes at start-up for free.
"""

from __future__ import annotations

from datetime import timedelta
from typing import TYPE_CHECKING

from PySide6.QtWidgets import QSizePolicy, QVBoxLayout, QWidget

from plclassroom.services.mastery import short_code
from plclassroom.ui.charts import (
    EDGE_COLOR,
    HATCH_COLOR,
    NO_EVIDENCE_COLOR,
    NO_EVIDENCE_HATCH,
    NO_EVIDENCE_LABEL,
    level_hatch,
    level_marker,
    mastery_cutoff,
    no_evidence_label,
)
from plclassroom.ui.i18n import date_text, number_text, tr

if TYPE_CHECKING:
    from matplotlib.axes import Axes

    from plclassroom.services.mastery import ClassMastery, HistoryPoint, Scale

EVIDENCE_GID = "evidence"  # the evidence points (one Line2D per level), for tests and tools
LEVEL_GID = "calculated-level"
CORRECTED_GID = "corrected"
SEGMENT_GID_PREFIX = "segment:"  # + the level's label, or NO_EVIDENCE_LABEL


# -- drawing on any Axes -----------------------------------------------------------------------------


def soften_hatch(patch) -> None:
    """Draw a patch's hatch in half-transparent black, so the level's colour still shows through
    (matplotlib 3.10 and later; earlier, the hatch takes the edge colour)."""
    if hasattr(patch, "set_hatchcolor"):
        patch.set_hatchcolor(HATCH_COLOR)


def _abbreviate(text: str, width: int) -> str:
    return text if len(text) <= width else text[:width - 1].rstrip() + "\u2026"


def draw_trend(ax: Axes, points: list[HistoryPoint], scale: Scale, title: str, *, compact: bool = False) -> None:
    """A student's evidence on one competency over time: the pieces (colour AND marker shape by
    level), the calculated level after each piece as a step line, the mastery line (at the cut-off
    from which a score counts as mastered), and the earlier value of a corrected piece as an open
    marker. ``compact``: small multiples, without a legend (the page has one)."""
    import matplotlib.dates as mdates
    from matplotlib.lines import Line2D

    ax.clear()
    small = "x-small" if compact else "small"
    ax.set_title(title, loc="left", fontsize="small" if compact else "medium")
    levels = sorted(scale.levels, key=lambda lv: lv.score)
    ax.set_ylim(scale.bottom - 0.35, scale.top + 0.35)
    ax.set_yticks([lv.score for lv in levels],
                  labels=[_abbreviate(lv.label, 12) if compact else f"{lv.label} ({number_text(lv.score)})"
                          for lv in levels],
                  fontsize=small)
    ax.grid(axis="y", color="#DDDDDD", linewidth=0.6)
    ax.set_axisbelow(True)
    cutoff = mastery_cutoff(scale)
    ax.axhline(cutoff, linestyle="--", color="#444444", linewidth=1, zorder=1)
    ax.annotate(tr("mastery"), xy=(0, cutoff), xycoords=("axes fraction", "data"),  # notr
                xytext=(3, 2), textcoords="offset points", ha="left", va="bottom", fontsize=small,  # notr
                color="#444444")
    for side in ("top", "right"):
        ax.spines[side].set_visible(False)
    if not points:
        ax.set_xticks([])
        ax.text(0.5, 0.5, tr("No evidence yet"), transform=ax.transAxes, ha="center", va="center",
                fontsize=small, color="#555555")
        return

    dates = [p.observed_on for p in points]
    first, last = min(dates), max(dates)
    pad = max(timedelta(days=3), (last - first) * 0.06)
    steps = [(p.observed_on, p.level_after) for p in points if p.level_after is not None]
    if steps:
        # The level holds after the last piece: the line runs on to the right edge.
        steps.append((last + pad, steps[-1][1]))
        ax.step([d for d, _ in steps], [v for _, v in steps], where="post", color="#222222", linewidth=1.4,
                zorder=2, gid=LEVEL_GID)
    old_x, old_y = [], []
    for point in points:
        for earlier in point.corrected:
            old_x.append(point.observed_on)
            old_y.append(earlier)
            ax.plot([point.observed_on, point.observed_on], [earlier, point.score], linestyle=":",
                    color="#555555", linewidth=1, zorder=2)
    if old_x:
        ax.plot(old_x, old_y, linestyle="none", marker="o", markersize=8 if not compact else 5,
                markerfacecolor="none", markeredgecolor="#222222", markeredgewidth=1.2, zorder=3,
                gid=CORRECTED_GID)
    size = 5 if compact else 8
    shown = []
    for level in scale.levels:
        mine = [p for p in points if (found := scale.level_for(p.score)) and found.label == level.label]
        if not mine:
            continue
        shown.append(level)
        ax.plot([p.observed_on for p in mine], [p.score for p in mine], linestyle="none",
                marker=level_marker(scale, level), markersize=size, markerfacecolor=level.color,
                markeredgecolor="#000000", markeredgewidth=0.8, zorder=4, gid=EVIDENCE_GID)

    ax.set_xlim(first - pad, last + pad)
    locator = mdates.AutoDateLocator(minticks=2, maxticks=4 if compact else 7)
    ax.xaxis.set_major_locator(locator)
    ax.xaxis.set_major_formatter(mdates.ConciseDateFormatter(locator))
    ax.tick_params(axis="x", labelsize=small)
    ax.xaxis.get_offset_text().set_fontsize(small)

    handles = [Line2D([], [], linestyle="none", marker=level_marker(scale, lv), markersize=size,
                      markerfacecolor=lv.color, markeredgecolor="#000000", label=lv.label) for lv in shown]
    if steps:
        handles.append(Line2D([], [], color="#222222", linewidth=1.4, label=tr("calculated level")))
    if old_x:
        handles.append(Line2D([], [], linestyle="none", marker="o", markerfacecolor="none",
                              markeredgecolor="#222222", label=tr("before correction")))
    if compact:
        return  # small multiples: the page carries one legend
    ax.legend(handles=handles, loc="upper left", bbox_to_anchor=(1.01, 1.0), fontsize=small, frameon=False,  # notr
              borderaxespad=0)


def draw_distribution(ax: Axes, view: ClassMastery, *, legend: bool = True) -> None:
    """One horizontal stacked bar per competency: how many students are at each level, highest on
    the left and "No evidence" last; colour AND hatch per level, the count written in each segment
    wide enough to hold it."""
    from matplotlib.patches import Patch

    ax.clear()
    students = len(view.students)
    scale = view.scale
    competencies = view.competencies
    ax.set_title(tr("{title}: students at each level").format(title=view.title), loc="left", fontsize="medium",
                 wrap=True)
    for side in ("top", "right"):
        ax.spines[side].set_visible(False)
    if not competencies or not students:
        ax.set_xticks([])
        ax.set_yticks([])
        ax.text(0.5, 0.5, tr("No competencies in this class yet") if not competencies else tr("No students yet"),
                transform=ax.transAxes, ha="center", va="center", color="#555555")
        return
    counts = [view.counts(c.id) for c in competencies]
    # A count goes in a segment at least ~0.2 in wide (the bars take about 3/4 of the figure's width).
    room = 0.2 / (0.72 * ax.figure.get_figwidth())
    left = [0] * len(competencies)
    # (the band's id, its name in the legend, colour, hatch)
    bands = [(level.label, level.label, level.color, level_hatch(scale, level)) for level in scale.levels]
    bands.append((NO_EVIDENCE_LABEL, no_evidence_label(), NO_EVIDENCE_COLOR, NO_EVIDENCE_HATCH))
    for label, _name, color, hatch in bands:
        key = "" if label == NO_EVIDENCE_LABEL else label
        rows = [(row, count[key]) for row, count in enumerate(counts) if count.get(key)]
        if not rows:
            continue
        bars = ax.barh([row for row, _ in rows], [width for _, width in rows], left=[left[row] for row, _ in rows],
                       height=0.72, color=color, hatch=hatch, edgecolor=EDGE_COLOR, linewidth=0.6, zorder=2)
        for bar, (row, width) in zip(bars, rows, strict=True):
            bar.set_gid(SEGMENT_GID_PREFIX + label)
            soften_hatch(bar)
            if width / students >= room:
                ax.text(left[row] + width / 2, row, str(width), ha="center", va="center", fontsize="small",
                        color="#000000", zorder=3,
                        bbox={"boxstyle": "round,pad=0.15", "facecolor": "white", "edgecolor": "none",
                              "alpha": 0.85})
            left[row] += width
    mastered = [sum(1 for s in view.students if view.mastered(view.cell(s.id, c.id))) for c in competencies]
    ax.set_yticks(range(len(competencies)),
                  labels=[tr("{code} · {mastered}/{students} mastered").format(
                      code=short_code(c.code), mastered=m, students=students)
                          for c, m in zip(competencies, mastered, strict=True)],
                  fontsize="small")
    ax.set_ylim(len(competencies) - 0.5, -0.5)  # the first competency on top
    ax.set_xlim(0, students)
    ax.set_xlabel(tr("students"), fontsize="small")
    ax.tick_params(axis="x", labelsize="small")
    ax.grid(axis="x", color="#DDDDDD", linewidth=0.6)
    ax.set_axisbelow(True)
    if legend:
        handles = [Patch(facecolor=color, hatch=hatch, edgecolor=EDGE_COLOR, linewidth=0.6, label=name)
                   for _label, name, color, hatch in bands]
        for handle in handles:
            soften_hatch(handle)
        ax.legend(handles=handles, loc="upper center", bbox_to_anchor=(0.5, -0.12), ncol=3,  # notr
                  fontsize="small", frameon=False, handlelength=2.2, handleheight=1.2)


def trend_summary(points: list[HistoryPoint], scale: Scale, title: str) -> str:
    """The chart in words, for screen readers."""
    if not points:
        return tr("{title}: no evidence yet.").format(title=title)
    last = points[-1]
    now = scale.level_for(last.level_after)
    level = (f"{now.label} ({number_text(last.level_after, 1)})" if now and last.level_after is not None
             else tr("no level"))
    said = (tr("{title}: {n} piece of evidence from {start} to {end}; calculated level now {level}; mastery "
               "from {cutoff}.") if len(points) == 1 else
            tr("{title}: {n} pieces of evidence from {start} to {end}; calculated level now {level}; mastery "
               "from {cutoff}."))
    return said.format(title=title, n=len(points), start=date_text(points[0].observed_on),
                       end=date_text(last.observed_on), level=level, cutoff=number_text(mastery_cutoff(scale)))


def distribution_summary(view: ClassMastery) -> str:
    parts = []
    for competency in view.competencies:
        counts = view.counts(competency.id)
        levels = ", ".join(f"{counts[lv.label]} {lv.label}" for lv in view.scale.levels if counts.get(lv.label))
        parts.append(tr("{code}: {levels}; {n} with no evidence").format(
            code=short_code(competency.code), levels=levels or tr("none assessed"), n=counts.get("", 0)))
    return f"{view.title}. " + ". ".join(parts)


# -- the Qt widgets --------------------------------------------------------------------------------


class _Chart(QWidget):
    def __init__(self, parent: QWidget | None = None, size: tuple[float, float] = (6.4, 3.2)) -> None:
        super().__init__(parent)
        from matplotlib.backends.backend_qtagg import FigureCanvasQTAgg
        from matplotlib.figure import Figure

        self.figure = Figure(figsize=size, layout="constrained")
        self.canvas = FigureCanvasQTAgg(self.figure)
        self.canvas.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.canvas)

    @property
    def axes(self) -> Axes:
        return self.figure.axes[0] if self.figure.axes else self.figure.add_subplot()

    def save(self, path, dpi: int = 150) -> None:
        """The chart as it is now, to a PNG (or any format matplotlib knows by the suffix)."""
        self.figure.savefig(path, dpi=dpi)


class TrendChart(_Chart):
    """A student's trend on one competency."""

    def plot(self, points: list[HistoryPoint], scale: Scale, title: str) -> None:
        draw_trend(self.axes, points, scale, title)
        self.setAccessibleName(tr("Trend: {title}").format(title=title))
        self.setAccessibleDescription(trend_summary(points, scale, title))
        self.canvas.draw_idle()


class DistributionChart(_Chart):
    """The class's spread of levels, one stacked bar per competency."""

    def plot(self, view: ClassMastery) -> None:
        rows = max(len(view.competencies), 1)
        # Each bar keeps its height: a big framework makes a tall chart, for a scroll area to hold.
        height = 1.5 + 0.38 * rows
        self.setMinimumHeight(int(height * 72))
        draw_distribution(self.axes, view)
        self.setAccessibleName(tr("Levels in {title}").format(title=view.title))
        self.setAccessibleDescription(distribution_summary(view))
        self.canvas.draw_idle()
