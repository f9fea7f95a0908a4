"""Station rotations: station sets, plans, groups built by the solver, the day's schedule, regrouping,
the weekly view, and the history of who spent how long where.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import dataclass, field, replace
from datetime import date, time, timedelta

from sqlalchemy import select

from plclassroom.domain import (
    Absence,
    Accommodation,
    GroupMember,
    Person,
    Playlist,
    RotationPlan,
    RotationSlot,
    SchoolClass,
    Station,
    StationKind,
    StationSet,
    StudentGroup,
)
from plclassroom.domain import grouping as solver
from plclassroom.domain.schedule import (
    TEMPLATES,
    StationSpec,
    Template,
    block_starts,
    rotate,
    school_days,
    timing_problem,
)
from plclassroom.services import mastery
from plclassroom.services.roster import list_name, students_of
from plclassroom.store.unit_of_work import UnitOfWork

KINDS = [kind.value for kind in StationKind]
ADULTS = ("teacher", "aide", "none")
STATION_FIELDS = ("name", "kind", "capacity", "devices", "playlist_id", "activity", "adult", "required")
# Okabe-Ito: told apart also by people with colour-blindness; a group's name is always written too.
GROUP_COLORS = ("#E69F00", "#56B4E9", "#009E73", "#F0E442", "#0072B2", "#D55E00", "#CC79A7", "#999999")
HISTORY_WEEKS = 4  # teacher-led minutes are balanced over this many weeks back


class RotationError(ValueError):
    """A change the rotation plan cannot take; the message is for the teacher."""

# -- what the planner, the board and the printed sheets show ------------------------------------------


@dataclass(frozen=True)
class StationView:
    id: str
    name: str
    kind: str  # a domain.rotation.StationKind value
    adult: str  # "teacher" | "aide" | "none"
    activity: str  # the playlist's title or the activity written there ("" when none)
    capacity: int | None
    devices: int
    required: bool = True
    playlist_id: str | None = None
    activity_text: str = ""  # the activity as written, without the playlist's title


@dataclass(frozen=True)
class GroupView:
    id: str
    name: str
    color: str  # "#rrggbb"
    members: tuple[str, ...]  # display names, by name
    member_ids: tuple[str, ...] = ()


@dataclass(frozen=True)
class BlockView:
    number: int  # 1, 2, 3 ...
    start: time | None  # clock time the block starts, when the plan has a start time
    minutes: int


@dataclass
class DayPlan:
    """One class's rotation on one day: the blocks, the groups, and which group is at which station."""

    plan_id: str
    class_title: str
    title: str
    day: date
    blocks: list[BlockView]
    transition_minutes: int
    groups: list[GroupView]
    stations: list[StationView]
    where: dict[tuple[int, str], str] = field(default_factory=dict)  # (block number, group id) -> station id
    skips: list[str] = field(default_factory=list)  # plain words: who does not visit a station, and why

    def station_of(self, block: int, group_id: str) -> StationView | None:
        station_id = self.where.get((block, group_id))
        return next((s for s in self.stations if s.id == station_id), None)

    def group_at(self, block: int, station_id: str) -> GroupView | None:
        return next((g for g in self.groups if self.where.get((block, g.id)) == station_id), None)


@dataclass(frozen=True)
class PlanSummary:
    id: str
    title: str
    start_date: date
    end_date: date
    stations: int
    groups: int


@dataclass
class PlanView:
    id: str
    class_id: str
    title: str
    start_date: date
    end_date: date
    period_minutes: int
    rotation_count: int
    rotation_minutes: int
    transition_minutes: int
    start_time: time | None
    grouping_competency_id: str | None
    rules: dict
    stations: list[StationView]
    days: list[date]


@dataclass(frozen=True)
class Move:
    student_id: str
    name: str
    before: str  # the group's name before ("" when the student had none)
    after: str
    why: str  # plain words: the level then and now


@dataclass
class GroupingReport:
    """What building or rebuilding the groups did: for the planner to show."""

    groups: list[GroupView]
    level_mix: dict[str, Counter]  # group id -> students per level label ("" no evidence)
    unmet: list[str]
    status: str
    gap: float
    moves: list[Move]
    absent: list[str]  # names
    skips: list[str]
    undo: dict = field(default_factory=dict)  # what ``undo_groups`` needs to bring the previous groups back


# -- plans and stations ----------------------------------------------------------------------------------


def templates() -> list[Template]:
    return list(TEMPLATES)


def _plan(uow: UnitOfWork, plan_id: str) -> RotationPlan:
    plan = uow.get(RotationPlan, plan_id)
    if plan is None:
        raise RotationError("That rotation plan is not on this laptop any more.")
    return plan


def _live(table):
    return select(table).where(table.deleted.is_(False))


def _stations(uow: UnitOfWork, plan_id: str) -> list[Station]:
    return list(uow.session.execute(_live(Station).where(Station.plan_id == plan_id)
                                    .order_by(Station.position, Station.name)).scalars())


