"""Load in CI: thirty readers click through posts and the explorer for ten seconds, and nothing fails.

The small version of ``scripts/bench --only load`` (500 readers for 60 s): a production backend
(``reflex run --env prod --backend-only``, SQLite, the shipped posts plus synthetic ones) in a
subprocess, readers on real Socket.IO connections in a Node process (``harness/readers.cjs``).
Every action's answer is checked against the database (the post's title, the explorer's result
count for the filter), and the server's account of its events (``BLOG_EVENT_TIMING``) is matched to
each; latencies are measured but never asserted.
"""

from __future__ import annotations

import pytest

from harness.load import run_load
from harness.readers import READER_ACTIONS, Site, served_site

READERS, SECONDS, SYNTHETIC_POSTS = 30, 10, 20
# Loose: a leak that holds each action's state would add far more in ten seconds of ~30 actions/s.
MEMORY_GROWTH_ALLOWED = 60e6


@pytest.fixture(scope="module")
def site(tmp_path_factory) -> Site:
    with served_site(tmp_path_factory.mktemp("load"), SYNTHETIC_POSTS, timing=True) as site:
        yield site


@pytest.fixture(scope="module")
def run(site):
    return run_load(site, READERS, SECONDS, READER_ACTIONS, think=0.5)


def test_no_action_failed(run, site):
    assert dict(run.results.failures) == {}, f"server log (end):\n{site.app.log()[-4000:]}"


def test_every_reader_acted_and_every_kind_of_action_ran(run, site):
    assert len(site.titles) > SYNTHETIC_POSTS, "the shipped posts and the synthetic ones"
    assert sorted(run.results.completed_by) == list(range(READERS)), "each reader completed actions"
    assert set(READER_ACTIONS) <= set(run.results.latencies)
    assert all(len(run.results.latencies[action]) >= 5 for action in READER_ACTIONS)


def test_server_memory_stays_bounded(run):
    memory = run.memory
    assert memory.idle > 0 and memory.middle > 0
    assert memory.last - memory.middle < MEMORY_GROWTH_ALLOWED, memory


def test_the_server_accounts_for_every_right_answer(run):
    # BLOG_EVENT_TIMING: each answered action is matched to the events its tab queued while it waited.
    accounts = run.accounts()
    assert sum(len(found) for found in accounts.values()) == len(run.results.answered) > 0
    handlers = {event["name"].rsplit(".", 1)[-1] for event in run.server_events}
    assert {"on_load_internal", "on_load", "set_is_hydrated", "toggle_trait", "search"} <= handlers
    assert all(event["total"] >= event["handler"] >= 0 and event["queued"] >= 0 for event in run.server_events)


class WrongSite(Site):
    """The same server, expected to show counts no filter gives: every explorer answer is wrong."""

    def result_count(self, url: str) -> int:
        return -1


def test_a_wrong_answer_is_counted_as_a_failure(site):
    # The control for test_no_action_failed: the checks do look at what the server sent.
    titles = {slug: f"Not {title}" for slug, title in site.titles.items()}
    run = run_load(WrongSite(site.apps, titles, site.frameworks), 2, 3, READER_ACTIONS)
    assert run.actions == 0
    assert run.failed > 0
    assert {failure.split(": ", 1)[1] for failure in run.results.failures} == {"wrong state"}
