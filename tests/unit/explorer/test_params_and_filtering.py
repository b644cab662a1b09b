"""The explorer's pure logic on the seed's frameworks: URL round trip, filter semantics, facet counts."""

from __future__ import annotations

import itertools
from urllib.parse import urlsplit

import pytest
from sqlmodel import Session

from blog_app.explorer.filtering import facet_counts, facet_titles, filter_frameworks
from blog_app.explorer.params import MAX_COMPARE, ExplorerParams, parse_explorer_params
from blog_app.explorer.queries import text_ranks
from tests.support.fixture_posts import SEED_FRAMEWORKS


def names(frameworks) -> list[str]:
    return [framework.name for framework in frameworks]


def brute_force(frameworks, pros=(), cons=()):
    """An independent reading of the facet rules: every pro, no con."""
    kept = []
    for framework in frameworks:
        have = {(t.kind, t.key) for t in framework.traits}
        if all(("pro", p) in have for p in pros) and not any(("con", c) in have for c in cons):
            kept.append(framework.name)
    return kept


# -- URL --------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "query",
    [
        ExplorerParams(),
        ExplorerParams(pros=("performance",)),
        ExplorerParams(
            pros=("performance", "type-hints"), cons=("frontend",), text="fast api", compare=("reflex", "django")
        ),
        ExplorerParams(text="C++ & Rust? 100% / ünïcode", focus="django"),
        ExplorerParams(compare=("dash", "reflex", "flask", "gradio")),
    ],
)
def test_format_then_parse_gives_the_same_query(query):
    parsed = parse_explorer_params(urlsplit(query.url()).query)
    assert parsed == ExplorerParams(
        tuple(sorted(query.pros)), tuple(sorted(query.cons)), query.text, query.compare, query.focus
    )


def test_canonical_form_is_readable_and_order_independent():
    a = ExplorerParams(
        pros=("type-hints", "performance"), cons=("frontend",), text="fast api", compare=("reflex", "django")
    )
    b = ExplorerParams(
        pros=("performance", "type-hints"), cons=("frontend",), text="fast api", compare=("reflex", "django")
    )
    assert a.url() == b.url() == "/frameworks?pro=performance,type-hints&con=frontend&q=fast+api&compare=reflex,django"
    assert ExplorerParams().url() == "/frameworks"
    assert ExplorerParams(cons=("frontend",)).url() == "/frameworks?con=frontend"


def test_repeated_and_comma_separated_values_are_the_same():
    assert (
        parse_explorer_params("pro=a&pro=b&con=c")
        == parse_explorer_params("?pro=a,b&con=c")
        == ExplorerParams(pros=("a", "b"), cons=("c",))
    )


@pytest.mark.parametrize(
    ("query_string", "expected"),
    [
        ("", ExplorerParams()),
        ("utm_source=x&page=2&pro", ExplorerParams()),
        ("pro=&con=,,,&q=&compare=", ExplorerParams()),
        ("pro=Performance&con=LIMITED%20DOMAIN", ExplorerParams(pros=("performance",), cons=("limited-domain",))),
        ("pro=%ZZ&con=%E0%A4%A", ExplorerParams(pros=("zz",), cons=("a",))),
        ("pro=<script>alert(1)</script>", ExplorerParams(pros=("script-alert-1-script",))),
        ("q=" + "x" * 500, ExplorerParams(text="x" * 100)),
        ("q=%00%01  spaced \t out ", ExplorerParams(text="spaced out")),
        ("compare=a,b,c,d,e,f", ExplorerParams(compare=("a", "b", "c", "d"))),
        ("compare=a,a,b&pro=x,x", ExplorerParams(pros=("x",), compare=("a", "b"))),
        ("focus=django&focus=reflex", ExplorerParams(focus="django")),
        ("q=one&q=two", ExplorerParams(text="two")),
        ("&&==&=&pro==performance", ExplorerParams(pros=("performance",))),
        ("pro=" + ",".join(f"k{i}" for i in range(500)), ExplorerParams(pros=tuple(f"k{i}" for i in range(40)))),
    ],
)
def test_garbage_is_ignored_never_raised(query_string, expected):
    assert parse_explorer_params(query_string) == expected


def test_unknown_values_are_dropped_against_the_data(seed_frameworks):
    query = parse_explorer_params(
        "pro=performance,nope&con=frontend,ecosystem,performance-x&compare=reflex,nope&focus=nope"
    )
    restricted = query.restricted(seed_frameworks)
    assert restricted == ExplorerParams(pros=("performance",), cons=("frontend", "ecosystem"), compare=("reflex",))


# -- editing a query --------------------------------------------------------------------------------


def test_toggling_adds_and_removes():
    query = ExplorerParams().toggled("pro", "a").toggled("con", "b").toggled("pro", "c")
    assert (query.pros, query.cons) == (("a", "c"), ("b",))
    assert query.toggled("pro", "a").pros == ("c",)
    assert query.with_text("  two   words ").text == "two words"
    assert query.with_text("x").without_filters() == ExplorerParams()


