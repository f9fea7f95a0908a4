"""Sharing a playlist as a .plplaylist file: a round trip between two laptops, competencies the
other laptop lacks, and every kind of damaged or hostile file refused with nothing written."""

from __future__ import annotations

import json
import sqlite3
import zipfile
from collections.abc import Callable
from pathlib import Path

import pytest
from sqlalchemy import select

from plclassroom.domain import (
    Attachment,
    Competency,
    ItemKind,
    Person,
    Playlist,
    PlaylistCompetency,
    PlaylistItem,
    Role,
)
from plclassroom.interop import playlist_share as share_file
from plclassroom.services import attachments, frameworks
from plclassroom.services import playlist_share as share
from plclassroom.services.demo import demo_case_package
from plclassroom.store.database import Store
from tests.conftest import count, run

RP_A1 = "b6f61076-aa12-450b-8f9d-b86bc071f85e"  # CCSS.Math.Content.6.RP.A.1
RP_A3 = "d83a65ed-770c-4dbe-a505-11e5e17a9a79"  # CCSS.Math.Content.6.RP.A.3
PDF = b"%PDF-1.4 ratio tables, a worked example\n" * 50


def files_dir(store: Store) -> Path:
    return store.path.parent / f"{store.path.stem}-files"


def competency_id(uow, identifier: str) -> str:
    return uow.session.scalars(select(Competency.id).where(Competency.case_identifier == identifier)).one()


def build_playlist(store: Store, tmp_path: Path) -> str:
    """A playlist on two 6.RP competencies (and one made on this laptop, without a CASE identifier):
    a lesson, a reading with a PDF, its read-aloud variant (the same PDF and a word list), a may-do
    practice, and a checkpoint on 6.RP.A.3."""
    with store.unit_of_work() as uow:
        teacher = uow.session.scalars(select(Person.id).where(Person.role == Role.TEACHER)).first()
        a1, a3 = competency_id(uow, RP_A1), competency_id(uow, RP_A3)
        framework_id = uow.session.get(Competency, a1).framework_id
        local = uow.add(Competency(framework_id=framework_id, code="RATIO-TALK",
                                   statement="Explains a ratio aloud"))
        playlist = uow.add(Playlist(title="Equivalent ratios",
                                    description="Two weeks on ratio tables.\nBring a ruler.",
                                    author_id=teacher, status="active", version=3))
        for linked in (a1, a3, local.id):
            uow.add(PlaylistCompetency(playlist_id=playlist.id, competency_id=linked))
        lesson = uow.add(PlaylistItem(playlist_id=playlist.id, position=0, kind=ItemKind.LESSON,
                                      title="Mini-lesson: what a ratio is",
                                      instructions="At the teacher table.", minutes=20, required=True))
        reading = uow.add(PlaylistItem(playlist_id=playlist.id, position=1, kind=ItemKind.READING,
                                       title="Read: ratio tables", minutes=15,
                                       resource_url="https://example.org/ratio-tables"))
        aloud = uow.add(PlaylistItem(playlist_id=playlist.id, position=1, kind=ItemKind.READING,
                                     title="Listen: ratio tables", minutes=20, variant_of_id=reading.id,
                                     variant_label="read-aloud",
                                     suitability={"reading_level": "below grade", "languages": ["en", "es"],
                                                  "accommodations": ["text-to-speech"]}))
        uow.add(PlaylistItem(playlist_id=playlist.id, position=2, kind=ItemKind.PRACTICE,
                             title="Ratio table puzzles «extra»", required=False, minutes=None))
        uow.add(PlaylistItem(playlist_id=playlist.id, position=3, kind=ItemKind.CHECKPOINT,
                             title="Exit ticket", competency_id=a3,
                             scoring="4-point rubric: 3 = solves both problems",
                             instructions="Hand it in before you leave."))
        uow.commit()
        playlist_id, lesson_id, reading_id, aloud_id = playlist.id, lesson.id, reading.id, aloud.id
    pdf = tmp_path / "ratio-tables.pdf"
    pdf.write_bytes(PDF)
    words = tmp_path / "word-list.txt"
    words.write_text("ratio — razón\nrate — tasa\n", encoding="utf-8")
    main = {reading_id: run(store, attachments.attach_file, "playlist_item", reading_id, pdf),
            aloud_id: run(store, attachments.attach_file, "playlist_item", aloud_id, pdf)}
    run(store, attachments.attach_file, "playlist_item", aloud_id, words)  # a second file on the variant
    with store.unit_of_work() as uow:
        for item_id, attachment_id in main.items():
            uow.session.get(PlaylistItem, item_id).attachment_id = attachment_id
        assert uow.session.get(PlaylistItem, lesson_id).attachment_id is None
        uow.commit()
    return playlist_id


