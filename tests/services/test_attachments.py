from pathlib import Path

import pytest
from PIL import Image

from plclassroom.services import attachments
from tests.conftest import count, run


def test_a_phone_photo_is_downsized_and_kept_offline(store, tmp_path):
    photo = tmp_path / "poster.png"
    Image.new("RGB", (4000, 3000), "orange").save(photo)
    attachment_id = run(store, attachments.attach_file, "evidence", "e1", photo)
    [view] = run(store, attachments.attachments_of, "evidence", ["e1"])["e1"]
    assert view.id == attachment_id and view.filename == "poster.jpg" and view.media_type == "image/jpeg"
    with Image.open(view.path) as stored:
        assert max(stored.size) == attachments.MAX_IMAGE_SIDE and stored.size == (1600, 1200)
    assert view.size < photo.stat().st_size
    assert count(store, "SELECT count(*) FROM sync_outbox WHERE table_name = 'attachment'") == 1


def test_the_same_file_twice_is_stored_once_and_other_files_as_they_are(store, tmp_path):
    scan = tmp_path / "exit-ticket.pdf"
    scan.write_bytes(b"%PDF-1.4 a scanned exit ticket")
    run(store, attachments.attach_file, "evidence", "e1", scan)
    run(store, attachments.attach_file, "evidence", "e2", scan)
    found = run(store, attachments.attachments_of, "evidence", ["e1", "e2"])
    assert found["e1"][0].path == found["e2"][0].path and found["e1"][0].path.read_bytes() == scan.read_bytes()
    copy = run(store, attachments.export_attachment, found["e2"][0].id, tmp_path / "copy.pdf")
    assert Path(copy).read_bytes() == scan.read_bytes()


def test_what_cannot_be_attached_says_why(store, tmp_path):
    with pytest.raises(attachments.AttachmentError, match="is not a file"):
        run(store, attachments.attach_file, "evidence", "e1", tmp_path / "missing.jpg")
    fake = tmp_path / "not-really.jpg"
    fake.write_text("hello")  # called an image, is not one: kept as it is
    run(store, attachments.attach_file, "evidence", "e1", fake)
    [view] = run(store, attachments.attachments_of, "evidence", ["e1"])["e1"]
    assert view.path.read_text() == "hello"
