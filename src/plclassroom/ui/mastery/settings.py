"""Class > Mastery settings: the calculation method (previewed side by side on the class's own
evidence before choosing), the proficiency scale with its cut-offs and colours, and the
report-card grade conversion."""

from __future__ import annotations

from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QDoubleSpinBox,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from plclassroom.domain.mastery import METHOD_LABELS, Method
from plclassroom.services import mastery
from plclassroom.services.mastery import Level, MasteryError, short_code
from plclassroom.ui.context import AppContext
from plclassroom.ui.i18n import number_text, tr
from plclassroom.ui.mastery.heatmap import text_colour
from plclassroom.ui.mastery.reports import method_label


def parse_grades(text: str) -> list[tuple[float, str]]:
    """ "3.5=A, 2.5=B, 0=C" -> [(3.5, "A"), ...]; raises ValueError with a plain message."""
    grades = []
    for part in filter(None, (p.strip() for p in text.split(","))):
        lowest, _, grade = part.partition("=")
        try:
            grades.append((float(lowest), grade.strip()))
        except ValueError:
            raise ValueError(tr("{part} is not 'lowest score=grade' (for example 2.5=B)").format(
                part=repr(part))) from None
        if not grade.strip():
            raise ValueError(tr("{part} has no grade after '='").format(part=repr(part)))
    return grades


