"""The "Rotations" tab: plan a class's station rotations for a day or a week.

Top: the plan and the day. Left: the stations (edited in place; saved as a set to reuse). Middle:
the groups, one column each, built by the solver from the latest mastery and the rules, adjusted
by dragging a student from column to column (or "Move to" from the keyboard), each move undoable,
the rules re-checked after every move. Bottom: who is at which station in each block of the day
(double-click a cell to send another group there: the two swap). From here the teacher prints the
cards, signs and plan, and opens the full-screen board.
"""

from __future__ import annotations

from datetime import date, time, timedelta

from PySide6.QtCore import QDate, Qt, QTime
from PySide6.QtGui import QBrush, QColor, QDropEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QInputDialog,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMenu,
    QPushButton,
    QScrollArea,
    QSpinBox,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QTimeEdit,
    QVBoxLayout,
    QWidget,
)

from plclassroom.domain import StationKind
from plclassroom.services import mastery, playlists, rotations
from plclassroom.services.mastery import short_code
from plclassroom.services.rotations import DayPlan, GroupingReport
from plclassroom.ui.charts import text_color_on
from plclassroom.ui.context import AppContext
from plclassroom.ui.i18n import date_format_text, number_text, tr
from plclassroom.ui.undo import Change

STATION_FIELDS = ["name", "kind", "adult", "capacity", "devices", "activity", "playlist_id", "required"]
STUDENT = Qt.ItemDataRole.UserRole
# Qt date patterns: the day and month names come in the teacher's language (i18n.date_format_text).
SHORT_DAY = "ddd dd MMM"  # notr
LONG_DAY = "dddd dd MMMM"  # notr


def modes() -> list[tuple[str, str]]:
    """The grouping modes: (the value the solver takes, what the teacher reads)."""
    return [("homogeneous", tr("Similar levels together (for teacher-led work)")),
            ("heterogeneous", tr("A mix of levels in every group (for collaboration)"))]


def station_columns() -> list[str]:
    """The stations table's headers, one for each of STATION_FIELDS."""
    return [tr("Station"), tr("Kind"), tr("Adult"), tr("Capacity"), tr("Devices"), tr("Activity"),
            tr("Playlist"), tr("Required")]


def choice_text(value: str) -> str:
    """A station's kind, its adult or yes/no (and the history's "with the teacher"), as the teacher reads it;
    the stored value stays English."""
    return {
        StationKind.TEACHER_LED.value: tr("teacher-led"),
        StationKind.ONLINE.value: tr("independent online"),
        StationKind.OFFLINE.value: tr("independent practice"),
        StationKind.COLLABORATIVE.value: tr("collaborative"),
        StationKind.PROJECT.value: tr("project"),
        StationKind.ASSESSMENT.value: tr("assessment"),
        rotations.WITH_TEACHER: tr("with the teacher"),
        "teacher": tr("teacher"),
        "aide": tr("aide"),
        "none": tr("none"),
        "yes": tr("yes"),
        "no": tr("no"),
    }.get(value, value)


def _station_change_text(field: str) -> str:
    """The undo step's name for a change to one of a station's fields."""
    return {
        "name": tr("Change station name"),
        "kind": tr("Change station kind"),
        "adult": tr("Change station adult"),
        "capacity": tr("Change station capacity"),
        "devices": tr("Change station devices"),
        "activity": tr("Change station activity"),
        "playlist_id": tr("Change station playlist"),
        "required": tr("Change station required"),
    }[field]


class GroupList(QListWidget):
    """One group's members. Dropping a student here moves them into this group through the panel
    (a service call with undo), not through Qt's own item move."""

    def __init__(self, panel: RotationsPanel, group_id: str, name: str) -> None:
        super().__init__()
        self.panel, self.group_id = panel, group_id
        self.setAccessibleName(tr("Members of {group}").format(group=name))
        self.setDragDropMode(QAbstractItemView.DragDropMode.DragDrop)
        self.setDefaultDropAction(Qt.DropAction.MoveAction)
        self.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.customContextMenuRequested.connect(self._menu)

    def dropEvent(self, event: QDropEvent) -> None:
        source = event.source()
        if not isinstance(source, GroupList) or source is self:
            event.ignore()
            return
        students = [item.data(STUDENT) for item in source.selectedItems()]
        event.setDropAction(Qt.DropAction.IgnoreAction)  # the panel reloads the lists itself
        event.accept()
        self.panel.move_students(students, self.group_id)

    def _menu(self, point) -> None:
        students = [item.data(STUDENT) for item in self.selectedItems()]
        if not students:
            return
        menu = QMenu(self)
        for group in self.panel.groups:
            if group.id != self.group_id:
                menu.addAction(tr("Move to {group}").format(group=group.name),
                               lambda gid=group.id: self.panel.move_students(students, gid))
        menu.exec(self.viewport().mapToGlobal(point))


