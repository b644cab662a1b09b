"""A real ``reflex run --env prod``: frontend and backend on one port, as operators self-host it.

reflex.testing.AppHarnessProd serves the built frontend from a static server of its own, so
what the backend answers in front of the frontend (post head tags, 404 status, feeds) is only
visible through this server.
"""

from __future__ import annotations

import contextlib
import os
import pathlib
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request

from blog_app import settings

# Its own build folder, so neither the AppHarnessProd build (.web-test) nor a developer's
# `reflex run` (.web) is disturbed.
WEB_WORKDIR = settings.PROJECT_ROOT / ".web-seo"
# Variables the test process may carry (AppHarnessProd sets some) that would change the child app.
_INHERITED_PREFIXES = ("REFLEX_", "PYTEST", "APP_HARNESS")


def free_port() -> int:
    """A TCP port nothing listens on right now."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


class ProdServer:
    """``reflex run --env prod`` on one free port, with the content, database and address given.

    Args:
        content_dir: The posts folder (``BLOG_CONTENT_DIR``).
        database_url: The app's database (``DATABASE_URL``).
        deploy_url: The public address the pages write into absolute links (``DEPLOY_URL``).
        log_path: Where the server's terminal output goes.
    """

    def __init__(self, content_dir: pathlib.Path, database_url: str, deploy_url: str, log_path: pathlib.Path):
        self.content_dir = content_dir
        self.database_url = database_url
        self.deploy_url = deploy_url
        self.log_path = log_path
        self.port = free_port()
        self.process: subprocess.Popen | None = None

    @property
    def url(self) -> str:
        """The local address clients connect to."""
        return f"http://127.0.0.1:{self.port}"

    def environment(self) -> dict[str, str]:
        """The child's environment: ours without test or Reflex state, plus the app's settings."""
        env = {key: value for key, value in os.environ.items() if not key.startswith(_INHERITED_PREFIXES)}
        env.update(
            DATABASE_URL=self.database_url,
            BLOG_CONTENT_DIR=str(self.content_dir),
            DEPLOY_URL=self.deploy_url,
            REFLEX_WEB_WORKDIR=str(WEB_WORKDIR),
            REFLEX_USE_SYSTEM_BUN="1",
            REFLEX_CHECK_LATEST_VERSION="0",
            REFLEX_TELEMETRY_ENABLED="0",
            PYTHONUNBUFFERED="1",
        )
        return env

    def start(self, timeout: float = 600.0) -> ProdServer:
        """Build, start, and wait until the app answers on its port (the build takes a minute or two)."""
        port = str(self.port)
        command = [sys.executable, "-m", "reflex", "run", "--env", "prod", "--frontend-port", port]
        command += ["--backend-port", port]
        self.log_path.parent.mkdir(parents=True, exist_ok=True)
        with open(self.log_path, "wb") as log:
            self.process = subprocess.Popen(
                command,
                cwd=settings.PROJECT_ROOT,
                env=self.environment(),
                stdout=log,
                stderr=subprocess.STDOUT,
                start_new_session=True,  # its own process group, stopped as a whole
            )
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise RuntimeError(f"reflex run exited with {self.process.returncode}:\n{self.log_tail()}")
            if self._answers("/ping") and self._answers("/"):
                return self
            time.sleep(1)
        self.stop()
        raise RuntimeError(f"reflex run did not answer within {timeout:.0f} s:\n{self.log_tail()}")

    def stop(self) -> None:
        """Stop the server and every process it started."""
        if self.process is None or self.process.poll() is not None:
            return
        with contextlib.suppress(ProcessLookupError):
            os.killpg(self.process.pid, signal.SIGTERM)
        try:
            self.process.wait(timeout=20)
        except subprocess.TimeoutExpired:
            with contextlib.suppress(ProcessLookupError):
                os.killpg(self.process.pid, signal.SIGKILL)
            self.process.wait()

    def log_tail(self, lines: int = 40) -> str:
        """The end of the server's output, for failure messages."""
        text = self.log_path.read_text(encoding="utf-8", errors="replace") if self.log_path.exists() else ""
        return "\n".join(text.splitlines()[-lines:])

    def _answers(self, path: str) -> bool:
        try:
            with urllib.request.urlopen(self.url + path, timeout=5) as response:
                return response.status == 200
        except (urllib.error.URLError, OSError):
            return False
