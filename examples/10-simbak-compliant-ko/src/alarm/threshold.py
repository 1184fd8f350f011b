"""히스테리시스를 적용한 경보 임계값 (안전 필수)."""


def should_alarm(heart_rate: float, high: float = 150.0, low: float = 40.0) -> bool:
    """Verifies: REQ-3"""
    return heart_rate >= high or heart_rate <= low
