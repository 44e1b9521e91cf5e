"""The evaluations tests read messages in English (the Arabic ones are checked where the
language matters)."""

from __future__ import annotations

import pytest
from django.utils import translation


@pytest.fixture(autouse=True)
def english():
    with translation.override("en"):
        yield
