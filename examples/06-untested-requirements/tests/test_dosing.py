import pytest

from src.dosing.correction import correction_dose


@pytest.mark.requirement("REQ-9")
def test_dose_is_capped():
    assert correction_dose(400.0, 100.0, 10.0) == 10.0
