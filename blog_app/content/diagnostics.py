"""Problems found in a content file, each pinned to a file and line."""

from __future__ import annotations

import dataclasses
from typing import Literal

Severity = Literal["error", "warning"]


@dataclasses.dataclass(frozen=True)
class Diagnostic:
    """One problem in a content file.

    An ``error`` keeps the file from being published; a ``warning`` is
    reported while the rest of the post still loads. ``python -m blog_app
    check`` fails on both, except on editorial notes (``TODO(name): ...``
    lines), which are reminders for the author rather than mistakes.

    Attributes:
        path: The file, as given to the parser.
        line: 1-based line number in that file.
        reason: What is wrong, in words an author understands.
        severity: ``error`` or ``warning``.
        editorial: An editorial note (a warning that never fails ``check``).
    """

    path: str
    line: int
    reason: str
    severity: Severity = "error"
    editorial: bool = False

    @property
    def fails_check(self) -> bool:
        """Whether ``python -m blog_app check`` counts this as a problem (everything but editorial notes)."""
        return not self.editorial

    def __str__(self) -> str:
        """Format as ``path:line: reason``, the shape editors can jump to."""
        prefix = "" if self.severity == "error" else "warning: "
        return f"{self.path}:{self.line}: {prefix}{self.reason}"


class ContentError(Exception):
    """A content file cannot be published; carries its diagnostics."""

    def __init__(self, diagnostics: list[Diagnostic]):
        """Build the error from the diagnostics that caused it.

        Args:
            diagnostics: At least one diagnostic of severity ``error``.
        """
        self.diagnostics = diagnostics
        super().__init__("\n".join(str(d) for d in diagnostics))
