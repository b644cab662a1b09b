"""A blank Reflex app: the floor for JavaScript size and time to first text (benchmark only)."""

import reflex as rx

config = rx.Config(
    app_name="blank_app",
    telemetry_enabled=False,
    show_built_with_reflex=False,
    disable_plugins=[rx.plugins.SitemapPlugin],
)