def snapshot(store: Store, playlist_id: str) -> dict:
    """The playlist as another laptop sees it: every field, ids turned into what they stand for
    (competencies by CASE identifier or code, the base item by title, files by name and content)."""
    with store.unit_of_work() as uow:
        session = uow.session
        playlist = session.get(Playlist, playlist_id)

        def competency(competency_id):
            row = session.get(Competency, competency_id) if competency_id else None
            return (row.case_identifier or "", row.code) if row else None

        def attachment(row: Attachment):
            content = (files_dir(store) / row.sha256[:2] / row.sha256).read_bytes()
            return dict(owner=(row.owner_table, row.owner_id), filename=row.filename,
                        media_type=row.media_type, size=row.size, sha256=row.sha256, content=content)

        items = session.scalars(select(PlaylistItem).where(PlaylistItem.playlist_id == playlist_id)).all()
        titles = {item.id: item.title for item in items}
        described = []
        for item in sorted(items, key=lambda i: (i.position, i.variant_of_id is not None, i.title)):
            owned = session.scalars(select(Attachment).where(Attachment.owner_table == "playlist_item",
                                                              Attachment.owner_id == item.id)).all()
            main = session.get(Attachment, item.attachment_id) if item.attachment_id else None
            main_id = main.id if main else None
            assert main is None or main.owner_id == item.id
            described.append(dict(
                position=item.position, kind=item.kind, title=item.title, instructions=item.instructions,
                minutes=item.minutes, required=item.required, resource_url=item.resource_url,
                competency=competency(item.competency_id), scoring=item.scoring,
                variant_of=titles.get(item.variant_of_id), variant_label=item.variant_label,
                suitability=item.suitability, deleted=item.deleted,
                attachment={k: v for k, v in attachment(main).items() if k != "owner"} if main else None,
                other_attachments=sorted(
                    ({k: v for k, v in attachment(a).items() if k != "owner"}
                     for a in owned if a.id != main_id),
                    key=lambda a: a["filename"]),
            ))
        linked = session.scalars(select(PlaylistCompetency.competency_id)
                                 .where(PlaylistCompetency.playlist_id == playlist_id)).all()
        return dict(title=playlist.title, description=playlist.description,
                    competencies=sorted(competency(c) for c in linked), items=described)


def table_counts(store: Store) -> dict[str, int]:
    with sqlite3.connect(store.path) as conn:
        names = [r[0] for r in conn.execute(
            "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'")]
        return {name: conn.execute(f'SELECT count(*) FROM "{name}"').fetchone()[0] for name in names}


def stored_files(store: Store) -> set[Path]:
    return set(files_dir(store).rglob("*")) if files_dir(store).exists() else set()


@pytest.fixture
def fresh_store(tmp_path: Path):
    """Another teacher's laptop: no school data, the 6.RP framework only."""
    opened = Store.open(tmp_path / "colleague" / "fresh.sqlite")
    with opened.unit_of_work() as uow:
        frameworks.add_framework(uow, demo_case_package())
    yield opened
    opened.close()


@pytest.fixture
def exported(demo_store, tmp_path) -> Path:
    playlist_id = build_playlist(demo_store, tmp_path)
    return run(demo_store, share.export_playlist, playlist_id, tmp_path / "Equivalent ratios.plplaylist")


