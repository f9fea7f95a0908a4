"""Search conference notes, goals and next steps as the user types, showing each person only
what they may see.

The index is the FTS5 table ``search_text`` (migration 0003), kept current by triggers on every
write path. Who may see a row is decided inside the query, so a row the viewer may not see never
leaves the database:

- a ``private`` row: only its author;
- a ``teachers`` or ``family`` row: only people who may see the student, that is the student's
  advisor (a live advisor assignment), a teacher of a class the student is enrolled in (the
  teacher's and the student's enrollments and the class all live: not archived, not
  tombstoned), or an administrator of the student's school;
- any other privacy value: nobody.

The viewer must be a live person (not archived, not tombstoned): anyone else sees nothing. Rows
of a tombstoned student, and next steps of a tombstoned conference, are not found either.

Results are ordered by bm25, then newest. bm25 has to be worked out for every match, but only the
best few are then checked for visibility and dated; when too few of them are visible (a viewer
who sees a small part of the school), the next try takes more of them.
"""

from __future__ import annotations

import json
import math
import unicodedata
from dataclasses import dataclass

from sqlalchemy import text as sql

from plclassroom.store.unit_of_work import UnitOfWork

# The marks around each matched word in a snippet, and what stands for text left out.
MARK_START, MARK_END, ELLIPSIS = "«", "»", "…"
SNIPPET_TOKENS = 16
# A search box holds a few words; pasted text searches by its first ones (the query stays small).
MAX_WORDS = 32
# How many of the best matches the first try checks, at least; each further try takes 8 times more.
FIRST_TRY = 200
EVERY_MATCH = 1 << 62  # a try that takes every match


@dataclass(frozen=True)
class SearchHit:
    kind: str  # conference | goal | next step
    row_id: str  # the conference's, goal's or next step's id
    student_id: str
    student_name: str
    snippet: str  # the matching text, each matched word between MARK_START and MARK_END
    rank: float  # bm25: lower is better


def _is_token_char(ch: str) -> bool:
    # What FTS5's unicode61 tokenizer keeps in a token by default: letters, numbers, private use.
    category = unicodedata.category(ch)
    return category[0] in "LN" or category == "Co"


def fts_query(text: str) -> str:
    """The user's text as a safe FTS5 query, or "" when there is nothing to search for.

    Every word becomes a quoted string, so quotes, hyphens, colons, asterisks, parentheses and
    AND/OR/NOT/NEAR are only text; all words are required; the last one is a prefix, so that
    "bedt" finds "bedtime" while it is being typed.
    """
    words = [word for word in unicodedata.normalize("NFC", text or "").split()
             if any(_is_token_char(ch) for ch in word)][:MAX_WORDS]
    quoted = ['"' + "".join(ch for ch in word if ch.isprintable()).replace('"', '""') + '"' for word in words]
    if quoted:
        quoted[-1] += "*"
    return " ".join(quoted)


