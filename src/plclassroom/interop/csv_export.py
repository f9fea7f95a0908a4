"""Writing CSV for other systems: UTF-8 with a byte-order mark (so Excel reads accents right),
a header row, every value as text. Written to a temporary file and moved into place, so a
crash never leaves half a file where the district expects a whole one."""

from __future__ import annotations

import csv
import os
import tempfile
from collections.abc import Iterable, Sequence
from pathlib import Path


def write_csv(path: Path, columns: Sequence[str], rows: Iterable[dict]) -> int:
    path = Path(path)
    handle, temporary = tempfile.mkstemp(prefix=f".{path.name}.", dir=path.parent)
    written = 0
    try:
        with os.fdopen(handle, "w", encoding="utf-8-sig", newline="") as f:
            writer = csv.DictWriter(f, fieldnames=list(columns), extrasaction="ignore")
            writer.writeheader()
            for row in rows:
                writer.writerow({k: "" if v is None else v for k, v in row.items()})
                written += 1
        os.replace(temporary, path)
    except BaseException:
        os.unlink(temporary)
        raise
    return written
