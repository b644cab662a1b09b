"""Extracting frameworks, pros and cons from posts: the seed exactly, and what real authors write."""

from __future__ import annotations

import re

import pytest

from blog_app.content import parse_post
from blog_app.content.frameworks import trait_key
from tests.support.fixture_posts import SEED

SEED_PATH = "content/" + SEED.name
EXPECTED = {
    "Reflex": (
        "Frontend. Backend. Pure Python.",
        ["Pure Python", "No boilerplate", "Flexible and expressive", "Database management", "Deployment"],
        ["Ecosystem", "Breaking changes"],
    ),
    "FastAPI": (
        "high performance, easy to learn, fast to code, ready for production",
        ["Type hints", "Automatic documentation", "Data validation", "Performance"],
        ["Frontend", "Onboarding"],
    ),
    "Django": (
        "the web framework for perfectionists with deadlines",
        ["Mature", "Admin interface", "ORM", "Plugin system"],
        ["Performance", "Frontend", "Monolithic"],
    ),
    "Flask": (
        "the micro framework for building web apps",
        ["Lightweight", "Flexible"],
        ["Synchronous", "Jinja templating", "Documentation"],
    ),
    "Streamlit": (
        "a faster way to build and share data apps",
        ["Quick prototyping", "Data visualization", "App gallery"],
        ["Limited domain", "Limited UI components", "Limited interactivity"],
    ),
    "Gradio": (
        "build and share delightful machine learning apps",
        ["Easy deployment", "ML integration"],
        ["Limited domain", "Graduation risk"],
    ),
    "Dash": (
        "data apps & dashboards for Python",
        ["Data components", "Multiple languages", "Academic community"],
        ["Callbacks", "Cloud deployment"],
    ),
}


def parse(body: str, path: str = "content/post.md"):
    return parse_post(path, f"---\ntitle: T\nauthor: A\ndate: 2024-01-01\n---\n{body}".encode())


@pytest.fixture
def seed(seed_bytes):
    return parse_post(SEED_PATH, seed_bytes)


def by_name(document):
    return {framework.name: framework for framework in document.frameworks}


def test_seed_yields_exactly_the_seven_frameworks_in_order(seed):
    assert [f.name for f in seed.frameworks] == list(EXPECTED)
    assert [f.slug for f in seed.frameworks] == ["reflex", "fastapi", "django", "flask", "streamlit", "gradio", "dash"]
    assert {f.name: f.tagline for f in seed.frameworks} == {name: expected[0] for name, expected in EXPECTED.items()}


@pytest.mark.parametrize("name", list(EXPECTED))
def test_seed_every_pro_and_con_as_written(seed, name):
    framework = by_name(seed)[name]
    _, pros, cons = EXPECTED[name]
    assert [t.title for t in framework.of_kind("pro")] == pros
    assert [t.title for t in framework.of_kind("con")] == cons
    assert len(framework.traits) == len(pros) + len(cons)


def test_seed_totals(seed):
    traits = [t for f in seed.frameworks for t in f.traits]
    assert sum(t.kind == "pro" for t in traits) == 23
    assert sum(t.kind == "con" for t in traits) == 17


def test_every_description_is_the_authors_text(seed, seed_bytes):
    # The raw file with line breaks joined, inline-code backticks dropped and "--" set as an em dash
    # (the typography the post page uses too).
    raw = " ".join(seed_bytes.decode().replace("`", "").replace("--", "\u2014").split())
    for framework in seed.frameworks:
        for trait in framework.traits:
            assert trait.description, f"{framework.name}/{trait.title} has no text"
            assert f"- **{trait.title}**: {trait.description}" in raw


def test_item_running_over_two_lines_keeps_its_full_text(seed):
    [cloud] = [t for t in by_name(seed)["Dash"].traits if t.title == "Cloud deployment"]
    assert cloud.description == (
        "Plotly's hosting service is primarily for enterprise, although cannot be easily deployed can be "
        "deployed with containers, making them easy to manage and scale."
    )
    assert cloud.line == 156


def test_inline_code_keeps_its_words(seed):
    [deployment] = [t for t in by_name(seed)["Reflex"].traits if t.title == "Deployment"]
    assert deployment.description == "Reflex apps can be deployed to the cloud with a single command (reflex deploy)."


def test_pros_and_cons_introduced_by_a_paragraph_are_read(seed):
    gradio = by_name(seed)["Gradio"]
    assert [t.key for t in gradio.of_kind("pro")] == ["easy-deployment", "ml-integration"]
    assert [t.line for t in gradio.traits] == [132, 133, 136, 137]


def test_shared_titles_share_a_key(seed):
    frameworks = by_name(seed)
    performance = {(f.name, t.kind) for f in seed.frameworks for t in f.traits if t.key == "performance"}
    assert performance == {("FastAPI", "pro"), ("Django", "con")}
    limited = [f.name for f in seed.frameworks if "limited-domain" in {t.key for t in f.of_kind("con")}]
    assert limited == ["Streamlit", "Gradio"]
    assert frameworks["Flask"].of_kind("pro")[1].key == "flexible"  # not merged with "Flexible and expressive"


