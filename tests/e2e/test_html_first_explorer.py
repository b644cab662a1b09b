"""The frameworks explorer in its first response: every view readable without JavaScript, and React keeps it.

Expected facets, counts, cards and comparisons are computed from the frozen seed post
(``seed_frameworks``), through the same pure view builder, never copied from the live blog.
"""

from __future__ import annotations

import lxml.html
import pytest
from selenium.webdriver.common.by import By
from sqlmodel import Session

from blog_app.explorer.params import parse_explorer_params
from blog_app.explorer.queries import text_ranks
from blog_app.explorer.view_model import ExplorerView, build_view
from harness.browser import assert_page_is_clean, new_driver, wait_for
from tests.support.e2e_site import SITE
from tests.support.fixture_posts import SEED_FRAMEWORKS
from tests.support.pages import card_names, facet

pytestmark = pytest.mark.e2e
# Each view, and what a reader checks first in it (from the seed post).
VIEWS = {
    "": list(SEED_FRAMEWORKS),
    "?pro=performance": ["FastAPI"],
    "?con=frontend": ["Reflex", "Flask", "Streamlit", "Gradio", "Dash"],
    "?q=jinja": ["Flask"],
    "?compare=reflex,django": list(SEED_FRAMEWORKS),
}
# The boxes compared before and after React takes over.
BOXES = "#main h1, #result-count, label[data-key], #results article, #results h2, #compare th, #compare-bar"
READ_BOXES = """
return [...document.querySelectorAll(arguments[0])].map(e => {
  const r = e.getBoundingClientRect();
  return [e.tagName, (e.getAttribute('data-key') || e.textContent.slice(0, 30)), Math.round(r.x), Math.round(r.y),
          Math.round(r.width), Math.round(r.height)];
});
"""


@pytest.fixture
def expected(seed_frameworks, sqlite_engine):
    """The view a query string must show, built from the seed post's frameworks."""

    def view(query: str) -> ExplorerView:
        params = parse_explorer_params(query).restricted(seed_frameworks)
        with Session(sqlite_engine) as db:
            matches = text_ranks(db, params.text) if params.text else None
        return build_view(seed_frameworks, params, matches)

    return view


def first_response(http, query: str):
    response = http.get("/frameworks/" + query)
    assert response.status_code == 200
    doc = lxml.html.document_fromstring(response.text)
    slot = doc.get_element_by_id("first-response")
    assert not slot.xpath("ancestor::noscript") and not slot.xpath(".//noscript")
    return doc, slot


def facets_in(slot, group: str) -> list[tuple[str, str, int, str]]:
    labels = slot.xpath(f".//fieldset[@aria-label='{group}']//label[@data-key]")
    return [
        (
            label.get("data-key"),
            label.xpath(".//span[contains(@class, 'facet-title')]")[0].text_content(),
            int(label.xpath(".//span[contains(@class, 'facet-count')]")[0].text_content()),
            label.xpath(".//button[@role='checkbox']")[0].get("aria-checked"),
        )
        for label in labels
    ]


def facets_of(view: ExplorerView, kind: str) -> list[tuple[str, str, int, str]]:
    options = view.pro_facets if kind == "pro" else view.con_facets
    return [(o.key, o.title, o.count, "true" if o.checked else "false") for o in options]


@pytest.mark.parametrize("query", list(VIEWS))
def test_first_response_carries_facets_counts_cards_and_comparison(http, expected, query):
    doc, slot = first_response(http, query)
    view = expected(query)
    assert [card.name for card in view.cards] == VIEWS[query]  # the fixture says what the reader sees
    assert facets_in(slot, "Pros") == facets_of(view, "pro")
    assert facets_in(slot, "Cons") == facets_of(view, "con")
    fits = "framework fits" if view.total == 1 else "frameworks fit"
    assert slot.get_element_by_id("result-count").text_content() == f"{view.result_count} of {view.total} {fits}"
    assert [h2.text_content() for h2 in slot.xpath(".//div[@id='results']//article//h2")] == VIEWS[query]
    chips = slot.xpath(".//div[@aria-label='Active filters']/span")
    assert [chip.text_content() for chip in chips] == [chip.label for chip in view.chips]
    columns = slot.xpath(".//section[@id='compare']//thead//th//a")
    assert [a.text_content() for a in columns] == [column.name for column in view.compare_columns]
    rows = slot.xpath(".//section[@id='compare']//tbody/tr/th")
    assert [th.text_content() for th in rows] == [row.title for row in view.compare_rows]
    assert len(doc.xpath("//head/link[@rel='canonical']")) == 1


def test_the_canonical_address_is_the_view_with_only_what_the_explorer_knows(http):
    doc, slot = first_response(http, "?con=Frontend,nope&compare=a,reflex,django&utm_source=x")
    assert doc.xpath("//head/link[@rel='canonical']/@href") == [
        SITE + "/frameworks/?con=frontend&compare=reflex,django"
    ]
    assert slot.xpath(".//section[@id='compare']//thead//th//a/text()") == ["Reflex", "Django"]


@pytest.mark.parametrize("query", ["?pro=performance", "?compare=reflex,django"])
def test_without_javascript_the_view_is_on_screen(server, expected, query):
    view = expected(query)
    driver = new_driver(javascript=False)
    try:
        driver.get(server.url + "/frameworks/" + query)
        assert card_names(driver) == [card.name for card in view.cards]
        assert driver.find_element(By.ID, "result-count").is_displayed()
        assert facet(driver, "Pros", "performance").is_displayed()
        if view.compare_columns:
            assert driver.find_element(By.ID, "compare").is_displayed()
    finally:
        driver.quit()


