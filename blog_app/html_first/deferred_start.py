"""The app starts once the page the server wrote has loaded and painted.

The client shell starts React Router at once: an inline module script imports the app's root
module (and, through ``<link rel="modulepreload">`` in the head, some twenty chunks at high
priority). On a phone on a slow network those fetches compete with the page's own images, and
their evaluation with its first paint. A page whose content is already in the HTML needs none
of it to be read, so ``start_after_load`` rewrites the shell after each production build
(``DeferredStart``, a Reflex plugin): no module preloads, and the same imports made from a
function that runs after the ``load`` event and the next frame. The Content-Security-Policy's
hashes are read from the rewritten file (blog_app/seo/script_hashes.py), so the new script is allowed.
"""

from __future__ import annotations

import pathlib
import re

from reflex_base.constants import ReactRouter
from reflex_base.plugins import Plugin

_MODULE_SCRIPT = re.compile(r'<script type="module"[^>]*>(.*?)</script>', re.DOTALL)
_STATIC_IMPORT = re.compile(r'^\s*import\s+(?:\*\s+as\s+(\w+)\s+from\s+)?("[^"]+");\s*$', re.MULTILINE)
_MODULE_PRELOAD = re.compile(r'<link rel="modulepreload"[^>]*>')
_START = """const startApp = async () => {
  const [%s] = await Promise.all([%s]);
%s
};
const afterPaint = () => requestAnimationFrame(() => setTimeout(startApp, 0));
if (document.readyState === "complete") afterPaint();
else window.addEventListener("load", afterPaint, {once: true});"""


def start_after_load(shell: str) -> str:
    """The shell with its module preloads removed and its start script run after load and paint.

    Raises:
        ValueError: The shell has no module script, or it has one this function cannot read.
    """
    match = _MODULE_SCRIPT.search(shell)
    if match is None:
        raise ValueError("the client shell has no module script")
    script = match.group(1)
    if "startApp" in script:
        return shell  # rewritten already
    imports = _STATIC_IMPORT.findall(script)
    if not imports:
        raise ValueError("the client shell's module script has no static import")
    names = ", ".join(name or "" for name, _ in imports)
    modules = ", ".join(f"import({module})" for _, module in imports)
    rest = "\n".join(
        "  " + line.strip() for line in _STATIC_IMPORT.sub("", script).strip().splitlines() if line.strip()
    )
    started = f'<script type="module">{_START % (names, modules, rest)}</script>'
    rewritten = shell[: match.start()] + started + shell[match.end() :]
    return _MODULE_PRELOAD.sub("", rewritten)


class DeferredStart(Plugin):
    """The Reflex plugin (``rx.Config(plugins=[...])``) that rewrites the client shell after a production build."""

    def post_build(self, **context) -> None:
        """Rewrite ``__spa-fallback.html`` (Reflex then copies it to ``404.html`` and compresses both)."""
        shell = pathlib.Path(context["static_dir"]) / ReactRouter.SPA_FALLBACK
        if shell.is_file():
            shell.write_text(start_after_load(shell.read_text(encoding="utf-8")), encoding="utf-8")
