"""The rotation board's clock, driven by a fake wall clock: blocks, transitions, pause, skip, back,
saving and reopening, and a laptop that slept through the rest of the lesson."""

from __future__ import annotations

import json

import pytest
from hypothesis import given
from hypothesis import strategies as st

from plclassroom.domain.board_clock import (
    BLOCK,
    DONE,
    NOT_STARTED,
    TRANSITION,
    BoardClock,
    mmss,
)

T0 = 1_700_000_000.0  # an ordinary epoch instant
MIN = 60.0


def four_by_fifteen() -> BoardClock:
    """4 blocks of 15 min with 2 min transitions: 66 minutes in all."""
    return BoardClock.from_minutes([15, 15, 15, 15], 2)


def test_not_started_shows_the_first_block_full():
    clock = four_by_fifteen()
    state = clock.state(T0)
    assert state.phase == NOT_STARTED and not state.started and not state.running
    assert state.block == 1 and state.block_count == 4
    assert state.remaining == 15 * MIN and state.index == -1
    assert clock.total == 66 * MIN
    assert mmss(state.remaining) == "15:00"


def test_start_then_block_one_counts_down():
    clock = four_by_fifteen()
    clock.start(T0)
    state = clock.state(T0)
    assert (state.phase, state.block, state.remaining, state.elapsed) == (BLOCK, 1, 15 * MIN, 0.0)
    state = clock.state(T0 + 5 * MIN + 0.4)
    assert state.phase == BLOCK and state.block == 1
    assert state.remaining == pytest.approx(10 * MIN - 0.4)
    assert state.countdown == 600 and mmss(state.remaining) == "10:00"  # rounded up: never 00:00 early
    assert state.next_block == 2 and state.running


def test_transition_leads_to_the_next_block():
    clock = four_by_fifteen()
    clock.start(T0)
    state = clock.state(T0 + 16 * MIN)
    assert state.phase == TRANSITION and state.block == 2
    assert state.previous_block == 1 and state.next_block == 3
    assert state.remaining == pytest.approx(1 * MIN) and state.length == 2 * MIN
    state = clock.state(T0 + 17 * MIN + 1)
    assert state.phase == BLOCK and state.block == 2 and state.remaining == pytest.approx(15 * MIN - 1)


def test_edges_belong_to_the_phase_that_starts_there():
    clock = four_by_fifteen()
    clock.start(T0)
    assert clock.state(T0 + 15 * MIN - 0.001).phase == BLOCK
    at_end = clock.state(T0 + 15 * MIN)
    assert (at_end.phase, at_end.block, at_end.remaining) == (TRANSITION, 2, 2 * MIN)
    at_block = clock.state(T0 + 17 * MIN)
    assert (at_block.phase, at_block.block, at_block.remaining) == (BLOCK, 2, 15 * MIN)
    last = clock.state(T0 + 66 * MIN - 0.001)
    assert last.phase == BLOCK and last.block == 4 and last.next_block is None
    done = clock.state(T0 + 66 * MIN)
    assert (done.phase, done.block, done.remaining) == (DONE, 4, 0.0)
    assert mmss(done.remaining) == "00:00"


def test_skip_ends_the_phase_now():
    clock = four_by_fifteen()
    clock.start(T0)
    now = T0 + 4 * MIN
    clock.skip(now)
    state = clock.state(now)
    assert (state.phase, state.block, state.remaining) == (TRANSITION, 2, pytest.approx(2 * MIN))
    clock.skip(now + 10)
    state = clock.state(now + 10)
    assert (state.phase, state.block, state.remaining) == (BLOCK, 2, pytest.approx(15 * MIN))
    # Time goes on from there.
    assert clock.state(now + 10 + 5 * MIN).remaining == pytest.approx(10 * MIN)


def test_skip_does_nothing_before_the_start_or_when_done():
    clock = four_by_fifteen()
    clock.skip(T0)
    assert clock.state(T0).phase == NOT_STARTED
    clock.start(T0)
    clock.skip(T0 + 70 * MIN)
    assert clock.state(T0 + 70 * MIN).total_elapsed == pytest.approx(70 * MIN)


