"""Playlists on the demo school: build, reorder, copy, assign, progress, checkpoint to evidence, board."""

from datetime import date

import pytest

from plclassroom.domain import GroupMember, StudentGroup
from plclassroom.services import mastery, playlists, roster
from plclassroom.services.playlists import PlaylistError
from tests.conftest import count, run


@pytest.fixture
def setting(demo_store):
    with demo_store.unit_of_work() as uow:
        section = next(c for c in roster.list_classes(uow) if c.title.startswith("Math"))
        view = mastery.class_mastery(uow, section.id)
    return section, view


def build(store, class_id, competency_id):
    pid = run(store, playlists.create_playlist, "Unit rates", class_id=class_id, competency_ids=[competency_id])
    items = [run(store, playlists.add_item, pid, "Mini-lesson with the teacher", "teacher-led lesson", minutes=15),
             run(store, playlists.add_item, pid, "Khan video: unit rates", "video", minutes=8, required=False),
             run(store, playlists.add_item, pid, "Practice set A", "practice", minutes=20),
             run(store, playlists.add_item, pid, "Checkpoint", "checkpoint", competency_id=competency_id)]
    return pid, items


def test_build_reorder_and_remove(demo_store, setting):
    section, view = setting
    pid, items = build(demo_store, section.id, view.competencies[1].id)
    shown = run(demo_store, playlists.get_playlist, pid)
    assert [i.title for i in shown.items] == ["Mini-lesson with the teacher", "Khan video: unit rates",
                                              "Practice set A", "Checkpoint"]
    assert shown.items[1].required is False and shown.competency_ids == [view.competencies[1].id]
    assert run(demo_store, playlists.move_item, items[2], 0) == 2
    assert [i.title for i in run(demo_store, playlists.get_playlist, pid).items][:2] == [
        "Practice set A", "Mini-lesson with the teacher"]
    run(demo_store, playlists.remove_item, items[1])
    assert [i.position for i in run(demo_store, playlists.get_playlist, pid).items] == [0, 1, 2]
    run(demo_store, playlists.add_item, pid, "", row_id=items[1])  # undo brings it back where it was
    assert len(run(demo_store, playlists.get_playlist, pid).items) == 4
    with pytest.raises(PlaylistError, match="An item is one of"):
        run(demo_store, playlists.add_item, pid, "Podcast", "podcast")
    with pytest.raises(PlaylistError, match="not a number of minutes"):
        run(demo_store, playlists.update_item, items[0], "minutes", "ten")


def test_copy_and_new_version_keep_items_and_variants(demo_store, setting):
    section, view = setting
    pid, items = build(demo_store, section.id, view.competencies[1].id)
    run(demo_store, playlists.add_item, pid, "Práctica A", "practice", variant_of_id=items[2],
        variant_label="Spanish", suitability={"languages": ["Spanish"]})
    version = run(demo_store, playlists.copy_playlist, pid, as_version=True)
    copied = run(demo_store, playlists.get_playlist, version)
    assert (copied.title, copied.version, copied.status) == ("Unit rates", 2, "draft")
    assert [i.title for i in copied.items] == [i.title for i in run(demo_store, playlists.get_playlist, pid).items]
    assert copied.items[2].variants[0].title == "Práctica A" and copied.items[2].variants[0].id != items[2]
    run(demo_store, playlists.update_playlist, pid, "status", "archived")
    assert pid not in [p.id for p in run(demo_store, playlists.list_playlists, section.id)]
    with pytest.raises(PlaylistError, match="archived"):
        run(demo_store, playlists.assign, pid, section.id)


