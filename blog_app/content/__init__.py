"""Pure parsing of content files: front matter, Markdown body, safe directives."""

from blog_app.content.diagnostics import ContentError, Diagnostic
from blog_app.content.document import Document, content_hash, parse_post
from blog_app.content.segments import Segment, TocEntry

__all__ = ["ContentError", "Diagnostic", "Document", "Segment", "TocEntry", "content_hash", "parse_post"]