def _station_view(uow: UnitOfWork, station: Station) -> StationView:
    activity = station.activity
    if station.playlist_id:
        playlist = uow.get(Playlist, station.playlist_id)
        if playlist is not None:
            activity = f"Playlist: {playlist.title}" + (f" ({activity})" if activity else "")
    return StationView(station.id, station.name, station.kind, station.adult, activity, station.capacity,
                       station.devices, station.required, station.playlist_id, station.activity)


def _check_timing(period: int, rotations: int, minutes: int, transition: int) -> None:
    problem = timing_problem(period, rotations, minutes, transition)
    if problem:
        raise RotationError(problem)


def create_plan(uow: UnitOfWork, class_id: str, title: str, start_date: date, end_date: date | None = None,
                template: Template = TEMPLATES[0], start_time: time | None = None,
                station_set_id: str | None = None) -> str:
    """A plan for a class over a day or a range of days, timed by a template, its stations from a
    saved set (or one per template station, named for the teacher to rename)."""
    if uow.get(SchoolClass, class_id) is None:
        raise RotationError("That class is not on this laptop any more.")
    end_date = end_date or start_date
    if end_date < start_date:
        raise RotationError("The plan ends before it starts.")
    if not school_days(start_date, end_date):
        raise RotationError("The plan has no school day (Monday to Friday) in it.")
    _check_timing(template.period_minutes, template.stations, template.rotation_minutes, template.transition_minutes)
    plan = uow.add(RotationPlan(
        class_id=class_id, title=title.strip() or "Station rotation", start_date=start_date, end_date=end_date,
        period_minutes=template.period_minutes, rotation_count=template.stations,
        rotation_minutes=template.rotation_minutes, transition_minutes=template.transition_minutes,
        start_time=start_time, rules={"mode": solver.Mode.HOMOGENEOUS.value}))
    if station_set_id:
        _apply_station_set(uow, plan.id, station_set_id)
    else:
        defaults = [("Teacher table", StationKind.TEACHER_LED, "teacher", 0),
                    ("Laptops", StationKind.ONLINE, "none", 10),
                    ("Practice", StationKind.OFFLINE, "none", 0),
                    ("Together", StationKind.COLLABORATIVE, "none", 0),
                    ("Project", StationKind.PROJECT, "none", 0)]
        for position in range(template.stations):
            name, kind, adult, devices = defaults[position] if position < len(defaults) else (
                f"Station {position + 1}", StationKind.OFFLINE, "none", 0)
            uow.add(Station(plan_id=plan.id, name=name, kind=kind, adult=adult, devices=devices,
                            position=position))
    uow.commit()
    return plan.id


def list_plans(uow: UnitOfWork, class_id: str) -> list[PlanSummary]:
    plans = list(uow.session.execute(_live(RotationPlan).where(RotationPlan.class_id == class_id)
                                     .order_by(RotationPlan.start_date.desc(), RotationPlan.title)).scalars())
    stations = Counter(uow.session.execute(select(Station.plan_id).where(
        Station.plan_id.in_([p.id for p in plans]), Station.deleted.is_(False))).scalars())
    groups = Counter(uow.session.execute(select(StudentGroup.plan_id).where(
        StudentGroup.plan_id.in_([p.id for p in plans]), StudentGroup.deleted.is_(False))).scalars())
    return [PlanSummary(p.id, p.title, p.start_date, p.end_date, stations[p.id], groups[p.id]) for p in plans]


def delete_plan(uow: UnitOfWork, plan_id: str) -> None:
    """Tombstone a plan (the undo of making or copying one); its rows stay, unseen, for sync."""
    plan = _plan(uow, plan_id)
    uow.tombstone(plan)
    uow.commit()


def class_people(uow: UnitOfWork, class_id: str) -> list[tuple[str, str]]:
    """(id, "Family, Given") of the class's students, by name: for the rule and absence pickers."""
    return [(p.id, list_name(p)) for p in students_of(uow, class_id)]


def accommodation_kinds(uow: UnitOfWork, class_id: str) -> dict[str, list[str]]:
    """The kinds of accommodation (IEP, 504, ELL...) each student of the class has, for the teacher
    deciding who needs the aide. Only the kind: the details stay on the learner profile."""
    ids = [p.id for p in students_of(uow, class_id)]
    found: dict[str, list[str]] = defaultdict(list)
    for student_id, kind in uow.session.execute(select(Accommodation.student_id, Accommodation.kind).where(
            Accommodation.student_id.in_(ids), Accommodation.deleted.is_(False))):
        if kind not in found[student_id]:
            found[student_id].append(kind)
    return dict(found)


def get_plan(uow: UnitOfWork, plan_id: str) -> PlanView:
    plan = _plan(uow, plan_id)
    return PlanView(plan.id, plan.class_id, plan.title, plan.start_date, plan.end_date, plan.period_minutes,
                    plan.rotation_count, plan.rotation_minutes, plan.transition_minutes, plan.start_time,
                    plan.grouping_competency_id, dict(plan.rules or {}),
                    [_station_view(uow, s) for s in _stations(uow, plan_id)],
                    school_days(plan.start_date, plan.end_date))


