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

AUTOSAVE_MS = 3000
PRIVACY_LABELS = {"private": "Private (only me)", "teachers": "The student's teachers", "family": "Shareable with "
                  "the family"}


class ConferenceEditor(QWidget):
    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.student_id = ""
        self.conference_id: str | None = None
        self.author_id = ""
        self._loading = False
        self.title = QLabel(objectName="profileSubtitle")
        self.held_on = QDateEdit(QDate.currentDate(), calendarPopup=True, accessibleName="Date")
        self.minutes = QSpinBox(minimum=0, maximum=600, value=15, suffix=" min", accessibleName="Length")
        self.kind = QComboBox(accessibleName="Kind of conference")
        self.kind.addItems(conferences.KINDS)
        self.attendees = QLineEdit("student, advisor", accessibleName="Who was there")
        self.notes = QPlainTextEdit(accessibleName="Notes")
        self.notes.setTabChangesFocus(True)
        self.privacy = QButtonGroup(self)
        privacy_row = QVBoxLayout()
        for value, label in PRIVACY_LABELS.items():
            button = QRadioButton(label)
            button.setProperty("value", value)
            self.privacy.addButton(button)
            privacy_row.addWidget(button)
        self.privacy.buttons()[1].setChecked(True)
        self.follow_up = QDateEdit(QDate.currentDate().addDays(21), calendarPopup=True,
                                   accessibleName="Follow-up date")
        self.goals = QTableWidget(0, 2, accessibleName="Goals reviewed")
        self.goals.setHorizontalHeaderLabels(["Goal (tick the ones you talked about)", "How it is going"])
        self.goals.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.goals.verticalHeader().hide()
        self.goals.setMaximumHeight(120)
        self.steps = QTableWidget(0, 4, accessibleName="Next steps")
        self.steps.setHorizontalHeaderLabels(["Next step", "Who", "Due", "Done"])
        self.steps.horizontalHeaderItem(2).setToolTip("Write the date as YYYY-MM-DD")
        self.steps.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.steps.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.steps.setWordWrap(False)
        self.steps.setMaximumHeight(150)
        add_step = QPushButton("Add next step")
        add_step.clicked.connect(lambda: self.add_step())
        self.save_button = QPushButton("Save conference")
        self.save_button.clicked.connect(lambda: self.save())
        self.status = QLabel()
        form = QFormLayout()
        form.addRow(self.title)
        form.addRow("Date:", self.held_on)
        form.addRow("Length:", self.minutes)
        form.addRow("Kind:", self.kind)
        form.addRow("Who was there:", self.attendees)
        form.addRow("Notes:", self.notes)
        form.addRow("Privacy:", privacy_row)
        form.addRow("Meet again by:", self.follow_up)
        form.addRow("Goals reviewed:", self.goals)
        form.addRow("Next steps:", self.steps)
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
        self.title.setText(f"Conference with {name}")
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
        owner_box = QComboBox()
        owner_box.addItems(OWNERS)
        owner_box.setCurrentText(owner)
        owner_box.currentIndexChanged.connect(self._edited)
        self.steps.setCellWidget(row, 1, owner_box)
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
                raise conferences.ConferenceError(f"{step['due_on']!r} is not a date: write it as YYYY-MM-DD") \
                    from None
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
        self.status.setText("Draft saved")

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
        self.status.setText("Saved")
        self.context.message.emit("Conference saved.")
        self.context.changed.emit("conference", "")
        return conference_id


class TemplatesDialog(QDialog):
    """The school's prompts for each kind of conference."""

    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.setWindowTitle("Conference templates")
        self.resize(640, 420)
        self.kind = QComboBox(accessibleName="Kind of conference")
        self.kind.addItems(conferences.KINDS)
        self.prompts = QPlainTextEdit(accessibleName="Prompts, one a line")
        save = QPushButton("Save these prompts")
        close = QPushButton("Close")
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
        self.context.message.emit(f"Prompts for {self.kind.currentText()} conferences saved.")