class RotationsPanel(QWidget):
    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.class_id: str | None = None
        self.plan: rotations.PlanView | None = None
        self.groups: list[rotations.GroupView] = []
        self.day_view: DayPlan | None = None
        self.report: GroupingReport | None = None
        self.board = None

        self.plan_box = QComboBox(accessibleName=tr("Rotation plan"))
        self.day_box = QComboBox(accessibleName=tr("Day"))
        buttons = {}
        top = QHBoxLayout()
        top.addWidget(QLabel(tr("Plan:")))
        top.addWidget(self.plan_box, 2)
        top.addWidget(QLabel(tr("Day:")))
        top.addWidget(self.day_box, 1)
        actions = QHBoxLayout()
        for key, text, slot in (("new", tr("New plan…"), lambda: self.new_plan()),
                                ("copy", tr("Copy to next week"), lambda: self.copy_to_next_week()),
                                ("week", tr("Week…"), lambda: self.open_week()),
                                ("history", tr("History…"), lambda: self.open_history()),
                                ("print", tr("Print…"), lambda: self.print_menu()),
                                ("board", tr("Board"), lambda: self.open_board())):
            buttons[key] = QPushButton(text)
            buttons[key].clicked.connect(slot)
            actions.addWidget(buttons[key])
        actions.addStretch(1)
        buttons["board"].setToolTip(tr("The full-screen classroom board for the projector: Space starts"))
        self.timing = QLabel(accessibleName=tr("Timing"))
        self.timing.setWordWrap(True)
        timing_edit = QPushButton(tr("Timing…"))
        timing_edit.clicked.connect(lambda: self.edit_timing())

        # Stations
        self.stations = QTableWidget(0, len(STATION_FIELDS), accessibleName=tr("Stations"))
        self.stations.setHorizontalHeaderLabels(station_columns())
        self.stations.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.stations.horizontalHeader().setSectionResizeMode(5, QHeaderView.ResizeMode.Stretch)
        self.playlists = []
        self.stations.verticalHeader().hide()
        self.stations.setTabKeyNavigation(False)  # arrows move in the table, Tab leaves it (no keyboard trap)
        self.stations.itemChanged.connect(self._station_edited)
        station_buttons = QGridLayout()
        for n, (text, slot) in enumerate(((tr("Add"), lambda: self.add_station()),
                                          (tr("Remove"), lambda: self.remove_station()),
                                          (tr("Save set…"), lambda: self.save_station_set()),
                                          (tr("Use set…"), lambda: self.use_set()))):
            button = QPushButton(text)
            button.clicked.connect(slot)
            station_buttons.addWidget(button, n // 2, n % 2)
        stations_box = QGroupBox(tr("Stations"))
        stations_layout = QVBoxLayout(stations_box)
        timing_line = QHBoxLayout()
        timing_line.addWidget(self.timing, 1)
        timing_line.addWidget(timing_edit)
        stations_layout.addLayout(timing_line)
        stations_layout.addWidget(self.stations, 1)
        stations_layout.addLayout(station_buttons)

        # Groups
        self.competency_box = QComboBox(accessibleName=tr("Group on competency"))
        self.mode_box = QComboBox(accessibleName=tr("Grouping"))
        for box in (self.competency_box, self.mode_box):  # long texts must not widen the window
            box.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
            box.setMinimumContentsLength(14)
        for value, text in modes():
            self.mode_box.addItem(text, value)
        build = QPushButton(tr("Build groups"))
        build.setToolTip(tr("Groups from the latest mastery and your rules, from this day on; "
                            "earlier days keep theirs"))
        build.clicked.connect(lambda: self.build_groups())
        rules = QPushButton(tr("Rules…"))
        rules.clicked.connect(lambda: self.edit_rules())
        absent = QPushButton(tr("Who is away…"))
        absent.clicked.connect(lambda: self.edit_absences())
        group_controls = QFormLayout()
        group_controls.addRow(tr("Group on:"), self.competency_box)
        group_controls.addRow(tr("Make:"), self.mode_box)
        group_buttons = QHBoxLayout()
        group_buttons.addWidget(rules)
        group_buttons.addWidget(absent)
        group_buttons.addStretch(1)
        group_buttons.addWidget(build)
        self.group_area = QWidget()
        self.group_columns = QHBoxLayout(self.group_area)
        self.group_columns.setContentsMargins(0, 0, 0, 0)
        scroll = QScrollArea(accessibleName=tr("Groups"))
        scroll.setWidgetResizable(True)
        scroll.setWidget(self.group_area)
        self.problems = QLabel(accessibleName=tr("Rules not met"))
        self.problems.setWordWrap(True)
        self.summary = QLabel(accessibleName=tr("Grouping result"))
        self.summary.setWordWrap(True)
        groups_box = QGroupBox(tr("Groups"))
        groups_layout = QVBoxLayout(groups_box)
        hint = QLabel(tr("Drag a student to another group, or right-click to move them. Ctrl+Z undoes."))
        hint.setWordWrap(True)
        groups_layout.addWidget(hint)
        groups_layout.addLayout(group_controls)
        groups_layout.addLayout(group_buttons)
        groups_layout.addWidget(scroll, 1)
        groups_layout.addWidget(self.summary)
        groups_layout.addWidget(self.problems)

        # Schedule
        self.schedule = QTableWidget(0, 0, accessibleName=tr("Who is where in each block"))
        self.schedule.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.schedule.setTabKeyNavigation(False)  # arrows move in the table, Tab leaves it (no keyboard trap)
        # Activated: a double-click, or Enter on the current cell (the keyboard's way).
        self.schedule.activated.connect(lambda index: self.change_cell(index.row(), index.column()))
        self.schedule.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.skips = QLabel()
        self.skips.setWordWrap(True)
        schedule_box = QGroupBox(tr("The day: who is where"))
        self.schedule.setToolTip(tr("Double-click a cell, or press Enter on it, to send another group there: the "
                                    "two groups swap"))
        schedule_layout = QVBoxLayout(schedule_box)
        schedule_layout.addWidget(self.schedule, 1)
        schedule_layout.addWidget(self.skips)

        upper = QSplitter()
        upper.addWidget(stations_box)
        upper.addWidget(groups_box)
        upper.setSizes([400, 700])
        body = QSplitter(Qt.Orientation.Vertical)
        body.addWidget(upper)
        body.addWidget(schedule_box)
        body.setSizes([480, 240])
        self.empty = QLabel(tr("No rotation plan for this class yet. Press “New plan…” to make one."))
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addLayout(actions)
        layout.addWidget(self.empty)
        layout.addWidget(body, 1)
        self.body = body
        self.plan_box.currentIndexChanged.connect(lambda _i: self._plan_changed())
        self.day_box.currentIndexChanged.connect(lambda _i: self._day_changed())
        context.changed.connect(self._changed)

    # -- loading -------------------------------------------------------------------------------

    def show_class(self, class_id: str | None) -> None:
        self.class_id = class_id
        competencies = self.context.call(mastery.class_mastery, class_id).competencies if class_id else []
        self.competency_box.blockSignals(True)
        self.competency_box.clear()
        self.competency_box.addItem(tr("(no competency: balance sizes only)"), "")
        for competency in competencies:
            self.competency_box.addItem(f"{short_code(competency.code)} — {competency.statement[:60]}", competency.id)
        self.competency_box.blockSignals(False)
        self._load_plans()

    def _load_plans(self, select: str | None = None) -> None:
        current = select or (self.plan.id if self.plan else None)
        found = self.context.call(rotations.list_plans, self.class_id) if self.class_id else []
        self.plan_box.blockSignals(True)
        self.plan_box.clear()
        for plan in found:
            span = date_format_text(plan.start_date, SHORT_DAY) + (
                "" if plan.end_date == plan.start_date else " – " + date_format_text(plan.end_date, SHORT_DAY))
            self.plan_box.addItem(f"{plan.title} ({span})", plan.id)
        self.plan_box.blockSignals(False)
        ids = [p.id for p in found]
        self.plan_box.setCurrentIndex(ids.index(current) if current in ids else (0 if ids else -1))
        self._plan_changed()

    def current_day(self) -> date | None:
        return self.day_box.currentData()

    def _plan_changed(self) -> None:
        plan_id = self.plan_box.currentData()
        self.plan = self.context.call(rotations.get_plan, plan_id) if plan_id else None
        self.empty.setVisible(self.plan is None)
        self.body.setVisible(self.plan is not None)
        previous = self.current_day()
        self.day_box.blockSignals(True)
        self.day_box.clear()
        if self.plan:
            for day in self.plan.days:
                self.day_box.addItem(date_format_text(day, LONG_DAY), day)
            days = self.plan.days
            pick = previous if previous in days else (date.today() if date.today() in days else days[0])
            self.day_box.setCurrentIndex(days.index(pick))
            index = self.competency_box.findData(self.plan.grouping_competency_id or "")
            self.competency_box.setCurrentIndex(max(index, 0))
            self.mode_box.setCurrentIndex(max(self.mode_box.findData(self.plan.rules.get("mode", "homogeneous")), 0))
        self.day_box.blockSignals(False)
        self._fill_stations()
        self._day_changed()

    def _day_changed(self) -> None:
        self._fill_groups()
        self._fill_schedule()

    def _fill_stations(self) -> None:
        table = self.stations
        self.playlists = self.context.call(playlists.list_playlists, self.plan.class_id) if self.plan else []
        table.blockSignals(True)
        table.setRowCount(0)
        plan = self.plan
        if plan:
            start = plan.start_time.strftime("%H:%M") if plan.start_time else tr("no start time")
            self.timing.setText(tr("{count} rotations x {minutes} min, {transition} min to move, "
                                   "in {period} min; {start}").format(
                count=plan.rotation_count, minutes=plan.rotation_minutes, transition=plan.transition_minutes,
                period=plan.period_minutes, start=start))
            for station in plan.stations:
                row = table.rowCount()
                table.insertRow(row)
                values = (station.name, station.kind, station.adult, "" if station.capacity is None else
                          str(station.capacity), str(station.devices), station.activity_text, "",
                          "yes" if station.required else "no")
                for column, value in enumerate(values):
                    cell = QTableWidgetItem(value)
                    cell.setData(STUDENT, station.id)
                    table.setItem(row, column, cell)
                for column, choices in ((1, rotations.KINDS), (2, rotations.ADULTS), (7, ("yes", "no"))):
                    box = QComboBox(accessibleName=tr("{column} at {station}").format(
                        column=table.horizontalHeaderItem(column).text(), station=station.name))
                    for choice in choices:  # shown in the teacher's language, stored as the value
                        box.addItem(choice_text(choice), choice)
                    box.setCurrentIndex(max(box.findData(values[column]), 0))
                    box.currentIndexChanged.connect(
                        lambda _i, sid=station.id, c=column, b=box: self._set_station(sid, c, b.currentData()))
                    table.setCellWidget(row, column, box)
                box = QComboBox(accessibleName=tr("Playlist at {station}").format(station=station.name))
                box.addItem(tr("(none)"), "")
                for playlist in self.playlists:
                    box.addItem(playlist.title, playlist.id)
                box.setCurrentIndex(max(box.findData(station.playlist_id or ""), 0))
                box.currentIndexChanged.connect(
                    lambda _i, sid=station.id, b=box: self._set_station(sid, 6, b.currentData() or None))
                table.setCellWidget(row, 6, box)
        table.blockSignals(False)

    def _fill_groups(self) -> None:
        while self.group_columns.count():
            widget = self.group_columns.takeAt(0).widget()
            if widget is not None:
                widget.deleteLater()
        self.groups = []
        if not self.plan or not self.current_day():
            return
        day = self.current_day()
        self.groups = self.context.call(rotations.groups_on, self.plan.id, day)
        away = self.context.call(rotations.absent_on, self.plan.class_id, day)
        mix = self.context.call(rotations.level_mix, self.plan.id, day) if self.groups else {}
        self.lists: dict[str, GroupList] = {}
        for group in self.groups:
            column = QWidget()
            column_layout = QVBoxLayout(column)
            column_layout.setContentsMargins(2, 0, 2, 0)
            title = QLabel(f"<b>{group.name}</b> ({len(group.member_ids)})")
            title.setStyleSheet(f"border-left: 10px solid {group.color}; padding-left: 4px;")
            levels = mix.get(group.id, {})
            no_evidence = tr("no evidence")
            shown = ", ".join(f"{label or no_evidence} {n}" for label, n in sorted(levels.items(), key=str))
            mix_label = QLabel(shown or "—", accessibleName=tr("Level mix of {group}").format(group=group.name))
            mix_label.setWordWrap(True)
            members = GroupList(self, group.id, group.name)
            for student_id, name in zip(group.member_ids, group.members, strict=True):
                item = QListWidgetItem(tr("{name} (away)").format(name=name) if student_id in away else name)
                item.setData(STUDENT, student_id)
                if student_id in away:
                    item.setForeground(QBrush(QColor("#777777")))
                members.addItem(item)
            self.lists[group.id] = members
            column_layout.addWidget(title)
            column_layout.addWidget(mix_label)
            column_layout.addWidget(members, 1)
            column.setMinimumWidth(125)
            self.group_columns.addWidget(column)
        if not self.groups:
            self.group_columns.addWidget(QLabel(tr("No groups yet: pick a competency and press “Build groups”.")))
        self._check_rules()

    def _check_rules(self) -> None:
        if not self.plan or not self.groups:
            self.problems.setText("")
            return
        found = self.context.call(rotations.rule_problems, self.plan.id, self.current_day())
        self.problems.setText(tr("All your rules are met.") if not found else
                              tr("Rules not met:") + "\n" + "\n".join(f"• {problem}" for problem in found))
        self.problems.setStyleSheet("" if not found else "color: #8a1c00;")

    def _fill_schedule(self) -> None:
        table = self.schedule
        table.clear()
        self.day_view = None
        if not self.plan or not self.current_day():
            table.setRowCount(0)
            table.setColumnCount(0)
            self.skips.setText("")
            return
        day = self.day_view = self.context.call(rotations.day_plan, self.plan.id, self.current_day())
        table.setColumnCount(len(day.stations))
        table.setRowCount(len(day.blocks))
        table.setHorizontalHeaderLabels([s.name for s in day.stations])
        table.setVerticalHeaderLabels([f"{b.number}. {b.start:%H:%M}" if b.start
                                       else tr("Block {number}").format(number=b.number) for b in day.blocks])
        for row, block in enumerate(day.blocks):
            for column, station in enumerate(day.stations):
                group = day.group_at(block.number, station.id)
                cell = QTableWidgetItem(group.name if group else "—")
                if group:
                    background = QColor(group.color).lighter(150)
                    cell.setBackground(QBrush(background))
                    cell.setForeground(QBrush(QColor(text_color_on(background.name()))))  # dark themes too
                table.setItem(row, column, cell)
        self.skips.setText("\n".join(day.skips))

    def _changed(self, kind: str, _key: str) -> None:
        if kind != "rotation" or not self.class_id:
            return
        self._load_plans()

    # -- plans ---------------------------------------------------------------------------------

    def new_plan(self, dialog: NewPlanDialog | None = None) -> str | None:
        if not self.class_id:
            self.context.message.emit(tr("Pick a class first."))
            return None
        dialog = dialog or NewPlanDialog(self.context, self)
        if dialog.result() != QDialog.DialogCode.Accepted and dialog.exec() != QDialog.DialogCode.Accepted:
            return None
        class_id, values = self.class_id, dialog.values()
        ok, plan_id = Change.apply(
            self.context, tr("New rotation plan"),
            lambda uow, _prev: rotations.create_plan(uow, class_id, **values),
            lambda uow, pid: rotations.delete_plan(uow, pid), "rotation", "")
        if ok:
            self._load_plans(select=plan_id)
        return plan_id if ok else None

    def copy_to_next_week(self) -> str | None:
        if not self.plan:
            return None
        plan_id = self.plan.id
        ok, new_id = Change.apply(self.context, tr("Copy plan to next week"),
                                  lambda uow, _prev: rotations.copy_to_next_week(uow, plan_id),
                                  lambda uow, pid: rotations.delete_plan(uow, pid), "rotation", "")
        if ok:
            self._load_plans(select=new_id)
            self.context.message.emit(tr("Copied to next week, with its stations, groups and rotation."))
        return new_id if ok else None

    def edit_timing(self) -> None:
        if not self.plan:
            return
        dialog = TimingDialog(self.plan, self)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return
        self.update_plan(**dialog.values())

    def update_plan(self, **values) -> bool:
        plan_id = self.plan.id
        ok, _before = Change.apply(self.context, tr("Change plan"),
                                   lambda uow, _prev: rotations.update_plan(uow, plan_id, **values),
                                   lambda uow, before: rotations.update_plan(uow, plan_id, **before),
                                   "rotation", plan_id)
        return ok

    # -- stations ------------------------------------------------------------------------------

    def _station_edited(self, cell: QTableWidgetItem) -> None:
        self._set_station(cell.data(STUDENT), cell.column(), cell.text())

    def _set_station(self, station_id: str, column: int, text: str | None) -> None:
        name = STATION_FIELDS[column]
        value: object = text.strip() if isinstance(text, str) else text
        if name in ("capacity", "devices"):
            if text.strip() and not text.strip().isdigit():
                self.context.message.emit(tr("A station's capacity is a whole number.") if name == "capacity"
                                          else tr("A station's devices is a whole number."))
                self._fill_stations()
                return
            value = int(text) if text.strip() else (None if name == "capacity" else 0)
        if name == "required":
            value = text == "yes"
        ok, _before = Change.apply(self.context, _station_change_text(name),
                                   lambda uow, _prev: rotations.update_station(uow, station_id, **{name: value}),
                                   lambda uow, before: rotations.update_station(uow, station_id, **before),
                                   "rotation", station_id)
        if not ok:
            self._fill_stations()

    def add_station(self) -> None:
        if not self.plan:
            return
        plan_id = self.plan.id
        Change.apply(self.context, tr("Add station"),
                     lambda uow, prev: (rotations.remove_station(uow, prev, restore=True) or prev) if prev
                     else rotations.add_station(uow, plan_id),
                     lambda uow, sid: rotations.remove_station(uow, sid), "rotation", plan_id)

    def remove_station(self) -> None:
        row = self.stations.currentRow()
        if not self.plan or row < 0:
            return
        station_id = self.stations.item(row, 0).data(STUDENT)
        Change.apply(self.context, tr("Remove station"),
                     lambda uow, _prev: rotations.remove_station(uow, station_id),
                     lambda uow, _r: rotations.remove_station(uow, station_id, restore=True), "rotation", station_id)

    def save_station_set(self, name: str | None = None) -> None:
        if not self.plan:
            return
        if name is None:
            name, ok = QInputDialog.getText(self, tr("Save station set"), tr("Name of the set:"),
                                            text=self.plan.title)
            if not ok:
                return
        try:
            self.context.call(rotations.save_station_set, self.plan.id, name)
        except rotations.RotationError as error:
            self.context.message.emit(str(error))
            return
        self.context.message.emit(tr("Saved the stations as “{name}”.").format(name=name.strip()))

    def use_set(self, set_id: str | None = None) -> None:
        if not self.plan:
            return
        if set_id is None:
            sets = self.context.call(rotations.list_station_sets)
            if not sets:
                self.context.message.emit(tr("No station set saved yet: press “Save set…” on a plan first."))
                return
            labels = [tr("{name} ({n} stations)").format(name=name, n=n) for _id, name, n in sets]
            label, ok = QInputDialog.getItem(self, tr("Use a station set"), tr("Station set:"), labels, 0, False)
            if not ok:
                return
            set_id = sets[labels.index(label)][0]
        plan_id = self.plan.id
        ok, _r = Change.apply(self.context, tr("Use station set"),
                              lambda uow, _prev: rotations.use_station_set(uow, plan_id, set_id),
                              lambda uow, _r: None, "rotation", plan_id)
        if ok:
            self.context.undo_stack.setClean()

    # -- groups --------------------------------------------------------------------------------

    def build_groups(self) -> GroupingReport | None:
        if not self.plan or not self.current_day():
            return None
        plan_id, day = self.plan.id, self.current_day()
        competency, mode = self.competency_box.currentData() or "", self.mode_box.currentData()
        before = self.context.call(rotations.groups_on, plan_id, day)
        ok, self.report = Change.apply(
            self.context, tr("Build groups"),
            lambda uow, _prev: rotations.build_groups(uow, plan_id, day, competency, mode),
            lambda uow, report: rotations.undo_groups(uow, plan_id, report.undo), "rotation", plan_id)
        if not ok:
            return None
        report = self.report
        self._load_plans()
        groups = len(report.groups)
        if report.status == "optimal":
            outcome = tr("{n} groups; the best grouping (proven).").format(n=groups)
        elif report.status == "feasible":
            outcome = tr("{n} groups; within {gap}% of the best possible.").format(
                n=groups, gap=number_text(report.gap * 100, 1))
        else:
            outcome = tr("{n} groups; some rules could not all be met (below).").format(n=groups)
        lines = [outcome]
        if report.absent:
            lines.append(tr("Away today, placed in a group for when they are back: {names}.").format(
                names=", ".join(report.absent)))
        if before and report.moves:
            moves = "; ".join(f"{m.name} {m.before} → {m.after} ({m.why})" for m in report.moves[:8]) + (
                " …" if len(report.moves) > 8 else "")
            lines.append(tr("{n} moved: {moves}").format(n=len(report.moves), moves=moves))
        elif before:
            lines.append(tr("Nobody moved."))
        if report.unmet:
            lines.append(tr("Could not be met: {problems}").format(problems=" ".join(report.unmet)))
        self.summary.setText("\n".join(lines))
        return report

    def move_students(self, student_ids: list[str], group_id: str) -> None:
        if not self.plan or not student_ids:
            return
        plan_id, day = self.plan.id, self.current_day()

        def do(uow, _prev):
            return [(s, rotations.move_student(uow, plan_id, s, group_id, day)) for s in student_ids]

        def undo(uow, moved):
            for student_id, left in moved:
                if left:
                    rotations.move_student(uow, plan_id, student_id, left, day)

        Change.apply(self.context, tr("Move student") if len(student_ids) == 1 else tr("Move students"), do,
                     undo, "rotation", plan_id)

    def edit_rules(self, dialog: RulesDialog | None = None) -> None:
        if not self.plan:
            return
        dialog = dialog or RulesDialog(self.context, self.plan, self)
        if dialog.result() != QDialog.DialogCode.Accepted and dialog.exec() != QDialog.DialogCode.Accepted:
            return
        self.update_plan(rules=dialog.rules())

    def edit_absences(self, dialog: AbsenceDialog | None = None) -> None:
        if not self.plan or not self.current_day():
            return
        class_id, day = self.plan.class_id, self.current_day()
        dialog = dialog or AbsenceDialog(self.context, class_id, day, self)
        if dialog.result() != QDialog.DialogCode.Accepted and dialog.exec() != QDialog.DialogCode.Accepted:
            return
        for student_id, away in dialog.changes().items():
            Change.apply(self.context, tr("Mark away") if away else tr("Mark back"),
                         lambda uow, _p, s=student_id, a=away: rotations.set_absent(uow, class_id, day, s, a),
                         lambda uow, was, s=student_id: rotations.set_absent(uow, class_id, day, s, was),
                         "rotation", student_id)

    # -- the day -------------------------------------------------------------------------------

    def change_cell(self, row: int, column: int, group_name: str | None = None) -> None:
        day = self.day_view
        if day is None or not day.groups:
            return
        block, station = day.blocks[row], day.stations[column]
        names = [g.name for g in day.groups]
        if group_name is None:
            current = day.group_at(block.number, station.id)
            group_name, ok = QInputDialog.getItem(
                self, tr("Change the rotation"),
                tr("Which group is at {station} in block {block}?").format(station=station.name,
                                                                          block=block.number),
                names, names.index(current.name) if current else 0, False)
            if not ok:
                return
        group = day.groups[names.index(group_name)]
        plan_id, when = day.plan_id, day.day
        Change.apply(self.context, tr("Change rotation"),
                     lambda uow, _prev: rotations.set_station(uow, plan_id, when, block.number, group.id, station.id),
                     lambda uow, left: left and rotations.set_station(uow, plan_id, when, block.number, group.id,
                                                                      left),
                     "rotation", plan_id)

    def print_menu(self) -> None:
        if self.day_view is None:
            return
        menu = QMenu(self)
        for what, text in (("cards", tr("Group cards…")), ("signs", tr("Station signs…")),
                           ("plan", tr("The day's plan…"))):
            menu.addAction(text, lambda w=what: self.print_preview(w))
        menu.exec(self.cursor().pos())

    def print_preview(self, what: str, show: bool = True):
        from plclassroom.ui.rotations import printing

        if self.day_view is None:
            return None
        try:
            dialog = printing.print_preview(self, self.day_view, what)
        except ValueError as error:
            self.context.message.emit(str(error))
            return None
        if show:
            dialog.open()
        return dialog

    def open_board(self):
        from plclassroom.ui.rotations.board import RotationBoard

        if self.day_view is None:
            return None
        day = self.day_view
        self.board = RotationBoard(day, settings_key=f"board/{day.plan_id}/{day.day.isoformat()}")
        self.board.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.board.show_board()
        return self.board

    def open_week(self) -> WeekDialog:
        dialog = WeekDialog(self.context, self.current_day() or date.today(), self)
        dialog.open()
        return dialog

    def open_history(self) -> HistoryDialog | None:
        if not self.class_id:
            return None
        dialog = HistoryDialog(self.context, self.class_id, self.current_day() or date.today(), self)
        dialog.open()
        return dialog


# -- dialogs ---------------------------------------------------------------------------------------------


def _buttons(dialog: QDialog) -> QDialogButtonBox:
    box = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
    box.accepted.connect(dialog.accept)
    box.rejected.connect(dialog.reject)
    return box


class NewPlanDialog(QDialog):
    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(tr("New rotation plan"))
        today = date.today()
        monday = today + timedelta(days=(7 - today.weekday()) % 7)
        self.title = QLineEdit(tr("Station rotation"), accessibleName=tr("Title"))
        self.start = QDateEdit(QDate(monday), calendarPopup=True, accessibleName=tr("First day"))
        self.end = QDateEdit(QDate(monday + timedelta(days=4)), calendarPopup=True, accessibleName=tr("Last day"))
        self.template = QComboBox(accessibleName=tr("Template"))
        for template in rotations.templates():
            self.template.addItem(template.label, template)
        self.start_time = QTimeEdit(QTime(9, 0), accessibleName=tr("First block starts"))
        self.station_set = QComboBox(accessibleName=tr("Stations"))
        self.station_set.addItem(tr("Stations from the template (rename them after)"), "")
        for set_id, name, n in context.call(rotations.list_station_sets):
            self.station_set.addItem(tr("Saved set: {name} ({n} stations)").format(name=name, n=n), set_id)
        form = QFormLayout(self)
        form.addRow(tr("Title:"), self.title)
        form.addRow(tr("First day:"), self.start)
        form.addRow(tr("Last day:"), self.end)
        form.addRow(tr("Template:"), self.template)
        form.addRow(tr("First block starts:"), self.start_time)
        form.addRow(tr("Stations:"), self.station_set)
        form.addRow(_buttons(self))

    def values(self) -> dict:
        return {"title": self.title.text(), "start_date": self.start.date().toPython(),
                "end_date": self.end.date().toPython(), "template": self.template.currentData(),
                "start_time": self.start_time.time().toPython(),
                "station_set_id": self.station_set.currentData() or None}


class TimingDialog(QDialog):
    def __init__(self, plan: rotations.PlanView, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(tr("Timing"))
        self.period = QSpinBox(minimum=5, maximum=240, value=plan.period_minutes, suffix=tr(" min"))
        self.count = QSpinBox(minimum=1, maximum=12, value=plan.rotation_count)
        self.minutes = QSpinBox(minimum=1, maximum=120, value=plan.rotation_minutes, suffix=tr(" min"))
        self.transition = QSpinBox(minimum=0, maximum=30, value=plan.transition_minutes, suffix=tr(" min"))
        self.has_start = QCheckBox(tr("First block starts at"), checked=plan.start_time is not None)
        self.start = QTimeEdit(QTime(plan.start_time or time(9, 0)))
        form = QFormLayout(self)
        form.addRow(tr("Period:"), self.period)
        form.addRow(tr("Rotations:"), self.count)
        form.addRow(tr("Each:"), self.minutes)
        form.addRow(tr("To move between stations:"), self.transition)
        form.addRow(self.has_start, self.start)
        form.addRow(_buttons(self))

    def values(self) -> dict:
        return {"period_minutes": self.period.value(), "rotation_count": self.count.value(),
                "rotation_minutes": self.minutes.value(), "transition_minutes": self.transition.value(),
                "start_time": self.start.time().toPython() if self.has_start.isChecked() else None}


class RulesDialog(QDialog):
    """The teacher's rules for the groups: size, pairs kept apart or together, who needs an adult."""

    def __init__(self, context: AppContext, plan: rotations.PlanView, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(tr("Rules for the groups"))
        self.existing = dict(plan.rules)
        people = context.call(rotations.class_people, plan.class_id)
        self.names = dict(people)
        self.group_count = QSpinBox(minimum=0, maximum=12, value=int(plan.rules.get("group_count") or 0),
                                    specialValueText=tr("one a station"))
        self.max_size = QSpinBox(minimum=0, maximum=40, value=int(plan.rules.get("max_size") or 0),
                                 specialValueText=tr("no limit"))
        self.apart = QListWidget(accessibleName=tr("Kept apart"))
        self.together = QListWidget(accessibleName=tr("Kept together"))
        for widget, key in ((self.apart, "keep_apart"), (self.together, "keep_together")):
            for a, b in plan.rules.get(key, []):
                self._add_pair(widget, a, b)
        self.first = QComboBox(accessibleName=tr("First student"))
        self.second = QComboBox(accessibleName=tr("Second student"))
        for student_id, name in people:
            self.first.addItem(name, student_id)
            self.second.addItem(name, student_id)
        pair_line = QHBoxLayout()
        pair_line.addWidget(self.first)
        pair_line.addWidget(self.second)
        for text, widget in ((tr("Keep apart"), self.apart), (tr("Keep together"), self.together)):
            button = QPushButton(text)
            button.clicked.connect(lambda _c=False, w=widget: self._add_pair(
                w, self.first.currentData(), self.second.currentData()))
            pair_line.addWidget(button)
        remove = QPushButton(tr("Remove pair"))
        remove.clicked.connect(self._remove_pair)
        pair_line.addWidget(remove)
        self.needs = QListWidget(accessibleName=tr("Who needs an adult"))
        needs = plan.rules.get("needs") or {}
        supports = context.call(rotations.accommodation_kinds, plan.class_id)
        for student_id, name in people:
            item = QListWidgetItem(name + (f"  ({', '.join(supports[student_id])})" if student_id in supports else ""))
            item.setData(STUDENT, student_id)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Checked if needs.get(student_id) == "aide" else Qt.CheckState.Unchecked)
            self.needs.addItem(item)
        form = QFormLayout(self)
        form.addRow(tr("Groups:"), self.group_count)
        form.addRow(tr("No group over:"), self.max_size)
        form.addRow(QLabel(tr("Station capacities and the devices at an online station also cap a group.")))
        form.addRow(pair_line)
        form.addRow(tr("Kept apart:"), self.apart)
        form.addRow(tr("Kept together:"), self.together)
        form.addRow(tr("Need the aide (together, at the aide's station):"), self.needs)
        form.addRow(_buttons(self))

    def _add_pair(self, widget: QListWidget, a: str, b: str) -> None:
        if not a or not b or a == b:
            return
        item = QListWidgetItem(f"{self.names.get(a, '?')} — {self.names.get(b, '?')}")
        item.setData(STUDENT, [a, b])
        widget.addItem(item)

    def _remove_pair(self) -> None:
        for widget in (self.apart, self.together):
            for item in widget.selectedItems():
                widget.takeItem(widget.row(item))

    def rules(self) -> dict:
        def pairs(widget):
            return [widget.item(i).data(STUDENT) for i in range(widget.count())]

        needs = {self.needs.item(i).data(STUDENT): "aide" for i in range(self.needs.count())
                 if self.needs.item(i).checkState() == Qt.CheckState.Checked}
        return {**self.existing, "group_count": self.group_count.value() or None,
                "max_size": self.max_size.value() or None, "keep_apart": pairs(self.apart),
                "keep_together": pairs(self.together), "needs": needs}


class AbsenceDialog(QDialog):
    def __init__(self, context: AppContext, class_id: str, day: date, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(tr("Who is away on {day}").format(day=date_format_text(day, LONG_DAY)))
        self.before = context.call(rotations.absent_on, class_id, day)
        self.list = QListWidget(accessibleName=tr("Students away"))
        for student_id, name in context.call(rotations.class_people, class_id):
            item = QListWidgetItem(name)
            item.setData(STUDENT, student_id)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Checked if student_id in self.before else Qt.CheckState.Unchecked)
            self.list.addItem(item)
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(tr("Tick the students who are away.") + " "
                                + tr("They are left out of the day's groups, the board and the cards.")))
        layout.addWidget(self.list)
        layout.addWidget(_buttons(self))

    def changes(self) -> dict[str, bool]:
        found = {}
        for i in range(self.list.count()):
            item = self.list.item(i)
            away = item.checkState() == Qt.CheckState.Checked
            if away != (item.data(STUDENT) in self.before):
                found[item.data(STUDENT)] = away
        return found


class WeekDialog(QDialog):
    """Days x classes: which rotation plan runs where this week."""

    def __init__(self, context: AppContext, day: date, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        from plclassroom.services import roster

        self.setWindowTitle(tr("The week's rotations"))
        classes = [c.id for c in context.call(roster.list_classes)]
        week = self.week = context.call(rotations.week_view, classes, day)
        self.table = QTableWidget(len(week.classes), len(week.days), accessibleName=tr("Week of rotations"))
        self.table.setTabKeyNavigation(False)  # arrows move in the table, Tab leaves it (no keyboard trap)
        self.table.setHorizontalHeaderLabels([date_format_text(d, SHORT_DAY) for d in week.days])
        self.table.setVerticalHeaderLabels([title for _id, title in week.classes])
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        for row, (class_id, _title) in enumerate(week.classes):
            for column, d in enumerate(week.days):
                cells = week.cells.get((class_id, d), [])
                text = "\n".join((c.first_start.strftime("%H:%M ") if c.first_start else "") + c.title + " · "
                                 + tr("{groups} groups, {stations} stations").format(groups=c.groups,
                                                                                    stations=c.stations)
                                 for c in cells)
                self.table.setItem(row, column, QTableWidgetItem(text or "—"))
        self.table.resizeRowsToContents()
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        layout = QVBoxLayout(self)
        monday = date_format_text(week.monday, "dd MMMM yyyy")  # notr: a Qt date pattern
        layout.addWidget(QLabel(tr("Week of {day}").format(day=monday)))
        layout.addWidget(self.table)
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        close.rejected.connect(self.reject)
        layout.addWidget(close)
        self.resize(1000, 420)


class HistoryDialog(QDialog):
    """Per student: minutes at each station kind and with the teacher over a chosen range."""

    def __init__(self, context: AppContext, class_id: str, day: date, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context, self.class_id = context, class_id
        self.setWindowTitle(tr("Time at the stations"))
        self.start = QDateEdit(QDate(day - timedelta(weeks=4)), calendarPopup=True, accessibleName=tr("From"))
        self.end = QDateEdit(QDate(day), calendarPopup=True, accessibleName=tr("To"))
        columns = [*rotations.KINDS, rotations.WITH_TEACHER]
        self.table = QTableWidget(0, len(columns) + 1, accessibleName=tr("Minutes per student"))
        self.table.setTabKeyNavigation(False)  # arrows move in the table, Tab leaves it (no keyboard trap)
        self.table.setHorizontalHeaderLabels([tr("Student"), *(choice_text(c) for c in columns)])
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.table.setSortingEnabled(True)
        line = QHBoxLayout()
        line.addWidget(QLabel(tr("From")))
        line.addWidget(self.start)
        line.addWidget(QLabel(tr("to")))
        line.addWidget(self.end)
        line.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addLayout(line)
        layout.addWidget(self.table)
        self.start.dateChanged.connect(lambda _d: self.refresh())
        self.end.dateChanged.connect(lambda _d: self.refresh())
        self.refresh()
        self.resize(980, 560)

    def refresh(self) -> None:
        rows = self.context.call(rotations.history, self.class_id, self.start.date().toPython(),
                                 self.end.date().toPython())
        columns = [*rotations.KINDS, rotations.WITH_TEACHER]
        self.table.setSortingEnabled(False)
        self.table.setRowCount(len(rows))
        for r, row in enumerate(rows):
            self.table.setItem(r, 0, QTableWidgetItem(row.name))
            for c, kind in enumerate(columns, start=1):
                cell = QTableWidgetItem()
                cell.setData(Qt.ItemDataRole.DisplayRole, row.minutes[kind])
                self.table.setItem(r, c, cell)
        self.table.setSortingEnabled(True)
        self.table.resizeColumnsToContents()
