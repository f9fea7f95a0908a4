"""The right pane: a student's learner profile, read and edited in place.

Narrative fields save as you type (after a short pause) and when you leave the field; every save
is an undoable command. Goals and accommodations edit in their tables, also through undo.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QFocusEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QInputDialog,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QStackedWidget,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from plclassroom.domain import PROFILE_TEXT_FIELDS, Accommodation, Goal
from plclassroom.services import conferences, mastery, profiles
from plclassroom.services.mastery import short_code
from plclassroom.ui.context import AppContext
from plclassroom.ui.i18n import tr
from plclassroom.ui.profile.models import ID_ROLE, ChoiceDelegate, ProfileRowsModel
from plclassroom.ui.profile.quick_evidence import QuickEvidence
from plclassroom.ui.undo import AddRow, Change, EditProfileField, RemoveRow

AUTOSAVE_MS = 700  # a pause in typing this long saves the field



def field_labels() -> dict[str, str]:
    """The narrative fields' names (PROFILE_TEXT_FIELDS), in the language chosen."""
    return {"strengths": tr("Strengths"), "needs": tr("Needs"), "interests": tr("Interests"),
            "aspirations": tr("Aspirations"), "learning_preferences": tr("Learning preferences"),
            "languages": tr("Languages"), "notes": tr("Notes")}


def field_label(name: str) -> str:
    return field_labels().get(name) or PROFILE_TEXT_FIELDS[name]


def placeholders() -> dict[str, str]:
    return {
        "strengths": tr("What this student does well, as a learner and as a person"),
        "needs": tr("Where this student needs support or practice"),
        "interests": tr("What they care about outside class: hooks for learning"),
        "aspirations": tr("What they hope to do or become"),
        "learning_preferences": tr("How they learn best"),
        "languages": tr("Languages spoken, home language first"),
        "notes": tr("Anything else the next teacher should know"),
    }


def goal_columns() -> list[tuple[str, str]]:
    """(field, header) for the goals table."""
    return [("statement", tr("Goal (student's words)")), ("kind", tr("Kind")),
            ("measure_of_success", tr("Measure of success")), ("target_date", tr("Target date")),
            ("status", tr("Status")), ("progress", tr("Progress"))]


def accommodation_columns() -> list[tuple[str, str]]:
    return [("kind", tr("Kind")), ("description", tr("Accommodation")), ("sensitive", tr("Privacy"))]


class NarrativeEdit(QPlainTextEdit):
    """A multi-line field that says when focus leaves it (QPlainTextEdit has no editingFinished)."""

    focus_left = Signal()

    def focusOutEvent(self, event: QFocusEvent) -> None:
        self.focus_left.emit()
        super().focusOutEvent(event)


