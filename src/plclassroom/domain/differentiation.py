"""Which version of a playlist item a student gets: the base item or one of its variants (a
read-aloud version, a Spanish version, an extension), chosen from the learner profile.

An item's ``suitability`` says who it is for and who it is not for:
  {"not_for": ["IEP"], "languages": ["Spanish"], "min_level": 3.0, "max_level": 4.0,
   "for_accommodations": ["IEP"]}
The one hard rule: a student with an accommodation never gets a version marked not for it.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass


@dataclass(frozen=True)
class Learner:
    languages: frozenset[str]  # lower-case: {"spanish", "english"}
    accommodations: frozenset[str]  # accommodation kinds: {"IEP", "ELL"}
    level: float | None  # on the item's competency; None: no evidence yet


@dataclass(frozen=True)
class Version:
    id: str
    label: str  # "" for the base item
    suitability: dict


@dataclass(frozen=True)
class Choice:
    version: Version | None  # None: no version of this item suits the student
    why: str


def learner_from_profile(languages_text: str, accommodation_kinds: Sequence[str], level: float | None) -> Learner:
    languages = {part.strip().lower() for part in languages_text.replace(";", ",").split(",") if part.strip()}
    return Learner(frozenset(languages), frozenset(accommodation_kinds), level)


def _excluded(version: Version, learner: Learner) -> str | None:
    blocked = set(version.suitability.get("not_for", [])) & learner.accommodations
    if blocked:
        return f"not for students with {', '.join(sorted(blocked))}"
    return None


def _fit(version: Version, learner: Learner) -> tuple[int, list[str]]:
    """How well a version fits the learner (higher is better) and the reasons."""
    s, score, reasons = version.suitability, 0, []
    wanted_languages = {language.lower() for language in s.get("languages", [])}
    if wanted_languages:
        if wanted_languages & learner.languages:
            score += 3
            reasons.append(f"in {', '.join(sorted(wanted_languages & learner.languages)).title()}")
        else:
            return -1, []
    wanted_supports = set(s.get("for_accommodations", []))
    if wanted_supports:
        if wanted_supports & learner.accommodations:
            score += 3
            reasons.append(f"made for {', '.join(sorted(wanted_supports & learner.accommodations))}")
        else:
            return -1, []
    low, high = s.get("min_level"), s.get("max_level")
    if low is not None or high is not None:
        if learner.level is None:
            return -1, []
        if (low is None or learner.level >= low) and (high is None or learner.level <= high):
            score += 2
            reasons.append(f"for level {learner.level:.1f}")
        else:
            return -1, []
    return score, reasons


def choose_version(base: Version, variants: Sequence[Version], learner: Learner) -> Choice:
    """The best-fitting version the learner may have; the base item when no variant fits better."""
    best: tuple[int, Version, list[str]] | None = None
    refused: list[str] = []
    for version in [base, *variants]:
        reason = _excluded(version, learner)
        if reason:
            refused.append(f"{version.label or 'the main version'} is {reason}")
            continue
        score, reasons = _fit(version, learner)
        if score < 0:
            continue
        if best is None or score > best[0]:
            best = (score, version, reasons)
    if best is None:
        return Choice(None, "no version suits this student: " + "; ".join(refused or ["none fits"]))
    _score, version, reasons = best
    if version is base:
        why = "the main version" + (f" ({'; '.join(refused)})" if refused else "")
    else:
        why = f"{version.label}: " + ", ".join(reasons or ["suits the student"])
    return Choice(version, why)
