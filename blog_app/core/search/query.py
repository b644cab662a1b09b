"""What a reader typed, as terms every result must match: words, "phrases" and prefix* (pure, never raises).

The syntax is deliberately small: a quoted phrase matches those words in that order, a word
ending in ``*`` matches every word starting with it, and the last word also matches as a prefix
(results appear while the reader is still typing it). Everything else is text: operators of
either database (``AND``, ``OR``, ``NOT``, ``NEAR``, ``-``, ``:``, ``^``, parentheses) are words
or separators, never syntax, so no query can fail to parse.
"""

from __future__ import annotations

import dataclasses
import re

from blog_app.core.search.words import STOP_WORDS, tokens

MAX_QUERY_CHARS = 500
MAX_TERMS = 10
MAX_PHRASE_WORDS = 8
MIN_PREFIX = 2  # "d*" would match half the vocabulary
MIN_TYPED_PREFIX = 3  # the word being typed matches as a prefix from its third letter
_QUOTES = str.maketrans({"“": '"', "”": '"', "„": '"', "«": '"', "»": '"', "＂": '"'})
_PART = re.compile(r'"([^"]*)"?|([^\s"]+)')
NOTHING_TO_SEARCH = "Type a word to search for: punctuation and words such as “the” or “and” are ignored."


@dataclasses.dataclass(frozen=True)
class Term:
    """One thing every result must contain.

    Attributes:
        words: One word, or a phrase's words in order (lowercased).
        exact: Quoted: only these words in this order, no other forms or spellings.
        prefix: The (single) word also matches every longer word that starts with it.
        typed: The prefix comes from the word being typed, not from a ``*`` the reader wrote.
    """

    words: tuple[str, ...]
    exact: bool = False
    prefix: bool = False
    typed: bool = False


@dataclasses.dataclass(frozen=True)
class ParsedQuery:
    """The terms of a query, and why there are none when the reader typed only noise."""

    terms: tuple[Term, ...] = ()
    message: str = ""


@dataclasses.dataclass(frozen=True)
class Alternatives:
    """What one term matches in an index: any of ``words``, any word starting with ``prefix``, or ``phrase``.

    ``blog_app.core.search.vocabulary`` finds them; the database backends turn a list of them
    (all required) into their own query syntax.
    """

    words: tuple[str, ...] = ()
    prefix: str = ""
    phrase: tuple[str, ...] = ()
    corrected: bool = False  # the words are corrections of a word no post contains
    together: tuple[str, ...] = ()  # the query's words side by side: an option that ranks higher


def parse_query(text: str) -> ParsedQuery:
    """Read a reader's search text; any text at all gives a query (possibly empty, with a message).

    Args:
        text: What the reader typed (only the first ``MAX_QUERY_CHARS`` characters count).

    Returns:
        Up to ``MAX_TERMS`` distinct terms, in the order typed.
    """
    text = str(text)[:MAX_QUERY_CHARS].translate(_QUOTES)
    terms: list[Term] = []
    for match in _PART.finditer(text):
        phrase, chunk = match.group(1), match.group(2)
        terms += _phrase(phrase) if phrase is not None else _words(chunk)
    terms = _with_typed_prefix(terms, typing=not text.endswith((" ", '"')))
    distinct = list(dict.fromkeys(terms))[:MAX_TERMS]
    if not distinct:
        return ParsedQuery(message=NOTHING_TO_SEARCH if text.strip() else "")
    return ParsedQuery(terms=tuple(distinct))


def _phrase(text: str) -> list[Term]:
    words = tuple(tokens(text))[:MAX_PHRASE_WORDS]
    return [Term(words, exact=True)] if words else []


def _words(chunk: str) -> list[Term]:
    """The terms of one unquoted chunk: ``deploy*`` is a prefix, ``C++`` is ``c``, ``not`` is dropped."""
    words = [word for word in tokens(chunk) if word not in STOP_WORDS]
    terms = [Term((word,)) for word in words]
    if terms and chunk.endswith("*") and len(words[-1]) >= MIN_PREFIX and tokens(chunk)[-1] == words[-1]:
        terms[-1] = Term((words[-1],), prefix=True)
    return terms


def _with_typed_prefix(terms: list[Term], typing: bool) -> list[Term]:
    """The last word, when the text ends in it, also matches as a prefix (search as you type)."""
    if not typing or not terms:
        return terms
    last = terms[-1]
    if last.exact or last.prefix or len(last.words[0]) < MIN_TYPED_PREFIX:
        return terms
    return [*terms[:-1], Term(last.words, prefix=True, typed=True)]
