"""Reflex configuration: SQLite by default, PostgreSQL / Redis when the environment says so."""

import os
import pathlib

import reflex as rx

from blog_app.core import database_file, run_mode, settings
from blog_app.html_first.deferred_start import DeferredStart
from blog_app.seo.critical_css_plugin import CriticalCssPlugin
from blog_app.seo.titles import ShellTitle

# The setup scripts install bun and Node here when the machine lacks them; putting them on PATH
# lets a plain `reflex run` work after setup without reflex trying to download bun itself.
_LOCAL_JS_BIN = pathlib.Path(__file__).resolve().parent / ".tools" / "js" / "node_modules" / ".bin"
if _LOCAL_JS_BIN.is_dir() and str(_LOCAL_JS_BIN) not in os.environ.get("PATH", "").split(os.pathsep):
    os.environ["PATH"] = f"{_LOCAL_JS_BIN}{os.pathsep}{os.environ.get('PATH', '')}"

# Public addresses, passed on only when set. API_URL: where browsers reach the backend, baked into
# the frontend build (unset: the page's own host on the backend port, Reflex's default).
# DEPLOY_URL: the site's public address, for absolute links.
_PUBLIC_URLS = {
    field: value
    for field, value in (("api_url", settings.api_url()), ("deploy_url", os.environ.get("DEPLOY_URL", "").strip()))
    if value
}

# Saved posts are picked up by blog_app.publishing.watcher (one incremental ingest, no restart), so the
# backend's hot reload must not restart the server for them. It only watches the project's top-level
# folders, so only a content folder directly in the project needs leaving out.
_CONTENT_DIR = settings.content_dir()
if _CONTENT_DIR.parent == settings.PROJECT_ROOT and _CONTENT_DIR.is_dir():
    _excluded = [path for path in os.environ.get("REFLEX_HOT_RELOAD_EXCLUDE_PATHS", "").split(":") if path]
    if str(_CONTENT_DIR) not in _excluded:
        os.environ["REFLEX_HOT_RELOAD_EXCLUDE_PATHS"] = ":".join([*_excluded, str(_CONTENT_DIR)])

# Every reflex command loads this file first, before Reflex's own schema check opens the database:
# the default SQLite folder is created here, any other checked (one line, not a traceback), and
# a SQLite file that does not exist yet starts with the current schema, so `reflex run` works on
# a fresh checkout without `python -m blog_app ingest` first.
try:
    if database_file.prepare_location(settings.database_url()):
        from blog_app.publishing.startup import migrate

        migrate()
except database_file.DatabaseLocationError as error:
    raise SystemExit(f"error: {error}") from None

# Tab states: in Redis when REDIS_URL names one. Without it they live in the process's memory; in
# production Reflex's default "disk" manager also pickles every changed tab to .states/ every 2 s,
# a twentieth of the server's time per event (python -m bench.ws_load), only so that a graceful
# restart without Redis keeps them; after any restart a tab now starts afresh from its URL, as it
# did after a crash (docs/deploy.md). In development the disk copy keeps an author's tabs across
# the backend's hot reloads.
_REDIS_URL = os.environ.get("REDIS_URL") or None
_STATE_MANAGER = "redis" if _REDIS_URL else ("disk" if run_mode.is_development() else "memory")
# In the process's memory a tab's state (about 20-40 kB) stayed an hour after its last event, closed
# tab or not. A quarter of an hour bounds what readers who left cost; a tab that acts after it
# finds a fresh state, which Reflex first loads from the page's URL (its on_load handlers).
_TAB_STATE_SECONDS = {} if _REDIS_URL else {"redis_token_expiration": 15 * 60}

config = rx.Config(
    app_name="blog_app",
    db_url=settings.database_url(),
    redis_url=_REDIS_URL,
    state_manager_mode=_STATE_MANAGER,
    **_TAB_STATE_SECONDS,
    telemetry_enabled=False,
    show_built_with_reflex=False,
    plugins=[
        rx.plugins.RadixThemesPlugin(
            theme=rx.theme(accent_color="iris", gray_color="slate", radius="large", has_background=True)
        ),
        # Every production build also writes the critical CSS that first responses inline.
        CriticalCssPlugin(),
        # The client shell (and so the 404 page Reflex copies from it) gets a <title>: valid HTML.
        ShellTitle(),
        # The shell starts the app after the page it holds has loaded and painted.
        DeferredStart(),
    ],
    disable_plugins=[rx.plugins.SitemapPlugin],
    **_PUBLIC_URLS,
)
