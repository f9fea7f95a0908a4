"""Drafts: what a person is typing, saved every few seconds and when focus moves, so a crash or a
power cut loses at most a few seconds. Local to this laptop: a draft never syncs; the finished
record does."""

from __future__ import annotations

from datetime import UTC, datetime

import orjson
from sqlmodel import Field, SQLModel

from plclassroom.store.unit_of_work import UnitOfWork


class LocalDraft(SQLModel, table=True):
    __tablename__ = "local_draft"

    key: str = Field(primary_key=True)  # e.g. "conference:new:<student id>" or "conference:<id>"
    kind: str = Field(index=True)
    payload: str  # JSON
    updated_at: datetime


def save_draft(uow: UnitOfWork, key: str, kind: str, payload: dict) -> None:
    row = uow.session.get(LocalDraft, key)
    text = orjson.dumps(payload).decode()
    if row is None:
        uow.session.add(LocalDraft(key=key, kind=kind, payload=text, updated_at=datetime.now(UTC)))
    elif row.payload != text:
        row.payload, row.updated_at = text, datetime.now(UTC)
    uow.commit()


def drafts(uow: UnitOfWork, kind: str) -> list[tuple[str, dict, datetime]]:
    rows = uow.session.query(LocalDraft).filter(LocalDraft.kind == kind).order_by(LocalDraft.updated_at).all()
    return [(row.key, orjson.loads(row.payload), row.updated_at) for row in rows]


def discard_draft(uow: UnitOfWork, key: str) -> None:
    row = uow.session.get(LocalDraft, key)
    if row is not None:
        uow.session.delete(row)
        uow.commit()
