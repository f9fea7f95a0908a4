"""What an import found wrong, said so a teacher can find and fix it: file, row, column, sentence."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Problem:
    file: str  # "users.csv"
    row: int | None  # the line in the file, the header being row 1; None for the file as a whole
    column: str | None
    message: str
    fatal: bool = False  # a fatal problem stops the import; a row problem skips its row if allowed
    warning: bool = False  # said, then imported as described

    def __str__(self) -> str:
        where = self.file if self.row is None else f"{self.file} row {self.row}"
        return f"{where}: {self.message}"
