"""Student groups in a class: made by hand here (for a playlist, say), and by the rotation
planner when it lands."""

from __future__ import annotations

from sqlalchemy import select

from plclassroom.domain import GroupMember, StudentGroup
from plclassroom.store.unit_of_work import UnitOfWork


class GroupError(ValueError):
    pass


def list_groups(uow: UnitOfWork, class_id: str) -> list[tuple[str, str, list[str]]]:
    """(id, name, member ids) for the class's groups, by name."""
    groups = list(uow.session.execute(select(StudentGroup).where(
        StudentGroup.class_id == class_id, StudentGroup.deleted.is_(False)).order_by(StudentGroup.name)).scalars())
    members: dict[str, list[str]] = {g.id: [] for g in groups}
    for group_id, student_id in uow.session.execute(select(GroupMember.group_id, GroupMember.student_id).where(
            GroupMember.group_id.in_(list(members)), GroupMember.deleted.is_(False))):
        members[group_id].append(student_id)
    return [(g.id, g.name, members[g.id]) for g in groups]


def create_group(uow: UnitOfWork, class_id: str, name: str, student_ids: list[str]) -> str:
    if not name.strip():
        raise GroupError("A group needs a name.")
    if not student_ids:
        raise GroupError("Pick the students for the group.")
    if name.strip() in [n for _i, n, _m in list_groups(uow, class_id)]:
        raise GroupError(f"There is already a group called {name.strip()!r} in this class.")
    group = uow.add(StudentGroup(class_id=class_id, name=name.strip()))
    for student_id in student_ids:
        uow.add(GroupMember(group_id=group.id, student_id=student_id))
    uow.commit()
    return group.id
