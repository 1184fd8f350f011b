"""ECG ingest from the CardioPatch sensor."""


def heart_rate(rr_intervals_ms: list[float]) -> float:
    """Verifies: REQ-1"""
    if not rr_intervals_ms:
        raise ValueError("no RR intervals")
    return 60000.0 / (sum(rr_intervals_ms) / len(rr_intervals_ms))
