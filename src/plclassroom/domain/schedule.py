"""A rotation's timing and who goes where: templates, block start times, and the rotation itself.

The rotation is the classic one: with as many stations as groups (or more), group ``i`` is at
station ``(i + b) mod m`` in block ``b``, so no two groups share a station and every group visits
a new station each block. With fewer blocks than stations some groups miss a station; the plan
says who and why. The teacher-led station goes first to the groups whose members had the least
small-group time with the teacher lately (``teacher_minutes``), so over the weeks it evens out.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, time, timedelta


@dataclass(frozen=True)
class Template:
    label: str
    stations: int
    rotation_minutes: int
    transition_minutes: int
    period_minutes: int


TEMPLATES = [
    Template("4 stations x 15 min in a 70-minute block", 4, 15, 2, 70),
    Template("3 stations x 20 min in a 70-minute block", 3, 20, 3, 70),
    Template("5 stations x 12 min in a 70-minute block", 5, 12, 2, 70),
    Template("3 stations x 15 min in a 50-minute period", 3, 15, 2, 50),
    Template("4 stations x 10 min in a 45-minute period", 4, 10, 1, 45),
    Template("2 stations x 25 min in a 55-minute period", 2, 25, 3, 55),
]


def timing_problem(period: int, rotations: int, minutes: int, transition: int) -> str | None:
    """Why the timing does not work, in plain words; None when it fits the period."""
    if rotations < 1 or minutes < 1:
        return "A rotation needs at least one block of at least one minute."
    if transition < 0:
        return "Transition minutes cannot be negative."
    needed = rotations * minutes + (rotations - 1) * transition
    if needed > period:
        return (f"{rotations} rotations of {minutes} min with {transition} min to move need {needed} min; "
                f"the period is {period} min.")
    return None


def block_starts(start: time | None, rotations: int, minutes: int, transition: int) -> list[time | None]:
    if start is None:
        return [None] * rotations
    first = datetime.combine(date(2000, 1, 3), start)
    return [(first + timedelta(minutes=b * (minutes + transition))).time() for b in range(rotations)]


def school_days(start: date, end: date) -> list[date]:
    """Monday to Friday from ``start`` to ``end``, both included."""
    return [start + timedelta(days=n) for n in range((end - start).days + 1)
            if (start + timedelta(days=n)).weekday() < 5]


@dataclass(frozen=True)
class StationSpec:
    id: str
    name: str
    required: bool = True
    teacher_led: bool = False


@dataclass
class Rotation:
    where: dict[tuple[int, str], str]  # (block 1.., group id) -> station id
    skips: list[str]  # plain words


def rotate(groups: list[tuple[str, str]], stations: list[StationSpec], blocks: int,
           teacher_minutes: dict[str, float] | None = None) -> Rotation:
    """Who is where in each block. ``groups`` are (id, name); ``teacher_minutes`` per group id (the
    mean of its members' recent minutes with the teacher): the groups with the least meet the
    teacher first, and when not every group can, they are the ones who do."""
    where: dict[tuple[int, str], str] = {}
    skips: list[str] = []
    if not groups or not stations or blocks < 1:
        return Rotation(where, skips)
    m = len(stations)
    if len(groups) > m:
        skips.append(f"{len(groups)} groups for {m} stations: add a station or make fewer groups. "
                     f"{', '.join(name for _id, name in groups[m:])} have no station.")
        groups = groups[:m]
    teacher = next((i for i, s in enumerate(stations) if s.teacher_led), None)
    offsets = list(range(m))
    if teacher is not None:
        # The group that starts at offset o reaches the teacher in block (teacher - o) mod m; the
        # offsets that reach the teacher soonest go to the groups with the least teacher time.
        offsets.sort(key=lambda o: (teacher - o) % m)
    minutes = teacher_minutes or {}
    order = sorted(range(len(groups)), key=lambda i: (minutes.get(groups[i][0], 0.0), i))
    start_of = {groups[i][0]: offsets[rank] for rank, i in enumerate(order)}
    for group_id, name in groups:
        visited = set()
        for block in range(1, blocks + 1):
            station = (start_of[group_id] + block - 1) % m
            where[(block, group_id)] = stations[station].id
            visited.add(station)
        missed = [stations[s].name for s in range(m) if s not in visited and stations[s].required]
        if missed:
            skips.append(f"{name} does not visit {', '.join(missed)} today: {blocks} blocks for {m} stations.")
    return Rotation(where, skips)
