"""What operators run: ``reflex export``, what ``reflex deploy`` uploads, and ``reflex run --env prod``.

Every build runs in a copy of the project (``project_copy``), as an operator's checkout would.
"""

from __future__ import annotations

import importlib.metadata
import subprocess
import sys
import zipfile

from packaging.requirements import Requirement
from selenium.webdriver.common.by import By

from blog_app.core import settings
from harness import services
from harness.app_process import app_environment, free_port, running
from harness.browser import assert_page_is_clean, body_text, new_driver, wait_for
from harness.reflex_client import POST_STATE, load_page
from tests.support.fixture_posts import SEED_SLUG, SEED_TEXT, SEED_TITLE
from tests.support.pages import wait_until_react_renders

# What the backend needs on a server: the app, its config, migrations, posts and pinned packages.
BACKEND_FILES = {
    "rxconfig.py",
    "requirements.txt",
    "requirements/app.txt",
    "alembic.ini",
    "alembic/env.py",
    "alembic/versions/0001_create_posts_and_keywords.py",
    f"content/{SEED_SLUG}.md",
    "blog_app/blog_app.py",
    "blog_app/publishing/startup.py",
}


def test_reflex_export_builds_the_pages_for_the_public_address(project_copy):
    env = app_environment(API_URL="https://api.blog.example")
    result = subprocess.run(
        [sys.executable, "-m", "reflex", "export"],
        cwd=project_copy,
        env=env,
        capture_output=True,
        text=True,
        timeout=600,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    with zipfile.ZipFile(project_copy / "frontend.zip") as frontend:
        names = set(frontend.namelist())
        # "/" is prerendered; /blog/<slug> is one dynamic route, served by the SPA fallback shell.
        assert {"index.html", "404.html", "__spa-fallback.html", "favicon.ico"} <= names
        assert f"<title>{settings.site_name()}</title>" in frontend.read("index.html").decode()
        scripts = b"".join(frontend.read(name) for name in names if name.endswith(".js"))
    assert b"wss://api.blog.example/_event" in scripts, "browsers must reach the backend at API_URL"
    with zipfile.ZipFile(project_copy / "backend.zip") as backend:
        missing = BACKEND_FILES - set(backend.namelist())
    assert not missing, f"backend.zip lacks {sorted(missing)}"


def pinned(requirements_file) -> list[Requirement]:
    """Every requirement of ``requirements_file`` for this Python, following ``-r`` includes."""
    found = []
    for line in requirements_file.read_text().splitlines():
        line = line.split("#")[0].strip().removesuffix("\\").strip()
        if line.startswith("-r "):
            found += pinned(requirements_file.parent / line[3:].strip())
        elif line and not line.startswith("--"):
            requirement = Requirement(line)
            if requirement.marker is None or requirement.marker.evaluate():
                found.append(requirement)
    return found


def test_deploy_installs_the_packages_the_tests_run(project_copy):
    # Reflex Cloud installs the backend with pip from requirements.txt at the top of the bundle.
    requirements = pinned(project_copy / "requirements.txt")
    names = {requirement.name for requirement in requirements}
    assert {"reflex", "sqlmodel", "alembic", "psycopg", "psycopg-binary", "redis", "granian"} <= names
    for requirement in requirements:
        version = importlib.metadata.version(requirement.name)
        assert requirement.specifier.contains(version), f"{requirement} but {version} is installed"


def test_run_env_prod_serves_site_and_backend_on_one_port(project_copy, redis_url, chromium, tmp_path):
    with services.throwaway_database("prod") as url:
        # The URL as SQLAlchemy spells it (the other tests give postgres:// and postgresql://).
        env = app_environment(DATABASE_URL=settings.normalize_database_url(url), REDIS_URL=redis_url)
        command = ["run", "--env", "prod", "--frontend-port", str(free_port())]
        with running([command], env, project_copy, tmp_path, timeout=600) as (app,):
            home = app.get("/")
            assert home.status_code == 200 and f"<title>{settings.site_name()}</title>" in home.text
            shell = app.get(f"/blog/{SEED_SLUG}")
            assert shell.status_code == 200 and "<html" in shell.text
            assert app.get("/_health").json() == {"status": True, "db": True, "redis": True}
            post = load_page(app.url, f"/blog/{SEED_SLUG}", {"slug": SEED_SLUG})
            services.delete_redis_keys([post.token])
            assert post.state[POST_STATE]["post"]["title"] == SEED_TITLE
            services.delete_redis_keys([read_the_seed_in_a_browser(app.url)])


def read_the_seed_in_a_browser(url: str) -> str:
    """Open the home page in Chromium, follow the seed post's link and read it; return the tab's token."""
    browser = new_driver()
    try:
        browser.get(url)
        wait_until_react_renders(browser)  # React replaces the server's copy of the page (and its links)
        link = wait_for(lambda: browser.find_element(By.LINK_TEXT, SEED_TITLE), message="the seed post link")
        assert_page_is_clean(browser)
        link.click()
        wait_for(lambda: SEED_TEXT in body_text(browser), message="the post text")
        assert browser.current_url == f"{url}/blog/{SEED_SLUG}"
        assert "Elvis Kahoro" in body_text(browser)
        assert_page_is_clean(browser)
        return browser.execute_script("return window.sessionStorage.getItem('token')")
    finally:
        browser.quit()
