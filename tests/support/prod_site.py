"""One production build served on one port, and the same build served again after a restart.

The first start is the operator's command, ``reflex run --env prod --frontend-port PORT`` (it
builds, then serves). A restart runs what that command runs after its build step, Reflex's
``run_backend_prod`` with the built frontend mounted, on the same port: the same process an
operator's restart gives, without waiting for an identical rebuild.
"""

from __future__ import annotations

import contextlib
import dataclasses
import os
import pathlib
import signal
import subprocess
import sys
from collections.abc import Iterator

from harness.app_process import AppProcess, free_port, running

SERVE_BUILD = (
    "import sys; from reflex.constants import LogLevel; from reflex.utils import exec;"
    " exec.run_backend_prod('0.0.0.0', int(sys.argv[1]), LogLevel.INFO, True)"
)


@dataclasses.dataclass
class ProdSite:
    """The production site on ``port``: its current process, and how to restart it."""

    checkout: pathlib.Path
    log_dir: pathlib.Path
    port: int
    app: AppProcess
    restarts: int = 0

    @property
    def url(self) -> str:
        """The site's base URL."""
        return self.app.url

    def stop(self, sig: int) -> None:
        """Stop the serving process: SIGTERM to it alone (as ``docker stop`` does), SIGKILL to the whole group.

        Waits until the process has exited and none of its workers is left.
        """
        if self.app.popen.poll() is not None:
            raise AssertionError(f"the app had already exited ({self.app.popen.returncode}):\n{self.app.log()}")
        if sig == signal.SIGKILL:
            os.killpg(self.app.popen.pid, sig)
        else:
            os.kill(self.app.popen.pid, sig)
        self.app.popen.wait(60)
        with contextlib.suppress(ProcessLookupError):
            os.killpg(self.app.popen.pid, signal.SIGKILL)  # a worker that outlived its parent

    def start(self, env: dict[str, str], timeout: float = 120) -> AppProcess:
        """Serve the existing build on the same port with ``env``; wait until healthy."""
        self.restarts += 1
        log_path = self.log_dir / f"restart-{self.restarts}.log"
        env = env | {
            "REFLEX_ENV_MODE": "prod",
            "REFLEX_SKIP_COMPILE": "1",
            "REFLEX_FRONTEND_PORT": str(self.port),
            "REFLEX_BACKEND_PORT": str(self.port),
        }
        with open(log_path, "wb") as log:
            popen = subprocess.Popen(
                [sys.executable, "-c", SERVE_BUILD, str(self.port)],
                stdout=log,
                stderr=subprocess.STDOUT,
                cwd=self.checkout,
                env=env,
                start_new_session=True,
            )
        self.app = AppProcess(self.port, log_path, popen)
        self.app.wait_until_healthy(timeout)
        return self.app


@contextlib.contextmanager
def serve_prod_site(checkout: pathlib.Path, env: dict[str, str], log_dir: pathlib.Path) -> Iterator[ProdSite]:
    """Build and serve with ``reflex run --env prod``; yields a :class:`ProdSite`, stopped afterwards."""
    port = free_port()
    command = ["run", "--env", "prod", "--frontend-port", str(port)]
    with running([command], env, checkout, log_dir, timeout=600) as (app,):
        site = ProdSite(checkout, log_dir, port, app)
        try:
            yield site
        finally:
            site.app.stop()
