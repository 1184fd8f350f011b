"""A glucose trend viewer with no regulatory file yet."""


def trend(readings: list[float]) -> float:
    return readings[-1] - readings[0] if readings else 0.0
