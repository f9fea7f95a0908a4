"""The school's mastery defaults (Settings > New classes) given to the classes a roster import
brings to this laptop. Why they are kept per laptop: ``services/school_defaults.py``."""

from __future__ import annotations

from collections.abc import Callable, Iterable

from plclassroom.services import roster, school_defaults
from plclassroom.ui import settings
from plclassroom.ui.context import AppContext
from plclassroom.ui.i18n import tr
from plclassroom.ui.preferences.dialog import mastery_defaults


def after_roster_import(context: AppContext, known: Callable[[], Iterable[str]], then: Callable) -> Callable:
    """Wrap a roster import's "imported" step: the classes that were not ``known`` before it (the
    window's class picker still holds the old list) and that nobody has set up get the defaults,
    then ``then(report)`` runs (it refreshes the window)."""

    def imported(report) -> None:
        before = set(known())
        new = [summary.id for summary in context.call(roster.list_classes) if summary.id not in before]
        try:
            context.call(school_defaults.apply_to_new_classes, new, mastery_defaults(settings.preferences()))
        except ValueError as error:  # a hand-edited setting the app does not know
            context.message.emit(tr("The school's mastery defaults were not applied: {error}").format(error=error))
        then(report)

    return imported
