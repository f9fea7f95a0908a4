"""Row ids made on the device."""

import uuid

from plclassroom.domain.base import new_id


def test_new_ids_are_valid_version_4_uuids_and_unique():
    ids = [new_id() for _ in range(2000)]
    assert len(set(ids)) == 2000
    for text in ids[:200]:
        parsed = uuid.UUID(text)
        assert parsed.version == 4 and parsed.variant == uuid.RFC_4122 and str(parsed) == text