def test_summary_is_the_first_paragraph_of_the_section(seed):
    fastapi = by_name(seed)["FastAPI"]
    assert fastapi.summary == (
        "FastAPI is a modern backend web framework that has become popular for building REST APIs. "
        "Built on top of Starlette and Pydantic, FastAPI is performant, ergonomic, and excels in scenarios "
        "requiring high performance and concurrent processing."
    )
    assert all(f.summary and "\n" not in f.summary for f in seed.frameworks)


def test_anchor_is_the_heading_anchor_of_the_page(seed):
    headings = {s.line: s.anchor for s in seed.segments if s.kind == "heading" and s.level == 2}
    assert [f.anchor for f in seed.frameworks] == list(headings.values())
    assert by_name(seed)["Reflex"].anchor == "reflex-frontend-backend-pure-python"
    assert [f.line for f in seed.frameworks] == list(headings)


def test_seed_reports_nothing_about_frameworks(seed):
    assert not [w for w in seed.warnings if "explorer" in w.reason]


def test_post_that_compares_nothing_has_no_frameworks_and_no_warnings():
    document = parse("## Intro\n\nText.\n\n- a plain list\n- **bold** start\n\n## Pros of testing\n\nMore.\n")
    assert document.frameworks == []
    assert document.warnings == []


READABLE = (
    "## Alpha -- the first\n\nAlpha is first.\n\n### Pros\n\n- **Fast**: Very.\n\n### Cons\n\n- **Young**: New.\n\n"
)


def test_unreadable_section_is_reported_with_file_and_line():
    document = parse(READABLE + "## Beta\n\nBeta text.\n\n### Pros\n\n- fast\n- small\n")
    assert [f.name for f in document.frameworks] == ["Alpha"]
    reasons = [str(w) for w in document.warnings]
    assert (
        "content/post.md:24: warning: pro item is not in the '- **Title**: text' form; left out of the frameworks explorer"
        in reasons
    )
    assert (
        "content/post.md:18: warning: section 'Beta' has no pros or cons in the '- **Title**: text' form; left out of the frameworks explorer"
        in reasons
    )


def test_one_bad_item_is_reported_and_the_rest_kept():
    document = parse("## Alpha\n\n### Cons\n\n- **Young**: New.\n- just words\n- **Small** - tiny\n")
    [alpha] = document.frameworks
    assert [(t.title, t.description) for t in alpha.traits] == [("Young", "New."), ("Small", "tiny")]
    assert [w.line for w in document.warnings] == [11]


def test_titled_list_without_a_label_is_reported():
    document = parse(READABLE + "## Beta\n\n- **Fast**: yes\n")
    assert [w.line for w in document.warnings] == [18, 20]
    assert "section 'Beta' has no pros or cons" in document.warnings[0].reason
    assert "not under a Pros or Cons heading" in document.warnings[1].reason


def test_other_author_styles_are_read():
    body = (
        "## Alpha: tiny framework\n\nIntro.\n\n**Pros:**\n\n* **Fast:** Very fast.\n"
        "* **Loose**: First paragraph.\n\n  Second paragraph.\n\n### Disadvantages\n\n1. **Young** — new.\n"
    )
    [alpha] = parse(body).frameworks
    assert (alpha.name, alpha.tagline, alpha.summary) == ("Alpha", "tiny framework", "Intro.")
    assert [(t.kind, t.title, t.description) for t in alpha.traits] == [
        ("pro", "Fast", "Very fast."),
        ("pro", "Loose", "First paragraph. Second paragraph."),
        ("con", "Young", "new."),
    ]


def test_the_same_framework_twice_is_reported():
    document = parse(READABLE + READABLE.replace("the first", "again"))
    assert len(document.frameworks) == 1
    assert re.search(
        r"post\.md:18: warning: framework 'Alpha' is already described at line 6", str(document.warnings[0])
    )


@pytest.mark.parametrize(
    ("heading", "name", "tagline"),
    [
        ("Reflex--Pure Python", "Reflex", "Pure Python"),
        ("Reflex \u2014 Pure Python", "Reflex", "Pure Python"),
        ("Reflex: Pure Python", "Reflex", "Pure Python"),
        ("Reflex - Pure Python", "Reflex", "Pure Python"),
        ("Py-Web", "Py-Web", ""),
    ],
)
def test_heading_splits_into_name_and_tagline(heading, name, tagline):
    [framework] = parse(f"## {heading}\n\n### Pros\n\n- **A**: b\n").frameworks
    assert (framework.name, framework.tagline) == (name, tagline)


@pytest.mark.parametrize(
    ("title", "key"),
    [
        ("Performance", "performance"),
        ("  Limited   UI components ", "limited-ui-components"),
        ("ORM", "orm"),
        ("Type-hints!", "type-hints"),
        ("Ünïcode", "unicode"),
    ],
)
def test_trait_key_normalises_case_space_and_punctuation(title, key):
    assert trait_key(title) == key
