"""Sync from the window, against a real district server on loopback: connect with a one-time code,
Sync now, and the status bar tells the truth. And the token: in the keyring when there is one,
only in memory when there is none."""

import keyring
import pytest
from keyring.backend import KeyringBackend

from plclassroom.services import district, profiles
from plclassroom.sync import credentials
from plclassroom.ui import app as ui_app
from tests.conftest import count, run
from tests.server.conftest import serving
from tests.sync.conftest import copy_of
from tests.sync.test_merge import first_student, profile_field

pytestmark = pytest.mark.gui


class MemoryKeyring(KeyringBackend):
    priority = 1

    def __init__(self):
        super().__init__()
        self.kept = {}

    def set_password(self, service, username, password):
        self.kept[(service, username)] = password

    def get_password(self, service, username):
        return self.kept.get((service, username))

    def delete_password(self, service, username):
        self.kept.pop((service, username), None)


def code_for(server):
    with server.unit_of_work() as uow:
        user = district.create_user(uow, "Amara Okafor", "district_admin")
    with server.unit_of_work() as uow:
        return district.issue_enrol_code(uow, user)


def test_connect_and_sync_now_from_the_window(qtbot, demo_store, demo_template, tmp_path):
    server = copy_of(demo_template, tmp_path / "district.sqlite")
    ui_app.make_application()
    window = ui_app.open_window(demo_store, "sync-ui")
    qtbot.addWidget(window)
    controller = window.sync
    assert window.connection.text() == "Offline · not connected to a district server"
    assert controller.sync_now() is None  # not connected: says so, does nothing
    with serving(server) as live:
        task = controller.connect_to_server(live.base_url, code_for(server))
        qtbot.waitUntil(lambda: task.finished.is_set() and controller.token is not None, timeout=10000)
        assert window.connection.text() == "Online"
        student = first_student(demo_store)
        run(demo_store, profiles.update_profile_field, student, "strengths", "Draws tape diagrams")
        controller.show_status()
        assert "1 to send" in window.last_sync.text()
        controller.automatic = False  # the probe alone: it tells the district what waits here
        controller.probe()
        qtbot.waitUntil(lambda: not controller._probes, timeout=10000)
        assert count(server, "SELECT pending_changes FROM district_device") == 1
        task = controller.sync_now(quietly=True)
        qtbot.waitUntil(lambda: controller.task is None, timeout=20000)
        assert profile_field(server, student, "strengths") == "Draws tape diagrams"
        assert "Last sync: never" not in window.last_sync.text() and "to send" not in window.last_sync.text()
        report = controller.open_report()
        assert report.refused.rowCount() == 0 and report.conflicts.rowCount() == 0
        report.close()
    server.close()


def test_the_token_goes_to_the_keyring_and_never_to_a_file(demo_store, demo_template, tmp_path):
    memory = MemoryKeyring()
    previous = keyring.get_keyring()
    keyring.set_keyring(memory)
    try:
        server = copy_of(demo_template, tmp_path / "district.sqlite")
        from plclassroom.services import sync

        with serving(server) as live:
            token = sync.enrol(demo_store, live.base_url, code_for(server))
            assert sync.token_for(demo_store, live.base_url) == token
            assert list(memory.kept.values()) == [token]
        assert token.encode() not in demo_store.path.read_bytes()
        server.close()
    finally:
        keyring.set_keyring(previous)


def test_no_keyring_is_said_plainly():
    with pytest.raises(credentials.KeyringUnavailable, match="no keyring"):
        credentials.save_token("https://district", "device", "secret")


def test_the_sync_report_shows_refused_changes_and_kept_versions(qtbot, demo_store):
    from datetime import UTC, datetime

    from plclassroom.domain import SyncConflict
    from plclassroom.store.outbox import RejectedChange

    with demo_store.unit_of_work() as uow:
        uow.session.add(RejectedChange(seq=7, table_name="learner_profile", row_id="r", op="update", hlc=1,
                                       fields="{}", reason="Refused: the student is not one of yours.",
                                       rejected_at=datetime.now(UTC)))
        uow.add(SyncConflict(table_name="learner_profile", row_id="r", field="notes", kept="Large print",
                             other="Reads nightly", other_device="d", other_hlc=1))
        uow.commit()
    ui_app.make_application()
    window = ui_app.open_window(demo_store, "sync-report")
    qtbot.addWidget(window)
    assert "1 refused" in window.last_sync.text() and "1 to settle" in window.last_sync.text()
    report = window.sync.open_report()
    assert report.refused.item(0, 2).text() == "Refused: the student is not one of yours."
    assert (report.conflicts.item(0, 1).text(), report.conflicts.item(0, 2).text()) == ("Large print",
                                                                                         "Reads nightly")
    report.close()


