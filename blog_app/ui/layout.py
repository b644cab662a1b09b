"""The site frame every page shares: header with navigation, main area, footer."""

from __future__ import annotations

import reflex as rx

from blog_app import routes
from blog_app.core import settings
from blog_app.ui.anchors import in_page_link


def nav_link(label: str, href: str, **props) -> rx.Component:
    """A header navigation link."""
    return rx.link(
        label,
        href=href,
        size=rx.breakpoints(initial="2", sm="3"),
        weight="medium",
        color_scheme="gray",
        high_contrast=True,
        underline="hover",
        **props,
    )


def color_mode_toggle() -> rx.Component:
    """A button switching between light and dark (the first visit follows the system)."""
    return rx.icon_button(
        rx.color_mode_cond(light=rx.icon("moon", size=18), dark=rx.icon("sun", size=18)),
        on_click=rx.toggle_color_mode,
        variant="ghost",
        color_scheme="gray",
        size="2",
        class_name="theme-toggle",
        aria_label="Switch between light and dark mode",
        title="Switch between light and dark mode",
    )


def site_brand() -> rx.Component:
    """The site's icon and name, linking home."""
    return rx.link(
        rx.flex(
            rx.image(src=routes.FAVICON, alt="", class_name="site-icon"),
            rx.text(
                settings.site_name(), size=rx.breakpoints(initial="2", sm="4"), weight="bold", class_name="site-name"
            ),
            align="center",
            spacing="2",
        ),
        href=routes.INDEX,
        color_scheme="gray",
        high_contrast=True,
        underline="none",
    )


def feed_link() -> rx.Component:
    """The RSS feed: an icon, with its name from tablet width up."""
    return rx.link(
        rx.flex(
            rx.icon("rss", size=16),
            rx.text("RSS", class_name="wide-only"),
            align="center",
            spacing="1",
        ),
        href=routes.RSS,
        is_external=True,
        size="3",
        weight="medium",
        color_scheme="gray",
        high_contrast=True,
        underline="hover",
        aria_label="RSS feed",
    )


def main_nav() -> rx.Component:
    """Blog, Frameworks, RSS and the colour-mode toggle."""
    return rx.el.nav(
        rx.flex(
            # On phones the site name already links to the blog.
            nav_link("Blog", routes.INDEX, class_name="wide-only"),
            nav_link("Frameworks", routes.FRAMEWORKS),
            feed_link(),
            color_mode_toggle(),
            align="center",
            spacing=rx.breakpoints(initial="3", sm="5"),
        ),
        aria_label="Main",
    )


def site_header() -> rx.Component:
    """Sticky header: the site's name, then the navigation."""
    return rx.el.header(
        in_page_link("Skip to content", anchor="main", class_name="skip-link"),
        rx.flex(
            site_brand(),
            main_nav(),
            justify="between",
            align="center",
            class_name="site-bar site-header-bar",
        ),
        class_name="site-header",
    )


def site_footer() -> rx.Component:
    """Footer: what the site is, where its feed is."""
    return rx.el.footer(
        rx.flex(
            rx.text(settings.site_name(), " · ", settings.site_tagline(), size="2", color_scheme="gray"),
            rx.flex(
                rx.link("RSS", href=routes.RSS, is_external=True, size="2", color_scheme="gray"),
                rx.link("Frameworks explorer", href=routes.FRAMEWORKS, size="2", color_scheme="gray"),
                spacing="4",
            ),
            direction=rx.breakpoints(initial="column", sm="row"),
            justify="between",
            spacing="3",
            class_name="site-bar site-footer-bar",
        ),
        class_name="site-footer",
    )


def site_layout(*children: rx.Component) -> rx.Component:
    """A page inside the site frame."""
    return rx.flex(
        site_header(),
        rx.el.main(
            *children,
            id="main",
            tab_index=-1,
            class_name="site-main",
        ),
        site_footer(),
        direction="column",
        class_name="site-frame",
    )
