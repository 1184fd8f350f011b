from src.diary.readings import is_low, record


def test_record_keeps_unit():
    """Verifies: REQ-1"""
    diary = []
    record(diary, 120.0)
    assert diary == [(120.0, "mg/dL")]


def test_low_reading():
    """Verifies: REQ-2"""
    assert is_low(65.0)
