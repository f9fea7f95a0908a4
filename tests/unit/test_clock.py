from hypothesis import given
from hypothesis import strategies as st

from plclassroom.domain.clock import COUNTER_MAX, HybridLogicalClock, pack, unpack


class FakeWall:
    def __init__(self, now: int) -> None:
        self.now = now

    def __call__(self) -> int:
        return self.now


def test_stamps_follow_wall_time_when_it_moves_forward():
    wall = FakeWall(1_000)
    clock = HybridLogicalClock(now_ms=wall)
    assert unpack(clock.tick()) == (1_000, 0)
    wall.now = 2_000
    assert unpack(clock.tick()) == (2_000, 0)


def test_wall_clock_going_backwards_never_makes_an_older_stamp():
    wall = FakeWall(5_000)
    clock = HybridLogicalClock(now_ms=wall)
    first = clock.tick()
    wall.now = 1_000  # the laptop's clock was set back
    second = clock.tick()
    assert second > first
    assert unpack(second) == (5_000, 1)


def test_a_remote_stamp_a_year_ahead_is_absorbed_not_refused():
    year_ms = 365 * 24 * 3600 * 1000
    wall = FakeWall(1_000)
    clock = HybridLogicalClock(now_ms=wall)
    remote = pack(1_000 + year_ms, 7)
    merged = clock.observe(remote)
    assert merged > remote
    assert clock.tick() > merged  # later local changes still order after what was seen


def test_counter_overflow_borrows_the_next_millisecond():
    clock = HybridLogicalClock(last=pack(1_000, COUNTER_MAX), now_ms=FakeWall(1_000))
    assert unpack(clock.tick()) == (1_001, 0)


def test_restart_resumes_after_the_last_stamp():
    clock = HybridLogicalClock(last=pack(9_000, 3), now_ms=FakeWall(100))
    assert clock.tick() == pack(9_000, 4)


@given(st.lists(st.tuples(st.booleans(), st.integers(0, 10**6), st.integers(0, 10**6)), max_size=60))
def test_stamps_strictly_increase_and_pass_everything_observed(events):
    wall = FakeWall(0)
    clock = HybridLogicalClock(now_ms=wall)
    previous = clock.last
    for is_remote, wall_now, remote_ms in events:
        wall.now = wall_now
        if is_remote:
            remote = pack(remote_ms, 0)
            stamp = clock.observe(remote)
            assert stamp > remote
        else:
            stamp = clock.tick()
        assert stamp > previous
        previous = stamp

