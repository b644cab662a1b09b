"""What a run needs from the machine: skip when it is missing, or fail under ``REQUIRE_ALL_TESTS`` (CI)."""

from __future__ import annotations

import os

import pytest


def require(condition: bool, reason: str) -> None:
    """Skip when something the test needs is missing, or fail under REQUIRE_ALL_TESTS (CI)."""
    if condition:
        return
    if os.environ.get("REQUIRE_ALL_TESTS"):
        pytest.fail(reason)
    pytest.skip(reason)