def boxes(server, query: str, javascript: bool) -> list:
    driver = new_driver(javascript=javascript)
    try:
        driver.get(server.url + "/frameworks/" + query)
        if javascript:
            wait_for(
                lambda: (
                    not driver.find_elements(By.ID, "first-response")
                    and driver.find_elements(By.CSS_SELECTOR, ".explorer:not(.stale) #result-count")
                ),
                message="the explorer rendered by React",
            )
            assert_page_is_clean(driver)
        return driver.execute_script(READ_BOXES, BOXES)
    finally:
        driver.quit()


@pytest.mark.parametrize("query", ["?pro=pure-python&compare=reflex,django", "?pro=performance&con=frontend"])
def test_react_takes_over_without_moving_a_box(server, query):
    before = boxes(server, query, javascript=False)
    # The heading and the facet labels were read (the view may hold no card).
    kinds = {box[0] for box in before}
    assert {"H1", "LABEL"} <= kinds
    assert boxes(server, query, javascript=True) == before


# Every message from the backend arrives late, so after each navigation the browser has only the
# previous view for a while; and each frame from the parsed document on records the address's query
# string, the cards a reader can see and how many facet labels are on screen.
SAMPLER = """
const Native = window.WebSocket;
window.WebSocket = class extends Native {
  set onmessage(handler) { super.onmessage = event => setTimeout(() => handler.call(this, event), DELAY); }
  get onmessage() { return super.onmessage; }
  addEventListener(type, handler, options) {
    if (type !== 'message') return super.addEventListener(type, handler, options);
    return super.addEventListener(type, event => setTimeout(() => handler.call(this, event), DELAY), options);
  }
};
window.__samples = [];
const visible = e => e.checkVisibility({visibilityProperty: true});
const frame = () => {
  if (document.querySelector('.explorer')) {
    const cards = [...document.querySelectorAll('#results article h2')].filter(visible).map(h => h.textContent);
    const facets = [...document.querySelectorAll('label[data-key]')].filter(visible).length;
    window.__samples.push([location.search, cards.join('|'), facets]);
  }
  requestAnimationFrame(frame);
};
// From the parsed document on: while it is parsed the browser may paint half of it (a frame with
// 29 of the 38 facets was seen on a slow run), which is loading, not navigation.
document.addEventListener('DOMContentLoaded', () => requestAnimationFrame(frame));
""".replace("DELAY", "1000")
# Between the address changing and React rendering for it, the browser may paint a few frames
# (React Router renders navigations as transitions, longer on a busy machine: 6 frames seen with
# the other core loaded). With the backend a second late, a page that showed the previous view
# until the backend answered would do so for about 60 frames.
ROUTER_FRAMES = 15


def stale_runs(samples: list, cards: dict[str, str]) -> list[tuple[str, str, int]]:
    """Each run of consecutive frames whose visible cards are not the view of the address: (query, cards, frames)."""
    runs: list[tuple[str, str, int]] = []
    for search, shown, _ in samples:
        if shown in ("", cards[search]):
            continue
        if runs and runs[-1][:2] == (search, shown):
            runs[-1] = (search, shown, runs[-1][2] + 1)
        else:
            runs.append((search, shown, 1))
    return runs


def test_in_app_navigation_never_shows_the_previous_view_and_keeps_the_facets(server, expected):
    everything = expected("")
    # Under each address the reader passes through: its view's cards (or none while it loads).
    cards = {
        search: "|".join(card.name for card in expected(search.replace("%2C", ",")).cards)
        for search in ("", "?pro=performance", "?compare=reflex", "?compare=reflex%2Cdjango", "?compare=reflex,django")
    }
    driver = new_driver()
    driver.execute_cdp_cmd("Page.addScriptToEvaluateOnNewDocument", {"source": SAMPLER})
    try:
        driver.get(server.url + "/frameworks/")
        settled = ".explorer:not(.stale) #result-count"
        wait_for(
            lambda: not driver.find_elements(By.ID, "first-response") and driver.find_elements(By.CSS_SELECTOR, settled)
        )
        driver.execute_script("window.__marker = 'same page'")
        facet(driver, "Pros", "performance").click()
        wait_for(lambda: card_names(driver) == ["FastAPI"] and driver.find_elements(By.CSS_SELECTOR, settled))
        facet(driver, "Pros", "performance").click()
        wait_for(lambda: card_names(driver) == list(SEED_FRAMEWORKS) and driver.find_elements(By.CSS_SELECTOR, settled))
        for slug in ("reflex", "django"):
            driver.find_element(By.CSS_SELECTOR, f"article[data-framework='{slug}'] label [role='checkbox']").click()
            wait_for(
                lambda slug=slug: (
                    slug in driver.execute_script("return location.search")
                    and driver.find_elements(By.CSS_SELECTOR, settled)
                )
            )
        header = wait_for(lambda: driver.find_elements(By.CSS_SELECTOR, ".explorer:not(.stale) #compare thead a"))
        assert [a.text for a in header] == ["Reflex", "Django"]
        assert driver.execute_script("return window.__marker") == "same page"  # no full page load
        assert_page_is_clean(driver)
        samples = driver.execute_script("return window.__samples")
    finally:
        driver.quit()
    facet_count = len(everything.pro_facets) + len(everything.con_facets)
    assert {search for search, _, _ in samples} >= {"", "?pro=performance"}
    assert [run for run in stale_runs(samples, cards) if run[2] > ROUTER_FRAMES] == []
    flickers = [(search, shown, facets) for search, shown, facets in samples if facets != facet_count]
    assert flickers == [], f"frames without all {facet_count} facets"  # the facets never flicker away
