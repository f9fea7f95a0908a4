<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="en">
<context>
    <name></name>
    <message>
        <source>Building the demo school…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The demo school could not be built: {error}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>plclassroom cannot open its data</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Backed up to {path} (the newest {n} are kept).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Backed up to {path}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The backup stopped ({error}); nothing else was changed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Backup not made</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Backing up…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Restore from backup</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>plclassroom backups (*.sqlite)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>All files (*)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Wait for the backup or sync under way to finish, then restore.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nothing was restored.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Checking {name}…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Restore {name}?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What is on this laptop now is replaced. A copy of it is kept first in {folder}, so you can go back to it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Restore</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Restoring {name}…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The restore stopped ({error}). Nothing was changed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Backup not restored</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Restored {name}. The data from before is in {folder}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This copy has a new sync identity: connect to the district server again (File &gt; Connect to district server).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A student deleted from this laptop after the backup was deleted again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{n} students deleted from this laptop after the backup were deleted again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No evidence</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>mastery</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No evidence yet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>calculated level</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>before correction</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{title}: students at each level</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No competencies in this class yet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No students yet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{code} · {mastered}/{students} mastered</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>students</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{title}: no evidence yet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no level</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{title}: {n} piece of evidence from {start} to {end}; calculated level now {level}; mastery from {cutoff}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{title}: {n} pieces of evidence from {start} to {end}; calculated level now {level}; mastery from {cutoff}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{code}: {levels}; {n} with no evidence</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>none assessed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Trend: {title}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Levels in {title}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The family pack could not be written to {folder}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The family pack could not be finished.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Core values</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Action steps</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reflection by the student</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reflection by the family</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reflection by the advisor</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Transition plan</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Learning plan — {name}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> weeks</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Review every</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reviewed with the student today</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Every change to the plan</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Every change, newest first</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Last reviewed {reviewed}, next by {upcoming}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not reviewed yet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{when} · {who} changed {part}: “{old}” → “{new}”</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Private (only me)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The student&apos;s teachers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Shareable with the family</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Conference with {name}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Date</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> min</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Length</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Kind of conference</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>student, advisor</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Who was there</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Notes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Follow-up date</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Goals reviewed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Goal (tick the ones you talked about)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>How it is going</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Next steps</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Next step</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Who</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Due</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Done</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Write the date as YYYY-MM-DD</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add next step</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save conference</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Date:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Length:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Kind:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Who was there:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Notes:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Privacy:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Meet again by:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Goals reviewed:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Next steps:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Who does the next step</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{value} is not a date: write it as YYYY-MM-DD</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Draft saved</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saved</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Conference saved.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Conference templates</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Prompts, one a line</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save these prompts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Close</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Prompts for {kind} conferences saved.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Whose caseload</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> days</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Flag students not met in</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Caseload</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Advisee</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Last met</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open steps</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Why see them</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Conference history</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Search notes, goals and next steps…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Search conference notes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Search results</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New conference…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A conference with the advisee selected above</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Templates…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The school&apos;s prompts for each kind of conference</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Family pack…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>One page for the family: goals in the student&apos;s words, strengths, next steps; only what is marked shareable</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Learning plan…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The advisee&apos;s personal learning plan, with every change</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Caseload of:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Flag if not met in:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>History and teachers&apos; notes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{open} ({overdue} overdue)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>never</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Concern: {text}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Note from a teacher: {text}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>[{n} open step]</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>[{n} open steps]</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pick an advisee first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A conference note was not saved ({title}, last typed {when}). Bring it back?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unsaved conference</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nothing you may see matches.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Family pack</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Language:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save the family pack</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{name} family pack.pdf</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>PDF (*.pdf)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Family pack not saved</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saved {file}: only what is marked shareable with the family is in it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;p&gt;plclassroom uses Qt {qt} and Qt for Python (PySide6) {pyside} under the GNU Lesser General Public License v3. You may replace the Qt libraries with your own build of the same version: they are separate files beside the program (on Linux in &lt;i&gt;_internal/PySide6/Qt/lib&lt;/i&gt;, on Windows in &lt;i&gt;_internal\PySide6&lt;/i&gt;, on macOS in &lt;i&gt;plclassroom.app/Contents/Frameworks&lt;/i&gt;). The source of Qt and PySide6 is at download.qt.io. The licence texts are in each library&apos;s folder of the installation.&lt;/p&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>About plclassroom</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;h2&gt;plclassroom {version}&lt;/h2&gt;&lt;p&gt;Offline-first personalised learning for K-12 classrooms: learner profiles, playlists, mastery, station rotations and conferences.&lt;/p&gt;&lt;p&gt;Data: {database}&lt;br&gt;Python {python}, Qt {qt}&lt;/p&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Bundled libraries and their licences</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Library</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Version</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Licence</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Qt and the LGPL</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>About</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;About</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Licences</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Qt and the LGPL</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>plclassroom help</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Help topics</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Help text</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Learner profile</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;p&gt;One student&apos;s strengths, needs, interests, goals and accommodations.&lt;/p&gt;&lt;ul&gt;&lt;li&gt;Pick a student in the roster on the left (Ctrl+F finds one by name).&lt;/li&gt;&lt;li&gt;Type in any box: it is saved by itself a moment after you stop typing.&lt;/li&gt;&lt;li&gt;&lt;b&gt;Add goal&lt;/b&gt; and &lt;b&gt;Add accommodation&lt;/b&gt; add a row; Edit &amp;gt; Undo takes back any change.&lt;/li&gt;&lt;li&gt;The quick evidence box records a score for this student without leaving the profile.&lt;/li&gt;&lt;/ul&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Class mastery</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;p&gt;Every student against every competency of the class&apos;s framework.&lt;/p&gt;&lt;ul&gt;&lt;li&gt;Each cell shows the level as a number, not by its colour alone; a level the teacher set by hand is in bold italics, and hovering says how a level was calculated.&lt;/li&gt;&lt;li&gt;Enter or a double-click on a cell opens its history: every piece of evidence, the trend and the calculation.&lt;/li&gt;&lt;li&gt;Class &amp;gt; Mastery settings chooses the scale and how mastery is calculated.&lt;/li&gt;&lt;li&gt;Class &amp;gt; Export heatmap saves it as a PDF or PNG for a data meeting.&lt;/li&gt;&lt;/ul&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Record evidence</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;p&gt;Scores for the whole class on a few competencies at once, as in a grade book.&lt;/p&gt;&lt;ul&gt;&lt;li&gt;Choose the competencies, then type a score in a cell (0 to 4 on the 4-point scale); Tab and the arrow keys move between cells.&lt;/li&gt;&lt;li&gt;&lt;b&gt;Save&lt;/b&gt; records them all as evidence with today&apos;s date and the kind you chose.&lt;/li&gt;&lt;li&gt;File &amp;gt; Import scores brings a spreadsheet&apos;s scores in the same way.&lt;/li&gt;&lt;/ul&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Playlists</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;p&gt;Ordered learning activities for a competency, assigned to students or groups.&lt;/p&gt;&lt;ul&gt;&lt;li&gt;&lt;b&gt;New playlist&lt;/b&gt; opens the editor: add activities, their kind and the time they take.&lt;/li&gt;&lt;li&gt;Assign a playlist to a student, a group or the class; each student&apos;s progress shows beside it.&lt;/li&gt;&lt;li&gt;Print a paper checklist for students without a device, and tick it back in from the sheet.&lt;/li&gt;&lt;/ul&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Conferences</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;p&gt;One-on-one conferences with a student: notes, goals and next steps.&lt;/p&gt;&lt;ul&gt;&lt;li&gt;&lt;b&gt;New conference&lt;/b&gt; starts from your school&apos;s prompts for the kind you choose.&lt;/li&gt;&lt;li&gt;What you type is kept as a draft until you save, even if the laptop stops.&lt;/li&gt;&lt;li&gt;Next steps have an owner and a due date; the caseload lists the advisees most in need of a conference first, with their overdue steps.&lt;/li&gt;&lt;li&gt;A private conference is seen only by you.&lt;/li&gt;&lt;/ul&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rotations</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;p&gt;Station rotations: groups of students move between stations in timed blocks.&lt;/p&gt;&lt;ul&gt;&lt;li&gt;&lt;b&gt;New rotation plan&lt;/b&gt; sets the stations, the blocks and their length.&lt;/li&gt;&lt;li&gt;&lt;b&gt;Build groups&lt;/b&gt; proposes groups from mastery and your constraints; move a student between groups if you know better.&lt;/li&gt;&lt;li&gt;Ctrl+B opens the board for the projector: the timer, who goes where, and a chime before each move.&lt;/li&gt;&lt;li&gt;Print the group cards, the station signs and the day&apos;s plan.&lt;/li&gt;&lt;/ul&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Data meetings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;p&gt;A grade team&apos;s ten minutes: who needs us, what changed since last time, what we agree.&lt;/p&gt;&lt;ul&gt;&lt;li&gt;Class &amp;gt; Data meeting (Ctrl+Shift+M) opens the team of the class shown: its school&apos;s teachers of that grade.&lt;/li&gt;&lt;li&gt;Each flagged student shows exactly what tripped each rule, with the numbers and the rule&apos;s threshold; &lt;i&gt;new&lt;/i&gt; marks what was not flagged at the last meeting.&lt;/li&gt;&lt;li&gt;&lt;b&gt;Rules…&lt;/b&gt; shows and changes the school&apos;s thresholds.&lt;/li&gt;&lt;li&gt;&lt;b&gt;Hold meeting now&lt;/b&gt; records the meeting, so the next one shows what changed; an action (what, about whom, who, by when) is kept with it and syncs to the school&apos;s staff.&lt;/li&gt;&lt;/ul&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sync and backups</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;p&gt;Everything works without a network. When there is one, the app syncs with your district server by itself (Edit &amp;gt; Settings says how often).&lt;/p&gt;&lt;ul&gt;&lt;li&gt;File &amp;gt; Connect to district server enrols this laptop with a one-time code.&lt;/li&gt;&lt;li&gt;No link at all: File &amp;gt; Export sync bundle writes a file for a USB stick; the district gives back a return bundle (File &amp;gt; Import return bundle).&lt;/li&gt;&lt;li&gt;Two people changed the same note: File &amp;gt; Settle sync conflicts shows both side by side.&lt;/li&gt;&lt;li&gt;File &amp;gt; Back up now copies the database; File &amp;gt; Restore from backup brings one back.&lt;/li&gt;&lt;/ul&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Privacy and the screen lock</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;p&gt;Student data stays on this laptop and your district&apos;s server.&lt;/p&gt;&lt;ul&gt;&lt;li&gt;Ctrl+L locks the screen at once; it also locks after some minutes without use. Your app PIN unlocks it.&lt;/li&gt;&lt;li&gt;Student &amp;gt; Export everything about this student answers a family&apos;s request for their child&apos;s data.&lt;/li&gt;&lt;li&gt;Student &amp;gt; Delete this student from this laptop removes them here; ask your district to remove them from the server too.&lt;/li&gt;&lt;/ul&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Keyboard and screen readers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;p&gt;Everything can be done with the keyboard.&lt;/p&gt;&lt;ul&gt;&lt;li&gt;Alt with the underlined letter opens a menu or a tab; Ctrl+Tab moves between tabs.&lt;/li&gt;&lt;li&gt;Tab and Shift+Tab move between fields; Space or Enter presses a button.&lt;/li&gt;&lt;li&gt;Ctrl+F finds a student, Ctrl+Z undoes, Ctrl+Shift+S syncs, F1 opens this help.&lt;/li&gt;&lt;li&gt;View &amp;gt; Larger text (Ctrl++) and Smaller text (Ctrl+-) change the size of all text; Edit &amp;gt; Settings offers a high-contrast theme.&lt;/li&gt;&lt;/ul&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Import a competency framework</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Frameworks (*.json *.csv);;CASE package (*.json);;OpenSALT spreadsheet (*.csv)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Framework “{title}”: {added} competencies added, {updated} updated, {unchanged} unchanged, {retired} no longer in the file (kept).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Framework “{title}”: {added} competencies added, {updated} updated, {unchanged} unchanged.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The import stopped: {error}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Framework not imported</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Importing {name}…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pick a class to export first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export roster</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export mastery</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>CSV (*.csv)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Exported {rows} rows to {name}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Exporting {name}…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export failed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Import roster — {source}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;b&gt;OneRoster {version}&lt;/b&gt; package &lt;b&gt;{source}&lt;/b&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What the import will do</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Change</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Archive</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unchanged</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Problems found</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Where</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Problem</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stops the import</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Row skipped</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Note</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{file} row {row}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{fatal} problems stop the import, {rows} rows have problems, {notes} notes.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Import the valid rows only ({n} rows will be skipped)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Import</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Import a OneRoster folder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Import a OneRoster package</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>OneRoster package (*.zip);;All files (*)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Import cancelled; nothing was changed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Roster not imported</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The import stopped and nothing was changed: {error}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reading {name}…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Roster imported from {source}: {added} added, {changed} updated.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(none)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>identifier</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>source_id</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>username</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>email</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>YYYY-MM-DD</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>MM/DD/YYYY</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>DD/MM/YYYY</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>baseline</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>evidence</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{part} is not &apos;score=level&apos; (for example 215=3)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Import scores — {name}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Source of the scores</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>e.g. MAP Growth Math, State test 2026</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Source:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Student column</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Students matched by</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Score column</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Date column</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Date format</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Measure column</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>what was measured, if no column says</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Measure</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Scores go to</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Competency</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Competency column</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>raw score = level, e.g. 230=4, 215=3, 200=2, 0=1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cut-offs</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Student column:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Matched by:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Score column:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Date column:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Date format:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Measure column:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Measure:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Scores go to:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Competency:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>…or a column of competencies:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cut-offs to levels:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Preview</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose the columns, then Preview.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Problems and sample</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Import the valid rows only</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The remembered mapping for “{source}” is filled in. Preview to check it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cut-offs: {error}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The preview stopped: {error}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{rows} rows: {to_add} to add, {there} already here; {fatal} problems stop the import, {problems} rows have problems.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>row {row}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{raw} → level {level} on {day}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{raw} → level {level}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{raw} on {day}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{n} scores from {source} imported; the mapping is remembered.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Scores not imported</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Import test scores</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>CSV (*.csv *.txt);;All files (*)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>plclassroom — {database}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Views of the class</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Learner profile</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Class &amp;mastery</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Playlists</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Record evi&amp;dence</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Co&amp;nferences</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Rotations</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Offline</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Connection</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Last sync: never</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Last sync</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pick a class first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The app now speaks English.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Import &amp;roster…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Import roster &amp;folder…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Import &amp;framework…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Import &amp;scores…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export class r&amp;oster…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export &amp;mastery…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Connect to &amp;district server…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>S&amp;ync now</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sync re&amp;port…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Settle sync &amp;conflicts…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export sync &amp;bundle (USB)…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Import return b&amp;undle…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Back up no&amp;w…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Restore from bac&amp;kup…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Undo</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Redo</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Find student</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Se&amp;ttings…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Class</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Mastery settings…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Distribution chart…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export &amp;heatmap (PDF or PNG)…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export &amp;student report (PDF or PNG)…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Flex seminars…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Data m&amp;eeting…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rotation &amp;board</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Refresh</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Full &amp;screen</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Larger text</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>S&amp;maller text</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Normal text size</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Help for this screen</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;About plclassroom</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Text size: {percent} %</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>observation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>quiz</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>project</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>conference</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>self-assessment</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>playlist checkpoint</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>prior score</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{name} (absent)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>absent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saved as evidence. Type over it to correct it (the first version is kept).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Evidence entry grid</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Competencies to record</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Date observed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Kind of evidence</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Note for every piece (optional)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Level to fill</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>F&amp;ill empty in this column</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Give every present student without a level in the current column this level</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Type a level and press Enter; &apos;a&apos; marks a student absent.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Observed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Kind</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Compe&amp;tencies</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saved {n} piece of evidence.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saved {n} pieces of evidence.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{value} is not a level.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pick a column first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nothing pasted: {values} is not a level.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nothing pasted: {values} are not a level.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>PNG image</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saved {name}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not saved</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export the class heatmap</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{title} mastery.pdf</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saving {name}…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pick a class and a student first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export the student&apos;s mastery report</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>mastery report.pdf</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Distribution — {title}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no evidence yet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{levels}, {missing} with no evidence</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{student} — {code}: no evidence yet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{method} of {n} piece: {formula}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{method} of {n} pieces: {formula}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>grade {grade}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Overridden by the teacher: {reason} (calculated {score})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Set by the teacher: {reason}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Class mastery heatmap</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>As of</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show the heatmap as it stood on a past day</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>As of date</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Filter students</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show students</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>All students</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Below mastery on the selected competency</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mastery settings…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Method, scale and grades for this class</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Who needs what: pick a competency</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Students below mastery on the selected competency</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This class has no competency framework yet: import one (File &gt; Import framework) and choose it for the class.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{method} · {scale}, mastery at {score}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>as of {date}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Below mastery on {code}: {n} of {total}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{name}  (no evidence)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Override the level</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Level</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Why (kept with the level, shown on hover)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reason</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Level:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reason:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The override stands until new evidence is recorded.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Evidence</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Observed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Kind</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Weight</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Level after</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Files</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Correct selected piece…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Override level…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove override</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Attach a file…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open attached file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No evidence yet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Level: {level} ({score}). {how}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Overridden by the teacher: “{reason}”</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Overridden by the teacher: “{reason}” (calculated {score})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{score} (was {scores})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Select the piece to correct first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Correct a piece of evidence</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Corrected level (the first version is kept):</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Select a piece of evidence first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Photos and documents</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>All files</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Attach a file to this evidence</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{name} kept with the evidence of {date}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>That piece has no file attached.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save as .pdf or .png (not {suffix}).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no extension</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Most recent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Highest</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mean</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mean of the last N</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Median of the last N</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mode (most frequent)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Decaying average</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>N times at mastery</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Power law (Marzano)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{method} ({weight} on the newest)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{title} — mastery</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no evidence</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>set by the teacher</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{n} student</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{n} students</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{n} competency</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{n} competencies</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{method} · as of {date} · {students}, {competencies}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>page {number} of {total}: students {first}–{last}, {start} to {end}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No students in this class yet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This class has no competencies yet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{method}, as of {date}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>That student is not in this class.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{mark} {code}: set by the teacher, because: {reason}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no reason given</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{title} · mastery report</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>mastered {mastered} of {total} competency, evidence on {assessed}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>mastered {mastered} of {total} competencies, evidence on {assessed}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{method} · as of {date} · {standing}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>set by the teacher, see {mark}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No competencies in this class yet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Code</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Score</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pieces</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>How the evidence went (the {shown} most recently assessed of {total})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>How the evidence went</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Printed {date} from plclassroom. Levels: {levels}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mastery report, {method}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{part} is not &apos;lowest score=grade&apos; (for example 2.5=B)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{part} has no grade after &apos;=&apos;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mastery settings — {title}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Method</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Scale and grades</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Calculation method</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>N (pieces or times)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Weight of the newest piece</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Competency to preview</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Method for this class:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>N (last N, N times):</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Decaying average, newest weighs:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Preview on:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Every method side by side</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Every method on this class&apos;s own evidence (the chosen one in bold). The last row counts who has reached mastery.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reached mastery</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{reached} of {total}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Scale name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Levels</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Counts from (cut-off)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Label</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Colour</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add level</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove level</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mastery from level</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>lowest score=grade, e.g. 3.5=A, 2.5=B, 1.5=C, 0=D (optional)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Report-card grades</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Scale name:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mastery from level:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Report-card grades:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A calculated score at or above a level&apos;s cut-off reads as that level (e.g. 2.5 and up reads as Proficient). Grades show beside the level, never instead of it. Saving gives this class its own scale; other classes keep theirs.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Level row {row}: the level and its cut-off must be numbers.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Level row {row}: {value} is not a colour (write it as #RRGGBB).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Item</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Minutes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Must do</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Checkpoint scores</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Instructions</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Link</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>teacher-led lesson</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>video</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>reading</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>practice</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>discussion</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>checkpoint</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>draft</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>active</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>archived</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>must do</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>may do</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>variant</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A version of “{title}” for some students: {rule}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no rule yet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Edit {what}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Move item</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Playlist title</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Playlist description</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What it is for</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Competencies this playlist targets</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Items of the playlist</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add item</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add a version…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A version of the selected item for some students (read-aloud, another language, an extension)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove item</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Keep a worksheet or a video with the item: it opens with no network</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Drag items, or press Ctrl+Up / Ctrl+Down, to reorder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Title:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>About:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Status:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Targets:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{status} · version {version}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Edit playlist title</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Edit playlist description</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Change target competencies</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New item</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pick the item to make a version of.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>version</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add a version</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pick the item to attach a file to.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Attach a file to the item</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Attach a file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>That item has no file or link.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Suggested next steps</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Data meeting</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Team</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Team:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Grade {grade} · {school}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>When the team last met</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Hold meeting now</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Record today&apos;s meeting and what is flagged now</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>R&amp;ules…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The school&apos;s early-warning rules</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Students flagged, and why</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Student</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Since last meeting</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Flags</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Which flags to show</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Every flag</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New since the last meeting</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>S&amp;how:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Who needs us</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Agenda</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Meeting notes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What the team said</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Actions the team agreed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Action</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>By</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New action</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What will be done</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>About which student</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Who does it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>By when</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Add action</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add the action</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Remove action</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove the selected action</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Actio&amp;n:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Student:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Who:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;By:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Actions</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No class on this laptop has students with a grade yet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The team has not met yet (evidence shown: the last 7 days).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Last met {date} ({days} days ago): changes are since then.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Last met {date} (yesterday): changes are since then.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The whole team</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(nobody yet)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>new</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New: {why}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{shown} of {all} students flagged</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No longer flagged</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{n} since the last meeting</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{date} (overdue)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>whole team</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Meeting recorded: the next one shows what changed since today.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Type the action first: what will be done.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Next</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Why</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Playlist</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Give the selected students their suggested playlist</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Suggestions come from the framework&apos;s “precedes” links and each student&apos;s mastery: ready = every prerequisite mastered. Pick rows and accept, or assign something else.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>nothing to suggest (no framework, or everything mastered)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No playlist targets those suggestions yet: build one on the Edit tab.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Assign the suggested playlist</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Assigned the suggested playlist to {n} student.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Assigned the suggested playlist to {n} students.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>working</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>submitted</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>✓ done</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>! help</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>not started</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>done</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>needs help</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Assign “{title}”</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The whole class</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A group</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Some students</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Group</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Make a group of the selected students…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Students to assign</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Start</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Start:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Due:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New group</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Name of the group:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{number}. {title} (may)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{minutes} min</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>n/a</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Progress grid</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Playlists of the class</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Copy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New version</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Assign…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Share…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save the playlist as one file for a colleague (USB or the server)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Print sheets…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>One page a student, a box to tick per item: for rooms without a device per student</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Import…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open a playlist a colleague shared</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Select cells and press n (not started), w (working), s (submitted), d (done) or h (needs help); a number scores a checkpoint. From paper sheets: type each ticked box&apos;s code and press Enter.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Code from a paper sheet, e.g. 3 a1b2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sheet code</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Class board</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Expected by today</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Now</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Views of the playlist</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Edit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Progress</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ready for “{title}”</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>behind</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stuck ({n}): {names}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ready for a checkpoint ({n}): {names}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Done ({n}): {names}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New playlist</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Copy playlist</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Archive playlist</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Assign playlist</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Assigned. See it on the Progress and Class board tabs.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mark progress</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Numbers score a checkpoint: select checkpoint cells.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Share the playlist</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Playlist (*.plplaylist)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saved {name}: give it to a colleague.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Import a shared playlist</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{n} item</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{n} items</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{n} version for some students</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{n} versions for some students</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{items} and {versions}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Imported “{title}” as a draft: {what}; not on this laptop: {missing}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Imported “{title}” as a draft: {what}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Playlist not imported</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{error}

Nothing was changed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Print playlist sheets</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>playlist sheets</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Assign the playlist first: sheets are for the students who have it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{name}: {n} page, ready to print.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{name}: {n} pages, ready to print.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{code} is not a code on this playlist&apos;s sheets.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tick from a sheet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{name}: “{title}” done.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>MUST DO</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ask your teacher what to do here.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>My reflection: what did I learn, and what will I do next?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tick the box when you finish an item. Do the MUST DO items first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Codes: the item number, then the first {n} characters of the student&apos;s id ({example} is item 3 for the student whose id starts a1b2). On a keyboard, type 3.a1b2 or 3 a1b2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Name: {name}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Class: {name}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Due: {date}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>code {code}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>page {page} of {pages}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Continued on page {page} →</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>code</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The sheets could not be written to {folder}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The sheets could not be finished.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No student in this class has that playlist: assign it first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Students with an accommodation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Students who speak a language</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Students at a level on the item&apos;s competency</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Other</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A version of “{title}”</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>read-aloud</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Name of this version</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Title students see</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Who it is for</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Accommodation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Spanish</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Welcome to plclassroom</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;h2&gt;Welcome to plclassroom&lt;/h2&gt;&lt;p&gt;Learner profiles, playlists, mastery, station rotations and conferences, on this computer, with or without a network. Three questions to begin.&lt;/p&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Language:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Language</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Try the &amp;demo school (made-up students, to look around)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Start with an &amp;empty school (then File &gt; Import roster)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Connect to my district&apos;s &amp;server (from your district: its address and a one-time code)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Server &amp;address:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>One-time &amp;code:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>One-time code</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>You can change the language in Edit &gt; Settings, and connect later in File &gt; Connect to district server.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>S&amp;tart</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>To connect, type the server&apos;s address and the one-time code your district gave you, or choose another way to start.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>From level</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>To level</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The main version is not for</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(nobody excluded)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Name:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>For:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Accommodation:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>From level:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>To level:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Settings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>District server address</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sync by itself</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>District server</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A new address needs a one-time code from your district (File &gt; Connect to district server). The sign-in token is kept in this computer&apos;s keyring, never in settings.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Server address:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sync by itself:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Theme</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Language and look</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A new language applies at once: the window is rebuilt, and nothing you have typed is lost. &quot;Follow the system&quot; turns dark or high contrast when the computer does; View &gt; Larger text changes the size of all text.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Theme:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Calculation method for new classes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New classes: your school&apos;s mastery defaults</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A class a roster import brings to this laptop starts with these (on the 4-point scale). Each class can change its own in Class &gt; Mastery settings.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Method:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Backup folder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Empty: {folder}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose the backup folder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Backups to keep</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Back up by itself</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>While the app is open, a copy of the database goes to this folder.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Last backup: {when}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>File &gt; Restore from backup puts one back.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Backups</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Folder:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Keep the newest:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Back up by itself:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Lock the screen after this many idle minutes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Screen lock</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The screen hides student data and asks for the app PIN after this long without keyboard or mouse; Ctrl+L locks it at once. The PIN is chosen in View &gt; Screen lock settings.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Problem with the settings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Folder for backups</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The server address starts with https:// (your district gives it to you).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose the backup folder with Choose… (a full path, such as a USB drive&apos;s folder).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Backups cannot go to {folder}: {error}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Backups cannot go to {folder}: this account may not write there.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The school&apos;s mastery defaults were not applied: {error}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose an app PIN (View &gt; Screen lock settings) so the screen lock guards student data when you step away.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Student</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Export everything about this student…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Delete this student from this laptop…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Lock the screen</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Screen lock se&amp;ttings…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Screen lock settings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>plclassroom hides student data after a while without use; the app PIN shows it again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Minutes before locking</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> minutes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Never by itself</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Lock after:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Current PIN</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Current PIN:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New PIN</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>4 to 12 digits (empty: keep the PIN)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>4 to 12 digits</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New PIN again</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New PIN:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>App PIN:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Again:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Message</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The current PIN is not right: the PIN was not changed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The two PINs differ: type the same PIN twice.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>their person record</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{n} change about {name} not yet sent to the district will not be sent.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{n} changes about {name} not yet sent to the district will not be sent.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete {name} from this laptop?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This removes for good, from this laptop only: {what}; their guardians&apos; details unless another student here has them too; and files attached to any of these.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The district keeps its own record of {name}: ask the district to act on the family&apos;s request too. This laptop will not take {name} back from the district in a later sync. Copies made before (backups, exports) are not changed. This cannot be undone.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{n} record</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{n} records</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{n} file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{n} files</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pick a student first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{name} - plclassroom records {date}.zip</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export everything about this student</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Zip files (*.zip)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Wrote {file}: everything about {name} ({counts}); {withheld} the school decides on were left out (its summary says which).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Wrote {file}: everything about {name} ({counts}).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Exporting everything about {name}…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Deleting {name} from this laptop…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{name} was deleted from this laptop ({counts}).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ask the district to act on the family&apos;s request too.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The database file could not be compacted just now: its free space may hold traces until the next deletion.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete this student from this laptop</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete from this laptop</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stopped: {error}. Nothing was changed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>plclassroom (locked)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Wait {seconds} s before the next try.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>That is not the PIN.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>plclassroom is locked</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Student data is hidden until the app PIN is entered.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unlock plclassroom in its main window.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose an app PIN (4 to 12 digits) for plclassroom on this laptop. You will type it to unlock
the app when it locks after a while without use, or when you lock it (Ctrl+L).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Type the app PIN to show student data again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>App PIN</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The PIN again</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Lock message</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Quit plclassroom</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose PIN and unlock</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unlock</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Try again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A PIN is 4 to 12 digits.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>academic</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>personal</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>met</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>revised</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>dropped</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>sensitive</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>shareable</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mastery in this class</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The student&apos;s levels</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Record</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Evidence recorded.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Strengths</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Needs</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Interests</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Aspirations</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Learning preferences</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Languages</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What this student does well, as a learner and as a person</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Where this student needs support or practice</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What they care about outside class: hooks for learning</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What they hope to do or become</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>How they learn best</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Languages spoken, home language first</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Anything else the next teacher should know</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Goal (student&apos;s words)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Measure of success</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Target date</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Privacy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pick a student in the roster to see their learner profile.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Accommodations (IEP, 504, ELL…)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Link the goal to competencies…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Goals</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Conferences (private notes show only to their author, on the Conferences tab)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Note for the advisor…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Flag a concern…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The student&apos;s advisor sees it in their caseload, to raise at the next conference</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add goal</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add accommodation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove goal</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove accommodation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Grade {grade} · Student ID {identifier}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{date}  {kind} with {author}: {notes}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pick a goal (and a class with a framework) first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Competencies this goal is about</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Link goal to competencies</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Flag a concern</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Note for the advisor</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What should the advisor know or raise?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The advisor will see it in their caseload.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Select a goal to remove first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Select an accommodation to remove first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ID</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Grade</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Supports</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Active goals</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Has accommodations on file: see the learner profile</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Class</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Search students (Ctrl+F)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Search students</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Students in the class</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cl&amp;ass</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{shown} of {total} student</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{shown} of {total} students</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Space pause  ·  → next  ·  ← back</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Space start</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>← back  ·  R start over</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Space go on  ·  → next  ·  ← back  ·  R start over</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>F full screen  ·  Esc leave</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rotation group: its members, its station now and its next station</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{group} colour</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Group name: {group}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{group} members: {members}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{group} station: {station}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{group} activity: {activity}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>+{n} more</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(no members yet)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rotation board: {class_title} · {plan}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rotation board</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This day has no rotation blocks yet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Set the blocks in the rotation plan, then open the board again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This day has no groups yet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Make the groups in the rotation plan, then open the board again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Class and plan</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Class and plan: {text}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rotation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Time left</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Keys</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Groups</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Message: {text}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No station set</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Time left: {time}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rotation: {status}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Keys: {keys}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not started: press Space to start</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Done: all rotations finished</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Transition: move to your next station</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rotation {block} of {count}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Paused  ·  {status}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>All done</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Move to</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>from {station}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>First</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Last rotation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Next: {station}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Similar levels together (for teacher-led work)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A mix of levels in every group (for collaboration)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Station</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Adult</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Capacity</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Devices</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Activity</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Required</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>teacher-led</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>independent online</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>independent practice</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>collaborative</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>assessment</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>with the teacher</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>teacher</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>aide</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>none</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>yes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Change station name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Change station kind</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Change station adult</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Change station capacity</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Change station devices</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Change station activity</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Change station playlist</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Change station required</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Members of {group}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Move to {group}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rotation plan</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Day</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Plan:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Day:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New plan…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Copy to next week</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Week…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>History…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Print…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Board</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The full-screen classroom board for the projector: Space starts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Timing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Timing…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stations</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save set…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Use set…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Group on competency</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Grouping</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Build groups</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Groups from the latest mastery and your rules, from this day on; earlier days keep theirs</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rules…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Who is away…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Group on:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Make:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rules not met</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Grouping result</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Drag a student to another group, or right-click to move them. Ctrl+Z undoes.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Who is where in each block</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The day: who is where</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Double-click a cell, or press Enter on it, to send another group there: the two groups swap</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No rotation plan for this class yet. Press “New plan…” to make one.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(no competency: balance sizes only)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no start time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{count} rotations x {minutes} min, {transition} min to move, in {period} min; {start}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{column} at {station}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Playlist at {station}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Level mix of {group}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{name} (away)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No groups yet: pick a competency and press “Build groups”.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>All your rules are met.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rules not met:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Block {number}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New rotation plan</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Copy plan to next week</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Copied to next week, with its stations, groups and rotation.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Change plan</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A station&apos;s capacity is a whole number.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A station&apos;s devices is a whole number.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add station</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove station</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save station set</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Name of the set:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saved the stations as “{name}”.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No station set saved yet: press “Save set…” on a plan first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{name} ({n} stations)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Use a station set</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Station set:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Use station set</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{n} groups; the best grouping (proven).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{n} groups; within {gap}% of the best possible.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{n} groups; some rules could not all be met (below).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Away today, placed in a group for when they are back: {names}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{n} moved: {moves}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nobody moved.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not be met: {problems}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Move student</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Move students</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mark away</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mark back</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Change the rotation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Which group is at {station} in block {block}?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Change rotation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Group cards…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Station signs…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The day&apos;s plan…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Station rotation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Title</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>First day</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Last day</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Template</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>First block starts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stations from the template (rename them after)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saved set: {name} ({n} stations)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>First day:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Last day:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Template:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>First block starts:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stations:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>First block starts at</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Period:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rotations:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Each:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>To move between stations:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rules for the groups</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>one a station</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no limit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Kept apart</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Kept together</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>First student</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Second student</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Keep apart</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Keep together</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove pair</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Who needs an adult</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Groups:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No group over:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Station capacities and the devices at an online station also cap a group.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Kept apart:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Kept together:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Need the aide (together, at the aide&apos;s station):</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Who is away on {day}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Students away</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tick the students who are away.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>They are left out of the day&apos;s groups, the board and the cards.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The week&apos;s rotations</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Week of rotations</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{groups} groups, {stations} stations</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Week of {day}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Time at the stations</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>From</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>To</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Minutes per student</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>to</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>group cards</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>station signs</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>rotation plan</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>With the teacher</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>With an aide</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No adult here: work on your own</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Teacher-led station</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Independent online station</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Independent practice station</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Collaborative station</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Project station</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Assessment station</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{kind} station</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Up to {n} students</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{n} device</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{n} devices</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>There is nothing called {what} to print: choose {kinds}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This rotation has no groups yet: make the groups, then print.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This rotation has no stations yet: add the stations, then print.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This rotation has no blocks yet: set the blocks of the day, then print.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The {what} have {pages} page, not a page {page}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The {what} have {pages} pages, not a page {page}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>+ {n} more</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Members ({n})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Members</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No one yet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Our route today</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Station {n} of {count}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Today&apos;s activity</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Seats and devices</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Starts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Block</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Group here</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{dash} no group</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{n} blocks of {minutes} min</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{n} blocks</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{minutes} min to switch between blocks</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>+ {n} more lines of notes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>with an aide</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Who is in each group</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The {what} could not be drawn in {folder}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The {what} could not be finished.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the folder {folder} does not exist</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>this computer does not let the app save in {folder}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{path} is a folder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The {what} could not be saved: {reason}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose another place to save them.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The printer could not start printing the {what}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Print the {what}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>proposed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>assigned</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>signed up</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Flex seminars</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Flex day</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Seminars on the day</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Seats</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>How</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Came</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Seminar message</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New seminar…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Propose from mastery…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sign up a student…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove from seminar</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{seated}/{capacity} seats</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no room</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>came</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nobody below that level is free at that time.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sign up</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Student:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New seminar</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Room</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>below mastery</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Starts:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Room:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Seats:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>On:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Propose students below:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Proposed from mastery</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Proposed students</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>level {score}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Assign the ticked</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Lowest first. Untick anyone who should not come.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Follow the system</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Light</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Dark</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>High contrast</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Every 3 minutes, when online</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Every 15 minutes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Every hour</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Only when I choose Sync now</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Every day</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Every week</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Only when I choose Back up now</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Settle two versions</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Settle sync conflicts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Notes with two versions</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stands now</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The version that stands</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The other version</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your merge</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Write the note as it should be, from both versions.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Keep &amp;this version</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Keep the &amp;other version</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save the &amp;merge</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Or merge them:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Changes the district refused</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>When</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Send again at the next sync</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Dismiss (keep this laptop&apos;s version)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Queued again: {what} for {student}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Queued again: {what}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Dismissed: {what} for {student}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Dismissed: {what}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Two versions</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Refused by the district</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{n} note was changed on two devices that had not seen each other&apos;s change.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{n} notes were changed on two devices that had not seen each other&apos;s change.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The newer version stands and the other is kept here: keep one, or write a merge. Your choice syncs like any edit.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nothing to settle: every note has one version.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The other version was written {when}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The district refused {n} change from this laptop (the reason is beside each).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The district refused {n} changes from this laptop (the reason is beside each).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>They are kept here, not sent again by themselves: send one again once the district has fixed the reason, or dismiss it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The district has refused nothing from this laptop.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Two versions ({n})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Refused by the district ({n})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pick a refused change first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Settled: {what} for {student}. Edit &gt; Undo takes it back.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Settled: {what} for no student. Edit &gt; Undo takes it back.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The other version, written {when}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>on this laptop, {when}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>on another device, {when}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Last sync: {when}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{n} to send</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{n} refused</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{n} to settle (two versions kept)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Online</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Offline · not connected to a district server</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export sync bundle</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sync bundles (*.plcbundle)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Wrote {name}: {n} changes.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Take it to the district; they import it and give you a return bundle (File &gt; Import return bundle).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Writing the sync bundle…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Import return bundle</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Imported {name}: {pushed} of this laptop&apos;s changes are at the district, {pulled} received, {rejected} refused.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Imported {name}: {pushed} of this laptop&apos;s changes are at the district, {pulled} received.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>It was a fresh copy of this laptop&apos;s data: it had been away a long time.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Importing the return bundle…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stopped: {error}. Nothing was lost.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This laptop is not connected to that server yet: File &gt; Connect to district server, with a one-time code from your district.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Connected to the district server. Sync now sends and fetches changes.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not connect: {error}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Connect to the district server first (File &gt; Connect to district server).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Synced: {sent} sent, {received} received, {refused} refused by the district</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Synced: {sent} sent, {received} received</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>({kb} KB, {seconds} s)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>verified: this laptop and the district agree ({n} rows put right)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>verified: this laptop and the district agree</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This laptop was away a long time, so it took a fresh copy of its data (its own work was sent first).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sync stopped: {error}. Nothing sent is lost.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Syncing with the district…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sync report</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Last sync this session: {sent} changes sent, {received} received, {refused} refused, {replaced} replaced by a newer edit from another device; {kb} KB in {requests} request, {seconds} s.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Last sync this session: {sent} changes sent, {received} received, {refused} refused, {replaced} replaced by a newer edit from another device; {kb} KB in {requests} requests, {seconds} s.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Verified: this laptop and the district agree, row for row ({n} rows were put right).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Verified: this laptop and the district agree, row for row.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Refused by the district ({n}): kept here, not sent again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Refused changes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Two versions kept ({n}): the newer stands; the other is here.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Two versions kept</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stands</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Also written</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Connect to the district server</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Server address</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enrolment code</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your district&apos;s IT admin gives you the address and a one-time code.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>One-time code:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Edit goal</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Edit accommodation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>K</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>behind pace</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no recent evidence</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>mastery falling</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>follow-up overdue</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>not met by the advisor</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ready to move up</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{subject}: {done} of {total} must-do activities done; about {expected} expected by today (due {due}; the rule allows {margin} % behind).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{subject}: no evidence for {days} days, since {date}; the class has recent evidence on it (the rule: {n} days).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{subject}: no evidence yet, while the class has some from the last {n} days.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{subject}: the last {k} scores went {scores}, down {drop} (the rule: down {d} or more).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The follow-up of the conference of {held} was due {due}, and there has been none since.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Next step “{subject}” was due {due} and is not done.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not met by the advisor for {days} days, since {date} (the rule: {n} days).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Never met by the advisor in a conference on this laptop.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{subject}: the last {k} scores are all at mastery or above: {scores} (mastery: {score}).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no new evidence</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>1 piece of evidence, {mean}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{n} pieces of evidence, mean {mean}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New concerns: {n} student</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New concerns: {n} students</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Concerns: {n} student flagged</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Concerns: {n} students flagged</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Overdue: {n} action</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Overdue: {n} actions</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No longer flagged: {n}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ready to move up: {n} student</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ready to move up: {n} students</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Review the open action</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Review the {n} open actions</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Agree actions: who does what by when</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Early-warning rules — {school}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Behind pace: how far behind the expected progress</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No recent evidence: days without evidence</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Share of the class with recent evidence on a competency</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mastery falling: how many of the newest scores</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mastery falling: by how much</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Follow-up overdue: days of grace</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not met by the advisor: days</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ready to move up: the mastery score</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A student is flagged when…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>behind a playlist&apos;s expected progress by more than:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no evidence on a competency the class is assessing for more than:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>…a competency counts as being assessed when this share has recent evidence:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the newest scores on a competency (how many):</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>…fall by at least:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a next step or follow-up is overdue by more than:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the advisor has not met them for more than:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ready to move up: those newest scores are all at least:</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>i18n</name>
    <message>
        <source>Cancel</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>
