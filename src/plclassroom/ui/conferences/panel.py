"""The "Conferences" tab for advisors: the caseload (who should I see today?), a student's history
and goals, and the conference log. What is typed is saved as a draft every few seconds and when
focus moves, so a dead battery loses nothing; the app offers the draft back when it starts."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from PySide6.QtCore import QDate, Qt, QTimer
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QApplication,
    QButtonGroup,
    QComboBox,
    QDateEdit,
    QDialog,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QInputDialog,
    QLabel,
    QLineEdit,
    QListWidget,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QRadioButton,
    QSpinBox,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from plclassroom.services import conferences, family_pack, search
from plclassroom.services.conferences import OWNERS, ConferenceInput, StepInput
from plclassroom.ui.conferences.family_pack import write_family_pack
from plclassroom.ui.conferences.learning_plan import LearningPlanDialog
from plclassroom.ui.context import AppContext
from plclassroom.ui.i18n import date_text, datetime_text, tr

AUTOSAVE_MS = 3000


def privacy_labels() -> dict[str, str]:
    return {"private": tr("Private (only me)"), "teachers": tr("The student's teachers"),
            "family": tr("Shareable with the family")}


def conference_title(name: str) -> str:
    return tr("Conference with {name}").format(name=name)


class ConferenceEditor(QWidget):
    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.student_id = ""
        self.conference_id: str | None = None
        self.author_id = ""
        self._loading = False
        self.title = QLabel(objectName="profileSubtitle")
        self.held_on = QDateEdit(QDate.currentDate(), calendarPopup=True, accessibleName=tr("Date"))
        self.minutes = QSpinBox(minimum=0, maximum=600, value=15, suffix=tr(" min"), accessibleName=tr("Length"))
        self.kind = QComboBox(accessibleName=tr("Kind of conference"))
        self.kind.addItems(conferences.KINDS)
        self.attendees = QLineEdit(tr("student, advisor"), accessibleName=tr("Who was there"))
        self.notes = QPlainTextEdit(accessibleName=tr("Notes"))
        self.notes.setTabChangesFocus(True)
        self.privacy = QButtonGroup(self)
        privacy_row = QVBoxLayout()
        for value, label in privacy_labels().items():
            button = QRadioButton(label)
            button.setProperty("value", value)
            self.privacy.addButton(button)
            privacy_row.addWidget(button)
        self.privacy.buttons()[1].setChecked(True)
        self.follow_up = QDateEdit(QDate.currentDate().addDays(21), calendarPopup=True,
                                   accessibleName=tr("Follow-up date"))
        self.goals = QTableWidget(0, 2, accessibleName=tr("Goals reviewed"))
        self.goals.setHorizontalHeaderLabels([tr("Goal (tick the ones you talked about)"), tr("How it is going")])
        self.goals.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.goals.verticalHeader().hide()
        self.goals.setTabKeyNavigation(False)  # arrows move in the table, Tab leaves it (no keyboard trap)
        self.goals.setMaximumHeight(120)
        self.steps = QTableWidget(0, 4, accessibleName=tr("Next steps"))
        self.steps.setHorizontalHeaderLabels([tr("Next step"), tr("Who"), tr("Due"), tr("Done")])
        self.steps.horizontalHeaderItem(2).setToolTip(tr("Write the date as YYYY-MM-DD"))
        self.steps.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.steps.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.steps.setWordWrap(False)
        self.steps.setTabKeyNavigation(False)  # arrows move in the table, Tab leaves it (no keyboard trap)
        self.steps.setMaximumHeight(150)
        add_step = QPushButton(tr("Add next step"))
        add_step.clicked.connect(lambda: self.add_step() or self.steps.setFocus())  # ready to type the step
        self.save_button = QPushButton(tr("Save conference"))
        self.save_button.clicked.connect(lambda: self.save())
        self.status = QLabel()
        form = QFormLayout()
        form.addRow(self.title)
        form.addRow(tr("Date:"), self.held_on)
        form.addRow(tr("Length:"), self.minutes)
        form.addRow(tr("Kind:"), self.kind)
        form.addRow(tr("Who was there:"), self.attendees)
        form.addRow(tr("Notes:"), self.notes)
        form.addRow(tr("Privacy:"), privacy_row)
        form.addRow(tr("Meet again by:"), self.follow_up)
        form.addRow(tr("Goals reviewed:"), self.goals)
        form.addRow(tr("Next steps:"), self.steps)
        buttons = QHBoxLayout()
        buttons.addWidget(add_step)
        buttons.addStretch(1)
        buttons.addWidget(self.status)
        buttons.addWidget(self.save_button)
        layout = QVBoxLayout(self)
        layout.addLayout(form, 1)
        layout.addLayout(buttons)

        self.timer = QTimer(self, interval=AUTOSAVE_MS)
        self.timer.timeout.connect(self.save_draft)
        for signal in (self.notes.textChanged, self.attendees.textEdited, self.kind.currentIndexChanged,
                       self.minutes.valueChanged, self.held_on.dateChanged, self.follow_up.dateChanged,
                       self.steps.itemChanged, self.goals.itemChanged):
            signal.connect(self._edited)
        self.kind.currentTextChanged.connect(self._fill_prompts)
        QApplication.instance().focusChanged.connect(lambda _old, _new: self.save_draft())
        self.setEnabled(False)

    @property
    def draft_key(self) -> str:
        return f"conference:{self.conference_id or 'new:' + self.student_id}"

    def start(self, student_id: str, name: str, author_id: str, payload: dict | None = None) -> None:
        """A new conference with ``student_id`` (or one brought back from a draft)."""
        self._loading = True
        self.student_id, self.author_id, self.conference_id = student_id, author_id, None
        self.title.setText(conference_title(name))
        self.notes.clear()
        self.steps.setRowCount(0)
        self.goals.setRowCount(0)
        for goal in self.context.call(conferences.student_goals, student_id):
            row = self.goals.rowCount()
            self.goals.insertRow(row)
            entry = QTableWidgetItem(f"{goal.statement}  ({goal.status})")
            entry.setData(Qt.ItemDataRole.UserRole, goal.id)
            entry.setFlags((entry.flags() | Qt.ItemFlag.ItemIsUserCheckable) & ~Qt.ItemFlag.ItemIsEditable)
            entry.setCheckState(Qt.CheckState.Unchecked)
            self.goals.setItem(row, 0, entry)
            self.goals.setItem(row, 1, QTableWidgetItem(""))
        self.held_on.setDate(QDate.currentDate())
        self.follow_up.setDate(QDate.currentDate().addDays(21))
        self._fill_prompts(self.kind.currentText())
        if payload:
            self._restore(payload)
        self._loading = False
        self.setEnabled(True)
        self.dirty = bool(payload)
        self.timer.start()
        self.notes.setFocus()

    def _fill_prompts(self, kind: str) -> None:
        """An empty note starts from the kind's prompts (the school's template)."""
        if self.notes.toPlainText().strip() and not self._only_prompts():
            return
        self.notes.setPlainText(self.context.call(conferences.template, kind))

    def _only_prompts(self) -> bool:
        """The note is still just a template's prompts (nothing typed yet)."""
        text = self.notes.toPlainText()
        return any(text == self.context.call(conferences.template, kind) for kind in conferences.KINDS)

    def _edited(self, *_args) -> None:
        if not self._loading:
            self.dirty = True

    def add_step(self, text: str = "", owner: str = "student", due: str = "") -> None:
        row = self.steps.rowCount()
        self.steps.insertRow(row)
        self.steps.setItem(row, 0, QTableWidgetItem(text))
        owner_box = QComboBox(accessibleName=tr("Who does the next step"))
        owner_box.addItems(OWNERS)
        owner_box.setCurrentText(owner)
        owner_box.currentIndexChanged.connect(self._edited)
        self.steps.setCellWidget(row, 1, owner_box)
        # Tab goes from the table to its "Who" boxes, row by row, then on (not to the end of the window).
        QWidget.setTabOrder(self.steps.cellWidget(row - 1, 1) if row else self.steps, owner_box)
        self.steps.setItem(row, 2, QTableWidgetItem(due))
        done = QTableWidgetItem()
        done.setFlags(done.flags() | Qt.ItemFlag.ItemIsUserCheckable)
        done.setCheckState(Qt.CheckState.Unchecked)
        self.steps.setItem(row, 3, done)
        self.steps.setCurrentCell(row, 0)

    # -- what is on screen, as data -----------------------------------------------------------

    def payload(self) -> dict:
        return {
            "student_id": self.student_id, "author_id": self.author_id, "title": self.title.text(),
            "held_on": self.held_on.date().toPython().isoformat(), "minutes": self.minutes.value(),
            "kind": self.kind.currentText(), "attendees": self.attendees.text(), "notes": self.notes.toPlainText(),
            "privacy": self.privacy.checkedButton().property("value"),
            "follow_up_on": self.follow_up.date().toPython().isoformat(),
            "goals": {self.goals.item(r, 0).data(Qt.ItemDataRole.UserRole): self.goals.item(r, 1).text().strip()
                      for r in range(self.goals.rowCount())
                      if self.goals.item(r, 0).checkState() == Qt.CheckState.Checked},
            "steps": [{"text": (self.steps.item(r, 0).text() if self.steps.item(r, 0) else ""),
                       "owner": self.steps.cellWidget(r, 1).currentText(),
                       "due_on": (self.steps.item(r, 2).text() if self.steps.item(r, 2) else "").strip(),
                       "done": self.steps.item(r, 3).checkState() == Qt.CheckState.Checked}
                      for r in range(self.steps.rowCount())],
        }

    def _restore(self, payload: dict) -> None:
        self.held_on.setDate(QDate.fromString(payload.get("held_on", ""), "yyyy-MM-dd"))
        self.minutes.setValue(int(payload.get("minutes") or 0))
        self.kind.setCurrentText(payload.get("kind", self.kind.currentText()))
        self.attendees.setText(payload.get("attendees", ""))
        self.notes.setPlainText(payload.get("notes", ""))
        for button in self.privacy.buttons():
            button.setChecked(button.property("value") == payload.get("privacy"))
        self.follow_up.setDate(QDate.fromString(payload.get("follow_up_on", ""), "yyyy-MM-dd"))
        chosen = payload.get("goals", {})
        for r in range(self.goals.rowCount()):
            goal_id = self.goals.item(r, 0).data(Qt.ItemDataRole.UserRole)
            if goal_id in chosen:
                self.goals.item(r, 0).setCheckState(Qt.CheckState.Checked)
                self.goals.item(r, 1).setText(chosen[goal_id])
        for step in payload.get("steps", []):
            self.add_step(step.get("text", ""), step.get("owner", "student"), step.get("due_on", ""))
            if step.get("done"):
                self.steps.item(self.steps.rowCount() - 1, 3).setCheckState(Qt.CheckState.Checked)

    def conference_input(self) -> ConferenceInput:
        data = self.payload()
        steps = []
        for step in data["steps"]:
            if not step["text"].strip():
                continue
            try:
                due = date.fromisoformat(step["due_on"]) if step["due_on"] else None
            except ValueError:
                raise conferences.ConferenceError(tr("{value} is not a date: write it as YYYY-MM-DD").format(
                    value=repr(step["due_on"]))) from None
            steps.append(StepInput(step["text"], step["owner"], due, step["done"]))
        return ConferenceInput(self.student_id, self.author_id, date.fromisoformat(data["held_on"]), data["kind"],
                               data["minutes"] or None, data["attendees"], data["notes"], data["privacy"],
                               date.fromisoformat(data["follow_up_on"]), data["goals"], steps, self.conference_id)

    # -- saving -------------------------------------------------------------------------------

    def save_draft(self) -> None:
        if not self.student_id or not getattr(self, "dirty", False):
            return
        self.context.call(conferences.save_draft, self.draft_key, self.payload())
        self.dirty = False
        self.status.setText(tr("Draft saved"))

    def save(self) -> str | None:
        try:
            conference_id = self.context.call(conferences.save_conference, self.conference_input(),
                                              draft_key=self.draft_key)
        except conferences.ConferenceError as error:
            self.context.message.emit(str(error))
            return None
        self.timer.stop()
        self.dirty = False
        self.setEnabled(False)
        self.student_id = ""
        self.status.setText(tr("Saved"))
        self.context.message.emit(tr("Conference saved."))
        self.context.changed.emit("conference", "")
        return conference_id