def test_progress_pacing_and_the_board(demo_store, setting):
    section, view = setting
    pid, items = build(demo_store, section.id, view.competencies[1].id)
    [assignment] = run(demo_store, playlists.assign, pid, section.id, start_date=date(2026, 11, 2),
                       due_date=date(2026, 11, 30))
    students = [s.id for s in view.students]
    previous = run(demo_store, playlists.set_progress, assignment, items[0], students[:10], "done")
    assert set(previous.values()) == {"not started"}
    run(demo_store, playlists.set_progress, assignment, items[2], students[:5], "done")
    run(demo_store, playlists.set_progress, assignment, items[2], [students[7]], "needs help")
    board = {row.student_id: row for row in run(demo_store, playlists.class_board, section.id,
                                                today=date(2026, 11, 23))}
    first, stuck, late = (board[students[0]].playlists[0], board[students[7]].playlists[0],
                          board[students[20]].playlists[0])
    assert first.ready_for_checkpoint is not None and first.ready_for_checkpoint.title == "Checkpoint"
    assert stuck.stuck and not first.stuck
    assert late.behind and late.expected == pytest.approx(21 / 28) and late.done == 0
    assert not first.finished


def test_a_checkpoint_score_becomes_evidence_in_the_same_step(demo_store, setting):
    section, view = setting
    competency = view.competencies[1]
    pid, items = build(demo_store, section.id, competency.id)
    [assignment] = run(demo_store, playlists.assign, pid, section.id)
    student = view.students[3].id
    before = count(demo_store, "SELECT count(*) FROM evidence WHERE source = 'playlist checkpoint'")
    run(demo_store, playlists.set_progress, assignment, items[3], [student], "done", score=4)
    assert count(demo_store, "SELECT count(*) FROM evidence WHERE source = 'playlist checkpoint'") == before + 1
    cell = run(demo_store, mastery.class_mastery, section.id).cell(student, competency.id)
    assert cell is not None and cell.evidence_count >= 1
    with pytest.raises(mastery.MasteryError):
        run(demo_store, playlists.set_progress, assignment, items[3], [view.students[4].id], "done", score=9)
    assert count(demo_store, "SELECT count(*) FROM item_progress WHERE student_id = ?", view.students[4].id) == 0


def test_reassigning_to_a_group_keeps_the_progress(demo_store, setting):
    section, view = setting
    pid, items = build(demo_store, section.id, view.competencies[1].id)
    [whole_class] = run(demo_store, playlists.assign, pid, section.id)
    student = view.students[0].id
    run(demo_store, playlists.set_progress, whole_class, items[0], [student], "done")
    with demo_store.unit_of_work() as uow:
        group = uow.add(StudentGroup(class_id=section.id, name="Group A"))
        uow.session.flush()
        uow.add(GroupMember(group_id=group.id, student_id=student))
        uow.commit()
        group_id = group.id
    run(demo_store, playlists.unassign, whole_class)
    run(demo_store, playlists.assign, pid, section.id, group_id=group_id)
    board = run(demo_store, playlists.class_board, section.id)
    mine = next(r for r in board if r.student_id == student).playlists
    assert len(mine) == 1 and mine[0].items[0][2] == "done"
    others = [r for r in board if r.student_id != student]
    assert all(not r.playlists for r in others)


def test_students_see_the_version_that_suits_them(demo_store, setting):
    section, view = setting
    pid, items = build(demo_store, section.id, view.competencies[1].id)
    run(demo_store, playlists.add_item, pid, "Practice A, read aloud", "practice", variant_of_id=items[2],
        variant_label="read-aloud", suitability={"for_accommodations": ["IEP"]})
    run(demo_store, playlists.assign, pid, section.id)
    import sqlite3

    with sqlite3.connect(demo_store.path) as conn:
        iep = {r[0] for r in conn.execute("SELECT student_id FROM accommodation WHERE kind = 'IEP'")}
    board = run(demo_store, playlists.class_board, section.id)
    for row in board:
        _base, version, _status = row.playlists[0].items[2]
        assert version.title == ("Practice A, read aloud" if row.student_id in iep else "Practice set A")
    assert any(row.student_id in iep for row in board)
