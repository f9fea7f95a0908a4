"""Set reconciliation for verified sync: one table's rows as an invertible Bloom lookup table
(IBLT), whose size follows how many rows differ between the laptop and the district, not how many
there are. The laptop and the district build it the same way, from ``rows.Digests``.

Each row is an entry (key, value): its bucket key (``rows.bucket_key``, 64 bits) and the first
ROW_DIGEST_BYTES of its digest. An entry goes into one cell of each of SKETCH_HASHES sub-tables;
a cell holds how many entries went in (mod 256) and the XOR of their keys, values and checks (a
hash of the entry, which tells a cell holding exactly one entry). The laptop sends its cells; the
district subtracts its own: what both hold cancels, and what is left is the difference, entries
only the laptop holds (+1) and entries only the district holds (-1). A changed row is two entries,
its old and new values under one key: the cells an entry goes to depend on its value as well as
its key, so the two land apart and come out one by one.

Peeling takes an entry out of a cell that holds only it, and out of its other cells, which may
leave another cell holding one entry, and so on. It succeeds when every cell ends empty, which is
likely while there are at least about twice as many cells as entries; otherwise it stops and says
so. A failure is seen, never taken for an answer.
"""

from __future__ import annotations

import hashlib
import math
from collections.abc import Iterable
from typing import NamedTuple

from plclassroom.sync.protocol import MAX_SKETCH_SIZE, MIN_SKETCH_SIZE, ROW_DIGEST_BYTES, SKETCH_HASHES

_VALUE_BITS = 8 * ROW_DIGEST_BYTES
_ENTRY_BYTES = 8 + ROW_DIGEST_BYTES + 4  # key, value, check: one int in memory, XORed at once


def size_for(entries: int, above: int = MIN_SKETCH_SIZE - 1) -> int | None:
    """The sketch size (log2 of a sub-table's cells) for about ``entries`` entries that differ: at
    least twice as many cells, and larger than ``above`` (a size that did not come out); None if
    that is more than a sketch may be."""
    size = above + 1
    while (SKETCH_HASHES << size) < 2 * entries:
        size += 1
    return size if size <= MAX_SKETCH_SIZE else None


def _place(key: int, value: int, size: int) -> tuple[int, list[int]]:
    """An entry as one int (key, value, check), and the cells it goes to, one a sub-table."""
    h = int.from_bytes(hashlib.blake2b(((key << _VALUE_BITS) | value).to_bytes(8 + ROW_DIGEST_BYTES, "big"),
                                       digest_size=16).digest(), "big")
    mask = (1 << size) - 1
    return ((key << _VALUE_BITS | value) << 32) | (h & 0xFFFFFFFF), [
        (j << size) | ((h >> (32 + 16 * j)) & mask) for j in range(SKETCH_HASHES)]


class Peeled(NamedTuple):
    mine: list[tuple[int, int]]  # (key, value) only in the sketch subtracted from
    theirs: list[tuple[int, int]]  # (key, value) only in the sketch subtracted
    complete: bool  # every entry that differs is above
    entries: int  # how many entries differ: found, or (not complete) about as many


class Iblt:
    """An IBLT of 2**size cells in each of SKETCH_HASHES sub-tables."""

    def __init__(self, size: int, counts: list[int] | None = None, cells: list[int] | None = None) -> None:
        self.size = size
        self.counts = counts if counts is not None else [0] * (SKETCH_HASHES << size)
        self.cells = cells if cells is not None else [0] * (SKETCH_HASHES << size)

    @classmethod
    def of(cls, size: int, entries: Iterable[tuple[int, int]]) -> Iblt:
        """The IBLT of (key, value) entries."""
        made = cls(size)
        counts, cells = made.counts, made.cells
        for key, value in entries:
            packed, places = _place(key, value, size)
            for i in places:
                counts[i] += 1
                cells[i] ^= packed
        return made

    def encode(self) -> bytes:
        return bytes(c & 0xFF for c in self.counts) + b"".join(c.to_bytes(_ENTRY_BYTES, "big") for c in self.cells)

    @classmethod
    def decode(cls, size: int, data: bytes) -> Iblt:
        n = SKETCH_HASHES << size
        return cls(size, list(data[:n]), [int.from_bytes(data[n + i * _ENTRY_BYTES:n + (i + 1) * _ENTRY_BYTES], "big")
                                          for i in range(n)])

    def subtract(self, other: Iblt) -> Iblt:
        """What this holds and ``other`` does not (+1), and the other way round (-1)."""
        return Iblt(self.size, [(a - b) & 0xFF for a, b in zip(self.counts, other.counts, strict=True)],
                    [a ^ b for a, b in zip(self.cells, other.cells, strict=True)])

    def peel(self) -> Peeled:
        """The entries a subtracted IBLT holds, taken out one pure cell at a time (it is emptied
        doing so). At most as many entries as it has cells are taken: cells made up to look pure
        in a loop (no honest IBLT does) stop there, not complete."""
        counts, cells, size = self.counts, self.cells, self.size
        found: dict[int, list[tuple[int, int]]] = {1: [], -1: []}
        budget = len(cells)

        def pure(i: int) -> int:
            """+1 or -1: cell ``i`` holds exactly one entry, on that side; 0: it does not."""
            sign = {1: 1, 0xFF: -1}.get(counts[i], 0)
            if sign:
                packed = cells[i]
                entry, places = _place(packed >> 64, (packed >> 32) & ((1 << _VALUE_BITS) - 1), size)
                if entry != packed or i not in places:
                    return 0  # its check does not match, or it is not the entry's cell: more than one entry
            return sign

        waiting = [i for i in range(len(cells)) if pure(i)]
        while waiting and budget:
            i = waiting.pop()
            sign = pure(i)
            if not sign:
                continue  # emptied or changed since
            budget -= 1
            packed = cells[i]
            key, value = packed >> 64, (packed >> 32) & ((1 << _VALUE_BITS) - 1)
            found[sign].append((key, value))
            for j in _place(key, value, size)[1]:
                counts[j] = (counts[j] - sign) & 0xFF
                cells[j] ^= packed
                if pure(j):
                    waiting.append(j)
        taken = len(found[1]) + len(found[-1])
        if not any(counts) and not any(cells):
            return Peeled(found[1], found[-1], True, taken)
        return Peeled(found[1], found[-1], False, taken + self._left())

    def _left(self) -> int:
        """About how many entries a stuck IBLT still holds, from each sub-table (each entry has one
        cell in each): by the share of its cells left empty, or, once few are, by its counts (the
        entries on either side, in c cells, make E[sum of count**2] = entries + (sum of count)**2 / c)."""
        width = 1 << self.size
        guesses = []
        for j in range(SKETCH_HASHES):
            counts = [c - 0x100 if c & 0x80 else c for c in self.counts[j * width:(j + 1) * width]]
            cells = self.cells[j * width:(j + 1) * width]
            empty = sum(1 for c, x in zip(counts, cells, strict=True) if not c and not x)
            by_empty = width * math.log(width / max(empty, 0.5))  # linear counting
            by_counts = sum(c * c for c in counts) - sum(counts) ** 2 / width
            guesses.append(max(by_empty, by_counts))
        return math.ceil(sum(guesses) / len(guesses))