class TemplatesDialog(QDialog):
    """The school's prompts for each kind of conference."""

    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.setWindowTitle(tr("Conference templates"))
        self.resize(640, 420)
        self.kind = QComboBox(accessibleName=tr("Kind of conference"))
        self.kind.addItems(conferences.KINDS)
        self.prompts = QPlainTextEdit(accessibleName=tr("Prompts, one a line"))
        save = QPushButton(tr("Save these prompts"))
        close = QPushButton(tr("Close"))
        save.clicked.connect(self.save)
        close.clicked.connect(self.accept)
        layout = QVBoxLayout(self)
        layout.addWidget(self.kind)
        layout.addWidget(self.prompts, 1)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(save)
        buttons.addWidget(close)
        layout.addLayout(buttons)
        self.kind.currentTextChanged.connect(self._load)
        self._load(self.kind.currentText())

    def _load(self, kind: str) -> None:
        self.prompts.setPlainText(self.context.call(conferences.template, kind))

    def save(self) -> None:
        self.context.call(conferences.save_template, self.kind.currentText(), self.prompts.toPlainText())
        self.context.message.emit(tr("Prompts for {kind} conferences saved.").format(kind=self.kind.currentText()))


class ConferencesPanel(QWidget):
    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.advisor = QComboBox(accessibleName=tr("Whose caseload"))
        self.not_met_days = QSpinBox(minimum=1, maximum=365, value=conferences.NOT_MET_DAYS, suffix=tr(" days"),
                                     accessibleName=tr("Flag students not met in"))
        self.caseload = QTableWidget(0, 4, accessibleName=tr("Caseload"))
        self.caseload.setHorizontalHeaderLabels([tr("Advisee"), tr("Last met"), tr("Open steps"), tr("Why see them")])
        self.caseload.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.caseload.horizontalHeader().setSectionResizeMode(3, QHeaderView.ResizeMode.Stretch)
        self.caseload.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.caseload.setTabKeyNavigation(False)  # arrows move in the table, Tab leaves it (no keyboard trap)
        self.caseload.setSelectionBehavior(QTableWidget.SelectionBehavior.SelectRows)
        self.caseload.setSortingEnabled(False)
        self.history = QListWidget(accessibleName=tr("Conference history"))
        self.search_box = QLineEdit(placeholderText=tr("Search notes, goals and next steps…"),
                                    accessibleName=tr("Search conference notes"))
        self.search_box.setClearButtonEnabled(True)
        self.results = QListWidget(accessibleName=tr("Search results"))
        self.results.setVisible(False)
        self._search_timer = QTimer(self, singleShot=True, interval=150)  # search as you type, not per key
        self._search_timer.timeout.connect(self.run_search)
        self.search_box.textChanged.connect(lambda _t: self._search_timer.start())
        new = QPushButton(tr("New conference…"), toolTip=tr("A conference with the advisee selected above"))
        new.clicked.connect(lambda: self.new_conference())
        templates = QPushButton(tr("Templates…"), toolTip=tr("The school's prompts for each kind of conference"))
        pack = QPushButton(tr("Family pack…"), toolTip=tr("One page for the family: goals in the student's words, "
                                                          "strengths, next steps; only what is marked shareable"))
        pack.clicked.connect(lambda: self.family_pack())
        plan = QPushButton(tr("Learning plan…"), toolTip=tr("The advisee's personal learning plan, with every change"))
        plan.clicked.connect(lambda: self.learning_plan())
        templates.clicked.connect(lambda: TemplatesDialog(self.context, self).open())
        bar = QFormLayout()
        bar.addRow(tr("Caseload of:"), self.advisor)
        bar.addRow(tr("Flag if not met in:"), self.not_met_days)
        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.addLayout(bar)
        left_layout.addWidget(self.search_box)
        left_layout.addWidget(self.results, 1)
        left_layout.addWidget(self.caseload, 2)
        left_layout.addWidget(QLabel(tr("History and teachers' notes")))
        left_layout.addWidget(self.history, 1)
        # Two rows of buttons: the window must still fit a small laptop screen.
        first, second = QHBoxLayout(), QHBoxLayout()
        first.addWidget(new, 1)
        first.addWidget(plan)
        second.addWidget(pack, 1)
        second.addWidget(templates)
        left_layout.addLayout(first)
        left_layout.addLayout(second)
        self.editor = ConferenceEditor(context)
        # Saved (the editor closes): the keyboard's focus goes back to the caseload, not to nowhere.
        self.editor.save_button.clicked.connect(lambda: self.editor.isEnabled() or self.caseload.setFocus())
        splitter = QSplitter()
        splitter.addWidget(left)
        splitter.addWidget(self.editor)
        splitter.setSizes([520, 520])
        QVBoxLayout(self).addWidget(splitter)
        self.rows: list[conferences.CaseloadRow] = []
        self.advisor.currentIndexChanged.connect(lambda _i: self.reload())
        self.not_met_days.valueChanged.connect(lambda _v: self.reload())
        self.caseload.currentCellChanged.connect(lambda row, *_: self._show_history(row))
        context.changed.connect(lambda kind, _key: kind == "conference" and self.reload())
        self._loaded = False

    def show_class(self, _class_id: str | None) -> None:
        """Caseloads are by advisor, not class; loaded once, then kept current."""
        if not self._loaded:
            self._loaded = True
            for advisor_id, name in self.context.call(conferences.advisors):
                self.advisor.addItem(name, advisor_id)
            self.reload()
            self.offer_drafts()

    def reload(self) -> None:
        advisor_id = self.advisor.currentData()
        self.rows = self.context.call(conferences.caseload, advisor_id, not_met_days=self.not_met_days.value()) \
            if advisor_id else []
        self.caseload.setRowCount(0)
        for line, row in enumerate(self.rows):
            self.caseload.insertRow(line)
            steps = (tr("{open} ({overdue} overdue)").format(open=row.open_steps, overdue=row.overdue_steps)
                     if row.overdue_steps else f"{row.open_steps}")
            values = (row.name, date_text(row.last_met) if row.last_met else tr("never"), steps,
                      "; ".join(row.flags))
            for column, text in enumerate(values):
                cell = QTableWidgetItem(text)
                if column == 3 and row.flags:
                    cell.setBackground(QBrush(QColor("#fff3c4")))
                    cell.setForeground(QBrush(QColor("#000000")))  # readable in a dark theme too
                self.caseload.setItem(line, column, cell)

    def _show_history(self, row: int) -> None:
        self.history.clear()
        if not 0 <= row < len(self.rows):
            return
        student_id = self.rows[row].student_id
        for note in self.context.call(conferences.notes_for_advisor, student_id):
            self.history.addItem((tr("Concern: {text}") if note.concern else tr("Note from a teacher: {text}"))
                                 .format(text=note.text))
        for conference in self.context.call(conferences.history, student_id, self.advisor.currentData()):
            open_steps = sum(1 for s in conference.steps if not s.done)
            steps = ""
            if open_steps:
                steps = "  " + (tr("[{n} open step]") if open_steps == 1 else tr("[{n} open steps]")).format(n=open_steps)
            self.history.addItem(f"{date_text(conference.held_on)}  {conference.kind} ({conference.privacy}) — "
                                 f"{conference.notes[:80]}" + steps)

    def new_conference(self) -> None:
        row = self.caseload.currentRow()
        if not 0 <= row < len(self.rows):
            self.context.message.emit(tr("Pick an advisee first."))
            return
        self.editor.save_draft()
        self.editor.start(self.rows[row].student_id, self.rows[row].name, self.advisor.currentData())

    def offer_drafts(self, ask=None) -> bool:
        """After a crash: offer the conference that was being typed. Returns True if one was brought back."""
        found = self.context.call(conferences.open_drafts)
        if not found:
            return False
        key, payload, when = found[-1]
        question = tr("A conference note was not saved ({title}, last typed {when}). Bring it back?").format(
            title=payload.get("title", ""), when=datetime_text(when))
        answer = ask(question) if ask else QMessageBox.question(self, tr("Unsaved conference"), question) == \
            QMessageBox.StandardButton.Yes
        if not answer:
            self.context.call(conferences.discard_draft, key)
            return False
        name = payload.get("title", "").removeprefix(conference_title(""))
        self.editor.start(payload["student_id"], name, payload.get("author_id", ""), payload)
        return True

    def run_search(self) -> None:
        """What the advisor may see that matches, with the matched words marked."""
        text = self.search_box.text()
        # One letter matches nearly everything (and slowly): wait for the second.
        hits = self.context.call(search.search, self.advisor.currentData() or "", text) \
            if len(text.strip()) >= 2 else []
        self.results.clear()
        self.results.setVisible(bool(text.strip()))
        for hit in hits:
            snippet = hit.snippet.replace(search.MARK_START, "«").replace(search.MARK_END, "»")
            self.results.addItem(f"{hit.student_name} · {hit.kind}: {snippet}")
        if text.strip() and not hits:
            self.results.addItem(tr("Nothing you may see matches."))

    def family_pack(self, path: Path | None = None, language: str | None = None, class_id: str | None = None) -> bool:
        """A one-page PDF for a family or student-led conference, in English or Spanish."""
        row = self.caseload.currentRow()
        if not 0 <= row < len(self.rows):
            self.context.message.emit(tr("Pick an advisee first."))
            return False
        if language is None:
            # The family's language, each named in itself (as in Settings).
            language, ok = QInputDialog.getItem(self, tr("Family pack"), tr("Language:"),
                                                ["English", "Español"], 0, False)  # notr
            if not ok:
                return False
            language = "es" if language == "Español" else "en"
        if path is None:
            chosen, _ = QFileDialog.getSaveFileName(self, tr("Save the family pack"),
                                                    tr("{name} family pack.pdf").format(name=self.rows[row].name),
                                                    tr("PDF (*.pdf)"))
            if not chosen:
                return False
            path = Path(chosen)
        student_id = self.rows[row].student_id
        try:
            pack = self.context.call(family_pack.family_pack, student_id, class_id)
            write_family_pack(pack, path, language=language)
        except (family_pack.FamilyPackError, OSError) as error:
            QMessageBox.warning(self, tr("Family pack not saved"), str(error))
            return False
        self.context.message.emit(tr("Saved {file}: only what is marked shareable with the family is in it.").format(
            file=path.name))
        return True

    def learning_plan(self) -> QDialog | None:
        row = self.caseload.currentRow()
        if not 0 <= row < len(self.rows):
            self.context.message.emit(tr("Pick an advisee first."))
            return None
        dialog = LearningPlanDialog(self.context, self.rows[row].student_id, self.rows[row].name,
                                    self.advisor.currentData(), self)
        dialog.open()
        return dialog
