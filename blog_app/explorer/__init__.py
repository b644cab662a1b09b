"""The frameworks explorer: URL parameters, filtering, view model, reads, state, page and components.

Other features use the explorer only through the names exported here.
"""

from blog_app.explorer import queries
from blog_app.explorer.post_links import link_framework_headings

__all__ = ["link_framework_headings", "queries"]
