"""The portal's roles, as Django groups. One home for their names."""

from __future__ import annotations

STAFF = "Staff"
EDITORS = "Editors"
REVIEWERS = "Reviewers"
HR = "HR"
LEADERSHIP = "Leadership"

ALL_ROLES: tuple[str, ...] = (STAFF, EDITORS, REVIEWERS, HR, LEADERSHIP)
