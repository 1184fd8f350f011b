def plan(rate_ml_h: float, hours: float) -> float:
    return rate_ml_h * hours