PLAN_FIELDS = ("title", "start_date", "end_date", "period_minutes", "rotation_count", "rotation_minutes",
               "transition_minutes", "start_time", "grouping_competency_id", "rules")


def update_plan(uow: UnitOfWork, plan_id: str, **values) -> dict:
    """Change a plan's fields; returns their previous values (for undo)."""
    plan = _plan(uow, plan_id)
    unknown = set(values) - set(PLAN_FIELDS)
    if unknown:
        raise RotationError(f"A plan has no {', '.join(sorted(unknown))}.")
    before = {name: getattr(plan, name) for name in values}
    for name, value in values.items():
        setattr(plan, name, dict(value) if name == "rules" else value)
    _check_timing(plan.period_minutes, plan.rotation_count, plan.rotation_minutes, plan.transition_minutes)
    if plan.end_date < plan.start_date:
        raise RotationError("The plan ends before it starts.")
    if not (plan.title or "").strip():
        raise RotationError("A plan needs a title.")
    uow.add(plan)
    uow.commit()
    return before


def _checked_station(values: dict) -> dict:
    unknown = set(values) - set(STATION_FIELDS)
    if unknown:
        raise RotationError(f"A station has no {', '.join(sorted(unknown))}.")
    if "name" in values and not str(values["name"]).strip():
        raise RotationError("A station needs a name.")
    if "kind" in values and values["kind"] not in KINDS:
        raise RotationError(f"A station's kind is one of: {', '.join(KINDS)}.")
    if "adult" in values and values["adult"] not in ADULTS:
        raise RotationError("The adult at a station is the teacher, an aide or none.")
    for name in ("capacity", "devices"):
        if values.get(name) is not None and int(values[name]) < 0:
            raise RotationError(f"A station's {name} cannot be negative.")
    return values


def add_station(uow: UnitOfWork, plan_id: str, **values) -> str:
    _plan(uow, plan_id)
    values = {"name": "New station", **_checked_station(values)}
    position = max((s.position for s in _stations(uow, plan_id)), default=-1) + 1
    station = uow.add(Station(plan_id=plan_id, position=position, **values))
    uow.commit()
    return station.id


def update_station(uow: UnitOfWork, station_id: str, **values) -> dict:
    station = uow.get(Station, station_id)
    if station is None:
        raise RotationError("That station is not in the plan any more.")
    before = {name: getattr(station, name) for name in _checked_station(values)}
    for name, value in values.items():
        setattr(station, name, value.strip() if isinstance(value, str) else value)
    uow.add(station)
    uow.commit()
    return before


def remove_station(uow: UnitOfWork, station_id: str, restore: bool = False) -> None:
    """Take a station out of the plan (a tombstone; ``restore`` brings it back, for undo)."""
    station = uow.session.get(Station, station_id)
    if station is None:
        raise RotationError("That station is not in the plan any more.")
    station.deleted = not restore
    uow.add(station)
    uow.commit()


def save_station_set(uow: UnitOfWork, plan_id: str, name: str) -> str:
    """Keep the plan's stations as a named set, to reuse in later plans of any of the teacher's classes."""
    plan = _plan(uow, plan_id)
    if not name.strip():
        raise RotationError("A station set needs a name.")
    stations = [{field_name: getattr(s, field_name) for field_name in STATION_FIELDS} for s in _stations(uow, plan_id)]
    if not stations:
        raise RotationError("The plan has no stations to save.")
    existing = uow.session.execute(_live(StationSet).where(StationSet.name == name.strip())).scalars().first()
    if existing is not None:
        existing.stations = stations
        existing.class_id = plan.class_id
        uow.add(existing)
        uow.commit()
        return existing.id
    saved = uow.add(StationSet(name=name.strip(), class_id=plan.class_id, stations=stations))
    uow.commit()
    return saved.id


def list_station_sets(uow: UnitOfWork) -> list[tuple[str, str, int]]:
    """(id, name, how many stations) of every saved set, by name."""
    sets = uow.session.execute(_live(StationSet).order_by(StationSet.name)).scalars()
    return [(s.id, s.name, len(s.stations)) for s in sets]


def _apply_station_set(uow: UnitOfWork, plan_id: str, station_set_id: str) -> None:
    saved = uow.get(StationSet, station_set_id)
    if saved is None:
        raise RotationError("That station set is not on this laptop any more.")
    for station in _stations(uow, plan_id):
        uow.tombstone(station)
    for position, values in enumerate(saved.stations):
        values = {k: v for k, v in values.items() if k in STATION_FIELDS}
        if values.get("playlist_id") and uow.get(Playlist, values["playlist_id"]) is None:
            values["playlist_id"] = None
        uow.add(Station(plan_id=plan_id, position=position, **_checked_station(values)))


def use_station_set(uow: UnitOfWork, plan_id: str, station_set_id: str) -> None:
    _plan(uow, plan_id)
    _apply_station_set(uow, plan_id, station_set_id)
    uow.commit()


# -- absences --------------------------------------------------------------------------------------------


def absent_on(uow: UnitOfWork, class_id: str, day: date) -> set[str]:
    return set(uow.session.execute(select(Absence.student_id).where(
        Absence.class_id == class_id, Absence.day == day, Absence.deleted.is_(False))).scalars())


