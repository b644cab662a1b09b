"""Search's pure parts: words and stems, one-typo spellings, query parsing, snippets, related posts."""

from __future__ import annotations

import itertools

from hypothesis import given
from hypothesis import strategies as st

from blog_app.core.search.query import MAX_TERMS, NOTHING_TO_SEARCH, Term, parse_query
from blog_app.core.search.snippets import END_MARK, START_MARK, SnippetPart, best_snippet, snippet_parts
from blog_app.core.search.words import one_edit_apart, one_edit_spellings, stem, tokens
from blog_app.publishing.related import common_limit, profile, related_posts


def test_tokens_are_runs_of_letters_and_digits_lowercased():
    assert tokens("Django's ORM, v3.11 — déjà_vu 🐍 日本語") == [
        "django",
        "s",
        "orm",
        "v3",
        "11",
        "déjà",
        "vu",
        "日本語",
    ]
    assert tokens("x" * 65) == []  # not a word anyone types


def test_stems_join_the_forms_of_a_word_and_ignore_accents():
    assert {stem(w) for w in ("deploying", "deployment", "deployed", "deploys")} == {"deploy"}
    assert stem("Déployés".lower()) == stem("deployes")


def test_one_edit_spellings_are_exactly_the_words_one_typo_away():
    word = "django"
    exact, patterns = one_edit_spellings(word)
    assert "djnago" in exact and "djngo" in exact and word not in exact
    assert "dj_ngo" in patterns and "djang_o" in patterns

    def like(pattern: str, text: str) -> bool:
        return len(pattern) == len(text) and all(p in ("_", t) for p, t in zip(pattern, text, strict=True))

    alphabet = "djangox"
    for size in (5, 6, 7):
        for letters in itertools.product(alphabet, repeat=size):
            candidate = "".join(letters)
            listed = candidate in exact or any(like(p, candidate) for p in patterns)
            assert listed == one_edit_apart(word, candidate), candidate  # the word itself fits a pattern too


def test_one_edit_apart_counts_a_swap_as_one_typo():
    assert one_edit_apart("django", "djnago") and one_edit_apart("flask", "flaks")
    assert not one_edit_apart("django", "dajgno") and not one_edit_apart("abc", "cba")


def test_queries_have_phrases_prefixes_and_words_never_syntax():
    assert parse_query('"Background tasks" deploy* in django').terms == (
        Term(("background", "tasks"), exact=True),
        Term(("deploy",), prefix=True),
        Term(("django",), prefix=True, typed=True),  # the word being typed
    )
    assert parse_query("NOT django AND -flask title:orm").terms == (
        Term(("django",)),
        Term(("flask",)),
        Term(("title",)),
        Term(("orm",), prefix=True, typed=True),
    )
    assert parse_query("“curly quotes”").terms == (Term(("curly", "quotes"), exact=True),)
    assert parse_query("d* django ").terms == (Term(("d",)), Term(("django",)))  # a one-letter prefix is a word
    for noise in ('"', "*", "AND OR", "the", "%_", "🐍"):
        assert parse_query(noise).message == NOTHING_TO_SEARCH
    assert parse_query("   ") == parse_query("")
    assert len(parse_query(" ".join(f"w{n}" for n in range(50))).terms) == MAX_TERMS


@given(st.text(max_size=2000))
def test_any_text_parses(text):
    parsed = parse_query(text)
    assert len(parsed.terms) <= MAX_TERMS and bool(parsed.terms) != bool(parsed.message or not text.strip())
    for term in parsed.terms:
        assert term.words and all(tokens(word) == [word] for word in term.words)


def test_snippets_are_text_parts_never_markup():
    marked = f"use {START_MARK}Django{END_MARK} {START_MARK}REST{END_MARK} <script>x</script>\n and  more"
    assert snippet_parts(marked) == [
        SnippetPart("use ", False),
        SnippetPart("Django REST", True),
        SnippetPart(" <script>x</script> and more", False),
    ]
    assert best_snippet(["no match here", None, f"a {START_MARK}hit{END_MARK}"])[1] == SnippetPart("hit", True)
    assert best_snippet(["nothing", ""]) == []


def test_related_posts_prefer_shared_rare_words_and_keywords():
    posts = {
        1: profile({"title": "Deploying Django", "body": "docker images gunicorn migrations"}),
        2: profile({"title": "Django ORM", "body": "queries migrations indexes"}),
        3: profile({"title": "Flask templates", "body": "jinja macros layouts"}),
        4: profile({"title": "Docker for Django", "body": "docker images compose gunicorn"}),
    }
    keywords = {1: {"django", "docker"}, 2: {"django"}, 3: {"flask"}, 4: {"docker", "django"}}
    related = related_posts(posts, keywords)
    assert [r.related_id for r in related[1]] == [4, 2]
    assert related[3] == []
    assert all(0 < r.score <= 1 for listed in related.values() for r in listed)
    assert common_limit(10) == 50 and common_limit(5000) == 500