def test_a_playlist_travels_to_a_colleague_field_by_field(demo_store, fresh_store, tmp_path):
    playlist_id = build_playlist(demo_store, tmp_path)
    before = table_counts(demo_store)
    path = run(demo_store, share.export_playlist, playlist_id, tmp_path / "ratios.plplaylist")
    assert path == tmp_path / "ratios.plplaylist"
    assert table_counts(demo_store) == before  # exporting writes no row
    assert [p.name for p in tmp_path.iterdir() if p.name.endswith(".part")] == []

    report = run(fresh_store, share.import_playlist, path)
    assert (report.title, report.items, report.variants) == ("Equivalent ratios", 5, 1)
    assert report.competencies_linked == 2
    assert (report.files_added, report.files_already_here) == (2, 0)
    # Only the competency made on the sending laptop cannot be found: it has no CASE identifier.
    assert [(c.code, c.identifier) for c in report.missing_competencies] == [("RATIO-TALK", None)]
    assert report.fatal == [] and report.unlinked_checkpoints == []
    assert [p.column for p in report.warnings] == ["competencies[2]"]
    assert str(report.warnings[0]).startswith("playlist.json: competency RATIO-TALK has no CASE identifier")

    sent, received = snapshot(demo_store, playlist_id), snapshot(fresh_store, report.playlist_id)
    sent["competencies"].remove(("", "RATIO-TALK"))
    assert received == sent
    assert received["items"][2]["variant_of"] == "Read: ratio tables"
    assert received["items"][4]["competency"] == (RP_A3, "CCSS.Math.Content.6.RP.A.3")
    word_list = received["items"][2]["other_attachments"][0]
    assert word_list["content"] == "ratio — razón\nrate — tasa\n".encode()
    with fresh_store.unit_of_work() as uow:
        playlist = uow.get(Playlist, report.playlist_id)
        # A new draft of the receiving teacher's own: not the sender's status, version, author or class.
        assert (playlist.status, playlist.version) == ("draft", 1)
        assert (playlist.author_id, playlist.class_id) == (None, None)
        items = uow.session.scalars(select(PlaylistItem)).all()
        assert {item.playlist_id for item in items} == {playlist.id}
        # New ids on this laptop; the files are the same content, kept once.
    with demo_store.unit_of_work() as uow:
        assert not {item.id for item in items} & set(uow.session.scalars(select(PlaylistItem.id)))
    assert len([p for p in stored_files(fresh_store) if p.is_file()]) == 2
    # Captured for sync like any edit.
    outbox = "SELECT count(*) FROM sync_outbox WHERE table_name = ?"
    assert count(fresh_store, outbox, "playlist") == 1
    assert count(fresh_store, outbox, "playlist_item") == 5
    assert count(fresh_store, outbox, "attachment") == 3
    assert count(fresh_store, outbox, "playlist_competency") == 2

    # The same file again: a second draft, never an overwrite; files already here are not copied.
    again = run(fresh_store, share.import_playlist, path)
    assert again.title == "Equivalent ratios (shared)" and again.playlist_id != report.playlist_id
    assert (again.files_added, again.files_already_here) == (0, 2)
    assert snapshot(fresh_store, again.playlist_id) == {**received, "title": "Equivalent ratios (shared)"}
    assert snapshot(fresh_store, report.playlist_id) == received
    assert run(fresh_store, share.import_playlist, path).title == "Equivalent ratios (shared 2)"
    assert count(fresh_store, "SELECT count(*) FROM playlist") == 3
    assert len([p for p in stored_files(fresh_store) if p.is_file()]) == 2


def test_the_file_is_a_zip_with_playlist_json_and_files_by_sha256(exported):
    with zipfile.ZipFile(exported) as archive:
        names = set(archive.namelist())
        manifest = json.loads(archive.read("playlist.json"))
    assert (manifest["format"], manifest["format_version"]) == ("plclassroom-playlist", 1)
    assert [c["code"] for c in manifest["competencies"]] == [
        "CCSS.Math.Content.6.RP.A.1", "CCSS.Math.Content.6.RP.A.3", "RATIO-TALK"]
    assert [c["identifier"] for c in manifest["competencies"]] == [RP_A1, RP_A3, None]
    items = manifest["items"]
    assert [(i["key"], i["position"], i["kind"], i["variant_of"]) for i in items] == [
        ("item-1", 0, "teacher-led lesson", None), ("item-2", 1, "reading", None),
        ("item-3", 1, "reading", "item-2"), ("item-4", 2, "practice", None),
        ("item-5", 3, "checkpoint", None)]
    reading = items[1]["attachment"]
    assert reading["filename"] == "ratio-tables.pdf" and reading["media_type"] == "application/pdf"
    assert reading["size"] == len(PDF) and items[2]["attachment"] == reading
    assert items[4]["competency"]["identifier"] == RP_A3 and items[4]["attachment"] is None
    shas = {reading["sha256"], items[2]["other_attachments"][0]["sha256"]}
    assert names == {"playlist.json"} | {f"files/{sha}" for sha in shas}
    shared = share_file.read_playlist_file(exported)
    assert shared.contents[reading["sha256"]] == PDF and shared.title == "Equivalent ratios"