class ProfilePanel(QStackedWidget):
    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.student_id = ""
        self.class_id: str | None = None  # the class picked in the roster: the profile's mastery is in it
        self._saved: dict[str, str] = {}  # what the store holds for each field
        self._timers: dict[str, QTimer] = {}
        self.editors: dict[str, NarrativeEdit] = {}

        self.empty = QLabel(tr("Pick a student in the roster to see their learner profile."))
        self.empty.setWordWrap(True)
        self.addWidget(self.empty)

        page = QWidget()
        layout = QVBoxLayout(page)
        self.title = QLabel(objectName="profileTitle")
        self.subtitle = QLabel(objectName="profileSubtitle")
        layout.addWidget(self.title)
        layout.addWidget(self.subtitle)

        about = QGroupBox(tr("Learner profile"))
        form = QFormLayout(about)
        hints = placeholders()
        for name in PROFILE_TEXT_FIELDS:
            label = field_label(name)
            editor = NarrativeEdit(accessibleName=label, placeholderText=hints[name])
            editor.setTabChangesFocus(True)
            editor.setFixedHeight(36 if name == "languages" else 52)
            timer = QTimer(self, singleShot=True, interval=AUTOSAVE_MS)
            timer.timeout.connect(lambda n=name: self.save_field(n))
            editor.textChanged.connect(lambda n=name: self._typed(n))
            editor.focus_left.connect(lambda n=name: self.save_field(n))
            self.editors[name], self._timers[name] = editor, timer
            form.addRow(f"{label}:", editor)
        layout.addWidget(about)

        self.accommodations = ProfileRowsModel(context, "accommodation", Accommodation, accommodation_columns(),
                                               self)
        self.accommodation_table = self._list_box(
            layout, tr("Accommodations (IEP, 504, ELL…)"), self.accommodations, "accommodation", Accommodation,
            {"kind": ChoiceDelegate(Accommodation, "kind", self)})
        self.goals = ProfileRowsModel(context, "goal", Goal, goal_columns(), self)
        link = QPushButton(tr("Link the goal to competencies…"))
        link.clicked.connect(lambda: self.link_goal())
        self.goal_table = self._list_box(
            layout, tr("Goals"), self.goals, "goal", Goal,
            {"kind": ChoiceDelegate(Goal, "kind", self), "status": ChoiceDelegate(Goal, "status", self)}, [link])
        self.mastery = QuickEvidence(context)
        layout.addWidget(self.mastery)
        history_box = QGroupBox(tr("Conferences (private notes show only to their author, on the Conferences "
                                   "tab)"))
        self.conference_list = QListWidget(accessibleName=tr("Conference history"))
        self.conference_list.setMaximumHeight(140)
        history_layout = QVBoxLayout(history_box)
        history_layout.addWidget(self.conference_list)
        note_row = QHBoxLayout()
        for label, concern in ((tr("Note for the advisor…"), False), (tr("Flag a concern…"), True)):
            button = QPushButton(label, toolTip=tr("The student's advisor sees it in their caseload, to raise "
                                                   "at the next conference"))
            button.clicked.connect(lambda _checked=False, c=concern: self.note_for_advisor(concern=c))
            note_row.addWidget(button)
        note_row.addStretch(1)
        history_layout.addLayout(note_row)
        layout.addWidget(history_box)
        layout.addStretch(1)

        scroll = QScrollArea(accessibleName=tr("Learner profile"))
        scroll.setWidgetResizable(True)
        scroll.setWidget(page)
        self.addWidget(scroll)
        context.changed.connect(self._changed)

    def _list_box(self, layout, title, model, kind, table, delegates, extra_buttons=()) -> QTableView:
        box = QGroupBox(title)
        box_layout = QVBoxLayout(box)
        view = QTableView(accessibleName=title)
        view.setModel(model)
        view.verticalHeader().hide()
        view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        view.setWordWrap(False)  # one line a row; the full text shows as a tooltip
        view.setMinimumHeight(130)
        view.setTabKeyNavigation(False)  # arrows move in the table, Tab leaves it (no keyboard trap)
        view.setEditTriggers(QAbstractItemView.EditTrigger.DoubleClicked
                             | QAbstractItemView.EditTrigger.EditKeyPressed
                             | QAbstractItemView.EditTrigger.AnyKeyPressed)
        header = view.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1 if kind == "accommodation" else 0, QHeaderView.ResizeMode.Stretch)
        for column, (name, _label) in enumerate(model.columns):
            if name in delegates:
                view.setItemDelegateForColumn(column, delegates[name])
        buttons = QHBoxLayout()
        goal = kind == "goal"
        add = QPushButton(tr("Add goal") if goal else tr("Add accommodation"))
        remove = QPushButton(tr("Remove goal") if goal else tr("Remove accommodation"))
        add.clicked.connect(lambda: self.context.undo_stack.push(AddRow(self.context, kind, table, self.student_id)))
        remove.clicked.connect(lambda: self._remove(view, kind, table))
        buttons.addWidget(add)
        buttons.addWidget(remove)
        for button in extra_buttons:
            buttons.addWidget(button)
        buttons.addStretch(1)
        box_layout.addWidget(view)
        box_layout.addLayout(buttons)
        layout.addWidget(box)
        return view

    def show_student(self, student_id: str) -> None:
        self.save_all()
        self.student_id = student_id
        if not student_id:
            self.setCurrentIndex(0)
            return
        view = self.context.call(profiles.get_profile, student_id)
        self.title.setText(view.name)
        self.subtitle.setText(tr("Grade {grade} · Student ID {identifier}").format(
            grade=view.grade.lstrip("0") or "—", identifier=view.identifier or "—"))
        self._saved = dict(view.fields)
        for name, editor in self.editors.items():
            self._timers[name].stop()
            self._set_text(editor, view.fields[name])
        self.accommodations.set_rows(student_id, view.accommodations)
        self.goals.set_rows(student_id, view.goals)
        self.mastery.show_for(self.class_id, student_id)
        self.conference_list.clear()
        for conference in self.context.call(conferences.history, student_id, ""):  # no viewer: no private notes
            steps = sum(1 for step in conference.steps if not step.done)
            text = tr("{date}  {kind} with {author}: {notes}").format(
                date=conference.held_on, kind=conference.kind, author=conference.author,
                notes=conference.notes[:90])
            if steps:
                text += "  " + (tr("[{n} open step]") if steps == 1 else tr("[{n} open steps]")).format(n=steps)
            self.conference_list.addItem(text)
        self.setCurrentIndex(1)

    def link_goal(self, competency_ids: list[str] | None = None) -> bool:
        """Say which competencies the selected goal is about (the class's framework)."""
        index = self.goal_table.currentIndex()
        if not index.isValid() or not self.class_id:
            self.context.message.emit(tr("Pick a goal (and a class with a framework) first."))
            return False
        goal_id = index.data(ID_ROLE)
        if competency_ids is None:
            view = self.context.call(mastery.class_mastery, self.class_id)
            linked = set(self.context.call(profiles.goal_competencies, goal_id))
            labels = [f"{short_code(c.code)}  {c.statement[:60]}" for c in view.competencies]
            dialog = QDialog(self)
            dialog.setWindowTitle(tr("Competencies this goal is about"))
            choices = QListWidget()
            for competency, label in zip(view.competencies, labels, strict=True):
                entry = QListWidgetItem(label)
                entry.setFlags(entry.flags() | Qt.ItemFlag.ItemIsUserCheckable)
                entry.setCheckState(Qt.CheckState.Checked if competency.id in linked else Qt.CheckState.Unchecked)
                choices.addItem(entry)
            buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
            buttons.accepted.connect(dialog.accept)
            buttons.rejected.connect(dialog.reject)
            box = QVBoxLayout(dialog)
            box.addWidget(choices)
            box.addWidget(buttons)
            if dialog.exec() != QDialog.DialogCode.Accepted:
                return False
            competency_ids = [c.id for i, c in enumerate(view.competencies)
                              if choices.item(i).checkState() == Qt.CheckState.Checked]
        ok, _ = Change.apply(self.context, tr("Link goal to competencies"),
                             lambda uow, _prev: profiles.set_goal_competencies(uow, goal_id, competency_ids),
                             lambda uow, old: profiles.set_goal_competencies(uow, goal_id, old), "goal",
                             self.student_id)
        return ok

    def note_for_advisor(self, text: str | None = None, concern: bool = False) -> bool:
        if not self.student_id:
            return False
        if text is None:
            title = tr("Flag a concern") if concern else tr("Note for the advisor")
            text, ok = QInputDialog.getMultiLineText(self, title, tr("What should the advisor know or raise?"))
            if not ok:
                return False
        try:
            self.context.call(conferences.add_advisor_note, self.student_id, None, text, concern)
        except conferences.ConferenceError as error:
            self.context.message.emit(str(error))
            return False
        self.context.message.emit(tr("The advisor will see it in their caseload."))
        self.context.changed.emit("conference", self.student_id)
        return True

    def save_field(self, name: str) -> None:
        """Save the field now if it differs from the store (a pause, leaving it, switching student)."""
        self._timers[name].stop()
        text = self.editors[name].toPlainText()
        if not self.student_id or text == self._saved.get(name):
            return
        self._saved[name] = text
        self.context.undo_stack.push(
            EditProfileField(self.context, self.student_id, name, field_label(name), text))

    def save_all(self) -> None:
        for name in self.editors:
            self.save_field(name)

    def _typed(self, name: str) -> None:
        if not self.editors[name].property("loading"):
            self._timers[name].start()

    def _set_text(self, editor: NarrativeEdit, text: str) -> None:
        if editor.toPlainText() != text:
            editor.setProperty("loading", True)
            editor.setPlainText(text)
            editor.setProperty("loading", False)

    def _remove(self, view: QTableView, kind: str, table) -> None:
        index = view.currentIndex()
        if not index.isValid():
            self.context.message.emit(tr("Select a goal to remove first.") if kind == "goal" else
                                      tr("Select an accommodation to remove first."))
            return
        self.context.undo_stack.push(RemoveRow(self.context, kind, table, self.student_id, index.data(ID_ROLE)))

    def _changed(self, kind: str, student_id: str) -> None:
        if not self.student_id or student_id != self.student_id or kind not in ("profile", "goal",
                                                                                  "accommodation"):
            return
        view = self.context.call(profiles.get_profile, student_id)
        if kind == "profile":
            # Undo and redo land here: show what the store now holds, unless the person is mid-edit.
            for name, editor in self.editors.items():
                if view.fields[name] != self._saved.get(name) or not self._timers[name].isActive():
                    self._timers[name].stop()
                    self._saved[name] = view.fields[name]
                    self._set_text(editor, view.fields[name])
        elif kind == "goal":
            self.goals.set_rows(student_id, view.goals)
        else:
            self.accommodations.set_rows(student_id, view.accommodations)
