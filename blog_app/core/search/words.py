"""Words as search sees them: tokens, stems, stop words and the spellings one typo away (pure).

Both databases index the text as it is written, split into runs of letters and digits and
lowercased (SQLite FTS5's ``unicode61`` tokenizer, PostgreSQL's ``simple`` configuration over the
same runs). Everything language-aware happens here, in Python, once for both: the Snowball
English stemmer (PyStemmer: the C library PostgreSQL's ``english`` configuration is built from)
groups the indexed words that share a stem, so "deploying" finds "deployment" on either database.
"""

from __future__ import annotations

import functools
import re
import unicodedata
from collections import Counter

import Stemmer

# A token: a run of letters and digits (what FTS5's unicode61 tokenizer keeps; "_" separates).
TOKEN = re.compile(r"[^\W_]+")
MAX_WORD = 64  # longer runs (hashes, base64) are not words a reader types
MIN_TYPO_WORD = 4  # shorter words have too many neighbours one letter away to guess from
# Function words a query drops: they add nothing to ranking and would make a phrase-less query
# demand them. Phrases keep them (both databases index every word).
_STOP_WORDS = """a about above after again against all am an and any are as at be because been before being below
    between both but by can did do does doing down during each few for from further had has have having he
    her here hers herself him himself his how i if in into is it its itself just me more most my myself no nor
    not now of off on once only or other our ours ourselves out over own same she should so some such than
    that the their theirs them themselves then there these they this those through to too under until up
    very was we were what when where which while who whom why will with you your yours yourself yourselves"""
STOP_WORDS = frozenset(_STOP_WORDS.split())

_stemmer = Stemmer.Stemmer("english")


def tokens(text: str) -> list[str]:
    """The words of ``text`` in order, lowercased, as the databases index them (over-long runs dropped)."""
    return [token for token in TOKEN.findall(text.lower()) if len(token) <= MAX_WORD]


def word_counts(text: str) -> Counter[str]:
    """How many times each word of ``tokens(text)`` occurs, in order of first appearance."""
    counts = Counter(TOKEN.findall(text.lower()))
    for word in [word for word in counts if len(word) > MAX_WORD]:
        del counts[word]
    return counts


@functools.lru_cache(maxsize=200_000)
def stem(word: str) -> str:
    """The Snowball English stem of a lowercased word, accents removed (``Déployés`` → ``deploy``)."""
    return _stemmer.stemWord(fold(word))[:MAX_WORD]


def fold(word: str) -> str:
    """``word`` without accents (``café`` → ``cafe``), as FTS5's ``remove_diacritics`` compares it."""
    decomposed = unicodedata.normalize("NFKD", word)
    return "".join(char for char in decomposed if not unicodedata.combining(char))


def may_be_misspelt(word: str) -> bool:
    """Whether a word too unknown to match is worth correcting: long enough, and not a number."""
    return len(word) >= MIN_TYPO_WORD and not any(char.isdigit() for char in word)


def one_edit_spellings(word: str) -> tuple[list[str], list[str]]:
    """Every spelling one typo from ``word``, as exact words and ``LIKE`` patterns.

    A typo is one letter left out (``djngo``), one swapped with its neighbour (``djnago``), one
    wrong (``djamgo``) or one extra (``djaango``). The first two are finite lists; a wrong or
    missing letter could be any letter, which ``_`` stands for in a ``LIKE`` pattern.

    Returns:
        (exact spellings, patterns); ``word`` holds only letters and digits, so no escaping is needed.
    """
    exact = {word[:i] + word[i + 1 :] for i in range(len(word))}
    exact |= {word[:i] + word[i + 1] + word[i] + word[i + 2 :] for i in range(len(word) - 1)}
    patterns = {word[:i] + "_" + word[i + 1 :] for i in range(len(word))}
    patterns |= {word[:i] + "_" + word[i:] for i in range(len(word) + 1)}
    exact.discard(word)
    return sorted(exact), sorted(patterns)


def one_edit_apart(a: str, b: str) -> bool:
    """Whether ``b`` is ``a`` with at most one letter left out, added, changed or swapped with its neighbour."""
    if a == b:
        return True
    if abs(len(a) - len(b)) > 1:
        return False
    if len(a) == len(b):
        differ = [i for i in range(len(a)) if a[i] != b[i]]
        swapped = len(differ) == 2 and differ[1] == differ[0] + 1 and a[differ[0]] == b[differ[1]]
        return len(differ) == 1 or (swapped and a[differ[1]] == b[differ[0]])
    shorter, longer = sorted((a, b), key=len)
    return any(longer[:i] + longer[i + 1 :] == shorter for i in range(len(longer)))
