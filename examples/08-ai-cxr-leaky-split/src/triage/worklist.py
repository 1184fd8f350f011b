"""Reorders the worklist by the cxr-triage probability (stand-in for the product code)."""


def reorder(studies, threshold=0.42):
    return sorted(studies, key=lambda s: (s["score"] < threshold, -s["score"]))