class MasterySettingsDialog(QDialog):
    def __init__(self, context: AppContext, class_id: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context, self.class_id = context, class_id
        self.view = context.call(mastery.class_mastery, class_id)
        self.setWindowTitle(tr("Mastery settings — {title}").format(title=self.view.title))
        self.resize(980, 640)
        tabs = QTabWidget()
        tabs.addTab(self._method_tab(), tr("&Method"))
        tabs.addTab(self._scale_tab(), tr("&Scale and grades"))
        self.message = QLabel()
        self.message.setWordWrap(True)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(tabs, 1)
        layout.addWidget(self.message)
        layout.addWidget(buttons)
        self.preview()

    # -- method -----------------------------------------------------------------------------------

    def _method_tab(self) -> QWidget:
        page = QWidget()
        form = QFormLayout()
        self.method = QComboBox(accessibleName=tr("Calculation method"))
        for method in METHOD_LABELS:
            self.method.addItem(method_label(method), method.value)
        self.method.setCurrentIndex(self.method.findData(self.view.method.value))
        self.n = QSpinBox(accessibleName=tr("N (pieces or times)"), minimum=1, maximum=20)
        self.n.setValue(int(self.view.params.get("n", 3)))
        self.weight = QSpinBox(accessibleName=tr("Weight of the newest piece"), minimum=5, maximum=95,
                               suffix=" %")
        self.weight.setValue(round(float(self.view.params.get("weight", 0.65)) * 100))
        self.competency = QComboBox(accessibleName=tr("Competency to preview"))
        for competency in self.view.competencies:
            self.competency.addItem(f"{short_code(competency.code)}  {competency.statement[:70]}", competency.id)
        form.addRow(tr("Method for this class:"), self.method)
        form.addRow(tr("N (last N, N times):"), self.n)
        form.addRow(tr("Decaying average, newest weighs:"), self.weight)
        form.addRow(tr("Preview on:"), self.competency)
        self.comparison = QTableWidget(accessibleName=tr("Every method side by side"))
        self.comparison.setTabKeyNavigation(False)  # arrows move in the table, Tab leaves it (no keyboard trap)
        self.comparison.verticalHeader().setDefaultSectionSize(22)
        self.comparison.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        for widget in (self.n, self.weight):
            widget.valueChanged.connect(lambda _v: self.preview())
        self.competency.currentIndexChanged.connect(lambda _i: self.preview())
        layout = QVBoxLayout(page)
        layout.addLayout(form)
        layout.addWidget(QLabel(tr("Every method on this class's own evidence (the chosen one in bold). "
                                   "The last row counts who has reached mastery.")))
        layout.addWidget(self.comparison, 1)
        return page

    def params(self) -> dict:
        return {"n": self.n.value(), "weight": self.weight.value() / 100}

    def preview(self) -> None:
        competency_id = self.competency.currentData()
        compared = self.context.call(mastery.compare_methods, self.class_id, self.params())
        methods = list(Method)
        students = self.view.students
        table = self.comparison
        table.clear()
        table.setColumnCount(len(methods))
        table.setRowCount(len(students) + 1)
        table.setHorizontalHeaderLabels([method_label(m) for m in methods])
        table.setVerticalHeaderLabels([s.name for s in students] + [tr("Reached mastery")])
        for column, method in enumerate(methods):
            view = compared[method]
            reached = 0
            for row, student in enumerate(students):
                cell = view.cell(student.id, competency_id) if competency_id else None
                item = QTableWidgetItem("—" if cell is None or cell.result.score is None else
                                        number_text(cell.result.score, 2))
                if cell is not None and cell.result.score is not None:
                    level = view.scale.level_for(cell.result.score)
                    item.setBackground(QBrush(QColor(level.color)))
                    item.setForeground(QBrush(text_colour(level.color)))
                    item.setToolTip(f"{level.label}: {cell.result.formula}")
                    reached += view.scale.is_mastery(cell.result.score)
                table.setItem(row, column, item)
            reached_text = tr("{reached} of {total}").format(reached=reached, total=len(students))
            table.setItem(len(students), column, QTableWidgetItem(reached_text))
        chosen = methods.index(Method(self.method.currentData()))
        font = table.horizontalHeaderItem(chosen).font()
        font.setBold(True)
        table.horizontalHeaderItem(chosen).setFont(font)
        table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)

    # -- scale ------------------------------------------------------------------------------------

    def _scale_tab(self) -> QWidget:
        page = QWidget()
        scale = self.view.scale
        self.scale_name = QLineEdit(scale.name, accessibleName=tr("Scale name"))
        self.levels = QTableWidget(0, 4, accessibleName=tr("Levels"))
        self.levels.setTabKeyNavigation(False)  # arrows move in the table, Tab leaves it (no keyboard trap)
        self.levels.setHorizontalHeaderLabels([tr("Level"), tr("Counts from (cut-off)"), tr("Label"),
                                               tr("Colour")])
        self.levels.horizontalHeader().setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        for level in scale.levels:
            self._add_level_row(level)
        add = QPushButton(tr("Add level"))
        remove = QPushButton(tr("Remove level"))
        add.clicked.connect(lambda: self._add_level_row(Level(0, 0, "", "#bbbbbb")))
        remove.clicked.connect(lambda: self.levels.removeRow(self.levels.currentRow()))
        self.mastery_score = QDoubleSpinBox(decimals=1, singleStep=0.5, minimum=0, maximum=100,
                                            accessibleName=tr("Mastery from level"))
        self.mastery_score.setValue(scale.mastery_score)
        self.grades = QLineEdit(", ".join(f"{lowest:g}={grade}" for lowest, grade in scale.grades),
                                placeholderText=tr("lowest score=grade, e.g. 3.5=A, 2.5=B, 1.5=C, 0=D "
                                                   "(optional)"),
                                accessibleName=tr("Report-card grades"))
        form = QFormLayout()
        form.addRow(tr("Scale name:"), self.scale_name)
        form.addRow(tr("Mastery from level:"), self.mastery_score)
        form.addRow(tr("Report-card grades:"), self.grades)
        buttons = QHBoxLayout()
        buttons.addWidget(add)
        buttons.addWidget(remove)
        buttons.addStretch(1)
        layout = QVBoxLayout(page)
        layout.addLayout(form)
        layout.addWidget(QLabel(tr("A calculated score at or above a level's cut-off reads as that level "
                                   "(e.g. 2.5 and up reads as Proficient). Grades show beside the level, never "
                                   "instead of it. Saving gives this class its own scale; other classes keep "
                                   "theirs.")))
        layout.addWidget(self.levels, 1)
        layout.addLayout(buttons)
        return page

    def _add_level_row(self, level: Level) -> None:
        row = self.levels.rowCount()
        self.levels.insertRow(row)
        for column, value in enumerate((f"{level.score:g}", f"{level.min_score:g}", level.label, level.color)):
            item = QTableWidgetItem(value)
            if column == 3:
                item.setBackground(QBrush(QColor(level.color)))
                item.setForeground(QBrush(text_colour(level.color)))
            self.levels.setItem(row, column, item)

    def scale_levels(self) -> list[Level]:
        levels = []
        for row in range(self.levels.rowCount()):
            cells = [(self.levels.item(row, c).text() if self.levels.item(row, c) else "").strip()
                     for c in range(4)]
            try:
                score, min_score = float(cells[0]), float(cells[1])
            except ValueError:
                raise MasteryError(tr("Level row {row}: the level and its cut-off must be numbers.").format(
                    row=row + 1)) from None
            if not QColor(cells[3]).isValid():
                raise MasteryError(tr("Level row {row}: {value} is not a colour (write it as #RRGGBB).").format(
                    row=row + 1, value=repr(cells[3])))
            levels.append(Level(score, min_score, cells[2], QColor(cells[3]).name()))
        return levels

    def _scale_changed(self, levels: list[Level], grades) -> bool:
        current = self.view.scale
        return (sorted(levels, key=lambda lv: lv.score) != sorted(current.levels, key=lambda lv: lv.score)
                or self.mastery_score.value() != current.mastery_score or grades != current.grades
                or self.scale_name.text().strip() != current.name)

    # -- saving -----------------------------------------------------------------------------------

    def save(self) -> None:
        try:
            levels = self.scale_levels()
            grades = parse_grades(self.grades.text())
            method = Method(self.method.currentData())
            if method != self.view.method or self.params() != {k: self.view.params.get(k) for k in ("n", "weight")}:
                self.context.call(mastery.set_class_method, self.class_id, method, self.params())
            if self._scale_changed(levels, grades):
                self.context.call(mastery.set_class_scale, self.class_id, self.scale_name.text(),
                                  self.mastery_score.value(), levels, grades)
        except (MasteryError, ValueError) as error:
            self.message.setText(str(error))
            return
        self.context.changed.emit("evidence", "")
        self.accept()
