"""심전도 수집 단위 시험."""

import pytest

from src.ingest.ecg import heart_rate


def test_heart_rate_from_mean_rr():
    """Verifies: REQ-1"""
    assert heart_rate([1000.0, 1000.0]) == 60.0


def test_empty_series_is_refused():
    """Verifies: REQ-2"""
    with pytest.raises(ValueError):
        heart_rate([])
