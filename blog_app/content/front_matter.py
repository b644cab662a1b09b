"""Split a post into YAML front matter and Markdown body, and validate the fields (``schema.FrontMatter``)."""

from __future__ import annotations

import dataclasses
import datetime as dt
import difflib
import re
from typing import Any

import frontmatter
import yaml
from pydantic import ValidationError

from blog_app.content.diagnostics import ContentError, Diagnostic
from blog_app.content.sanitize import html_tags
from blog_app.content.schema import FrontMatter, field_names

# Fields shown to readers as text: markup in them is escaped, never rendered, so the author hears of it.
TEXT_FIELDS = ("title", "author", "description")
KNOWN_FIELDS = tuple(field_names())
_TOP_LEVEL_KEY = re.compile(r"^([^\s#:][^:]*?)\s*:")
_YAML = frontmatter.YAMLHandler()

__all__ = ["FrontMatter", "SplitPost", "decode_post", "load_yaml", "parse_front_matter", "split_front_matter"]


@dataclasses.dataclass(frozen=True)
class SplitPost:
    """A post's raw parts: YAML text, Markdown body and where the body starts."""

    yaml_text: str
    body: str
    body_offset: int


def decode_post(path: str, data: bytes) -> str:
    """Decode file bytes as UTF-8 (a leading BOM is allowed).

    Raises:
        ContentError: Naming the line of the first byte that is not UTF-8.
    """
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        raise ContentError(
            [Diagnostic(path, line, f"file is not UTF-8 text (byte {data[exc.start]:#04x} at offset {exc.start})")]
        ) from None


def split_front_matter(path: str, text: str) -> SplitPost:
    """Separate the ``---`` delimited YAML block from the Markdown body.

    Args:
        path: The file name, for error messages.
        text: The whole file.

    Returns:
        The parts; ``body_offset`` is the number of lines before the body.

    Raises:
        ContentError: If the file is empty or has no front matter block.
    """
    if not text.strip():
        raise ContentError([Diagnostic(path, 1, "file is empty")])
    if not _YAML.detect(text):
        raise ContentError(
            [
                Diagnostic(
                    path, 1, "missing front matter: start the file with a '---' block holding title, author and date"
                )
            ]
        )
    try:
        yaml_text, body = _YAML.split(text)
    except ValueError:
        raise ContentError([Diagnostic(path, 1, "front matter is not closed: add a '---' line after it")]) from None
    offset = text[: len(text) - len(body)].count("\n")
    return SplitPost(yaml_text=yaml_text, body=body, body_offset=offset)


def load_yaml(path: str, yaml_text: str) -> dict[str, Any]:
    """Parse the front matter YAML safely (no tags that build objects).

    Raises:
        ContentError: With the line of the YAML problem.
    """
    try:
        data = _YAML.load(yaml_text)
    except yaml.MarkedYAMLError as exc:
        # The context mark is where the unfinished construct began: the line to fix.
        mark = exc.context_mark or exc.problem_mark
        line = mark.line + 1 if mark else 1
        reason = " ".join(filter(None, [exc.problem, exc.context]))
        raise ContentError([Diagnostic(path, line, f"invalid YAML in front matter: {reason}")]) from None
    except (yaml.YAMLError, ValueError) as exc:
        # PyYAML raises a bare ValueError for impossible dates such as 2024-02-30.
        line = _line_of_value_error(yaml_text)
        raise ContentError([Diagnostic(path, line, f"invalid value in front matter: {exc}")]) from None
    if data is None:
        data = {}
    if not isinstance(data, dict):
        raise ContentError([Diagnostic(path, 2, "front matter must be a mapping of 'field: value' lines")])
    return data


def parse_front_matter(path: str, yaml_text: str, default_slug: str) -> tuple[FrontMatter, list[Diagnostic]]:
    """Validate the front matter fields of one post.

    Args:
        path: The file name, for error messages.
        yaml_text: The YAML between the ``---`` lines.
        default_slug: The slug to use when the front matter has none (the file stem).

    Returns:
        The metadata and any warnings (unknown fields, markup in text, an unusable cover image).

    Raises:
        ContentError: Listing every invalid or missing required field, each at its line.
    """
    data = load_yaml(path, yaml_text)
    lines = _key_lines(yaml_text)
    context: dict[str, Any] = {"default_slug": default_slug, "warnings": []}
    try:
        meta = FrontMatter.model_validate(data, context=context).with_lines(lines)
    except ValidationError as error:
        raise ContentError([_error(path, details, lines) for details in error.errors()]) from None
    warnings = [Diagnostic(path, lines.get(key, 1), reason, "warning") for key, reason in context["warnings"]]
    return meta, warnings + _markup_warnings(path, meta) + _unknown_fields(path, data, lines)


def _error(path: str, details: Any, lines: dict[str, int]) -> Diagnostic:
    """One pydantic error as ``path:line: reason``, the reason in the words authors read elsewhere."""
    key = str(details["loc"][0]) if details["loc"] else ""
    if details["type"] in ("missing", "blank"):
        reason = f"missing required front matter field '{key}'" + (" (YYYY-MM-DD)" if key == "date" else "")
    elif details["type"] == "slug":
        reason = details["msg"]
    else:
        reason = f"front matter field '{key}' {details['msg']}"
    return Diagnostic(path, lines.get(key, 1), reason)


def _unknown_fields(path: str, data: dict[Any, Any], lines: dict[str, int]) -> list[Diagnostic]:
    """A warning per field the model does not know, naming the known field it most looks like."""
    warnings = []
    for key in data:
        if key in KNOWN_FIELDS:
            continue
        close = difflib.get_close_matches(str(key), KNOWN_FIELDS, n=1)
        hint = f"did you mean '{close[0]}'?" if close else "known fields: " + ", ".join(KNOWN_FIELDS)
        reason = f"unknown front matter field '{key}' (ignored; {hint})"
        warnings.append(Diagnostic(path, lines.get(str(key), 1), reason, "warning"))
    return warnings


def _key_lines(yaml_text: str) -> dict[str, int]:
    """The file line of each top-level key (line 1 is the opening ``---``), first occurrence."""
    lines: dict[str, int] = {}
    for number, line in enumerate(yaml_text.split("\n")):
        match = _TOP_LEVEL_KEY.match(line)
        if match:
            lines.setdefault(match.group(1), number + 1)
    return lines


def _markup_warnings(path: str, meta: FrontMatter) -> list[Diagnostic]:
    """A warning per text field holding HTML tags, which readers will see as literal text."""
    warnings = []
    for key in TEXT_FIELDS:
        tags = html_tags(getattr(meta, key))
        if tags:
            listed = ", ".join(f"<{tag}>" for tag in tags)
            reason = f"front matter field '{key}' contains HTML ({listed}); it is shown as text, never as markup"
            warnings.append(Diagnostic(path, meta.line_of(key), reason, "warning"))
    return warnings


def _line_of_value_error(yaml_text: str) -> int:
    """The line of the impossible date PyYAML rejected without saying where."""
    for number, line in enumerate(yaml_text.split("\n")):
        for match in re.finditer(r"\b(\d{4})-(\d{1,2})-(\d{1,2})\b", line):
            try:
                dt.date(*(int(part) for part in match.groups()))
            except ValueError:
                return number + 1
    return 1
