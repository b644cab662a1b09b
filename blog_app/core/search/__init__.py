"""Full-text search over both databases: ranked, stemmed, typo-tolerant, with snippets.

Posts and the explorer's frameworks search through here; ingest writes the indexes and the
vocabulary through here. See ``words`` for why language handling is in Python and ``indexes``
for the tables each database keeps.
"""

from blog_app.core.search.engine import Match, ranked, resolve, snippets
from blog_app.core.search.indexes import FRAMEWORKS, POSTS, SearchIndex, include_in_autogenerate
from blog_app.core.search.snippets import SnippetPart
from blog_app.core.search.store import delete_rows, read_rows, write_rows
from blog_app.core.search.vocabulary import count_words
from blog_app.core.search.words import tokens

__all__ = [
    "FRAMEWORKS",
    "POSTS",
    "Match",
    "SearchIndex",
    "SnippetPart",
    "count_words",
    "delete_rows",
    "include_in_autogenerate",
    "ranked",
    "read_rows",
    "resolve",
    "snippets",
    "tokens",
    "write_rows",
]
