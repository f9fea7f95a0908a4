"""The help text for each screen: short, task-first, in the user's language. Keys are the screens'
names (the main window's tabs and the app's other windows); F1 opens the current screen's topic."""

from __future__ import annotations

from dataclasses import dataclass

from plclassroom.ui.i18n import tr


@dataclass(frozen=True)
class Topic:
    key: str
    title: str
    html: str


def topics() -> list[Topic]:
    return [
        Topic("profile", tr("Learner profile"), tr(
            "<p>One student's strengths, needs, interests, goals and accommodations.</p>"
            "<ul><li>Pick a student in the roster on the left (Ctrl+F finds one by name).</li>"
            "<li>Type in any box: it is saved by itself a moment after you stop typing.</li>"
            "<li><b>Add goal</b> and <b>Add accommodation</b> add a row; Edit &gt; Undo takes back any "
            "change.</li>"
            "<li>The quick evidence box records a score for this student without leaving the profile.</li>"
            "</ul>")),
        Topic("heatmap", tr("Class mastery"), tr(
            "<p>Every student against every competency of the class's framework.</p>"
            "<ul><li>Each cell shows the level as a number, not by its colour alone; a level the "
            "teacher set by hand is in bold italics, and hovering says how a level was calculated.</li>"
            "<li>Enter or a double-click on a cell opens its history: every piece of evidence, the trend "
            "and the calculation.</li>"
            "<li>Class &gt; Mastery settings chooses the scale and how mastery is calculated.</li>"
            "<li>Class &gt; Export heatmap saves it as a PDF or PNG for a data meeting.</li></ul>")),
        Topic("evidence", tr("Record evidence"), tr(
            "<p>Scores for the whole class on a few competencies at once, as in a grade book.</p>"
            "<ul><li>Choose the competencies, then type a score in a cell (0 to 4 on the 4-point scale); "
            "Tab and the arrow keys move between cells.</li>"
            "<li><b>Save</b> records them all as evidence with today's date and the kind you chose.</li>"
            "<li>File &gt; Import scores brings a spreadsheet's scores in the same way.</li></ul>")),
        Topic("playlists", tr("Playlists"), tr(
            "<p>Ordered learning activities for a competency, assigned to students or groups.</p>"
            "<ul><li><b>New playlist</b> opens the editor: add activities, their kind and the time they "
            "take.</li>"
            "<li>Assign a playlist to a student, a group or the class; each student's progress shows "
            "beside it.</li>"
            "<li>Print a paper checklist for students without a device, and tick it back in from the "
            "sheet.</li></ul>")),
        Topic("conferences", tr("Conferences"), tr(
            "<p>One-on-one conferences with a student: notes, goals and next steps.</p>"
            "<ul><li><b>New conference</b> starts from your school's prompts for the kind you choose.</li>"
            "<li>What you type is kept as a draft until you save, even if the laptop stops.</li>"
            "<li>Next steps have an owner and a due date; the caseload lists the advisees most in need of "
            "a conference first, with their overdue steps.</li>"
            "<li>A private conference is seen only by you.</li></ul>")),
        Topic("rotations", tr("Rotations"), tr(
            "<p>Station rotations: groups of students move between stations in timed blocks.</p>"
            "<ul><li><b>New rotation plan</b> sets the stations, the blocks and their length.</li>"
            "<li><b>Build groups</b> proposes groups from mastery and your constraints; move a student "
            "between groups if you know better.</li>"
            "<li>Ctrl+B opens the board for the projector: the timer, who goes where, and a chime "
            "before each move.</li>"
            "<li>Print the group cards, the station signs and the day's plan.</li></ul>")),
        Topic("meeting", tr("Data meetings"), tr(
            "<p>A grade team's ten minutes: who needs us, what changed since last time, what we agree.</p>"
            "<ul><li>Class &gt; Data meeting (Ctrl+Shift+M) opens the team of the class shown: its school's "
            "teachers of that grade.</li>"
            "<li>Each flagged student shows exactly what tripped each rule, with the numbers and the rule's "
            "threshold; <i>new</i> marks what was not flagged at the last meeting.</li>"
            "<li><b>Rules…</b> shows and changes the school's thresholds.</li>"
            "<li><b>Hold meeting now</b> records the meeting, so the next one shows what changed; an action "
            "(what, about whom, who, by when) is kept with it and syncs to the school's staff.</li></ul>")),
        Topic("sync", tr("Sync and backups"), tr(
            "<p>Everything works without a network. When there is one, the app syncs with your district "
            "server by itself (Edit &gt; Settings says how often).</p>"
            "<ul><li>File &gt; Connect to district server enrols this laptop with a one-time code.</li>"
            "<li>No link at all: File &gt; Export sync bundle writes a file for a USB stick; the district "
            "gives back a return bundle (File &gt; Import return bundle).</li>"
            "<li>Two people changed the same note: File &gt; Settle sync conflicts shows both side by side."
            "</li>"
            "<li>File &gt; Back up now copies the database; File &gt; Restore from backup brings one back."
            "</li></ul>")),
        Topic("privacy", tr("Privacy and the screen lock"), tr(
            "<p>Student data stays on this laptop and your district's server.</p>"
            "<ul><li>Ctrl+L locks the screen at once; it also locks after some minutes without use. Your "
            "app PIN unlocks it.</li>"
            "<li>Student &gt; Export everything about this student answers a family's request for their "
            "child's data.</li>"
            "<li>Student &gt; Delete this student from this laptop removes them here; ask your district "
            "to remove them from the server too.</li></ul>")),
        Topic("keyboard", tr("Keyboard and screen readers"), tr(
            "<p>Everything can be done with the keyboard.</p>"
            "<ul><li>Alt with the underlined letter opens a menu or a tab; Ctrl+Tab moves between tabs.</li>"
            "<li>Tab and Shift+Tab move between fields; Space or Enter presses a button.</li>"
            "<li>Ctrl+F finds a student, Ctrl+Z undoes, Ctrl+Shift+S syncs, F1 opens this help.</li>"
            "<li>View &gt; Larger text (Ctrl++) and Smaller text (Ctrl+-) change the size of all text; "
            "Edit &gt; Settings offers a high-contrast theme.</li></ul>")),
    ]


def topic(key: str) -> Topic:
    every = topics()
    return next((t for t in every if t.key == key), every[0])
