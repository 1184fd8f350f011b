"""Unit tests of the worklist ordering."""

from src.triage.worklist import reorder


def test_highest_score_first():
    """Verifies: REQ-1"""
    assert [s["id"] for s in reorder([{"id": 1, "score": 0.5}, {"id": 2, "score": 0.9}])] == [2, 1]


def test_flagged_before_unflagged():
    """Verifies: REQ-2"""
    assert reorder([{"id": 1, "score": 0.1}, {"id": 2, "score": 0.42}])[0]["id"] == 2


def test_no_study_is_dropped():
    """Verifies: REQ-3"""
    assert len(reorder([{"id": 1, "score": 0.0}, {"id": 2, "score": 1.0}])) == 2