def set_absent(uow: UnitOfWork, class_id: str, day: date, student_id: str, absent: bool = True) -> bool:
    """Mark a student away (or back) on a day; returns whether they were away before (for undo)."""
    rows = list(uow.session.execute(_live(Absence).where(
        Absence.class_id == class_id, Absence.day == day, Absence.student_id == student_id)).scalars())
    if absent and not rows:
        uow.add(Absence(class_id=class_id, day=day, student_id=student_id))
    if not absent:
        for row in rows:
            uow.tombstone(row)
    uow.commit()
    return bool(rows)


# -- groups ----------------------------------------------------------------------------------------------


def board_names(people: list[Person]) -> dict[str, str]:
    """"Ana L.": first name and initial, for a projector or a card on a desk; the whole family
    name where two students of the class would otherwise read the same."""
    short = {p.id: f"{p.preferred_name or p.given_name} {p.family_name[:1]}." for p in people}
    clashes = Counter(short.values())
    return {p.id: short[p.id] if clashes[short[p.id]] == 1 else f"{p.preferred_name or p.given_name} {p.family_name}"
            for p in people}


def _group_rows(uow: UnitOfWork, plan: RotationPlan, day: date | None) -> list[StudentGroup]:
    """The plan's groups in effect on ``day`` (the newest set that started on or before it); with
    no day, the newest set."""
    groups = list(uow.session.execute(_live(StudentGroup).where(StudentGroup.plan_id == plan.id)).scalars())
    starts = sorted({g.from_day or plan.start_date for g in groups})
    if day is not None:
        starts = [s for s in starts if s <= day] or starts[:1]
    if not starts:
        return []
    chosen = starts[-1]
    return sorted((g for g in groups if (g.from_day or plan.start_date) == chosen), key=lambda g: g.name)


def _members(uow: UnitOfWork, group_ids: list[str]) -> dict[str, list[str]]:
    found: dict[str, list[str]] = {g: [] for g in group_ids}
    for group_id, student_id in uow.session.execute(select(GroupMember.group_id, GroupMember.student_id).where(
            GroupMember.group_id.in_(group_ids), GroupMember.deleted.is_(False))):
        found[group_id].append(student_id)
    return found


def _group_views(uow: UnitOfWork, plan: RotationPlan, day: date | None,
                 leave_out: set[str] = frozenset()) -> list[GroupView]:
    rows = _group_rows(uow, plan, day)
    members = _members(uow, [g.id for g in rows])
    names = board_names(students_of(uow, plan.class_id))
    views = []
    for group in rows:
        ids = sorted((s for s in members[group.id] if s in names and s not in leave_out), key=lambda s: names[s])
        views.append(GroupView(group.id, group.name, group.color, tuple(names[s] for s in ids), tuple(ids)))
    return views


def groups_on(uow: UnitOfWork, plan_id: str, day: date | None = None) -> list[GroupView]:
    """The plan's groups in effect on a day, every member (away or not)."""
    return _group_views(uow, _plan(uow, plan_id), day)


def _station_limits(stations: list[Station]) -> tuple[int | None, str]:
    """The biggest group every station can take, and why, in plain words."""
    limit, reason = None, ""
    for station in stations:
        for value, why in ((station.capacity, f"{station.name} takes {station.capacity}"),
                           (station.devices if station.kind == StationKind.ONLINE else None,
                            f"only {station.devices} devices at {station.name}")):
            if value and (limit is None or value < limit):
                limit, reason = value, why
    return limit, reason


def _solver_rules(plan: RotationPlan, stations: list[Station], present: set[str]) -> tuple[solver.Rules, list[str]]:
    rules = plan.rules or {}
    notes: list[str] = []
    limit, reason = _station_limits(stations)
    max_size = rules.get("max_size")
    if max_size and (limit is None or max_size <= limit):
        limit, reason = max_size, f"no group over {max_size}"
    supports = []
    needs = rules.get("needs") or {}
    for need in sorted(set(needs.values())):
        station = next((s for s in stations if s.adult == need), None)
        if station is None:
            who = sum(1 for s, n in needs.items() if n == need and s in present)
            notes.append(f"{who} students need the {need}, but no station has the {need}: "
                         f"set the adult at one station.")
            continue
        supports.append(solver.Support(need, station.name, station.capacity))
    group_count = rules.get("group_count") or len(stations) or None
    return solver.Rules(
        group_count=group_count, min_size=int(rules.get("min_size") or 1), max_size=limit,
        mode=solver.Mode(rules.get("mode") or solver.Mode.HOMOGENEOUS.value),
        keep_apart=tuple(tuple(pair) for pair in rules.get("keep_apart", [])),
        keep_together=tuple(tuple(pair) for pair in rules.get("keep_together", [])),
        supports=tuple(supports), max_size_reason=reason,
        time_limit=float(rules.get("time_limit") or 2.0)), notes


