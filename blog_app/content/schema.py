"""The front matter as one pydantic model: what each field accepts, its checks, and its documentation.

``FrontMatter.model_validate(fields, context=...)`` turns the YAML mapping of a post into the
validated metadata; its JSON Schema (:func:`json_schema`, ``python -m blog_app schema``) lets
editors check and complete the fields as they are typed, and :func:`fields_table` is the table of
fields in the README. Messages are written for authors: ``front_matter.parse_front_matter`` puts
each in front of the file and line it is about.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Annotated, Any

from pydantic import (
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Field,
    PrivateAttr,
    ValidationInfo,
    WithJsonSchema,
    model_validator,
)
from pydantic_core import PydanticCustomError

from blog_app.content.sanitize import is_safe_image_src
from blog_app.content.slugs import slug as slug_of

SLUG_PATTERN = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
JSON_SCHEMA_DIALECT = "https://json-schema.org/draft/2020-12/schema"


def _text(value: Any) -> str:
    """One line of text: numbers and dates are written as text, lists and mappings are refused."""
    if value is None:
        return ""
    if isinstance(value, (dict, list, bool)):
        raise PydanticCustomError("text_type", "must be text, not {kind}", {"kind": type(value).__name__})
    return " ".join(str(value).split())


def _required_text(value: Any) -> str:
    text = _text(value)
    if not text:
        raise PydanticCustomError("blank", "is empty")
    return text


def _date(value: Any) -> dt.date | None:
    """A YAML date, a date-time (its day), or ISO text such as ``2024-11-04`` or ``2024-11-04T10:00``."""
    if value is None or isinstance(value, dt.date):
        return value.date() if isinstance(value, dt.datetime) else value
    try:
        return dt.date.fromisoformat(str(value).strip()[:10])
    except ValueError:
        raise PydanticCustomError(
            "date", "is not a valid date: {value} (use YYYY-MM-DD)", {"value": repr(value)}
        ) from None


def _required_date(value: Any) -> dt.date:
    day = _date(value)
    if day is None:
        raise PydanticCustomError("blank", "is empty")
    return day


def _flag(value: Any) -> bool:
    if not isinstance(value, bool):
        raise PydanticCustomError("flag", "must be true or false, not {value}", {"value": repr(value)})
    return value


def _image(value: Any, info: ValidationInfo) -> str:
    """A cover image: a site path or http(s) URL; anything else is left out with a warning, not refused."""
    src = _text(value)
    if src and not is_safe_image_src(src):
        reason = f"image {src!r} is not a site path or http(s) URL; the post has no cover"
        if info.context is not None:
            info.context.setdefault("warnings", []).append(("image", reason))
        return ""
    return src


def _slug(value: Any, info: ValidationInfo) -> str:
    """The slug as written, or the file name's slug when none is given."""
    if value is None:
        default = (info.context or {}).get("default_slug", "")
        return slug_of(default) or "post"
    if not isinstance(value, str) or not SLUG_PATTERN.match(value):
        suggestion = slug_of(str(value)) or "my-post"
        raise PydanticCustomError(
            "slug",
            "slug {value} must be lowercase letters, digits and hyphens (try '{suggestion}')",
            {"value": repr(value), "suggestion": suggestion},
        )
    return value


def _meta_entries(value: Any) -> list[Any]:
    if not value:  # an empty value (``meta:``, ``meta: ''``) has no entries
        return []
    if not isinstance(value, list):
        raise PydanticCustomError("meta", "must be a list of {entries} entries", {"entries": "{name, content}"})
    return value


def split_keywords(value: Any) -> list[str]:
    """Keywords from a list or a comma-separated (possibly multi-line) text, each on one line.

    Args:
        value: What the author wrote (anything YAML can hold).

    Returns:
        The non-empty keywords in order.
    """
    if value is None:
        return []
    items = value if isinstance(value, list) else str(value).split(",")
    return [" ".join(str(item).split()) for item in items if str(item).strip()]


TEXT_SCHEMA = {"type": "string"}
KEYWORDS_SCHEMA = {"anyOf": [{"type": "string"}, {"type": "array", "items": {"type": "string"}}]}
META_SCHEMA = {
    "type": "array",
    "items": {
        "type": "object",
        "properties": {"name": {"type": "string"}, "content": KEYWORDS_SCHEMA},
        "required": ["name", "content"],
    },
}
Text = Annotated[str, BeforeValidator(_text), WithJsonSchema(TEXT_SCHEMA)]
RequiredText = Annotated[str, BeforeValidator(_required_text), WithJsonSchema({**TEXT_SCHEMA, "minLength": 1})]
Day = Annotated[dt.date, BeforeValidator(_required_date)]
OptionalDay = Annotated[dt.date | None, BeforeValidator(_date), WithJsonSchema({"type": "string", "format": "date"})]
Keywords = Annotated[tuple[str, ...], BeforeValidator(split_keywords), WithJsonSchema(KEYWORDS_SCHEMA)]