def test_pause_freezes_and_resume_goes_on():
    clock = four_by_fifteen()
    clock.start(T0)
    clock.pause(T0 + 3 * MIN)
    frozen = clock.state(T0 + 3 * MIN)
    assert frozen.paused and not frozen.running and frozen.remaining == pytest.approx(12 * MIN)
    later = clock.state(T0 + 50 * MIN)  # a long interruption: nothing moves
    assert later.paused and later.phase == BLOCK and later.remaining == pytest.approx(12 * MIN)
    clock.resume(T0 + 50 * MIN)
    state = clock.state(T0 + 52 * MIN)
    assert not state.paused and state.remaining == pytest.approx(10 * MIN)
    assert clock.paused_total == pytest.approx(47 * MIN)


def test_toggle_starts_pauses_and_resumes():
    clock = four_by_fifteen()
    clock.toggle(T0)
    assert clock.state(T0).running
    clock.toggle(T0 + 60)
    assert clock.state(T0 + 120).paused
    clock.toggle(T0 + 120)
    assert clock.state(T0 + 180).remaining == pytest.approx(13 * MIN)


def test_skip_while_paused_stays_paused_at_the_next_phase():
    clock = four_by_fifteen()
    clock.start(T0)
    clock.pause(T0 + 60)
    clock.skip(T0 + 90)
    state = clock.state(T0 + 200)
    assert state.paused and state.phase == TRANSITION and state.remaining == pytest.approx(2 * MIN)


def test_back_restarts_the_phase_then_goes_to_the_one_before():
    clock = four_by_fifteen()
    clock.start(T0)
    now = T0 + 20 * MIN  # block 2, 3 minutes in
    clock.back(now)
    state = clock.state(now)
    assert (state.phase, state.block, state.remaining) == (BLOCK, 2, pytest.approx(15 * MIN))
    clock.back(now + 1)  # within the grace: the transition before
    state = clock.state(now + 1)
    assert (state.phase, state.block, state.remaining) == (TRANSITION, 2, pytest.approx(2 * MIN))
    clock.back(now + 1)
    clock.back(now + 1)
    state = clock.state(now + 1)
    assert (state.phase, state.block, state.remaining) == (BLOCK, 1, pytest.approx(15 * MIN))
    clock.back(now + 1)  # already at the very start: stays there
    assert clock.state(now + 1).total_elapsed == pytest.approx(0.0)


def test_back_from_done_returns_to_the_last_block():
    clock = four_by_fifteen()
    clock.start(T0)
    clock.back(T0 + 80 * MIN)
    state = clock.state(T0 + 80 * MIN)
    assert (state.phase, state.block, state.remaining) == (BLOCK, 4, pytest.approx(15 * MIN))


def test_done_after_the_last_block_and_pause_does_nothing_then():
    clock = four_by_fifteen()
    clock.start(T0)
    state = clock.state(T0 + 66 * MIN + 30)
    assert state.phase == DONE and state.remaining == 0 and state.elapsed == pytest.approx(30)
    clock.pause(T0 + 67 * MIN)
    assert clock.paused_at is None and not clock.state(T0 + 67 * MIN).paused


def test_saving_and_reopening_keeps_the_place():
    clock = four_by_fifteen()
    clock.start(T0)
    clock.pause(T0 + 2 * MIN)
    clock.resume(T0 + 5 * MIN)
    clock.skip(T0 + 6 * MIN)
    saved = json.loads(json.dumps(clock.to_dict()))  # as the board stores it
    reopened = BoardClock.from_dict(saved)
    assert reopened == clock
    for t in (T0 + 6 * MIN, T0 + 20 * MIN, T0 + 70 * MIN):
        assert reopened.state(t) == clock.state(t)


def test_reopening_paused_stays_paused():
    clock = four_by_fifteen()
    clock.start(T0)
    clock.pause(T0 + 60)
    reopened = BoardClock.from_dict(clock.to_dict())
    assert reopened.state(T0 + 3600).paused
    assert reopened.state(T0 + 3600).remaining == pytest.approx(14 * MIN)


def test_todays_plan_lengths_win_over_the_saved_ones():
    clock = four_by_fifteen()
    clock.start(T0)
    reopened = BoardClock.from_dict(clock.to_dict(), [600.0, 600.0], 0.0)
    state = reopened.state(T0 + 11 * MIN)
    assert (state.phase, state.block, state.block_count) == (BLOCK, 2, 2)


