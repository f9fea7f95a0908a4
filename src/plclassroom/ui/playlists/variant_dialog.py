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

RULES = [("for_accommodations", "Students with an accommodation"), ("languages", "Students who speak a language"),
         ("level", "Students at a level on the item's competency")]


class VariantDialog(QDialog):
    def __init__(self, base_title: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(f"A version of “{base_title}”")
        self.label = QLineEdit("read-aloud", accessibleName="Name of this version")
        self.title = QLineEdit(f"{base_title} (read-aloud)", accessibleName="Title students see")
        self.rule = QComboBox(accessibleName="Who it is for")
        for key, text in RULES:
            self.rule.addItem(text, key)
        self.accommodation = QComboBox(accessibleName="Accommodation")
        self.accommodation.addItems([kind.value for kind in AccommodationKind])
        self.language = QLineEdit("Spanish", accessibleName="Language")
        self.low = QDoubleSpinBox(decimals=1, singleStep=0.5, minimum=0, maximum=4, value=3,
                                  accessibleName="From level")
        self.high = QDoubleSpinBox(decimals=1, singleStep=0.5, minimum=0, maximum=4, value=4,
                                   accessibleName="To level")
        self.not_for = QComboBox(accessibleName="The main version is not for")
        self.not_for.addItem("(nobody excluded)", "")
        self.not_for.addItems([kind.value for kind in AccommodationKind])
        form = QFormLayout(self)
        form.addRow("Name:", self.label)
        form.addRow("Title:", self.title)
        form.addRow("For:", self.rule)
        form.addRow("Accommodation:", self.accommodation)
        form.addRow("Language:", self.language)
        form.addRow("From level:", self.low)
        form.addRow("To level:", self.high)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)
        self.label.textEdited.connect(lambda text: self.title.setText(f"{base_title} ({text})"))

    def suitability(self) -> dict:
        rule = self.rule.currentData()
        if rule == "for_accommodations":
            return {"for_accommodations": [self.accommodation.currentText()]}
        if rule == "languages":
            return {"languages": [self.language.text().strip()]}
        return {"min_level": self.low.value(), "max_level": self.high.value()}