def test_without_the_framework_the_competencies_are_reported_and_the_items_still_come(exported, store):
    report = run(store, share.import_playlist, exported)
    assert report.items == 5 and report.competencies_linked == 0
    assert [(c.code, c.identifier) for c in report.missing_competencies] == [
        ("CCSS.Math.Content.6.RP.A.1", RP_A1), ("CCSS.Math.Content.6.RP.A.3", RP_A3), ("RATIO-TALK", None)]
    assert report.unlinked_checkpoints == ["Exit ticket"]
    assert report.fatal == [] and all(p.warning for p in report.problems)
    messages = [str(p) for p in report.warnings]
    assert any("CCSS.Math.Content.6.RP.A.3 (d83a65ed-" in m and "not in this laptop's frameworks" in m
               for m in messages)
    assert any(m.startswith("playlist.json: 'Exit ticket' checks CCSS.Math.Content.6.RP.A.3")
               for m in messages)
    received = snapshot(store, report.playlist_id)
    assert received["competencies"] == []
    assert [i["competency"] for i in received["items"]] == [None] * 5
    assert received["items"][2]["variant_of"] == "Read: ratio tables"
    assert received["items"][1]["attachment"]["content"] == PDF
    assert count(store, "SELECT count(*) FROM playlist_item") == 5


def test_a_file_not_on_this_laptop_or_damaged_is_not_exported(demo_store, tmp_path):
    playlist_id = build_playlist(demo_store, tmp_path)
    with demo_store.unit_of_work() as uow:
        sha = uow.session.scalars(select(Attachment.sha256)
                                  .where(Attachment.filename == "ratio-tables.pdf")).first()
    stored = files_dir(demo_store) / sha[:2] / sha
    stored.write_bytes(PDF + b"bit rot")
    target = tmp_path / "out.plplaylist"
    with pytest.raises(share.PlaylistExportError, match="ratio-tables.pdf is damaged on this laptop"):
        run(demo_store, share.export_playlist, playlist_id, target)
    stored.unlink()
    with pytest.raises(share.PlaylistExportError,
                       match=r"ratio-tables.pdf \(attached to 'Read: ratio tables'\) has not reached"):
        run(demo_store, share.export_playlist, playlist_id, target)
    with pytest.raises(share.PlaylistExportError, match="not on this laptop"):
        run(demo_store, share.export_playlist, "no-such-playlist", target)
    assert not target.exists() and not [p for p in tmp_path.iterdir() if p.name.endswith(".part")]


# --- Damaged and hostile files -----------------------------------------------------------------


def members(path: Path) -> dict[str, bytes]:
    with zipfile.ZipFile(path) as archive:
        return {name: archive.read(name) for name in archive.namelist()}


def write_zip(path: Path, content: dict[str, bytes]) -> Path:
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in content.items():
            archive.writestr(name, data)
    return path


def edit_manifest(change: Callable[[dict], None]) -> Callable[[dict[str, bytes]], None]:
    def edit(content: dict[str, bytes]) -> None:
        manifest = json.loads(content["playlist.json"])
        change(manifest)
        content["playlist.json"] = json.dumps(manifest).encode()
    return edit


def pdf_member(content: dict[str, bytes]) -> str:
    return next(name for name, data in content.items() if data == PDF)


def set_item(index: int, **fields) -> Callable[[dict], None]:
    return lambda manifest: manifest["items"][index].update(fields)


def several(manifest: dict) -> None:
    manifest["items"][0]["minutes"] = "ten"
    del manifest["items"][1]["title"]
    manifest["items"][3]["required"] = "yes"


def loop(manifest: dict) -> None:
    manifest["items"][0]["variant_of"] = "item-3"
    manifest["items"][1]["variant_of"] = "item-1"


BIG = b"\0" * (share_file.MAX_FILE_BYTES + 1)  # deflates to about 50 kB: a small zip bomb

