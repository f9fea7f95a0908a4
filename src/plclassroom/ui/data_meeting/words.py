"""What a flag, an agenda item and a student's progress say, in the user's language: each sentence
gives the numbers that tripped the rule and the rule's own threshold, so no flag is a black box."""

from __future__ import annotations

from datetime import date

from plclassroom.domain.early_warning import Flag, Rule
from plclassroom.ui.i18n import date_text, number_text, tr


def grade_text(grade: str) -> str:
    """A OneRoster grade code as people say it: "06" is 6, "KG" is K."""
    if grade == "KG":
        return tr("K")
    return grade.lstrip("0") or grade


def rule_name(rule: Rule) -> str:
    return {Rule.BEHIND_PACE: tr("behind pace"), Rule.NO_EVIDENCE: tr("no recent evidence"),
            Rule.FALLING: tr("mastery falling"), Rule.FOLLOW_UP_OVERDUE: tr("follow-up overdue"),
            Rule.NOT_MET: tr("not met by the advisor"), Rule.READY: tr("ready to move up")}[rule]


def _date(value) -> str:
    if not value:
        return ""
    return date_text(value if isinstance(value, date) else date.fromisoformat(str(value)))


def _scores(values) -> str:
    return " → ".join(number_text(float(v), 1) for v in values or [])


def flag_text(flag: Flag) -> str:
    """Why this flag stands: the subject, the numbers, and the rule's threshold."""
    f = flag.facts
    if flag.rule == Rule.BEHIND_PACE:
        return tr("{subject}: {done} of {total} must-do activities done; about {expected} expected by today "
                  "(due {due}; the rule allows {margin} % behind).").format(
            subject=flag.subject, done=f.get("done"), total=f.get("total"),
            expected=number_text(float(f.get("expected", 0)), 1), due=_date(f.get("due")),
            margin=number_text(float(f.get("margin", 0)) * 100, 0))
    if flag.rule == Rule.NO_EVIDENCE:
        if f.get("last_on"):
            return tr("{subject}: no evidence for {days} days, since {date}; the class has recent evidence on it "
                      "(the rule: {n} days).").format(subject=flag.subject, days=f.get("days_since"),
                                                       date=_date(f.get("last_on")), n=f.get("n"))
        return tr("{subject}: no evidence yet, while the class has some from the last {n} days.").format(
            subject=flag.subject, n=f.get("n"))
    if flag.rule == Rule.FALLING:
        return tr("{subject}: the last {k} scores went {scores}, down {drop} (the rule: down {d} or more).").format(
            subject=flag.subject, k=f.get("k"), scores=_scores(f.get("scores")),
            drop=number_text(float(f.get("drop", 0)), 1), d=number_text(float(f.get("d", 0)), 1))
    if flag.rule == Rule.FOLLOW_UP_OVERDUE:
        if f.get("kind") == "conference":
            return tr("The follow-up of the conference of {held} was due {due}, and there has been none since.").format(
                held=_date(f.get("held_on")), due=_date(f.get("due")))
        return tr("Next step “{subject}” was due {due} and is not done.").format(
            subject=flag.subject, due=_date(f.get("due")))
    if flag.rule == Rule.NOT_MET:
        if f.get("last_on"):
            return tr("Not met by the advisor for {days} days, since {date} (the rule: {n} days).").format(
                days=f.get("days_since"), date=_date(f.get("last_on")), n=f.get("n"))
        return tr("Never met by the advisor in a conference on this laptop.")
    return tr("{subject}: the last {k} scores are all at mastery or above: {scores} (mastery: {score}).").format(
        subject=flag.subject, k=f.get("k"), scores=_scores(f.get("scores")),
        score=number_text(float(f.get("ready_score", 0)), 1))


def progress_text(progress) -> str:
    """A student's evidence since the last meeting."""
    if progress is None or not progress.pieces:
        return tr("no new evidence")
    if progress.pieces == 1:
        return tr("1 piece of evidence, {mean}").format(mean=number_text(progress.mean, 1))
    return tr("{n} pieces of evidence, mean {mean}").format(n=progress.pieces, mean=number_text(progress.mean, 1))


def agenda_text(kind: str, numbers: dict) -> str:
    n = next(iter(numbers.values()), 0)
    texts = {
        "new concerns": (tr("New concerns: {n} student"), tr("New concerns: {n} students")),  # notr: the key
        "concerns": (tr("Concerns: {n} student flagged"), tr("Concerns: {n} students flagged")),  # notr: the key
        "overdue actions": (tr("Overdue: {n} action"), tr("Overdue: {n} actions")),  # notr: the key
        "cleared": (tr("No longer flagged: {n}"), tr("No longer flagged: {n}")),  # notr: the key
        "ready": (tr("Ready to move up: {n} student"), tr("Ready to move up: {n} students")),  # notr: the key
        "review actions": (tr("Review the open action"), tr("Review the {n} open actions")),  # notr: the key
        "agree actions": (tr("Agree actions: who does what by when"), tr("Agree actions: who does what by when")),  # notr: the key
    }
    one, many = texts.get(kind, (kind, kind))
    return (one if n == 1 else many).format(n=n)