def test_compare_keeps_at_most_four():
    query = ExplorerParams()
    for slug in ["a", "b", "c", "d", "e"]:
        query = query.toggled_compare(slug)
    assert query.compare == ("a", "b", "c", "d") and len(query.compare) == MAX_COMPARE
    assert query.toggled_compare("b").compare == ("a", "c", "d")
    assert query.with_text("x").without_filters().compare == query.compare
    assert query.without_compare().compare == ()


# -- filtering --------------------------------------------------------------------------------------


def test_no_filter_keeps_all_seven_in_post_order(seed_frameworks):
    assert names(filter_frameworks(seed_frameworks, ExplorerParams())) == list(SEED_FRAMEWORKS)


def test_pro_performance_leaves_only_fastapi_and_refusing_frontend_leaves_none(seed_frameworks):
    query = ExplorerParams(pros=("performance",))
    assert names(filter_frameworks(seed_frameworks, query)) == ["FastAPI"]
    assert filter_frameworks(seed_frameworks, query.toggled("con", "frontend")) == []


def test_refused_con_removes_every_framework_that_has_it(seed_frameworks):
    assert names(filter_frameworks(seed_frameworks, ExplorerParams(cons=("limited-domain",)))) == [
        "Reflex",
        "FastAPI",
        "Django",
        "Flask",
        "Dash",
    ]
    # Refusing "performance" removes Django (a con) but keeps FastAPI (a pro there).
    assert "FastAPI" in names(filter_frameworks(seed_frameworks, ExplorerParams(cons=("performance",))))


def text_matches(engine, text):
    """What the frameworks' search index finds for ``text`` (the explorer's text box)."""
    with Session(engine) as db:
        return text_ranks(db, text)


def test_text_search_ranks_names_taglines_and_traits_and_forgives_a_typo(seed_frameworks, sqlite_engine):
    def search(text):
        return names(filter_frameworks(seed_frameworks, ExplorerParams(text=text), text_matches(sqlite_engine, text)))

    assert search("GRADIO") == ["Gradio"]
    assert search("perfectionists") == ["Django"]
    assert search("hugging face") == ["Gradio"]
    assert search("jinja") == ["Flask"]
    assert search("djnago")[0] == "Django"  # one swapped letter (Reflex, whose traits cite Django, follows)
    assert search("nothing-like-this") == []
    # A name outweighs a mention in another framework's traits: Dash first, then those citing it.
    assert search("dash")[0] == "Dash"
    assert text_matches(sqlite_engine, "?!") is None  # nothing to search for: the text filters nothing


def test_every_combination_agrees_with_a_brute_force_reading(seed_frameworks):
    pro_keys = list(facet_titles(seed_frameworks, "pro"))
    con_keys = ["frontend", "limited-domain", "performance", "callbacks", "ecosystem"]
    pro_sets = [p for size in range(3) for p in itertools.combinations(pro_keys, size)]
    con_sets = [c for size in range(3) for c in itertools.combinations(con_keys, size)]
    for pros, cons in itertools.product(pro_sets, con_sets):
        query = ExplorerParams(pros=pros, cons=cons)
        assert names(filter_frameworks(seed_frameworks, query)) == brute_force(seed_frameworks, pros, cons)


# -- facets -----------------------------------------------------------------------------------------


def test_facets_list_every_key_once_with_a_title(seed_frameworks):
    pros, cons = facet_titles(seed_frameworks, "pro"), facet_titles(seed_frameworks, "con")
    assert len(pros) == 23 and len(cons) == 15  # "Frontend" and "Limited domain" are shared cons
    assert pros["performance"] == cons["performance"] == "Performance"
    assert list(pros.values()) == sorted(pros.values(), key=str.casefold)


@pytest.mark.parametrize(
    "query",
    [
        ExplorerParams(),
        ExplorerParams(pros=("performance",)),
        ExplorerParams(cons=("frontend",)),
        ExplorerParams(pros=("performance",), cons=("frontend",)),
        ExplorerParams(cons=("limited-domain", "callbacks"), text="data"),
    ],
)
def test_facet_counts_are_what_ticking_the_value_would_leave(seed_frameworks, sqlite_engine, query):
    found = text_matches(sqlite_engine, query.text) if query.text else None
    listed = [f for f in seed_frameworks if found is None or f.slug in found]
    for key, count in facet_counts(seed_frameworks, query, "pro", found).items():
        assert count == len(brute_force(listed, {*query.pros, key}, query.cons)), key
    for key, count in facet_counts(seed_frameworks, query, "con", found).items():
        assert count == len(brute_force(listed, query.pros, {*query.cons, key})), key


def test_shared_con_counts_reflect_both_frameworks(seed_frameworks):
    counts = facet_counts(seed_frameworks, ExplorerParams(), "con")
    assert counts["limited-domain"] == 5 and counts["frontend"] == 5 and counts["callbacks"] == 6
    assert facet_counts(seed_frameworks, ExplorerParams(), "pro")["performance"] == 1
    selected = ExplorerParams(pros=("performance",))
    assert facet_counts(seed_frameworks, selected, "pro")["performance"] == 1
    assert facet_counts(seed_frameworks, selected, "con")["frontend"] == 0