def _learners(uow: UnitOfWork, plan: RotationPlan, day: date, competency_id: str | None,
              as_of: date | None = None, with_minutes: bool = False
              ) -> tuple[list[solver.Learner], dict[str, float | None]]:
    """The class as the solver sees it; the weeks of teacher-led minutes (a scan of past rotations)
    only when a rotation is to be written from them."""
    people = students_of(uow, plan.class_id)
    names = board_names(people)
    levels: dict[str, tuple[float | None, str]] = {}
    if competency_id:
        found = mastery.class_mastery(uow, plan.class_id, as_of=as_of)
        for person in people:
            cell = found.cell(person.id, competency_id)
            levels[person.id] = (cell.score, cell.level.label) if cell and cell.level else (None, "")
    away = absent_on(uow, plan.class_id, day)
    needs = (plan.rules or {}).get("needs") or {}
    minutes = teacher_minutes(uow, plan.class_id, day) if with_minutes else {}
    learners = [solver.Learner(p.id, names[p.id], *levels.get(p.id, (None, "")),
                               needs=frozenset([needs[p.id]]) if p.id in needs else frozenset(),
                               teacher_minutes=int(minutes.get(p.id, 0)), absent=p.id in away) for p in people]
    return learners, {p.id: levels.get(p.id, (None, ""))[0] for p in people}


def _place_absent(grouping: solver.Grouping, learners: list[solver.Learner], rules: solver.Rules) -> None:
    """Students away today still get a group to join when they are back: the one that breaks no
    rule and whose levels are nearest theirs."""
    by_id = {learner.id: learner for learner in learners}
    # Checked as if everyone were here: the group must suit them on the day they are back.
    everyone = [replace(learner, absent=False) for learner in learners]
    for student_id in grouping.absent:
        level = by_id[student_id].level

        def cost(index: int, student_id=student_id, level=level) -> tuple:
            trial = [list(g) + ([student_id] if i == index else []) for i, g in enumerate(grouping.groups)]
            broken = len(solver.check(trial, everyone, rules))
            known = [by_id[s].level for s in grouping.groups[index] if by_id[s].level is not None]
            mean = sum(known) / len(known) if known else 0.0
            return broken, abs((level or mean) - mean), len(grouping.groups[index])

        if grouping.groups:
            grouping.groups[min(range(len(grouping.groups)), key=cost)].append(student_id)


def build_groups(uow: UnitOfWork, plan_id: str, day: date, competency_id: str | None = None,
                 mode: str | None = None) -> GroupingReport:
    """Groups from the latest mastery on a competency and the plan's rules, in effect from ``day``;
    the stations and times stay. Regrouping is the same call on a later day: the earlier days keep
    their groups, and the report says who moved and why."""
    plan = _plan(uow, plan_id)
    undo: dict = {"rules": dict(plan.rules or {}), "competency": plan.grouping_competency_id,
                  "groups": [], "members": [], "slots": [], "made": []}
    if mode:
        plan.rules = {**(plan.rules or {}), "mode": mode}
    if competency_id is not None:
        plan.grouping_competency_id = competency_id or None
    competency_id = plan.grouping_competency_id
    stations = _stations(uow, plan_id)
    if not stations:
        raise RotationError("Add the plan's stations first: groups are sized to fit them.")
    learners, levels = _learners(uow, plan, day, competency_id, with_minutes=True)
    if not learners:
        raise RotationError("The class has no students to group.")
    rules, notes = _solver_rules(plan, stations, {x.id for x in learners if not x.absent})
    grouping = solver.form_groups(learners, rules)
    _place_absent(grouping, learners, rules)

    previous = _group_views(uow, plan, day)
    before = {s: g.name for g in previous for s in g.member_ids}
    old_from = (_group_rows(uow, plan, day) or [None])[0]
    for group in _group_rows(uow, plan, day):  # a set made earlier for this same day is replaced
        if (group.from_day or plan.start_date) == day:
            uow.tombstone(group)
            undo["groups"].append(group.id)
            for member in uow.session.execute(_live(GroupMember).where(GroupMember.group_id == group.id)).scalars():
                uow.tombstone(member)
                undo["members"].append(member.id)
    made: list[StudentGroup] = []
    for index, member_ids in enumerate(grouping.groups):
        group = uow.add(StudentGroup(class_id=plan.class_id, plan_id=plan.id, name=f"Group {index + 1}",
                                     color=GROUP_COLORS[index % len(GROUP_COLORS)], from_day=day))
        made.append(group)
        uow.insert_many(GroupMember, [{"group_id": group.id, "student_id": s} for s in member_ids])
    uow.session.flush()
    undo["slots"] = _write_slots(uow, plan, day, stations, made, grouping.groups, learners)
    undo["made"] = [group.id for group in made]
    uow.add(plan)
    uow.commit()

    by_id = {x.id: x for x in learners}
    after = {s: made[i].name for i, members in enumerate(grouping.groups) for s in members}
    moves = []
    if previous:
        then = dict(levels)
        if competency_id and old_from is not None:
            # The level each student had when the groups they leave were made.
            _learners_then, then = _learners(uow, plan, day, competency_id,
                                             as_of=old_from.from_day or plan.start_date)
        for student_id, name in after.items():
            if before.get(student_id, "") != name:
                moves.append(Move(student_id, by_id[student_id].name, before.get(student_id, ""), name,
                                  _why(then.get(student_id), levels.get(student_id))))
    views = _group_views(uow, plan, day)
    mix = {view.id: Counter(by_id[s].band for s in view.member_ids) for view in views}
    return GroupingReport(views, mix, notes + grouping.unmet, grouping.status, grouping.gap,
                          sorted(moves, key=lambda m: m.name),
                          sorted(by_id[s].name for s in grouping.absent), [], undo)