@pytest.mark.parametrize("bad", [
    None, [], {"block_seconds": "x"}, {"block_seconds": [60], "started_at": "yesterday"},
    {"block_seconds": [60], "started_at": float("nan")}, {"block_seconds": [True]},
])
def test_malformed_saved_clocks_are_refused(bad):
    with pytest.raises(ValueError):
        BoardClock.from_dict(bad)


def test_a_saved_clock_never_started_comes_back_clean():
    reopened = BoardClock.from_dict({"block_seconds": [60], "paused_at": T0, "skipped": 99})
    assert reopened.state(T0).phase == NOT_STARTED and reopened.skipped == 0


def test_three_hours_of_sleep_lands_on_done_with_one_chime():
    clock = four_by_fifteen()
    clock.start(T0)
    before = T0 + 5 * MIN
    after = before + 3 * 3600
    assert clock.state(after).phase == DONE
    assert clock.switches_between(before, after) == 7  # 4 blocks and 3 transitions passed
    assert clock.should_chime(before, after)  # one cue, whatever was passed
    assert BoardClock.cue_due(clock.state(before), clock.state(after))


def test_a_short_sleep_lands_in_the_right_block():
    clock = four_by_fifteen()
    clock.start(T0)
    state = clock.state(T0 + 40 * MIN)  # 15 + 2 + 15 + 2 = 34: block 3, six minutes in
    assert (state.phase, state.block, state.elapsed) == (BLOCK, 3, pytest.approx(6 * MIN))


def test_the_cue_sounds_for_each_switch_but_not_for_start_back_or_reset():
    clock = four_by_fifteen()
    assert not clock.should_chime(T0, T0 + 10)  # not started
    not_started = clock.state(T0)
    clock.start(T0)
    assert not BoardClock.cue_due(not_started, clock.state(T0))
    assert not clock.should_chime(T0, T0 + 15 * MIN - 1)
    assert clock.should_chime(T0 + 15 * MIN - 1, T0 + 15 * MIN)
    assert clock.switches_between(T0 + 15 * MIN - 1, T0 + 15 * MIN) == 1
    assert not clock.should_chime(T0 + 15 * MIN, T0 + 16 * MIN)
    before = clock.state(T0 + 16 * MIN)
    clock.back(T0 + 16 * MIN)
    assert not BoardClock.cue_due(before, clock.state(T0 + 16 * MIN))
    before = clock.state(T0 + 16 * MIN)
    clock.skip(T0 + 16 * MIN)
    assert BoardClock.cue_due(before, clock.state(T0 + 16 * MIN))
    done = clock.state(T0 + 99 * MIN)
    clock.reset()
    assert not BoardClock.cue_due(done, clock.state(T0 + 99 * MIN))


def test_no_transitions_and_no_blocks():
    clock = BoardClock.from_minutes([10, 10], 0)
    clock.start(T0)
    state = clock.state(T0 + 10 * MIN)
    assert (state.phase, state.block) == (BLOCK, 2)
    empty = BoardClock(())
    assert empty.state(T0).block == 0 and empty.state(T0).remaining == 0
    empty.start(T0)
    assert empty.state(T0).phase == DONE
    empty.back(T0)  # nothing to go back to
    assert empty.state(T0).phase == DONE


def test_a_clock_set_back_shows_the_start_not_negative_time():
    clock = four_by_fifteen()
    clock.start(T0)
    state = clock.state(T0 - 3600)
    assert (state.phase, state.block, state.remaining) == (BLOCK, 1, 15 * MIN)


def test_mmss_folds_hours_into_minutes():
    assert mmss(0) == "00:00" and mmss(59.2) == "01:00" and mmss(90 * MIN) == "90:00"


@given(st.lists(st.floats(min_value=0, max_value=3 * 3600), min_size=1, max_size=30))
def test_running_time_only_moves_forward_and_remaining_stays_in_the_phase(offsets):
    clock = four_by_fifteen()
    clock.start(T0)
    last = -1
    for t in sorted(offsets):
        state = clock.state(T0 + t)
        assert state.index >= last
        assert 0 <= state.remaining <= state.length or state.phase == DONE
        last = state.index
