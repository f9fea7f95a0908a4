"""The one worker pattern: long work runs off the GUI thread and reports back by queued signals.

``run_task(fn, on_done, on_error, on_progress)`` calls ``fn(report)`` on the single writer thread
(only one thread ever writes SQLite). ``report(done, total)`` sends progress and returns True
when the person has asked to cancel; the work then raises and its unit of work rolls back.
"""

from __future__ import annotations

import threading
from collections.abc import Callable

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal

from plclassroom.ui.i18n import tr


class _Channel(QObject):
    # Emitted from the worker thread; the receivers live on the GUI thread, so Qt queues them.
    progress = Signal(int, int)
    done = Signal(object)
    failed = Signal(object)


class Task(QRunnable):
    def __init__(self, fn: Callable[[Callable[[int, int], bool]], object]) -> None:
        super().__init__()
        self.setAutoDelete(False)
        self.fn = fn
        self.channel = _Channel()
        self._cancel = threading.Event()
        self.finished = threading.Event()

    def cancel(self) -> None:
        self._cancel.set()

    @property
    def cancelled(self) -> bool:
        return self._cancel.is_set()

    def _report(self, done: int, total: int) -> bool:
        self.channel.progress.emit(done, total)
        return self._cancel.is_set()

    def run(self) -> None:
        try:
            result = self.fn(self._report)
        except BaseException as exc:  # noqa: BLE001  (every failure goes back to the GUI, none is lost)
            self.channel.failed.emit(exc)
        else:
            self.channel.done.emit(result)
        finally:
            self.finished.set()


_writer: QThreadPool | None = None
_running: set[Task] = set()


def writer_pool() -> QThreadPool:
    global _writer
    if _writer is None:
        _writer = QThreadPool()
        _writer.setMaxThreadCount(1)
    return _writer


def run_task(
    fn: Callable[[Callable[[int, int], bool]], object],
    on_done: Callable[[object], None],
    on_error: Callable[[BaseException], None],
    on_progress: Callable[[int, int], None] | None = None,
) -> Task:
    task = Task(fn)
    _running.add(task)
    task.channel.done.connect(on_done)
    task.channel.failed.connect(on_error)
    task.channel.done.connect(lambda _: _running.discard(task))
    task.channel.failed.connect(lambda _: _running.discard(task))
    if on_progress is not None:
        task.channel.progress.connect(on_progress)
    writer_pool().start(task)
    return task


def run_with_progress(parent, label: str, work, on_done: Callable[[object], None],
                      on_error: Callable[[BaseException], None]) -> Task:
    """``run_task`` behind a progress dialog whose Cancel button cancels the work."""
    from PySide6.QtWidgets import QProgressDialog

    progress = QProgressDialog(label, tr("Cancel"), 0, 0, parent)
    progress.setWindowTitle("plclassroom")
    progress.setMinimumDuration(300)

    def step(finished: int, total: int) -> None:
        progress.setMaximum(total)
        progress.setValue(finished)

    def finished(result) -> None:
        progress.reset()
        on_done(result)

    def failed(error: BaseException) -> None:
        progress.reset()
        on_error(error)

    task = run_task(work, finished, failed, step)
    progress.canceled.connect(task.cancel)
    return task