class ConferencesPanel(QWidget):
    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.advisor = QComboBox(accessibleName="Whose caseload")
        self.not_met_days = QSpinBox(minimum=1, maximum=365, value=conferences.NOT_MET_DAYS, suffix=" days",
                                     accessibleName="Flag students not met in")
        self.caseload = QTableWidget(0, 4, accessibleName="Caseload")
        self.caseload.setHorizontalHeaderLabels(["Advisee", "Last met", "Open steps", "Why see them"])
        self.caseload.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.caseload.horizontalHeader().setSectionResizeMode(3, QHeaderView.ResizeMode.Stretch)
        self.caseload.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.caseload.setSelectionBehavior(QTableWidget.SelectionBehavior.SelectRows)
        self.caseload.setSortingEnabled(False)
        self.history = QListWidget(accessibleName="Conference history")
        self.search_box = QLineEdit(placeholderText="Search notes, goals and next steps…",
                                    accessibleName="Search conference notes")
        self.search_box.setClearButtonEnabled(True)
        self.results = QListWidget(accessibleName="Search results")
        self.results.setVisible(False)
        self._search_timer = QTimer(self, singleShot=True, interval=150)  # search as you type, not per key
        self._search_timer.timeout.connect(self.run_search)
        self.search_box.textChanged.connect(lambda _t: self._search_timer.start())
        new = QPushButton("New conference…", toolTip="A conference with the advisee selected above")
        new.clicked.connect(lambda: self.new_conference())
        templates = QPushButton("Templates…", toolTip="The school's prompts for each kind of conference")
        pack = QPushButton("Family pack…", toolTip="One page for the family: goals in the student's words, "
                                                   "strengths, next steps; only what is marked shareable")
        pack.clicked.connect(lambda: self.family_pack())
        plan = QPushButton("Learning plan…", toolTip="The advisee's personal learning plan, with every change")
        plan.clicked.connect(lambda: self.learning_plan())
        templates.clicked.connect(lambda: TemplatesDialog(self.context, self).open())
        bar = QFormLayout()
        bar.addRow("Caseload of:", self.advisor)
        bar.addRow("Flag if not met in:", self.not_met_days)
        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.addLayout(bar)
        left_layout.addWidget(self.search_box)
        left_layout.addWidget(self.results, 1)
        left_layout.addWidget(self.caseload, 2)
        left_layout.addWidget(QLabel("History and teachers' notes"))
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
            values = (row.name, row.last_met.isoformat() if row.last_met else "never",
                      f"{row.open_steps}" + (f" ({row.overdue_steps} overdue)" if row.overdue_steps else ""),
                      "; ".join(row.flags))
            for column, text in enumerate(values):
                cell = QTableWidgetItem(text)
                if column == 3 and row.flags:
                    cell.setBackground(QBrush(QColor("#fff3c4")))
                self.caseload.setItem(line, column, cell)

    def _show_history(self, row: int) -> None:
        self.history.clear()
        if not 0 <= row < len(self.rows):
            return
        student_id = self.rows[row].student_id
        for note in self.context.call(conferences.notes_for_advisor, student_id):
            self.history.addItem(("Concern: " if note.concern else "Note from a teacher: ") + note.text)
        for conference in self.context.call(conferences.history, student_id, self.advisor.currentData()):
            open_steps = sum(1 for s in conference.steps if not s.done)
            self.history.addItem(f"{conference.held_on}  {conference.kind} ({conference.privacy}) — "
                                 f"{conference.notes[:80]}" + (f"  [{open_steps} open steps]" if open_steps else ""))

    def new_conference(self) -> None:
        row = self.caseload.currentRow()
        if not 0 <= row < len(self.rows):
            self.context.message.emit("Pick an advisee first.")
            return
        self.editor.save_draft()
        self.editor.start(self.rows[row].student_id, self.rows[row].name, self.advisor.currentData())

    def offer_drafts(self, ask=None) -> bool:
        """After a crash: offer the conference that was being typed. Returns True if one was brought back."""
        found = self.context.call(conferences.open_drafts)
        if not found:
            return False
        key, payload, when = found[-1]
        question = (f"A conference note was not saved ({payload.get('title', '')}, last typed {when:%d %b %H:%M}). "
                    "Bring it back?")
        answer = ask(question) if ask else QMessageBox.question(self, "Unsaved conference", question) == \
            QMessageBox.StandardButton.Yes
        if not answer:
            self.context.call(conferences.discard_draft, key)
            return False
        name = payload.get("title", "").removeprefix("Conference with ")
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
            self.results.addItem("Nothing you may see matches.")

    def family_pack(self, path: Path | None = None, language: str | None = None, class_id: str | None = None) -> bool:
        """A one-page PDF for a family or student-led conference, in English or Spanish."""
        row = self.caseload.currentRow()
        if not 0 <= row < len(self.rows):
            self.context.message.emit("Pick an advisee first.")
            return False
        if language is None:
            language, ok = QInputDialog.getItem(self, "Family pack", "Language:", ["English", "Español"], 0, False)
            if not ok:
                return False
            language = "es" if language == "Español" else "en"
        if path is None:
            chosen, _ = QFileDialog.getSaveFileName(self, "Save the family pack",
                                                    f"{self.rows[row].name} family pack.pdf", "PDF (*.pdf)")
            if not chosen:
                return False
            path = Path(chosen)
        student_id = self.rows[row].student_id
        try:
            pack = self.context.call(family_pack.family_pack, student_id, class_id)
            write_family_pack(pack, path, language=language)
        except (family_pack.FamilyPackError, OSError) as error:
            QMessageBox.warning(self, "Family pack not saved", str(error))
            return False
        self.context.message.emit(f"Saved {path.name}: only what is marked shareable with the family is in it.")
        return True

    def learning_plan(self) -> QDialog | None:
        row = self.caseload.currentRow()
        if not 0 <= row < len(self.rows):
            self.context.message.emit("Pick an advisee first.")
            return None
        dialog = LearningPlanDialog(self.context, self.rows[row].student_id, self.rows[row].name,
                                    self.advisor.currentData(), self)
        dialog.open()
        return dialog
