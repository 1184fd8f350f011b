"""Correction dose suggestion (safety critical)."""

MAX_DOSE = 10.0


def correction_dose(reading: float, target: float, factor: float) -> float:
    if factor <= 0:
        raise ValueError("correction factor must be positive")
    dose = (reading - target) / factor
    return max(0.0, min(dose, MAX_DOSE))
