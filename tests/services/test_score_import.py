"""Prior scores from a vendor's CSV onto the demo school: mapping, preview, import, refusals."""

import pytest

from plclassroom.services import score_import
from plclassroom.services.score_import import ScoreMappingSettings
from tests.conftest import count, run


def students(store, n=3):
    import sqlite3

    with sqlite3.connect(store.path) as conn:
        return [r[0] for r in conn.execute(
            "SELECT identifier FROM person WHERE role = 'student' ORDER BY identifier LIMIT ?", (n,))]


def write(tmp_path, text, name="map.csv"):
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


MAP = ScoreMappingSettings(student_column="StudentID", score_column="RIT", date_column="TestDate",
                           date_format="MM/DD/YYYY", measure="Math RIT")



def test_scores_land_as_a_baseline_and_twice_adds_nothing(demo_store, tmp_path):
    a, b, c = students(demo_store)
    path = write(tmp_path, f"StudentID,RIT,TestDate\n{a},221,09/15/2026\n{b},204,09/15/2026\n{c},238,09/16/2026\n")
    preview = run(demo_store, score_import.preview_scores, path, "MAP Growth Math", MAP)
    assert (preview.rows, preview.to_add, preview.problems) == (3, 3, [])
    assert count(demo_store, "SELECT count(*) FROM prior_score") == 0
    report = run(demo_store, score_import.import_scores, path, "MAP Growth Math", MAP)
    assert report.imported
    assert count(demo_store, "SELECT count(*) FROM prior_score WHERE source = 'MAP Growth Math' AND "
                             "taken_on = '2026-09-15'") == 2
    again = run(demo_store, score_import.import_scores, path, "MAP Growth Math", MAP)
    assert (again.to_add, again.already_there) == (0, 3)
    assert count(demo_store, "SELECT count(*) FROM prior_score") == 3


def test_the_mapping_is_remembered_per_source(demo_store, tmp_path):
    a, *_ = students(demo_store)
    path = write(tmp_path, f"StudentID,RIT,TestDate\n{a},221,09/15/2026\n")
    assert run(demo_store, score_import.saved_mapping, "MAP Growth Math") is None
    run(demo_store, score_import.import_scores, path, "MAP Growth Math", MAP)
    assert run(demo_store, score_import.saved_mapping, "MAP Growth Math") == MAP
    assert run(demo_store, score_import.saved_mapping, "State test") is None


def test_scores_become_evidence_through_cut_offs(demo_store, tmp_path):
    a, b, _ = students(demo_store)
    settings = ScoreMappingSettings(student_column="id", score_column="scale", date_column="date",
                                    competency="CCSS.Math.Content.6.RP.A.1", target="evidence",
                                    cutoffs=[(230, 4), (215, 3), (200, 2), (0, 1)])
    path = write(tmp_path, f"id,scale,date\n{a},221,2026-09-15\n{b},199,2026-09-15\n")
    before = count(demo_store, "SELECT count(*) FROM evidence")
    report = run(demo_store, score_import.import_scores, path, "Screener", settings)
    assert [(raw, level) for _, raw, level, _ in report.sample] == [("221", 3), ("199", 1)]
    assert count(demo_store, "SELECT count(*) FROM evidence") == before + 2
    assert count(demo_store, "SELECT count(*) FROM evidence WHERE source = 'prior score' AND score = 3 "
                             "AND note = 'Screener: 221'") == 1


def test_row_problems_are_named_and_need_consent(demo_store, tmp_path):
    a, b, c = students(demo_store)
    path = write(tmp_path, f"StudentID,RIT,TestDate\n{a},221,09/15/2026\nS9999999,210,09/15/2026\n"
                           f"{b},abc,09/15/2026\n{c},215,31/09/2026\n")
    report = run(demo_store, score_import.preview_scores, path, "MAP Growth Math", MAP)
    assert [str(p) for p in report.row_problems] == [
        "map.csv row 3: student 'S9999999' is not on this laptop (matched by identifier)",
        "map.csv row 4: score 'abc' is not a number",
        "map.csv row 5: date '31/09/2026' is not a date written MM/DD/YYYY",
    ]
    with pytest.raises(score_import.ImportRefused, match="3 rows have problems"):
        run(demo_store, score_import.import_scores, path, "MAP Growth Math", MAP)
    assert count(demo_store, "SELECT count(*) FROM prior_score") == 0
    assert count(demo_store, "SELECT count(*) FROM score_mapping") == 0
    run(demo_store, score_import.import_scores, path, "MAP Growth Math", MAP, valid_only=True)
    assert count(demo_store, "SELECT count(*) FROM prior_score") == 1


@pytest.mark.parametrize("text, settings, message", [
    ("StudentID,RIT\nS1,2\n", MAP, "the date column 'TestDate' is not in the file (its columns: StudentID, RIT)"),
    ("StudentID,RIT,TestDate\n", ScoreMappingSettings(student_column="StudentID", score_column="RIT",
                                                      target="evidence"), "evidence needs a competency"),
    ("StudentID,RIT,TestDate\nS1,2,09/15/2026\n",
     ScoreMappingSettings(student_column="StudentID", score_column="RIT", date_column="TestDate",
                          target="evidence", competency="9.XX.1"), "no competency on this laptop has the code"),
])
def test_a_mapping_that_does_not_fit_the_file_is_fatal(demo_store, tmp_path, text, settings, message):
    path = write(tmp_path, text)
    report = run(demo_store, score_import.preview_scores, path, "MAP", settings)
    assert report.fatal and message in str(report.fatal[0])


def test_not_utf8_is_refused_with_a_clear_message(demo_store, tmp_path):
    path = tmp_path / "latin.csv"
    path.write_bytes("StudentID,RIT,TestDate\nJosé,221,09/15/2026\n".encode("latin-1"))
    report = run(demo_store, score_import.preview_scores, path, "MAP", MAP)
    assert "latin.csv is not UTF-8 text" in str(report.fatal[0])


def test_semicolon_files_from_european_spreadsheets_are_read(demo_store, tmp_path):
    a, *_ = students(demo_store)
    path = write(tmp_path, f"StudentID;RIT;TestDate\n{a};221,5;09/15/2026\n")
    report = run(demo_store, score_import.import_scores, path, "MAP", MAP)
    assert report.sample[0][1:3] == ("221,5", 221.5)
