"""경보 임계값 단위 시험."""

from src.alarm.threshold import should_alarm


def test_alarm_at_thresholds():
    """Verifies: REQ-3"""
    assert should_alarm(150.0)
    assert should_alarm(40.0)
    assert not should_alarm(80.0)