MALFORMED = {
    "not a zip": (lambda path, content: path.write_text("dear colleague, here is my playlist"),
                  "Equivalent ratios.plplaylist: not a playlist file: it is not a zip archive"),
    "truncated zip": (lambda path, content: path.write_bytes(path.read_bytes()[:len(path.read_bytes()) // 2]),
                      "it is not a zip archive, or it is damaged or cut short"),
    "empty file": (lambda path, content: path.write_bytes(b""), "it is not a zip archive"),
    "no playlist.json": (lambda content: content.pop("playlist.json"),
                         "not a playlist file: no playlist.json"),
    "bad JSON": (lambda content: content.update({"playlist.json": b'{"format": "plclassroom-playlist",'}),
                 "playlist.json: not valid JSON (line 1, column 35"),
    "not UTF-8": (lambda content: content.update({"playlist.json": '{"title": "café"}'.encode("latin-1")}),
                  "playlist.json: not UTF-8 text (line 1, byte 14)"),
    "NaN": (lambda content: content.update({"playlist.json": b'{"size": NaN}'}),
            "NaN is not a number JSON allows"),
    "not a playlist": (edit_manifest(lambda m: m.update(format="plclassroom-rotation")),
                       "not a playlist file: format is 'plclassroom-rotation'"),
    "newer version": (edit_manifest(lambda m: m.update(format_version=2)),
                      "playlist.json: format version 2 is newer than this app reads (1)"),
    "bad kind": (edit_manifest(set_item(3, kind="podcast")),
                 "playlist.json: items[3].kind 'podcast' is not one of: teacher-led lesson, video, reading, "
                 "practice, project, discussion, checkpoint"),
    "several problems": (edit_manifest(several),
                         "playlist.json: items[0].minutes should be a whole number of minutes or null, "
                         "not 'ten' (and 2 more)"),
    "negative size": (edit_manifest(lambda m: m["items"][1]["attachment"].update(size=-1)),
                      "items[1].attachment.size should be a whole number of bytes, not -1"),
    "a path as file name": (edit_manifest(lambda m: m["items"][1]["attachment"].update(filename="../x.pdf")),
                            "items[1].attachment.filename '../x.pdf' should be a file name, not a path"),
    "dangling variant": (edit_manifest(set_item(2, variant_of="item-9")),
                         "items[2].variant_of 'item-9' is not the key of an item in the file"),
    "variant loop": (edit_manifest(loop), "items[0].variant_of goes round in a loop of variants"),
    "duplicate key": (edit_manifest(set_item(4, key="item-1")),
                      "items[4].key 'item-1' is already used by items[0]"),
    "no title": (edit_manifest(lambda m: m.update(title="  ")), "playlist.json: title is empty"),
    "missing file": (lambda content: content.pop(pdf_member(content)), "is missing"),
    "wrong sha256": (lambda content: content.update({pdf_member(content): PDF.replace(b"ratio", b"rati0")}),
                     "(ratio-tables.pdf): a file's content does not match its sha256"),
    "wrong size": (edit_manifest(lambda m: m["items"][1]["attachment"].update(size=len(PDF) + 1)),
                   f"(ratio-tables.pdf) is {len(PDF):,} bytes, not the {len(PDF) + 1:,} playlist.json says"),
    "a path with ..": (lambda content: content.update({"files/../../evil.sh": b"rm -rf ~"}),
                       "unsafe path 'files/../../evil.sh' in the archive"),
    "an absolute path": (lambda content: content.update({"/etc/cron.d/evil": b"* * * * *"}),
                         "unsafe path '/etc/cron.d/evil'"),
    "too-large member": (lambda content: content.update({"files/" + "0" * 64: BIG}),
                         f"files/{'0' * 64} declares 52,428,801 bytes, over the 50 MB limit per file "
                         "(a damaged file, or a zip bomb)"),
}


@pytest.mark.parametrize("case", list(MALFORMED))
def test_a_malformed_file_is_refused_by_name_and_nothing_is_written(case, exported, demo_store):
    change, message = MALFORMED[case]
    if change.__code__.co_argcount == 2:  # works on the file itself
        change(exported, None)
    else:
        content = members(exported)
        change(content)
        write_zip(exported, content)
    before, files_before = table_counts(demo_store), stored_files(demo_store)
    with pytest.raises(share.ImportRefused) as refused:
        run(demo_store, share.import_playlist, exported)
    assert message in str(refused.value)
    assert str(refused.value).startswith("The playlist cannot be imported: ")
    report = refused.value.report
    assert report.problems and all(p.fatal for p in report.problems) and report.playlist_id is None
    assert table_counts(demo_store) == before and stored_files(demo_store) == files_before
    if case == "several problems":
        assert [p.column for p in report.problems] == [
            "items[0].minutes", "items[1].title", "items[3].required"]


def test_members_declaring_more_than_the_total_limit_are_refused(exported, demo_store, monkeypatch):
    monkeypatch.setattr(share_file, "MAX_TOTAL_BYTES", len(PDF) + 100)
    before = table_counts(demo_store)
    with pytest.raises(share.ImportRefused, match="its members declare more than 2,100 bytes in all"):
        run(demo_store, share.import_playlist, exported)
    assert table_counts(demo_store) == before


def test_a_failure_while_writing_rolls_everything_back(exported, fresh_store, monkeypatch):
    before = table_counts(fresh_store)

    def full_disk(*args, **kwargs):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(attachments, "atomic_write", full_disk)
    with pytest.raises(OSError, match="No space left"):
        run(fresh_store, share.import_playlist, exported)
    assert table_counts(fresh_store) == before
