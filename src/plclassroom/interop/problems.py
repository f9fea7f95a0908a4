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


class ProblemReport:
    """What every import report says about its problems. Subclasses are dataclasses with a
    ``problems`` list and say what they import in ``subject`` ("The roster")."""

    problems: list[Problem]
    subject = "The file"

    @property
    def fatal(self) -> list[Problem]:
        return [p for p in self.problems if p.fatal]

    @property
    def row_problems(self) -> list[Problem]:
        return [p for p in self.problems if not p.fatal and not p.warning]

    @property
    def warnings(self) -> list[Problem]:
        return [p for p in self.problems if p.warning]

    def refusal(self) -> str:
        if self.fatal:
            more = f" (and {len(self.fatal) - 1} more)" if len(self.fatal) > 1 else ""
            return f"{self.subject} cannot be imported: {self.fatal[0]}{more}"
        return (f"{len(self.row_problems)} rows have problems, first {self.row_problems[0]}. "
                "Fix them, or import the valid rows only.")


class ImportRefused(Exception):
    """An import stopped by the problems in ``report``; nothing was written."""

    def __init__(self, report: ProblemReport) -> None:
        super().__init__(report.refusal())
        self.report = report
