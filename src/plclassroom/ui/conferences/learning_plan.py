"""A student's personal learning plan: each part saved when you leave it, every change listed."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QPlainTextEdit,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from plclassroom.domain import PLAN_FIELDS
from plclassroom.services import learning_plans
from plclassroom.ui.context import AppContext
from plclassroom.ui.i18n import date_text, datetime_text, tr
from plclassroom.ui.profile.view import NarrativeEdit


def part_labels() -> dict[str, str]:
    """The plan's parts as shown (``PLAN_FIELDS`` has them in English, for the services)."""
    return {"core_values": tr("Core values"), "action_steps": tr("Action steps"),
            "student_reflection": tr("Reflection by the student"), "family_reflection": tr("Reflection by the family"),
            "advisor_reflection": tr("Reflection by the advisor"), "transition_plan": tr("Transition plan")}


class LearningPlanDialog(QDialog):
    def __init__(self, context: AppContext, student_id: str, name: str, author_id: str | None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context, self.student_id, self.author_id = context, student_id, author_id
        self.setWindowTitle(tr("Learning plan — {name}").format(name=name))
        self.resize(820, 720)
        plan = context.call(learning_plans.plan_for, student_id)
        form = QFormLayout()
        self.parts: dict[str, QPlainTextEdit] = {}
        labels = part_labels()
        for part, english in PLAN_FIELDS.items():
            label = labels.get(part, english)
            editor = NarrativeEdit(accessibleName=label)
            editor.setPlainText(getattr(plan, part))
            editor.setTabChangesFocus(True)
            editor.setFixedHeight(60)
            editor.focus_left.connect(lambda p=part: self.save_part(p))
            self.parts[part] = editor
            form.addRow(f"{label}:", editor)
        self.every = QSpinBox(minimum=1, maximum=52, value=plan.review_every_weeks, suffix=tr(" weeks"),
                              accessibleName=tr("Review every"))
        reviewed = QPushButton(tr("Reviewed with the student today"))
        reviewed.clicked.connect(self.mark_reviewed)
        self.review = QLabel()
        row = QHBoxLayout()
        row.addWidget(QLabel(tr("Review every")))
        row.addWidget(self.every)
        row.addWidget(reviewed)
        row.addWidget(self.review, 1)
        self.history = QListWidget(accessibleName=tr("Every change to the plan"))
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addLayout(row)
        layout.addWidget(QLabel(tr("Every change, newest first")))
        layout.addWidget(self.history, 1)
        self._show(plan)

    def _show(self, plan) -> None:
        upcoming = learning_plans.next_review(plan)
        self.review.setText(tr("Last reviewed {reviewed}, next by {upcoming}").format(
            reviewed=date_text(plan.reviewed_on), upcoming=date_text(upcoming)) if upcoming else tr("Not reviewed yet"))
        self.history.clear()
        shown = {PLAN_FIELDS[part]: label for part, label in part_labels().items() if part in PLAN_FIELDS}
        for revision in self.context.call(learning_plans.revisions, self.student_id):
            self.history.addItem(tr("{when} · {who} changed {part}: “{old}” → “{new}”").format(
                when=datetime_text(revision.at), who=revision.by, part=shown.get(revision.part, revision.part),
                old=revision.old[:40], new=revision.new[:60]))

    def save_part(self, part: str) -> None:
        text = self.parts[part].toPlainText()
        self.context.call(learning_plans.update_part, self.student_id, part, text, self.author_id)
        self._show(self.context.call(learning_plans.plan_for, self.student_id))

    def mark_reviewed(self) -> None:
        for part in self.parts:
            self.save_part(part)
        self.context.call(learning_plans.mark_reviewed, self.student_id, None, self.every.value())
        self._show(self.context.call(learning_plans.plan_for, self.student_id))
        self.context.changed.emit("conference", self.student_id)

    def done(self, result: int) -> None:
        for part in self.parts:  # closing keeps what was typed
            self.save_part(part)
        super().done(result)
