"""Writing CSV for other systems: UTF-8 with a byte-order mark (so Excel reads accents right),
a header row, every value as text. Written whole or not at all (``interop.atomic``)."""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable, Sequence
from pathlib import Path

from plclassroom.interop.atomic import atomic_write


def write_csv(path: Path, columns: Sequence[str], rows: Iterable[dict]) -> int:
    written = 0
    with atomic_write(Path(path)) as raw:
        f = io.TextIOWrapper(raw, encoding="utf-8-sig", newline="")
        writer = csv.DictWriter(f, fieldnames=list(columns), extrasaction="ignore")
        writer.writeheader()
        for row in rows:
            writer.writerow({k: "" if v is None else v for k, v in row.items()})
            written += 1
        f.flush()
        f.detach()  # leave the file to atomic_write, which syncs and moves it into place
    return written
