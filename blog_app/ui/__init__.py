"""The site frame and what every page shares: layout, anchors, location, outage and live-reload state mixins."""
