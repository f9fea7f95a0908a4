"""Edit > Settings and File > Back up now / Restore from backup, driven as a teacher would: each
setting saved and read back with QSettings, nothing secret in the settings file, the sync schedule
driving the probe, a backup and a restore from the window, and new classes given the school's
mastery defaults."""

from datetime import UTC, datetime, timedelta
from pathlib import Path

import keyring
import pytest
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QMessageBox
from shiboken6 import isValid

from plclassroom.services import profiles, roster
from plclassroom.ui import app as ui_app
from plclassroom.ui import settings
from plclassroom.ui.preferences.dialog import PreferencesDialog
from plclassroom.ui.preferences.new_classes import after_roster_import
from plclassroom.ui.settings import Preferences
from plclassroom.ui.sync.controller import PROBE_MS
from tests.conftest import run
from tests.server.conftest import serving
from tests.sync.conftest import copy_of
from tests.sync.test_merge import first_student, profile_field
from tests.ui.test_sync_ui import MemoryKeyring, code_for

pytestmark = pytest.mark.gui


@pytest.fixture(autouse=True)
def clean_settings():
    """Other tests share the settings file: leave it as found."""
    yield
    s = settings.settings()
    for key in ("appearance", "new_classes", "backup", "sync/every_minutes", settings.SERVER_URL_KEY):
        s.remove(key)
    s.sync()


def save(dialog: PreferencesDialog) -> None:
    dialog.buttons.button(QDialogButtonBox.StandardButton.Save).click()


def choose(box, value) -> None:
    box.setCurrentIndex(box.findData(value))


def test_each_setting_is_saved_and_read_back(qtbot, tmp_path):
    ui_app.make_application()
    dialog = PreferencesDialog()
    qtbot.addWidget(dialog)
    assert dialog.values() == Preferences()  # nothing saved yet: the defaults
    dialog.server_url.setText("  https://district.example/  ")
    choose(dialog.sync_every, 15)
    choose(dialog.language, "es")
    choose(dialog.theme, "high-contrast")
    choose(dialog.method, "mean_last_n")
    dialog.n.setValue(5)
    dialog.weight.setValue(40)
    choose(dialog.mastery_score, 4.0)
    dialog.backup_folder.setText(str(tmp_path / "usb" / "backups"))
    dialog.backup_keep.setValue(7)
    choose(dialog.backup_every, 24 * 7)
    save(dialog)
    assert dialog.result() == QDialog.DialogCode.Accepted
    expected = Preferences(server_url="https://district.example/", sync_every_minutes=15, language="es",
                           theme="high-contrast", mastery_method="mean_last_n", mastery_n=5, mastery_weight=0.4,
                           mastery_score=4.0, backup_folder=str(tmp_path / "usb" / "backups"), backup_keep=7,
                           backup_every_hours=24 * 7)
    assert settings.preferences() == expected
    assert (tmp_path / "usb" / "backups").is_dir()
    # Read back by a new dialog (and from the file: a new QSettings each time).
    again = PreferencesDialog()
    qtbot.addWidget(again)
    assert again.values() == expected
    assert settings.settings().value("new_classes/mastery_method") == "mean_last_n"
    # Restore Defaults shows the defaults; Cancel keeps what was saved.
    again.buttons.button(QDialogButtonBox.StandardButton.RestoreDefaults).click()
    assert again.values() == Preferences()
    again.reject()
    assert settings.preferences() == expected


def test_a_bad_value_is_said_and_nothing_is_saved(qtbot, tmp_path):
    ui_app.make_application()
    blocker = tmp_path / "a-file"
    blocker.write_text("not a folder")
    for field, value, said in (("server_url", "district.example", "starts with https://"),
                               ("backup_folder", "backups", "full path"),
                               ("backup_folder", str(blocker / "backups"), "cannot go to")):
        dialog = PreferencesDialog()
        qtbot.addWidget(dialog)
        getattr(dialog, field).setText(value)
        save(dialog)
        assert said in dialog.message.text()
        assert dialog.result() != QDialog.DialogCode.Accepted
        assert settings.preferences() == Preferences()


def test_a_hand_edited_settings_file_reads_as_the_defaults(qtbot):
    s = settings.settings()
    s.setValue("sync/every_minutes", "often")
    s.setValue("appearance/theme", "neon")
    s.setValue("backup/keep", -4)
    assert settings.preferences() == Preferences(backup_keep=1)


def test_the_token_never_lands_in_the_settings(qtbot, demo_store, demo_template, tmp_path):
    memory = MemoryKeyring()
    previous = keyring.get_keyring()
    keyring.set_keyring(memory)
    server = copy_of(demo_template, tmp_path / "district.sqlite")
    try:
        ui_app.make_application()
        window = ui_app.open_window(demo_store, "settings-ui")
        qtbot.addWidget(window)
        with serving(server) as live:
            task = window.sync.connect_to_server(live.base_url, code_for(server))
            qtbot.waitUntil(lambda: task.finished.is_set() and window.sync.token is not None, timeout=10000)
        [token] = memory.kept.values()
        dialog = window.open_preferences()
        assert dialog.server_url.text() == live.base_url
        choose(dialog.sync_every, 60)
        save(dialog)
        s = settings.settings()
        s.sync()
        assert token.encode() not in Path(s.fileName()).read_bytes()
        assert all(token not in str(s.value(key)) for key in s.allKeys())
        assert window.sync.token == token  # still there, from the keyring
    finally:
        server.close()
        keyring.set_keyring(previous)


