"""Mastery charts and exports on the demo school's first math class: what the charts draw, what the
files hold, and that a failed export leaves nothing half-written.

The images go to $PLCLASSROOM_TEST_ARTIFACTS when it is set (else the test's temporary folder), so
a person can look at them.
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
import types
import zlib
from collections import defaultdict
from datetime import date
from pathlib import Path

import pytest
from PySide6.QtGui import QColor, QImage

from plclassroom.domain.mastery import MasteryResult, Method
from plclassroom.services import mastery, roster
from plclassroom.services.mastery import DEFAULT_SCALE, Cell, ClassMastery, CompetencyColumn, StudentRow
from plclassroom.ui.charts import NO_EVIDENCE_LABEL, mastery_cutoff
from plclassroom.ui.charts.mastery_charts import (
    CORRECTED_GID,
    EVIDENCE_GID,
    LEVEL_GID,
    SEGMENT_GID_PREFIX,
    DistributionChart,
    TrendChart,
)
from plclassroom.ui.mastery import reports

pytestmark = pytest.mark.gui


@pytest.fixture
def artifacts(tmp_path: Path) -> Path:
    folder = Path(os.environ.get("PLCLASSROOM_TEST_ARTIFACTS") or tmp_path)
    folder.mkdir(parents=True, exist_ok=True)
    return folder


@pytest.fixture
def out(tmp_path: Path) -> Path:
    """An empty folder for exports (tmp_path also holds the demo school's database)."""
    folder = tmp_path / "out"
    folder.mkdir()
    return folder


@pytest.fixture
def math(demo_store):
    """The first math class, with a corrected piece and an override on its first student."""
    with demo_store.unit_of_work() as uow:
        section = next(c for c in roster.list_classes(uow) if c.title.startswith("Math 6"))
        view = mastery.class_mastery(uow, section.id)
        student = view.students[0]
        with_evidence = [c for c in view.competencies if view.cell(student.id, c.id)]
        corrected = with_evidence[0]
        history = mastery.student_history(uow, section.id, student.id, corrected.id)
        mastery.correct_evidence(uow, history[-1].evidence_id, score=1.0 if history[-1].score >= 2 else 3.0)
        unassessed = next(c for c in view.competencies if not view.cell(student.id, c.id))
        mastery.set_override(uow, section.id, student.id, unassessed.id, 3.0,
                             "Showed it in the class project (paper, not in the app)")
        view = mastery.class_mastery(uow, section.id)
        histories = {c.id: mastery.student_history(uow, section.id, student.id, c.id) for c in view.competencies}
    return types.SimpleNamespace(view=view, student=student, histories=histories, corrected=corrected,
                                 overridden=unassessed)


def colours_in(image: QImage, step: int = 3) -> set[int]:
    return {image.pixel(x, y) for x in range(0, image.width(), step) for y in range(0, image.height(), step)}


def pdf_text(data: bytes) -> str:
    """The text on a PDF's pages as matplotlib writes it (Type 42 fonts: UTF-16 strings in TJ arrays)."""
    found = []
    for stream in re.finditer(rb"stream\r?\n(.*?)\r?\nendstream", data, re.S):
        try:
            content = zlib.decompress(stream.group(1))
        except zlib.error:
            continue
        for block in re.finditer(rb"BT(.*?)ET", content, re.S):
            strings = re.findall(rb"\(((?:\\.|[^\\)])*)\)", block.group(1), re.S)
            raw = b"".join(re.sub(rb"\\(.)", lambda m: {b"n": b"\n", b"r": b"\r"}.get(m.group(1), m.group(1)), s)
                           for s in strings)
            found.append(raw.decode("utf-16-be", "replace"))
    return "\n".join(found)


# -- the trend chart --------------------------------------------------------------------------------


def test_the_trend_chart_draws_each_piece_once_with_its_level(qtbot, math, artifacts):
    view, points = math.view, math.histories[math.corrected.id]
    chart = TrendChart()
    qtbot.addWidget(chart)
    chart.resize(800, 320)
    chart.plot(points, view.scale, "6.RP.A.1")
    chart.show()
    qtbot.waitExposed(chart)
    chart.save(artifacts / "chart_trend.png")

    lines = chart.axes.get_lines()
    evidence = [line for line in lines if line.get_gid() == EVIDENCE_GID]
    assert sum(len(line.get_ydata()) for line in evidence) == len(points)
    assert sorted(y for line in evidence for y in line.get_ydata()) == sorted(p.score for p in points)
    # One shape per level, and each line's points are all of that level, in its colour.
    assert len({line.get_marker() for line in evidence}) == len(evidence)
    for line in evidence:
        levels = {view.scale.level_for(y).label for y in line.get_ydata()}
        assert len(levels) == 1
        assert line.get_markerfacecolor() == view.scale.level_for(line.get_ydata()[0]).color
    step = next(line for line in lines if line.get_gid() == LEVEL_GID)
    assert list(step.get_ydata()[:len(points)]) == [p.level_after for p in points]
    corrected = next(line for line in lines if line.get_gid() == CORRECTED_GID)
    assert list(corrected.get_ydata()) == [old for p in points for old in p.corrected] != []
    assert any(line.get_linestyle() == "--" and set(line.get_ydata()) == {mastery_cutoff(view.scale)}
               for line in lines)
    labels = [t.get_text() for t in chart.axes.get_yticklabels()]
    assert all(any(level.label in text for text in labels) for level in view.scale.levels)
    assert "mastery" in {t.get_text() for t in chart.axes.texts}
    assert "pieces of evidence" in chart.accessibleDescription()


def test_the_trend_chart_redraws_and_says_when_there_is_no_evidence(qtbot, math):
    chart = TrendChart()
    qtbot.addWidget(chart)
    chart.plot(math.histories[math.corrected.id], math.view.scale, "6.RP.A.1")
    chart.plot([], math.view.scale, "6.RP.A.3c")  # another competency: the first one's points go
    assert "No evidence yet" in {t.get_text() for t in chart.axes.texts}
    assert not [line for line in chart.axes.get_lines() if line.get_gid() == EVIDENCE_GID]


# -- the distribution chart -------------------------------------------------------------------------


def test_the_distribution_chart_stacks_every_student_once_per_competency(qtbot, math, artifacts):
    view = math.view
    chart = DistributionChart()
    qtbot.addWidget(chart)
    chart.resize(900, 480)
    chart.plot(view)
    chart.show()
    qtbot.waitExposed(chart)
    chart.save(artifacts / "chart_distribution.png")

    segments = [p for p in chart.axes.patches if (p.get_gid() or "").startswith(SEGMENT_GID_PREFIX)]
    by_row = defaultdict(list)
    for patch in segments:
        by_row[round(patch.get_y() + patch.get_height() / 2)].append(patch)
    assert sorted(by_row) == list(range(len(view.competencies)))
    for row, competency in enumerate(view.competencies):
        counts = {label or NO_EVIDENCE_LABEL: n for label, n in view.counts(competency.id).items() if n}
        drawn = {p.get_gid().removeprefix(SEGMENT_GID_PREFIX): p.get_width() for p in by_row[row]}
        assert len(by_row[row]) == len(counts)
        assert drawn == counts
        assert sum(drawn.values()) == len(view.students)
    # Never colour alone: each level has its own hatch, and the legend names them all.
    hatch = {p.get_gid(): p.get_hatch() for p in segments}
    assert len(set(hatch.values())) == len(hatch)
    legend = [t.get_text() for t in chart.axes.get_legend().get_texts()]
    assert legend == [level.label for level in view.scale.levels] + [NO_EVIDENCE_LABEL]
    # The counts are written in the segments (some at least: the narrow ones go without).
    assert {t.get_text() for t in chart.axes.texts} & {str(int(p.get_width())) for p in segments}


# -- the exports ------------------------------------------------------------------------------------


def test_the_heatmap_exports_to_pdf_and_to_a_png_that_is_not_blank(math, artifacts, out):
    view = math.view
    pdf = reports.export_heatmap(view, out / "heatmap.pdf")
    png = reports.export_heatmap(view, artifacts / "export_heatmap.png")

    assert pdf.read_bytes().startswith(b"%PDF")
    text = pdf_text(pdf.read_bytes())
    assert view.title in text and view.students[0].name in text
    assert "3.0*" in text  # the override, marked
    image = QImage(str(png))
    assert not image.isNull()
    assert 800 < image.width() < 4000 and 800 < image.height() < 4000
    colours = colours_in(image)
    assert len(colours) > 20
    present = {cell.level.color for cell in view.cells.values() if cell.level}
    assert {QColor(colour).rgb() for colour in present} <= colours  # every level shown, in its colour
    assert [p.name for p in out.iterdir()] == ["heatmap.pdf"]  # no temporary file left behind


def test_a_big_class_heatmap_splits_into_legible_a4_pages():
    scale = DEFAULT_SCALE
    students = [StudentRow(f"s{i}", f"Family{i}, Given") for i in range(35)]
    competencies = [CompetencyColumn(f"c{j}", f"CCSS.Math.Content.6.EE.A.{j}", "", f"6.EE.{j // 8}")
                    for j in range(80)]

    def cell(score: float) -> Cell:
        return Cell(score, scale.level_for(score), 1, MasteryResult(Method.MEAN, score, "mean"))

    cells = {(s.id, c.id): cell((i + j) % 5) for i, s in enumerate(students)
             for j, c in enumerate(competencies) if (i * j) % 3}
    view = ClassMastery("x", "Math 6", scale, Method.MEAN, {}, students, competencies, cells, date(2026, 11, 1))

    pages = reports.heatmap_figures(view, "pdf")
    assert 2 <= len(pages) <= 4
    assert sum(len(page.axes[0].get_xticks()) for page in pages) == 80
    for page in pages:
        assert tuple(page.get_size_inches()) == pytest.approx(reports.A4_LANDSCAPE)
        ax = page.axes[0]
        assert len(ax.get_yticklabels()) == 35  # the whole class on each page
        assert min(t.get_fontsize() for t in ax.texts) >= 5.5
        assert len(ax.texts) == 35 * len(ax.get_xticks())  # a score or a dash in every cell


def test_the_student_report_names_the_student(math, artifacts, out):
    view, student = math.view, math.student
    pdf = reports.export_student_report(view, student.id, math.histories, out / "student_report.pdf")
    png = reports.export_student_report(view, student.id, math.histories, artifacts / "export_student_report.png")

    data = pdf.read_bytes()
    assert data.startswith(b"%PDF")
    assert len(re.findall(rb"/Type\s*/Page\b(?!s)", data)) == 1
    text = pdf_text(data)
    assert student.name in text and view.title in text
    assert "Showed it in the class project" in text  # the override's reason
    image = QImage(str(png))
    assert not image.isNull() and image.height() > image.width() > 1000  # A4 portrait at 150 dpi
    figure = reports.student_report_figure(view, student.id, math.histories)
    with_evidence = [c for c in view.competencies if math.histories[c.id]]
    assert len(figure.axes) == 1 + len(with_evidence)  # the table and a trend per competency with evidence


def test_a_failed_export_leaves_the_earlier_file_alone(math, out, monkeypatch):
    from matplotlib.figure import Figure

    target = out / "heatmap.png"
    target.write_bytes(b"the earlier export")

    def fail(self, handle, **kwargs):
        handle.write(b"half a picture")
        raise OSError("disk full")

    monkeypatch.setattr(Figure, "savefig", fail)
    with pytest.raises(OSError, match="disk full"):
        reports.export_heatmap(math.view, target)
    assert target.read_bytes() == b"the earlier export"
    assert [p.name for p in out.iterdir()] == ["heatmap.png"]


def test_an_export_needs_pdf_or_png(math, out):
    with pytest.raises(reports.ReportError, match=r"\.pdf or \.png"):
        reports.export_heatmap(math.view, out / "heatmap.docx")
    assert not list(out.iterdir())


def test_exports_run_on_the_writer_thread(qtbot, math, out):
    from plclassroom.ui.tasks import run_task

    done, failed = [], []
    run_task(lambda report: reports.export_student_report(math.view, math.student.id, math.histories,
                                                          out / "report.png"),
             done.append, failed.append)
    qtbot.waitUntil(lambda: bool(done or failed), timeout=30000)
    assert not failed, failed
    assert not QImage(str(done[0])).isNull()


def test_importing_the_charts_does_not_import_matplotlib():
    code = ("import sys, plclassroom.ui.charts.mastery_charts, plclassroom.ui.mastery.reports; "
            "print(sorted(m for m in sys.modules if m.startswith('matplotlib')))")
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True,
                            env={**os.environ, "QT_QPA_PLATFORM": "offscreen"})
    assert result.stdout.strip() == "[]"
