"""What the explorer knows of a framework: its traits and the post section describing it (plain data)."""

from __future__ import annotations

import dataclasses


@dataclasses.dataclass(frozen=True)
class TraitRecord:
    """A pro or con of one framework."""

    kind: str
    key: str
    title: str
    description: str


@dataclasses.dataclass(frozen=True)
class FrameworkRecord:
    """A framework with its traits and the post section that describes it."""

    slug: str
    name: str
    tagline: str
    summary: str
    post_slug: str
    anchor: str
    traits: tuple[TraitRecord, ...] = ()

    def of_kind(self, kind: str) -> list[TraitRecord]:
        """The pros (``pro``) or cons (``con``), in the author's order."""
        return [trait for trait in self.traits if trait.kind == kind]

    def keys(self, kind: str) -> frozenset[str]:
        """The trait keys of one kind."""
        return frozenset(trait.key for trait in self.traits if trait.kind == kind)


@dataclasses.dataclass(frozen=True)
class FrameworkSection:
    """Which framework a heading of a post introduces."""

    slug: str
    name: str
