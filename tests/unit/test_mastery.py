"""Mastery methods against hand-worked examples: no evidence, one piece, ties, out-of-order dates."""

from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st

from plclassroom.domain.mastery import Method, Piece, calculate


def pieces(*scores, start=1):
    return [Piece(date(2026, 9, start + i), float(s), order=i) for i, s in enumerate(scores)]


# Typed in out of order: the quiz of 1 Sept was recorded last.
OUT_OF_ORDER = [Piece(date(2026, 9, 10), 3.0, order=0), Piece(date(2026, 9, 20), 4.0, order=1),
                Piece(date(2026, 9, 1), 1.0, order=2)]


@pytest.mark.parametrize("method", list(Method))
def test_no_evidence_gives_no_level(method):
    result = calculate([], method)
    assert result.score is None and result.formula == "no evidence yet"


@pytest.mark.parametrize("method", [m for m in Method if m != Method.N_TIMES])
def test_one_piece_is_its_own_level(method):
    assert calculate(pieces(2), method).score == pytest.approx(2.0)


@pytest.mark.parametrize("method, expected", [
    (Method.MOST_RECENT, 4.0),  # 20 Sept, not the 1 Sept piece typed in last
    (Method.HIGHEST, 4.0),
    (Method.MEAN, 8 / 3),
    (Method.MEAN_LAST_N, 8 / 3),
    (Method.MEDIAN_LAST_N, 3.0),
    (Method.DECAYING_AVERAGE, 4 * 0.65 + (3 * 0.65 + 1 * 0.35) * 0.35),  # 1 → 3 → 4 by date
])
def test_order_is_by_the_date_observed(method, expected):
    assert calculate(OUT_OF_ORDER, method).score == pytest.approx(expected)


def test_decaying_average_by_hand():
    # 2, 3, 4 with the newest weighted 65%: (2·0.35 + 3·0.65) = 2.65; 2.65·0.35 + 4·0.65 = 3.5275
    result = calculate(pieces(2, 3, 4), Method.DECAYING_AVERAGE)
    assert result.score == pytest.approx(3.5275)
    assert [round(w, 4) for _, w in result.weights] == [0.1225, 0.2275, 0.65]
    assert calculate(pieces(2, 3, 4), Method.DECAYING_AVERAGE, weight=0.5).score == pytest.approx(3.25)


def test_last_n():
    assert calculate(pieces(1, 1, 4, 3, 4), Method.MEAN_LAST_N, n=3).score == pytest.approx(11 / 3)
    assert calculate(pieces(1, 4, 2, 3), Method.MEDIAN_LAST_N, n=4).score == pytest.approx(2.5)
    assert calculate(pieces(4, 2), Method.MEAN_LAST_N, n=5).score == pytest.approx(3.0)  # fewer than N: all


def test_mode_and_its_ties():
    assert calculate(pieces(2, 3, 2, 4), Method.MODE).score == 2.0
    assert calculate(pieces(2, 3, 3, 2), Method.MODE).score == 3.0  # a tie goes to the higher score


def test_n_times_at_mastery():
    result = calculate(pieces(3, 2, 4, 3), Method.N_TIMES, n=3, mastery_score=3)
    assert result.score == pytest.approx(10 / 3)  # shown three times: the mean of 3, 4, 3
    assert calculate(pieces(4, 2, 3), Method.N_TIMES, n=3, mastery_score=3).score == 2.0  # only twice
    assert calculate(pieces(4, 4), Method.N_TIMES, n=3, mastery_score=3).score == 2.0  # once below mastery


def test_power_law_on_a_rising_student():
    # Scores 1, 2, 3, 4 at t = 1..4: the log-log fit gives a ≈ 1, b ≈ 1, so about 4 at t = 4.
    result = calculate(pieces(1, 2, 3, 4), Method.POWER_LAW)
    assert result.score == pytest.approx(4.0, abs=0.01)
    assert "t^1.00" in result.formula
    # A flat record stays flat; the fit is capped at the top of the scale.
    assert calculate(pieces(3, 3, 3), Method.POWER_LAW).score == pytest.approx(3.0)
    assert calculate(pieces(1, 4, 4, 4, 4), Method.POWER_LAW).score <= 4.0


def test_highest_tie_takes_the_latest_piece():
    result = calculate(pieces(4, 2, 4), Method.HIGHEST)
    assert [w for _, w in result.weights] == [0.0, 0.0, 1.0]


@given(st.lists(st.sampled_from([0.0, 1.0, 1.5, 2.0, 2.5, 3.0, 3.5, 4.0]), min_size=1, max_size=30),
       st.sampled_from(list(Method)))
def test_every_level_stays_on_the_scale(scores, method):
    score = calculate(pieces(*scores, start=1) if len(scores) < 28 else
                      [Piece(date(2026, 1, 1), s, order=i) for i, s in enumerate(scores)], method).score
    assert 0.0 <= score <= 4.0


@given(st.lists(st.sampled_from([1.0, 2.0, 3.0, 4.0]), min_size=1, max_size=20))
def test_weights_of_averaging_methods_add_up_to_one(scores):
    for method in (Method.MEAN, Method.DECAYING_AVERAGE, Method.MEAN_LAST_N, Method.MOST_RECENT):
        result = calculate([Piece(date(2026, 1, 1), s, order=i) for i, s in enumerate(scores)], method)
        assert sum(w for _, w in result.weights) == pytest.approx(1.0)
        assert sum(w * p.score for p, w in result.weights) == pytest.approx(result.score)
