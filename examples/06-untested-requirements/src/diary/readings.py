"""Glucose readings."""


def record(diary: list, value: float, unit: str = "mg/dL") -> None:
    diary.append((value, unit))


def is_low(value: float) -> bool:
    return value < 70.0
