"""The Reflex side of the critical CSS: the build step that writes it, and the app code that turns on the full sheet.

``CriticalCssPlugin`` (in rxconfig.py's plugins) has Reflex install PurgeCSS into
``.web/node_modules`` with the other frontend packages, writes ``critical_css.mjs`` into
``.web/``, and runs it after every production build (``reflex export``, ``reflex run --env
prod``, a deploy host's build), so the step needs nothing from the project's ``.tools/``.
``full_stylesheet_switch`` is an app wrap whose module-level code enables the full stylesheet.
"""

from __future__ import annotations

import logging
import pathlib
import subprocess
from typing import Any

from reflex.components.base.fragment import Fragment
from reflex.plugins import Plugin
from reflex.utils import path_ops
from reflex.utils.prerequisites import get_web_dir
from reflex_base.utils.log import SUCCESS

from blog_app.seo.critical_css import CRITICAL_CSS_FILE, ENABLE_FULL_STYLESHEET

PURGECSS = "purgecss@8.0.0"
SCRIPT = pathlib.Path(__file__).with_name("critical_css.mjs")
_PACKAGE_DIR = pathlib.Path(__file__).resolve().parents[1]
# Under Reflex's logger, whose handlers print the build's messages under the reflex CLI.
_LOG = logging.getLogger(f"reflex.{__name__}")


class CriticalCssPlugin(Plugin):
    """Writes ``CRITICAL_CSS_FILE`` into every production build: the global stylesheet's rules the pages use.

    The content PurgeCSS reads is the built HTML pages plus the Python modules of the app's
    package, among them those that write the server's first responses.
    """

    def get_frontend_development_dependencies(self, **context: Any) -> list[str]:
        """PurgeCSS, at the exact version the build step is written for."""
        return [PURGECSS]

    def get_static_assets(self, **context: Any) -> list[tuple[pathlib.Path, str]]:
        """The build step's script, written into ``.web/`` where PurgeCSS resolves."""
        return [(pathlib.Path(SCRIPT.name), SCRIPT.read_text(encoding="utf-8"))]

    def post_build(self, **context: Any) -> None:
        """Run the script over the build in ``static_dir`` and log the sizes it reports (shown at Reflex's default log level).

        Raises:
            SystemExit: No Node or Bun, or the script failed.
        """
        runtime = path_ops.get_node_path() or path_ops.get_bun_path()
        if runtime is None:
            _LOG.error("Node.js or Bun is required to write the critical CSS.")
            raise SystemExit(1)
        web_dir = get_web_dir().resolve()
        command = [str(runtime), str(web_dir / SCRIPT.name), str(context["static_dir"].resolve())]
        result = subprocess.run(
            [*command, CRITICAL_CSS_FILE, str(_PACKAGE_DIR)], cwd=web_dir, capture_output=True, text=True, check=False
        )
        if result.returncode != 0:
            _LOG.error(result.stderr.strip() or result.stdout.strip() or "critical CSS: the build step failed")
            raise SystemExit(1)
        _LOG.log(SUCCESS, result.stdout.strip())


class FullStylesheetSwitch(Fragment):
    """Renders its children; its module-level code turns on the full stylesheet a first response deferred."""

    def add_custom_code(self) -> list[str]:
        """The code that removes ``media="print"`` from the deferred stylesheet link."""
        return [ENABLE_FULL_STYLESHEET]


def full_stylesheet_switch(stateful: bool) -> Fragment:
    """The app wrap for ``rx.App(extra_app_wraps=...)`` (its argument, whether the app has state, is unused)."""
    return FullStylesheetSwitch.create()
