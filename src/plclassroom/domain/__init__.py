"""The domain: SQLModel tables and pure functions. No Qt, no engine, no I/O."""

from plclassroom.domain.base import SYNC_COLUMNS, Synced, new_id
from plclassroom.domain.conference import (
    AdvisorNote,
    Conference,
    ConferenceGoal,
    ConferenceKind,
    ConferenceTemplate,
    NextStep,
    Privacy,
)
from plclassroom.domain.conflict import LONG_TEXT, SyncConflict, word_diff
from plclassroom.domain.data_meeting import DataMeeting, MeetingAction, SchoolSetting
from plclassroom.domain.evidence import (
    Attachment,
    Evidence,
    EvidenceSource,
    MasteryOverride,
    PriorScore,
    ScoreMapping,
)
from plclassroom.domain.framework import (
    DEFAULT_FOUR_POINT_SCALE,
    Competency,
    CompetencyAssociation,
    CompetencyFramework,
    ProficiencyLevel,
    ProficiencyScale,
)
from plclassroom.domain.playlist import (
    ItemKind,
    ItemProgress,
    Playlist,
    PlaylistAssignment,
    PlaylistCompetency,
    PlaylistItem,
    ProgressStatus,
)
from plclassroom.domain.profile import (
    PLAN_FIELDS,
    PROFILE_TEXT_FIELDS,
    Accommodation,
    AccommodationKind,
    Goal,
    GoalCompetency,
    GoalStatus,
    LearnerProfile,
    LearningPlan,
    PlanRevision,
)
from plclassroom.domain.rotation import (
    Absence,
    GroupMember,
    RotationPlan,
    RotationSlot,
    SeatSource,
    Seminar,
    SeminarSeat,
    Station,
    StationKind,
    StationSet,
    StudentGroup,
)
from plclassroom.domain.school import (
    AdvisorAssignment,
    Course,
    District,
    Enrollment,
    GuardianLink,
    Person,
    Role,
    School,
    SchoolClass,
    Term,
)

__all__ = [name for name in dir() if not name.startswith("_")]
