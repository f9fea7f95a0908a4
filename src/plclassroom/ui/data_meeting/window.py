"""Class > Data meeting: a grade team's ten minutes on the projector, on what this laptop holds.

Left, the students flagged by the early-warning rules, each with exactly what tripped it (marked
"new" when it was not flagged at the last meeting, never by colour alone), and each student's
evidence since then; right, a short agenda from the data, the meeting's notes, and the actions the
team agrees (what, about whom, who, by when), which sync like a conference's next steps.
"Hold meeting" records today's meeting and what was flagged, so the next one says what changed.
"""

from __future__ import annotations

from PySide6.QtCore import QDate, Qt
from PySide6.QtGui import QFont, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListWidget,
    QPlainTextEdit,
    QPushButton,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from plclassroom.domain.early_warning import Flag, Rule
from plclassroom.services import data_meetings
from plclassroom.services.data_meetings import MeetingError, MeetingView, Team
from plclassroom.ui.context import AppContext
from plclassroom.ui.data_meeting.rules import RulesDialog
from plclassroom.ui.data_meeting.words import agenda_text, flag_text, grade_text, progress_text, rule_name
from plclassroom.ui.help.dialog import HelpDialog
from plclassroom.ui.i18n import date_text, tr

ACTION_ID = Qt.ItemDataRole.UserRole