def _why(then: float | None, now: float | None) -> str:
    def said(score):
        return "no evidence" if score is None else f"{score:.1f}"
    if then == now:
        return f"level {said(now)}, unchanged: moved to fit the rules and the other levels"
    return f"level {said(then)} then, {said(now)} now"


def _write_slots(uow: UnitOfWork, plan: RotationPlan, from_day: date, stations: list[Station],
                 groups: list[StudentGroup], members: list[list[str]], learners: list[solver.Learner]) -> list[str]:
    """Who is where on every day the new groups are in effect (until a later regrouping); returns
    the slots it replaced."""
    starts = uow.session.execute(select(StudentGroup.from_day).where(
        StudentGroup.plan_id == plan.id, StudentGroup.deleted.is_(False)).distinct()).scalars()
    later = sorted(start for start in starts if start and start > from_day)
    until = min(later) if later else plan.end_date + timedelta(days=1)
    days = [d for d in school_days(plan.start_date, plan.end_date) if from_day <= d < until]
    old = list(uow.session.execute(_live(RotationSlot).where(
        RotationSlot.plan_id == plan.id, RotationSlot.day.in_(days))).scalars())
    for slot in old:
        uow.tombstone(slot)
    minutes = {x.id: x.teacher_minutes for x in learners}
    group_minutes = {g.id: (sum(minutes.get(s, 0) for s in m) / len(m) if m else 0.0) for g, m in zip(groups, members,
                                                                                                      strict=True)}
    specs = [StationSpec(s.id, s.name, s.required, s.kind == StationKind.TEACHER_LED or s.adult == "teacher")
             for s in stations]
    rotation = rotate([(g.id, g.name) for g in groups], specs, plan.rotation_count, group_minutes)
    uow.insert_many(RotationSlot, [{"plan_id": plan.id, "day": day, "block": block, "group_id": group_id,
                                    "station_id": station_id}
                                   for day in days for (block, group_id), station_id in rotation.where.items()])
    return [slot.id for slot in old]


def undo_groups(uow: UnitOfWork, plan_id: str, undo: dict) -> None:
    """Bring back the groups, members and rotation a ``build_groups`` replaced (its report's ``undo``)."""
    plan = _plan(uow, plan_id)
    made = undo.get("made", [])
    for table, column, ids in ((GroupMember, GroupMember.group_id, made), (RotationSlot, RotationSlot.group_id, made)):
        for row in uow.session.execute(_live(table).where(column.in_(ids))).scalars():
            uow.tombstone(row)
    for group_id in made:
        group = uow.session.get(StudentGroup, group_id)
        if group is not None:
            uow.tombstone(group)
    for table, key in ((StudentGroup, "groups"), (GroupMember, "members"), (RotationSlot, "slots")):
        for row_id in undo.get(key, []):
            row = uow.session.get(table, row_id)
            if row is not None:
                row.deleted = False
                uow.add(row)
    plan.rules = dict(undo.get("rules", plan.rules))
    plan.grouping_competency_id = undo.get("competency", plan.grouping_competency_id)
    uow.add(plan)
    uow.commit()


def move_student(uow: UnitOfWork, plan_id: str, student_id: str, to_group_id: str, day: date | None = None) -> str:
    """Move a student into another of the day's groups (a drag in the planner); returns the group
    they left, so undo moves them back."""
    plan = _plan(uow, plan_id)
    groups = {g.id: g for g in _group_rows(uow, plan, day)}
    if to_group_id not in groups:
        raise RotationError("That group is not in the plan on this day.")
    links = list(uow.session.execute(_live(GroupMember).where(
        GroupMember.group_id.in_(list(groups)), GroupMember.student_id == student_id)).scalars())
    left = links[0].group_id if links else ""
    for link in links:
        uow.tombstone(link)
    uow.add(GroupMember(group_id=to_group_id, student_id=student_id))
    uow.commit()
    return left


def rule_problems(uow: UnitOfWork, plan_id: str, day: date) -> list[str]:
    """Every rule the day's groups break, in plain words: re-checked after each manual move."""
    plan = _plan(uow, plan_id)
    learners, _levels = _learners(uow, plan, day, None)
    rules, notes = _solver_rules(plan, _stations(uow, plan_id), {x.id for x in learners if not x.absent})
    groups = [list(g.member_ids) for g in _group_views(uow, plan, day, absent_on(uow, plan.class_id, day))]
    return notes + solver.check(groups, learners, rules) if groups else []


