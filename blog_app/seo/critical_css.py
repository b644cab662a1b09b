"""The critical CSS of the production build, inlined into a first response in place of the blocking stylesheet.

Reflex links one global stylesheet (Radix Themes' whole sheet plus blog.css, about 700 kB)
from every page, and the browser paints nothing until it has it. The build writes
``CRITICAL_CSS_FILE`` beside the client shell: the rules of that sheet the pages use
(blog_app/seo/critical_css_plugin.py). A first response carries those inline and keeps
the full sheet's link with ``media="print"``, which the browser downloads without waiting
for it; the app's root module turns it on as soon as it runs (``ENABLE_FULL_STYLESHEET``).
"""

from __future__ import annotations

import re

# Beside the shell, named like it, so the build output shows what it belongs to.
CRITICAL_CSS_FILE = "__critical.css"
# Marks the full stylesheet's link while it waits for the app (``media="print"`` until then).
DEFERRED_ATTRIBUTE = "data-critical-deferred"
# Module-level code of the app root: the full stylesheet applies once the app's scripts run,
# before React hydrates, so React finds the link exactly as it renders it.
ENABLE_FULL_STYLESHEET = f"""if (typeof document !== "undefined") {{
  for (const link of document.querySelectorAll("link[{DEFERRED_ATTRIBUTE}]")) {{
    link.removeAttribute("media");
    link.removeAttribute("{DEFERRED_ATTRIBUTE}");
  }}
}}"""

_HEAD_END = re.compile(r"</head\s*>", re.IGNORECASE)
# Reflex's global stylesheet (reflex constants: Ext.CSS and CompileVars' STYLESHEET_ROOT), hashed by Vite.
# React writes every ">" inside an attribute value as "&gt;", so a tag ends at the first ">".
_GLOBAL_STYLESHEET = re.compile(r"""href=["'][^"']*/__reflex_global_styles-[\w-]+\.css["']""")
_LINK = re.compile(r"<link\b[^>]*>", re.IGNORECASE)
_STYLE_END = re.compile(r"</style", re.IGNORECASE)


def inline_critical_css(html: str, css: str) -> str:
    """``html`` with ``css`` inline in its head and the global stylesheet no longer blocking first paint.

    The ``<style data-critical>`` goes before the first link to the global stylesheet (or at
    the end of the head); the stylesheet's ``preload`` link is removed, and its stylesheet
    link gets ``media="print"`` and ``DEFERRED_ATTRIBUTE`` until the app turns it on.

    Args:
        html: A built page, or the shell filled with a page's head and body.
        css: The critical CSS of the same build.

    Returns:
        The page, or ``html`` unchanged when it has no ``</head>``.

    Raises:
        ValueError: ``css`` would end the ``<style>`` element.
    """
    if _STYLE_END.search(css):
        raise ValueError("the critical CSS contains </style")
    head_end = _HEAD_END.search(html)
    if head_end is None:
        return html
    head = _LINK.sub(_deferred, html[: head_end.start()])
    style = f"<style data-critical>{css}</style>"
    first = re.search(rf"<link\b[^>]*{DEFERRED_ATTRIBUTE}", head)
    at = first.start() if first else len(head)
    return f"{head[:at]}{style}{head[at:]}{html[head_end.start() :]}"


def _deferred(match: re.Match[str]) -> str:
    link = match.group(0)
    if not _GLOBAL_STYLESHEET.search(link):
        return link
    rel = re.search(r"""\brel=["']?([^"'\s>]+)""", link, re.IGNORECASE)
    kind = rel.group(1).lower() if rel else ""
    if kind == "preload":
        return ""
    if kind != "stylesheet" or re.search(r"\smedia=", link, re.IGNORECASE):
        return link
    end = -2 if link.endswith("/>") else -1
    return f'{link[:end].rstrip()} media="print" {DEFERRED_ATTRIBUTE}=""{link[end:]}'


def critical_css() -> str | None:
    """The critical CSS of the build this process serves, or None without a build or without critical CSS."""
    from blog_app.html_first.shell import build_dir, read_build_file  # imports Reflex's config

    return read_build_file(build_dir() / CRITICAL_CSS_FILE) or None