class DataMeetingWindow(QDialog):
    def __init__(self, context: AppContext, class_id: str | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.setWindowTitle(tr("Data meeting"))
        self.setWindowFlag(Qt.WindowType.WindowMaximizeButtonHint, True)
        self.view: MeetingView | None = None

        self.team = QComboBox(accessibleName=tr("Team"))
        team_label = QLabel(tr("&Team:"))
        team_label.setBuddy(self.team)
        teams = context.call(data_meetings.teams)
        for team in teams:
            self.team.addItem(tr("Grade {grade} · {school}").format(grade=grade_text(team.grade), school=team.school),
                              team)
        if class_id:
            mine = context.call(data_meetings.team_of_class, class_id)
            if mine is not None:
                self.team.setCurrentIndex(max(0, next((i for i, t in enumerate(teams) if t == mine), 0)))
        self.last_met = QLabel(accessibleName=tr("When the team last met"))
        self.hold = QPushButton(tr("&Hold meeting now"),
                                accessibleName=tr("Record today's meeting and what is flagged now"))
        self.hold.clicked.connect(self.hold_meeting)
        rules = QPushButton(tr("R&ules…"), accessibleName=tr("The school's early-warning rules"))
        rules.clicked.connect(self.open_rules)
        top = QHBoxLayout()
        top.addWidget(team_label)
        top.addWidget(self.team, 1)
        top.addWidget(self.last_met, 2)
        top.addWidget(rules)
        top.addWidget(self.hold)

        self.flags = QTreeWidget(accessibleName=tr("Students flagged, and why"))
        self.flags.setHeaderLabels([tr("Student"), tr("Flags"), tr("Since last meeting")])
        self.flags.header().setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        self.show_only = QComboBox(accessibleName=tr("Which flags to show"))
        self.show_only.addItem(tr("Every flag"), "")
        self.show_only.addItem(tr("New since the last meeting"), "new")
        for rule in Rule:
            self.show_only.addItem(rule_name(rule).capitalize(), rule.value)
        self.show_only.currentIndexChanged.connect(lambda _i: self.view and self._fill_flags(self.view))
        show_label = QLabel(tr("S&how:"))
        show_label.setBuddy(self.show_only)
        self.flag_count = QLabel()
        filter_row = QHBoxLayout()
        filter_row.addWidget(show_label)
        filter_row.addWidget(self.show_only, 1)
        filter_row.addWidget(self.flag_count, 1)
        flags_box = QGroupBox(tr("Who needs us"))
        flags_layout = QVBoxLayout(flags_box)
        flags_layout.addLayout(filter_row)
        flags_layout.addWidget(self.flags)

        self.agenda = QListWidget(accessibleName=tr("Agenda"))
        agenda_box = QGroupBox(tr("Agenda"))
        QVBoxLayout(agenda_box).addWidget(self.agenda)
        self.notes = QPlainTextEdit(accessibleName=tr("Meeting notes"), placeholderText=tr("What the team said"))
        notes_box = QGroupBox(tr("Notes"))
        QVBoxLayout(notes_box).addWidget(self.notes)

        self.actions = QTableWidget(0, 5, accessibleName=tr("Actions the team agreed"))
        self.actions.setHorizontalHeaderLabels([tr("Done"), tr("Action"), tr("Student"), tr("Who"), tr("By")])
        self.actions.horizontalHeader().setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        self.actions.setSelectionBehavior(QTableWidget.SelectionBehavior.SelectRows)
        self.actions.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.actions.setTabKeyNavigation(False)
        self.actions.itemChanged.connect(self._done_changed)
        self.action_text = QLineEdit(accessibleName=tr("New action"), placeholderText=tr("What will be done"))
        self.action_student = QComboBox(accessibleName=tr("About which student"))
        self.action_owner = QComboBox(accessibleName=tr("Who does it"))
        self.action_due = QDateEdit(QDate.currentDate().addDays(7), calendarPopup=True,
                                    accessibleName=tr("By when"))
        add = QPushButton(tr("&Add action"), accessibleName=tr("Add the action"))
        add.clicked.connect(self.add_action)
        self.action_text.returnPressed.connect(self.add_action)
        remove = QPushButton(tr("&Remove action"), accessibleName=tr("Remove the selected action"))
        remove.clicked.connect(self.remove_action)
        form = QFormLayout()
        form.addRow(tr("Actio&n:"), self.action_text)
        form.addRow(tr("&Student:"), self.action_student)
        row = QHBoxLayout()  # two rows, so that the flags beside keep most of the width
        for label, widget in ((tr("&Who:"), self.action_owner), (tr("&By:"), self.action_due)):
            caption = QLabel(label)
            caption.setBuddy(widget)
            row.addWidget(caption)
            row.addWidget(widget, 1)
        row.addWidget(add)
        row.addWidget(remove)
        form.addRow(row)
        actions_box = QGroupBox(tr("Actions"))
        actions_layout = QVBoxLayout(actions_box)
        actions_layout.addWidget(self.actions, 1)
        actions_layout.addLayout(form)

        right = QSplitter(Qt.Orientation.Vertical)
        for box in (agenda_box, notes_box, actions_box):
            right.addWidget(box)
        right.setSizes([160, 120, 360])
        self.body = body = QSplitter()
        body.addWidget(flags_box)
        body.addWidget(right)
        body.setStretchFactor(0, 3)
        body.setStretchFactor(1, 2)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(body, 1)
        QShortcut(QKeySequence.StandardKey.Refresh, self, activated=self.load)
        QShortcut(QKeySequence.StandardKey.HelpContents, self, activated=lambda: HelpDialog("meeting", self).open())

        self.team.currentIndexChanged.connect(lambda _i: self.load())
        self.resize(1280, 800)
        self.load()

    # -- loading --------------------------------------------------------------------------------

    def current_team(self) -> Team | None:
        return self.team.currentData()

    def load(self) -> None:
        team = self.current_team()
        if team is None:
            self.last_met.setText(tr("No class on this laptop has students with a grade yet."))
            return
        self.view = view = self.context.call(data_meetings.meeting_view, team)
        if view.last_met is None:
            self.last_met.setText(tr("The team has not met yet (evidence shown: the last 7 days)."))
        else:
            days = (view.today - view.last_met).days
            self.last_met.setText(tr("Last met {date} ({days} days ago): changes are since then.").format(
                date=date_text(view.last_met), days=days) if days != 1 else
                tr("Last met {date} (yesterday): changes are since then.").format(date=date_text(view.last_met)))
        if view.today_meeting_id and not self.notes.toPlainText().strip():
            self.notes.setPlainText(view.today_notes)
        self._fill_flags(view)
        self.agenda.clear()
        for number, (kind, numbers) in enumerate(view.agenda, start=1):
            self.agenda.addItem(f"{number}. {agenda_text(kind, numbers)}")
        self._fill_actions(view)
        self.action_student.clear()
        self.action_student.addItem(tr("The whole team"), "")
        for student_id in view.flagged_students() + sorted(set(view.names) - set(view.flagged_students()),
                                                           key=lambda s: view.names[s]):
            self.action_student.addItem(view.names[student_id], student_id)
        self.action_owner.clear()
        self.action_owner.addItem(tr("(nobody yet)"), "")
        for person_id, name in view.staff:
            self.action_owner.addItem(name, person_id)

    def _fill_flags(self, view: MeetingView) -> None:
        self.flags.clear()
        by_student: dict[str, list[Flag]] = {}
        for flag in view.flags:
            by_student.setdefault(flag.student_id, []).append(flag)
        bold = QFont()
        bold.setBold(True)
        wanted = self.show_only.currentData()
        shown = 0
        for student_id in view.flagged_students():
            flags = [f for f in by_student[student_id]
                     if not wanted or (wanted == "new" and f.key in view.new) or f.rule.value == wanted]
            if not flags:
                continue
            shown += 1
            concerns = sum(1 for f in flags if f.concern)
            summary = ", ".join(sorted({rule_name(f.rule) for f in flags}))
            new = any(f.key in view.new for f in flags)
            top = QTreeWidgetItem([view.names.get(student_id, student_id), summary,
                                   (tr("new") + " · " if new else "") + progress_text(view.progress.get(student_id))])
            top.setData(0, Qt.ItemDataRole.UserRole, student_id)
            if concerns:
                top.setFont(0, bold)
            top.setToolTip(1, summary)
            for flag in flags:
                # The whole sentence, across the columns: what tripped the rule, with its numbers.
                text = flag_text(flag)
                child = QTreeWidgetItem([(tr("New: {why}").format(why=text) if flag.key in view.new else text)])
                child.setData(0, Qt.ItemDataRole.UserRole, flag.key)
                child.setToolTip(0, text)
                top.addChild(child)
            self.flags.addTopLevelItem(top)
            for index in range(top.childCount()):
                top.child(index).setFirstColumnSpanned(True)  # only once the item is in the tree
        self.flag_count.setText(tr("{shown} of {all} students flagged").format(
            shown=shown, all=len(view.flagged_students())))
        if view.cleared:
            done = QTreeWidgetItem([tr("No longer flagged"), tr("{n} since the last meeting").format(
                n=len(view.cleared)), ""])
            self.flags.addTopLevelItem(done)
        self.flags.expandAll()
        self.flags.setColumnWidth(0, max(180, self.flags.fontMetrics().horizontalAdvance("M" * 16)))

    def _fill_actions(self, view: MeetingView) -> None:
        self.actions.blockSignals(True)
        self.actions.setRowCount(0)
        for action in view.actions:
            row = self.actions.rowCount()
            self.actions.insertRow(row)
            done = QTableWidgetItem(tr("done") if action.done else "")
            done.setFlags(Qt.ItemFlag.ItemIsUserCheckable | Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable)
            done.setCheckState(Qt.CheckState.Checked if action.done else Qt.CheckState.Unchecked)
            done.setData(ACTION_ID, action.id)
            due = date_text(action.due_on) if action.due_on else ""
            if action.overdue(view.today):
                due = tr("{date} (overdue)").format(date=due)
            for column, item in enumerate((done, QTableWidgetItem(action.text),
                                           QTableWidgetItem(action.student or tr("whole team")),
                                           QTableWidgetItem(action.owner), QTableWidgetItem(due))):
                self.actions.setItem(row, column, item)
        self.actions.blockSignals(False)
        self.actions.resizeColumnToContents(0)

    def open_rules(self) -> RulesDialog | None:
        team = self.current_team()
        if team is None:
            return None
        dialog = RulesDialog(self.context, team.school_id, team.school, self)
        dialog.accepted.connect(self.load)
        dialog.open()
        return dialog

    # -- the meeting ----------------------------------------------------------------------------

    def hold_meeting(self) -> str | None:
        team, view = self.current_team(), self.view
        if team is None or view is None:
            return None
        meeting_id = self.context.call(data_meetings.hold_meeting, team, view.flags, None,
                                       self.notes.toPlainText())
        self.context.message.emit(tr("Meeting recorded: the next one shows what changed since today."))
        self.load()
        return meeting_id

    def _meeting_for_actions(self) -> str | None:
        """Actions belong to today's meeting: it is recorded first if it was not yet. No reload
        here: that would reset the action's student and owner before they are read."""
        team, view = self.current_team(), self.view
        if team is None or view is None:
            return None
        return view.today_meeting_id or self.context.call(data_meetings.hold_meeting, team, view.flags, None,
                                                          self.notes.toPlainText())

    def add_action(self) -> str | None:
        text = self.action_text.text().strip()
        if not text:
            self.context.message.emit(tr("Type the action first: what will be done."))
            self.action_text.setFocus()
            return None
        meeting_id = self._meeting_for_actions()
        if meeting_id is None:
            return None
        due = self.action_due.date().toPython()
        try:
            action_id = self.context.call(data_meetings.add_action, meeting_id, text,
                                          self.action_student.currentData() or None,
                                          self.action_owner.currentData() or None, due)
        except MeetingError as error:
            self.context.message.emit(str(error))
            return None
        self.action_text.clear()
        self.load()
        self.action_text.setFocus()
        return action_id

    def selected_action(self) -> str | None:
        row = self.actions.currentRow()
        item = self.actions.item(row, 0) if row >= 0 else None
        return item.data(ACTION_ID) if item else None

    def remove_action(self) -> None:
        action_id = self.selected_action()
        if action_id:
            self.context.call(data_meetings.remove_action, action_id)
            self.load()

    def _done_changed(self, item: QTableWidgetItem) -> None:
        if item.column() != 0:
            return
        try:
            self.context.call(data_meetings.update_action, item.data(ACTION_ID),
                              done=item.checkState() == Qt.CheckState.Checked)
        except MeetingError as error:
            self.context.message.emit(str(error))
        self.load()

    def showEvent(self, event) -> None:
        super().showEvent(event)
        if not getattr(self, "_sized", False):  # the flags' sentences get most of the width, once
            self._sized = True
            width = sum(self.body.sizes())
            self.body.setSizes([width * 3 // 5, width - width * 3 // 5])

    def closeEvent(self, event) -> None:
        self._save_notes()
        super().closeEvent(event)

    def reject(self) -> None:
        self._save_notes()
        super().reject()

    def _save_notes(self) -> None:
        """Notes typed after the meeting was recorded go with it; before, Hold meeting takes them."""
        view = self.view
        if view is not None and view.today_meeting_id and self.notes.toPlainText() != view.today_notes:
            self.context.call(data_meetings.save_notes, view.today_meeting_id, self.notes.toPlainText())
