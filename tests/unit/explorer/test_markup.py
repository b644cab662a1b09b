"""The explorer as the server writes it, on the frozen seed post: what each view shows, as React renders it."""

from __future__ import annotations

import lxml.html

from blog_app.explorer.markup import explorer_markup
from blog_app.explorer.params import ExplorerParams
from blog_app.explorer.view_model import build_view


def written(frameworks, params: ExplorerParams):
    view = build_view(frameworks, params)
    return view, lxml.html.fragment_fromstring(explorer_markup(view, "Explorer", "Intro"))


def texts(root, path: str) -> list[str]:
    return [node.text_content() for node in root.xpath(path)]


def test_every_facet_is_a_labelled_checkbox_with_its_count(seed_frameworks):
    view, root = written(seed_frameworks, ExplorerParams(pros=("performance",)))
    labels = root.xpath(".//fieldset[@aria-label='Pros']//label[@data-key]")
    assert [label.get("data-key") for label in labels] == [option.key for option in view.pro_facets]
    assert texts(root, ".//fieldset[@aria-label='Cons']//span[contains(@class, 'facet-count')]") == [
        str(option.count) for option in view.con_facets
    ]
    [ticked] = root.xpath(".//button[@role='checkbox'][@aria-checked='true']")
    assert ticked.getparent().getparent().get("data-key") == "performance" and ticked.xpath("./svg")
    assert texts(root, ".//p[@id='result-count']") == ["1 of 7 frameworks fit"]
    assert texts(root, ".//div[@aria-label='Active filters']/span") == ["Has: Performance"]
    assert texts(root, ".//div[@id='results']/article//h2") == ["FastAPI"]
    assert texts(root, ".//article//span[@data-selected='true']") == ["Performance (selected)"]
    assert root.xpath(".//button[contains(@class, 'filters-toggle')]/span/text()") == ["1"]


def test_no_match_shows_the_empty_state_instead_of_cards(seed_frameworks):
    _, root = written(seed_frameworks, ExplorerParams(pros=("performance",), cons=("frontend",)))
    assert root.xpath(".//div[@id='results']") == []
    assert texts(root, ".//div[@id='empty-state']//h2") == ["No framework fits all of that"]


def test_the_comparison_table_and_bar_follow_the_chosen_frameworks(seed_frameworks):
    view, root = written(seed_frameworks, ExplorerParams(compare=("reflex", "django")))
    assert texts(root, ".//section[@id='compare']//thead//a") == ["Reflex", "Django"]
    assert texts(root, ".//section[@id='compare']//tbody/tr/th") == [row.title for row in view.compare_rows]
    unmentioned = root.xpath(".//td[contains(@class, 'unmentioned')]")
    assert len(unmentioned) == sum(1 for row in view.compare_rows for cell in row.cells if not cell.kind)
    assert texts(root, ".//div[@id='compare-bar']//button[@title='Remove']/..") == ["Reflex", "Django"]
    _, single = written(seed_frameworks, ExplorerParams(compare=("reflex",)))
    assert single.xpath(".//section[@id='compare']") == [] and "Pick one more" in single.text_content()


def test_a_fifth_framework_cannot_be_ticked_for_comparison(seed_frameworks):
    _, root = written(seed_frameworks, ExplorerParams(compare=("reflex", "django", "flask", "dash")))
    disabled = root.xpath(".//article//button[@role='checkbox'][@disabled]/ancestor::article/@data-framework")
    assert disabled == ["fastapi", "streamlit", "gradio"]


def test_search_text_and_focus_are_written_safely(seed_frameworks):
    _, root = written(seed_frameworks, ExplorerParams(text='<b>"x"</b>', focus="django"))
    assert root.xpath(".//input[@type='search']/@value") == ['<b>"x"</b>']
    assert root.xpath(".//b") == []
