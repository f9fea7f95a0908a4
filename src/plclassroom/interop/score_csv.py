"""Reading a CSV of test results (a state test, a screener such as MAP): whatever its columns,
as exported by the vendor. The mapping of its columns onto ours is the person's, not guessed."""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path

from plclassroom.interop.problems import Problem

DATE_FORMATS = {"YYYY-MM-DD": "%Y-%m-%d", "MM/DD/YYYY": "%m/%d/%Y", "DD/MM/YYYY": "%d/%m/%Y"}


class ScoreFileError(ValueError):
    """The file cannot be read at all; the message says why."""


@dataclass
class ScoreFile:
    name: str
    headers: list[str]
    rows: list[tuple[int, dict[str, str]]]  # (line in the file, the header being line 1; values by header)


def read_score_file(path: Path) -> ScoreFile:
    path = Path(path)
    try:
        text = path.read_bytes().decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise ScoreFileError(f"{path.name} is not UTF-8 text (byte {exc.object[exc.start]:#04x} at position "
                             f"{exc.start}); save it as UTF-8 and try again") from exc
    except OSError as exc:
        raise ScoreFileError(f"{path.name} cannot be read ({exc.strerror})") from exc
    try:
        dialect = csv.Sniffer().sniff(text[:4096], delimiters=",;\t")
    except csv.Error:
        dialect = csv.excel
    reader = csv.reader(io.StringIO(text), dialect)
    try:
        header = next(reader, None)
        if not header or not any(h.strip() for h in header):
            raise ScoreFileError(f"{path.name} is empty: the first line should name the columns")
        headers = [h.strip() for h in header]
        rows = []
        for cells in reader:
            if any(cell.strip() for cell in cells):
                rows.append((reader.line_num, dict(zip(headers, (c.strip() for c in cells), strict=False))))
    except csv.Error as exc:
        raise ScoreFileError(f"{path.name} line {reader.line_num} cannot be read as CSV ({exc})") from exc
    return ScoreFile(path.name, headers, rows)


def parse_score(text: str) -> float | None:
    try:
        return float(text.replace(",", ".")) if text else None
    except ValueError:
        return None


def parse_date(text: str, date_format: str) -> date | None:
    try:
        return datetime.strptime(text, DATE_FORMATS[date_format]).date()
    except (KeyError, ValueError):
        return None


__all__ = ["DATE_FORMATS", "Problem", "ScoreFile", "ScoreFileError", "parse_date", "parse_score", "read_score_file"]
