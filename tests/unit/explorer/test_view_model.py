"""What the explorer page shows for a query: cards, facets, chips and the comparison table."""

from __future__ import annotations

from blog_app.explorer.params import ExplorerParams
from blog_app.explorer.view_model import build_view, compare_rows


def by_slug(frameworks):
    return {framework.slug: framework for framework in frameworks}


def test_default_view_shows_everything(seed_frameworks):
    view = build_view(seed_frameworks, ExplorerParams())
    assert (view.total, view.result_count, len(view.cards)) == (7, 7, 7)
    assert (len(view.pro_facets), len(view.con_facets)) == (23, 15)
    assert view.chips == [] and view.compare_columns == [] and view.compare_rows == []
    reflex = view.cards[0]
    assert reflex.section_href == "/blog/top-python-web-frameworks-2024#reflex-frontend-backend-pure-python"
    assert [b.title for b in reflex.pros][:2] == ["Pure Python", "No boilerplate"]
    assert not any(b.highlighted for card in view.cards for b in card.pros)


def test_selected_pros_are_highlighted_and_chips_name_every_filter(seed_frameworks):
    view = build_view(seed_frameworks, ExplorerParams(pros=("performance",), cons=("frontend",), text="fast"))
    assert view.result_count == 0 and view.cards == []
    assert [(c.kind, c.value, c.label) for c in view.chips] == [
        ("pro", "performance", "Has: Performance"),
        ("con", "frontend", "Avoids: Frontend"),
        ("text", "fast", "Search: “fast”"),
    ]
    [fastapi] = build_view(seed_frameworks, ExplorerParams(pros=("performance",))).cards
    assert [(b.title, b.highlighted) for b in fastapi.pros if b.highlighted] == [("Performance", True)]
    checked = [f.key for f in build_view(seed_frameworks, ExplorerParams(cons=("frontend",))).con_facets if f.checked]
    assert checked == ["frontend"]


def test_focused_framework_comes_first(seed_frameworks):
    view = build_view(seed_frameworks, ExplorerParams(focus="django"))
    assert [c.slug for c in view.cards][:2] == ["django", "reflex"]
    assert [c.focused for c in view.cards].count(True) == 1


def test_compare_columns_and_rows(seed_frameworks):
    view = build_view(seed_frameworks, ExplorerParams(compare=("reflex", "django")))
    assert [c.name for c in view.compare_columns] == ["Reflex", "Django"]
    assert len(view.compare_rows) == 14
    rows = {row.title: [(cell.kind, cell.text) for cell in row.cells] for row in view.compare_rows}
    assert rows["Pure Python"] == [
        ("pro", "Reflex enables you to build both your frontend and backend in Python."),
        ("", ""),
    ]
    assert rows["Monolithic"][0] == ("", "") and rows["Monolithic"][1][0] == "con"


def test_shared_traits_lead_the_comparison(seed_frameworks):
    frameworks = by_slug(seed_frameworks)
    rows = compare_rows([frameworks["fastapi"], frameworks["django"], frameworks["flask"]])
    assert [row.title for row in rows[:2]] == ["Performance", "Frontend"]
    assert [cell.kind for cell in rows[0].cells] == ["pro", "con", ""]
    keys = {t.key for slug in ("fastapi", "django", "flask") for t in frameworks[slug].traits}
    assert len(rows) == len(keys)


def test_a_fifth_framework_cannot_be_added(seed_frameworks):
    view = build_view(seed_frameworks, ExplorerParams(compare=("reflex", "django", "flask", "dash")))
    disabled = {card.slug for card in view.cards if card.compare_disabled}
    assert disabled == {"fastapi", "streamlit", "gradio"}
