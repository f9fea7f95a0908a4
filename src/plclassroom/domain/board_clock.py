"""The station-rotation board's clock: which block or transition is on, and how much of it is left.

Pure: every method takes the wall-clock time (epoch seconds) as an argument and the state is four plain
numbers, so a board reopened after it was closed, or after the laptop slept, computes the same answer
from what it saved. Wall-clock time, not a monotonic clock: on Linux the monotonic clock stops while
the laptop is suspended, and the class kept rotating meanwhile.

The timeline, in "running seconds" (time the board ran, pauses left out, skips credited):
block 1, transition, block 2, transition, ..., last block, then done. Phases are half-open intervals:
at the exact second a block ends, the transition has begun.
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

NOT_STARTED = "not started"
BLOCK = "block"
TRANSITION = "transition"
DONE = "done"

# Pressing "back" within this many seconds of a phase's start goes to the previous phase, later it
# restarts the current one (as a music player's back button does).
BACK_GRACE = 3.0

FORMAT_VERSION = 1


@dataclass(frozen=True)
class Phase:
    kind: str  # BLOCK | TRANSITION
    block: int  # the block's number; for a transition, the block it leads to
    start: float  # running seconds
    end: float

    @property
    def length(self) -> float:
        return self.end - self.start


@dataclass(frozen=True)
class BoardState:
    """What the board shows at one instant."""

    phase: str  # NOT_STARTED | BLOCK | TRANSITION | DONE
    paused: bool
    block: int  # 1-based: the current block, the block coming next in a transition, the last when done
    block_count: int
    remaining: float  # seconds left in this phase (the first block's length before the start)
    elapsed: float  # seconds into this phase
    length: float  # this phase's length
    index: int  # position in the timeline: -1 before the start, len(phases) when done
    total_elapsed: float  # running seconds since the start
    total: float  # running seconds from the start to done

    @property
    def started(self) -> bool:
        return self.phase != NOT_STARTED

    @property
    def running(self) -> bool:
        """The countdown is moving."""
        return self.phase in (BLOCK, TRANSITION) and not self.paused

    @property
    def next_block(self) -> int | None:
        """The block after the one the groups are at (or, in a transition, heading to)."""
        if self.phase == DONE or self.block >= self.block_count:
            return None
        return self.block + 1

    @property
    def previous_block(self) -> int | None:
        """In a transition, the block the groups are leaving."""
        return self.block - 1 if self.phase == TRANSITION and self.block > 1 else None

    @property
    def countdown(self) -> int:
        """Whole seconds to show, rounded up: 10:00 at the start, 00:00 only at the very end."""
        # The small allowance keeps float noise (299.9999999) from showing as the second above.
        return max(0, math.ceil(self.remaining - 1e-6))


def mmss(seconds: float) -> str:
    """Seconds as mm:ss (hours folded into minutes: a 90-minute block shows 90:00)."""
    whole = max(0, math.ceil(seconds - 1e-6))
    return f"{whole // 60:02d}:{whole % 60:02d}"


def _number(value: Any, name: str, optional: bool = False) -> float | None:
    if value is None and optional:
        return None
    if isinstance(value, bool) or not isinstance(value, int | float) or not math.isfinite(value):
        raise ValueError(f"{name} must be a finite number, not {value!r}")
    return float(value)


@dataclass
class BoardClock:
    block_seconds: tuple[float, ...]
    transition_seconds: float = 0.0
    started_at: float | None = None  # epoch seconds
    paused_at: float | None = None  # epoch seconds, while paused
    paused_total: float = 0.0  # seconds spent paused before the current pause
    skipped: float = 0.0  # seconds credited by skip (negative after back)
    _phases: tuple[Phase, ...] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        self.block_seconds = tuple(max(0.0, float(s)) for s in self.block_seconds)
        self.transition_seconds = max(0.0, float(self.transition_seconds))
        phases: list[Phase] = []
        at = 0.0
        for number, length in enumerate(self.block_seconds, start=1):
            if number > 1 and self.transition_seconds > 0:
                phases.append(Phase(TRANSITION, number, at, at + self.transition_seconds))
                at += self.transition_seconds
            phases.append(Phase(BLOCK, number, at, at + length))
            at += length
        self._phases = tuple(phases)

    @classmethod
    def from_minutes(cls, block_minutes: Sequence[float], transition_minutes: float) -> BoardClock:
        return cls(tuple(m * 60.0 for m in block_minutes), transition_minutes * 60.0)

    # -- the timeline ---------------------------------------------------------------------------------

    @property
    def phases(self) -> tuple[Phase, ...]:
        return self._phases

    @property
    def total(self) -> float:
        return self._phases[-1].end if self._phases else 0.0

    def _raw(self, now: float) -> float:
        """Running seconds, not clamped: may be negative if the wall clock was set back."""
        if self.started_at is None:
            return 0.0
        stop = self.paused_at if self.paused_at is not None else now
        return (stop - self.started_at) - self.paused_total + self.skipped

    def running_seconds(self, now: float) -> float:
        return max(0.0, self._raw(now))

    def state(self, now: float) -> BoardState:
        count = len(self.block_seconds)
        paused = self.paused_at is not None
        if self.started_at is None:
            first = self.block_seconds[0] if count else 0.0
            return BoardState(NOT_STARTED, False, 1 if count else 0, count, first, 0.0, first, -1, 0.0,
                              self.total)
        elapsed = self.running_seconds(now)
        for index, phase in enumerate(self._phases):
            if elapsed < phase.end:
                return BoardState(phase.kind, paused, phase.block, count, phase.end - elapsed,
                                  elapsed - phase.start, phase.length, index, elapsed, self.total)
        # Done: nothing left to pause.
        return BoardState(DONE, False, count, count, 0.0, elapsed - self.total, 0.0, len(self._phases),
                          elapsed, self.total)

    # -- the teacher's keys ---------------------------------------------------------------------------

    def start(self, now: float) -> None:
        if self.started_at is None:
            self.started_at, self.paused_at, self.paused_total, self.skipped = now, None, 0.0, 0.0

    def pause(self, now: float) -> None:
        if self.started_at is not None and self.paused_at is None and self.state(now).phase != DONE:
            self.paused_at = now

    def resume(self, now: float) -> None:
        if self.paused_at is not None:
            # A clock set back during the pause must not give time back.
            self.paused_total += max(0.0, now - self.paused_at)
            self.paused_at = None

    def toggle(self, now: float) -> None:
        """Space: start, pause, or go on. Does nothing once done."""
        if self.started_at is None:
            self.start(now)
        elif self.paused_at is not None:
            self.resume(now)
        else:
            self.pause(now)

    def skip(self, now: float) -> None:
        """End the current block or transition now: the next phase starts (paused if the board is)."""
        state = self.state(now)
        if state.phase in (BLOCK, TRANSITION):
            self.skipped += self._phases[state.index].end - self._raw(now)

    def back(self, now: float) -> None:
        """Restart the current phase, or go to the previous one when the current one has only just begun."""
        state = self.state(now)
        if state.phase == NOT_STARTED or not self._phases:
            return
        if state.phase == DONE:
            index = len(self._phases) - 1
        elif state.elapsed > BACK_GRACE or state.index == 0:
            index = state.index
        else:
            index = state.index - 1
        while index > 0 and self._phases[index].length <= 0:  # an empty phase can't be shown
            index -= 1
        self.skipped += self._phases[index].start - self._raw(now)

    def reset(self) -> None:
        self.started_at, self.paused_at, self.paused_total, self.skipped = None, None, 0.0, 0.0

    # -- the chime ------------------------------------------------------------------------------------

    @staticmethod
    def cue_due(before: BoardState, after: BoardState) -> bool:
        """Whether the switch cue sounds going from one state to the next: once when the board moved on
        to a later phase (by time, a skip, or a jump after sleep), however many phases it passed; never
        for the start, going back or a reset."""
        return before.started and after.index > before.index

    def switches_between(self, t0: float, t1: float) -> int:
        """How many phase changes the running board passed between two instants (0 if none)."""
        return max(0, self.state(t1).index - self.state(t0).index) if self.started_at is not None else 0

    def should_chime(self, t0: float, t1: float) -> bool:
        return self.cue_due(self.state(t0), self.state(t1))

    # -- saving ---------------------------------------------------------------------------------------

    def to_dict(self) -> dict[str, Any]:
        return {
            "version": FORMAT_VERSION,
            "block_seconds": list(self.block_seconds),
            "transition_seconds": self.transition_seconds,
            "started_at": self.started_at,
            "paused_at": self.paused_at,
            "paused_total": self.paused_total,
            "skipped": self.skipped,
        }

    @classmethod
    def from_dict(cls, data: Mapping[str, Any], block_seconds: Sequence[float] | None = None,
                  transition_seconds: float | None = None) -> BoardClock:
        """A saved clock. Block and transition lengths given here (today's plan) win over the saved ones,
        so a plan edited since keeps its place in time. Raises ValueError on anything malformed."""
        if not isinstance(data, Mapping):
            raise ValueError(f"A saved board clock is a mapping, not {type(data).__name__}")
        if block_seconds is None:
            saved = data.get("block_seconds")
            if not isinstance(saved, list | tuple):
                raise ValueError("The saved board clock has no block lengths")
            block_seconds = [_number(s, "block_seconds") for s in saved]
        if transition_seconds is None:
            transition_seconds = _number(data.get("transition_seconds", 0.0), "transition_seconds")
        clock = cls(tuple(block_seconds), transition_seconds)
        started_at = _number(data.get("started_at"), "started_at", optional=True)
        if started_at is not None:  # a clock never started has nothing else worth keeping
            clock.started_at = started_at
            clock.paused_at = _number(data.get("paused_at"), "paused_at", optional=True)
            clock.paused_total = max(0.0, _number(data.get("paused_total", 0.0), "paused_total"))
            clock.skipped = _number(data.get("skipped", 0.0), "skipped")
        return clock