def test_two_new_laptops_fill_from_the_district_edit_offline_and_agree(qtbot, tmp_path):
    """As a new district would try it: the server holds the school (written there, published to
    its change log); two empty laptops connect with their codes and fill their class lists from
    one sync; each edits the same student offline; after syncing, both and the server agree."""
    from plclassroom.server.cli import publish
    from plclassroom.services import demo
    from plclassroom.store.database import Store

    server = Store.open(tmp_path / "district.sqlite")
    with server.unit_of_work() as uow:
        demo.build_demo_school(uow)
        uow.commit()
    assert publish(server) > 0
    ui_app.make_application()
    laptops = [Store.open(tmp_path / f"laptop{n}.sqlite") for n in (1, 2)]
    windows = [ui_app.open_window(store, f"new-laptop-{n}") for n, store in enumerate(laptops)]
    for window in windows:
        qtbot.addWidget(window)
        assert window.roster.class_picker.count() == 0  # nothing here yet
    try:
        with serving(server) as live:
            for window in windows:
                task = window.sync.connect_to_server(live.base_url, code_for(server))
                qtbot.waitUntil(lambda w=window, t=task: t.finished.is_set() and w.sync.token is not None,
                                timeout=10000)
                window.sync.sync_now(quietly=True)
                qtbot.waitUntil(lambda w=window: w.sync.task is None, timeout=30000)
                # The first sync filled the window: classes in the picker, students in the roster.
                assert window.roster.class_picker.count() == 8
                assert window.roster.model.rowCount() > 0
            student = first_student(laptops[0])
            run(laptops[0], profiles.update_profile_field, student, "strengths", "Explains ratios with drawings")
            run(laptops[1], profiles.update_profile_field, student, "needs", "Check-ins on multi-step problems")
            for window in (*windows, windows[0]):  # the first again, to hear the second's edit
                window.sync.sync_now(quietly=True)
                qtbot.waitUntil(lambda w=window: w.sync.task is None, timeout=30000)
                assert "to send" not in window.last_sync.text()
        for store in (*laptops, server):
            assert profile_field(store, student, "strengths") == "Explains ratios with drawings"
            assert profile_field(store, student, "needs") == "Check-ins on multi-step problems"
    finally:
        for window in windows:
            window.close()
        for store in (*laptops, server):
            store.close()


def test_the_conflicts_view_settles_by_keeping_one_or_a_merge_and_undo_reopens(qtbot, demo_store):
    from PySide6.QtCore import Qt
    from sqlalchemy import select

    from plclassroom.domain import LearnerProfile, SyncConflict
    from plclassroom.domain.clock import pack

    student = first_student(demo_store)
    run(demo_store, profiles.update_profile_field, student, "notes", "Needs large print for tests")
    with demo_store.unit_of_work() as uow:
        profile_id = uow.session.execute(select(LearnerProfile.id).where(LearnerProfile.student_id == student)).scalar()
        uow.add(SyncConflict(table_name="learner_profile", row_id=profile_id, field="notes", student_id=student,
                             kept="Needs large print for tests", other="Needs a reader for tests",
                             other_device="another-laptop", other_hlc=pack(1_763_000_000_000, 0)))
        uow.commit()
    ui_app.make_application()
    window = ui_app.open_window(demo_store, "conflicts-view")
    qtbot.addWidget(window)
    assert "1 to settle" in window.last_sync.text()
    dialog = window.sync.open_conflicts()
    assert dialog.list.count() == 1 and "Learner profile: notes" in dialog.list.item(0).text()
    # Each side marks what only it has (struck through / underlined, not by colour alone).
    assert "line-through" in dialog.stands.toHtml() and "line-through" not in dialog.other.toHtml()
    assert "underline" in dialog.other.toHtml() and "underline" not in dialog.stands.toHtml()
    assert "a reader" in dialog.other.toPlainText() and "written on another device" in dialog.other_label.text()
    qtbot.mouseClick(dialog.keep_other, Qt.MouseButton.LeftButton)
    assert profile_field(demo_store, student, "notes") == "Needs a reader for tests"
    assert dialog.list.count() == 0 and "to settle" not in window.last_sync.text()
    window.context.undo_stack.undo()
    assert profile_field(demo_store, student, "notes") == "Needs large print for tests"
    assert dialog.list.count() == 1 and "1 to settle" in window.last_sync.text()
    dialog.merge.setPlainText("Needs large print and a reader for tests")
    qtbot.mouseClick(dialog.save_merge, Qt.MouseButton.LeftButton)
    assert profile_field(demo_store, student, "notes") == "Needs large print and a reader for tests"
    assert dialog.list.count() == 0 and not dialog.save_merge.isEnabled()
    dialog.close()