# The best :k matches by bm25 (with any tied with the last of them) and, of those, the ones the
# viewer may see: best first, then newest (a conference by the day it was held, a next step by its
# conference's, then by the row's last change). The first column says whether every match was
# taken; at least one row comes back, with NULLs when nothing the viewer may see was found.
_CANDIDATES = sql("""
WITH viewer AS (
    SELECT id, school_id, role FROM person WHERE id = :viewer AND NOT deleted AND NOT archived
),
visible(student_id) AS (
    SELECT a.student_id FROM viewer v JOIN advisorassignment a ON a.advisor_id = v.id AND NOT a.deleted
    UNION
    SELECT s.person_id
      FROM viewer v
      JOIN enrollment t ON t.person_id = v.id AND t.role = 'teacher' AND NOT t.deleted AND NOT t.archived
      JOIN class_section c ON c.id = t.class_id AND NOT c.deleted AND NOT c.archived
      JOIN enrollment s ON s.class_id = t.class_id AND s.role = 'student' AND NOT s.deleted AND NOT s.archived
    UNION
    SELECT p.id FROM viewer v JOIN person p ON p.school_id = v.school_id
     WHERE v.role = 'administrator'
),
matched AS MATERIALIZED (
    SELECT rowid AS hit, bm25(search_text) AS score FROM search_text WHERE search_text MATCH :query
),
-- The k-th best score; NULL when there are fewer matches.
cut AS (
    SELECT score FROM matched ORDER BY score LIMIT 1 OFFSET :k - 1
),
-- The best k matches and every match tied with the last of them.
candidate AS (
    SELECT hit, score FROM matched WHERE (SELECT score FROM cut) IS NULL OR score <= (SELECT score FROM cut)
),
seen AS (
    SELECT c.hit, c.score, st.kind, st.row_id, st.student_id,
           coalesce(nullif(p.preferred_name, ''), p.given_name) || ' ' || p.family_name AS student_name,
           CASE st.kind
               WHEN 'conference' THEN (SELECT held_on FROM conference WHERE id = st.row_id)
               WHEN 'next step' THEN (SELECT f.held_on FROM next_step n JOIN conference f
                                        ON f.id = n.conference_id WHERE n.id = st.row_id)
           END AS held_on,
           CASE st.kind
               WHEN 'conference' THEN (SELECT hlc FROM conference WHERE id = st.row_id)
               WHEN 'next step' THEN (SELECT hlc FROM next_step WHERE id = st.row_id)
               WHEN 'goal' THEN (SELECT hlc FROM goal WHERE id = st.row_id)
           END AS changed
      FROM candidate c
     CROSS JOIN search_text st ON st.rowid = c.hit
      JOIN person p ON p.id = st.student_id AND NOT p.deleted
     WHERE ((st.privacy = 'private' AND st.author_id = (SELECT id FROM viewer))
            OR (st.privacy IN ('teachers', 'family') AND st.student_id IN (SELECT student_id FROM visible)))
       AND NOT (st.kind = 'next step' AND EXISTS (
               SELECT 1 FROM next_step n JOIN conference f ON f.id = n.conference_id
                WHERE n.id = st.row_id AND f.deleted))
)
SELECT (SELECT score FROM cut) IS NULL, seen.hit, seen.score, seen.kind, seen.row_id, seen.student_id,
       seen.student_name
  FROM (SELECT 1) LEFT JOIN seen ON 1
 ORDER BY seen.score, seen.held_on DESC NULLS LAST, seen.changed DESC, seen.hit DESC
""")

_LIVE_PERSON = sql("SELECT 1 FROM person WHERE id = :viewer AND NOT deleted AND NOT archived")

# The snippets of the chosen rows, in one pass over the matches (the rowid range narrows it).
_SNIPPETS = sql("""
SELECT rowid, snippet(search_text, 5, :mark_start, :mark_end, :ellipsis, :tokens) FROM search_text
 WHERE search_text MATCH :query AND rowid BETWEEN :low AND :high
   AND +rowid IN (SELECT value FROM json_each(:hits))
""")


def search(uow: UnitOfWork, viewer_id: str, text: str, limit: int = 50) -> list[SearchHit]:
    """Conference notes, goals and next steps matching ``text`` that ``viewer_id`` may see: the
    best ``limit`` by bm25, then newest. Text with no word in it finds nothing."""
    query = fts_query(text)
    if not query or limit <= 0:
        return []
    session = uow.session
    if session.execute(_LIVE_PERSON, {"viewer": viewer_id}).first() is None:
        return []
    k = min(EVERY_MATCH, max(FIRST_TRY, 4 * limit))
    while True:
        rows = session.execute(_CANDIDATES, {"viewer": viewer_id, "query": query, "k": k}).all()
        every_match = bool(rows[0][0])
        seen = [row[1:] for row in rows if row[1] is not None]
        # Enough found: a match not taken scores worse than all taken (ties were taken with them).
        if every_match or len(seen) >= limit:
            break
        # The viewer may see few of the matches: take as many as should hold enough for them,
        # judging by the share seen so far, and at least 8 times more (all when none were seen).
        k = min(EVERY_MATCH, max(8 * k, math.ceil(2 * limit * k / len(seen)))) if seen else EVERY_MATCH
    chosen = seen[:limit]
    if not chosen:
        return []
    hits = [row[0] for row in chosen]
    snippets = dict(session.execute(_SNIPPETS, {
        "query": query, "low": min(hits), "high": max(hits), "hits": json.dumps(hits),
        "mark_start": MARK_START, "mark_end": MARK_END, "ellipsis": ELLIPSIS, "tokens": SNIPPET_TOKENS,
    }).all())
    return [SearchHit(kind, row_id, student_id, name, snippets.get(hit, ""), score)
            for hit, score, kind, row_id, student_id, name in chosen]
