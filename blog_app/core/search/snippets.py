"""Snippets: the passage of a result around its matches, as plain text parts marked or not (pure).

The databases return passages with the matches between two private-use characters; here they
become typed parts the page renders as ``<mark>`` and text. Nothing is HTML: React escapes every
part, so a post's text can never become markup.
"""

from __future__ import annotations

import dataclasses
import re

START_MARK = "\ue000"
END_MARK = "\ue001"
SNIPPET_WORDS = 24
_MARKED = re.compile(f"{START_MARK}(.*?){END_MARK}", re.DOTALL)
_MARKS = str.maketrans("", "", START_MARK + END_MARK)


@dataclasses.dataclass
class SnippetPart:
    """A run of snippet text; ``hit`` when it is a word the search matched."""

    text: str = ""
    hit: bool = False


def without_marks(text: str) -> str:
    """``text`` with the two mark characters removed (ingest strips them from what it indexes)."""
    if START_MARK in text or END_MARK in text:  # a search is much faster than a translation
        return text.translate(_MARKS)
    return text


def snippet_parts(marked: str) -> list[SnippetPart]:
    """Split a marked passage into parts, whitespace collapsed; adjacent hits merge (``Django REST``)."""
    text = " ".join(marked.split())
    parts: list[SnippetPart] = []
    position = 0
    for match in _MARKED.finditer(text):
        _append(parts, text[position : match.start()], False)
        _append(parts, match.group(1), True)
        position = match.end()
    _append(parts, text[position:], False)
    return parts


def best_snippet(passages: list[str | None]) -> list[SnippetPart]:
    """The parts of the first passage that shows a match, or none when no passage does."""
    for passage in passages:
        parts = snippet_parts(passage or "")
        if any(part.hit for part in parts):
            return parts
    return []


def _append(parts: list[SnippetPart], text: str, hit: bool) -> None:
    text = without_marks(text)
    if not text:
        return
    if parts and parts[-1].hit and hit:
        parts[-1].text += text
    elif parts and hit and parts[-1].text == " " and len(parts) > 1 and parts[-2].hit:
        parts.pop()
        parts[-1].text += " " + text
    else:
        parts.append(SnippetPart(text, hit))
