"""The school's mastery defaults: the calculation method and the mastery level a class starts with
when it arrives on this laptop without settings of its own (Settings > New classes).

Where they are kept (a decision): in this laptop's settings (QSettings, kept by the UI), not in
the database, so not synced. A class's own method and scale are in the database and sync with it
(``SchoolClass.mastery_method``/``mastery_params``, its ``ProficiencyScale``), and they stay the
truth for the class. A school-wide default that synced would be school policy, and one teacher's
Settings dialog is not where policy is set: it would need the district's authority (a setting
on the district server, pushed to every laptop in the school), a schema change to ``School``
(whose ``extra`` belongs to the OneRoster import, which rewrites it on every import), and rules
for two laptops that disagree. Until the district sets it, the teacher sets this laptop's
defaults to what their school uses; they are written onto each new class (so the class itself
carries them, synced, and other laptops see the same levels), and never change a class that has
been set up.

This service takes the defaults as a value, so it does not care where they are kept.
"""

from __future__ import annotations

from dataclasses import dataclass

from plclassroom.domain import DEFAULT_FOUR_POINT_SCALE, ProficiencyLevel, ProficiencyScale, SchoolClass
from plclassroom.domain.mastery import DEFAULTS, Method
from plclassroom.store.unit_of_work import UnitOfWork


@dataclass(frozen=True)
class MasteryDefaults:
    method: str = Method.DECAYING_AVERAGE.value  # as the class table's own default
    n: int = DEFAULTS["n"]
    weight: float = DEFAULTS["weight"]
    mastery_score: float = DEFAULTS["mastery_score"]  # a level of the standard 4-point scale

    def params(self) -> dict:
        return {"n": self.n, "weight": self.weight}


MASTERY_LEVELS = [(score, label) for score, _cut_off, label, _colour in DEFAULT_FOUR_POINT_SCALE]


def not_set_up(section: SchoolClass) -> bool:
    """A class as an import or the district made it: no scale of its own, no method parameters
    (choosing a method in Class > Mastery settings always stores them)."""
    return section.proficiency_scale_id is None and not section.mastery_params


def apply_to_new_classes(uow: UnitOfWork, class_ids: list[str], defaults: MasteryDefaults) -> list[str]:
    """Give the classes among ``class_ids`` that have not been set up the defaults; returns the
    ones changed. Defaults equal to the app's own change nothing (a class reads those already)."""
    Method(defaults.method)  # a method this app knows, or ValueError
    if defaults == MasteryDefaults() or not class_ids:
        return []
    sections = [s for s in (uow.get(SchoolClass, class_id) for class_id in class_ids) if s and not_set_up(s)]
    scales: dict[str, str] = {}
    for section in sections:
        section.mastery_method = defaults.method
        section.mastery_params = defaults.params()
        if defaults.mastery_score != DEFAULTS["mastery_score"]:
            if section.school_id not in scales:
                scales[section.school_id] = _school_scale(uow, section.school_id, defaults.mastery_score)
            section.proficiency_scale_id = scales[section.school_id]
        uow.session.add(section)
    uow.commit()
    return [section.id for section in sections]


def _school_scale(uow: UnitOfWork, school_id: str, mastery_score: float) -> str:
    """The standard 4-point scale with mastery from ``mastery_score``: one for the new classes of a
    school (each class may still be given its own in Class > Mastery settings)."""
    if mastery_score not in {score for score, _label in MASTERY_LEVELS}:
        raise ValueError(f"Mastery must be one of the 4-point scale's levels, not {mastery_score}.")
    label = dict(MASTERY_LEVELS)[mastery_score]
    scale = uow.add(ProficiencyScale(name=f"4-point scale (mastery from {label})", school_id=school_id,
                                     mastery_score=mastery_score))
    for score, min_score, level, colour in DEFAULT_FOUR_POINT_SCALE:
        uow.add(ProficiencyLevel(scale_id=scale.id, score=score, min_score=min_score, label=level, color=colour))
    uow.session.flush()  # the scale before a class points at it
    return scale.id
