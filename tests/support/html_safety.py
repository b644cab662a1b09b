"""What in a piece of HTML could run script in a reader's browser, found with an HTML parser (not substrings)."""

from __future__ import annotations

import re

import lxml.html

# Elements that run script or pull in another document.
ACTIVE_TAGS = frozenset({"script", "iframe", "frame", "object", "embed", "applet", "base", "form", "meta", "link"})
URL_ATTRIBUTES = frozenset({"href", "src", "action", "formaction", "xlink:href", "poster", "background", "srcset"})
SCRIPT_SCHEMES = ("javascript:", "vbscript:", "data:")
# Browsers drop ASCII whitespace and control characters anywhere in a URL's scheme ("java\tscript:").
_IGNORED_IN_SCHEME = re.compile(r"[\x00-\x20\x7f]+")
# Structured data is the one script the site writes itself, and never executes.
JSON_LD = "application/ld+json"


def active_content(html: str, allow_json_ld: bool = False) -> list[str]:
    """Every script element, event-handler attribute and script URL in ``html``.

    Args:
        html: A fragment or a whole document.
        allow_json_ld: Whether ``<script type="application/ld+json">`` is allowed (page heads).

    Returns:
        One description per finding; empty when the HTML is inert.
    """
    if not html.strip():
        return []
    whole_page = "<html" in html[:1000].lower()
    root = lxml.html.document_fromstring(html if whole_page else f"<html><body>{html}</body></html>")
    findings = []
    for element in root.iter():
        if not isinstance(element.tag, str):
            continue  # comments and processing instructions
        tag = element.tag.lower()
        if tag in ACTIVE_TAGS and not _allowed(element, tag, allow_json_ld):
            findings.append(f"<{tag}>")
        for name, value in element.attrib.items():
            if name.lower().startswith("on"):
                findings.append(f"<{tag} {name}>")
            elif name.lower() in URL_ATTRIBUTES and is_script_url(value):
                findings.append(f'<{tag} {name}="{value}">')
    return findings


def is_script_url(url: str) -> bool:
    """Whether a browser would treat ``url`` as script (or inline data), whatever its case and hidden characters."""
    return _IGNORED_IN_SCHEME.sub("", url).lower().startswith(SCRIPT_SCHEMES)


def _allowed(element: lxml.html.HtmlElement, tag: str, allow_json_ld: bool) -> bool:
    if tag == "script":
        return allow_json_ld and element.get("type") == JSON_LD
    # A whole page legitimately has meta and link tags in its head.
    return tag in {"meta", "link"} and element.getparent() is not None and element.getparent().tag == "head"
