"""Unit tests of the worklist ordering."""

from src.triage.worklist import reorder


def test_flagged_studies_come_first():
    """Verifies: REQ-1"""
    studies = [{"id": "a", "score": 0.1}, {"id": "b", "score": 0.9}]
    assert [s["id"] for s in reorder(studies)] == ["b", "a"]


def test_unflagged_studies_by_score():
    """Verifies: REQ-2"""
    studies = [{"id": "a", "score": 0.1}, {"id": "b", "score": 0.3}]
    assert [s["id"] for s in reorder(studies)] == ["b", "a"]
