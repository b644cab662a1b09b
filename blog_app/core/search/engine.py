"""Search an index: resolve the reader's text against the vocabulary, rank the rows that match, fetch snippets.

The same steps on both databases; only the last SQL differs (``backends``). Callers join the
ranked ``(key, score)`` rows with their own tables, so visibility and other filters stay theirs.
"""

from __future__ import annotations

import dataclasses

import sqlalchemy as sa
from sqlmodel import Session

from blog_app.core.search import backends, vocabulary
from blog_app.core.search.indexes import SearchIndex
from blog_app.core.search.query import Alternatives, parse_query
from blog_app.core.search.snippets import SnippetPart, best_snippet


@dataclasses.dataclass(frozen=True)
class Match:
    """A reader's text resolved against the vocabulary: every group must match (none: search nothing).

    Attributes:
        groups: What each term of the query may match.
        message: Why there is nothing to search for, when the text held no word.
        together: The reader's words as typed, in order, when they are several: rows holding them
            side by side rank higher ("background tasks" before "background jobs ... tasks").
    """

    groups: tuple[Alternatives, ...] = ()
    message: str = ""
    together: tuple[str, ...] = ()

    corrected: tuple[str, ...] = ()  # the reader's words no post contains, read as known words one typo away


def resolve(db: Session, text: str) -> Match:
    """Parse ``text`` (any text at all) and expand each term into the indexed words it stands for."""
    parsed = parse_query(text)
    words = tuple(term.words[0] for term in parsed.terms if not term.exact and not (term.prefix and not term.typed))
    groups = tuple(vocabulary.alternatives(db, term) for term in parsed.terms)
    corrected = tuple(term.words[0] for term, group in zip(parsed.terms, groups, strict=True) if group.corrected)
    return Match(groups, parsed.message, words if len(words) > 1 else (), corrected)


def ranked(db: Session, index: SearchIndex, match: Match) -> sa.Subquery:
    """The ``(key, score)`` rows of ``index`` that ``match`` finds, best first when ordered by ``score`` descending.

    Args:
        db: The session (its database picks the backend).
        index: The index to search.
        match: A resolved query with at least one group.
    """
    return backends.for_session(db).matches(index, _with_proximity(match))


def snippets(db: Session, index: SearchIndex, match: Match, keys: list[int]) -> dict[int, list[SnippetPart]]:
    """The best snippet of each of ``keys`` (rows ``match`` found), empty when no snippet column matched."""
    if not keys or not index.snippet_columns:
        return {}
    passages = backends.for_session(db).snippets(db, index, _with_proximity(match), keys)
    return {key: best_snippet(passages.get(key, [])) for key in keys}


def _with_proximity(match: Match) -> list[Alternatives]:
    """The groups, the last one carrying the words-together phrase as an extra option.

    The phrase implies every word, so it adds no row; it adds to the score of rows holding it
    (both ``bm25`` and ``ts_rank`` score every phrase of the query).
    """
    if not match.together:
        return list(match.groups)
    *first, last = match.groups
    return [*first, dataclasses.replace(last, together=match.together)]
