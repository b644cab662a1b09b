"""What search engines, link previews and feed readers get: head tags, feeds, sitemap, and their routes."""
