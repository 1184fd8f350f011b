"""심박패치 센서의 심전도 수집."""


def heart_rate(rr_intervals_ms: list[float]) -> float:
    """Verifies: REQ-1"""
    if not rr_intervals_ms:
        raise ValueError("RR 간격이 없습니다")
    return 60000.0 / (sum(rr_intervals_ms) / len(rr_intervals_ms))
