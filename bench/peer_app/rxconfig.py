"""The peer app: one compiled page per post, the design the reflex.dev blog uses (benchmark only)."""

import reflex as rx

config = rx.Config(
    app_name="peer_app",
    telemetry_enabled=False,
    show_built_with_reflex=False,
    disable_plugins=[rx.plugins.SitemapPlugin],
)
