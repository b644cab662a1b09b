"""The vocabulary: which indexed words a reader's term stands for, and keeping the word counts current.

Both databases answer the same SQL here (a unique index on ``term``, an index on ``stem``, and
``LIKE`` patterns that a trigram index serves: FTS5's trigram tokenizer on SQLite, pg_trgm on
PostgreSQL), so a term expands to the same words on either, and the index queries that follow
match the same posts.
"""

from __future__ import annotations

import itertools
from collections import Counter
from collections.abc import Iterable

import sqlalchemy as sa
from sqlmodel import Session, col, select

from blog_app.core.models import SearchTerm
from blog_app.core.search import backends
from blog_app.core.search.query import Alternatives, Term
from blog_app.core.search.words import may_be_misspelt, one_edit_apart, one_edit_spellings, stem

MAX_FORMS = 24  # words of one stem a term expands to (most used first)
MAX_CORRECTIONS = 4  # known words one typo away that an unknown word stands for
CHUNK = 500  # values per IN (...) list


def alternatives(db: Session, term: Term) -> Alternatives:
    """The indexed words ``term`` stands for.

    A phrase is itself. ``word*`` is its prefix. A plain word is every indexed word with its stem
    (and itself); the word being typed is that and its prefix; when none of that is in the
    vocabulary, it is the known words one typo away (none: the term matches nothing).
    """
    if term.exact:
        return Alternatives(phrase=term.words) if len(term.words) > 1 else Alternatives(words=term.words)
    word = term.words[0]
    if term.prefix and not term.typed:
        return Alternatives(prefix=word)
    forms = _forms_of(db, [stem(word)])
    prefix = word if term.typed else ""
    if forms or (prefix and _any_starts_with(db, prefix)) or not may_be_misspelt(word):
        return Alternatives(words=tuple(dict.fromkeys([word, *forms])), prefix=prefix)
    corrections = _one_typo_away(db, word)
    return Alternatives(words=tuple(dict.fromkeys([word, *_forms_of(db, corrections)])), corrected=bool(corrections))


def _forms_of(db: Session, stems: list[str]) -> list[str]:
    if not stems:
        return []
    found = db.exec(
        select(SearchTerm.term)
        .where(col(SearchTerm.stem).in_(stems))
        .order_by(col(SearchTerm.posts).desc(), col(SearchTerm.term))
        .limit(MAX_FORMS)
    )
    return list(found)


def _any_starts_with(db: Session, prefix: str) -> bool:
    return bool(backends.for_session(db).terms_like(db, [prefix + "%"], limit=1))


def _one_typo_away(db: Session, word: str) -> list[str]:
    """The stems of the most used known words one typo from ``word``."""
    exact, patterns = one_edit_spellings(word)
    candidates = backends.for_session(db).terms_like(db, patterns)
    candidates |= set(db.exec(select(SearchTerm.term).where(col(SearchTerm.term).in_(exact))))
    close = [term for term in candidates if one_edit_apart(word, term)]
    if not close:
        return []
    ranked = db.exec(
        select(SearchTerm.stem)
        .where(col(SearchTerm.term).in_(close))
        .order_by(col(SearchTerm.posts).desc(), col(SearchTerm.term))
    )
    return list(dict.fromkeys(ranked))[:MAX_CORRECTIONS]


def count_words(db: Session, added: Iterable[Iterable[str]], removed: Iterable[Iterable[str]]) -> None:
    """Update how many posts use each word: ``added`` and ``removed`` are the word sets of posts written and dropped.

    Words no post uses any more leave the vocabulary; new ones join it (and its trigram index).
    Runs in the caller's transaction.
    """
    change: Counter[str] = Counter()
    for words in added:
        change.update(set(words))
    for words in removed:
        change.subtract(set(words))
    change = Counter({word: delta for word, delta in change.items() if delta})
    if not change:
        return
    stored: dict[str, SearchTerm] = {}
    for chunk in _chunks(sorted(change)):
        stored.update({row.term: row for row in db.exec(select(SearchTerm).where(col(SearchTerm.term).in_(chunk)))})
    backend = backends.for_session(db)
    gone = [row for word, row in stored.items() if row.posts + change[word] <= 0]
    if gone:
        backend.forget_terms(db, [(row.id, row.term) for row in gone])
        for chunk in _chunks([row.id for row in gone]):
            db.exec(sa.delete(SearchTerm).where(col(SearchTerm.id).in_(chunk)))
    gone_ids = {row.id for row in gone}
    kept = [{"id": row.id, "posts": row.posts + change[word]} for word, row in stored.items() if row.id not in gone_ids]
    if kept:  # an ORM bulk UPDATE by primary key (one executemany)
        db.execute(sa.update(SearchTerm), kept)
    new = [
        {"term": word, "stem": stem(word), "posts": delta}
        for word, delta in change.items()
        if word not in stored and delta > 0
    ]
    table = SearchTerm.__table__
    for chunk in _chunks(new):  # each id comes back with its term: SQLite inserts many rows per statement
        inserted = db.execute(sa.insert(table).returning(table.c.id, table.c.term), chunk)
        backend.learn_terms(db, [(term_id, term) for term_id, term in inserted])


def _chunks(values: list, size: int = CHUNK) -> Iterable[list]:
    iterator = iter(values)
    while chunk := list(itertools.islice(iterator, size)):
        yield chunk
