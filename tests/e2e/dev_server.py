"""A real ``reflex run`` (development mode unless told otherwise) in its own process group, on free ports."""

from __future__ import annotations

import contextlib
import os
import pathlib
import signal
import socket
import subprocess
import time
import urllib.request

import psutil

from blog_app import settings

# Its own build folder, so neither the e2e production build (.web-test) nor a developer's
# `reflex run` (.web) is disturbed.
WEB_WORKDIR = settings.PROJECT_ROOT / ".web-authoring"
# Variables a test process may carry that would change how the child app behaves.
_INHERITED_PREFIXES = ("REFLEX_", "PYTEST", "APP_HARNESS")


def free_port() -> int:
    """A TCP port nothing listens on right now."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


class DevServer:
    """``reflex run`` in development mode on a content folder and database of the caller's choosing.

    Args:
        content_dir: The posts folder (``BLOG_CONTENT_DIR``).
        database_url: The app's database (``DATABASE_URL``).
        log_path: Where the server's terminal output goes.
        backend_only: Skip the frontend (faster when only the backend is measured).
        env: ``dev``, or ``prod`` to check what production leaves out.
    """

    def __init__(
        self,
        content_dir: pathlib.Path,
        database_url: str,
        log_path: pathlib.Path,
        backend_only: bool = False,
        env: str = "dev",
    ):
        self.content_dir = content_dir
        self.database_url = database_url
        self.log_path = log_path
        self.backend_only = backend_only
        self.env = env
        self.frontend_port = free_port()
        self.backend_port = free_port()
        self.process: subprocess.Popen | None = None

    @property
    def frontend_url(self) -> str:
        """The address a browser opens."""
        return f"http://127.0.0.1:{self.frontend_port}"

    @property
    def backend_url(self) -> str:
        """The backend's address (``/ping`` answers when it is up)."""
        return f"http://127.0.0.1:{self.backend_port}"

    def environment(self) -> dict[str, str]:
        """The child's environment: ours without test or Reflex state, plus the app's settings."""
        env = {key: value for key, value in os.environ.items() if not key.startswith(_INHERITED_PREFIXES)}
        env.update(
            DATABASE_URL=self.database_url,
            BLOG_CONTENT_DIR=str(self.content_dir),
            REFLEX_WEB_WORKDIR=str(WEB_WORKDIR),
            REFLEX_USE_SYSTEM_BUN="1",
            REFLEX_CHECK_LATEST_VERSION="0",
            REFLEX_TELEMETRY_ENABLED="0",
            PYTHONUNBUFFERED="1",
        )
        return env

    def start(self, timeout: float = 240.0) -> DevServer:
        """Start the server and wait until the backend (and frontend) answer."""
        command = ["reflex", "run", "--env", self.env, "--loglevel", "info", "--backend-port", str(self.backend_port)]
        command += ["--backend-only"] if self.backend_only else ["--frontend-port", str(self.frontend_port)]
        self.log_path.parent.mkdir(parents=True, exist_ok=True)
        with open(self.log_path, "wb") as log:
            self.process = subprocess.Popen(
                command,
                cwd=settings.PROJECT_ROOT,
                env=self.environment(),
                stdout=log,
                stderr=subprocess.STDOUT,
                stdin=subprocess.DEVNULL,
                start_new_session=True,  # its own process group, so stop() ends reflex, granian and vite together
            )
        self._wait_for_url(self.backend_url + "/ping", timeout)
        if not self.backend_only:
            self._wait_for_url(self.frontend_url + "/", timeout)
        return self

    def backend_workers(self) -> set[int]:
        """The ids of the Python processes under ``reflex run``: a backend restart replaces its worker."""
        assert self.process is not None
        children = psutil.Process(self.process.pid).children(recursive=True)
        return {child.pid for child in children if "python" in (child.cmdline() or [""])[0]}

    def log(self) -> str:
        """Everything the server printed so far."""
        return self.log_path.read_text(encoding="utf-8", errors="replace")

    def stop(self) -> None:
        """Stop the whole process group this server started (Ctrl-C first, then kill)."""
        if self.process is None or self.process.poll() is not None:
            return
        group = os.getpgid(self.process.pid)
        os.killpg(group, signal.SIGINT)
        try:
            self.process.wait(timeout=20)
        except subprocess.TimeoutExpired:
            os.killpg(group, signal.SIGKILL)
            self.process.wait(timeout=10)
        with contextlib.suppress(ProcessLookupError):  # helpers (vite, bun) that outlived reflex
            os.killpg(group, signal.SIGKILL)

    def _wait_for_url(self, url: str, timeout: float) -> None:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.process is not None and self.process.poll() is not None:
                raise RuntimeError(f"reflex run exited with {self.process.returncode}:\n{self.log()[-4000:]}")
            with contextlib.suppress(OSError), urllib.request.urlopen(url, timeout=2) as response:
                if response.status == 200:
                    return
            time.sleep(0.25)
        raise TimeoutError(f"{url} did not answer within {timeout:.0f} s:\n{self.log()[-4000:]}")

    def __enter__(self) -> DevServer:
        return self.start()

    def __exit__(self, *exc_info) -> None:
        self.stop()