class FrontMatter(BaseModel):
    """The front matter of a post: the YAML block between the two --- lines at the top of the file."""

    model_config = ConfigDict(
        title="Post front matter",
        frozen=True,
        extra="ignore",  # unknown fields are reported as warnings by the parser, never refused
        validate_by_name=True,
        validate_by_alias=True,
        json_schema_extra={"additionalProperties": False},  # editors underline a misspelt field
    )

    title: RequiredText = Field(description="The post's title: its page heading, tab title and link previews.")
    author: RequiredText = Field(description="Who wrote the post, shown in the byline.")
    published: Day = Field(
        alias="date",
        description="The publication date, YYYY-MM-DD. A date after today (in BLOG_TIMEZONE) schedules the post.",
    )
    slug: Annotated[str, BeforeValidator(_slug)] = Field(
        default=None,
        validate_default=True,
        pattern=SLUG_PATTERN.pattern,
        description="The post's address after /blog/: lowercase letters, digits and hyphens. Default: the file name.",
        json_schema_extra=lambda schema: schema.pop("default", None),  # no slug written: the file name's
    )
    description: Text = Field(default="", description="One sentence for the index, link previews and feeds.")
    image: Annotated[str, BeforeValidator(_image), WithJsonSchema(TEXT_SCHEMA)] = Field(
        default="", description="The cover image: a file under assets/ (/blog/cover.webp) or an http(s) URL."
    )
    meta: Annotated[list[Any], BeforeValidator(_meta_entries), WithJsonSchema(META_SCHEMA)] = Field(
        default_factory=list,
        description="HTML meta entries as {name, content}; the one named keywords adds its comma-separated keywords.",
    )
    keywords: Keywords = Field(
        default=(), description="Keywords, as a list or comma-separated text; with tags and meta keywords, no repeats."
    )
    tags: Keywords = Field(default=(), description="More keywords, as a list or comma-separated text.")
    draft: Annotated[bool, BeforeValidator(_flag)] = Field(
        default=False, description="true hides the post from readers (shown with a banner under reflex run)."
    )
    updated: OptionalDay = Field(
        default=None, description="The date of the last real change, YYYY-MM-DD (feeds and the sitemap show it)."
    )

    _field_lines: dict[str, int] = PrivateAttr(default_factory=dict)

    @model_validator(mode="before")
    @classmethod
    def _gather_keywords(cls, data: Any) -> Any:
        """``keywords`` holds every keyword: a ``meta`` keywords entry's, then ``keywords``, then ``tags``."""
        if not isinstance(data, dict):
            return data
        raw: list[str] = []
        for entry in data.get("meta") if isinstance(data.get("meta"), list) else []:
            if isinstance(entry, dict) and entry.get("name") == "keywords":
                raw += split_keywords(entry.get("content"))
        raw += split_keywords(data.get("keywords")) + split_keywords(data.get("tags"))
        unique: dict[str, str] = {}
        for keyword in raw:
            unique.setdefault(keyword.casefold(), keyword)
        return {**data, "keywords": list(unique.values())}

    def line_of(self, field: str) -> int:
        """The file line where ``field`` was written (1, the opening ``---``, when it is absent)."""
        return self._field_lines.get(field, 1)

    def with_lines(self, lines: dict[str, int]) -> FrontMatter:
        """This metadata, knowing the file line of each field as written (for messages about it)."""
        self._field_lines = dict(lines)
        return self


def field_names() -> list[str]:
    """The fields as authors write them (``date``, not ``published``), in the model's order."""
    return [field.alias or name for name, field in FrontMatter.model_fields.items()]


def json_schema() -> dict[str, Any]:
    """The front matter's JSON Schema (draft 2020-12), as editors read it."""
    return {"$schema": JSON_SCHEMA_DIALECT, **FrontMatter.model_json_schema(by_alias=True)}


def fields_table() -> str:
    """The README's table of front matter fields, one row per field of the model."""
    schema = json_schema()
    rows = ["| field | required | what it holds |", "| --- | --- | --- |"]
    for name in field_names():
        required = "yes" if name in schema["required"] else "no"
        rows.append(f"| `{name}` | {required} | {schema['properties'][name]['description']} |")
    return "\n".join(rows)
