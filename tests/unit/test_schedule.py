"""The rotation itself: no two groups at one station, everyone visits every station, the teacher
first for the groups that had least teacher time, and plain words when blocks run short."""

from datetime import time

from hypothesis import given, settings
from hypothesis import strategies as st

from plclassroom.domain.schedule import StationSpec, block_starts, rotate, timing_problem


def stations(n, teacher=0):
    return [StationSpec(f"s{i}", f"Station {i}", True, i == teacher) for i in range(n)]


@settings(max_examples=60, deadline=None)
@given(st.integers(1, 7), st.integers(0, 6), st.integers(1, 8))
def test_no_two_groups_share_a_station_and_blocks_cover_the_stations(n_stations, extra, blocks):
    groups = [(f"g{i}", f"Group {i}") for i in range(max(1, n_stations - extra))]
    made = rotate(groups, stations(n_stations), blocks)
    for block in range(1, blocks + 1):
        at = [made.where[(block, g)] for g, _n in groups]
        assert len(set(at)) == len(at)
    for g, _n in groups:
        visited = {made.where[(b, g)] for b in range(1, blocks + 1)}
        assert len(visited) == min(blocks, n_stations)
    assert bool(made.skips) == (blocks < n_stations)


def test_the_group_with_least_teacher_time_meets_the_teacher_first():
    groups = [("a", "Group 1"), ("b", "Group 2"), ("c", "Group 3"), ("d", "Group 4")]
    made = rotate(groups, stations(4, teacher=2), 4, {"a": 90, "b": 30, "c": 0, "d": 60})
    order = sorted(groups, key=lambda g: next(b for b in range(1, 5) if made.where[(b, g[0])] == "s2"))
    assert [g for g, _n in order] == ["c", "b", "d", "a"]


def test_when_not_every_group_can_meet_the_teacher_those_with_least_do():
    groups = [("a", "Group 1"), ("b", "Group 2"), ("c", "Group 3")]
    made = rotate(groups, stations(3, teacher=0), 2, {"a": 50, "b": 10, "c": 20})
    met = {g for (b, g), s in made.where.items() if s == "s0"}
    assert met == {"b", "c"}
    assert any("Group 1 does not visit Station 0" in s for s in made.skips)


def test_more_groups_than_stations_is_said():
    made = rotate([(f"g{i}", f"Group {i}") for i in range(5)], stations(4), 4)
    assert "5 groups for 4 stations" in made.skips[0] and "Group 4" in made.skips[0]


def test_timing():
    assert timing_problem(70, 4, 15, 2) is None
    assert "need 74 min" in timing_problem(70, 4, 17, 2)
    assert block_starts(time(9, 50), 3, 20, 3) == [time(9, 50), time(10, 13), time(10, 36)]
    assert block_starts(None, 2, 10, 1) == [None, None]
