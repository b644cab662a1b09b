"""Markdown tables for benchmark results, printed and collected for docs/benchmarks.md."""

from __future__ import annotations

import dataclasses


@dataclasses.dataclass
class Target:
    """One of the issue's targets, as measured in this run."""

    what: str
    target: str
    measured: str
    met: bool
    margin: str  # how far inside or outside the target, e.g. "0.62x of the bound"

    @property
    def verdict(self) -> str:
        """``met`` or a bold ``missed``."""
        return "met" if self.met else "**missed**"


@dataclasses.dataclass
class Table:
    """One benchmark's results."""

    title: str
    columns: list[str]
    rows: list[list[str]] = dataclasses.field(default_factory=list)
    notes: list[str] = dataclasses.field(default_factory=list)
    targets: list[Target] = dataclasses.field(default_factory=list)

    def add(self, *cells: object) -> None:
        """Append a row (cells are formatted with ``str``)."""
        self.rows.append([str(cell) for cell in cells])

    def target(self, what: str, target: str, measured: str, met: bool, margin: str) -> str:
        """Record a target (for the summary) and return its verdict for a cell or note."""
        self.targets.append(Target(what, target, measured, met, margin))
        return self.targets[-1].verdict

    def under(self, what: str, measured: float, bound: float) -> str:
        """Record a time that must stay under ``bound`` seconds; return its verdict."""
        return self.target(
            what, f"< {bound:g} s", seconds(measured), measured < bound, ratio(measured, bound) + " the bound"
        )

    def markdown(self) -> str:
        """The table as Markdown, with its title and notes."""
        lines = [f"### {self.title}", "", "| " + " | ".join(self.columns) + " |", "|" + "---|" * len(self.columns)]
        lines += ["| " + " | ".join(row) + " |" for row in self.rows]
        lines += [""] + [f"- {note}" for note in self.notes]
        return "\n".join(lines).rstrip() + "\n"


def summary(tables: list[Table]) -> Table:
    """Every target of ``tables`` in one table: what, bound, measured, met or missed, by how much."""
    table = Table("Targets", ["what", "target", "measured", "verdict", "margin"])
    for target in (target for source in tables for target in source.targets):
        table.add(target.what, target.target, target.measured, target.verdict, target.margin)
    return table


def seconds(value: float) -> str:
    """A duration for a table: ``0.123 s`` or ``12.3 s``."""
    return f"{value:.3f} s" if value < 10 else f"{value:.1f} s"


def megabytes(value: float) -> str:
    """A size in MB with one decimal."""
    return f"{value / 1e6:.1f} MB"


def ratio(value: float, reference: float) -> str:
    """``1.23x`` of the reference (or n/a)."""
    return f"{value / reference:.2f}x" if reference else "n/a"
