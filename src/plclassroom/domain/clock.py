"""Hybrid logical clock (Kulkarni et al., 2014): a timestamp that follows wall time
but never goes backwards and orders causally related changes even when device clocks disagree.

A stamp is one 64-bit integer: milliseconds since the Unix epoch in the high 48 bits and a
logical counter in the low 16, so stamps compare as plain integers and store in one column.
"""

from __future__ import annotations

import time
from collections.abc import Callable

COUNTER_BITS = 16
COUNTER_MAX = (1 << COUNTER_BITS) - 1


def wall_ms() -> int:
    return time.time_ns() // 1_000_000


def pack(physical_ms: int, counter: int) -> int:
    return (physical_ms << COUNTER_BITS) | counter


def unpack(stamp: int) -> tuple[int, int]:
    return stamp >> COUNTER_BITS, stamp & COUNTER_MAX


class HybridLogicalClock:
    """Not thread-safe by itself; the store owns one clock per open database behind its lock."""

    def __init__(self, last: int = 0, now_ms: Callable[[], int] = wall_ms) -> None:
        self._physical, self._counter = unpack(last)
        self._now_ms = now_ms

    @property
    def last(self) -> int:
        return pack(self._physical, self._counter)

    def tick(self) -> int:
        """A stamp for a local change: greater than every stamp this clock has made or seen."""
        now = self._now_ms()
        if now > self._physical:
            self._physical, self._counter = now, 0
        else:
            self._advance_counter()
        return self.last

    def observe(self, remote: int) -> int:
        """Merge a stamp received from another device; returns the new local stamp."""
        now = self._now_ms()
        remote_physical, remote_counter = unpack(remote)
        if now > self._physical and now > remote_physical:
            self._physical, self._counter = now, 0
        elif remote_physical > self._physical:
            self._physical, self._counter = remote_physical, remote_counter
            self._advance_counter()
        elif remote_physical == self._physical:
            self._counter = max(self._counter, remote_counter)
            self._advance_counter()
        else:
            self._advance_counter()
        return self.last

    def _advance_counter(self) -> None:
        # Over 65,535 changes in one millisecond: borrow the next millisecond rather than wrap.
        if self._counter >= COUNTER_MAX:
            self._physical, self._counter = self._physical + 1, 0
        else:
            self._counter += 1
