"""Read framework comparisons out of a post body: one entry per ``##`` section with pros and cons.

A section is a framework when its lists, introduced by a ``### Pros`` / ``### Cons`` heading or a
``Pros:`` / ``Cons:`` paragraph, hold ``- **Title**: text`` items. Pure: mistletoe tokens in,
entries and warnings out.
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Mapping
from typing import Literal

from mistletoe import block_token, span_token

from blog_app.content.diagnostics import Diagnostic
from blog_app.content.slugs import slug
from blog_app.content.text import plain_text

TraitKind = Literal["pro", "con"]
LABELS: dict[str, TraitKind] = {
    "pros": "pro",
    "cons": "con",
    "advantages": "pro",
    "disadvantages": "con",
    "strengths": "pro",
    "weaknesses": "con",
}
# ``Reflex--Frontend. Backend.``, ``Dash — data apps``, ``Flask: micro``, ``Gradio - ML apps``.
TAGLINE_SEPARATOR = re.compile(r"\s*(?:--|\u2014|\u2013)\s*|\s+-\s+|:\s+")
DASHES = ":-\u2013\u2014 "  # colon, hyphen, en dash, em dash, space
FORM = "'- **Title**: text'"


@dataclasses.dataclass(frozen=True, slots=True)
class TraitEntry:
    """One pro or con of a framework, as the author wrote it."""

    kind: TraitKind
    title: str
    key: str
    description: str
    line: int


@dataclasses.dataclass(frozen=True, slots=True)
class FrameworkEntry:
    """One framework section of a comparison post."""

    name: str
    slug: str
    tagline: str
    summary: str
    anchor: str
    line: int
    traits: tuple[TraitEntry, ...]

    def of_kind(self, kind: TraitKind) -> list[TraitEntry]:
        """The pros (``pro``) or cons (``con``), in the author's order."""
        return [trait for trait in self.traits if trait.kind == kind]


def trait_key(title: str) -> str:
    """The key that groups equal trait titles across frameworks (``Performance`` → ``performance``).

    Args:
        title: A trait title as written.

    Returns:
        The title casefolded, with punctuation and runs of whitespace turned into single hyphens.
    """
    return slug(title.casefold())


def extract_frameworks(
    path: str,
    blocks: list[block_token.BlockToken],
    line_offset: int,
    anchors: dict[int, str],
    texts: Mapping[int, str] | None = None,
) -> tuple[list[FrameworkEntry], list[Diagnostic]]:
    """Find the frameworks a post compares.

    Args:
        path: The file, for diagnostics.
        blocks: The top-level tokens of the body.
        line_offset: Lines before the body in the file.
        anchors: The anchor of each heading by file line (so links match the page's ids).
        texts: The plain text of top-level blocks by ``id()``, when the caller has it already.

    Returns:
        The frameworks in post order and the unreadable sections' or items' warnings (neither without a framework).
    """
    frameworks: list[FrameworkEntry] = []
    warnings: list[Diagnostic] = []
    lines: dict[str, int] = {}
    for heading, body in _sections(blocks):
        line = line_offset + heading.line_number
        reader = _SectionReader(path, line_offset, texts or {})
        entry = reader.read(heading, body, line, anchors.get(line, ""))
        if entry is None and reader.looks_like_framework:
            name = reader.plain(heading)
            warnings.append(_warning(path, line, f"section '{name}' has no pros or cons in the {FORM} form"))
        warnings.extend(reader.warnings)
        if entry is None:
            continue
        if entry.slug in lines:
            warnings.append(
                _warning(path, line, f"framework '{entry.name}' is already described at line {lines[entry.slug]}")
            )
        else:
            lines[entry.slug] = line
            frameworks.append(entry)
    return (frameworks, warnings) if frameworks else ([], [])


def plain(token: block_token.BlockToken | span_token.SpanToken) -> str:
    """A token's text on one line, whitespace collapsed."""
    return " ".join(plain_text(token).split())


def _warning(path: str, line: int, reason: str) -> Diagnostic:
    return Diagnostic(path, line, f"{reason}; left out of the frameworks explorer", "warning")


