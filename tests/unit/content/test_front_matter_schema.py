"""The front matter model as authors and editors see it: its JSON Schema, the README's table, the CLI."""

from __future__ import annotations

import json
import subprocess
import sys

from blog_app.content.schema import FrontMatter, field_names, fields_table, json_schema
from blog_app.core import settings


def test_the_schema_names_every_field_as_authors_write_it():
    schema = json_schema()
    assert list(schema["properties"]) == field_names()
    assert field_names()[:3] == ["title", "author", "date"] and "published" not in schema["properties"]
    assert schema["required"] == ["title", "author", "date"]
    assert schema["additionalProperties"] is False  # an editor underlines a misspelt field
    assert schema["properties"]["date"] == {**schema["properties"]["date"], "type": "string", "format": "date"}
    assert schema["properties"]["draft"]["type"] == "boolean"
    assert schema["properties"]["slug"]["pattern"] == "^[a-z0-9]+(?:-[a-z0-9]+)*$"
    assert {"type": "string"} in schema["properties"]["keywords"]["anyOf"]
    assert all(prop.get("description") for prop in schema["properties"].values())


def test_the_readme_table_is_the_models():
    readme = (settings.PROJECT_ROOT / "README.md").read_text(encoding="utf-8")
    start = readme.index("<!-- front matter fields: blog_app/content/schema.py -->\n") + len(
        "<!-- front matter fields: blog_app/content/schema.py -->\n"
    )
    table = readme[start : readme.index("\n<!-- end of front matter fields -->")]
    assert table == fields_table(), "paste the output of blog_app.content.schema.fields_table() into the README"


def test_the_model_builds_metadata_by_field_name_too():
    meta = FrontMatter(title="T", author="A", published="2024-01-02", tags="a, b")
    assert (meta.published.isoformat(), meta.slug, meta.keywords, meta.line_of("title")) == (
        "2024-01-02",
        "post",
        ("a", "b"),
        1,
    )


def test_schema_command_prints_the_schema_importing_neither_reflex_nor_a_database():
    code = (
        "import contextlib, io, json, sys\n"
        "from blog_app.cli import main\n"
        "out = io.StringIO()\n"
        "with contextlib.redirect_stdout(out):\n"
        "    status = main(['schema'])\n"
        "heavy = sorted(m for m in sys.modules if m.split('.')[0] in ('reflex', 'sqlalchemy', 'sqlmodel'))\n"
        "print(json.dumps({'status': status, 'schema': json.loads(out.getvalue()), 'heavy': heavy}))\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], cwd=settings.PROJECT_ROOT, capture_output=True, text=True, timeout=60
    )
    report = json.loads(result.stdout)
    assert (report["status"], report["heavy"]) == (0, [])
    assert report["schema"] == json.loads(json.dumps(json_schema()))


def test_schema_command_writes_json_an_editor_can_load():
    result = subprocess.run(
        [sys.executable, "-m", "blog_app", "schema"],
        cwd=settings.PROJECT_ROOT,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode == 0
    schema = json.loads(result.stdout)
    assert schema["$schema"] == "https://json-schema.org/draft/2020-12/schema"
    assert schema["title"] == "Post front matter"
