"""Alembic environment: always run from code with a connection handed in (see ``upgrade``)."""

from alembic import context

import plclassroom.domain  # noqa: F401  (registers every table on the metadata)
import plclassroom.store.drafts  # noqa: F401
import plclassroom.store.outbox  # noqa: F401
from plclassroom.domain.base import Synced

connection = context.config.attributes["connection"]
context.configure(connection=connection, target_metadata=Synced.metadata, render_as_batch=True)
with context.begin_transaction():
    context.run_migrations()
