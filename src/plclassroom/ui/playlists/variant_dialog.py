"""Who a version of an item is for: a language, an accommodation, a level band; or who it is not
for. The rule is kept with the version and the app chooses per student from the learner profile."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QDoubleSpinBox,
    QFormLayout,
    QLineEdit,
    QWidget,
)

from plclassroom.domain import AccommodationKind
from plclassroom.ui.i18n import tr


def rules() -> list[tuple[str, str]]:
    """(key, text) of each kind of rule, in the user's language."""
    return [("for_accommodations", tr("Students with an accommodation")),
            ("languages", tr("Students who speak a language")),
            ("level", tr("Students at a level on the item's competency"))]


def accommodation_text(kind: str) -> str:
    """An accommodation kind as shown: the acronyms as they are, "Other" in the user's language."""
    return tr("Other") if kind == AccommodationKind.OTHER.value else kind


class VariantDialog(QDialog):
    def __init__(self, base_title: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(tr("A version of “{title}”").format(title=base_title))
        read_aloud = tr("read-aloud")
        self.label = QLineEdit(read_aloud, accessibleName=tr("Name of this version"))
        self.title = QLineEdit(f"{base_title} ({read_aloud})", accessibleName=tr("Title students see"))
        self.rule = QComboBox(accessibleName=tr("Who it is for"))
        for key, text in rules():
            self.rule.addItem(text, key)
        self.accommodation = QComboBox(accessibleName=tr("Accommodation"))
        for kind in AccommodationKind:
            self.accommodation.addItem(accommodation_text(kind.value), kind.value)
        self.language = QLineEdit(tr("Spanish"), accessibleName=tr("Language"))
        self.low = QDoubleSpinBox(decimals=1, singleStep=0.5, minimum=0, maximum=4, value=3,
                                  accessibleName=tr("From level"))
        self.high = QDoubleSpinBox(decimals=1, singleStep=0.5, minimum=0, maximum=4, value=4,
                                   accessibleName=tr("To level"))
        self.not_for = QComboBox(accessibleName=tr("The main version is not for"))
        self.not_for.addItem(tr("(nobody excluded)"), "")
        for kind in AccommodationKind:
            self.not_for.addItem(accommodation_text(kind.value), kind.value)
        form = QFormLayout(self)
        form.addRow(tr("Name:"), self.label)
        form.addRow(tr("Title:"), self.title)
        form.addRow(tr("For:"), self.rule)
        form.addRow(tr("Accommodation:"), self.accommodation)
        form.addRow(tr("Language:"), self.language)
        form.addRow(tr("From level:"), self.low)
        form.addRow(tr("To level:"), self.high)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)
        self.label.textEdited.connect(lambda text: self.title.setText(f"{base_title} ({text})"))

    def suitability(self) -> dict:
        rule = self.rule.currentData()
        if rule == "for_accommodations":
            return {"for_accommodations": [self.accommodation.currentData()]}
        if rule == "languages":
            return {"languages": [self.language.text().strip()]}
        return {"min_level": self.low.value(), "max_level": self.high.value()}