def level_mix(uow: UnitOfWork, plan_id: str, day: date) -> dict[str, Counter]:
    """Students per level label in each of the day's groups, on the plan's grouping competency."""
    plan = _plan(uow, plan_id)
    learners, _levels = _learners(uow, plan, day, plan.grouping_competency_id)
    band = {x.id: x.band for x in learners}
    return {g.id: Counter(band.get(s, "") for s in g.member_ids) for g in _group_views(uow, plan, day)}


def set_station(uow: UnitOfWork, plan_id: str, day: date, block: int, group_id: str, station_id: str) -> str:
    """Send a group to a station in one block of one day; the group that was there takes the
    first group's old station (a swap). Returns the station the group left, for undo."""
    plan = _plan(uow, plan_id)
    slots = list(uow.session.execute(_live(RotationSlot).where(
        RotationSlot.plan_id == plan.id, RotationSlot.day == day, RotationSlot.block == block)).scalars())
    mine = next((s for s in slots if s.group_id == group_id), None)
    theirs = next((s for s in slots if s.station_id == station_id and s.group_id != group_id), None)
    left = mine.station_id if mine else ""
    if mine is None:
        mine = uow.add(RotationSlot(plan_id=plan.id, day=day, block=block, group_id=group_id, station_id=station_id))
    if theirs is not None:
        if left:
            theirs.station_id = left
            uow.add(theirs)
        else:
            uow.tombstone(theirs)
    mine.station_id = station_id
    uow.add(mine)
    uow.commit()
    return left


def day_plan(uow: UnitOfWork, plan_id: str, day: date) -> DayPlan:
    """One day of a plan: what the board shows and the printed cards, signs and plan carry. The
    students away that day are left out of the lists."""
    plan = _plan(uow, plan_id)
    section = uow.get(SchoolClass, plan.class_id)
    stations = _stations(uow, plan_id)
    groups = _group_views(uow, plan, day, absent_on(uow, plan.class_id, day))
    starts = block_starts(plan.start_time, plan.rotation_count, plan.rotation_minutes, plan.transition_minutes)
    blocks = [BlockView(n + 1, start, plan.rotation_minutes) for n, start in enumerate(starts)]
    where = {(slot.block, slot.group_id): slot.station_id for slot in uow.session.execute(_live(RotationSlot).where(
        RotationSlot.plan_id == plan.id, RotationSlot.day == day)).scalars()}
    skips = []
    for group in groups:
        visited = {where.get((b.number, group.id)) for b in blocks}
        missed = [s.name for s in stations if s.required and s.id not in visited]
        if missed:
            skips.append(f"{group.name} does not visit {', '.join(missed)}: "
                         f"{len(blocks)} blocks for {len(stations)} stations.")
    return DayPlan(plan.id, section.title if section else "", plan.title, day, blocks, plan.transition_minutes,
                   groups, [_station_view(uow, s) for s in stations], where, skips)


# -- minutes at each station -----------------------------------------------------------------------------

WITH_TEACHER = "with the teacher"


def station_minutes(uow: UnitOfWork, class_id: str, start: date, end: date) -> dict[str, Counter]:
    """Per student, minutes at each station kind and with the teacher, from the plans' slots over
    ``start``..``end`` (both included); days a student was away do not count."""
    plans = {p.id: p for p in uow.session.execute(_live(RotationPlan).where(
        RotationPlan.class_id == class_id, RotationPlan.start_date <= end, RotationPlan.end_date >= start)).scalars()}
    if not plans:
        return {}
    stations = {s.id: s for s in uow.session.execute(_live(Station).where(Station.plan_id.in_(list(plans)))).scalars()}
    slots = list(uow.session.execute(select(RotationSlot.plan_id, RotationSlot.day, RotationSlot.group_id,
                                            RotationSlot.station_id).where(
        RotationSlot.plan_id.in_(list(plans)), RotationSlot.day >= start, RotationSlot.day <= end,
        RotationSlot.deleted.is_(False))))
    members = _members(uow, list({slot.group_id for slot in slots}))
    away = {(student_id, day) for student_id, day in uow.session.execute(select(Absence.student_id, Absence.day).where(
        Absence.class_id == class_id, Absence.day >= start, Absence.day <= end, Absence.deleted.is_(False)))}
    found: dict[str, Counter] = defaultdict(Counter)
    for plan_id, day, group_id, station_id in slots:
        station = stations.get(station_id)
        if station is None:
            continue
        minutes = plans[plan_id].rotation_minutes
        for student_id in members.get(group_id, []):
            if (student_id, day) in away:
                continue
            found[student_id][station.kind] += minutes
            if station.adult == "teacher":
                found[student_id][WITH_TEACHER] += minutes
    return dict(found)


def teacher_minutes(uow: UnitOfWork, class_id: str, before: date, weeks: int = HISTORY_WEEKS) -> dict[str, int]:
    """Minutes each student spent with the teacher over the weeks before ``before``."""
    found = station_minutes(uow, class_id, before - timedelta(weeks=weeks), before - timedelta(days=1))
    return {student_id: minutes[WITH_TEACHER] for student_id, minutes in found.items()}


