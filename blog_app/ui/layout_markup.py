"""The site frame as the server writes it into the first response: the same elements and classes React renders.

Mirrors :func:`blog_app.ui.layout.site_layout`; a browser test compares the two on screen
(tests/e2e/test_html_first.py), so a change to one must be made to the other.
"""

from __future__ import annotations

from blog_app import routes
from blog_app.core import settings
from blog_app.html_first.icons import icon
from blog_app.html_first.markup import Html, element, fragment
from blog_app.ui.radix_markup import LINK

_GRAY = {"data_accent_color": "gray"}


def site_layout_markup(main: str) -> Html:
    """A page inside the site frame: header, ``main`` (HTML) in ``<main>``, footer."""
    return element(
        "div",
        _site_header(),
        element("main", Html(main), id="main", tabindex="-1", class_="site-main"),
        _site_footer(),
        class_="rt-Flex rt-r-fd-column site-frame",
    )


def _site_header() -> Html:
    return element(
        "header",
        element("a", "Skip to content", class_="skip-link", href="#main"),
        element(
            "div",
            _site_brand(),
            _main_nav(),
            class_="rt-Flex rt-r-ai-center rt-r-jc-space-between site-bar site-header-bar",
        ),
        class_="site-header",
    )


def _site_brand() -> Html:
    return element(
        "a",
        element(
            "div",
            element("img", src=routes.FAVICON, alt="", class_="site-icon"),
            element("p", settings.site_name(), class_="rt-Text rt-r-size-2 sm:rt-r-size-4 rt-r-weight-bold site-name"),
            class_="rt-Flex rt-r-ai-center rt-r-gap-2",
        ),
        **_GRAY,
        class_=f"{LINK} rt-underline-none rt-high-contrast",
        href=routes.INDEX,
    )


def _main_nav() -> Html:
    nav_class = f"{LINK} rt-r-size-2 sm:rt-r-size-3 rt-r-weight-medium rt-underline-hover rt-high-contrast"
    return element(
        "nav",
        element(
            "div",
            element("a", "Blog", **_GRAY, class_=f"{nav_class} wide-only", href=routes.INDEX),
            element("a", "Frameworks", **_GRAY, class_=nav_class, href=routes.FRAMEWORKS),
            _feed_link(),
            _colour_mode_toggle(),
            class_="rt-Flex rt-r-ai-center rt-r-gap-3 sm:rt-r-gap-5",
        ),
        aria_label="Main",
    )


def _feed_link() -> Html:
    return element(
        "a",
        element(
            "div",
            icon("rss", 16),
            element("p", "RSS", class_="rt-Text wide-only"),
            class_="rt-Flex rt-r-ai-center rt-r-gap-1",
        ),
        **_GRAY,
        aria_label="RSS feed",
        class_=f"{LINK} rt-r-size-3 rt-r-weight-medium rt-underline-hover rt-high-contrast",
        href=routes.RSS,
        target="_blank",
    )


def _colour_mode_toggle() -> Html:
    # React draws one icon for the resolved mode; before it runs, the theme class on <html> picks one.
    return element(
        "button",
        element("span", icon("moon", 18), class_="light-only"),
        element("span", icon("sun", 18), class_="dark-only"),
        **_GRAY,
        aria_label="Switch between light and dark mode",
        title="Switch between light and dark mode",
        class_="rt-reset rt-BaseButton rt-r-size-2 rt-variant-ghost rt-IconButton theme-toggle",
    )


def _site_footer() -> Html:
    link_class = f"{LINK} rt-r-size-2 rt-underline-auto"
    return element(
        "footer",
        element(
            "div",
            element(
                "p",
                fragment(settings.site_name(), " · ", settings.site_tagline()),
                **_GRAY,
                class_="rt-Text rt-r-size-2",
            ),
            element(
                "div",
                element("a", "RSS", **_GRAY, class_=link_class, href=routes.RSS, target="_blank"),
                element("a", "Frameworks explorer", **_GRAY, class_=link_class, href=routes.FRAMEWORKS),
                class_="rt-Flex rt-r-gap-4",
            ),
            class_="rt-Flex rt-r-fd-column sm:rt-r-fd-row rt-r-jc-space-between rt-r-gap-3 site-bar site-footer-bar",
        ),
        class_="site-footer",
    )
