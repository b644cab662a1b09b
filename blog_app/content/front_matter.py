"""Split a post into YAML front matter and Markdown body, and validate the fields."""

from __future__ import annotations

import dataclasses
import datetime as dt
import re
from typing import Any

import frontmatter
import yaml
from slugify import slugify

from blog_app.content.diagnostics import ContentError, Diagnostic
from blog_app.content.sanitize import html_tags, is_safe_image_src

# Fields shown to readers as text: markup in them is escaped, never rendered, so the author hears of it.
TEXT_FIELDS = ("title", "author", "description")
KNOWN_FIELDS = frozenset(
    {"title", "author", "date", "description", "image", "slug", "meta", "keywords", "tags", "draft", "updated"}
)
SLUG_PATTERN = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
_YAML = frontmatter.YAMLHandler()


@dataclasses.dataclass(frozen=True)
class FrontMatter:
    """The validated metadata of one post."""

    title: str
    author: str
    published: dt.date
    slug: str
    description: str = ""
    image: str = ""
    keywords: tuple[str, ...] = ()
    draft: bool = False
    updated: dt.date | None = None
    field_lines: dict[str, int] = dataclasses.field(default_factory=dict, compare=False, repr=False)

    def line_of(self, field: str) -> int:
        """The file line where ``field`` was written (1, the opening ``---``, if absent)."""
        return self.field_lines.get(field, 1)


@dataclasses.dataclass(frozen=True)
class SplitPost:
    """A post's raw parts: YAML text, Markdown body and where the body starts."""

    yaml_text: str
    body: str
    body_offset: int


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
        The metadata and any warnings (unknown fields).

    Raises:
        ContentError: Listing every invalid or missing required field.
    """
    data = load_yaml(path, yaml_text)
    fields = _FieldReader(path, yaml_text, data)
    meta = FrontMatter(
        title=fields.text("title", required=True),
        author=fields.text("author", required=True),
        published=fields.date("date", required=True) or dt.date.min,
        slug=fields.slug(default_slug),
        description=fields.text("description"),
        image=fields.image(),
        keywords=fields.keywords(),
        draft=fields.flag("draft"),
        updated=fields.date("updated"),
        field_lines={str(key): fields.line_of(key) for key in data},
    )
    if fields.errors:
        raise ContentError(fields.errors)
    warnings = [
        Diagnostic(path, fields.line_of(key), f"unknown front matter field '{key}' (ignored)", "warning")
        for key in data
        if key not in KNOWN_FIELDS
    ]
    return meta, fields.warnings + _markup_warnings(path, meta, fields) + warnings


def _markup_warnings(path: str, meta: FrontMatter, fields: _FieldReader) -> list[Diagnostic]:
    """A warning per text field holding HTML tags, which readers will see as literal text."""
    warnings = []
    for key in TEXT_FIELDS:
        tags = html_tags(getattr(meta, key))
        if tags:
            listed = ", ".join(f"<{tag}>" for tag in tags)
            reason = f"front matter field '{key}' contains HTML ({listed}); it is shown as text, never as markup"
            warnings.append(Diagnostic(path, fields.line_of(key), reason, "warning"))
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


class _FieldReader:
    """Reads typed fields out of the YAML mapping, collecting errors with lines."""

    def __init__(self, path: str, yaml_text: str, data: dict[str, Any]):
        self.path = path
        self.lines = yaml_text.split("\n")
        self.data = data
        self.errors: list[Diagnostic] = []
        self.warnings: list[Diagnostic] = []

    def line_of(self, key: str) -> int:
        """The file line of a top-level key (line 1 is the opening ``---``)."""
        pattern = re.compile(rf"^{re.escape(str(key))}\s*:")
        for number, line in enumerate(self.lines):
            if pattern.match(line):
                return number + 1
        return 1

    def _fail(self, key: str, reason: str) -> None:
        self.errors.append(Diagnostic(self.path, self.line_of(key), reason))

    def text(self, key: str, required: bool = False) -> str:
        value = self.data.get(key)
        if value is None or (isinstance(value, str) and not value.strip()):
            if required:
                self._fail(key, f"missing required front matter field '{key}'")
            return ""
        if isinstance(value, (dict, list, bool)):
            self._fail(key, f"front matter field '{key}' must be text, not {type(value).__name__}")
            return ""
        return " ".join(str(value).split())

    def date(self, key: str, required: bool = False) -> dt.date | None:
        value = self.data.get(key)
        if value is None:
            if required:
                self._fail(key, f"missing required front matter field '{key}' (YYYY-MM-DD)")
            return None
        if isinstance(value, dt.datetime):
            return value.date()
        if isinstance(value, dt.date):
            return value
        try:
            return dt.date.fromisoformat(str(value).strip()[:10])
        except ValueError:
            self._fail(key, f"front matter field '{key}' is not a valid date: {value!r} (use YYYY-MM-DD)")
            return None

    def image(self) -> str:
        """The cover image: a site path or http(s) URL; anything else is left out with a warning."""
        value = self.text("image")
        if value and not is_safe_image_src(value):
            reason = f"image {value!r} is not a site path or http(s) URL; the post has no cover"
            self.warnings.append(Diagnostic(self.path, self.line_of("image"), reason, "warning"))
            return ""
        return value

    def flag(self, key: str) -> bool:
        value = self.data.get(key, False)
        if not isinstance(value, bool):
            self._fail(key, f"front matter field '{key}' must be true or false, not {value!r}")
            return False
        return value

    def slug(self, default: str) -> str:
        value = self.data.get("slug")
        if value is None:
            return slugify(default) or "post"
        if not isinstance(value, str) or not SLUG_PATTERN.match(value):
            suggestion = slugify(str(value)) or "my-post"
            self._fail("slug", f"slug {value!r} must be lowercase letters, digits and hyphens (try '{suggestion}')")
            return ""
        return value

    def keywords(self) -> tuple[str, ...]:
        """Keywords from ``meta`` (name: keywords) plus ``keywords`` / ``tags``."""
        raw: list[str] = []
        meta = self.data.get("meta") or []
        if not isinstance(meta, list):
            self._fail("meta", "front matter field 'meta' must be a list of {name, content} entries")
            meta = []
        for entry in meta:
            if isinstance(entry, dict) and entry.get("name") == "keywords":
                raw.extend(_split_keywords(entry.get("content")))
        for key in ("keywords", "tags"):
            raw.extend(_split_keywords(self.data.get(key)))
        seen: dict[str, str] = {}
        for keyword in raw:
            seen.setdefault(keyword.casefold(), keyword)
        return tuple(seen.values())


def _split_keywords(value: Any) -> list[str]:
    """Turn a comma-separated (possibly multi-line) string or a list into clean keywords."""
    if value is None:
        return []
    items = value if isinstance(value, list) else str(value).split(",")
    return [" ".join(str(item).split()) for item in items if str(item).strip()]
