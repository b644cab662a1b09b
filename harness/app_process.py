"""Real app processes (``reflex run``) for the tests: started together, waited for, stopped."""

from __future__ import annotations

import contextlib
import dataclasses
import os
import pathlib
import shutil
import signal
import socket
import subprocess
import sys
import time
from collections.abc import Callable, Iterator

import httpx

from blog_app.core import settings

# Each child waits on its stdin before becoming `reflex run`: the test starts every child, then
# releases them all at one instant (a barrier across processes).
GATE = "import os, sys; sys.stdin.read(1); os.execv(sys.executable, [sys.executable, '-m', 'reflex', *sys.argv[1:]])"
# What the test process may carry (an earlier AppHarness, pytest itself) but an operator would not.
_INHERITED_NOISE = ("DATABASE_URL", "REDIS_URL", "BLOG_CONTENT_DIR", "API_URL", "DEPLOY_URL", "PYTEST_CURRENT_TEST")


# What an operator's checkout would not have: local tools, builds, databases, caches.
NOT_COPIED = (".git", ".venv", ".tools", ".web*", ".states", ".data", "__pycache__", "*.zip", ".*_cache", "artifacts")


def copy_project(target: pathlib.Path) -> pathlib.Path:
    """Copy the project to ``target`` as an operator would check it out (no tools, builds or data)."""
    shutil.copytree(settings.PROJECT_ROOT, target, ignore=shutil.ignore_patterns(*NOT_COPIED))
    return target


def free_port() -> int:
    """A TCP port nothing listens on right now."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def app_environment(**variables: str) -> dict[str, str]:
    """The environment an operator would give ``reflex run``: this one, cleaned, plus ``variables``."""
    env = {
        key: value
        for key, value in os.environ.items()
        if not key.startswith(("REFLEX_", "GRANIAN_")) and key not in _INHERITED_NOISE
    }
    js_bin = settings.PROJECT_ROOT / ".tools" / "js" / "node_modules" / ".bin"
    if js_bin.is_dir():
        env["PATH"] = f"{js_bin}{os.pathsep}{env.get('PATH', '')}"
        env["REFLEX_USE_SYSTEM_BUN"] = "1"
    env |= {"REFLEX_TELEMETRY_ENABLED": "0", "REFLEX_CHECK_LATEST_VERSION": "0", "GRANIAN_WORKERS": "1"}
    return env | variables


@dataclasses.dataclass
class AppProcess:
    """One ``reflex run`` process group, listening on ``port``, logging to ``log_path``."""

    port: int
    log_path: pathlib.Path
    popen: subprocess.Popen

    @property
    def url(self) -> str:
        """The base URL the process serves."""
        return f"http://127.0.0.1:{self.port}"

    def log(self) -> str:
        """Everything the process printed so far."""
        return self.log_path.read_text(encoding="utf-8", errors="replace")

    def get(self, path: str) -> httpx.Response:
        """A plain HTTP GET of ``path``."""
        return httpx.get(self.url + path, timeout=30)

    def wait_until_healthy(self, timeout: float) -> None:
        """Poll ``/_health`` until it answers 200; fail with the log if the process dies or times out."""
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.popen.poll() is not None:
                raise AssertionError(f"app on port {self.port} exited with {self.popen.returncode}:\n{self.log()}")
            with contextlib.suppress(httpx.HTTPError):
                if self.get("/_health").status_code == 200:
                    return
            time.sleep(0.25)
        raise AssertionError(f"app on port {self.port} not healthy after {timeout} s:\n{self.log()}")

    def wait_for_log(self, condition: Callable[[str], bool], timeout: float, what: str) -> None:
        """Wait until ``condition`` holds for the log (e.g. every worker has printed its start-up)."""
        deadline = time.monotonic() + timeout
        while not condition(self.log()):
            if time.monotonic() > deadline or self.popen.poll() is not None:
                raise AssertionError(f"app on port {self.port} never logged {what}:\n{self.log()}")
            time.sleep(0.25)

    def stop(self) -> None:
        """SIGTERM the process group (a graceful shutdown), SIGKILL it if it lingers."""
        for sig, grace in ((signal.SIGTERM, 30), (signal.SIGKILL, 10)):
            with contextlib.suppress(ProcessLookupError):
                os.killpg(self.popen.pid, sig)
            try:
                self.popen.wait(grace)
                return
            except subprocess.TimeoutExpired:
                continue


def start_together(
    commands: list[list[str]], env: dict[str, str], cwd: pathlib.Path, log_dir: pathlib.Path
) -> list[AppProcess]:
    """Start one ``reflex`` process per argument list, all released at the same instant.

    Every list must contain ``--backend-port`` or ``--frontend-port`` followed by its port.
    """
    processes = []
    for number, arguments in enumerate(commands):
        port_flag = next(i for i, arg in enumerate(arguments) if arg in ("--backend-port", "--frontend-port"))
        log_path = log_dir / f"app-{number}-port-{arguments[port_flag + 1]}.log"
        with open(log_path, "wb") as log:
            popen = subprocess.Popen(
                [sys.executable, "-c", GATE, *arguments],
                stdin=subprocess.PIPE,
                stdout=log,
                stderr=subprocess.STDOUT,
                cwd=cwd,
                env=env,
                start_new_session=True,
            )
        processes.append(AppProcess(int(arguments[port_flag + 1]), log_path, popen))
    for process in processes:
        process.popen.stdin.write(b"go")
        process.popen.stdin.close()
    return processes


@contextlib.contextmanager
def running(
    commands: list[list[str]], env: dict[str, str], cwd: pathlib.Path, log_dir: pathlib.Path, timeout: float = 180
) -> Iterator[list[AppProcess]]:
    """Start ``commands`` together, wait until every one is healthy, and stop them all afterwards."""
    processes = start_together(commands, env, cwd, log_dir)
    try:
        for process in processes:
            process.wait_until_healthy(timeout)
        yield processes
    finally:
        for process in processes:
            process.stop()


def backend_command(port: int) -> list[str]:
    """``reflex run`` arguments for a production backend on ``port`` (no frontend build needed)."""
    return ["run", "--env", "prod", "--backend-only", "--backend-port", str(port)]
