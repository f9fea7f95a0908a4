"""Flex seminars (Class > Flex seminars…): the day's seminars in the school, who is in each, who the
app proposes from mastery, sign-ups on the teacher's laptop, and attendance."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QDate, Qt, QTime
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QDoubleSpinBox,
    QFormLayout,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QSpinBox,
    QTableWidget,
    QTableWidgetItem,
    QTimeEdit,
    QVBoxLayout,
    QWidget,
)

from plclassroom.domain import SchoolClass, SeatSource
from plclassroom.services import mastery, roster, seminars
from plclassroom.services.mastery import short_code
from plclassroom.ui.context import AppContext
from plclassroom.ui.i18n import number_text, tr

ID = Qt.ItemDataRole.UserRole


def source_text(source: str) -> str:
    """How a student got their seat, in the teacher's language (a SeatSource value otherwise as it is)."""
    return {SeatSource.PROPOSED.value: tr("proposed"), SeatSource.ASSIGNED.value: tr("assigned"),
            SeatSource.SIGNED_UP.value: tr("signed up")}.get(source, source)


def _school_of(uow, class_id: str) -> str:
    return uow.get(SchoolClass, class_id).school_id


class SeminarsDialog(QDialog):
    def __init__(self, context: AppContext, class_id: str, day: date | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context, self.class_id = context, class_id
        self.school_id = context.call(_school_of, class_id)
        self.setWindowTitle(tr("Flex seminars"))
        self.day = QDateEdit(QDate(day or date.today()), calendarPopup=True, accessibleName=tr("Flex day"))
        self.list = QListWidget(accessibleName=tr("Seminars on the day"))
        self.seats = QTableWidget(0, 3, accessibleName=tr("Seats"))
        self.seats.setTabKeyNavigation(False)  # arrows move in the table, Tab leaves it (no keyboard trap)
        self.seats.setHorizontalHeaderLabels([tr("Student"), tr("How"), tr("Came")])
        self.seats.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.seats.itemChanged.connect(self._attendance_changed)
        self.note = QLabel(accessibleName=tr("Seminar message"))
        self.note.setWordWrap(True)
        new = QPushButton(tr("New seminar…"))
        new.clicked.connect(lambda: self.new_seminar())
        propose = QPushButton(tr("Propose from mastery…"))
        propose.clicked.connect(lambda: self.propose())
        sign_up = QPushButton(tr("Sign up a student…"))
        sign_up.clicked.connect(lambda: self.sign_up())
        remove = QPushButton(tr("Remove from seminar"))
        remove.clicked.connect(lambda: self.remove_seat())
        left = QVBoxLayout()
        left.addWidget(self.day)
        left.addWidget(self.list, 1)
        left.addWidget(new)
        right = QVBoxLayout()
        right.addWidget(self.seats, 1)
        line = QHBoxLayout()
        for button in (propose, sign_up, remove):
            line.addWidget(button)
        right.addLayout(line)
        right.addWidget(self.note)
        body = QHBoxLayout()
        body.addLayout(left, 1)
        body.addLayout(right, 2)
        layout = QVBoxLayout(self)
        layout.addLayout(body, 1)
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        close.rejected.connect(self.reject)
        layout.addWidget(close)
        self.day.dateChanged.connect(lambda _d: self.refresh())
        self.list.currentRowChanged.connect(lambda _r: self._fill_seats())
        self.resize(900, 520)
        self.refresh()

    def current_day(self) -> date:
        return self.day.date().toPython()

    def current(self) -> str | None:
        item = self.list.currentItem()
        return item.data(ID) if item else None

    def refresh(self, select: str | None = None) -> None:
        select = select or self.current()
        found = self.context.call(seminars.list_seminars, self.school_id, self.current_day())
        self.list.blockSignals(True)
        self.list.clear()
        for s in found:
            topic = f" · {s.competency}" if s.competency else ""
            seats = tr("{seated}/{capacity} seats").format(seated=s.seated, capacity=s.capacity)
            room = s.room or tr("no room")
            item = QListWidgetItem(f"{s.start_time:%H:%M} {s.title}{topic}\n{room} · {seats}")
            item.setData(ID, s.id)
            self.list.addItem(item)
        self.list.blockSignals(False)
        ids = [s.id for s in found]
        self.list.setCurrentRow(ids.index(select) if select in ids else (0 if ids else -1))
        self._fill_seats()

    def _fill_seats(self) -> None:
        table = self.seats
        table.blockSignals(True)
        seated = self.context.call(seminars.seats, self.current()) if self.current() else []
        table.setRowCount(len(seated))
        for row, seat in enumerate(seated):
            name = QTableWidgetItem(seat.name)
            name.setData(ID, seat.student_id)
            table.setItem(row, 0, name)
            table.setItem(row, 1, QTableWidgetItem(source_text(seat.source)))
            came = QTableWidgetItem(tr("came") if seat.attended else
                                    tr("absent") if seat.attended is False else "")
            came.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsUserCheckable)
            came.setCheckState(Qt.CheckState.Checked if seat.attended else Qt.CheckState.Unchecked)
            came.setData(ID, seat.student_id)
            table.setItem(row, 2, came)
        table.resizeColumnsToContents()
        table.blockSignals(False)

    def _attendance_changed(self, item: QTableWidgetItem) -> None:
        if item.column() != 2 or not self.current():
            return
        self.take_attendance({item.data(ID): item.checkState() == Qt.CheckState.Checked})

    def take_attendance(self, attended: dict[str, bool]) -> None:
        self._call(seminars.record_attendance, self.current(), attended)
        self._fill_seats()

    def _call(self, service, *args) -> object | None:
        try:
            result = self.context.call(service, *args)
        except ValueError as error:
            self.note.setText(str(error))
            return None
        self.note.setText("")
        return result

    def new_seminar(self, values: dict | None = None) -> str | None:
        if values is None:
            dialog = NewSeminarDialog(self.context, self.class_id, self)
            if dialog.exec() != QDialog.DialogCode.Accepted:
                return None
            values = dialog.values()
        seminar_id = self._call(seminars.create_seminar, self.school_id, values["title"], self.current_day(),
                                values["start_time"], values["minutes"], values["room"], values["capacity"],
                                values["competency_id"], values["below_score"])
        if seminar_id:
            self.refresh(select=seminar_id)
        return seminar_id

    def propose(self, accept_all: bool = False) -> list[str]:
        seminar_id = self.current()
        if not seminar_id:
            return []
        proposals = self._call(seminars.propose, seminar_id)
        if not proposals:
            if proposals is not None:
                self.note.setText(tr("Nobody below that level is free at that time."))
            return []
        picked = [p.student_id for p in proposals]
        if not accept_all:
            dialog = ProposalDialog(proposals, self)
            if dialog.exec() != QDialog.DialogCode.Accepted:
                return []
            picked = dialog.picked()
        seated = self._call(seminars.seat, seminar_id, picked, SeatSource.ASSIGNED.value) or []
        self.refresh()
        return seated

    def sign_up(self, student_id: str | None = None) -> bool:
        seminar_id = self.current()
        if not seminar_id:
            return False
        if student_id is None:
            people = self.context.call(roster.list_students, self.class_id)
            names = [p.display_name for p in people]
            name, ok = QInputDialog.getItem(self, tr("Sign up"), tr("Student:"), names, 0, False)
            if not ok:
                return False
            student_id = people[names.index(name)].id
        seated = self._call(seminars.seat, seminar_id, [student_id], SeatSource.SIGNED_UP.value)
        self.refresh()
        return bool(seated)

    def remove_seat(self) -> None:
        row = self.seats.currentRow()
        if row < 0 or not self.current():
            return
        self._call(seminars.unseat, self.current(), self.seats.item(row, 0).data(ID))
        self.refresh()


