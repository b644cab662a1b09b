"""axe-core, the accessibility checker the browser tests inject into pages."""

from __future__ import annotations

import os
import pathlib

from blog_app.core import settings
from harness.availability import require


def read_axe_source() -> str:
    """The axe-core script that scripts/test installs (``AXE_SOURCE`` says where)."""
    path = pathlib.Path(
        os.environ.get("AXE_SOURCE") or settings.PROJECT_ROOT / ".tools/axe/node_modules/axe-core/axe.min.js"
    )
    require(path.is_file(), "axe-core is not installed (scripts/test installs it)")
    return path.read_text(encoding="utf-8")
