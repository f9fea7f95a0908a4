"""A restored laptop goes on syncing without losing a change (issue 10): the district keys each
change by (device, operation sequence), so a restore must never number new changes from the
backup's older sequence; and what the laptop sent after the backup comes back."""

from plclassroom.services import backup, profiles
from plclassroom.store.database import Store
from plclassroom.sync.client import SyncClient
from tests.conftest import run
from tests.sync.conftest import enrol_directly
from tests.sync.test_merge import direct, first_student, profile_field


def test_a_restored_laptop_loses_no_change_at_the_district(published_district, tmp_path):
    """The danger of an older copy: the district keys changes by (device, operation sequence), so
    new changes numbered from the copy's older sequence would be taken for ones it has, and
    dropped. The restore continues the sequence; what the laptop sent after the backup comes
    back with Sync now's verification."""
    server = published_district
    laptop = Store.open(tmp_path / "laptop.sqlite")
    device, _user = enrol_directly(server, laptop)

    def sync(store: Store):
        return SyncClient(store, "http://district", "token", transport=direct(server, device.id),
                          verify="always").sync()

    assert sync(laptop).snapshot_rows > 0  # its first sync: the district's copy of its scope
    student = first_student(laptop)
    run(laptop, profiles.update_profile_field, student, "strengths", "Sent before the backup")
    sync(laptop)
    run(laptop, profiles.update_profile_field, student, "needs", "Waiting in the backup's outbox")
    taken = backup.back_up(laptop, tmp_path / "backups").path
    assert backup.check(laptop, taken).facts.waiting == 1
    run(laptop, profiles.update_profile_field, student, "interests", "Sent after the backup")
    sync(laptop)
    restored = backup.restore(laptop, taken, tmp_path / "backups").store
    try:
        assert restored.device_id == laptop.device_id
        assert profile_field(restored, student, "interests") != "Sent after the backup"
        run(restored, profiles.update_profile_field, student, "aspirations", "Written after the restore")
        report = sync(restored)
        # The waiting change again (the district has it: counted once) and the new one.
        assert report.pushed == 2 and report.verified
        assert profile_field(server, student, "aspirations") == "Written after the restore"  # not swallowed
        assert profile_field(server, student, "interests") == "Sent after the backup"  # not overwritten
        assert profile_field(server, student, "needs") == "Waiting in the backup's outbox"
        assert profile_field(restored, student, "interests") == "Sent after the backup"  # brought back
        assert profile_field(restored, student, "strengths") == "Sent before the backup"
    finally:
        restored.close()