def test_the_conflicts_view_sends_a_refused_change_again(qtbot, demo_store):
    from datetime import UTC, datetime

    from PySide6.QtCore import Qt

    from plclassroom.store.outbox import RejectedChange
    from tests.conftest import count

    student = first_student(demo_store)
    with demo_store.unit_of_work() as uow:
        uow.session.add(RejectedChange(seq=7, table_name="person", row_id=student, op="update", hlc=1,
                                       fields='{"preferred_name": "Sam"}',
                                       reason="Refused: the student is not one of yours.",
                                       rejected_at=datetime.now(UTC)))
        uow.commit()
    ui_app.make_application()
    window = ui_app.open_window(demo_store, "refused-view")
    qtbot.addWidget(window)
    outbox = count(demo_store, "SELECT count(*) FROM sync_outbox")
    dialog = window.sync.open_conflicts()
    dialog.tabs.setCurrentIndex(1)
    assert dialog.tabs.tabText(1) == "Refused by the district (1)"
    assert dialog.refused.item(0, 3).text() == "Refused: the student is not one of yours."
    assert dialog.refused.item(0, 2).text()  # the student's name
    dialog.refused.selectRow(0)
    qtbot.mouseClick(dialog.send_again, Qt.MouseButton.LeftButton)
    assert count(demo_store, "SELECT count(*) FROM sync_outbox") == outbox + 1
    assert dialog.refused.rowCount() == 0 and "refused" not in window.last_sync.text()
    dialog.close()


def test_a_week_by_usb_bundle_from_the_window(qtbot, demo_store, demo_template, tmp_path):
    from plclassroom.services import district_bundles

    server = copy_of(demo_template, tmp_path / "district.sqlite")
    ui_app.make_application()
    window = ui_app.open_window(demo_store, "usb")
    qtbot.addWidget(window)
    controller = window.sync
    assert controller.export_bundle(str(tmp_path / "x.plcbundle")) is None  # never connected: says how
    with serving(server) as live:  # the laptop met the district once, to enrol
        task = controller.connect_to_server(live.base_url, code_for(server))
        qtbot.waitUntil(lambda: task.finished.is_set() and controller.token is not None, timeout=10000)
    student = first_student(demo_store)
    run(demo_store, profiles.update_profile_field, student, "strengths", "Carried on a stick")
    controller.export_bundle(str(tmp_path / "week.plcbundle"))
    qtbot.waitUntil(lambda: controller.task is None, timeout=10000)
    with server.unit_of_work() as uow:
        returned, _done = district_bundles.import_bundle(uow, (tmp_path / "week.plcbundle").read_bytes())
    (tmp_path / "week-return.plcbundle").write_bytes(returned)
    assert profile_field(server, student, "strengths") == "Carried on a stick"
    controller.import_return_bundle(str(tmp_path / "week-return.plcbundle"))
    qtbot.waitUntil(lambda: controller.task is None, timeout=10000)
    assert "to send" not in window.last_sync.text() and "never" not in window.last_sync.text()
    server.close()


def test_a_probe_that_answers_after_the_window_closed_is_ignored(qtbot, demo_store):
    from PySide6.QtWidgets import QApplication

    ui_app.make_application()
    window = ui_app.open_window(demo_store, "closing")
    controller = window.sync
    controller.server_url, controller.token = "http://127.0.0.1:9", "t"  # nothing listens: a quick "no"
    probes = controller._probes
    controller.probe()
    window.close()
    window.deleteLater()
    QApplication.processEvents()
    qtbot.waitUntil(lambda: not probes, timeout=10000)  # answered, into a closed window, without an error