def test_the_sync_schedule_drives_the_probe(qtbot, demo_store):
    ui_app.make_application()
    window = ui_app.open_window(demo_store, "settings-ui")
    qtbot.addWidget(window)
    controller = window.sync
    assert controller.automatic and controller.timer.interval() == PROBE_MS
    settings.save_preferences(Preferences(sync_every_minutes=60))
    window._preferences_saved()
    assert controller.automatic and controller.timer.interval() == 60 * 60 * 1000 and controller.timer.isActive()
    settings.save_preferences(Preferences(sync_every_minutes=0))
    window._preferences_saved()
    # Still probing for the status bar's Online/Offline; never syncing by itself.
    assert not controller.automatic and controller.timer.interval() == PROBE_MS
    # A new address: its token from the keyring (none here), and the status says so.
    settings.save_preferences(Preferences(server_url="https://elsewhere.example"))
    window._preferences_saved()
    assert controller.server_url == "https://elsewhere.example" and controller.token is None
    assert window.connection.text() == "Offline"


def test_back_up_now_then_restore_from_the_window(qtbot, demo_store, tmp_path, monkeypatch):
    warnings = []
    monkeypatch.setattr(QMessageBox, "warning", lambda _parent, title, text: warnings.append((title, text)))
    folder = tmp_path / "backups"
    settings.save_preferences(Preferences(backup_folder=str(folder), backup_keep=2))
    ui_app.make_application()
    window = ui_app.open_window(demo_store, "settings-ui")  # not given to qtbot: the restore closes it
    backups = window.backups
    assert backups.due()  # never backed up
    student = first_student(demo_store)
    run(demo_store, profiles.update_profile_field, student, "strengths", "In the backup")
    backups.back_up()
    qtbot.waitUntil(lambda: backups.task is None, timeout=10000)
    [taken] = folder.glob("*.sqlite")
    assert not backups.due() and settings.last_backup(demo_store.path.stem) is not None
    settings.set_last_backup(demo_store.path.stem, datetime.now(UTC) - timedelta(hours=25))
    assert backups.due()  # every day, by default
    settings.save_preferences(Preferences(backup_folder=str(folder), backup_every_hours=0))
    assert not backups.due()  # only when asked

    # A file that is no backup: said, and nothing changes.
    junk = tmp_path / "junk.sqlite"
    junk.write_text("hello")
    backups.restore(junk, confirm=lambda _checked: True)
    qtbot.waitUntil(lambda: backups.task is None and bool(warnings), timeout=10000)
    assert "not a database file" in warnings[0][1] and "Nothing was changed" in warnings[0][1]

    # Asked, and said no: nothing restored.
    run(demo_store, profiles.update_profile_field, student, "strengths", "After the backup")
    asked = []
    backups.restore(taken, confirm=lambda checked: asked.append(checked) and False)
    qtbot.waitUntil(lambda: backups.task is None and bool(asked), timeout=10000)
    assert "180 students" in " ".join(asked[0].summary())
    assert profile_field(demo_store, student, "strengths") == "After the backup"

    # Restored: a new window on the restored data, the old one closed.
    with qtbot.waitSignal(backups.replaced, timeout=20000) as replaced:
        backups.restore(taken, confirm=lambda _checked: True)
    new = replaced.args[0]
    qtbot.addWidget(new)
    assert new.isVisible() and new.context.store is not demo_store
    assert profile_field(new.context.store, student, "strengths") == "In the backup"
    assert new.roster.class_picker.count() == 8
    [safety] = folder.glob("*.before-restore.*.sqlite")
    assert "Restored" in new.statusBar().currentMessage() and str(safety) in new.statusBar().currentMessage()
    qtbot.waitUntil(lambda: not isValid(window), timeout=5000)
    new.close()
    new.context.store.close()


def test_new_classes_from_a_roster_import_get_the_schools_defaults(qtbot, demo_store):
    ui_app.make_application()
    settings.save_preferences(Preferences(mastery_method="highest", mastery_n=2, mastery_weight=0.5))
    from plclassroom.ui.context import AppContext

    context = AppContext(demo_store, "settings-ui")
    summaries = run(demo_store, roster.list_classes)
    science = next(s for s in summaries if "Science" in s.title)
    refreshed = []
    imported = after_roster_import(context, lambda: [s.id for s in summaries if s.id != science.id],
                                   refreshed.append)
    imported("report")
    assert refreshed == ["report"]
    with demo_store.unit_of_work() as uow:
        from plclassroom.domain import SchoolClass

        rows = {c.id: (c.mastery_method, c.mastery_params) for c in uow.session.query(SchoolClass)}
    assert rows[science.id] == ("highest", {"n": 2, "weight": 0.5})
    assert all(method == "decaying_average" for class_id, (method, _p) in rows.items() if class_id != science.id)
