"""The school's early-warning rules, as numbers a team can read and change (a school setting,
synced to its staff): what makes a student "behind pace", "no recent evidence" and the rest."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QDoubleSpinBox,
    QFormLayout,
    QLabel,
    QSpinBox,
    QWidget,
)

from plclassroom.domain.early_warning import Thresholds
from plclassroom.services import early_warning
from plclassroom.ui.context import AppContext
from plclassroom.ui.i18n import tr


class RulesDialog(QDialog):
    def __init__(self, context: AppContext, school_id: str, school: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context, self.school_id = context, school_id
        self.setWindowTitle(tr("Early-warning rules — {school}").format(school=school))
        now = context.call(early_warning.thresholds, school_id)
        self.pace = QSpinBox(minimum=0, maximum=100, suffix=" %", value=round(now.pace_margin * 100),
                             accessibleName=tr("Behind pace: how far behind the expected progress"))
        self.no_evidence = QSpinBox(minimum=1, maximum=365, value=now.no_evidence_days, suffix=tr(" days"),
                                    accessibleName=tr("No recent evidence: days without evidence"))
        self.share = QSpinBox(minimum=0, maximum=100, suffix=" %", value=round(now.assessed_share * 100),
                              accessibleName=tr("Share of the class with recent evidence on a competency"))
        self.pieces = QSpinBox(minimum=2, maximum=50, value=now.falling_pieces,
                               accessibleName=tr("Mastery falling: how many of the newest scores"))
        self.drop = QDoubleSpinBox(minimum=0.1, maximum=10.0, singleStep=0.1, decimals=1, value=now.falling_drop,
                                   accessibleName=tr("Mastery falling: by how much"))
        self.grace = QSpinBox(minimum=0, maximum=60, value=now.follow_up_grace_days, suffix=tr(" days"),
                              accessibleName=tr("Follow-up overdue: days of grace"))
        self.advisor = QSpinBox(minimum=1, maximum=365, value=now.advisor_days, suffix=tr(" days"),
                                accessibleName=tr("Not met by the advisor: days"))
        self.ready = QDoubleSpinBox(minimum=0.0, maximum=100.0, singleStep=0.5, decimals=1, value=now.ready_score,
                                    accessibleName=tr("Ready to move up: the mastery score"))
        form = QFormLayout(self)
        form.addRow(QLabel(tr("A student is flagged when…"), wordWrap=True))
        form.addRow(tr("behind a playlist's expected progress by more than:"), self.pace)
        form.addRow(tr("no evidence on a competency the class is assessing for more than:"), self.no_evidence)
        form.addRow(tr("…a competency counts as being assessed when this share has recent evidence:"), self.share)
        form.addRow(tr("the newest scores on a competency (how many):"), self.pieces)
        form.addRow(tr("…fall by at least:"), self.drop)
        form.addRow(tr("a next step or follow-up is overdue by more than:"), self.grace)
        form.addRow(tr("the advisor has not met them for more than:"), self.advisor)
        form.addRow(tr("ready to move up: those newest scores are all at least:"), self.ready)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)

    def thresholds(self) -> Thresholds:
        return Thresholds(pace_margin=self.pace.value() / 100, no_evidence_days=self.no_evidence.value(),
                          falling_pieces=self.pieces.value(), falling_drop=self.drop.value(),
                          follow_up_grace_days=self.grace.value(), advisor_days=self.advisor.value(),
                          ready_score=self.ready.value(), assessed_share=self.share.value() / 100)

    def save(self) -> None:
        try:
            self.context.call(early_warning.set_thresholds, self.school_id, self.thresholds())
        except early_warning.EarlyWarningError as error:
            self.context.message.emit(str(error))
            return
        self.accept()
