"""A newcomer's clone: every command the README and docs/deploy.md name, run as written, serves or exits as documented.

Each test starts from its own fresh ``git clone`` (harness/checkout.py), set up as a setup
command leaves it (``.venv`` and ``.tools``, nothing else: no ``.data/``, no build), so no
command can lean on another having run first. The environment is what ``source
.venv/bin/activate`` gives.
"""

from __future__ import annotations

import datetime as dt
import re
import sqlite3
import zipfile

import feedparser
import httpx
import lxml.html
import pytest
from alembic.config import Config
from alembic.script import ScriptDirectory

from blog_app.content import parse_post
from blog_app.content.front_matter import FrontMatter
from blog_app.core import settings
from harness import checkout
from harness.app_process import free_port
from harness.browser import wait_for
from harness.reflex_client import POST_STATE, load_page
from tests.support.folders import unwritable_folder

SITE_NAME = settings.site_name()
START_TIMEOUT = 600  # a production build on a busy 2-core machine


@pytest.fixture
def clone(tmp_path):
    """A fresh clone of the project in ``tmp_path/blog_app``."""
    return checkout.fresh_clone(tmp_path / "blog_app")


@pytest.fixture(scope="module")
def untouched_clone(tmp_path_factory):
    """One clone for commands that must change nothing (they refuse to start)."""
    return checkout.fresh_clone(tmp_path_factory.mktemp("untouched") / "blog_app")


@pytest.fixture
def post(clone) -> FrontMatter:
    """A post of the clone's content/ that readers see (read with the parser, not the app being tested)."""
    today = dt.date.today()
    for path in sorted((clone / "content").glob("*.md")):
        meta = parse_post(path.name, path.read_bytes()).meta
        if not meta.draft and meta.published <= today:
            return meta
    raise AssertionError("content/ ships no published post")


@pytest.fixture
def env(clone):
    """The environment of a shell in the clone after ``source .venv/bin/activate``."""
    return checkout.activated_environment(clone)


def page_title(html: str) -> str:
    return lxml.html.document_fromstring(html).findtext(".//title")


def feed_titles(app) -> list[str]:
    return [entry.title for entry in feedparser.parse(app.get("/rss.xml").content).entries]


def finished(command: list[str], clone, env, expect: int = 0) -> str:
    """Run ``command`` in the clone; check its exit status; its output."""
    result = checkout.run(command, clone, env)
    assert result.returncode == expect, f"{' '.join(command)} exited {result.returncode}:\n{result.stdout[-4000:]}"
    return result.stdout


def test_scripts_test_then_reflex_run_env_prod_serves_the_site(clone, env, post, tmp_path):
    # `scripts/test` sets up and runs pytest (a subset: the whole suite would run this test again).
    assert " passed" in finished(["scripts/test", "tests/unit/posts/test_index_params.py", "-q"], clone, env)
    assert not (clone / ".data").exists(), "the setup command must leave the database to the app"
    port = free_port()
    app = checkout.serve(
        [".venv/bin/reflex", "run", "--env", "prod", "--frontend-port", str(port)],
        clone,
        env,
        port,
        tmp_path / "app.log",
    )
    try:
        app.wait_until_healthy(START_TIMEOUT)
        home = app.get("/")
        assert home.status_code == 200 and f"<title>{SITE_NAME}</title>" in home.text
        page = app.get(f"/blog/{post.slug}")
        assert page.status_code == 200 and page_title(page.text) == f"{post.title} · {SITE_NAME}"
        explorer = app.get("/frameworks")
        assert (explorer.status_code, explorer.headers["location"]) == (308, "/frameworks/")
        assert post.title in feed_titles(app)
        assert "Traceback" not in app.log() and "reflex db migrate" not in app.log(), app.log()
    finally:
        app.stop()


@pytest.mark.parametrize("program", [[".venv/bin/reflex", "run"], ["scripts/run"]], ids=["reflex-run", "scripts-run"])
def test_development_serves_pages_and_backend(clone, env, post, tmp_path, program):
    frontend, backend = free_port(), free_port()
    command = [*program, "--frontend-port", str(frontend), "--backend-port", str(backend)]
    app = checkout.serve(command, clone, env, backend, tmp_path / "dev.log")
    try:
        app.wait_until_healthy(START_TIMEOUT)
        page = wait_for(
            lambda: (lambda r: r if r.status_code == 200 else None)(httpx.get(f"http://127.0.0.1:{frontend}/")),
            timeout=START_TIMEOUT,
            message="the development server's pages",
        )
        assert f'title="{SITE_NAME} (RSS)"' in page.text
        assert post.title in feed_titles(app)  # in development the backend serves the feeds
        tab = load_page(app.url, f"/blog/{post.slug}", {"slug": post.slug})
        assert tab.state[POST_STATE]["post"]["title"] == post.title
        assert "Traceback" not in app.log(), app.log()
    finally:
        app.stop()


