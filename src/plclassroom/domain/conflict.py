"""Two versions of one long text: kept both, flagged for a person to settle.

When a note or a profile narrative was changed on two devices that had not seen each other's
change, the newer version stands (as for every field) and the other is kept here, with who made
it and when, until someone keeps one or merges them (the conflicts view). Nothing is lost.
"""

from __future__ import annotations

import difflib
import re

from sqlalchemy import BigInteger
from sqlmodel import Field

from plclassroom.domain.base import Synced
from plclassroom.domain.profile import PROFILE_TEXT_FIELDS

# The long texts where a silent last-writer-wins would throw away someone's writing.
LONG_TEXT = frozenset({("learner_profile", name) for name in PROFILE_TEXT_FIELDS}
                      | {("conference", "notes"), ("advisor_note", "text"), ("next_step", "text"),
                         ("goal", "statement"), ("goal", "progress")})


class SyncConflict(Synced, table=True):
    __tablename__ = "sync_conflict"

    table_name: str
    row_id: str = Field(max_length=36, index=True)
    field: str
    student_id: str | None = Field(default=None, max_length=36, index=True)  # whose data: for scope
    kept: str  # the version that stands
    other: str  # the version that lost, kept here
    other_device: str = Field(max_length=36)
    other_hlc: int = Field(sa_type=BigInteger)
    resolved: bool = False


_TOKENS = re.compile(r"\s+|\w+|[^\w\s]")


def word_diff(first: str, second: str) -> list[tuple[str, str]]:
    """The two versions as runs of ``(kind, text)``, word by word: "same" (in both), "removed"
    (only in ``first``), "added" (only in ``second``). ``first`` is the same runs minus "added";
    ``second`` the same runs minus "removed"."""
    a, b = _TOKENS.findall(first), _TOKENS.findall(second)
    runs: list[tuple[str, str]] = []
    for op, i1, i2, j1, j2 in difflib.SequenceMatcher(None, a, b, autojunk=False).get_opcodes():
        if op == "equal":
            runs.append(("same", "".join(a[i1:i2])))
            continue
        if i2 > i1:
            runs.append(("removed", "".join(a[i1:i2])))
        if j2 > j1:
            runs.append(("added", "".join(b[j1:j2])))
    return runs