def _sections(blocks: list[block_token.BlockToken]):
    """Yield each ``##`` heading with the blocks up to the next heading of level 1 or 2."""
    heading: block_token.BlockToken | None = None
    body: list[block_token.BlockToken] = []
    for token in [*blocks, None]:
        is_top = token is None or (_is_heading(token) and token.level <= 2)
        if is_top and heading is not None:
            yield heading, body
            heading, body = None, []
        if token is not None and is_top and token.level == 2:
            heading = token
        elif heading is not None and token is not None:
            body.append(token)


def _is_heading(token: block_token.BlockToken) -> bool:
    return isinstance(token, (block_token.Heading, block_token.SetextHeading))


def _label_of(text: str) -> tuple[bool, TraitKind | None]:
    """Whether ``text`` announces pros or cons, and which when it is only the label (``Pros:``)."""
    words = re.findall(r"[a-z]+", text.casefold())
    if not words or words[0] not in LABELS:
        return False, None
    return True, LABELS[words[0]] if len(words) == 1 else None


class _SectionReader:
    """Reads one ``##`` section: summary, labelled lists and their items."""

    def __init__(self, path: str, line_offset: int, texts: Mapping[int, str]):
        self.path = path
        self.offset = line_offset
        self.texts = texts
        self.warnings: list[Diagnostic] = []
        self.looks_like_framework = False
        self.summary = ""
        self.traits: list[TraitEntry] = []
        self._label: TraitKind | None = None

    def read(
        self, heading: block_token.BlockToken, body: list[block_token.BlockToken], line: int, anchor: str
    ) -> FrameworkEntry | None:
        for token in body:
            self._read_block(token)
        parts = TAGLINE_SEPARATOR.split(self.plain(heading), maxsplit=1)
        name, tagline = parts[0].strip(), (parts[1].strip() if len(parts) > 1 else "")
        if not self.traits or not slug(name):
            return None
        return FrameworkEntry(name, slug(name), tagline, self.summary, anchor, line, tuple(self.traits))

    def _read_block(self, token: block_token.BlockToken) -> None:
        if isinstance(token, block_token.List):
            self._read_list(token)
            return
        if not (_is_heading(token) or isinstance(token, block_token.Paragraph)):
            return
        text = self.plain(token)
        if _is_heading(token) or len(text) <= 40:
            announces, label = _label_of(text)
            self.looks_like_framework |= announces
            if announces or _is_heading(token):
                self._label = label
                return
        if not self.summary and self._label is None:
            self.summary = text

    def plain(self, token: block_token.BlockToken) -> str:
        """A top-level block's text on one line (computed once by the body's parse when it was given)."""
        text = self.texts.get(id(token))
        return " ".join(text.split()) if text is not None else plain(token)

    def _read_list(self, token: block_token.List) -> None:
        items = list(token.children or [])
        if self._label is None:
            if any(_titled(item) for item in items):
                self.looks_like_framework = True
                line = self.offset + token.line_number
                self.warnings.append(
                    _warning(self.path, line, "a list of titled items is not under a Pros or Cons heading")
                )
            return
        for item in items:
            line = self.offset + item.line_number
            titled = _titled(item)
            if titled is None:
                self.warnings.append(_warning(self.path, line, f"{self._label} item is not in the {FORM} form"))
                continue
            title, description = titled
            self.traits.append(TraitEntry(self._label, title, trait_key(title), description, line))


def _titled(item: block_token.ListItem) -> tuple[str, str] | None:
    """The ``(title, description)`` of a ``**Title**: text`` list item, else None."""
    children = list(item.children or [])
    if not children or not isinstance(children[0], block_token.Paragraph):
        return None
    spans = list(children[0].children or [])
    if not spans or not isinstance(spans[0], span_token.Strong):
        return None
    title = plain(spans[0]).rstrip(":").strip()
    rest = "".join(plain_text(span) for span in spans[1:])
    rest = " ".join([rest, *(plain_text(block) for block in children[1:])])
    description = " ".join(rest.split()).lstrip(DASHES).strip()
    return (title, description) if trait_key(title) else None