def test_reflex_export_writes_both_archives(clone, env):
    finished([".venv/bin/reflex", "export"], clone, env)
    with zipfile.ZipFile(clone / "frontend.zip") as frontend:
        assert f"<title>{SITE_NAME}</title>" in frontend.read("index.html").decode()
    with zipfile.ZipFile(clone / "backend.zip") as backend:
        names = set(backend.namelist())
    posts = {f"content/{path.name}" for path in (clone / "content").glob("*.md")}
    assert {"rxconfig.py", "requirements.txt", *posts} <= names
    assert not any(name.startswith(".data/") for name in names)


# What `reflex deploy` runs before uploading (reflex/hosting.py, reflex_cli/v2/cli.py): the backend
# exported on its own, for the addresses the service assigns.
EXPORT_FOR_DEPLOY = """
import sys
from reflex.hosting import export_for_deploy, prepare_deploy
prepare_deploy()
export_for_deploy(zip_dest_dir=sys.argv[1], api_url="https://api.blog.example", deploy_url="https://blog.example",
                  frontend=False, backend=True, upload_db_file=False, zipping=True)
"""


def test_what_reflex_deploy_runs_on_the_host_serves_the_backend(clone, env, post, tmp_path):
    finished([".venv/bin/python", "-c", EXPORT_FOR_DEPLOY, str(tmp_path)], clone, env)
    # The host: the bundle unpacked in an empty folder, requirements.txt installed (the pins are this
    # checkout's .venv, test_production_build.py checks), the backend started in production.
    host = tmp_path / "host"
    with zipfile.ZipFile(tmp_path / "backend.zip") as bundle:
        bundle.extractall(host)
    host_env = checkout.activated_environment(clone)
    port = free_port()
    command = [str(clone / ".venv/bin/reflex"), "run", "--env", "prod", "--backend-only", "--backend-port", str(port)]
    app = checkout.serve(command, host, host_env, port, tmp_path / "host.log")
    try:
        app.wait_until_healthy(START_TIMEOUT)
        assert app.get("/_health").json() == {"status": True, "db": True}
        assert post.title in feed_titles(app)
        tab = load_page(app.url, f"/blog/{post.slug}", {"slug": post.slug})
        assert tab.state[POST_STATE]["post"]["title"] == post.title
        assert (host / ".data" / "blog.db").is_file()
    finally:
        app.stop()


@pytest.mark.parametrize(
    ("command", "output"),
    [
        (["alembic", "upgrade", "head"], r"Running upgrade \S* -> \w+"),
        (["python", "-m", "blog_app", "ingest"], r"ingest: [1-9]\d* loaded, 0 unchanged, 0 removed, 0 failed"),
        (["python", "-m", "blog_app", "check"], r"check: [1-9]\d* posts, 0 problems"),
        (["python", "-m", "blog_app", "new", "My post"], r"content/my-post\.md"),
    ],
    ids=["alembic", "ingest", "check", "new"],
)
def test_each_content_and_database_command_works_first(clone, env, command, output):
    assert re.search(output, finished([".venv/bin/" + command[0], *command[1:]], clone, env))
    if command[-1] in ("head", "ingest"):
        with sqlite3.connect(clone / ".data" / "blog.db") as db:
            [(revision,)] = db.execute("SELECT version_num FROM alembic_version").fetchall()
        assert revision == head_revision()


def head_revision() -> str:
    """The newest migration, as alembic names it."""
    config = Config(str(settings.PROJECT_ROOT / "alembic.ini"))
    return ScriptDirectory.from_config(config).get_current_head()


@pytest.mark.parametrize(
    "command",
    [
        ["reflex", "run", "--env", "prod"],
        ["reflex", "run"],
        ["reflex", "export"],
        ["python", "-m", "blog_app", "ingest"],
        ["alembic", "upgrade", "head"],
    ],
    ids=["run-prod", "run-dev", "export", "ingest", "alembic"],
)
@pytest.mark.parametrize("where", ["missing", "unwritable"])
def test_a_database_folder_that_cannot_be_used_gets_one_line_not_a_traceback(untouched_clone, tmp_path, command, where):
    folder = tmp_path / "no" / "such" / "folder" if where == "missing" else unwritable_folder(tmp_path)
    database = folder / "blog.db"
    env = checkout.activated_environment(untouched_clone, DATABASE_URL=f"sqlite:///{database}")
    result = checkout.run([".venv/bin/" + command[0], *command[1:]], untouched_clone, env, timeout=120)
    lines = result.stdout.strip().splitlines()
    assert result.returncode != 0
    assert len(lines) == 1, result.stdout
    assert lines[0].startswith("error: ") and str(database) in lines[0]
    assert ("mkdir -p" if where == "missing" else "cannot write") in lines[0]
    assert not folder.exists() or where == "unwritable"
    assert not (untouched_clone / ".web").exists() and not (untouched_clone / ".data").exists()