class NewSeminarDialog(QDialog):
    def __init__(self, context: AppContext, class_id: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(tr("New seminar"))
        self.title = QLineEdit(accessibleName=tr("Title"))
        self.start = QTimeEdit(QTime(13, 0), accessibleName=tr("Starts"))
        self.minutes = QSpinBox(minimum=5, maximum=120, value=30, suffix=tr(" min"))
        self.room = QLineEdit(accessibleName=tr("Room"))
        self.capacity = QSpinBox(minimum=1, maximum=200, value=15)
        self.competency = QComboBox(accessibleName=tr("Competency"))
        self.competency.addItem(tr("(none)"), "")
        for c in context.call(mastery.class_mastery, class_id).competencies:
            self.competency.addItem(f"{short_code(c.code)} — {c.statement[:50]}", c.id)
        self.below = QDoubleSpinBox(minimum=0, maximum=10, value=0, singleStep=0.5,
                                    specialValueText=tr("below mastery"))
        form = QFormLayout(self)
        for label, widget in ((tr("Title:"), self.title), (tr("Starts:"), self.start),
                              (tr("Length:"), self.minutes), (tr("Room:"), self.room),
                              (tr("Seats:"), self.capacity), (tr("On:"), self.competency),
                              (tr("Propose students below:"), self.below)):
            form.addRow(label, widget)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)

    def values(self) -> dict:
        return {"title": self.title.text(), "start_time": self.start.time().toPython(),
                "minutes": self.minutes.value(), "room": self.room.text(), "capacity": self.capacity.value(),
                "competency_id": self.competency.currentData() or None,
                "below_score": self.below.value() or None}


class ProposalDialog(QDialog):
    def __init__(self, proposals: list[seminars.Proposal], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(tr("Proposed from mastery"))
        self.list = QListWidget(accessibleName=tr("Proposed students"))
        for p in proposals:
            level = tr("no evidence yet") if p.score is None else tr("level {score}").format(
                score=number_text(p.score, 1))
            item = QListWidgetItem(f"{p.name} ({p.class_title}): {level}")
            item.setData(ID, p.student_id)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Checked if p.score is not None else Qt.CheckState.Unchecked)
            self.list.addItem(item)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(tr("Assign the ticked"))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(tr("Lowest first. Untick anyone who should not come.")))
        layout.addWidget(self.list)
        layout.addWidget(buttons)

    def picked(self) -> list[str]:
        return [self.list.item(i).data(ID) for i in range(self.list.count())
                if self.list.item(i).checkState() == Qt.CheckState.Checked]
