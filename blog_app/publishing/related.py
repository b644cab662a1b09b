"""Which posts to read next: pairs of posts by shared keywords and similar text (pure, the same on every database).

Text similarity is the cosine of TF-IDF vectors over each post's stems (``PostProfile``);
keyword similarity the Jaccard index of their keyword sets. A word or keyword most posts share
says nothing about two of them, and pairing its posts would cost the square of their number:
those above ``common_limit`` posts are left out of the pairing (they still count in the lengths).
"""

from __future__ import annotations

import dataclasses
import functools
import math
from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping

from blog_app.core.search.words import STOP_WORDS, stem, word_counts

TEXT_WEIGHT = 0.7
KEYWORD_WEIGHT = 0.3
MIN_SCORE = 0.08  # below this two posts share too little to be called related
KEPT = 6  # stored per post, so that two or three remain once drafts and scheduled posts are filtered out
PROFILE_STEMS = 80
# Columns count this many times in a profile: a word in a title says more about the post than one in passing.
COLUMN_WEIGHTS = {"title": 4, "headings": 2, "keywords": 2, "description": 2, "body": 1}


@dataclasses.dataclass(frozen=True)
class Relation:
    """``related_id`` is worth reading after the post it belongs to, with ``score`` in [0, 1]."""

    related_id: int
    score: float


def profile(columns: Mapping[str, str]) -> dict[str, int]:
    """A post's ``PROFILE_STEMS`` most frequent stems, weighted by column (stop words, numbers and short words left out)."""
    return profile_of_counts({name: word_counts(text) for name, text in columns.items()})


def profile_of_counts(words: Mapping[str, Mapping[str, int]]) -> dict[str, int]:
    """``profile`` of columns whose words are already counted (``word_counts``), by column name."""
    counts: Counter[str] = Counter()
    for name, counted in words.items():
        weight = COLUMN_WEIGHTS.get(name, 1)
        for word, times in counted.items():
            if word_stem := _profile_stem(word):
                counts[word_stem] += weight * times
    return dict(sorted(counts.most_common(PROFILE_STEMS)))


@functools.lru_cache(maxsize=200_000)
def _profile_stem(word: str) -> str:
    """The stem ``word`` counts for in a profile; empty for stop words, numbers and short words."""
    if len(word) <= 2 or word in STOP_WORDS or any(char.isdigit() for char in word):
        return ""
    return stem(word)


def common_limit(posts: int) -> int:
    """How many posts may share a stem or keyword for it to still pair them."""
    return max(50, posts // 10)


def related_posts(
    profiles: Mapping[int, Mapping[str, int]], keywords: Mapping[int, Iterable[str]]
) -> dict[int, list[Relation]]:
    """The best ``KEPT`` relations of each post, best first (ties: lower id first).

    Args:
        profiles: Each post's stem counts (``profile``), by post id.
        keywords: Each post's keyword slugs, by post id (posts without a profile are ignored).
    """
    text = _cosines(profiles)
    tags = _jaccards({post: set(keywords.get(post, ())) for post in profiles}, len(profiles))
    best: dict[int, list[Relation]] = {}
    for post in profiles:
        scores = Counter({other: TEXT_WEIGHT * value for other, value in text.get(post, {}).items()})
        for other, value in tags.get(post, {}).items():
            scores[other] += KEYWORD_WEIGHT * value
        ranked = sorted((-score, other) for other, score in scores.items() if score >= MIN_SCORE)
        best[post] = [Relation(other, round(-score, 6)) for score, other in ranked[:KEPT]]
    return best


def _cosines(profiles: Mapping[int, Mapping[str, int]]) -> dict[int, dict[int, float]]:
    documents = Counter(word for counts in profiles.values() for word in counts)
    # Smoothed: a word every post has still counts a little (with two posts, every shared word does).
    idf = {word: math.log(1 + len(profiles) / count) for word, count in documents.items()}
    vectors = {
        post: {word: (1 + math.log(count)) * idf[word] for word, count in counts.items()}
        for post, counts in profiles.items()
    }
    lengths = {post: math.sqrt(sum(w * w for w in vector.values())) for post, vector in vectors.items()}
    postings: dict[str, list[tuple[int, float]]] = defaultdict(list)
    for post, vector in vectors.items():
        for word, weight in vector.items():
            postings[word].append((post, weight))
    dots = _pair_sums(postings, common_limit(len(profiles)))
    return {
        post: {other: dot / (lengths[post] * lengths[other]) for other, dot in others.items()}
        for post, others in dots.items()
    }


def _jaccards(keywords: Mapping[int, set[str]], posts: int) -> dict[int, dict[int, float]]:
    postings: dict[str, list[tuple[int, float]]] = defaultdict(list)
    for post, slugs in keywords.items():
        for slug in slugs:
            postings[slug].append((post, 1.0))
    shared = _pair_sums(postings, common_limit(posts))
    return {
        post: {other: count / len(keywords[post] | keywords[other]) for other, count in others.items()}
        for post, others in shared.items()
    }


def _pair_sums(postings: Mapping[str, list[tuple[int, float]]], limit: int) -> dict[int, dict[int, float]]:
    """For every two posts sharing a feature held by at most ``limit`` posts, the sum of their weights' products."""
    sums: dict[int, dict[int, float]] = defaultdict(lambda: defaultdict(float))
    for holders in postings.values():
        if len(holders) < 2 or len(holders) > limit:
            continue
        for post, weight in holders:
            row = sums[post]
            for other, other_weight in holders:
                if other != post:
                    row[other] += weight * other_weight
    return sums
