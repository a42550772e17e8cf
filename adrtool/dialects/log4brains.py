"""log4brains records: MADR 2 with dash bullets and `YYYYMMDD-slug.md` names.

    # Use Log4brains to manage the ADRs

    - Status: accepted
    - Deciders: Ana
    - Date: 2020-01-01
    - Tags: doc, tooling

The file stem is the id (there is no number); `.log4brains.yml` names the
folders (`project.adrFolder` and each package's `adrFolder`).
"""

from __future__ import annotations

from adrtool.dialects.madr import BulletDialect

LOG4BRAINS = BulletDialect("log4brains", "-")