@dataclass(frozen=True)
class HistoryRow:
    student_id: str
    name: str
    minutes: dict[str, int]  # station kind (and WITH_TEACHER) -> minutes


def history(uow: UnitOfWork, class_id: str, start: date, end: date) -> list[HistoryRow]:
    """Every student of the class with their minutes per station kind over a range, by name."""
    found = station_minutes(uow, class_id, start, end)
    people = students_of(uow, class_id)
    return [HistoryRow(p.id, list_name(p),
                       {kind: found.get(p.id, Counter())[kind] for kind in [*KINDS, WITH_TEACHER]})
            for p in people]


# -- the week --------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class WeekCell:
    plan_id: str
    title: str
    groups: int
    stations: int
    first_start: time | None


@dataclass
class WeekView:
    monday: date
    days: list[date]
    classes: list[tuple[str, str]]  # (id, title)
    cells: dict[tuple[str, date], list[WeekCell]]


def week_view(uow: UnitOfWork, class_ids: list[str], any_day: date) -> WeekView:
    """Days x classes for the week holding ``any_day``: which plan runs where, with how many groups."""
    monday = any_day - timedelta(days=any_day.weekday())
    days = [monday + timedelta(days=n) for n in range(5)]
    sections = {c.id: c.title for c in uow.session.execute(_live(SchoolClass).where(
        SchoolClass.id.in_(class_ids))).scalars()}
    plans = list(uow.session.execute(_live(RotationPlan).where(
        RotationPlan.class_id.in_(class_ids), RotationPlan.start_date <= days[-1],
        RotationPlan.end_date >= monday)).scalars())
    ids = [p.id for p in plans]
    stations = Counter(uow.session.execute(select(Station.plan_id).where(
        Station.plan_id.in_(ids), Station.deleted.is_(False))).scalars())
    groups_by_day = Counter((plan_id, day) for plan_id, day in uow.session.execute(
        select(RotationSlot.plan_id, RotationSlot.day).where(
            RotationSlot.plan_id.in_(ids), RotationSlot.day >= monday, RotationSlot.day <= days[-1],
            RotationSlot.deleted.is_(False), RotationSlot.block == 1)))
    cells: dict[tuple[str, date], list[WeekCell]] = defaultdict(list)
    for plan in sorted(plans, key=lambda p: (p.start_time or time(0), p.title)):
        for day in days:
            if plan.start_date <= day <= plan.end_date:
                cells[(plan.class_id, day)].append(WeekCell(plan.id, plan.title, groups_by_day.get((plan.id, day), 0),
                                                            stations[plan.id], plan.start_time))
    ordered = sorted(((c, sections[c]) for c in class_ids if c in sections), key=lambda pair: pair[1])
    return WeekView(monday, days, ordered, dict(cells))


def copy_to_next_week(uow: UnitOfWork, plan_id: str) -> str:
    """The same plan a week later: its stations, its rules, the groups in effect on its last day,
    and who is where each day (Monday's rotation on the next Monday, and so on)."""
    plan = _plan(uow, plan_id)
    shift = timedelta(weeks=1)
    copy = uow.add(RotationPlan(
        class_id=plan.class_id, title=plan.title, start_date=plan.start_date + shift, end_date=plan.end_date + shift,
        period_minutes=plan.period_minutes, rotation_count=plan.rotation_count,
        rotation_minutes=plan.rotation_minutes, transition_minutes=plan.transition_minutes,
        start_time=plan.start_time, grouping_competency_id=plan.grouping_competency_id, rules=dict(plan.rules or {})))
    station_ids = {}
    for station in _stations(uow, plan_id):
        made = uow.add(Station(plan_id=copy.id, position=station.position,
                               **{name: getattr(station, name) for name in STATION_FIELDS}))
        station_ids[station.id] = made.id
    last = school_days(plan.start_date, plan.end_date)[-1]
    group_ids = {}
    for group in _group_rows(uow, plan, last):
        made = uow.add(StudentGroup(class_id=plan.class_id, plan_id=copy.id, name=group.name, color=group.color,
                                    from_day=copy.start_date))
        group_ids[group.id] = made.id
    uow.session.flush()
    members = _members(uow, list(group_ids))
    uow.insert_many(GroupMember, [{"group_id": group_ids[g], "student_id": s} for g, ids in members.items() for s in ids])
    slots = list(uow.session.execute(_live(RotationSlot).where(RotationSlot.plan_id == plan.id)).scalars())
    by_weekday: dict[int, list[RotationSlot]] = defaultdict(list)
    for slot in slots:
        if slot.group_id in group_ids and slot.station_id in station_ids:  # the groups that carry over
            by_weekday[slot.day.weekday()].append(slot)
    last_day = by_weekday.get(last.weekday(), [])  # for weekdays before a regrouping: the last day's rotation
    rows = [{"plan_id": copy.id, "day": day, "block": slot.block, "group_id": group_ids[slot.group_id],
             "station_id": station_ids[slot.station_id]}
            for day in school_days(copy.start_date, copy.end_date)
            for slot in by_weekday.get(day.weekday()) or last_day]
    uow.insert_many(RotationSlot, rows)
    uow.commit()
    return copy.id
