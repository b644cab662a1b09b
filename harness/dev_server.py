"""A real ``reflex run`` (development mode unless told otherwise) with its frontend, on free ports."""

from __future__ import annotations

import contextlib
import pathlib
import time
import urllib.request

import psutil

from blog_app.core import settings
from harness.app_process import AppProcess, app_environment, free_port, start_together

# Its own build folder, so neither the e2e production build (.web-test) nor a developer's
# `reflex run` (.web) is disturbed.
WEB_WORKDIR = settings.PROJECT_ROOT / ".web-authoring"


class DevServer:
    """``reflex run`` on a content folder and database of the caller's choosing.

    Args:
        content_dir: The posts folder (``BLOG_CONTENT_DIR``).
        database_url: The app's database (``DATABASE_URL``).
        log_dir: Where the server's terminal output goes.
        backend_only: Skip the frontend (faster when only the backend matters).
        env: ``dev``, or ``prod`` to check what production leaves out.
    """

    def __init__(
        self,
        content_dir: pathlib.Path,
        database_url: str,
        log_dir: pathlib.Path,
        backend_only: bool = False,
        env: str = "dev",
    ):
        self.content_dir = content_dir
        self.database_url = database_url
        self.log_dir = log_dir
        self.backend_only = backend_only
        self.env = env
        self.frontend_port = free_port()
        self.backend_port = free_port()
        self.app: AppProcess | None = None

    @property
    def frontend_url(self) -> str:
        """The address a browser opens."""
        return f"http://127.0.0.1:{self.frontend_port}"

    def start(self, timeout: float = 240.0) -> DevServer:
        """Start the server and wait until the backend (and frontend) answer."""
        command = ["run", "--env", self.env, "--loglevel", "info", "--backend-port", str(self.backend_port)]
        command += ["--backend-only"] if self.backend_only else ["--frontend-port", str(self.frontend_port)]
        env = app_environment(
            DATABASE_URL=self.database_url,
            BLOG_CONTENT_DIR=str(self.content_dir),
            REFLEX_WEB_WORKDIR=str(WEB_WORKDIR),
            PYTHONUNBUFFERED="1",
        )
        self.log_dir.mkdir(parents=True, exist_ok=True)
        [self.app] = start_together([command], env, settings.PROJECT_ROOT, self.log_dir)
        self.app.wait_until_healthy(timeout)
        if not self.backend_only:
            self._wait_for_frontend(timeout)
        return self

    def log(self) -> str:
        """Everything the server printed so far."""
        assert self.app is not None
        return self.app.log()

    def backend_workers(self) -> set[int]:
        """The ids of the Python processes under ``reflex run``: a backend restart replaces its worker."""
        assert self.app is not None
        children = psutil.Process(self.app.popen.pid).children(recursive=True)
        return {child.pid for child in children if "python" in (child.cmdline() or [""])[0]}

    def stop(self) -> None:
        """Stop the whole process group (reflex, its backend worker, the frontend dev server)."""
        if self.app is not None:
            self.app.stop()

    def _wait_for_frontend(self, timeout: float) -> None:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            with contextlib.suppress(OSError), urllib.request.urlopen(self.frontend_url, timeout=2) as response:
                if response.status == 200:
                    return
            time.sleep(0.25)
        raise TimeoutError(f"{self.frontend_url} did not answer within {timeout:.0f} s:\n{self.log()[-4000:]}")

    def __enter__(self) -> DevServer:
        return self.start()

    def __exit__(self, *exc_info) -> None:
        self.stop()
